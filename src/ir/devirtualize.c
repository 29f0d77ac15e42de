/*
 * Static devirtualization under -l (gc's devirtualize.StaticCall as driven
 * by interleaved.DevirtualizeAndInlinePackage; docs/escape-ir.md §1.4).
 *
 * An interface call i.M(args) whose receiver has a statically known
 * concrete type T becomes the static call T.M(i.(T), args) (or, for a
 * method promoted from an embedded interface field, the interface call
 * i.(T).F.M(args)).  The receiver's type is known when it is a conversion
 * of a concrete value, or a local interface variable all of whose
 * assignments (in its function and the closures inside it) give the same
 * concrete type (go1.26's improved concrete-type analysis).
 *
 * Order of the "devirtualizing" messages: functions in Target.Funcs order,
 * and within a function the calls in post-order (gc wraps every call in a
 * ParenExpr with a children-first walk, then resolves them in that order).
 * gc's later fixpoint iterations revisit the same calls with the same
 * analysis results, so a single pass gives the same rewrites.
 */
#include "passes.h"
#include "lower.h"

#include "../types/check.h"

#include <stdlib.h>
#include <string.h>

/* One assignment to an interface variable (devirtualize.assignment):
 * an unknown interface value, a concrete type, or a node to follow. */
enum { AS_UNKNOWN, AS_TYPE, AS_NODE };

typedef struct Assign {
    uint8_t kind;
    TyType *type;   /* AS_TYPE */
    IrNode *node;   /* AS_NODE */
} Assign;

typedef struct AssignVec {
    Assign *v;
    uint32_t n, cap;
} AssignVec;

typedef struct DvState {
    IrProgram *p;
    IrPackage *pkg;
    Arena scratch;
    PtrMap assigns;      /* canonical IrName* -> AssignVec* */
    PtrMap analyzed;     /* IrFunc* -> (void*)1 */
    TyType notype;       /* the noType sentinel: only its address is used */
    int m;
} DvState;

static void dv_init(DvState *s, IrProgram *p, IrPackage *pkg, int m)
{
    memset(s, 0, sizeof *s);
    s->p = p;
    s->pkg = pkg;
    s->m = m;
    arena_init(&s->scratch);
}

static void dv_free(DvState *s)
{
    ptrmap_free(&s->assigns);
    ptrmap_free(&s->analyzed);
    arena_free(&s->scratch);
}

/* ---- the assignment analysis (State.analyze) -------------------------------------- */

static void push_assign(DvState *s, IrName *n, Assign a)
{
    void **slot = ptrmap_slot(&s->assigns, PMKEY(n));
    AssignVec *v = *slot;
    if (!v) {
        v = ARENA_NEW(&s->scratch, AssignVec);
        memset(v, 0, sizeof *v);
        *slot = v;
    }
    if (v->n == v->cap) {
        uint32_t cap = v->cap ? v->cap * 2 : 4;
        Assign *nv = ARENA_ARRAY(&s->scratch, Assign, cap);
        if (v->n)
            memcpy(nv, v->v, sizeof *nv * v->n);
        v->v = nv;
        v->cap = cap;
    }
    v->v[v->n++] = a;
}

/* State.analyze's assign: records `lhs = a` if lhs is a local (PAUTO)
 * interface variable; assignments of nil are ignored. */
static void assign(DvState *s, IrNode *lhs, Assign a)
{
    if (!lhs || lhs->op != IR_ONAME || ir_is_blank(lhs))
        return;
    IrName *n = (IrName *)lhs;
    if (!n->curfn || !n->n.type || !ty_is_interface(n->n.type))
        return;
    n = ir_canonical(n);
    if (n->class != IR_PAUTO)
        return;
    if (a.kind == AS_TYPE && (!a.type || ty_is_interface(a.type)))
        a.kind = AS_UNKNOWN;
    else if (a.kind == AS_NODE && a.node->op == IR_ONIL)
        return;
    push_assign(s, n, a);
}

static Assign as_type(TyType *t)
{
    Assign a = {AS_TYPE, t, NULL};
    return a;
}

static Assign as_node(IrNode *n)
{
    Assign a = {AS_NODE, NULL, n};
    return a;
}

static Assign as_unknown(void)
{
    Assign a = {AS_UNKNOWN, NULL, NULL};
    return a;
}

/* The type of result i of a call (a single result is the call's type). */
static TyType *call_result(IrNode *call, uint32_t i)
{
    TyType *t = call->type;
    if (t && t->kind == TY_TUPLE) {
        TyTuple *tu = TY_AS(TyTuple, t);
        return i < tu->len ? tu->vars[i]->type : NULL;
    }
    return i == 0 ? t : NULL;
}

static bool is_call(const IrNode *n)
{
    return n && (n->op == IR_OCALLFUNC || n->op == IR_OCALLINTER || n->op == IR_OCALLMETH);
}

static bool analyze_node(void *ud, IrNode *n);

static void analyze_list(DvState *s, IrList *l)
{
    for (uint32_t i = 0; i < l->len; i++)
        if (l->items[i])
            analyze_node(s, l->items[i]);
}

static void analyze_func(DvState *s, IrFunc *fn)
{
    ptrmap_put(&s->analyzed, PMKEY(fn), (void *)1);
    analyze_list(s, &fn->body);
}

/* ir.Visit(n, do): n, then its children, recursively. */
static bool analyze_node(void *ud, IrNode *n)
{
    DvState *s = ud;
    switch (n->op) {
    case IR_OAS:
        if (n->y) {
            /* A call's result type stands for the call: an interface
             * result is unknown (no inlining under -l replaces it). */
            if (is_call(n->y))
                assign(s, n->x, as_type(call_result(n->y, 0)));
            else
                assign(s, n->x, as_node(n->y));
        }
        break;
    case IR_OAS2:
        for (uint32_t i = 0; i < n->list.len && i < n->rlist.len; i++)
            if (n->rlist.items[i])
                assign(s, n->list.items[i], as_node(n->rlist.items[i]));
        break;
    case IR_OAS2DOTTYPE:
        if (n->list.len >= 2 && n->rlist.len >= 1) {
            assign(s, n->list.items[0], as_node(n->rlist.items[0]));
            assign(s, n->list.items[1], as_unknown());
        }
        break;
    case IR_OAS2MAPR:
    case IR_OAS2RECV:
    case IR_OSELRECV2:
        if (n->list.len >= 2 && n->rlist.len >= 1) {
            assign(s, n->list.items[0], as_type(n->rlist.items[0]->type));
            assign(s, n->list.items[1], as_unknown());
        }
        break;
    case IR_OAS2FUNC:
        if (n->rlist.len >= 1 && is_call(n->rlist.items[0]))
            for (uint32_t i = 0; i < n->list.len; i++)
                assign(s, n->list.items[i], as_type(call_result(n->rlist.items[0], i)));
        break;
    case IR_ORANGE: {
        TyType *xt = n->x && n->x->type ? ty_under(n->x->type) : NULL;
        if (xt && xt->kind == TY_POINTER && ty_under(TY_AS(TyPointer, xt)->base)->kind == TY_ARRAY)
            xt = ty_under(TY_AS(TyPointer, xt)->base);
        if (!xt)
            break;
        if (xt->kind == TY_ARRAY || xt->kind == TY_SLICE) {
            TyType *elem = xt->kind == TY_ARRAY ? TY_AS(TyArray, xt)->elem : TY_AS(TySlice, xt)->elem;
            assign(s, n->y, as_unknown());
            assign(s, n->z, as_type(elem));
        } else if (xt->kind == TY_CHAN) {
            assign(s, n->y, as_type(TY_AS(TyChan, xt)->elem));
        } else if (xt->kind == TY_MAP) {
            assign(s, n->y, as_type(TY_AS(TyMap, xt)->key));
            assign(s, n->z, as_type(TY_AS(TyMap, xt)->elem));
        } else {
            /* integers and strings: no methods */
            assign(s, n->y, as_unknown());
            assign(s, n->z, as_unknown());
        }
        break;
    }
    case IR_OSWITCH:
        if (n->x && n->x->op == IR_OTYPESW)
            for (uint32_t i = 0; i < n->list.len; i++) {
                IrNode *c = n->list.items[i];
                if (c && c->x)
                    assign(s, c->x, as_node(n->x->x));
            }
        break;
    case IR_OCLOSURE:
        if (n->func && !ptrmap_get(&s->analyzed, PMKEY(n->func)))
            analyze_func(s, n->func);
        break;
    default:
        break;
    }
    irp_do_children(n, analyze_node, s);
    return false;
}

/* State.assignments: every assignment to the (canonical, PAUTO) name n in
 * its function, analyzing that function (and its closures) once. */
static AssignVec *assignments(DvState *s, IrName *n)
{
    if (n->curfn && !ptrmap_get(&s->analyzed, PMKEY(n->curfn)))
        analyze_func(s, n->curfn);
    return ptrmap_get(&s->assigns, PMKEY(n));
}

/* ---- concreteType ------------------------------------------------------------------ */

/* gc compares *types.Type pointers.  gc's types are unique where goesc's
 * are (named and basic types, types2-style one object per type literal:
 * `struct{ CImpl }{}` written twice gives two types), except that gc
 * caches pointer and slice types on their element (types.NewPtr,
 * NewSlice), so *T is one type however often it is written. */
static bool gc_same_type(TyType *a, TyType *b)
{
    a = ty_unalias(a);
    b = ty_unalias(b);
    if (a == b)
        return true;
    if (a->kind != b->kind)
        return false;
    if (a->kind == TY_POINTER)
        return gc_same_type(TY_AS(TyPointer, a)->base, TY_AS(TyPointer, b)->base);
    if (a->kind == TY_SLICE)
        return gc_same_type(TY_AS(TySlice, a)->elem, TY_AS(TySlice, b)->elem);
    return false;
}

static TyType *concrete_type1(DvState *s, IrNode *n, PtrMap *seen)
{
    for (;;) {
        if (!n->type || !ty_is_interface(n->type))
            return n->type;
        if (n->op == IR_OCONVNOP || n->op == IR_OCONVIFACE || n->op == IR_ODOTTYPE ||
            n->op == IR_ODOTTYPE2) {
            n = n->x;
            continue;
        }
        break;
    }
    if (n->op != IR_ONAME)
        return NULL;
    IrName *name = ir_canonical((IrName *)n);
    if (name->class != IR_PAUTO || !name->curfn)
        return NULL;
    if (name->nflags & IR_N_ADDRTAKEN)
        return NULL; /* it may be reassigned indirectly */
    if (ptrmap_get(seen, PMKEY(name)))
        return &s->notype;
    ptrmap_put(seen, PMKEY(name), (void *)1);

    TyType *typ = NULL;
    AssignVec *v = assignments(s, name);
    for (uint32_t i = 0; v && i < v->n; i++) {
        Assign a = v->v[i];
        TyType *t;
        if (a.kind == AS_NODE) {
            t = concrete_type1(s, a.node, seen);
            if (t == &s->notype)
                continue;
        } else {
            t = a.kind == AS_TYPE ? a.type : NULL;
        }
        if (!t)
            return NULL;
        if (typ && !gc_same_type(typ, t))
            return NULL;
        typ = t;
    }
    return typ ? typ : &s->notype;
}

static TyType *concrete_type(DvState *s, IrNode *n)
{
    PtrMap seen = {0};
    TyType *t = concrete_type1(s, n, &seen);
    ptrmap_free(&seen);
    return t == &s->notype ? NULL : t;
}

/* typecheck.Implements for a concrete type t and an interface. */
static bool implements(TyEnv *env, TyType *t, TyType *iface)
{
    TyInterface *it = ty_as_interface(iface);
    if (!it)
        return false;
    TyTypeSet *ts = ty_interface_typeset(env, it);
    uint32_t nm = ty_typeset_num_methods(ts);
    for (uint32_t i = 0; i < nm; i++) {
        TyObject *m = ty_typeset_method(ts, i);
        LookupResult r = ty_lookup_field_or_method(env, t, false, m->pkg, m->name, false);
        if (!r.obj || r.obj->kind != TY_OBJ_FUNC || !ty_identical(r.obj->type, m->type))
            return false;
        /* a method of a shaped instance takes .dict after its receiver,
         * so its signature is not the interface's */
        TySignature *ms = ty_as_signature(r.obj->type);
        TyType *rt = ms && ms->recv ? ty_unalias(ms->recv->type) : NULL;
        if (rt && rt->kind == TY_POINTER)
            rt = ty_unalias(TY_AS(TyPointer, rt)->base);
        TyNamed *rn = rt ? ty_as_named(rt) : NULL;
        if (rn && rn->targs.len && lw_has_shape(rt))
            return false;
    }
    return true;
}

/* ---- the rewrite ------------------------------------------------------------------- */

static TyType *ptr_elem(TyType *t)
{
    TyType *u = t ? ty_under(t) : NULL;
    return u && u->kind == TY_POINTER ? TY_AS(TyPointer, u)->base : NULL;
}

/* The type of the method expression R.M: M's signature with the receiver
 * as first parameter. */
static TyType *method_expr_type(TyEnv *env, TyObject *m, TyType *recv)
{
    TySignature *sig = ty_as_signature(m->type);
    uint32_t np = sig->params ? sig->params->len : 0;
    TyObject **vars = ARENA_ARRAY(&env->arena, TyObject *, np + 1);
    const Sym *rname = sig->recv ? sig->recv->name : NULL;
    vars[0] = ty_new_var(env, TY_PARAM_VAR, sig->recv ? sig->recv->pos : NOPOS, m->pkg, rname, recv);
    for (uint32_t i = 0; i < np; i++)
        vars[i + 1] = sig->params->vars[i];
    TyTuple *params = ty_new_tuple(env, vars, np + 1);
    return &ty_new_signature(env, NULL, params, sig->results, sig->variadic)->t;
}

/* typecheck.XDotMethod(pos, dt, M, callee) followed by FixMethodCall:
 * rewrites call in place.  Returns false for a method promoted from an
 * embedded interface (the call stays an interface call, on the field). */
static bool rewrite_call(IrProgram *p, IrNode *call, IrNode *sel, IrNode *dt, TyType *typ)
{
    TyEnv *env = p->env;
    Pos pos = sel->pos;
    TyObject *im = sel->sym;
    LookupResult r = ty_lookup_field_or_method(env, typ, false, im->pkg, im->name, false);
    IrNode *cur = dt;
    /* implicit selections of embedded fields (AddImplicitDots), ODOTPTR
     * through pointers */
    for (uint32_t k = 0; k + 1 < r.nindex; k++) {
        TyType *ct = cur->type;
        TyType *pe = ptr_elem(ct);
        bool isptr = pe != NULL && !ty_as_interface(pe);
        TyType *st = ty_under(isptr ? pe : ct);
        if (st->kind != TY_STRUCT)
            break;
        TyObject *f = TY_AS(TyStruct, st)->fields[r.index[k]];
        IrNode *d = ir_new(p, isptr ? IR_ODOTPTR : IR_ODOT, pos, f->type);
        d->x = cur;
        d->sym = f;
        d->aux = r.index[k];
        d->flags |= IR_F_IMPLICIT;
        cur = d;
    }
    TyObject *m = r.obj;
    if (ty_as_interface(cur->type)) {
        /* promoted from an embedded interface-typed field (#42279) */
        IrNode *di = ir_new(p, IR_ODOTINTER, pos, m->type);
        di->x = cur;
        di->sym = m;
        call->x = di;
        return false;
    }
    TySignature *msig = ty_as_signature(m->type);
    TyType *rt = msig && msig->recv ? msig->recv->type : cur->type;
    TyType *tt = cur->type;
    if (!ty_identical(rt, tt)) {
        TyType *rpe = ptr_elem(rt), *tpe = ptr_elem(tt);
        if (rpe && ty_identical(rpe, tt)) {
            IrNode *a = ir_new(p, IR_OADDR, cur->pos, rt);
            a->x = cur;
            a->flags |= IR_F_IMPLICIT;
            cur = a;
        } else if (tpe && ty_identical(tpe, rt)) {
            IrNode *d = ir_new(p, IR_ODEREF, pos, rt);
            d->x = cur;
            d->flags |= IR_F_IMPLICIT;
            cur = d;
        }
    }
    /* FixMethodCall: OCALLFUNC of the method expression, receiver first */
    IrNode *tn = ir_new(p, IR_OTYPE, pos, cur->type);
    IrNode *me = ir_new(p, IR_OMETHEXPR, pos, method_expr_type(env, m, cur->type));
    me->x = tn;
    me->sym = m;
    IrList args = {0};
    ir_list_push(p, &args, cur);
    for (uint32_t i = 0; i < call->list.len; i++)
        ir_list_push(p, &args, call->list.items[i]);
    call->op = IR_OCALLFUNC;
    call->x = me;
    call->list = args;
    return true;
}

static void static_call(DvState *s, IrNode *call)
{
    if ((call->flags & IR_F_GODEFER) || call->op != IR_OCALLINTER)
        return;
    IrNode *sel = call->x;
    if (!sel || sel->op != IR_ODOTINTER || !sel->x || !sel->sym)
        return;
    TyType *typ = concrete_type(s, sel->x);
    if (!typ)
        return;
    /* No type assertion that is impossible at compile time:
     * any(0).(interface{ A() }).A() type-checks, but int has no A. */
    if (!implements(s->p->env, typ, sel->x->type))
        return;
    /* a shape type was a type argument (the call would go through the
     * dictionary); a shaped instance's methods need a dictionary; a
     * shaped interface's itab is not the one the value holds */
    if (lw_is_shape(typ))
        return;
    bool shaped_recv = lw_has_shape(typ);
    if (shaped_recv || lw_has_shape(sel->x->type)) {
        if (s->m) {
            Buf msg = {0};
            ir_fmt_node(&msg, s->p, s->pkg->types, call);
            buf_puts(&msg, shaped_recv ? ": shaped receiver " : ": shaped interface ");
            ir_fmt_type(&msg, s->p, s->pkg->types, shaped_recv ? typ : sel->x->type);
            ir_warnf(s->p, call->pos, "cannot devirtualize %s", buf_str(&msg));
            buf_free(&msg);
        }
        return;
    }

    IrNode *dt = ir_new(s->p, IR_ODOTTYPE, call->pos, typ);
    dt->x = sel->x;
    dt->flags |= IR_F_USENILPANIC;

    /* The message prints the selector before the rewrite. */
    Buf msg = {0};
    if (s->m) {
        ir_fmt_node(&msg, s->p, s->pkg->types, sel);
        buf_puts(&msg, " to ");
        ir_fmt_type(&msg, s->p, s->pkg->types, typ);
    }
    bool full = rewrite_call(s->p, call, sel, dt, typ);
    if (s->m)
        ir_warnf(s->p, call->pos, "%sdevirtualizing %s", full ? "" : "partially ", buf_str(&msg));
    buf_free(&msg);
}

/* ---- driving ------------------------------------------------------------------------ */

typedef struct CallList {
    DvState *s;
    PtrVec calls;
} CallList;

/* Post-order (interleaved's mark: children first, then the call). */
static bool collect_calls(void *ud, IrNode *n)
{
    CallList *cl = ud;
    irp_do_children(n, collect_calls, cl);
    if (n->op == IR_OCALLINTER)
        ptrvec_push(&cl->calls, n);
    return false;
}

static void devirtualize_func(DvState *s, IrFunc *fn)
{
    CallList cl = {s, {0}};
    for (uint32_t i = 0; i < fn->body.len; i++)
        if (fn->body.items[i])
            collect_calls(&cl, fn->body.items[i]);
    for (uint32_t i = 0; i < cl.calls.len; i++)
        static_call(s, cl.calls.data[i]);
    ptrvec_free(&cl.calls);
}

void ir_devirtualize_package(IrProgram *prog, IrPackage *pkg, const IrConfig *conf, int m)
{
    if (conf && conf->nodevirt)
        return;
    DvState s;
    dv_init(&s, prog, pkg, m);
    for (uint32_t i = 0; i < pkg->nfn; i++)
        devirtualize_func(&s, pkg->fn[i]);
    dv_free(&s);
}

void ir_devirtualize_func(IrProgram *prog, IrPackage *pkg, IrFunc *fn, int m)
{
    DvState s;
    dv_init(&s, prog, pkg, m);
    devirtualize_func(&s, fn);
    dv_free(&s);
}
