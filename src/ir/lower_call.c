/*
 * Calls: function and method calls, conversions written as calls, and
 * builtins, as gc's writer (exprCall, multiExpr), reader (exprCall,
 * multiExpr, exprMake, exprNew) and typecheck (tcCall, FixVariadicCall,
 * FixMethodCall, RewriteNonNameCall, the tc* functions of the builtins)
 * build them.
 *
 * The order in which temporaries are created matters (their names are
 * .autotmp_N with N = len(Dcl)): the callee is read first, then the
 * arguments (the N:1 temps of f(g())), and only then typecheck adds the
 * temp of a callee with side effects.
 */
#include "lower.h"

/* ---- small helpers ----------------------------------------------------------------- */

static TyTV *tvof(SynNode *e) { return ty_tv(e); }

static TyType *tv_type(SynNode *e)
{
    TyTV *tv = ty_tv(e);
    return tv ? tv->type : NULL;
}

static uint32_t nparams(TySignature *sig) { return sig->params ? sig->params->len : 0; }

static TyType *param_type(TySignature *sig, uint32_t i) { return sig->params->vars[i]->type; }

/* The type of a call's value: its result, the tuple of its results, or
 * NULL when it has none. */
static TyType *call_type(SynCallExpr *e)
{
    TyTV *tv = tvof(&e->n);
    if (!tv || tv->mode == TY_MODE_NOVALUE || !tv->type)
        return NULL;
    if (tv->type->kind == TY_TUPLE && TY_AS(TyTuple, tv->type)->len == 0)
        return NULL;
    return tv->type;
}

static IrNode *new_dcl(Lower *lw, Pos pos, IrName *n)
{
    IrNode *d = ir_new(lw->p, IR_ODCL, pos, NULL);
    d->x = &n->n;
    return d;
}

/* ir.MayBeShared: nodes that cannot carry an init list of their own */
static bool may_be_shared(const IrNode *n)
{
    switch (n->op) {
    case IR_ONAME:
    case IR_OLITERAL:
    case IR_ONIL:
    case IR_OTYPE:
        return true;
    default:
        return false;
    }
}

/* ir.InitExpr: n with init prepended to its init list, through an
 * OCONVNOP at base.Pos for nodes that cannot carry one. */
static IrNode *init_expr(Lower *lw, IrNode *init, IrNode *n)
{
    if (may_be_shared(n)) {
        IrNode *c = ir_new(lw->p, IR_OCONVNOP, lw_base_pos(lw), n->type);
        c->x = n;
        n = c;
    }
    IrList l = {0};
    ir_list_push(lw->p, &l, init);
    for (uint32_t i = 0; i < n->init.len; i++)
        ir_list_push(lw->p, &l, n->init.items[i]);
    n->init = l;
    return n;
}

/* ---- multi-value expressions (reader.multiExpr) ----------------------------------- */

IrNode **lw_multi_expr(Lower *lw, SynNode *e, Pos pos, TyType **types, uint32_t n)
{
    TyType *tt = tv_type(syn_unparen(e));
    TyTuple *tuple = tt && tt->kind == TY_TUPLE ? TY_AS(TyTuple, tt) : NULL;
    IrNode *rhs = lw_expr(lw, e);
    /* typecheck's assign: the form of the N:1 assignment follows the
     * right-hand side */
    IrOp op;
    switch (rhs->op) {
    case IR_OINDEXMAP: op = IR_OAS2MAPR; break;
    case IR_ORECV: op = IR_OAS2RECV; break;
    case IR_ODOTTYPE:
        op = IR_OAS2DOTTYPE;
        rhs->op = IR_ODOTTYPE2;
        break;
    case IR_ODYNAMICDOTTYPE:
        op = IR_OAS2DOTTYPE;
        rhs->op = IR_ODYNAMICDOTTYPE2;
        break;
    default: op = IR_OAS2FUNC; break;
    }
    IrNode *as = ir_new(lw->p, op, pos, NULL);
    as->flags |= IR_F_DEF;
    ir_list_push(lw->p, &as->rlist, rhs);
    IrNode **res = ARENA_ARRAY(lw->a, IrNode *, n ? n : 1);
    for (uint32_t i = 0; i < n; i++) {
        TyType *src = tuple && i < tuple->len ? tuple->vars[i]->type : NULL;
        IrName *tmp = lw_temp(lw, pos, src);
        tmp->defn = as;
        ir_list_push(lw->p, &as->init, new_dcl(lw, pos, tmp));
        ir_list_push(lw->p, &as->list, &tmp->n);
        IrNode *r = &tmp->n;
        TyType *dst = types ? types[i] : NULL;
        if (dst && src && !ty_identical(src, dst)) {
            lw_itab(lw, src, dst);
            r = lw_conv(lw, r, dst, pos, true);
        }
        res[i] = r;
    }
    if (n > 0)
        res[0] = init_expr(lw, as, res[0]);
    return res;
}

/* The arguments of a call: writer.multiExpr with paramType (the element
 * type for the variadic part of a call without ...).  *out gets their
 * number. */
static IrNode **call_args(Lower *lw, SynCallExpr *e, TySignature *sig, uint32_t *out)
{
    uint32_t nargs = e->args.len;
    uint32_t np = sig ? nparams(sig) : 0;
    bool dots = (e->n.flags & SYN_F_HASDOTS) != 0;
    /* writer's paramType(i) */
#define PARAM_TYPE(i)                                                                                   \
    (!sig ? NULL                                                                                        \
     : (sig->variadic && !dots && (i) + 1 >= np) ? lw_elem(param_type(sig, np - 1))                  \
     : (i) < np                                   ? param_type(sig, (i))                                \
                                                  : NULL)
    if (nargs == 1) {
        SynNode *a = e->args.items[0];
        TyTV *atv = tvof(syn_unparen(a));
        if (atv && atv->type && atv->type->kind == TY_TUPLE && TY_AS(TyTuple, atv->type)->len > 1) {
            uint32_t n = TY_AS(TyTuple, atv->type)->len;
            TyType **types = ARENA_ARRAY(lw->a, TyType *, n);
            for (uint32_t i = 0; i < n; i++)
                types[i] = PARAM_TYPE(i);
            *out = n;
            return lw_multi_expr(lw, a, e->n.pos, types, n);
        }
    }
    IrNode **args = ARENA_ARRAY(lw->a, IrNode *, nargs ? nargs : 1);
    for (uint32_t i = 0; i < nargs; i++)
        args[i] = lw_expr_to(lw, e->args.items[i], PARAM_TYPE(i));
#undef PARAM_TYPE
    *out = nargs;
    return args;
}

/* ---- typecheck's call rewrites --------------------------------------------------------- */

/* typecheck.callOrChan (after typecheck: make is OMAKE* and not listed) */
static bool call_or_chan(IrOp op)
{
    switch (op) {
    case IR_OAPPEND:
    case IR_OCALLFUNC:
    case IR_OCALLINTER:
    case IR_OCALLMETH:
    case IR_OCAP:
    case IR_OCLEAR:
    case IR_OCLOSE:
    case IR_OCOMPLEX:
    case IR_OCOPY:
    case IR_ODELETE:
    case IR_OIMAG:
    case IR_OLEN:
    case IR_OMAX:
    case IR_OMIN:
    case IR_OPANIC:
    case IR_OPRINT:
    case IR_OPRINTLN:
    case IR_OREAL:
    case IR_ORECOVER:
    case IR_ORECV:
    case IR_OUNSAFEADD:
    case IR_OUNSAFESLICE:
    case IR_OUNSAFESLICEDATA:
    case IR_OUNSAFESTRING:
    case IR_OUNSAFESTRINGDATA:
        return true;
    default:
        return false;
    }
}

static bool any_list(const IrList *l);

/* ir.Any(n, op != ONEW && callOrChan(op)): n or a node below it (init
 * lists included, function literal bodies not) */
static bool any_call(const IrNode *n)
{
    if (!n)
        return false;
    if (n->op != IR_ONEW && call_or_chan((IrOp)n->op))
        return true;
    if (n->op == IR_ONAME)
        return false;
    return any_list(&n->init) || any_call(n->x) || any_call(n->y) || any_call(n->z) || any_list(&n->list) ||
           any_list(&n->rlist) || any_list(&n->body) || any_list(&n->els);
}

static bool any_list(const IrList *l)
{
    for (uint32_t i = 0; i < l->len; i++)
        if (any_call(l->items[i]))
            return true;
    return false;
}

/* typecheck.RewriteNonNameCall: f()(...) becomes t := f(); t(...), also
 * for the receiver of an interface method call, at the call. */
static void rewrite_non_name_call(Lower *lw, IrNode *call)
{
    IrNode **np = &call->x;
    if ((*np)->op == IR_ODOTINTER || (*np)->op == IR_ODOTMETH || (*np)->op == IR_OMETHVALUE)
        np = &(*np)->x;
    if (!any_call(*np))
        return;
    Pos pos = call->pos;
    IrName *tmp = lw_temp(lw, pos, (*np)->type);
    IrNode *as = ir_new(lw->p, IR_OAS, pos, NULL);
    ir_list_push(lw->p, &as->init, new_dcl(lw, pos, tmp));
    as->x = &tmp->n;
    as->y = *np;
    tmp->defn = as;
    *np = &tmp->n;
    ir_list_push(lw->p, &call->init, as);
}

/* typecheck.FixVariadicCall: the arguments of the ... parameter of a call
 * without ... become one implicit []T literal at the call (nil when there
 * are none). */
static void fix_variadic_call(Lower *lw, IrNode *call)
{
    TySignature *sig = ty_as_signature(call->x->type);
    if (!sig || !sig->variadic || (call->flags & IR_F_ISDDD))
        return;
    uint32_t vi = nparams(sig) - 1;
    TyType *vt = param_type(sig, vi);
    IrNode *slice;
    if (call->list.len <= vi) {
        slice = ir_new(lw->p, IR_ONIL, call->pos, vt);
    } else {
        slice = ir_new(lw->p, IR_OSLICELIT, call->pos, vt);
        slice->flags |= IR_F_IMPLICIT;
        for (uint32_t i = vi; i < call->list.len; i++)
            ir_list_push(lw->p, &slice->list, call->list.items[i]);
        slice->len = call->list.len - vi;
    }
    call->list.len = vi;
    ir_list_push(lw->p, &call->list, slice);
    call->flags |= IR_F_ISDDD;
}

/* typecheck.NewMethodType: the method's function type with the receiver
 * (of type recv) as first parameter. */
TyType *lw_method_type(Lower *lw, TySignature *msig, TyType *recv, Pos pos)
{
    uint32_t n = nparams(msig);
    TyObject **vars = ARENA_ARRAY(lw->a, TyObject *, n + 1);
    TyObject *r = msig->recv;
    vars[0] = r && ty_identical(r->type, recv)
                  ? r
                  : ty_new_var(lw->env, TY_PARAM_VAR, pos, r ? r->pkg : NULL,
                               r ? r->name : sym_intern(lw->p->syms, "", 0), recv);
    for (uint32_t i = 0; i < n; i++)
        vars[i + 1] = msig->params->vars[i];
    TyTuple *params = ty_new_tuple(lw->env, vars, n + 1);
    return &ty_new_signature(lw->env, NULL, params, msig->results, msig->variadic)->t;
}

/* ---- method values and expressions ------------------------------------------------------ */

IrNode *lw_method_value(Lower *lw, SynSelectorExpr *e)
{
    TyTV *tv = tvof(&e->n);
    TySelection *sel = tv->sel;
    TyType *recvt;
    if (tv->flags & LW_TV_TPMETHOD) {
        /* a method of a type parameter: reader.curry over the
         * dictionary's method expression */
        IrNode *recv = lw_expr(lw, e->x);
        IrNode *mv = lw_tparam_method_value(lw, recv, sel->obj, e->n.pos, &e->n);
        if (mv)
            return mv;
        return lw_unsupported(lw, e->n.pos, tv->type, "a method value of a type parameter");
    }
    IrNode *recv = lw_recv_expr(lw, e, sel, &recvt);
    if (lw_is_instance(recvt)) {
        IrNode *mv = lw_generic_method_value(lw, recv, recvt, sel->obj, tv->type, e->n.pos, &e->n);
        if (mv)
            return mv;
    }
    if (lw_is_instance(recvt)) {
        /* unknown generic declaration: a dynamic call taking the
         * receiver, so that the receiver is treated as escaping */
        TyObject *r = ty_new_var(lw->env, TY_RESULT_VAR, e->n.pos, NULL, sym_intern(lw->p->syms, "", 0), tv->type);
        TyObject *pv = ty_new_var(lw->env, TY_PARAM_VAR, e->n.pos, NULL, sym_intern(lw->p->syms, "", 0), recvt);
        TySignature *fs = ty_new_signature(lw->env, NULL, ty_new_tuple(lw->env, &pv, 1),
                                           ty_new_tuple(lw->env, &r, 1), false);
        IrNode *call = ir_new(lw->p, IR_OCALLFUNC, e->n.pos, tv->type);
        call->x = lw_unsupported(lw, e->n.pos, &fs->t, "a method value of a generic type");
        ir_list_push(lw->p, &call->list, recv);
        return call;
    }
    /* reader exprMethodVal: a receiver of shaped (interface) type is
     * converted to the method expression's receiver type, the same type:
     * an explicit OCONVNOP that -m prints as T(x) */
    if (lw->inst && ty_is_interface(recvt) && lw_has_shape(recvt)) {
        IrNode *c = ir_new(lw->p, IR_OCONVNOP, recv->pos, recvt);
        c->x = recv;
        recv = c;
    }
    IrNode *n = ir_new(lw->p, IR_OMETHVALUE, e->n.pos, tv->type);
    n->x = recv;
    n->sym = sel->obj;
    lw_note_method_value(lw, recvt, sel->obj);
    return n;
}

/* ---- builtins --------------------------------------------------------------------------- */

/* The builtin a call's function names (fun is unparenthesized), or -1. */
static int builtin_id(SynNode *fun)
{
    if (fun->kind == SYN_SELECTOR_EXPR)
        fun = &((SynSelectorExpr *)fun)->sel->n;
    if (fun->kind != SYN_NAME)
        return -1;
    TyTV *tv = tvof(fun);
    TyObject *o = tv ? ty_tv_used(tv) : NULL;
    return o && o->kind == TY_OBJ_BUILTIN ? (int)o->u.builtin : -1;
}

static IrNode *unary_builtin(Lower *lw, IrOp op, Pos pos, TyType *t, IrNode *x)
{
    IrNode *n = ir_new(lw->p, op, pos, t);
    n->x = x;
    return n;
}

static IrNode *binary_builtin(Lower *lw, IrOp op, Pos pos, TyType *t, IrNode *x, IrNode *y)
{
    IrNode *n = ir_new(lw->p, op, pos, t);
    n->x = x;
    n->y = y;
    return n;
}

static IrNode *list_builtin(Lower *lw, IrOp op, Pos pos, TyType *t, IrNode **args, uint32_t n)
{
    IrNode *c = ir_new(lw->p, op, pos, t);
    for (uint32_t i = 0; i < n; i++)
        ir_list_push(lw->p, &c->list, args[i]);
    return c;
}

/* make(T, args...): the size arguments are plain expressions (writer's
 * exprs); a map or channel without a size gets an untyped 0 at the call
 * (typecheck.tcMake). */
static IrNode *make_call(Lower *lw, SynCallExpr *e, TyType *t)
{
    Pos pos = e->n.pos;
    IrNode *a1 = e->args.len > 1 ? lw_expr(lw, e->args.items[1]) : NULL;
    IrNode *a2 = e->args.len > 2 ? lw_expr(lw, e->args.items[2]) : NULL;
    TyType *u = ty_under(t);
    IrNode *zero = NULL;
    if (!a1 && u->kind != TY_SLICE)
        zero = lw_const(lw, pos, ty_typ(lw->env, TY_UNTYPED_INT), ty_const_int64(0));
    switch (u->kind) {
    case TY_SLICE:
        return binary_builtin(lw, IR_OMAKESLICE, pos, t, a1, a2);
    case TY_MAP:
        return unary_builtin(lw, IR_OMAKEMAP, pos, t, a1 ? a1 : zero);
    case TY_CHAN:
        return unary_builtin(lw, IR_OMAKECHAN, pos, t, a1 ? a1 : zero);
    default:
        return lw_unsupported(lw, pos, t, "make of a type parameter");
    }
}

/* new(T) is ONEW; new(expr) (go1.26) is &tmp with tmp := expr in the
 * address's init (reader.tempCopy). */
static IrNode *new_call(Lower *lw, SynCallExpr *e, TyType *t)
{
    Pos pos = e->n.pos;
    SynNode *arg = e->args.items[0];
    TyTV *atv = tvof(syn_unparen(arg));
    if (atv && atv->mode == TY_MODE_TYPEXPR) {
        IrNode *typ = ir_new(lw->p, (atv->flags & LW_TV_DERIVED) ? IR_ODYNAMICTYPE : IR_OTYPE,
                             (atv->flags & LW_TV_DERIVED) ? arg->pos : NOPOS, atv->type);
        return unary_builtin(lw, IR_ONEW, pos, t, typ);
    }
    IrNode *x = lw_expr(lw, arg);
    IrName *tmp = lw_temp(lw, pos, x->type);
    IrList init = {0};
    ir_list_push(lw->p, &init, new_dcl(lw, pos, tmp));
    IrNode *as = ir_new(lw->p, IR_OAS, pos, NULL);
    as->x = &tmp->n;
    as->y = x;
    ir_list_push(lw->p, &init, as);
    /* gc sets Defn to a second assignment node, with Def, that is not in
     * the tree (tempCopy); keep that distinction */
    IrNode *defn = ir_new(lw->p, IR_OAS, pos, NULL);
    defn->x = &tmp->n;
    defn->y = x;
    defn->flags |= IR_F_DEF;
    tmp->defn = defn;
    IrNode *addr = lw_addr(lw, &tmp->n, pos, false);
    addr->type = t;
    addr->init = init;
    return addr;
}

static IrNode *builtin_call(Lower *lw, SynCallExpr *e, int id)
{
    Pos pos = e->n.pos;
    TyType *t = call_type(e);
    switch (id) {
    case TY_BI_MAKE:
        return make_call(lw, e, t);
    case TY_BI_NEW:
        return new_call(lw, e, t);
    case TY_BI_ALIGNOF:
    case TY_BI_OFFSETOF:
    case TY_BI_SIZEOF:
    {
        /* constants unless the type's size depends on type parameters;
         * in a shaped body the shape's size is known (typecheck folds it) */
        TyType *at = e->args.len ? tv_type(e->args.items[0]) : NULL;
        int64_t v = 0;
        if (at && id == TY_BI_SIZEOF)
            v = ir_type_size(lw->env, at);
        else if (at && id == TY_BI_ALIGNOF)
            v = ir_type_align(lw->env, at);
        return lw_const(lw, pos, t ? t : ty_typ(lw->env, TY_UINTPTR), ty_const_int64(v));
    }
    default:
        break;
    }
    TyType *ft = tv_type(e->fun);
    TySignature *sig = ft ? ty_as_signature(ft) : NULL;
    uint32_t n;
    IrNode **args = call_args(lw, e, sig, &n);
    IrNode *a0 = n > 0 ? args[0] : NULL, *a1 = n > 1 ? args[1] : NULL;
    switch (id) {
    case TY_BI_APPEND: {
        IrNode *c = list_builtin(lw, IR_OAPPEND, pos, t, args, n);
        if (e->n.flags & SYN_F_HASDOTS) {
            c->flags |= IR_F_ISDDD;
            /* append(a, b...) needs no conversion of b (reader's exprCall) */
            IrNode *b = c->list.len > 1 ? c->list.items[1] : NULL;
            if (b && b->op == IR_OCONVNOP && (b->flags & IR_F_IMPLICIT))
                c->list.items[1] = b->x;
        }
        return c;
    }
    case TY_BI_CAP: return unary_builtin(lw, IR_OCAP, pos, t, a0);
    case TY_BI_LEN: return unary_builtin(lw, IR_OLEN, pos, t, a0);
    case TY_BI_CLEAR: return unary_builtin(lw, IR_OCLEAR, pos, NULL, a0);
    case TY_BI_CLOSE: return unary_builtin(lw, IR_OCLOSE, pos, NULL, a0);
    case TY_BI_IMAG: return unary_builtin(lw, IR_OIMAG, pos, t, a0);
    case TY_BI_REAL: return unary_builtin(lw, IR_OREAL, pos, t, a0);
    case TY_BI_PANIC: return unary_builtin(lw, IR_OPANIC, pos, NULL, a0);
    case TY_BI_COMPLEX: return binary_builtin(lw, IR_OCOMPLEX, pos, t, a0, a1);
    case TY_BI_COPY: return binary_builtin(lw, IR_OCOPY, pos, t, a0, a1);
    case TY_BI_DELETE: return list_builtin(lw, IR_ODELETE, pos, NULL, args, n);
    case TY_BI_MAX: return list_builtin(lw, IR_OMAX, pos, t, args, n);
    case TY_BI_MIN: return list_builtin(lw, IR_OMIN, pos, t, args, n);
    case TY_BI_PRINT: return list_builtin(lw, IR_OPRINT, pos, NULL, args, n);
    case TY_BI_PRINTLN: return list_builtin(lw, IR_OPRINTLN, pos, NULL, args, n);
    case TY_BI_RECOVER: return list_builtin(lw, IR_ORECOVER, pos, t, args, n);
    case TY_BI_ADD: return binary_builtin(lw, IR_OUNSAFEADD, pos, t, a0, a1);
    case TY_BI_SLICE: return binary_builtin(lw, IR_OUNSAFESLICE, pos, t, a0, a1);
    case TY_BI_STRING: return binary_builtin(lw, IR_OUNSAFESTRING, pos, t, a0, a1);
    case TY_BI_SLICEDATA: return unary_builtin(lw, IR_OUNSAFESLICEDATA, pos, t, a0);
    case TY_BI_STRINGDATA: return unary_builtin(lw, IR_OUNSAFESTRINGDATA, pos, t, a0);
    default:
        return lw_unsupported(lw, pos, t, "this builtin");
    }
}

/* ---- calls -------------------------------------------------------------------------------- */

IrNode *lw_call(Lower *lw, SynCallExpr *e)
{
    Pos pos = e->n.pos;
    SynNode *fun = syn_unparen(e->fun);
    TyTV *ftv = tvof(e->fun);
    if (!ftv)
        return lw_unsupported(lw, pos, NULL, "this call");

    /* T(x): a conversion at x (writer.convertExpr writes the operand's
     * position); constant conversions never get here */
    if (ftv->mode == TY_MODE_TYPEXPR) {
        SynNode *arg = e->args.items[0];
        TyTV *atv = tvof(arg);
        if (atv)
            lw_itab(lw, atv->type, ftv->type); /* convRTTI, read before the operand */
        IrNode *x = lw_expr(lw, arg);
        return lw_conv(lw, x, ftv->type, arg->pos, false);
    }
    if (ftv->mode == TY_MODE_BUILTIN)
        return builtin_call(lw, e, builtin_id(fun));

    IrNode *callee;
    IrNode *recv = NULL, *dict = NULL;
    TySignature *sig; /* the parameters the arguments are converted to */
    IrOp op = IR_OCALLFUNC;
    TySelection *sel = fun->kind == SYN_SELECTOR_EXPR && tvof(fun) ? tvof(fun)->sel : NULL;
    if (sel && sel->kind == TY_METHOD_VAL) {
        /* x.M(args): the receiver (with its implicit steps) and the
         * method; an interface method is called through ODOTINTER, any
         * other as T.M(x, args) (typecheck.FixMethodCall) */
        SynSelectorExpr *s = (SynSelectorExpr *)fun;
        TyType *recvt;
        recv = lw_recv_expr(lw, s, sel, &recvt);
        sig = ty_as_signature(sel->obj->type);
        if (tvof(fun)->flags & LW_TV_TPMETHOD) {
            /* a method of a type parameter: through the dictionary */
            recv = lw_expr(lw, s->x);
            callee = lw_tparam_method(lw, recv->type, sel->obj, s->n.pos, &s->n);
            /* an interface shape: reader.exprCall's warning */
            if (lw->conf->m && recv->type && ty_is_interface(recv->type))
                ir_warnf(lw->p, s->n.pos, "imprecise interface call");
            sig = ty_as_signature(lw_subst(lw, sel->obj->type));
            if (!callee)
                callee = lw_unsupported(lw, s->n.pos, NULL, "this method of a type parameter");
        } else if (lw_is_instance(recvt)) {
            /* a method of an instantiated type: its shaped method, with
             * the type's dictionary after the receiver */
            callee = lw_generic_method(lw, recvt, sel->obj, s->n.pos, &s->n, &dict);
            if (!callee)
                callee = lw_unsupported(lw, s->n.pos, lw_method_type(lw, sig, recvt, s->n.pos),
                                        "calling a method of a generic type");
        } else if (ty_is_interface(recvt)) {
            callee = ir_new(lw->p, IR_ODOTINTER, s->n.pos, sel->obj->type);
            callee->x = recv;
            callee->sym = sel->obj;
            recv = NULL;
            op = IR_OCALLINTER;
        } else {
            callee = ir_new(lw->p, IR_OMETHEXPR, s->n.pos, lw_method_type(lw, sig, recvt, s->n.pos));
            callee->x = ir_new(lw->p, IR_OTYPE, NOPOS, recvt);
            callee->sym = sel->obj;
        }
    } else {
        TyObject *gen;
        TyTypeList targs;
        IrNode *wrapper;
        if (lw_generic_ref(lw, e->fun, &gen, &targs) &&
            lw_func_inst(lw, gen, targs, syn_unparen(e->fun)->pos, syn_unparen(e->fun), &callee, &dict, &wrapper)) {
            /* F[int](x): the shaped function with the dictionary first;
             * the arguments are converted to the instantiated types */
            sig = ty_as_signature(ftv->type);
        } else {
            callee = lw_expr(lw, e->fun);
            sig = ty_as_signature(callee->type);
            if (!sig)
                sig = ty_as_signature(ftv->type);
        }
    }

    uint32_t nargs;
    IrNode **args = call_args(lw, e, sig, &nargs);
    IrNode *call = ir_new(lw->p, op, pos, call_type(e));
    call->x = callee;
    if (recv)
        ir_list_push(lw->p, &call->list, recv);
    if (dict)
        ir_list_push(lw->p, &call->list, dict);
    for (uint32_t i = 0; i < nargs; i++)
        ir_list_push(lw->p, &call->list, args[i]);
    if (e->n.flags & SYN_F_HASDOTS)
        call->flags |= IR_F_ISDDD;

    rewrite_non_name_call(lw, call);
    fix_variadic_call(lw, call);
    return call;
}
