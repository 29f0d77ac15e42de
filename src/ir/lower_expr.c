/*
 * Expressions: what gc's unified IR writer (writer.expr and friends), the
 * reader (reader.expr) and typecheck make of an expression, done in one
 * pass over the typed syntax tree.
 *
 * The writer decides from types2's records: constants become one literal,
 * implicit conversions are inserted where the recorded type of an operand
 * differs from the type it is used as (writer.implicitConvExpr), method
 * selections get their implicit field steps and & or *.  typecheck then
 * picks ops (ODOT vs ODOTPTR, OINDEX vs OINDEXMAP, the conversion op of
 * convertOp, OADDSTR for string +), adds the implicit * of indexing a
 * pointer to array and the implicit & of slicing an array, and marks
 * variables whose address is taken.  lower_call.c does calls.
 *
 * Positions are the syntax positions gc's writer records: the expression
 * itself for most nodes (gc's syntax positions are already "the operator",
 * "the '['", "the '.'"), the operand for explicit and implicit
 * conversions (before unparenthesizing: w.pos(expr) sees the parentheses).
 */
#include "lower.h"

#include <string.h>

/* ---- the gc view of types ------------------------------------------------------ */

static TyType *under(TyType *t) { return t ? ty_under(t) : NULL; }

/* types.Type.Kind for basic types: the basic kind (byte and rune are
 * uint8 and int32), or -1. */
static int basic_kind(TyType *t)
{
    TyType *u = under(t);
    if (!u || u->kind != TY_BASIC)
        return -1;
    return TY_AS(TyBasic, u)->bkind;
}

static bool is_kind(TyType *t, TyKind k)
{
    TyType *u = under(t);
    return u && u->kind == k;
}

static bool is_ptr(TyType *t) { return is_kind(t, TY_POINTER); }
static bool is_iface(TyType *t) { return is_kind(t, TY_INTERFACE); }
static bool is_unsafe_ptr(TyType *t) { return basic_kind(t) == TY_UNSAFE_POINTER; }
static bool is_uintptr(TyType *t) { return basic_kind(t) == TY_UINTPTR; }
static bool is_untyped_nil(TyType *t) { return basic_kind(t) == TY_UNTYPED_NIL; }

static bool is_int(TyType *t)
{
    int k = basic_kind(t);
    return (k >= TY_INT && k <= TY_UINTPTR) || k == TY_UNTYPED_INT || k == TY_UNTYPED_RUNE;
}
static bool is_float(TyType *t)
{
    int k = basic_kind(t);
    return k == TY_FLOAT32 || k == TY_FLOAT64 || k == TY_UNTYPED_FLOAT;
}
static bool is_complex(TyType *t)
{
    int k = basic_kind(t);
    return k == TY_COMPLEX64 || k == TY_COMPLEX128 || k == TY_UNTYPED_COMPLEX;
}
static bool is_string(TyType *t)
{
    int k = basic_kind(t);
    return k == TY_STRING || k == TY_UNTYPED_STRING;
}

TyType *lw_elem(TyType *t)
{
    TyType *u = under(t);
    if (!u)
        return NULL;
    switch (u->kind) {
    case TY_POINTER: return TY_AS(TyPointer, u)->base;
    case TY_SLICE: return TY_AS(TySlice, u)->elem;
    case TY_ARRAY: return TY_AS(TyArray, u)->elem;
    case TY_CHAN: return TY_AS(TyChan, u)->elem;
    case TY_MAP: return TY_AS(TyMap, u)->elem;
    default: return NULL;
    }
}

static bool is_ptr_to_array(TyType *t) { return is_ptr(t) && is_kind(lw_elem(t), TY_ARRAY); }

/* types.Type.Sym() != nil: gc's named types are defined types, the basic
 * types (including unsafe.Pointer) and any; aliases are resolved. */
static bool has_sym(Lower *lw, TyType *t)
{
    if (t == lw->env->any_type)
        return true;
    TyType *u = ty_unalias(t);
    return u->kind == TY_NAMED || (u->kind == TY_BASIC && !(TY_AS(TyBasic, u)->info & TY_IS_UNTYPED));
}

static bool is_empty_iface(Lower *lw, TyType *t)
{
    TyInterface *it = ty_as_interface(t);
    if (!it)
        return false;
    return ty_typeset_num_methods(ty_interface_typeset(lw->env, it)) == 0;
}

/* types.SimType: int and uint are 64 bits, uintptr is a uint64. */
static int sim_kind(int k)
{
    switch (k) {
    case TY_INT: return TY_INT64;
    case TY_UINT:
    case TY_UINTPTR: return TY_UINT64;
    default: return k;
    }
}

/* ---- assignability (types2.AssignableTo for typed values) ------------------------ */

/* V implements the interface T: every method of T's method set is a
 * method of V with an identical signature (addressable receivers do not
 * count: a value of V must have the method). */
static bool implements(Lower *lw, TyType *v, TyType *t)
{
    TyInterface *it = ty_as_interface(t);
    if (!it)
        return false;
    TyTypeSet *ts = ty_interface_typeset(lw->env, it);
    uint32_t n = ty_typeset_num_methods(ts);
    for (uint32_t i = 0; i < n; i++) {
        TyObject *m = ty_typeset_method(ts, i);
        LookupResult r = ty_lookup_field_or_method(lw->env, v, false, m->pkg, m->name, false);
        if (!r.obj || r.obj->kind != TY_OBJ_FUNC || !ty_identical(r.obj->type, m->type))
            return false;
    }
    return true;
}

bool lw_assignable(Lower *lw, TyType *v, TyType *t)
{
    if (!v || !t)
        return false;
    v = ty_unalias(v);
    t = ty_unalias(t);
    if (ty_identical(v, t))
        return true;
    TyType *vu = ty_under(v), *tu = ty_under(t);
    if (ty_is_untyped(vu)) {
        if (is_untyped_nil(vu))
            return ty_has_nil(t);
        /* untyped constants: representability is types2's business; here
         * only the kind matters */
        return tu->kind == TY_BASIC || tu->kind == TY_INTERFACE;
    }
    if (ty_identical(vu, tu) && (!ty_has_name(v) || !ty_has_name(t)))
        return true;
    /* in shaped code v may be a type parameter's shape: the writer saw
     * the parameter, whose constraint made the program check */
    if (tu->kind == TY_INTERFACE)
        return implements(lw, v, t) || (lw->inst && lw_is_shape(v) && !lw_has_shape(t));
    if (vu->kind == TY_CHAN && TY_AS(TyChan, vu)->dir == TY_SEND_RECV && tu->kind == TY_CHAN &&
        ty_identical(TY_AS(TyChan, vu)->elem, TY_AS(TyChan, tu)->elem))
        return !ty_has_name(v) || !ty_has_name(t);
    return false;
}

/* ---- conversions (typecheck.assignOp, convertOp, tcConv) -------------------------- */

static IrOp assign_op(Lower *lw, TyType *src, TyType *dst)
{
    if (src == dst || ty_identical(src, dst))
        return IR_OCONVNOP;
    if (ty_identical(under(src), under(dst))) {
        if (is_empty_iface(lw, src))
            return IR_OCONVNOP;
        if ((!has_sym(lw, src) || !has_sym(lw, dst)) && !is_iface(src))
            return IR_OCONVNOP;
    }
    /* the program type-checked, so a non-nil value assigned to an
     * interface implements it */
    if (is_iface(dst) && !is_untyped_nil(src))
        return IR_OCONVIFACE;
    if (is_ptr(dst) && is_iface(lw_elem(dst)))
        return IR_OXXX;
    if (is_iface(src))
        return IR_OXXX;
    if (is_kind(src, TY_CHAN) && TY_AS(TyChan, under(src))->dir == TY_SEND_RECV && is_kind(dst, TY_CHAN) &&
        ty_identical(lw_elem(src), lw_elem(dst)) && (!has_sym(lw, src) || !has_sym(lw, dst)))
        return IR_OCONVNOP;
    if (is_untyped_nil(src)) {
        TyType *u = under(dst);
        switch (u->kind) {
        case TY_POINTER:
        case TY_SIGNATURE:
        case TY_MAP:
        case TY_CHAN:
        case TY_INTERFACE:
        case TY_SLICE:
            return IR_OCONVNOP;
        default:
            break;
        }
    }
    return IR_OXXX;
}

static IrOp convert_op(Lower *lw, bool src_const, TyType *src, TyType *dst)
{
    IrOp op = assign_op(lw, src, dst);
    if (op != IR_OXXX)
        return op;
    if (is_iface(src) || is_iface(dst))
        return IR_OXXX;
    if (ty_identical_ignore_tags(under(src), under(dst)))
        return IR_OCONVNOP;
    if (is_ptr(src) && is_ptr(dst) && !has_sym(lw, src) && !has_sym(lw, dst) &&
        ty_identical_ignore_tags(under(lw_elem(src)), under(lw_elem(dst))))
        return IR_OCONVNOP;
    if ((is_int(src) || is_float(src)) && (is_int(dst) || is_float(dst)))
        return sim_kind(basic_kind(src)) == sim_kind(basic_kind(dst)) ? IR_OCONVNOP : IR_OCONV;
    if (is_complex(src) && is_complex(dst))
        return sim_kind(basic_kind(src)) == sim_kind(basic_kind(dst)) ? IR_OCONVNOP : IR_OCONV;
    if (src_const && (is_int(src) || is_float(src) || is_complex(src)) &&
        (is_int(dst) || is_float(dst) || is_complex(dst)))
        return IR_OCONV;
    if (is_int(src) && is_string(dst))
        return IR_ORUNESTR;
    if (is_kind(src, TY_SLICE) && is_string(dst)) {
        int ek = basic_kind(lw_elem(src));
        if (ek == TY_UINT8)
            return IR_OBYTES2STR;
        if (ek == TY_INT32)
            return IR_ORUNES2STR;
    }
    if (is_string(src) && is_kind(dst, TY_SLICE)) {
        int ek = basic_kind(lw_elem(dst));
        if (ek == TY_UINT8)
            return IR_OSTR2BYTES;
        if (ek == TY_INT32)
            return IR_OSTR2RUNES;
    }
    if ((is_ptr(src) || is_uintptr(src)) && is_unsafe_ptr(dst))
        return IR_OCONVNOP;
    if (is_unsafe_ptr(src) && (is_ptr(dst) || is_uintptr(dst)))
        return IR_OCONVNOP;
    if (is_kind(src, TY_SLICE)) {
        if (is_kind(dst, TY_ARRAY) && ty_identical(lw_elem(src), lw_elem(dst)))
            return IR_OSLICE2ARR;
        if (is_ptr_to_array(dst) && ty_identical(lw_elem(src), lw_elem(lw_elem(dst))))
            return IR_OSLICE2ARRPTR;
    }
    return IR_OXXX;
}

IrOp lw_convert_op(Lower *lw, TyType *src, TyType *dst, bool *ok)
{
    IrOp op = convert_op(lw, false, src, dst);
    if (ok)
        *ok = op != IR_OXXX;
    return op;
}

/* ---- constants ----------------------------------------------------------------------- */

/* writer's idealType: the type a constant of recorded type t is written
 * with (untyped numbers become uint, or int when negative). */
static TyType *ideal_type(Lower *lw, TyType *t, TyConst val)
{
    TyType *u = ty_unalias(t);
    if (u->kind != TY_BASIC || !(TY_AS(TyBasic, u)->info & TY_IS_UNTYPED))
        return t;
    switch (TY_AS(TyBasic, u)->bkind) {
    case TY_UNTYPED_NIL:
        return t;
    case TY_UNTYPED_INT:
    case TY_UNTYPED_FLOAT:
    case TY_UNTYPED_COMPLEX: {
        TyConst i = ty_const_to_int(lw->a, val);
        return ty_typ(lw->env, ty_const_sign(i) < 0 ? TY_INT : TY_UINT);
    }
    case TY_UNTYPED_BOOL: return ty_typ(lw->env, TY_BOOL);
    case TY_UNTYPED_STRING: return ty_typ(lw->env, TY_STRING);
    case TY_UNTYPED_RUNE: return ty_typ(lw->env, TY_INT32);
    default: return t;
    }
}

/* noder.FixValue: the representation gc's literal of type t holds
 * (go/constant kinds matching the type; floats rounded to their size). */
static TyConst fix_value(Lower *lw, TyType *t, TyConst v)
{
    if (ty_const_is_unknown(v))
        return v;
    bool untyped = ty_is_untyped(t);
    if (is_int(t)) {
        if (ty_const_kind(v) == TY_CONST_COMPLEX)
            v = ty_const_real(v);
        return ty_const_to_int(lw->a, v);
    }
    if (is_float(t)) {
        if (ty_const_kind(v) == TY_CONST_COMPLEX)
            v = ty_const_real(v);
        v = ty_const_to_float(lw->a, v);
        if (!untyped) {
            bool exact;
            double d = basic_kind(t) == TY_FLOAT32 ? (double)ty_const_float32_val(v, &exact)
                                                   : ty_const_float64_val(v, &exact);
            v = ty_const_float64(lw->a, d);
        }
        return v;
    }
    if (is_complex(t)) {
        v = ty_const_to_complex(lw->a, v);
        if (!untyped) {
            bool exact;
            bool c64 = basic_kind(t) == TY_COMPLEX64;
            TyConst re = ty_const_real(v), im = ty_const_imag(v);
            double r = c64 ? (double)ty_const_float32_val(re, &exact) : ty_const_float64_val(re, &exact);
            double i = c64 ? (double)ty_const_float32_val(im, &exact) : ty_const_float64_val(im, &exact);
            v = ty_const_make_complex(lw->a, ty_const_float64(lw->a, r), ty_const_float64(lw->a, i));
        }
        return v;
    }
    return v;
}

IrNode *lw_const(Lower *lw, Pos pos, TyType *t, TyConst val)
{
    if (ty_const_is_unknown(val) && t && ty_has_nil(t))
        return ir_new(lw->p, IR_ONIL, pos, t);
    IrNode *n = ir_new(lw->p, IR_OLITERAL, pos, t);
    n->val = fix_value(lw, t, val);
    return n;
}

/* ---- helpers -------------------------------------------------------------------------- */

Pos lw_base_pos(Lower *lw)
{
    LowerFn *lf = lw->fn;
    if (!lf)
        return NOPOS;
    return lf->base_pos != NOPOS ? lf->base_pos : lf->fn->pos;
}

IrNode *lw_unsupported(Lower *lw, Pos pos, TyType *t, const char *what)
{
    diags_add(lw->p->diags, pos, "goesc: %s is not supported yet", what);
    if (lw->fn)
        lw->fn->fn->fflags |= IR_FN_UNSUPPORTED;
    return ir_new(lw->p, IR_ONIL, pos, t);
}

static TyTV *tvof(SynNode *e) { return ty_tv(e); }

/* The recorded type of e, or NULL (code with type errors records none). */
static TyType *tv_type(SynNode *e)
{
    TyTV *tv = ty_tv(e);
    return tv ? tv->type : NULL;
}

/* The first type of a tuple (a comma-ok or multi-value expression), or t. */
static TyType *tuple_first(TyType *t)
{
    if (t && t->kind == TY_TUPLE) {
        TyTuple *tu = TY_AS(TyTuple, t);
        return tu->len ? tu->vars[0]->type : NULL;
    }
    return t;
}

TyType *lw_expr_type(Lower *lw, SynNode *e)
{
    TyTV *tv = tvof(e);
    if (!tv)
        return NULL;
    TyType *t = tuple_first(tv->type);
    /* untyped results of non-constant comparisons and logical operators
     * get their type from the context in gc (convlit); the context is a
     * boolean one, or DefaultLit makes them bool */
    if (t && tv->mode != TY_MODE_CONSTANT && basic_kind(t) == TY_UNTYPED_BOOL)
        return ty_typ(lw->env, TY_BOOL);
    return t;
}

/* ir.NewAddrExpr: &x (OPTRLIT for composite literals), marking the
 * variable whose address is taken.  ptrtype: the type of the result, or
 * NULL to build *T. */
static IrNode *addr_expr(Lower *lw, IrNode *x, Pos pos, bool implicit, TyType *ptrtype)
{
    if (!ptrtype)
        ptrtype = ty_new_pointer(lw->env, x->type);
    IrOp op = IR_OADDR;
    switch (x->op) {
    case IR_OARRAYLIT:
    case IR_OMAPLIT:
    case IR_OSLICELIT:
    case IR_OSTRUCTLIT:
        op = IR_OPTRLIT;
        break;
    default: {
        IrNode *r = ir_outer_value(x);
        if (r->op == IR_ONAME) {
            IrName *nm = (IrName *)r;
            nm->nflags |= IR_N_ADDRTAKEN;
            /* a closure variable captured by reference shares the
             * canonical variable's memory */
            if ((nm->nflags & IR_N_CLOSUREVAR) && !(nm->nflags & IR_N_BYVAL))
                ir_canonical(nm)->nflags |= IR_N_ADDRTAKEN;
        }
        break;
    }
    }
    IrNode *n = ir_new(lw->p, op, pos, ptrtype);
    n->x = x;
    if (implicit)
        n->flags |= IR_F_IMPLICIT;
    return n;
}

IrNode *lw_addr(Lower *lw, IrNode *x, Pos pos, bool implicit)
{
    return addr_expr(lw, x, pos, implicit, NULL);
}

/* convlit for the untyped values that reach a conversion: nil takes the
 * target type (when it has nil). */
static IrNode *default_lit(Lower *lw, IrNode *x, TyType *t)
{
    if (!x->type || !ty_is_untyped(x->type))
        return x;
    if (x->op == IR_ONIL && is_untyped_nil(x->type) && t && ty_has_nil(t)) {
        IrNode *c = ir_new(lw->p, IR_ONIL, x->pos, t);
        c->init = x->init;
        return c;
    }
    if (x->op == IR_OLITERAL) {
        /* an untyped literal takes a basic target type, or its default
         * type (ir.OKForConst) */
        TyType *u = t ? ty_under(t) : NULL;
        TyType *nt = u && u->kind == TY_BASIC && !ty_is_untyped(u) ? t : ty_default_type(lw->env, x->type);
        IrNode *c = lw_const(lw, x->pos, nt, x->val);
        c->init = x->init;
        return c;
    }
    return x;
}

/* typecheck.stringtoruneslit: []rune("...") of a constant string is a
 * []rune literal, keyed by untyped int indices, at the conversion's
 * position. */
static IrNode *string_to_runes_lit(Lower *lw, IrNode *lit, TyType *t, Pos pos)
{
    size_t len;
    const char *s = ty_const_string_val(lw->a, lit->val, &len);
    TyType *elem = lw_elem(t);
    TyType *untyped_int = ty_typ(lw->env, TY_UNTYPED_INT);
    IrNode *n = ir_new(lw->p, IR_OSLICELIT, pos, t);
    uint32_t i = 0;
    for (size_t off = 0; off < len; i++) {
        int w;
        int32_t r = utf8_decode((const unsigned char *)s + off, len - off, &w);
        off += (size_t)(w > 0 ? w : 1);
        IrNode *kv = ir_new(lw->p, IR_OKEY, pos, NULL);
        kv->x = lw_const(lw, pos, untyped_int, ty_const_int64(i));
        kv->y = lw_const(lw, pos, elem, ty_const_int64(r));
        ir_list_push(lw->p, &n->list, kv);
    }
    n->len = i;
    return n;
}

IrNode *lw_conv(Lower *lw, IrNode *x, TyType *t, Pos pos, bool implicit)
{
    x = default_lit(lw, x, t);
    IrOp op = x->type && t ? convert_op(lw, x->op == IR_OLITERAL, x->type, t) : IR_OCONV;
    if (op == IR_OXXX)
        op = IR_OCONV; /* cannot happen for checked code */
    switch (op) {
    case IR_OCONVNOP:
        /* floating point conversions between types of the same kind round */
        if (basic_kind(x->type) == basic_kind(t) && (is_float(t) || is_complex(t)))
            op = IR_OCONV;
        break;
    case IR_OSTR2RUNES:
        if (x->op == IR_OLITERAL)
            return string_to_runes_lit(lw, x, t, pos);
        break;
    case IR_OBYTES2STR:
    case IR_ORUNES2STR: {
        /* a slice of a defined byte or rune type is first converted to
         * []byte / []rune (so that walk's runtime call typechecks) */
        TyType *e = ty_unalias(lw_elem(x->type));
        if (e->kind != TY_BASIC) {
            TyBasicKind k = op == IR_OBYTES2STR ? TY_BYTE : TY_RUNE;
            IrNode *c = ir_new(lw->p, IR_OCONVNOP, x->pos, ty_new_slice(lw->env, ty_typ(lw->env, k)));
            c->x = x;
            x = c;
        }
        break;
    }
    default:
        break;
    }
    IrNode *n = ir_new(lw->p, op, pos, t);
    n->x = x;
    if (implicit)
        n->flags |= IR_F_IMPLICIT;
    return n;
}

IrNode *lw_implicit_conv(Lower *lw, IrNode *n, TyType *t, Pos pos)
{
    if (!t || !n->type)
        return n;
    n = default_lit(lw, n, t);
    if (ty_identical(n->type, t))
        return n;
    return lw_conv(lw, n, t, pos, true);
}

IrNode *lw_expr_to(Lower *lw, SynNode *e, TyType *target)
{
    /* the writer compares types2's types: the recorded type of e; the
     * conversion's itab is read before its operand */
    TyTV *tv = target ? tvof(e) : NULL;
    if (tv && tv->type && !ty_identical(tuple_first(tv->type), target))
        lw_itab(lw, tuple_first(tv->type), target);
    IrNode *n = lw_expr(lw, e);
    if (!target)
        return n;
    TyType *src = tv ? tuple_first(tv->type) : n->type;
    if (src && ty_identical(src, target))
        return default_lit(lw, n, target);
    return lw_conv(lw, n, target, e->pos, true);
}

/* ---- selectors ---------------------------------------------------------------------- */

static bool is_ptr_lit(TyType *t)
{
    t = t ? ty_unalias(t) : NULL;
    return t && t->kind == TY_POINTER;
}

TyType *lw_embedded_path(TyType *t, const uint32_t *index, uint32_t n, bool *via_ptr)
{
    if (via_ptr)
        *via_ptr = false;
    for (uint32_t i = 0; i < n && t; i++) {
        TyType *b = is_ptr_lit(t) ? TY_AS(TyPointer, ty_unalias(t))->base : t;
        TyType *u = under(b);
        if (!u || u->kind != TY_STRUCT || index[i] >= TY_AS(TyStruct, u)->nfields)
            return NULL;
        t = TY_AS(TyStruct, u)->fields[index[i]]->type;
        if (via_ptr && is_ptr_lit(t))
            *via_ptr = true;
    }
    return t;
}

IrNode *lw_dot_field(Lower *lw, IrNode *x, uint32_t idx, Pos pos, bool implicit)
{
    IrOp op = IR_ODOT;
    TyType *st = x->type;
    if (is_ptr(st)) {
        op = IR_ODOTPTR;
        st = lw_elem(st);
    }
    TyType *u = under(st);
    if (!u || u->kind != TY_STRUCT || idx >= TY_AS(TyStruct, u)->nfields) {
        /* a field of a type the shaping turned into a pointer shape
         * (s[*struct{ b T }] selecting x.a.b in shaped code) */
        return lw_unsupported(lw, pos, NULL, "selecting a field through a shaped type argument");
    }
    TyStruct *s = TY_AS(TyStruct, u);
    TyObject *f = s->fields[idx];
    IrNode *n = ir_new(lw->p, op, pos, f->type);
    n->x = x;
    n->sym = f;
    n->aux = idx;
    if (implicit)
        n->flags |= IR_F_IMPLICIT;
    return n;
}

/* writer's isPtrTo: from is a pointer type literal to a type identical to to */
bool lw_is_ptr_to(TyType *from, TyType *to)
{
    TyType *f = from ? ty_unalias(from) : NULL;
    return f && to && f->kind == TY_POINTER && ty_identical(TY_AS(TyPointer, f)->base, to);
}

/* deref2 + the struct's field type (types2 view) */
static TyType *field_type_of(TyType *t, uint32_t idx)
{
    if (is_ptr(t))
        t = lw_elem(t);
    return TY_AS(TyStruct, under(t))->fields[idx]->type;
}

/* a receiver type's named type (T for *T) */
static TyType *recv_named(TyType *t)
{
    t = ty_unalias(t);
    if (t && t->kind == TY_POINTER)
        t = ty_unalias(TY_AS(TyPointer, t)->base);
    return t;
}

IrNode *lw_recv_expr(Lower *lw, SynSelectorExpr *e, TySelection *sel, TyType **recv)
{
    Pos pos = e->n.pos;
    IrNode *x = lw_expr(lw, e->x);
    TyType *typ = lw_expr_type(lw, e->x);
    for (uint32_t i = 0; i + 1 < sel->nindex; i++) {
        typ = field_type_of(typ, sel->index[i]);
        x = lw_dot_field(lw, x, sel->index[i], pos, true);
    }
    TySignature *sig = ty_as_signature(sel->obj->type);
    TyType *rt = sig && sig->recv ? sig->recv->type : NULL;
    /* in shaped code the receiver's type may be another instance than
     * the method's (a field keeps atomic.Pointer[entry[go.shape.int]]
     * where the method is atomic.Pointer[go.shape.struct {...}]'s): the
     * implicit & or * go by pointerness, as the writer decided them */
    bool shaped = lw->inst && rt && typ && !ty_identical(typ, rt) && !lw_is_ptr_to(typ, rt) &&
                  !lw_is_ptr_to(rt, typ) && ty_as_named(recv_named(rt)) && ty_as_named(recv_named(typ));
    if (shaped) {
        if (is_ptr(typ) && !is_ptr(rt)) {
            TyType *et = recv_named(typ);
            IrNode *d = ir_new(lw->p, IR_ODEREF, pos, et);
            d->x = x;
            d->flags |= IR_F_IMPLICIT;
            x = d;
            typ = et;
        } else if (is_ptr(rt) && !is_ptr(typ)) {
            TyType *pt = ty_new_pointer(lw->env, typ);
            x = addr_expr(lw, x, pos, true, pt);
            typ = pt;
        }
    } else if (rt && lw_is_ptr_to(typ, rt)) {
        IrNode *d = ir_new(lw->p, IR_ODEREF, pos, rt);
        d->x = x;
        d->flags |= IR_F_IMPLICIT;
        x = d;
        typ = rt;
    } else if (rt && lw_is_ptr_to(rt, typ)) {
        x = addr_expr(lw, x, pos, true, rt);
        typ = rt;
    }
    if (recv)
        *recv = typ;
    return x;
}

/* Generic code (instantiated functions and methods of generic types) needs
 * shapes and dictionaries, a later step. */
bool lw_is_instance(TyType *t)
{
    if (!t)
        return false;
    if (is_ptr(t))
        t = lw_elem(t);
    /* methods of generic interfaces are called through the interface,
     * without shapes */
    if (is_iface(t))
        return false;
    TyNamed *n = ty_as_named(t);
    return n && n->targs.len > 0;
}

/* writer's exprMethodExpr: the receiver type after the implicit field
 * steps, * or &; a method of an instance of a generic type goes
 * through its dictionary */
static IrNode *generic_method_expr(Lower *lw, SynSelectorExpr *e, TySelection *sel, TyType *written, TyType *vt)
{
    LwMethodExpr me = {written, written, vt, sel->obj, sel->index, sel->nindex ? sel->nindex - 1 : 0, false, false};
    TyType *typ = lw_embedded_path(written, sel->index, me.nimplicit, NULL);
    TySignature *ms = ty_as_signature(sel->obj->type);
    TyType *recv = ms && ms->recv ? ms->recv->type : NULL;
    if (!typ || !recv || ty_is_interface(recv))
        return NULL;
    /* (types2 checked that they match: in shaped code recv is still the
     * generic method's receiver) */
    if (is_ptr(typ) && !is_ptr(recv)) {
        me.deref = true;
        typ = lw_elem(typ);
    } else if (is_ptr(recv) && !is_ptr(typ)) {
        me.addr = true;
        typ = ty_new_pointer(lw->env, typ);
    }
    if (!lw_is_instance(typ))
        return NULL;
    me.recv = typ;
    return lw_generic_method_expr(lw, &me, e->n.pos, &e->n);
}

static IrNode *selector(Lower *lw, SynSelectorExpr *e)
{
    TyTV *tv = tvof(&e->n);
    TySelection *sel = tv ? tv->sel : NULL;
    if (!sel)
        return lw_unsupported(lw, e->n.pos, tv ? tv->type : NULL, "this selector");
    switch (sel->kind) {
    case TY_FIELD_VAL: {
        IrNode *x = lw_expr(lw, e->x);
        for (uint32_t i = 0; i + 1 < sel->nindex; i++)
            x = lw_dot_field(lw, x, sel->index[i], e->n.pos, true);
        IrNode *n = lw_dot_field(lw, x, sel->index[sel->nindex - 1], e->n.pos, false);
        /* a field of a shaped instance whose type argument was pointer-
         * shaped keeps the field's own type in gc's IR (x.c is *struct{
         * d int }, not go.shape.*uint8), so that x.c.d still selects */
        TyType *rt = tv_type(&e->n);
        if (rt && n->type && lw_is_shape(n->type) && !lw_has_shape(rt) && is_ptr(rt))
            n->type = rt;
        return n;
    }
    case TY_METHOD_VAL:
        return lw_method_value(lw, e);
    case TY_METHOD_EXPR: {
        /* T.M, (*T).M: an OMETHEXPR of the type as written (a promoted or
         * pointer-adjusted method is the compiler-generated wrapper of
         * that name, typecheck.NewMethodExpr) */
        TyType *recv = tv_type(e->x);
        IrNode *gm = generic_method_expr(lw, e, sel, recv, tv->type);
        if (gm)
            return gm;
        if (lw_is_instance(recv))
            return lw_unsupported(lw, e->n.pos, tv->type, "a method expression of a generic type");
        IrNode *typ = ir_new(lw->p, IR_OTYPE, NOPOS, recv);
        IrNode *n = ir_new(lw->p, IR_OMETHEXPR, e->n.pos, tv->type);
        n->x = typ;
        n->sym = sel->obj;
        return n;
    }
    }
    return NULL;
}

/* ---- indexing, slicing, assertions ---------------------------------------------- */

static IrNode *index_expr(Lower *lw, SynIndexExpr *e)
{
    Pos pos = e->n.pos;
    TyTV *itv = tvof(e->index);
    if (e->index->kind == SYN_LIST_EXPR || (itv && itv->mode == TY_MODE_TYPEXPR)) {
        TyObject *gen;
        TyTypeList targs;
        IrNode *base, *dict, *wrapper;
        if (lw_generic_ref(lw, &e->n, &gen, &targs) &&
            lw_func_inst(lw, gen, targs, syn_unparen(e->x)->pos, &e->n, &base, &dict, &wrapper))
            return wrapper ? wrapper : lw_func_inst_value(lw, base, dict, pos);
        return lw_unsupported(lw, pos, tv_type(&e->n), "instantiating a generic function");
    }
    TyType *xt = lw_expr_type(lw, e->x);
    if (is_kind(xt, TY_MAP)) {
        IrNode *x = lw_expr(lw, e->x);
        TyMap *m = TY_AS(TyMap, under(xt));
        IrNode *key = lw_expr_to(lw, e->index, m->key);
        IrNode *n = ir_new(lw->p, IR_OINDEXMAP, pos, m->elem);
        n->x = x;
        n->y = key;
        return n;
    }
    IrNode *x = lw_expr(lw, e->x);
    IrNode *index = lw_expr(lw, e->index);
    /* typecheck's implicitstar: indexing a pointer to array goes through an
     * implicit * at the index expression */
    if (is_ptr_to_array(x->type)) {
        IrNode *d = ir_new(lw->p, IR_ODEREF, pos, lw_elem(x->type));
        d->x = x;
        d->flags |= IR_F_IMPLICIT;
        x = d;
    }
    TyType *t = is_string(x->type) ? ty_typ(lw->env, TY_BYTE) : lw_elem(x->type);
    IrNode *n = ir_new(lw->p, IR_OINDEX, pos, t);
    n->x = x;
    n->y = index;
    return n;
}

static IrNode *slice_expr(Lower *lw, SynSliceExpr *e)
{
    Pos pos = e->n.pos;
    IrNode *x = lw_expr(lw, e->x);
    IrNode *idx[3];
    for (int i = 0; i < 3; i++)
        idx[i] = e->index[i] ? lw_expr(lw, e->index[i]) : NULL;
    bool three = idx[2] != NULL;
    /* slicing an array slices its address (typecheck's NodAddr at the
     * slice expression) */
    if (is_kind(x->type, TY_ARRAY))
        x = addr_expr(lw, x, pos, true, NULL);
    IrOp op;
    if (is_string(x->type))
        op = IR_OSLICESTR;
    else if (is_ptr_to_array(x->type))
        op = three ? IR_OSLICE3ARR : IR_OSLICEARR;
    else
        op = three ? IR_OSLICE3 : IR_OSLICE;
    IrNode *n = ir_new(lw->p, op, pos, lw_expr_type(lw, &e->n));
    n->x = x;
    for (int i = 0; i < 3; i++)
        ir_list_push(lw->p, &n->list, idx[i]);
    return n;
}

static IrNode *assert_expr(Lower *lw, SynAssertExpr *e)
{
    IrNode *x = lw_expr(lw, e->x);
    TyTV *ttv = tvof(e->type);
    lw_itab(lw, tv_type(e->type), x->type); /* writer.exprType */
    IrOp op = ttv && (ttv->flags & LW_TV_DERIVED) ? IR_ODYNAMICDOTTYPE : IR_ODOTTYPE;
    IrNode *n = ir_new(lw->p, op, e->n.pos, tv_type(e->type));
    n->x = x;
    return n;
}

/* ---- operators ------------------------------------------------------------------------- */

static IrOp unary_op(SynOp op)
{
    switch (op) {
    case SYN_ADD: return IR_OPLUS;
    case SYN_SUB: return IR_ONEG;
    case SYN_XOR: return IR_OBITNOT;
    case SYN_NOT: return IR_ONOT;
    default: return IR_OXXX;
    }
}

IrOp lw_binary_op(SynOp op)
{
    switch (op) {
    case SYN_OROR: return IR_OOROR;
    case SYN_ANDAND: return IR_OANDAND;
    case SYN_EQL: return IR_OEQ;
    case SYN_NEQ: return IR_ONE;
    case SYN_LSS: return IR_OLT;
    case SYN_LEQ: return IR_OLE;
    case SYN_GTR: return IR_OGT;
    case SYN_GEQ: return IR_OGE;
    case SYN_ADD: return IR_OADD;
    case SYN_SUB: return IR_OSUB;
    case SYN_OR: return IR_OOR;
    case SYN_XOR: return IR_OXOR;
    case SYN_MUL: return IR_OMUL;
    case SYN_DIV: return IR_ODIV;
    case SYN_REM: return IR_OMOD;
    case SYN_AND: return IR_OAND;
    case SYN_ANDNOT: return IR_OANDNOT;
    case SYN_SHL: return IR_OLSH;
    case SYN_SHR: return IR_ORSH;
    default: return IR_OXXX;
    }
}

/* The type of a non-constant arithmetic result: types2's, except that an
 * untyped one (shifts of untyped constants) is the operand's type as
 * typecheck (tcShift, tcArith) derives it from the operands, whose
 * constants the writer gave their ideal type. */
static TyType *arith_type(Lower *lw, SynNode *e, TyType *operand)
{
    TyType *t = lw_expr_type(lw, e);
    if (t && ty_is_untyped(t) && operand && !ty_is_untyped(operand))
        return operand;
    return t;
}

static IrNode *unary(Lower *lw, SynOperation *e)
{
    Pos pos = e->n.pos;
    switch (e->n.op) {
    case SYN_AND: {
        /* &x; &T{...} is an OPTRLIT (NewAddrExpr on the literal) */
        IrNode *x = lw_expr(lw, e->x);
        return addr_expr(lw, x, pos, false, tv_type(&e->n));
    }
    case SYN_MUL: {
        IrNode *x = lw_expr(lw, e->x);
        IrNode *n = ir_new(lw->p, IR_ODEREF, pos, lw_expr_type(lw, &e->n));
        n->x = x;
        return n;
    }
    case SYN_RECV: {
        IrNode *x = lw_expr(lw, e->x);
        IrNode *n = ir_new(lw->p, IR_ORECV, pos, lw_elem(x->type));
        n->x = x;
        return n;
    }
    default: {
        IrNode *x = lw_expr(lw, e->x);
        IrNode *n = ir_new(lw->p, unary_op((SynOp)e->n.op), pos, arith_type(lw, &e->n, x->type));
        n->x = x;
        return n;
    }
    }
}

static IrNode *binary(Lower *lw, SynOperation *e)
{
    Pos pos = e->n.pos;
    IrOp op = lw_binary_op((SynOp)e->n.op);
    /* the writer converts both operands to a common type (not for
     * shifts, whose operands may differ) */
    TyType *common = NULL;
    if (op != IR_OLSH && op != IR_ORSH) {
        TyType *xt = tuple_first(tv_type(e->x)), *yt = tuple_first(tv_type(e->y));
        if (lw_assignable(lw, xt, yt))
            common = yt;
        else if (lw_assignable(lw, yt, xt))
            common = xt;
    }
    IrNode *x = lw_expr_to(lw, e->x, common);
    IrNode *y = lw_expr_to(lw, e->y, common);
    TyType *t = lw_expr_type(lw, &e->n);
    if (op == IR_OADD && is_string(t)) {
        /* string concatenations are one OADDSTR with the operands of
         * nested ones spliced in, at the outermost + */
        IrNode *add;
        if (x->op == IR_OADDSTR) {
            add = x;
            add->pos = pos;
        } else {
            add = ir_new(lw->p, IR_OADDSTR, pos, t);
            ir_list_push(lw->p, &add->list, x);
        }
        if (y->op == IR_OADDSTR) {
            for (uint32_t i = 0; i < y->list.len; i++)
                ir_list_push(lw->p, &add->list, y->list.items[i]);
        } else {
            ir_list_push(lw->p, &add->list, y);
        }
        add->type = t;
        return add;
    }
    if (op == IR_OLSH || op == IR_ORSH)
        t = arith_type(lw, &e->n, x->type);
    else if (op != IR_OANDAND && op != IR_OOROR && (op < IR_OEQ || op > IR_OGE))
        t = arith_type(lw, &e->n, ty_is_untyped(x->type) ? y->type : x->type);
    IrNode *n = ir_new(lw->p, op, pos, t);
    n->x = x;
    n->y = y;
    return n;
}

/* ---- composite literals ---------------------------------------------------------------- */

static int field_index_of(TyStruct *s, TyObject *f)
{
    for (uint32_t i = 0; i < s->nfields; i++)
        if (s->fields[i] == f)
            return (int)i;
    /* a field of a substituted struct (generic code): by name */
    for (uint32_t i = 0; f && i < s->nfields; i++)
        if (s->fields[i]->name == f->name)
            return (int)i;
    return -1;
}

IrNode *lw_composite_lit(Lower *lw, SynCompositeLit *e, TyType *t)
{
    Pos pos = e->n.pos;
    TyType *typ0 = t, *typ = t;
    if (is_ptr(typ))
        typ = lw_elem(typ);
    TyType *u = under(typ);
    if (!u)
        return lw_unsupported(lw, pos, t, "a composite literal with type errors");
    IrOp op;
    TyType *keytype = NULL, *elemtype = NULL;
    TyStruct *st = NULL;
    switch (u->kind) {
    case TY_STRUCT:
        op = IR_OSTRUCTLIT;
        st = TY_AS(TyStruct, u);
        break;
    case TY_ARRAY:
        op = IR_OARRAYLIT;
        elemtype = TY_AS(TyArray, u)->elem;
        break;
    case TY_SLICE:
        op = IR_OSLICELIT;
        elemtype = TY_AS(TySlice, u)->elem;
        break;
    case TY_MAP:
        op = IR_OMAPLIT;
        keytype = TY_AS(TyMap, u)->key;
        elemtype = TY_AS(TyMap, u)->elem;
        break;
    default:
        return lw_unsupported(lw, pos, t, "this composite literal type");
    }
    IrNode *lit = ir_new(lw->p, op, pos, typ);
    int64_t key = 0, length = 0;
    for (uint32_t i = 0; i < e->elems.len; i++) {
        SynNode *el = e->elems.items[i];
        SynKeyValueExpr *kv = el->kind == SYN_KEY_VALUE_EXPR ? (SynKeyValueExpr *)el : NULL;
        if (st) {
            /* every struct element is an OSTRUCTKEY, at the key or, for
             * positional ones, at the element */
            int fi = (int)i;
            SynNode *val = el;
            Pos kpos = el->pos;
            if (kv) {
                TyTV *ftv = tvof(kv->key);
                TyObject *f = ftv ? ty_tv_used(ftv) : NULL;
                fi = field_index_of(st, f);
                val = kv->value;
                kpos = kv->key->pos;
            }
            if (fi < 0 || (uint32_t)fi >= st->nfields)
                continue;
            IrNode *sk = ir_new(lw->p, IR_OSTRUCTKEY, kpos, NULL);
            sk->sym = st->fields[fi];
            sk->aux = (uint32_t)fi;
            sk->x = lw_expr_to(lw, val, st->fields[fi]->type);
            ir_list_push(lw->p, &lit->list, sk);
            continue;
        }
        if (kv) {
            IrNode *k = ir_new(lw->p, IR_OKEY, kv->key->pos, NULL);
            k->x = lw_expr_to(lw, kv->key, keytype);
            k->y = lw_expr_to(lw, kv->value, elemtype);
            ir_list_push(lw->p, &lit->list, k);
            if (op != IR_OMAPLIT) {
                TyTV *ktv = tvof(kv->key);
                bool exact;
                if (ktv && ktv->mode == TY_MODE_CONSTANT)
                    key = ty_const_int64_val(ktv->val, &exact);
            }
        } else {
            ir_list_push(lw->p, &lit->list, lw_expr_to(lw, el, elemtype));
        }
        /* typecheckarraylit's length: one past the largest index */
        key++;
        if (key > length)
            length = key;
    }
    if (op == IR_OSLICELIT)
        lit->len = (uint32_t)length;
    if (typ0 != typ) {
        /* an elided &T in an element of a literal of pointers */
        IrNode *p = ir_new(lw->p, IR_OPTRLIT, pos, typ0);
        p->x = lit;
        return p;
    }
    return lit;
}

/* ---- names ------------------------------------------------------------------------------ */

/* writer's lookupObj: the object an identifier or qualified identifier
 * uses (NULL for other expressions). */
TyObject *lw_lookup_obj(SynNode *e, TyTV **idtv)
{
    if (e->kind == SYN_SELECTOR_EXPR) {
        SynSelectorExpr *s = (SynSelectorExpr *)e;
        SynNode *x = s->x;
        if (x->kind != SYN_NAME)
            return NULL;
        TyTV *xtv = tvof(x);
        TyObject *q = xtv ? ty_tv_used(xtv) : NULL;
        if (!q || q->kind != TY_OBJ_PKGNAME)
            return NULL;
        e = &s->sel->n;
    }
    if (e->kind != SYN_NAME)
        return NULL;
    TyTV *tv = tvof(e);
    if (!tv)
        return NULL;
    *idtv = tv;
    return ty_tv_used(tv);
}

bool lw_generic_ref(Lower *lw, SynNode *fun, TyObject **gen, TyTypeList *targs)
{
    (void)lw;
    fun = syn_unparen(fun);
    if (fun->kind == SYN_INDEX_EXPR) {
        SynIndexExpr *ix = (SynIndexExpr *)fun;
        TyTV *itv = tvof(ix->index);
        if (ix->index->kind == SYN_LIST_EXPR || (itv && itv->mode == TY_MODE_TYPEXPR))
            fun = syn_unparen(ix->x);
    }
    TyTV *idtv = NULL;
    TyObject *obj = lw_lookup_obj(fun, &idtv);
    if (!obj || obj->kind != TY_OBJ_FUNC || !idtv || idtv->targs.len == 0)
        return false;
    *gen = obj;
    *targs = idtv->targs;
    return true;
}

static IrNode *name_expr(Lower *lw, SynNode *e, TyObject *obj, TyTV *idtv)
{
    if (idtv->targs.len > 0) {
        /* a generic function's value: its wrapper (reader.funcInst) */
        IrNode *base, *dict, *wrapper;
        if (obj->kind == TY_OBJ_FUNC && lw_func_inst(lw, obj, idtv->targs, e->pos, e, &base, &dict, &wrapper))
            return wrapper ? wrapper : lw_func_inst_value(lw, base, dict, e->pos);
        return lw_unsupported(lw, e->pos, idtv->type, "a reference to a generic function");
    }
    switch (obj->kind) {
    case TY_OBJ_VAR:
    case TY_OBJ_FUNC:
        break;
    case TY_OBJ_CONST:
        /* a constant without a recorded value: the rangefunc rewrite's
         * uses of true and false, read by gc as the universe constant
         * (an untyped literal without position) */
        return lw_const(lw, obj->pos, obj->type, obj->u.val);
    default:
        return lw_unsupported(lw, e->pos, idtv->type, "this identifier");
    }
    /* gc's reader reads an imported object when it is first used, which
     * moves base.Pos to the object's declaration */
    if (obj->pkg && obj->pkg != lw->pkg->types && lw->fn) {
        void **slot = ptrmap_slot(&lw->objs_read, PMKEY(obj));
        if (!*slot) {
            *slot = obj;
            lw->fn->base_pos = obj->pos;
        }
    }
    IrName *n = lw_name(lw, obj, e->pos);
    return &n->n;
}

/* ---- expressions ---------------------------------------------------------------------- */

IrNode *lw_expr(Lower *lw, SynNode *e)
{
    e = syn_unparen(e);
    TyTV *tv = tvof(e);
    /* a name redeclared by := (`v, err := f()` with err in scope) has its
     * use recorded but no type of its own */
    if (tv && tv->mode == TY_MODE_INVALID && e->kind == SYN_NAME) {
        TyObject *used = ty_tv_used(tv);
        if (used && used->kind == TY_OBJ_VAR)
            return name_expr(lw, e, used, tv);
    }
    /* the checker records nothing for invalid expressions; packages with
     * type errors are not compiled, but must not crash the lowering */
    if (!tv || tv->mode == TY_MODE_INVALID)
        return lw_unsupported(lw, e->pos, NULL, "an expression with type errors");
    if (tv && tv->mode == TY_MODE_CONSTANT && !ty_const_is_unknown(tv->val)) {
        /* writer's exprConst: one literal at the whole expression */
        TyType *t = ideal_type(lw, tv->type, tv->val);
        return lw_const(lw, e->pos, t, tv->val);
    }
    TyTV *idtv = NULL;
    TyObject *obj = lw_lookup_obj(e, &idtv);
    if (obj && obj->kind == TY_OBJ_NIL)
        return ir_new(lw->p, IR_ONIL, e->pos, tv ? tv->type : obj->type);
    if (obj)
        return name_expr(lw, e, obj, idtv);
    switch (e->kind) {
    case SYN_COMPOSITE_LIT:
        return lw_composite_lit(lw, (SynCompositeLit *)e, tv->type);
    case SYN_FUNC_LIT:
        return lw_func_lit(lw, (SynFuncLit *)e);
    case SYN_SELECTOR_EXPR:
        return selector(lw, (SynSelectorExpr *)e);
    case SYN_INDEX_EXPR:
        return index_expr(lw, (SynIndexExpr *)e);
    case SYN_SLICE_EXPR:
        return slice_expr(lw, (SynSliceExpr *)e);
    case SYN_ASSERT_EXPR:
        return assert_expr(lw, (SynAssertExpr *)e);
    case SYN_OPERATION: {
        SynOperation *op = (SynOperation *)e;
        return op->y ? binary(lw, op) : unary(lw, op);
    }
    case SYN_CALL_EXPR:
        return lw_call(lw, (SynCallExpr *)e);
    default:
        return lw_unsupported(lw, e->pos, tv ? tv->type : NULL, "this expression");
    }
}

IrNode *lw_lvalue(Lower *lw, SynNode *e)
{
    SynNode *u = syn_unparen(e);
    if (u->kind == SYN_NAME && strcmp(((SynName *)u)->value->name, "_") == 0)
        return lw_blank(lw, u->pos, NULL);
    return lw_expr(lw, e);
}
