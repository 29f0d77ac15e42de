/*
 * Package initialization: which package-level initializers remain in the
 * synthetic init function (gc's pkginit.MakeTask running
 * staticinit.Schedule.StaticInit on every statement), and map-init
 * outlining (staticinit.OutlineMapInits); docs/escape-ir.md §1.7.
 *
 * Only the decisions are ported: what can be laid out as static data
 * (constants, addresses of globals, composite literals of static values,
 * closures without captures, interface conversions of static values,
 * copies of statically initialized globals) disappears; what cannot stays
 * as a statement.  Composite literals are split: the literal itself
 * becomes static data (a .stmp_N global) and each element that needs code
 * becomes its own assignment `.stmp_N+off = e`, positioned at e.  Escape
 * analysis then sees those assignments instead of the original literal,
 * which changes its messages (`[]*int{new(int)}` prints only
 * `new(int) escapes to heap`).
 *
 * Map-init outlining runs in gc's reader, right after the init function
 * is built and before devirtualization; the outlined statements contain no
 * calls, so the passes in between do not touch them and doing it here is
 * equivalent.  The map.init.N functions go right after init and the
 * closures created while reading it, as in Target.Funcs.
 */
#include "passes.h"

#include "../types/check.h"

#include <stdio.h>
#include <string.h>

/* A value of a composite literal laid out at an offset (staticinit.Entry). */
typedef struct Entry {
    int64_t off;
    IrNode *expr;
} Entry;

typedef struct Plan {
    Entry *e;
    uint32_t n, cap;
} Plan;

typedef struct Sched {
    IrProgram *p;
    IrPackage *pkg;
    IrList out;           /* the statements that remain */
    PtrMap plans;         /* composite literal -> Plan* */
    PtrMap temps;         /* OPTRLIT/OSLICELIT/value -> its .stmp_N */
    bool seen_mutation;   /* an initializer may have changed a package var */
    bool fips;            /* a FIPS 140 package: no global data relocations
                             (StaticAssign's disableGlobalAddrs) */
    Pos pos;              /* gc's base.Pos while scheduling */
    uint32_t nstatic;     /* .stmp_N counter */
} Sched;

static bool static_assign(Sched *s, IrName *l, int64_t loff, IrNode *r, TyType *typ);

/* ---- side effects and mutations ------------------------------------------------------ */

static bool is_int_const(const IrNode *n)
{
    return n && n->op == IR_OLITERAL && ty_const_kind(n->val) == TY_CONST_INT;
}

/* staticinit.isSideEffect (an operand's own effects are checked by the
 * caller, ir.Any). */
static bool is_side_effect(void *ud, IrNode *n)
{
    (void)ud;
    switch (n->op) {
    case IR_ONAME: case IR_OTYPE: case IR_OLITERAL: case IR_ONIL:
    case IR_OADD: case IR_OSUB: case IR_OOR: case IR_OXOR: case IR_OADDSTR: case IR_OADDR:
    case IR_OANDAND: case IR_OBYTES2STR: case IR_ORUNES2STR: case IR_OSTR2BYTES: case IR_OSTR2RUNES:
    case IR_OCAP: case IR_OMAPLIT: case IR_OSTRUCTLIT: case IR_OARRAYLIT: case IR_OSLICELIT:
    case IR_OPTRLIT: case IR_OCONV: case IR_OCONVIFACE: case IR_OCONVNOP: case IR_ODOT:
    case IR_OEQ: case IR_ONE: case IR_OLT: case IR_OLE: case IR_OGT: case IR_OGE:
    case IR_OKEY: case IR_OSTRUCTKEY: case IR_OLEN: case IR_OMUL: case IR_OLSH: case IR_ORSH:
    case IR_OAND: case IR_OANDNOT: case IR_ONEW: case IR_ONOT: case IR_OBITNOT: case IR_OPLUS:
    case IR_ONEG: case IR_OOROR: case IR_ORUNESTR: case IR_OREAL: case IR_OIMAG: case IR_OCOMPLEX:
        return false;
    case IR_ODIV:
    case IR_OMOD:
        /* only division by zero */
        return !n->y || n->y->op != IR_OLITERAL || ty_const_sign(n->y->val) == 0;
    case IR_OMAKECHAN:
    case IR_OMAKEMAP:
        /* only a bad size; a missing size is gc's literal 0 */
        if (!n->x)
            return false;
        return !is_int_const(n->x) || ty_const_sign(n->x->val) != 0;
    default:
        return true;
    }
}

static bool any_side_effects(IrNode *n) { return irp_any(n, is_side_effect, NULL); }

/* mayModifyPkgVar's safeLHS: a local, or a global of another package. */
static bool safe_lhs(Sched *s, IrNode *lhs)
{
    IrNode *outer = ir_outer_value(lhs);
    while (outer->op == IR_ODEREF)
        outer = outer->x;
    if (outer->op != IR_ONAME)
        return false;
    IrName *v = (IrName *)outer;
    bool local_global = v->class == IR_PEXTERN && (!v->obj || v->obj->pkg == s->pkg->types);
    return !local_global;
}

/* internal/abi.FuncPCABI0 / FuncPCABIInternal: intrinsics, not calls. */
static bool is_funcpc_intrinsic(IrNode *call)
{
    IrNode *f = call->x;
    if (!f || f->op != IR_ONAME || ((IrName *)f)->class != IR_PFUNC)
        return false;
    TyObject *o = ((IrName *)f)->fobj;
    if (!o || !o->pkg || strcmp(o->pkg->path, "internal/abi") != 0)
        return false;
    return strcmp(o->name->name, "FuncPCABI0") == 0 || strcmp(o->name->name, "FuncPCABIInternal") == 0;
}

static bool modifies_pkg_var(void *ud, IrNode *n)
{
    Sched *s = ud;
    switch (n->op) {
    case IR_OCALLFUNC:
    case IR_OCALLINTER:
        return !is_funcpc_intrinsic(n);
    case IR_OAPPEND:
    case IR_OCLEAR:
    case IR_OCOPY:
        return true; /* could mutate a global array */
    case IR_OASOP:
    case IR_OAS:
        return !safe_lhs(s, n->x);
    case IR_OAS2:
    case IR_OAS2DOTTYPE:
    case IR_OAS2FUNC:
    case IR_OAS2MAPR:
    case IR_OAS2RECV:
        for (uint32_t i = 0; i < n->list.len; i++)
            if (!safe_lhs(s, n->list.items[i]))
                return true;
        return false;
    default:
        return false;
    }
}

/* ---- helpers ---------------------------------------------------------------------------- */

static bool is_zero(IrNode *n)
{
    switch (n->op) {
    case IR_ONIL:
        return true;
    case IR_OLITERAL:
        switch (ty_const_kind(n->val)) {
        case TY_CONST_STRING:
            return ty_const_string_len(n->val) == 0;
        case TY_CONST_BOOL:
            return !ty_const_bool_val(n->val);
        default:
            return ty_const_sign(n->val) == 0;
        }
    case IR_OARRAYLIT:
        for (uint32_t i = 0; i < n->list.len; i++) {
            IrNode *e = n->list.items[i];
            if (e->op == IR_OKEY)
                e = e->y;
            if (!is_zero(e))
                return false;
        }
        return true;
    case IR_OSTRUCTLIT:
        for (uint32_t i = 0; i < n->list.len; i++)
            if (!is_zero(n->list.items[i]->x))
                return false;
        return true;
    default:
        return false;
    }
}

static int64_t type_size(Sched *s, TyType *t) { return ir_type_size(s->p->env, t); }

/* StaticName: a new static data symbol .stmp_N (a PEXTERN global). */
static IrName *static_name(Sched *s, TyType *t)
{
    char buf[32];
    snprintf(buf, sizeof buf, ".stmp_%u", s->nstatic++);
    return ir_new_name(s->p, s->pos, sym_cstr(s->p->syms, buf), IR_PEXTERN, t);
}

/* ir.NewNameOffsetExpr: the data of a at an offset, as an lvalue.  gc's
 * node refers to the link symbol ("p..stmp_0", "p.x"), which the label
 * names, and has no position (NewLinksymOffsetExpr sets none). */
static IrNode *name_offset(Sched *s, Pos pos, IrName *a, int64_t off, TyType *t)
{
    (void)pos;
    IrNode *n = ir_new(s->p, IR_OLINKSYMOFFSET, NOPOS, t);
    const char *path = s->pkg->types && s->pkg->types->path ? s->pkg->types->path : "";
    if (a->obj && a->obj->pkg && a->obj->pkg->path)
        path = a->obj->pkg->path;
    Buf b = {0};
    buf_printf(&b, "%s.%s", path, a->sym ? a->sym->name : "");
    n->label = ir_new_name(s->p, NOPOS, sym_cstr(s->p->syms, buf_str(&b)), IR_PEXTERN, t);
    buf_free(&b);
    n->aux = (uint32_t)off;
    return n;
}

static void append_as(Sched *s, Pos pos, IrNode *lhs, IrNode *rhs)
{
    IrNode *as = ir_new(s->p, IR_OAS, pos, NULL);
    as->x = lhs;
    as->y = rhs;
    ir_list_push(s->p, &s->out, as);
}

/* ir.SetPos: base.Pos follows the node when it has a position. */
static void set_pos(Sched *s, IrNode *n)
{
    if (n && ir_pos_known(n->pos))
        s->pos = n->pos;
}

/* The function a method expression or PFUNC name stands for. */
static bool is_func_value(IrNode *n)
{
    return n->op == IR_OMETHEXPR || (n->op == IR_ONAME && ((IrName *)n)->class == IR_PFUNC);
}

/* ---- initialization plans of composite literals ------------------------------------------- */

static void plan_add(Sched *s, Plan *p, int64_t off, IrNode *e)
{
    if (p->n == p->cap) {
        uint32_t cap = p->cap ? p->cap * 2 : 8;
        Entry *v = ARENA_ARRAY(&s->p->arena, Entry, cap);
        if (p->n)
            memcpy(v, p->e, sizeof *v * p->n);
        p->e = v;
        p->cap = cap;
    }
    p->e[p->n].off = off;
    p->e[p->n].expr = e;
    p->n++;
}

static Plan *initplan(Sched *s, IrNode *n);

static void addvalue(Sched *s, Plan *p, int64_t off, IrNode *n)
{
    if (is_zero(n))
        return;
    if (n->op == IR_OARRAYLIT || n->op == IR_OSTRUCTLIT) {
        /* struct and array values are laid out inline */
        Plan *q = initplan(s, n);
        for (uint32_t i = 0; i < q->n; i++)
            plan_add(s, p, q->e[i].off + off, q->e[i].expr);
        return;
    }
    plan_add(s, p, off, n);
}

static Plan *initplan(Sched *s, IrNode *n)
{
    Plan *p = ptrmap_get(&s->plans, PMKEY(n));
    if (p)
        return p;
    p = ARENA_NEW(&s->p->arena, Plan);
    memset(p, 0, sizeof *p);
    ptrmap_put(&s->plans, PMKEY(n), p);
    TyType *u = ty_under(n->type);
    if (n->op == IR_OARRAYLIT || n->op == IR_OSLICELIT) {
        TyType *elem = u->kind == TY_ARRAY ? TY_AS(TyArray, u)->elem : TY_AS(TySlice, u)->elem;
        int64_t esize = type_size(s, elem);
        int64_t k = 0;
        for (uint32_t i = 0; i < n->list.len; i++) {
            IrNode *a = n->list.items[i];
            if (a->op == IR_OKEY) {
                bool exact;
                k = ty_const_int64_val(a->x->val, &exact);
                a = a->y;
            }
            addvalue(s, p, k * esize, a);
            k++;
        }
    } else if (n->op == IR_OSTRUCTLIT) {
        TyStruct *st = TY_AS(TyStruct, u);
        for (uint32_t i = 0; i < n->list.len; i++) {
            IrNode *a = n->list.items[i];
            TyObject *f = a->sym;
            if (!f || (f->name && f->name->len == 1 && f->name->name[0] == '_'))
                continue;
            int64_t off = 0;
            for (uint32_t j = 0; j < st->nfields; j++)
                if (st->fields[j] == f)
                    off = ty_offsetof(s->p->env, st, j);
            addvalue(s, p, off, a->x);
        }
    } else if (n->op == IR_OMAPLIT) {
        for (uint32_t i = 0; i < n->list.len; i++)
            addvalue(s, p, -1, n->list.items[i]->y);
    }
    return p;
}

/* ---- StaticAssign and staticcopy ------------------------------------------------------------ */

/* StaticLoc: the global and offset an addressable expression denotes. */
static bool static_loc(Sched *s, IrNode *n, IrName **name, int64_t *off)
{
    if (!n)
        return false;
    switch (n->op) {
    case IR_ONAME:
        *name = (IrName *)n;
        *off = 0;
        return true;
    case IR_OMETHEXPR:
        /* FuncName: a PFUNC, never PEXTERN */
        return false;
    case IR_ODOT: {
        if (!static_loc(s, n->x, name, off))
            return false;
        TyType *u = ty_under(n->x->type);
        if (u->kind == TY_STRUCT)
            for (uint32_t j = 0; j < TY_AS(TyStruct, u)->nfields; j++)
                if (TY_AS(TyStruct, u)->fields[j] == n->sym)
                    *off += ty_offsetof(s->p->env, TY_AS(TyStruct, u), j);
        return true;
    }
    case IR_OINDEX: {
        if (ty_under(n->x->type)->kind == TY_SLICE)
            return false;
        if (!static_loc(s, n->x, name, off))
            return false;
        /* getlit: small int constants only */
        if (!n->y || n->y->op != IR_OLITERAL)
            return false;
        bool exact;
        int64_t l = ty_const_int64_val(n->y->val, &exact);
        if (!exact || (int64_t)(int32_t)l != l || l < 0)
            return false;
        int64_t size = type_size(s, n->type);
        if (size != 0 && ((int64_t)1 << 50) / size <= l)
            return false;
        *off += l * size;
        return true;
    }
    default:
        return false;
    }
}

/* typecheck.Conv for the copies staticcopy emits. */
static IrNode *conv(Sched *s, IrNode *r, TyType *t)
{
    if (ty_identical(r->type, t))
        return r;
    IrOp op = ty_is_interface(t) && !ty_is_interface(r->type) ? IR_OCONVIFACE : IR_OCONVNOP;
    IrNode *c = ir_new(s->p, op, s->pos, t);
    c->x = r;
    return c;
}

/* staticcopy: l+loff = rn, where rn is a global initialized earlier. */
static bool static_copy(Sched *s, IrName *l, int64_t loff, IrName *rn, TyType *typ)
{
    if (rn->class == IR_PFUNC)
        return true;
    if (rn->class != IR_PEXTERN || !rn->obj || rn->obj->pkg != s->pkg->types)
        return false;
    if (!rn->defn || rn->defn->op != IR_OAS)
        return false; /* no explicit initializer: maybe supplied externally */
    if (ty_is_string(rn->n.type))
        return false; /* perhaps overwritten by cmd/link -X */
    /* go:embed variables have no initializer, so no OAS Defn */
    IrName *orig = rn;
    IrNode *r = rn->defn->y;
    if (!r)
        return false;
    if (s->seen_mutation)
        return false; /* a call may have reassigned it (#51913) */
    while (r->op == IR_OCONVNOP && !ty_identical(r->type, typ))
        r = r->x;
    switch (r->op) {
    case IR_OMETHEXPR:
        return true; /* copies a function address */
    case IR_ONAME: {
        IrName *rr = (IrName *)r;
        if (static_copy(s, l, loff, rr, typ))
            return true;
        IrNode *dst = &l->n;
        if (loff != 0 || !ty_identical(typ, l->n.type))
            dst = name_offset(s, s->pos, l, loff, typ);
        append_as(s, s->pos, dst, conv(s, r, typ));
        return true;
    }
    case IR_ONIL:
    case IR_OLITERAL:
        return true;
    case IR_OADDR:
        if (r->x && r->x->op == IR_ONAME)
            return ((IrName *)r->x)->class == IR_PEXTERN;
        return false;
    case IR_OPTRLIT:
        switch (r->x->op) {
        case IR_OARRAYLIT:
        case IR_OSLICELIT:
        case IR_OSTRUCTLIT:
        case IR_OMAPLIT:
            return true; /* copy the pointer to the same static data */
        default:
            return false;
        }
    case IR_OSLICELIT:
        return true;
    case IR_OARRAYLIT:
    case IR_OSTRUCTLIT: {
        Plan *p = initplan(s, r);
        for (uint32_t i = 0; i < p->n; i++) {
            Entry *e = &p->e[i];
            TyType *et = e->expr->type;
            if (e->expr->op == IR_OLITERAL || e->expr->op == IR_ONIL)
                continue;
            IrNode *x = e->expr;
            if (is_func_value(x))
                continue; /* FuncName: a PFUNC copy */
            if (x->op == IR_ONAME && static_copy(s, l, loff + e->off, (IrName *)x, et))
                continue;
            /* needs computation, but copies someone else's */
            IrNode *ll = name_offset(s, s->pos, l, loff + e->off, et);
            IrNode *rr = name_offset(s, s->pos, orig, e->off, et);
            append_as(s, s->pos, ll, rr);
        }
        return true;
    }
    default:
        return false;
    }
}

/* StaticAssign's assign: a value that cannot be static data becomes an
 * assignment to a+aoff. */
static void assign_at(Sched *s, Pos pos, IrName *a, int64_t aoff, IrNode *v)
{
    if (static_assign(s, a, aoff, v, v->type))
        return;
    IrNode *lhs = ir_is_blank(&a->n) ? &a->n : name_offset(s, pos, a, aoff, v->type);
    append_as(s, pos, lhs, v);
}

static bool is_complit(IrNode *n)
{
    return n->op == IR_OARRAYLIT || n->op == IR_OSLICELIT || n->op == IR_OMAPLIT || n->op == IR_OSTRUCTLIT;
}

/* obj.Link.IsFIPS: the packages of the FIPS 140 module (not their
 * external tests) avoid relocations in global data, so StaticAssign
 * treats addresses, strings, slices, func values and interfaces as
 * non-static there. */
static bool is_fips_package(const IrPackage *pkg)
{
    const char *path = pkg->types ? pkg->types->path : NULL;
    if (!path)
        return false;
    size_t n = strlen(path);
    if (n >= 5 && strcmp(path + n - 5, "_test") == 0)
        return false;
    return strcmp(path, "crypto/internal/fips140") == 0 ||
           strncmp(path, "crypto/internal/fips140/", 24) == 0;
}

static bool static_assign(Sched *s, IrName *l, int64_t loff, IrNode *r, TyType *typ)
{
    if (!r)
        return true; /* zero, or supplied externally */
    while (r->op == IR_OCONVNOP)
        r = r->x;
    if (s->fips) {
        switch (r->op) {
        case IR_ONAME:
        case IR_OMETHEXPR:
        case IR_OADDR:
        case IR_OPTRLIT:
        case IR_OSTR2BYTES:
        case IR_OSLICELIT:
        case IR_OCLOSURE:
        case IR_OCONVIFACE:
            return false;
        case IR_OLITERAL:
            if (r->type && ty_is_string(r->type))
                return false;
            break;
        default:
            break;
        }
    }
    switch (r->op) {
    case IR_ONAME:
        return static_copy(s, l, loff, (IrName *)r, typ);
    case IR_OMETHEXPR:
    case IR_ONIL:
    case IR_OLITERAL:
        return true;
    case IR_OADDR: {
        IrName *name;
        int64_t off;
        if (static_loc(s, r->x, &name, &off) && name->class == IR_PEXTERN)
            return true;
        /* gc falls through to the OPTRLIT case, whose operand is never a
         * composite literal for an OADDR */
        return false;
    }
    case IR_OPTRLIT:
        if (r->x && is_complit(r->x)) {
            IrName *a = static_name(s, r->x->type);
            ptrmap_put(&s->temps, PMKEY(r), a);
            assign_at(s, s->pos, a, 0, r->x);
            return true;
        }
        return false;
    case IR_OSTR2BYTES:
        return l->class == IR_PEXTERN && r->x && r->x->op == IR_OLITERAL;
    case IR_OSLICELIT:
    case IR_OARRAYLIT:
    case IR_OSTRUCTLIT: {
        Plan *p = initplan(s, r);
        if (r->op == IR_OSLICELIT) {
            /* the backing array becomes static data */
            TyType *u = ty_under(r->type);
            TyType *at = ty_new_array(s->p->env, TY_AS(TySlice, u)->elem, r->len);
            IrName *a = static_name(s, at);
            ptrmap_put(&s->temps, PMKEY(r), a);
            l = a;
            loff = 0;
        }
        for (uint32_t i = 0; i < p->n; i++) {
            Entry *e = &p->e[i];
            if ((e->expr->op == IR_OLITERAL && !s->fips) || e->expr->op == IR_ONIL)
                continue;
            set_pos(s, e->expr);
            assign_at(s, s->pos, l, loff + e->off, e->expr);
        }
        return true;
    }
    case IR_OMAPLIT:
        return false;
    case IR_OCLOSURE:
        /* a func literal without captured variables is a global */
        return r->func && !ir_func_is_closure(r->func);
    case IR_OCONVIFACE: {
        IrNode *val = r;
        while (val->op == IR_OCONVIFACE)
            val = val->x;
        if (ty_is_interface(val->type))
            return val->op == IR_ONIL; /* nil: both words zero */
        /* (shaped types would return false here) */
        ir_static_itab(s->p, s->pkg, val->type, typ);
        if (ir_type_is_direct_iface(s->p->env, val->type)) {
            if (val->op == IR_ONIL)
                return true;
            set_pos(s, val);
            assign_at(s, s->pos, l, loff + s->p->env->sizes.wordsize, val);
        } else {
            IrName *a = static_name(s, val->type);
            ptrmap_put(&s->temps, PMKEY(val), a);
            assign_at(s, s->pos, a, 0, val);
        }
        return true;
    }
    default:
        return false;
    }
}

static bool all_blank(IrList *l)
{
    for (uint32_t i = 0; i < l->len; i++)
        if (!ir_is_blank(l->items[i]))
            return false;
    return true;
}

/* tryStaticInit */
static bool try_static_init(Sched *s, IrNode *n)
{
    IrNode *one[1];
    IrList single = {one, 0, 1};
    IrList *lhs;
    IrNode *rhs;
    switch (n->op) {
    case IR_OAS:
        one[0] = n->x;
        single.len = 1;
        lhs = &single;
        rhs = n->y;
        break;
    case IR_OAS2DOTTYPE:
    case IR_OAS2FUNC:
    case IR_OAS2MAPR:
    case IR_OAS2RECV:
        if (n->list.len < 2 || n->rlist.len != 1)
            return false;
        lhs = &n->list;
        rhs = n->rlist.items[0];
        break;
    default:
        /* OAS2 (var a, b = tmp1, tmp2 after conversions) is never static;
         * OCALLFUNC is an outlined map init: no mutations */
        return false;
    }
    if (!s->seen_mutation && rhs)
        s->seen_mutation = irp_any(rhs, modifies_pkg_var, s);
    if (all_blank(lhs) && !(rhs && any_side_effects(rhs)))
        return true; /* discard */
    if (lhs->len > 1)
        return false;
    Pos saved = s->pos;
    set_pos(s, n);
    IrNode *l = lhs->items[0];
    bool ok = l->op == IR_ONAME && static_assign(s, (IrName *)l, 0, rhs, l->type);
    s->pos = saved;
    return ok;
}

/* ---- map-init outlining ------------------------------------------------------------------------ */

static bool count_node(void *ud, IrNode *n)
{
    (void)n;
    (*(uint32_t *)ud)++;
    return false;
}

enum { WRAP_MAP_INIT_MIN_SIZE = 20 };

/* tryWrapGlobalInit: `m = <map literal>` with a large, side-effect-free
 * right-hand side moves into a new function map.init.N. */
static IrFunc *try_wrap_global_init(IrProgram *p, IrPackage *pkg, IrNode *n, uint32_t *gen)
{
    if (n->op != IR_OAS || !n->x || n->x->op != IR_ONAME || ir_is_blank(n->x) || !n->y)
        return NULL;
    if (!n->x->type || ty_under(n->x->type)->kind != TY_MAP)
        return NULL;
    uint32_t size = 0;
    irp_any(n->y, count_node, &size);
    if (size < WRAP_MAP_INIT_MIN_SIZE || any_side_effects(n->y))
        return NULL;

    char buf[32];
    snprintf(buf, sizeof buf, "map.init.%u", (*gen)++);
    const char *name = arena_strdup(&p->arena, buf);
    TySignature *sig = ty_new_signature(p->env, NULL, p->env->empty_tuple, p->env->empty_tuple, false);
    IrFunc *fn = ARENA_NEW(&p->arena, IrFunc);
    memset(fn, 0, sizeof *fn);
    IrName *nn = ir_new_name(p, n->pos, sym_cstr(p->syms, name), IR_PFUNC, &sig->t);
    nn->func = fn;
    fn->nname = nn;
    fn->linkname = name;
    fn->sig = sig;
    fn->pos = n->pos;
    fn->endpos = n->pos;
    ir_list_push(p, &fn->body, n);
    (void)pkg;
    return fn;
}

/* Inserts fn into Target.Funcs at index at. */
static void insert_func(IrProgram *p, IrPackage *pkg, uint32_t at, IrFunc *fn)
{
    ir_package_add_func(p, pkg, fn);
    memmove(pkg->fn + at + 1, pkg->fn + at, sizeof(IrFunc *) * (pkg->nfn - 1 - at));
    pkg->fn[at] = fn;
}

static void outline_map_inits(IrProgram *p, IrPackage *pkg, uint32_t initidx)
{
    IrFunc *init = pkg->fn[initidx];
    /* after init and the closures created while reading its statements */
    uint32_t at = initidx + 1;
    while (at < pkg->nfn && pkg->fn[at]->closure_parent == init)
        at++;
    uint32_t gen = 0;
    for (uint32_t i = 0; i < init->body.len; i++) {
        IrNode *stmt = init->body.items[i];
        IrFunc *fn = stmt ? try_wrap_global_init(p, pkg, stmt, &gen) : NULL;
        if (!fn)
            continue;
        IrNode *call = ir_new(p, IR_OCALLFUNC, stmt->pos, NULL);
        call->x = &fn->nname->n;
        init->body.items[i] = call;
        insert_func(p, pkg, at++, fn);
    }
}

/* ---- the package initializer ------------------------------------------------------------------- */

void ir_staticinit_package(IrProgram *prog, IrPackage *pkg, const IrConfig *conf)
{
    (void)conf;
    for (uint32_t i = 0; i < pkg->nfn; i++) {
        IrFunc *fn = pkg->fn[i];
        if (!(fn->fflags & IR_FN_PKGINIT))
            continue;
        outline_map_inits(prog, pkg, i);
        Sched s;
        memset(&s, 0, sizeof s);
        s.p = prog;
        s.pkg = pkg;
        s.pos = fn->pos;
        s.fips = is_fips_package(pkg);
        for (uint32_t j = 0; j < fn->body.len; j++) {
            IrNode *n = fn->body.items[j];
            if (n && !try_static_init(&s, n))
                ir_list_push(prog, &s.out, n);
        }
        fn->body = s.out;
        if (fn->body.len == 0)
            ir_list_push(prog, &fn->body, ir_new(prog, IR_OBLOCK, NOPOS, NULL));
        ptrmap_free(&s.plans);
        ptrmap_free(&s.temps);
        break;
    }
}

void ir_run_passes(IrProgram *prog, IrPackage *pkg, const IrConfig *conf, int m)
{
    ir_devirtualize_package(prog, pkg, conf, m);
    ir_loopvar_package(prog, pkg, conf);
    ir_staticinit_package(prog, pkg, conf);
    ir_reflect_free(pkg);
    ir_deadlocals_package(prog, pkg, conf);
}
