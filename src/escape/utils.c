/*
 * Helpers (gc's escape/utils.go and the parts of cmd/compile/internal/ir
 * the analysis uses): self-assignments, HeapAllocReason, static values
 * (ir.StaticValue, ir.Reassigned, ir.ReassignOracle), walking the IR in
 * gc's child order, type predicates, and message output.
 */
#include "esc.h"

#include <stdarg.h>
#include <string.h>

/* ---- functions and names ---------------------------------------------------------- */

/* gc's Func.IsClosure: a function literal that captures something.  A
 * method value wrapper's hidden .this does not make it a closure. */
bool esc_is_closure(const IrFunc *fn) { return fn->oclosure != NULL && fn->closurevars.len > 0; }

/* Whether c is a closure (function literal) nested in f. */
bool esc_contains_closure(const IrFunc *f, const IrFunc *c)
{
    if (f == c || !c->oclosure)
        return false;
    for (const IrFunc *p = c->closure_parent; p; p = p->closure_parent)
        if (p == f)
            return true;
    return false;
}

/* ---- walking the IR -------------------------------------------------------------- */

void esc_visit_list(IrList *l, EscVisitFn f, void *ud)
{
    for (uint32_t i = 0; i < l->len; i++)
        esc_visit(l->items[i], f, ud);
}

/* gc's doChildren order: a node's init, then its operands in field order
 * (X, Y, the third operand, lists, bodies).  Names have no children, a
 * declaration visits only its name, a closure expression only its init
 * (its body belongs to the closure's function), and a for loop visits
 * Cond, Post, Body. */
void esc_visit(IrNode *n, EscVisitFn f, void *ud)
{
    if (!n)
        return;
    f(ud, n);
    switch ((IrOp)n->op) {
    case IR_ONAME:
        return;
    case IR_ODCL:
        esc_visit(n->x, f, ud);
        return;
    case IR_OCLOSURE:
        esc_visit_list(&n->init, f, ud);
        return;
    case IR_OFOR:
        esc_visit_list(&n->init, f, ud);
        esc_visit(n->x, f, ud);
        esc_visit_list(&n->els, f, ud);
        esc_visit_list(&n->body, f, ud);
        return;
    default:
        esc_visit_list(&n->init, f, ud);
        esc_visit(n->x, f, ud);
        esc_visit(n->y, f, ud);
        esc_visit(n->z, f, ud);
        esc_visit_list(&n->list, f, ud);
        esc_visit_list(&n->rlist, f, ud);
        esc_visit_list(&n->body, f, ud);
        esc_visit_list(&n->els, f, ud);
        return;
    }
}

/* ---- self-assignment ------------------------------------------------------------- */

/* b.buf = b.buf[n:m] stores no pointer into b that was not there. */
static bool is_slice_self_assign(IrNode *dst, IrNode *src)
{
    IrNode *dstx;
    switch ((IrOp)dst->op) {
    case IR_ODEREF:
    case IR_ODOTPTR:
        dstx = dst->x;
        break;
    default:
        return false;
    }
    if (!dstx || dstx->op != IR_ONAME)
        return false;
    switch ((IrOp)src->op) {
    case IR_OSLICE:
    case IR_OSLICE3:
    case IR_OSLICESTR:
        break;
    case IR_OSLICEARR:
    case IR_OSLICE3ARR:
        /* Slicing an array stored in b (implicit &) adds a pointer to b
         * itself; only a pointer to an array is safe. */
        if (src->x && src->x->op == IR_OADDR)
            return false;
        break;
    default:
        return false;
    }
    IrNode *base = src->x, *basex;
    if (!base)
        return false;
    switch ((IrOp)base->op) {
    case IR_ODEREF:
    case IR_ODOTPTR:
        basex = base->x;
        break;
    default:
        return false;
    }
    if (!basex || basex->op != IR_ONAME)
        return false;
    return dstx == basex;
}

static bool is_simple_kind(TyType *t)
{
    TyType *u = t ? ty_under(t) : NULL;
    if (!u || u->kind != TY_BASIC)
        return false;
    uint16_t info = TY_AS(TyBasic, u)->info;
    if (info & TY_IS_UNTYPED)
        return (info & (TY_IS_INTEGER | TY_IS_FLOAT | TY_IS_COMPLEX)) != 0; /* TIDEAL */
    return (info & (TY_IS_INTEGER | TY_IS_FLOAT | TY_IS_COMPLEX | TY_IS_BOOLEAN)) != 0;
}

static bool same_type(TyType *a, TyType *b)
{
    if (a == b)
        return true;
    if (!a || !b)
        return false;
    return ty_identical(a, b);
}

/* ir.SameSafeExpr: l and r are the same expression without side effects. */
static bool same_safe_expr(IrNode *l, IrNode *r)
{
    while (l->op == IR_OCONVNOP)
        l = l->x;
    while (r->op == IR_OCONVNOP)
        r = r->x;
    if (l->op != r->op || !same_type(l->type, r->type))
        return false;
    switch ((IrOp)l->op) {
    case IR_ONAME:
        return l == r;
    case IR_ODOT:
    case IR_ODOTPTR:
        return l->sym && r->sym && l->sym == r->sym && same_safe_expr(l->x, r->x);
    case IR_ODEREF:
    case IR_ONOT:
    case IR_OBITNOT:
    case IR_OPLUS:
    case IR_ONEG:
        return same_safe_expr(l->x, r->x);
    case IR_OCONV:
        /* []byte(str) and the like cannot be reused */
        return is_simple_kind(l->type) && same_safe_expr(l->x, r->x);
    case IR_OINDEX:
    case IR_OINDEXMAP:
    case IR_OADD:
    case IR_OSUB:
    case IR_OOR:
    case IR_OXOR:
    case IR_OMUL:
    case IR_OLSH:
    case IR_ORSH:
    case IR_OAND:
    case IR_OANDNOT:
    case IR_ODIV:
    case IR_OMOD:
        return same_safe_expr(l->x, r->x) && same_safe_expr(l->y, r->y);
    case IR_OLITERAL:
        return ty_const_compare(l->val, TY_OP_EQL, r->val);
    case IR_ONIL:
        return true;
    default:
        return false;
    }
}

/* Whether evaluating n may change memory (calls, allocations, ...). */
static bool may_affect_memory(IrNode *n)
{
    switch ((IrOp)n->op) {
    case IR_ONAME:
    case IR_OLITERAL:
    case IR_ONIL:
        return false;
    case IR_OADD:
    case IR_OSUB:
    case IR_OOR:
    case IR_OXOR:
    case IR_OMUL:
    case IR_OLSH:
    case IR_ORSH:
    case IR_OAND:
    case IR_OANDNOT:
    case IR_ODIV:
    case IR_OMOD:
    case IR_OINDEX:
        return may_affect_memory(n->x) || may_affect_memory(n->y);
    case IR_OCONVNOP:
    case IR_OCONV:
    case IR_OLEN:
    case IR_OCAP:
    case IR_ONOT:
    case IR_OBITNOT:
    case IR_OPLUS:
    case IR_ONEG:
    case IR_ODOT:
    case IR_ODOTPTR:
    case IR_ODEREF:
        return may_affect_memory(n->x);
    default:
        return true;
    }
}

/* Assignments from an object back into itself (val.x = val.y, val.x[i] =
 * val.y[j], b.buf = b.buf[n:m]) do not change what it points to. */
bool esc_is_self_assign(IrNode *dst, IrNode *src)
{
    if (is_slice_self_assign(dst, src))
        return true;
    if (!dst || !src || dst->op != src->op)
        return false;
    switch ((IrOp)dst->op) {
    case IR_ODOT:
    case IR_ODOTPTR:
        return same_safe_expr(dst->x, src->x);
    case IR_OINDEX:
        if (may_affect_memory(dst->y) || may_affect_memory(src->y))
            return false;
        return same_safe_expr(dst->x, src->x);
    default:
        return false;
    }
}

/* ---- heap allocation reasons ----------------------------------------------------- */

static int64_t round_up(int64_t o, int64_t a) { return a > 1 ? (o + a - 1) / a * a : o; }

/* typecheck.ClosureType's size: struct { F uintptr; X0 T0 or *T0; ... }. */
static int64_t closure_record_size(EscState *st, IrFunc *fn)
{
    int64_t off = 8, maxalign = 8;
    bool last_zero = false;
    for (uint32_t i = 0; i < fn->closurevars.len; i++) {
        IrName *cv = esc_as_name(fn->closurevars.items[i]);
        int64_t size = 8, align = 8;
        if (ir_canonical(cv)->nflags & IR_N_BYVAL) {
            size = esc_type_size(st, cv->n.type);
            align = esc_type_align(st, cv->n.type);
        }
        off = round_up(off, align) + size;
        if (align > maxalign)
            maxalign = align;
        last_zero = size == 0;
    }
    if (last_zero)
        off++; /* gc pads a trailing zero-sized field */
    return round_up(off, maxalign);
}

const char *esc_heap_alloc_reason(EscState *st, IrNode *n)
{
    if (!n || !n->type)
        return "";
    if (n->op == IR_ONAME) {
        IrName *nm = esc_as_name(n);
        if (nm->class == IR_PPARAM || nm->class == IR_PPARAMOUT)
            return ""; /* parameters are passed on the stack */
    }
    bool small = st->conf->smallframes;
    int64_t max_stack = small ? 64 * 1024 : 128 * 1024;
    int64_t max_implicit = small ? 16 * 1024 : 64 * 1024;
    int64_t ptr = 8;

    if (esc_type_size(st, n->type) > max_stack)
        return "too large for stack";
    if (esc_type_align(st, n->type) > ptr)
        return "too aligned for stack";

    if (n->op == IR_ONEW || n->op == IR_OPTRLIT) {
        TyType *elem = esc_type_elem(n->type);
        if (elem && esc_type_size(st, elem) > max_implicit)
            return "too large for stack";
        if (elem && esc_type_align(st, elem) > ptr)
            return "too aligned for stack";
    }

    if (n->op == IR_OCLOSURE && n->func && closure_record_size(st, n->func) > max_implicit)
        return "too large for stack";
    if (n->op == IR_OMETHVALUE && n->x) {
        /* typecheck.MethodValueType: struct { F uintptr; R recv } */
        int64_t a = esc_type_align(st, n->x->type);
        int64_t size = round_up(8, a) + esc_type_size(st, n->x->type);
        if (esc_type_size(st, n->x->type) == 0)
            size++;
        if (round_up(size, a > 8 ? a : 8) > max_implicit)
            return "too large for stack";
    }

    if (n->op == IR_OMAKESLICE) {
        IrNode *r = *esc_make_cap_ref(n);
        TyType *elem = esc_type_elem(n->type);
        int64_t esize = elem ? esc_type_size(st, elem) : 1;
        if (esize == 0)
            return "zero-sized element"; /* TODO in gc: stack allocate these (#65685) */
        /* A non-constant size uses a fixed stack buffer with a runtime
         * fallback (walk), so it has no reason. */
        if (!r || r->op != IR_OLITERAL || ty_const_kind(r->val) != TY_CONST_INT)
            return "";
        bool exact = false;
        int64_t v = ty_const_int64_val(r->val, &exact);
        if (!exact || (int64_t)(int32_t)v != v)
            return "";
        if (v > max_implicit / esize)
            return "too large for stack";
    }
    return "";
}

/* A field Data of reflect.SliceHeader or reflect.StringHeader. */
bool esc_is_reflect_header_data_field(IrNode *n)
{
    if (!n || !esc_type_is_uintptr(n->type))
        return false;
    /* gc compares with types.Types[TUINTPTR]: the predeclared uintptr */
    if (ty_unalias(n->type)->kind != TY_BASIC)
        return false;
    TyType *t;
    if (n->op == IR_ODOT)
        t = n->x ? n->x->type : NULL;
    else if (n->op == IR_ODOTPTR)
        t = n->x ? esc_type_elem(n->x->type) : NULL;
    else
        return false;
    if (!t)
        return false;
    t = ty_unalias(t);
    if (t->kind != TY_NAMED || !n->sym || !n->sym->name)
        return false;
    TyObject *tn = TY_AS(TyNamed, t)->obj;
    if (!tn || !tn->pkg || strcmp(tn->pkg->path, "reflect") != 0 || strcmp(n->sym->name->name, "Data") != 0)
        return false;
    return strcmp(tn->name->name, "SliceHeader") == 0 || strcmp(tn->name->name, "StringHeader") == 0;
}

/* ---- static values ---------------------------------------------------------------- */

typedef struct ReassignCtx {
    IrName *name;
    bool found;
} ReassignCtx;

static bool is_name_of(IrNode *x, IrName *name)
{
    if (!x)
        return false;
    IrNode *o = ir_outer_value(x);
    return o->op == IR_ONAME && ir_canonical(esc_as_name(o)) == name;
}

static void reassigned_visit(void *ud, IrNode *n)
{
    ReassignCtx *c = ud;
    if (c->found)
        return;
    switch ((IrOp)n->op) {
    case IR_OAS:
        if (is_name_of(n->x, c->name) && n != c->name->defn)
            c->found = true;
        break;
    case IR_OAS2:
    case IR_OAS2FUNC:
    case IR_OAS2MAPR:
    case IR_OAS2DOTTYPE:
    case IR_OAS2RECV:
    case IR_OSELRECV2:
        for (uint32_t i = 0; i < n->list.len; i++)
            if (is_name_of(n->list.items[i], c->name) && n != c->name->defn)
                c->found = true;
        break;
    case IR_OASOP:
        if (is_name_of(n->x, c->name))
            c->found = true;
        break;
    case IR_ORANGE:
        if (is_name_of(n->y, c->name) || is_name_of(n->z, c->name))
            c->found = true;
        break;
    case IR_OCLOSURE:
        if (n->func)
            esc_visit_list(&n->func->body, reassigned_visit, c);
        break;
    default:
        break;
    }
}

/* ir.Reassigned: whether name has assignments other than its
 * declaration (globals: always). */
bool esc_reassigned_name(IrName *name)
{
    if (!name->curfn)
        return true;
    if (name->nflags & IR_N_ADDRTAKEN)
        return true;
    ReassignCtx c = {name, false};
    esc_visit_list(&name->curfn->body, reassigned_visit, &c);
    return c.found;
}

/* The right-hand side that defines local n, if n is a PAUTO defined by an
 * OAS or OAS2. */
static IrNode *defining_rhs(IrName *n)
{
    IrNode *defn = n->defn;
    if (!defn)
        return NULL;
    if (defn->op == IR_OAS)
        return defn->y;
    if (defn->op == IR_OAS2) {
        for (uint32_t i = 0; i < defn->list.len; i++)
            if (defn->list.items[i] == &n->n)
                return esc_list_at(&defn->rlist, i);
        base_fatal("escape: %s missing from LHS of its definition", n->sym ? n->sym->name : "?");
    }
    return NULL;
}

/* ir.ReassignOracle: ir.StaticValue for a whole function at once. */
struct EscOracle {
    IrFunc *fn;
    PtrMap single; /* candidate IrName* -> its defining node (params: the IrFunc) */
};

static void oracle_find_locals(void *ud, IrNode *n)
{
    EscOracle *ro = ud;
    if (n->op == IR_ONAME) {
        IrName *nm = esc_as_name(n);
        if (nm->defn && !(nm->nflags & IR_N_ADDRTAKEN) && nm->class == IR_PAUTO)
            ptrmap_put(&ro->single, PMKEY(nm), nm->defn);
    } else if (n->op == IR_OCLOSURE && n->func) {
        esc_visit_list(&n->func->body, oracle_find_locals, ro);
    }
}

typedef struct PruneCtx {
    EscOracle *ro;
    IrNode *asn;
} PruneCtx;

static void oracle_prune(EscOracle *ro, IrNode *lhs, IrNode *asn)
{
    if (!lhs)
        return;
    IrNode *o = ir_outer_value(lhs);
    if (o->op != IR_ONAME)
        return;
    IrName *nm = ir_canonical(esc_as_name(o));
    void *defn = ptrmap_get(&ro->single, PMKEY(nm));
    if (!defn)
        return;
    /* any assignment to a parameter, or to a local other than its own
     * definition, disqualifies it */
    if (nm->class == IR_PPARAM || (nm->class == IR_PAUTO && (void *)asn != defn))
        ptrmap_put(&ro->single, PMKEY(nm), NULL);
}

static void oracle_prune_visit(void *ud, IrNode *n)
{
    EscOracle *ro = ud;
    switch ((IrOp)n->op) {
    case IR_OAS:
    case IR_OASOP:
        oracle_prune(ro, n->x, n);
        break;
    case IR_OAS2:
    case IR_OAS2FUNC:
    case IR_OAS2MAPR:
    case IR_OAS2DOTTYPE:
    case IR_OAS2RECV:
    case IR_OSELRECV2:
        for (uint32_t i = 0; i < n->list.len; i++)
            oracle_prune(ro, n->list.items[i], n);
        break;
    case IR_ORANGE:
        oracle_prune(ro, n->y, n);
        oracle_prune(ro, n->z, n);
        break;
    case IR_OCLOSURE:
        if (n->func)
            esc_visit_list(&n->func->body, oracle_prune_visit, ro);
        break;
    default:
        break;
    }
}

static EscOracle *oracle_new(IrFunc *fn)
{
    EscOracle *ro = xcalloc(1, sizeof *ro);
    ro->fn = fn;
    for (uint32_t i = 0; i < fn->nparams && i < fn->dcl.len; i++) {
        IrNode *p = fn->dcl.items[i];
        if (ir_is_blank(p))
            continue;
        ptrmap_put(&ro->single, PMKEY(p), fn);
    }
    esc_visit_list(&fn->body, oracle_find_locals, ro);
    esc_visit_list(&fn->body, oracle_prune_visit, ro);
    return ro;
}

/* The oracle of fn's outermost enclosing function (not the package
 * initializer), computed once (gc's batch.reassignOracle). */
EscOracle *esc_reassign_oracle(EscState *st, IrFunc *fn)
{
    EscOracle *ro = ptrmap_get(&st->oracles, PMKEY(fn));
    if (ro)
        return ro;
    IrFunc *f = fn;
    while (f->closure_parent && !(f->closure_parent->fflags & IR_FN_PKGINIT))
        f = f->closure_parent;
    if (f != fn) {
        ro = ptrmap_get(&st->oracles, PMKEY(f));
        if (ro) {
            ptrmap_put(&st->oracles, PMKEY(fn), ro);
            return ro;
        }
    }
    ro = oracle_new(f);
    ptrmap_put(&st->oracles, PMKEY(fn), ro);
    if (f != fn)
        ptrmap_put(&st->oracles, PMKEY(f), ro);
    return ro;
}

void esc_oracle_free_all(EscState *st)
{
    /* oracles may be shared by several keys: free each once */
    PtrMap seen = {0};
    for (uint32_t i = 0; i < st->oracles.cap; i++) {
        EscOracle *ro = st->oracles.keys[i] ? st->oracles.vals[i] : NULL;
        if (!ro || ptrmap_get(&seen, PMKEY(ro)))
            continue;
        ptrmap_put(&seen, PMKEY(ro), ro);
        ptrmap_free(&ro->single);
        free(ro);
    }
    ptrmap_free(&seen);
    ptrmap_free(&st->oracles);
}

/* ir.StaticValue: follows OCONVNOPs and locals that are assigned exactly
 * once to the value they hold.  Whether a local is assigned once is asked
 * of the oracle when there is one (ir.ReassignOracle.StaticValue), else
 * found by walking its function (ir.Reassigned). */
static IrNode *static_value(EscOracle *ro, IrNode *n)
{
    for (;;) {
        if (!n)
            return NULL;
        if (n->op == IR_OCONVNOP) {
            n = n->x;
            continue;
        }
        if (n->op != IR_ONAME)
            return n;
        IrName *nm = ir_canonical(esc_as_name(n));
        if (nm->class != IR_PAUTO)
            return n;
        IrNode *rhs = defining_rhs(nm);
        if (!rhs)
            return n;
        if (ro ? !ptrmap_get(&ro->single, PMKEY(nm)) : esc_reassigned_name(nm))
            return n;
        n = rhs;
    }
}

IrNode *esc_static_value(IrNode *n) { return static_value(NULL, n); }

IrNode *esc_oracle_static_value(EscOracle *ro, IrNode *n) { return static_value(ro, n); }

/* ---- types ------------------------------------------------------------------------- */

static TyType *under(TyType *t) { return t ? ty_under(t) : NULL; }

bool esc_type_has_pointers(TyType *t) { return t && ir_type_has_pointers(t); }

bool esc_type_is_untyped(TyType *t)
{
    TyType *u = t ? ty_unalias(t) : NULL;
    return u && u->kind == TY_BASIC && (TY_AS(TyBasic, u)->info & TY_IS_UNTYPED);
}

bool esc_type_is_interface(TyType *t)
{
    TyType *u = under(t);
    return u && u->kind == TY_INTERFACE;
}

bool esc_type_is_array(TyType *t)
{
    TyType *u = under(t);
    return u && u->kind == TY_ARRAY;
}

bool esc_type_is_slice(TyType *t)
{
    TyType *u = under(t);
    return u && u->kind == TY_SLICE;
}

static bool is_basic(TyType *t, int kind)
{
    TyType *u = under(t);
    return u && u->kind == TY_BASIC && TY_AS(TyBasic, u)->bkind == kind;
}

bool esc_type_is_uintptr(TyType *t) { return is_basic(t, TY_UINTPTR); }
bool esc_type_is_unsafe_ptr(TyType *t) { return is_basic(t, TY_UNSAFE_POINTER); }

bool esc_type_is_direct_iface(EscState *st, TyType *t) { return t && ir_type_is_direct_iface(st->env, t); }

TyType *esc_type_elem(TyType *t)
{
    TyType *u = under(t);
    if (!u)
        return NULL;
    switch (u->kind) {
    case TY_POINTER:
        return TY_AS(TyPointer, u)->base;
    case TY_SLICE:
        return TY_AS(TySlice, u)->elem;
    case TY_ARRAY:
        return TY_AS(TyArray, u)->elem;
    case TY_MAP:
        return TY_AS(TyMap, u)->elem;
    case TY_CHAN:
        return TY_AS(TyChan, u)->elem;
    default:
        return NULL;
    }
}

int64_t esc_type_size(EscState *st, TyType *t) { return t ? ir_type_size(st->env, t) : 0; }
int64_t esc_type_align(EscState *st, TyType *t) { return t ? ir_type_align(st->env, t) : 1; }

/* internal/runtime/sys.nih and everything that contains it by value. */
bool esc_type_not_in_heap(TyType *t) { return t && ir_type_not_in_heap(t); }

/* Shape types (go.shape.*) exist only in instantiated generic code; goesc's
 * IR marks them through the type's package path. */
bool esc_type_is_shape(TyType *t)
{
    t = t ? ty_unalias(t) : NULL;
    if (!t || t->kind != TY_NAMED)
        return false;
    TyObject *o = TY_AS(TyNamed, t)->obj;
    return o && o->pkg && o->pkg->path && strcmp(o->pkg->path, "go.shape") == 0;
}

bool esc_has_non_string_pointers(TyType *t)
{
    if (!esc_type_has_pointers(t))
        return false;
    TyType *u = under(t);
    if (u->kind == TY_BASIC)
        return TY_AS(TyBasic, u)->bkind != TY_STRING;
    if (u->kind == TY_STRUCT) {
        TyStruct *s = TY_AS(TyStruct, u);
        for (uint32_t i = 0; i < s->nfields; i++)
            if (esc_has_non_string_pointers(s->fields[i]->type))
                return true;
        return false;
    }
    if (u->kind == TY_ARRAY)
        return esc_has_non_string_pointers(TY_AS(TyArray, u)->elem);
    return true;
}

/* ---- messages ---------------------------------------------------------------------- */

void esc_fmt_node(EscState *st, Buf *b, IrNode *n) { ir_fmt_node(b, st->prog, st->pkg->types, n); }

const char *esc_func_name(IrFunc *fn)
{
    if (!fn || !fn->linkname)
        return "<nil>";
    return fn->linkname;
}

/* %v of an *ir.Func: its symbol, qualified by the package name when it
 * belongs to another package (instantiated imported generics). */
void esc_fmt_func(EscState *st, Buf *b, IrFunc *fn)
{
    const IrFunc *f = fn;
    while (f && !f->obj && f->closure_parent)
        f = f->closure_parent;
    TyPackage *pkg = f && f->obj ? f->obj->pkg : NULL;
    if (pkg && pkg != st->pkg->types && pkg->name) {
        buf_puts(b, pkg->name);
        buf_putc(b, '.');
    }
    buf_puts(b, esc_func_name(fn));
}

void esc_printf(EscState *st, const char *fmt, ...)
{
    if (st->prog->quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&st->prog->out, fmt, ap);
    va_end(ap);
}

void esc_print_pos(EscState *st, Pos pos)
{
    if (st->prog->quiet)
        return;
    ir_fmt_pos(&st->prog->out, st->prog, pos);
}

void esc_warn_scratch(EscState *st, Pos pos)
{
    esc_flush_errors(st);
    ir_warnf(st->prog, pos, "%s", buf_str(&st->scratch));
}

void esc_warnf(EscState *st, Pos pos, const char *fmt, ...)
{
    esc_flush_errors(st);
    if (st->prog->quiet)
        return;
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    ir_warnf(st->prog, pos, "%s", buf_str(&b));
    buf_free(&b);
}

/* ---- errors ----------------------------------------------------------------------------- */

/* gc queues errors (base.ErrorfAt) and prints the queue, stably sorted by
 * position and without repeated lines, whenever a -m warning is printed
 * (base.WarnfAt flushes), else at exit.  So with -m an analysis error
 * appears right before the next message. */
typedef struct EscErr {
    Pos pos;
    char *msg; /* the text after "POS: " */
} EscErr;

static bool same_line(EscState *st, Pos a, Pos b)
{
    if (a == NOPOS || b == NOPOS)
        return false;
    Position ra = postab_resolve(st->prog->pos, a), rb = postab_resolve(st->prog->pos, b);
    return ra.line == rb.line && ra.filename && rb.filename && strcmp(ra.filename, rb.filename) == 0;
}

void esc_errorf(EscState *st, Pos pos, const char *fmt, ...)
{
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    const char *msg = buf_str(&b);
    /* only one of several equal errors per line */
    if (st->last_err_msg && same_line(st, st->last_err_pos, pos) && strcmp(st->last_err_msg, msg) == 0) {
        buf_free(&b);
        return;
    }
    free(st->last_err_msg);
    st->last_err_msg = xstrdup(msg);
    st->last_err_pos = pos;
    if (st->nerrs == st->caperrs) {
        st->caperrs = st->caperrs ? st->caperrs * 2 : 8;
        st->errs = xrealloc(st->errs, sizeof(EscErr) * st->caperrs);
    }
    st->errs[st->nerrs].pos = pos;
    st->errs[st->nerrs].msg = xstrdup(msg);
    st->nerrs++;
    buf_free(&b);
}

static void clear_errors(EscState *st)
{
    for (uint32_t i = 0; i < st->nerrs; i++)
        free(st->errs[i].msg);
    st->nerrs = 0;
}

static void flush_errors(EscState *st)
{
    if (st->nerrs == 0)
        return;
    uint32_t n = st->nerrs;
    for (uint32_t i = 1; i < n; i++) { /* insertion sort: stable, queues are tiny */
        EscErr e = st->errs[i];
        uint32_t j = i;
        while (j > 0 && st->errs[j - 1].pos > e.pos) {
            st->errs[j] = st->errs[j - 1];
            j--;
        }
        st->errs[j] = e;
    }
    Buf line = {0}, prev = {0};
    for (uint32_t i = 0; i < n; i++) {
        buf_reset(&line);
        ir_fmt_pos(&line, st->prog, st->errs[i].pos);
        buf_printf(&line, ": %s\n", st->errs[i].msg);
        if (i == 0 || strcmp(buf_str(&line), buf_str(&prev)) != 0) {
            buf_puts(&st->prog->out, buf_str(&line));
            st->prog->nerrors_out++;
        }
        buf_reset(&prev);
        buf_puts(&prev, buf_str(&line));
    }
    buf_free(&line);
    buf_free(&prev);
    clear_errors(st);
}

void esc_flush_errors(EscState *st)
{
    if (st->conf->m != 0 && !st->prog->quiet)
        flush_errors(st);
}

void esc_finish_errors(EscState *st)
{
    /* With -m the next warning comes from a later phase; without, gc
     * prints the queue at exit: either way, now.  (Errors of later
     * phases, which gc would sort in, do not occur in practice.)  A
     * quiet run prints nothing: its errors go to diags. */
    if (st->prog->quiet) {
        for (uint32_t i = 0; i < st->nerrs; i++)
            diags_add(st->prog->diags, st->errs[i].pos, "%s", st->errs[i].msg);
        clear_errors(st);
    } else {
        flush_errors(st);
    }
    free(st->errs);
    st->errs = NULL;
    st->caperrs = 0;
    free(st->last_err_msg);
    st->last_err_msg = NULL;
}
