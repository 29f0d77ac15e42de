/*
 * Batches (gc's ir.VisitFuncsBottomUp, ir/scc.go): Tarjan's algorithm over
 * the static call graph, calling esc_batch for each strongly connected
 * component, callees first.
 *
 * The order is gc's exactly, because it is the primary order of all
 * messages: roots are tried in Target.Funcs order, closures are never
 * roots (they belong to their enclosing function's component), a
 * function's edges are found by a pre-order walk of its body, and a
 * component lists its root first, then the functions in the order they
 * were first reached.
 */
#include "esc.h"

/* Only functions of this package (gc: those with a Defn) are nodes of
 * the graph; calls into other packages use their tags. */
IrFunc *esc_defn(EscState *st, IrFunc *fn)
{
    if (!fn || !ptrmap_get(&st->pkgfuncs, PMKEY(fn)))
        return NULL;
    return fn;
}

typedef struct Scc {
    EscState *st;
    uint32_t visitgen;
    PtrMap ids;      /* IrFunc* -> id (as a pointer-sized integer) */
    IrFunc **stack;
    uint32_t nstack, capstack;
} Scc;

enum { SCC_DONE = 0xffffffffu };

static uint32_t scc_visit(Scc *v, IrFunc *fn);

typedef struct EdgeCtx {
    Scc *v;
    uint32_t min;
} EdgeCtx;

static void edge_to(EdgeCtx *c, IrFunc *defn)
{
    if (!defn)
        return;
    uint32_t m = scc_visit(c->v, defn);
    if (m < c->min)
        c->min = m;
}

static void edge_visit(void *ud, IrNode *n)
{
    EdgeCtx *c = ud;
    EscState *st = c->v->st;
    switch ((IrOp)n->op) {
    case IR_ONAME: {
        IrName *nm = esc_as_name(n);
        if (nm->class == IR_PFUNC) {
            IrFunc *f = nm->func;
            if (!f && nm->fobj)
                f = ptrmap_get(&st->prog->funcs_by_obj, PMKEY(nm->fobj));
            edge_to(c, esc_defn(st, f));
        }
        break;
    }
    case IR_ODOTMETH:
    case IR_OMETHVALUE:
    case IR_OMETHEXPR: {
        EscCallee callee;
        if (n->sym && esc_method_callee(st, n->sym, &callee))
            edge_to(c, callee.fn);
        break;
    }
    case IR_OCLOSURE:
        edge_to(c, esc_defn(st, n->func));
        break;
    default:
        break;
    }
}

static uint32_t scc_visit(Scc *v, IrFunc *fn)
{
    uintptr_t have = (uintptr_t)ptrmap_get(&v->ids, PMKEY(fn));
    if (have > 0)
        return (uint32_t)have;

    uint32_t id = ++v->visitgen;
    ptrmap_put(&v->ids, PMKEY(fn), (void *)(uintptr_t)id);
    EdgeCtx c = {v, ++v->visitgen};
    if (v->nstack == v->capstack) {
        v->capstack = v->capstack ? v->capstack * 2 : 32;
        v->stack = xrealloc(v->stack, sizeof(IrFunc *) * v->capstack);
    }
    v->stack[v->nstack++] = fn;

    esc_visit_list(&fn->body, edge_visit, &c);

    if ((c.min == id || c.min == id + 1) && !esc_is_closure(fn)) {
        /* fn is the root of a component: the stack from fn up.  Marking
         * them done makes later visits return a large number, which does
         * not lower a caller's minimum. */
        uint32_t i = v->nstack;
        while (i > 0) {
            i--;
            IrFunc *x = v->stack[i];
            ptrmap_put(&v->ids, PMKEY(x), (void *)(uintptr_t)SCC_DONE);
            if (x == fn)
                break;
        }
        uint32_t n = v->nstack - i;
        IrFunc **block = xmalloc(sizeof(IrFunc *) * (n ? n : 1));
        for (uint32_t j = 0; j < n; j++)
            block[j] = v->stack[i + j];
        v->nstack = i;
        v->st->analyze(v->st, block, n);
        free(block);
    }
    return c.min;
}

void esc_visit_funcs_bottom_up(EscState *st)
{
    Scc v = {st, 0, {0}, NULL, 0, 0};
    IrPackage *pkg = st->pkg;
    for (uint32_t i = 0; i < pkg->nfn; i++)
        if (!esc_is_closure(pkg->fn[i]))
            scc_visit(&v, pkg->fn[i]);
    ptrmap_free(&v.ids);
    free(v.stack);
}
