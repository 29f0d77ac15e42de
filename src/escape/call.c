/*
 * Calls (gc's escape/call.go): arguments flow into the callee's parameters
 * as its tags say (or directly into its parameter locations when it is
 * analyzed in the same batch), results into the call's holes; builtins
 * have fixed flows; go/defer statements.
 */
#include "esc.h"

#include <string.h>

/* ---- static callees ------------------------------------------------------------ */

static TySignature *obj_sig(TyObject *obj)
{
    if (!obj || !obj->type)
        return NULL;
    TyType *t = obj->type;
    return t->kind == TY_SIGNATURE ? TY_AS(TySignature, t) : NULL;
}

/* A method with IR in this package, or a method of another package; never
 * an interface method (gc: its Selection has no Nname). */
bool esc_method_callee(EscState *st, TyObject *m, EscCallee *out)
{
    memset(out, 0, sizeof *out);
    TySignature *sig = obj_sig(m);
    if (!sig)
        return false;
    if (sig->recv && sig->recv->type && esc_type_is_interface(sig->recv->type))
        return false;
    out->obj = m;
    out->fn = esc_defn(st, ptrmap_get(&st->prog->funcs_by_obj, PMKEY(m)));
    out->pkgpath = m->pkg ? m->pkg->path : NULL;
    return true;
}

/* gc: ir.StaticCalleeName(ir.StaticValue(fun)). */
bool esc_static_callee(EscState *st, IrNode *fun, EscCallee *out)
{
    memset(out, 0, sizeof *out);
    IrNode *v = esc_static_value(fun);
    if (!v)
        return false;
    switch ((IrOp)v->op) {
    case IR_OMETHEXPR:
        return v->sym && esc_method_callee(st, v->sym, out);
    case IR_ONAME: {
        IrName *nm = esc_as_name(v);
        if (nm->class != IR_PFUNC)
            return false;
        out->obj = nm->fobj;
        out->fn = esc_defn(st, nm->func);
        if (!out->fn && nm->fobj)
            out->fn = esc_defn(st, ptrmap_get(&st->prog->funcs_by_obj, PMKEY(nm->fobj)));
        out->pkgpath = nm->fobj && nm->fobj->pkg ? nm->fobj->pkg->path : NULL;
        return true;
    }
    case IR_OCLOSURE:
        if (!v->func)
            return false;
        out->fn = esc_defn(st, v->func);
        if (!out->fn)
            out->fn = v->func;
        out->obj = v->func->obj;
        out->pkgpath = st->pkg->types ? st->pkg->types->path : NULL;
        return true;
    default:
        return false;
    }
}

/* fn has not been tagged yet: its parameters and results are wired into
 * this batch's graph directly. */
bool esc_in_mutual_batch(const EscCallee *fn)
{
    if (fn && fn->fn && fn->fn->esc < IR_ESC_TAGGED) {
        if (fn->fn->esc == IR_ESC_UNKNOWN)
            base_fatal("escape: graph inconsistency: %s", esc_func_name(fn->fn));
        return true;
    }
    return false;
}

static TySignature *callee_sig(const EscCallee *fn)
{
    if (fn->fn && fn->fn->sig)
        return fn->fn->sig;
    return obj_sig(fn->obj);
}

static bool callee_has_recv(const EscCallee *fn)
{
    TySignature *sig = callee_sig(fn);
    return sig && sig->recv != NULL;
}

/* The escape tag of receiver/parameter i of a callee outside the batch. */
static const char *callee_tag(EscState *st, const EscCallee *fn, uint32_t i)
{
    if (fn->fn && fn->fn->esc == IR_ESC_TAGGED && fn->fn->tags) {
        if (i < fn->fn->nparams)
            return fn->fn->tags[i];
        return "";
    }
    if (fn->obj) {
        IrTags *t = ptrmap_get(&st->prog->tags_by_obj, PMKEY(fn->obj));
        if (t && i < t->n && t->tags)
            return t->tags[i];
    }
    /* no information: assume the worst, as an empty tag does */
    return "";
}

static uint32_t callee_pragma(EscState *st, const EscCallee *fn)
{
    if (fn->fn)
        return fn->fn->pragma;
    if (fn->obj) {
        IrTags *t = ptrmap_get(&st->prog->tags_by_obj, PMKEY(fn->obj));
        if (t)
            return t->pragma;
    }
    return 0;
}

/* The hole for an argument passed to receiver/parameter `param` of fn
 * (NULL: dynamic call).  ks are the holes of the call's results. */
EscHole esc_tag_hole(Esc *e, EscHole *ks, uint32_t nks, const EscCallee *fn, uint32_t param)
{
    EscBatch *b = e->b;
    if (!fn)
        return esc_heap_hole(b);

    if (esc_in_mutual_batch(fn)) {
        IrNode *pn = esc_list_at(&fn->fn->dcl, param);
        if (!pn || param >= fn->fn->nparams)
            return esc_discard_hole(b);
        return esc_addr(e, pn);
    }

    /* a call to a previously tagged function */
    EscLeaks esc = esc_leaks_parse(callee_tag(b->st, fn, param));
    EscHole tag_ks[3 + ESC_NUM_RESULTS];
    uint32_t n = 0;
    int x;
    if ((x = esc_leaks_get(&esc, ESC_LEAK_HEAP)) >= 0)
        tag_ks[n++] = esc_shift(esc_heap_hole(b), x);
    if ((x = esc_leaks_get(&esc, ESC_LEAK_MUTATOR)) >= 0)
        tag_ks[n++] = esc_shift(esc_mutator_hole(b), x);
    if ((x = esc_leaks_get(&esc, ESC_LEAK_CALLEE)) >= 0)
        tag_ks[n++] = esc_shift(esc_callee_hole(b), x);
    if (ks) {
        for (int i = 0; i < ESC_NUM_RESULTS; i++)
            if ((x = esc_leaks_get(&esc, ESC_LEAK_RESULT0 + i)) >= 0 && (uint32_t)i < nks)
                tag_ks[n++] = esc_shift(ks[i], x);
    }
    return esc_tee_hole(e, tag_ks, n);
}

/* ---- argument rewriting for uintptr pragmas ------------------------------------- */

/* A new temporary of fn (typecheck.TempAt): .autotmp_N, N = len(Dcl). */
static IrName *new_temp(EscState *st, IrFunc *fn, Pos pos, TyType *t)
{
    IrProgram *p = st->prog;
    char name[32];
    snprintf(name, sizeof name, ".autotmp_%u", fn->dcl.len);
    IrName *tmp = ir_new_name(p, pos, sym_cstr(p->syms, name), IR_PAUTO, t);
    tmp->nflags |= IR_N_AUTOTEMP;
    tmp->curfn = fn;
    ir_list_push(p, &fn->dcl, &tmp->n);
    return tmp;
}

IrName *esc_new_temp(EscState *st, IrFunc *fn, Pos pos, TyType *t) { return new_temp(st, fn, pos, t); }

/* gc's ir.HasUniquePos */
static bool has_unique_pos(IrNode *n)
{
    switch ((IrOp)n->op) {
    case IR_ONAME:
        return false;
    case IR_OLITERAL:
    case IR_ONIL:
    case IR_OTYPE:
        /* named constants and types print their name: not unique */
        if (n->sym)
            return false;
        break;
    default:
        break;
    }
    return ir_pos_known(n->pos);
}

/* copyExpr: a new temporary declared and assigned in init, and its flow
 * analyzed at once. */
static IrName *copy_expr(Esc *e, Pos pos, IrNode *expr, IrList *init)
{
    EscState *st = e->b->st;
    IrProgram *p = st->prog;
    if (has_unique_pos(expr))
        pos = expr->pos;
    IrName *tmp = new_temp(st, e->curfn, pos, expr->type);
    IrNode *dcl = ir_new(p, IR_ODCL, pos, NULL);
    dcl->x = &tmp->n;
    IrNode *as = ir_new(p, IR_OAS, pos, NULL);
    as->x = &tmp->n;
    as->y = expr;
    ir_list_push(p, init, dcl);
    ir_list_push(p, init, as);
    esc_new_loc(e, &tmp->n, true);
    esc_stmt(e, dcl);
    esc_stmt(e, as);
    return tmp;
}

static void unsafe_uintptr(Esc *e, IrNode *arg, IrNode *call, uint32_t pragma)
{
    /* A pointer converted to uintptr for a syscall-like function: keep it
     * alive (and/or escaping) by copying it into a temporary. */
    EscBatch *b = e->b;
    if (!arg || arg->op != IR_OCONVNOP)
        return;
    if (!arg->x || !esc_type_is_unsafe_ptr(arg->x->type) || !esc_type_is_uintptr(arg->type))
        return;
    IrName *tmp = copy_expr(e, arg->pos, arg->x, &call->init);
    arg->x = &tmp->n;

    EscHole k = esc_mutator_hole(b);
    if (pragma & SYN_PRAGMA_UINTPTRESCAPES)
        k = esc_note(b, esc_heap_hole(b), arg, "//go:uintptrescapes");
    esc_flow(b, k, esc_old_loc(b, tmp));

    if (pragma & SYN_PRAGMA_UINTPTRKEEPALIVE)
        tmp->nflags |= IR_N_ADDRTAKEN; /* SSA must keep the temporary */
}

static void rewrite_argument(Esc *e, IrNode *arg, IrNode *call, const EscCallee *fn)
{
    if (!fn || !arg)
        return;
    uint32_t pragma = callee_pragma(e->b->st, fn);
    if (!(pragma & (SYN_PRAGMA_UINTPTRKEEPALIVE | SYN_PRAGMA_UINTPTRESCAPES)))
        return;
    /* variadic arguments were packed into a slice literal: look inside */
    if (arg->op == IR_OSLICELIT) {
        for (uint32_t i = 0; i < arg->list.len; i++) {
            IrNode *el = arg->list.items[i];
            if (el && el->op == IR_OKEY)
                el = el->y;
            unsafe_uintptr(e, el, call, pragma);
        }
    } else {
        unsafe_uintptr(e, arg, call, pragma);
    }
}

/* ---- calls ------------------------------------------------------------------------ */

enum { ARG_NORMAL, ARG_DISCARD, ARG_HEAP };

typedef struct CallCtx {
    Esc *e;
    IrNode *call;
    EscHole *ks;
    uint32_t nks;
    const EscCallee *fn;
    int mode;
} CallCtx;

static void argument(Esc *e, IrNode *call, EscHole k, IrNode *arg)
{
    esc_expr(e, esc_note(e->b, k, call, "call parameter"), arg);
}

static void argument_param(CallCtx *c, uint32_t param, IrNode *arg)
{
    Esc *e = c->e;
    switch (c->mode) {
    case ARG_DISCARD:
        argument(e, c->call, esc_discard_hole(e->b), arg);
        return;
    case ARG_HEAP:
        argument(e, c->call, esc_heap_hole(e->b), arg);
        return;
    default:
        rewrite_argument(e, arg, c->call, c->fn);
        argument(e, c->call, esc_tag_hole(e, c->ks, c->nks, c->fn, param), arg);
    }
}

/* internal/abi.EscapeNonString[go.shape.T](dict, v): v goes to the heap if
 * T has pointers other than strings (hash/maphash.Comparable,
 * unique.clone). */
static int escape_non_string_mode(const EscCallee *fn)
{
    if (!fn || !fn->fn || !fn->pkgpath || strcmp(fn->pkgpath, "internal/abi") != 0)
        return ARG_NORMAL;
    const char *name = esc_func_name(fn->fn);
    if (strncmp(name, "EscapeNonString[", 16) != 0)
        return ARG_NORMAL;
    if (fn->fn->nparams != 2)
        return ARG_NORMAL;
    TyType *t = fn->fn->dcl.items[1]->type;
    if (!esc_type_is_shape(t))
        return ARG_NORMAL;
    return esc_has_non_string_pointers(t) ? ARG_HEAP : ARG_DISCARD;
}

static void call_func(Esc *e, EscHole *ks, uint32_t nks, IrNode *call)
{
    EscBatch *b = e->b;
    EscCallee callee;
    const EscCallee *fn = NULL;
    if (call->op == IR_OCALLFUNC && esc_static_callee(b->st, esc_call_fun(call), &callee))
        fn = &callee;

    CallCtx c = {e, call, ks, nks, fn, ARG_NORMAL};
    if (call->flags & IR_F_COMPILERVARLIVE)
        c.mode = ARG_DISCARD; /* compiler-inserted KeepAlive */

    if (ks && fn && esc_in_mutual_batch(fn)) {
        for (uint32_t i = 0; i < fn->fn->nresults && i < nks; i++)
            esc_expr(e, ks[i], fn->fn->dcl.items[fn->fn->nparams + i]);
    }

    IrNode *recv_arg = NULL;
    if (call->op == IR_OCALLFUNC) {
        EscHole callee_k = esc_discard_hole(b);
        if (!fn) {
            /* Results flow somewhere but the callee is unknown: a closure
             * flowing here may have its results lost. */
            for (uint32_t i = 0; i < nks; i++) {
                if (ks[i].dst != &b->blank_loc) {
                    callee_k = esc_note(b, esc_callee_hole(b), call, "callee operand");
                    break;
                }
            }
        }
        esc_expr(e, callee_k, esc_call_fun(call));
    } else {
        recv_arg = esc_call_fun(call)->x;
    }

    if (fn && c.mode == ARG_NORMAL)
        c.mode = escape_non_string_mode(fn);

    IrNode **args = call->list.items;
    uint32_t nargs = call->list.len;
    uint32_t param = 0;
    bool has_recv = call->op == IR_OCALLINTER || (fn && callee_has_recv(fn));
    if (has_recv) {
        if (!recv_arg && nargs > 0) {
            /* a method expression call: the receiver is argument 0 */
            recv_arg = args[0];
            args++;
            nargs--;
        }
        argument_param(&c, param++, recv_arg);
    }
    for (uint32_t i = 0; i < nargs; i++)
        argument_param(&c, param++, args[i]);
}

void esc_call(Esc *e, EscHole *ks, uint32_t nks, IrNode *call)
{
    EscBatch *b = e->b;
    switch ((IrOp)call->op) {
    case IR_OCALLFUNC:
    case IR_OCALLINTER:
        call_func(e, ks, nks, call);
        break;

    case IR_OAPPEND: {
        IrNode **args = call->list.items;
        uint32_t nargs = call->list.len;
        if (nargs == 0)
            break;
        EscHole k0 = nks ? ks[0] : esc_discard_hole(b);
        /* The appendee may flow straight to the result if it has room;
         * otherwise a new backing store is allocated and its elements
         * copied (to the heap, conservatively). */
        EscHole tk[2] = {k0, esc_mutator_hole(b)};
        EscHole appendee_k = esc_tee_hole(e, tk, 2);
        if (esc_type_has_pointers(esc_type_elem(args[0]->type))) {
            EscHole tk2[2] = {appendee_k, esc_deref(b, esc_heap_hole(b), call, "appendee slice")};
            appendee_k = esc_tee_hole(e, tk2, 2);
        }
        argument(e, call, appendee_k, args[0]);

        if (call->flags & IR_F_ISDDD) {
            EscHole appended_k = esc_discard_hole(b);
            if (nargs > 1 && esc_type_is_slice(args[1]->type) &&
                esc_type_has_pointers(esc_type_elem(args[1]->type)))
                appended_k = esc_deref(b, esc_heap_hole(b), call, "appended slice...");
            argument(e, call, appended_k, nargs > 1 ? args[1] : NULL);
        } else {
            for (uint32_t i = 1; i < nargs; i++)
                argument(e, call, esc_heap_hole(b), args[i]);
        }

        /* The new backing store: its address flows to the result.  A flag
         * prevents its reuse, so it counts as outside any loop. */
        EscHole backing = esc_spill(e, k0, call);
        backing.dst->loop_depth = 0;
        break;
    }

    case IR_OCOPY: {
        argument(e, call, esc_mutator_hole(b), call->x);
        EscHole copied_k = esc_discard_hole(b);
        if (call->y && esc_type_is_slice(call->y->type) && esc_type_has_pointers(esc_type_elem(call->y->type)))
            copied_k = esc_deref(b, esc_heap_hole(b), call, "copied slice");
        argument(e, call, copied_k, call->y);
        break;
    }

    case IR_OPANIC:
        argument(e, call, esc_heap_hole(b), call->x);
        break;

    case IR_OCOMPLEX:
        esc_discard(e, call->x);
        esc_discard(e, call->y);
        break;

    case IR_ODELETE:
    case IR_OPRINT:
    case IR_OPRINTLN:
    case IR_ORECOVER:
        esc_discards(e, &call->list);
        break;

    case IR_OMIN:
    case IR_OMAX: {
        EscHole k0 = nks ? ks[0] : esc_discard_hole(b);
        for (uint32_t i = 0; i < call->list.len; i++)
            argument(e, call, k0, call->list.items[i]);
        break;
    }

    case IR_OLEN:
    case IR_OCAP:
    case IR_OREAL:
    case IR_OIMAG:
    case IR_OCLOSE:
        esc_discard(e, call->x);
        break;

    case IR_OCLEAR:
        argument(e, call, esc_mutator_hole(b), call->x);
        break;

    case IR_OUNSAFESTRINGDATA:
    case IR_OUNSAFESLICEDATA:
        argument(e, call, nks ? ks[0] : esc_discard_hole(b), call->x);
        break;

    case IR_OUNSAFEADD:
    case IR_OUNSAFESLICE:
    case IR_OUNSAFESTRING:
        argument(e, call, nks ? ks[0] : esc_discard_hole(b), call->x);
        esc_discard(e, call->y);
        break;

    default:
        base_fatal("escape: unexpected call op: %s", ir_op_name((IrOp)call->op));
    }
}

/* go and defer: the call was normalized into a call of a function without
 * parameters and results (usually a wrapper closure capturing the
 * operands), so only the callee value is evaluated.  Captured values of a
 * go statement reach the heap; those of a top-level defer only need to
 * live until the function returns. */
void esc_go_defer(Esc *e, IrNode *n)
{
    EscBatch *b = e->b;
    EscHole k = esc_heap_hole(b);
    if (n->op == IR_ODEFER && e->loop_depth == 1 && !esc_defer_at(n)) {
        k = esc_later(e, esc_discard_hole(b));
        n->flags |= IR_F_ESCNEVER; /* stack-allocated defer record */
    }
    IrNode *call = n->x;
    if (!call || call->op != IR_OCALLFUNC)
        base_fatal("escape: expected function call in go/defer");
    IrNode *fun = esc_call_fun(call);
    if (fun && fun->op == IR_OCLOSURE && n->op == IR_OGO && fun->func)
        fun->func->fflags |= IR_FN_ISGOWRAP;
    esc_expr(e, k, fun);
}
