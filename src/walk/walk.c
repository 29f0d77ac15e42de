/*
 * walk.c — gc's walk phase as far as -m shows it: "index bounds check
 * elided" (cmd/compile/internal/walk walkIndex and bounded; the order in
 * which gc.enqueueFunc, order and walk reach the index expressions).
 *
 * The IR is not rewritten.  What order would do to a statement is
 * modelled by the flag IR_F_WALKTEMP: an expression order moves into a
 * temporary (a call nested in an expression, an operand of && or ||, a
 * receive, ...) is walked when order emits the temporary's assignment,
 * that is before the rest of its statement, and afterwards reads as a
 * plain temporary of its type.  An index expression is checked after its
 * operands (walkIndex walks X and Index first), with its index in the
 * form it had before walk: the original node, or a temporary if order
 * or walk's ascompatee replaced it.
 */
#include "walk.h"

#include <string.h>

typedef struct Walk {
    IrProgram *p;
    TyEnv *env;
    const WkConfig *conf;
    IrFunc *fn;            /* the function being walked */
    bool seen_defer;       /* gc's Func.HasDefer, as walk sets it: a defer walked already */
    PtrMap queued;         /* closures queued for walking (gc's Func.Walked) */
    PtrVec *closures;      /* capturing closures met in fn, in walk order (gc's Func.Closures) */
} Walk;

static void stmt(Walk *w, IrNode *s);
static void ord_expr(Walk *w, IrNode *n, IrNode *lhs);

static bool is_hoisted(Walk *w, IrNode *n) { (void)w; return (n->flags & IR_F_WALKTEMP) != 0; }

/* ---- bounded (walk/expr.go) ---------------------------------------------------- */

static TyBasic *int_basic(TyType *t)
{
    TyType *u = t ? ty_under(t) : NULL;
    if (!u || u->kind != TY_BASIC)
        return NULL;
    TyBasic *b = (TyBasic *)u;
    return (b->info & TY_IS_INTEGER) ? b : NULL;
}

static bool is_int_const(const IrNode *n)
{
    return n && n->op == IR_OLITERAL && ty_const_kind(n->val) == TY_CONST_INT;
}

/* ir.IsSmallIntConst: an integer constant that fits in an int32 */
static bool small_int_const(const IrNode *n, int64_t *v)
{
    if (!is_int_const(n))
        return false;
    bool exact = false;
    int64_t x = ty_const_int64_val(n->val, &exact);
    if (!exact || (int64_t)(int32_t)x != x)
        return false;
    *v = x;
    return true;
}

/* Whether the integer expression n is in [0, max).  opaque: n was
 * replaced by a temporary, so only its type says anything. */
static bool bounded(Walk *w, IrNode *n, int64_t max, bool opaque)
{
    TyBasic *b = n ? int_basic(n->type) : NULL;
    if (!b)
        return false;
    bool sign = !(b->info & TY_IS_UNSIGNED);
    int64_t size = (b->info & TY_IS_UNTYPED) ? 8 : ir_type_size(w->env, n->type);
    int bits = (int)(8 * size);
    int64_t v;
    if (!opaque) {
        if (small_int_const(n, &v))
            return 0 <= v && v < max;
        switch (n->op) {
        case IR_OAND:
        case IR_OANDNOT:
            v = -1;
            if (!small_int_const(n->x, &v) && small_int_const(n->y, &v) && n->op == IR_OANDNOT) {
                v = ~v;
                if (!sign && bits < 64)
                    v &= ((int64_t)1 << bits) - 1;
            }
            if (0 <= v && v < max)
                return true;
            break;
        case IR_OMOD:
            if (!sign && small_int_const(n->y, &v) && 0 <= v && v <= max)
                return true;
            break;
        case IR_ODIV:
            if (!sign && small_int_const(n->y, &v))
                for (; bits > 0 && v >= 2; v >>= 1)
                    bits--;
            break;
        case IR_ORSH:
            if (!sign && small_int_const(n->y, &v)) {
                if (v > bits)
                    return true;
                bits -= (int)v;
            }
            break;
        default:
            break;
        }
    }
    return !sign && bits >= 0 && bits <= 62 && ((int64_t)1 << bits) <= max;
}

/* walkIndex: n is an OINDEX whose operands have been walked */
static void check_index(Walk *w, IrNode *n)
{
    if (n->flags & IR_F_BOUNDED)
        return;
    IrNode *x = n->x, *r = n->y;
    if (!x || !r || !x->type)
        return;
    TyType *t = ty_under(x->type);
    if (t && t->kind == TY_POINTER)
        t = ty_under(((TyPointer *)t)->base);
    int64_t max;
    if (t && t->kind == TY_ARRAY)
        max = ((TyArray *)t)->len;
    else if (x->op == IR_OLITERAL && ty_const_kind(x->val) == TY_CONST_STRING)
        max = (int64_t)ty_const_string_len(x->val);
    else
        return;
    if (max < 0 || !bounded(w, r, max, is_hoisted(w, r)))
        return;
    n->flags |= IR_F_BOUNDED;
    if (w->conf->m != 0 && (is_hoisted(w, r) || !is_int_const(r)))
        ir_warnf(w->p, n->pos, "index bounds check elided");
}

/* ---- walking expressions ----------------------------------------------------- */

static void queue_closure(Walk *w, IrFunc *f)
{
    /* a closure without captured variables is compiled on its own, in
     * Target.Funcs order; the others when their enclosing function has
     * been walked (walkClosure, directClosureCall) */
    if (!f || !ir_func_is_closure(f) || ptrmap_get(&w->queued, PMKEY(f)))
        return;
    ptrmap_put(&w->queued, PMKEY(f), f);
    ptrvec_push(w->closures, f);
}

static void emit_list(Walk *w, IrList *l);
static void emit_append(Walk *w, IrNode *n);
static void emit_compare(Walk *w, IrNode *n);
static bool same_safe(const IrNode *l, const IrNode *r);

/* order.copyExpr and friends: n is computed into a temporary now */
static void unit(Walk *w, IrNode *n);

/* walk's safeExpr on an expression not walked yet: the parts that are
 * not names, constants or selections of those are computed into
 * temporaries now (cheapExpr); an index expression whose index became
 * a temporary is then judged by the temporary's type only.  The caller
 * walks n afterwards. */
static void safe(Walk *w, IrNode *n)
{
    if (!n || is_hoisted(w, n))
        return;
    switch (n->op) {
    case IR_ONAME:
    case IR_OLITERAL:
    case IR_ONIL:
    case IR_OLINKSYMOFFSET:
        return;
    case IR_OLEN:
    case IR_OCAP:
    case IR_ODOT:
    case IR_ODOTPTR:
    case IR_ODEREF:
        safe(w, n->x);
        return;
    case IR_OINDEX:
    case IR_OINDEXMAP:
        safe(w, n->x);
        safe(w, n->y);
        return;
    default:
        unit(w, n);
        return;
    }
}

/* Walks the expression n (walkExpr): the messages of the index
 * expressions in it, operands first; expressions already replaced by
 * temporaries are skipped. */
static void emit(Walk *w, IrNode *n)
{
    if (!n || is_hoisted(w, n))
        return;
    switch (n->op) {
    case IR_ONAME:
    case IR_OLITERAL:
    case IR_ONIL:
    case IR_OTYPE:
    case IR_OMETHEXPR:
    case IR_OLINKSYMOFFSET:
        return;
    case IR_OCLOSURE:
        queue_closure(w, n->func);
        return;
    case IR_OINDEX:
        emit(w, n->x);
        emit(w, n->y);
        check_index(w, n);
        return;
    case IR_OAPPEND:
        emit_append(w, n);
        return;
    case IR_OEQ:
    case IR_ONE:
    case IR_OLT:
    case IR_OLE:
    case IR_OGT:
    case IR_OGE:
        emit_compare(w, n);
        return;
    case IR_OMAKESLICE:
    case IR_OUNSAFESLICE:
    case IR_OUNSAFESTRING:
        /* walkMakeSlice, walkUnsafeSlice, walkUnsafeString */
        safe(w, n->x);
        safe(w, n->y);
        emit(w, n->x);
        emit(w, n->y);
        return;
    default:
        emit(w, n->x);
        emit(w, n->y);
        emit(w, n->z);
        emit_list(w, &n->list);
        emit_list(w, &n->rlist);
        return;
    }
}

static void emit_list(Walk *w, IrList *l)
{
    for (uint32_t i = 0; i < l->len; i++)
        emit(w, l->items[i]);
}

/* walkExprListSafe */
static void emit_safe(Walk *w, IrNode *n)
{
    safe(w, n);
    emit(w, n);
}

/* walkAppend and appendSlice: every operand through safeExpr (walkAppend
 * compares the slice operand with the assignment statement itself, not
 * its destination, so it never skips it) */
static void emit_append(Walk *w, IrNode *n)
{
    for (uint32_t i = 0; i < n->list.len; i++)
        emit_safe(w, n->list.items[i]);
}

static bool is_string_type(TyType *t)
{
    TyType *u = t ? ty_under(t) : NULL;
    return u && u->kind == TY_BASIC && (((TyBasic *)u)->info & TY_IS_STRING);
}

static bool is_const_string(const IrNode *n)
{
    return n && n->op == IR_OLITERAL && ty_const_kind(n->val) == TY_CONST_STRING;
}

/* walkCompare: interface comparisons evaluate Y first; a string compared
 * (==, !=) with a short constant is read through safeExpr */
static void emit_compare(Walk *w, IrNode *n)
{
    IrNode *x = n->x, *y = n->y;
    if (x && y && x->type && y->type && ty_is_interface(x->type) && ty_is_interface(y->type) &&
        x->op != IR_ONIL && y->op != IR_ONIL) {
        emit(w, y);
        emit(w, x);
        return;
    }
    if (x && y && is_string_type(x->type) && is_string_type(y->type) &&
        is_const_string(x) != is_const_string(y) && (n->op == IR_OEQ || n->op == IR_ONE)) {
        IrNode *cs = is_const_string(x) ? x : y, *ncs = cs == x ? y : x;
        size_t len = ty_const_string_len(cs->val);
        /* maxRewriteLen: 2 * RegSize on amd64 */
        if (len > 0 && len <= 16) {
            emit_safe(w, ncs);
            return;
        }
    }
    emit(w, x);
    emit(w, y);
}

static void unit(Walk *w, IrNode *n)
{
    if (!n || is_hoisted(w, n))
        return;
    emit(w, n);
    n->flags |= IR_F_WALKTEMP;
}

/* ---- order (walk/order.go) ----------------------------------------------------- */

/* ir.SameSafeExpr, for the shapes order compares */
static bool same_safe(const IrNode *l, const IrNode *r)
{
    if (!l || !r)
        return false;
    while (l->op == IR_OCONVNOP && r->op == IR_OCONVNOP && l->x && r->x) {
        l = l->x;
        r = r->x;
    }
    if (l->op != r->op || !ty_identical(l->type, r->type))
        return false;
    switch (l->op) {
    case IR_ONAME:
        return l == r;
    case IR_ODOT:
    case IR_ODOTPTR:
        return l->sym == r->sym && same_safe(l->x, r->x);
    case IR_ODEREF:
        return same_safe(l->x, r->x);
    case IR_OCONV:
        return same_safe(l->x, r->x);
    case IR_OINDEX:
    case IR_OINDEXMAP:
        return same_safe(l->x, r->x) && same_safe(l->y, r->y);
    case IR_OLITERAL:
        return ty_const_kind(l->val) == ty_const_kind(r->val) && ty_const_kind(l->val) != TY_CONST_UNKNOWN &&
               ty_const_compare(l->val, TY_OP_EQL, r->val);
    default:
        return false;
    }
}

static void ord_children(Walk *w, IrNode *n)
{
    ord_expr(w, n->x, NULL);
    ord_expr(w, n->y, NULL);
    ord_expr(w, n->z, NULL);
    for (uint32_t i = 0; i < n->list.len; i++)
        ord_expr(w, n->list.items[i], NULL);
    for (uint32_t i = 0; i < n->rlist.len; i++)
        ord_expr(w, n->rlist.items[i], NULL);
}

static void ord_list(Walk *w, IrList *l)
{
    for (uint32_t i = 0; i < l->len; i++)
        ord_expr(w, l->items[i], NULL);
}

/* order.expr: lhs is the assignment's destination when n is its whole
 * right-hand side (a call assigned to a name is not copied). */
static void ord_expr(Walk *w, IrNode *n, IrNode *lhs)
{
    if (!n || is_hoisted(w, n))
        return;
    for (uint32_t i = 0; i < n->init.len; i++)
        stmt(w, n->init.items[i]);
    bool to_name = lhs && lhs->op == IR_ONAME;
    switch (n->op) {
    case IR_ONAME:
    case IR_OLITERAL:
    case IR_ONIL:
    case IR_OTYPE:
    case IR_OMETHEXPR:
    case IR_OLINKSYMOFFSET:
    case IR_OCLOSURE:
        return;
    case IR_OANDAND:
    case IR_OOROR:
        /* r = X; if r { r = Y } (the && case) */
        ord_expr(w, n->x, NULL);
        unit(w, n->x);
        ord_expr(w, n->y, NULL);
        unit(w, n->y);
        return;
    case IR_OCALLFUNC:
    case IR_OCALLINTER:
    case IR_OCAP:
    case IR_OCOMPLEX:
    case IR_OCOPY:
    case IR_OIMAG:
    case IR_OLEN:
    case IR_OMAKECHAN:
    case IR_OMAKEMAP:
    case IR_OMAKESLICE:
    case IR_OMAX:
    case IR_OMIN:
    case IR_ONEW:
    case IR_OREAL:
    case IR_ORECOVER:
    case IR_OSTR2BYTES:
    case IR_OSTR2RUNES:
        ord_children(w, n);
        if (!to_name)
            unit(w, n);
        return;
    case IR_OAPPEND:
        ord_children(w, n);
        if (!lhs || (!to_name && !(n->list.len && same_safe(lhs, n->list.items[0]))))
            unit(w, n);
        return;
    case IR_OSLICE:
    case IR_OSLICEARR:
    case IR_OSLICESTR:
    case IR_OSLICE3:
    case IR_OSLICE3ARR:
        ord_expr(w, n->x, NULL);
        for (uint32_t i = 0; i < n->list.len; i++) {
            IrNode *e = n->list.items[i];
            ord_expr(w, e, NULL);
            /* order.cheapExpr */
            if (e && e->op != IR_ONAME && e->op != IR_OLITERAL && e->op != IR_ONIL)
                unit(w, e);
        }
        if (!lhs || (!to_name && !same_safe(lhs, n->x)))
            unit(w, n);
        return;
    case IR_ORECV:
        ord_expr(w, n->x, NULL);
        unit(w, n);
        return;
    case IR_ODOTTYPE:
    case IR_ODOTTYPE2:
        ord_expr(w, n->x, NULL);
        if (!n->type || !ir_type_is_direct_iface(w->env, n->type))
            unit(w, n);
        return;
    default:
        ord_children(w, n);
        return;
    }
}

/* ---- assignments of several values: walk's ascompatee --------------------------- */

typedef struct AsState {
    Walk *w;
    bool memwrite, deferwrite;
    PtrMap assigned;       /* local variables assigned so far */
} AsState;

static bool on_stack(const IrName *nm)
{
    switch (nm->class) {
    case IR_PPARAM:
    case IR_PPARAMOUT:
    case IR_PAUTO:
        return !(nm->nflags & IR_N_ESCHEAP);
    case IR_PEXTERN:
    case IR_PAUTOHEAP:
        return false;
    default:
        return true;
    }
}

/* walk's readsMemory: whether evaluating the node itself may read memory */
static bool reads_memory(const IrNode *n)
{
    switch (n->op) {
    case IR_ONAME: {
        const IrName *nm = (const IrName *)n;
        if (nm->class == IR_PFUNC)
            return false;
        return (nm->nflags & IR_N_ADDRTAKEN) || !on_stack(nm);
    }
    case IR_OADD: case IR_OAND: case IR_OANDAND: case IR_OANDNOT: case IR_OBITNOT:
    case IR_OCONV: case IR_OCONVIFACE: case IR_OCONVNOP: case IR_ODIV: case IR_ODOT:
    case IR_ODOTTYPE: case IR_OLITERAL: case IR_OLSH: case IR_OMOD: case IR_OMUL:
    case IR_ONEG: case IR_ONIL: case IR_OOROR: case IR_OPLUS: case IR_ORSH: case IR_OSUB:
    case IR_OXOR:
        return false;
    default:
        return true;
    }
}

static bool affected_list(AsState *a, const IrList *l);

/* ascompatee's affected: whether n may see the assignments made so far
 * (ir.Any over n; a temporary reads nothing) */
static bool affected_any(AsState *a, IrNode *n)
{
    if (!n || is_hoisted(a->w, n))
        return false;
    if (n->op == IR_ONAME && ptrmap_get(&a->assigned, PMKEY(n)))
        return true;
    if (a->memwrite && reads_memory(n))
        return true;
    if (n->op == IR_ONAME || n->op == IR_OLITERAL || n->op == IR_ONIL || n->op == IR_OTYPE ||
        n->op == IR_OCLOSURE)
        return false;
    return affected_list(a, &n->init) || affected_any(a, n->x) || affected_any(a, n->y) ||
           affected_any(a, n->z) || affected_list(a, &n->list) || affected_list(a, &n->rlist);
}

static bool affected_list(AsState *a, const IrList *l)
{
    for (uint32_t i = 0; i < l->len; i++)
        if (affected_any(a, l->items[i]))
            return true;
    return false;
}

static void save(AsState *a, IrNode *n)
{
    if (n && (a->deferwrite || affected_any(a, n)))
        unit(a->w, n);
}

/* lhs[i] = rhs[i] one by one, with early copies of what an earlier
 * assignment could change; rhs NULL: the values are temporaries */
static void ascompatee(Walk *w, IrList *lhs, IrList *rhs)
{
    AsState a;
    memset(&a, 0, sizeof a);
    a.w = w;
    for (uint32_t i = 0; i < lhs->len; i++) {
        IrNode *l = lhs->items[i];
        IrNode *r = rhs && i < rhs->len ? rhs->items[i] : NULL;
        IrNode *cur = l;
        while (cur) {
            if (cur->op == IR_OINDEX && cur->x && cur->x->type && ty_under(cur->x->type) &&
                ty_under(cur->x->type)->kind == TY_ARRAY) {
                save(&a, cur->y);
                cur = cur->x;
                continue;
            }
            if (cur->op == IR_ODOT) {
                cur = cur->x;
                continue;
            }
            break;
        }
        IrName *name = NULL;
        if (cur) {
            switch (cur->op) {
            case IR_ONAME:
                name = (IrName *)cur;
                break;
            case IR_OINDEX:
            case IR_OINDEXMAP:
                save(&a, cur->x);
                save(&a, cur->y);
                break;
            case IR_ODEREF:
            case IR_ODOTPTR:
                save(&a, cur->x);
                break;
            default:
                break;
            }
        }
        save(&a, r);
        emit(w, l);
        emit(w, r);
        if (!name)
            a.memwrite = true;
        else if (name->class == IR_PPARAMOUT && w->seen_defer)
            a.deferwrite = true;
        else if (name->nflags & IR_N_BLANK)
            continue;
        else if ((name->nflags & IR_N_ADDRTAKEN) || !on_stack(name))
            a.memwrite = true;
        else
            ptrmap_put(&a.assigned, PMKEY(name), name);
    }
    ptrmap_free(&a.assigned);
}

/* ---- statements ------------------------------------------------------------------ */

static void stmts(Walk *w, IrList *l)
{
    for (uint32_t i = 0; i < l->len; i++)
        stmt(w, l->items[i]);
}

/* an expression evaluated as a whole (order.exprInPlace and the like) */
static void expr_in_place(Walk *w, IrNode *n)
{
    ord_expr(w, n, NULL);
    emit(w, n);
}

/* order.as2func / as2ok: each right-hand value (a call, receive, map
 * index or assertion) is computed into temporaries, after its init
 * statements. */
static void ord_into_temps(Walk *w, IrList *rhs)
{
    for (uint32_t i = 0; i < rhs->len; i++) {
        IrNode *r = rhs->items[i];
        if (!r)
            continue;
        for (uint32_t k = 0; k < r->init.len; k++)
            stmt(w, r->init.items[k]);
        ord_children(w, r);
        emit(w, r);
    }
}

static void stmt(Walk *w, IrNode *s)
{
    if (!s)
        return;
    stmts(w, &s->init);
    switch (s->op) {
    case IR_ODCL:
    case IR_OLABEL:
    case IR_OBREAK:
    case IR_OCONTINUE:
    case IR_OGOTO:
    case IR_OFALL:
        return;
    case IR_OAS:
        ord_expr(w, s->x, NULL);
        ord_expr(w, s->y, s->x);
        emit(w, s->x);
        emit(w, s->y);
        return;
    case IR_OASOP:
        ord_expr(w, s->x, NULL);
        ord_expr(w, s->y, NULL);
        emit(w, s->x);
        emit(w, s->y);
        return;
    case IR_OAS2:
        ord_list(w, &s->list);
        ord_list(w, &s->rlist);
        ascompatee(w, &s->list, &s->rlist);
        return;
    case IR_OAS2FUNC:
        /* order.as2func: the call into temporaries, then lhs = temps */
        ord_list(w, &s->list);
        ord_into_temps(w, &s->rlist);
        ascompatee(w, &s->list, NULL);
        return;
    case IR_OAS2DOTTYPE:
    case IR_OAS2RECV:
    case IR_OAS2MAPR:
    case IR_OSELRECV2:
        /* order.as2ok: the value into temporaries, then one assignment
         * per destination */
        ord_list(w, &s->list);
        ord_into_temps(w, &s->rlist);
        emit_list(w, &s->list);
        return;
    case IR_OIF:
        expr_in_place(w, s->x);
        stmts(w, &s->body);
        stmts(w, &s->els);
        return;
    case IR_OFOR:
        /* walkFor: Cond, Post, Body */
        expr_in_place(w, s->x);
        stmts(w, &s->els);
        stmts(w, &s->body);
        return;
    case IR_ORANGE:
        expr_in_place(w, s->x);
        ord_expr(w, s->y, NULL);
        ord_expr(w, s->z, NULL);
        emit(w, s->y);
        emit(w, s->z);
        stmts(w, &s->body);
        return;
    case IR_OSWITCH: {
        /* walkSwitch: the tag, every case's values, then the bodies */
        IrNode *tag = s->x;
        if (tag && tag->op == IR_OTYPESW)
            expr_in_place(w, tag->x);
        else
            expr_in_place(w, tag);
        for (uint32_t i = 0; i < s->list.len; i++) {
            IrNode *c = s->list.items[i];
            if (c && !(tag && tag->op == IR_OTYPESW))
                for (uint32_t k = 0; k < c->list.len; k++)
                    expr_in_place(w, c->list.items[k]);
        }
        for (uint32_t i = 0; i < s->list.len; i++)
            if (s->list.items[i])
                stmts(w, &s->list.items[i]->body);
        return;
    }
    case IR_OSELECT:
        /* order: every case's channel and sent value into temporaries,
         * in case order; a receive's destinations are assigned at the
         * start of its case's body */
        for (uint32_t i = 0; i < s->list.len; i++) {
            IrNode *comm = s->list.items[i] ? s->list.items[i]->x : NULL;
            if (!comm)
                continue;
            if (comm->op == IR_OSELRECV2 && comm->rlist.len > 0 && comm->rlist.items[0]) {
                IrNode *recv = comm->rlist.items[0];
                ord_expr(w, recv->x, NULL);
                unit(w, recv->x);
            } else if (comm->op == IR_OSEND) {
                ord_expr(w, comm->x, NULL);
                unit(w, comm->x);
                ord_expr(w, comm->y, NULL);
                unit(w, comm->y);
            }
        }
        for (uint32_t i = 0; i < s->list.len; i++) {
            IrNode *c = s->list.items[i];
            if (!c)
                continue;
            IrNode *comm = c->x;
            if (comm && comm->op == IR_OSELRECV2) {
                stmts(w, &comm->init);
                for (uint32_t k = 0; k < comm->list.len; k++) {
                    ord_expr(w, comm->list.items[k], NULL);
                    emit(w, comm->list.items[k]);
                }
            }
            stmts(w, &c->body);
        }
        return;
    case IR_OBLOCK:
        stmts(w, &s->list);
        return;
    case IR_ODEFER:
        w->seen_defer = true;
        /* fall through */
    case IR_OGO:
    case IR_OTAILCALL:
        if (s->x) {
            stmts(w, &s->x->init);
            ord_children(w, s->x);
            emit(w, s->x);
        }
        return;
    default:
        /* calls and other expression statements: their operands are
         * ordered, the statement itself is not copied */
        ord_children(w, s);
        emit(w, s);
        return;
    }
}

/* ---- functions --------------------------------------------------------------------- */

static void walk_func(Walk *w, IrFunc *fn, PtrVec *closures)
{
    w->fn = fn;
    w->seen_defer = false;
    w->closures = closures;
    stmts(w, &fn->body);
}

void wk_package(IrProgram *prog, IrPackage *pkg, const WkConfig *conf)
{
    if (!pkg || prog->quiet || conf->m == 0)
        return;
    Walk w;
    memset(&w, 0, sizeof w);
    w.p = prog;
    w.env = prog->env;
    w.conf = conf;
    PtrVec todo = {0}, closures = {0};
    for (uint32_t i = 0; i < pkg->nfn; i++) {
        IrFunc *fn = pkg->fn[i];
        /* gc.enqueueFunc: capturing closures come with their enclosing
         * function; functions without a body are not walked */
        if (!fn || ir_func_is_closure(fn) || (fn->fflags & IR_FN_BODYLESS) || fn->body.len == 0)
            continue;
        todo.len = 0;
        ptrvec_push(&todo, fn);
        while (todo.len > 0) {
            IrFunc *next = todo.data[--todo.len];
            closures.len = 0;
            walk_func(&w, next, &closures);
            for (uint32_t k = 0; k < closures.len; k++)
                ptrvec_push(&todo, closures.data[k]);
        }
    }
    ptrvec_free(&todo);
    ptrvec_free(&closures);
    ptrmap_free(&w.queued);
}
