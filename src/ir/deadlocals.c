/*
 * Removal of assignments to unused locals (gc's deadlocals.Funcs;
 * docs/escape-ir.md §1.8).
 *
 * For each function that is not a closure (closure bodies are reached
 * through their OCLOSURE), an assignment x = rhs to a local x (PAUTO or
 * PPARAM) whose rhs has no effects (a name, literal, nil or func literal,
 * without init statements) is remembered instead of visited.  If x is
 * never read, each remembered assignment becomes `_ = 0` and x.Defn is
 * cleared; a later read visits the remembered right-hand sides after all.
 * This is why a func literal assigned to an unused variable is never
 * analyzed by escape analysis (its messages disappear).
 */
#include "passes.h"

#include <string.h>

typedef struct Def {
    IrNode **lhs, **rhs;
} Def;

/* Remembered assignments of one variable; `used` once it is read. */
typedef struct Defs {
    Def *v;
    uint32_t n, cap;
    bool used;
} Defs;

typedef struct Dl {
    IrProgram *p;
    Arena *a;
    PtrMap defs;        /* canonical IrName* -> Defs* */
    PtrVec keys;        /* insertion order (deterministic rewriting) */
} Dl;

static bool dl_node(void *ud, IrNode *n);

static Defs *defs_of(Dl *dl, IrName *n)
{
    void **slot = ptrmap_slot(&dl->defs, PMKEY(n));
    if (!*slot) {
        Defs *d = ARENA_NEW(dl->a, Defs);
        memset(d, 0, sizeof *d);
        *slot = d;
        ptrvec_push(&dl->keys, n);
    }
    return *slot;
}

/* isLocal: blanks count as locals only where they discard (in an OAS2
 * with a non-blank lhs); a single `_ = x` is an intentional use of x. */
static bool is_local(IrName *n, bool blank_is_not_use)
{
    if (ir_is_blank(&n->n))
        return blank_is_not_use;
    return n->class == IR_PAUTO || n->class == IR_PPARAM;
}

static bool has_effects(IrNode *n)
{
    if (!n)
        return false;
    if (n->init.len)
        return true;
    switch (n->op) {
    case IR_ONAME:
    case IR_OLITERAL:
    case IR_ONIL:
    case IR_OCLOSURE:
        return false;
    default:
        return true;
    }
}

static void dl_visit(Dl *dl, IrNode *n)
{
    if (n)
        dl_node(dl, n);
}

static void dl_list(Dl *dl, IrList *l)
{
    for (uint32_t i = 0; i < l->len; i++)
        dl_visit(dl, l->items[i]);
}

static void dl_assign(Dl *dl, IrNode **lhs, IrNode **rhs, bool blank_is_not_use)
{
    if (!*lhs || (*lhs)->op != IR_ONAME) {
        dl_visit(dl, *lhs);
        dl_visit(dl, *rhs);
        return;
    }
    IrName *name = ir_canonical((IrName *)*lhs);
    if (is_local(name, blank_is_not_use) && !has_effects(*rhs)) {
        Defs *d = defs_of(dl, name);
        if (!d->used) {
            if (d->n == d->cap) {
                uint32_t cap = d->cap ? d->cap * 2 : 4;
                Def *v = ARENA_ARRAY(dl->a, Def, cap);
                if (d->n)
                    memcpy(v, d->v, sizeof *v * d->n);
                d->v = v;
                d->cap = cap;
            }
            d->v[d->n].lhs = lhs;
            d->v[d->n].rhs = rhs;
            d->n++;
            return; /* rhs is visited only if name turns out to be used */
        }
    }
    dl_visit(dl, *rhs);
}

static bool dl_node(void *ud, IrNode *n)
{
    Dl *dl = ud;
    switch (n->op) {
    case IR_OCLOSURE:
        dl_list(dl, &n->init);
        if (n->func) {
            for (uint32_t i = 0; i < n->func->closurevars.len; i++)
                dl_visit(dl, n->func->closurevars.items[i]);
            dl_list(dl, &n->func->body);
        }
        break;
    case IR_ODCL:
        break;
    case IR_ONAME: {
        IrName *name = ir_canonical((IrName *)n);
        if (is_local(name, false)) {
            Defs *d = defs_of(dl, name);
            if (!d->used) {
                d->used = true;
                /* the visits skipped when the assignments were recorded */
                for (uint32_t i = 0; i < d->n; i++)
                    dl_visit(dl, *d->v[i].rhs);
                d->n = 0;
            }
        }
        break;
    }
    case IR_OAS:
        dl_assign(dl, &n->x, &n->y, false);
        break;
    case IR_OAS2: {
        /* all-blank lhs: intentional uses of the rhs; otherwise blanks
         * discard */
        bool nonblank = false;
        for (uint32_t i = 0; i < n->list.len; i++)
            if (!ir_is_blank(n->list.items[i]))
                nonblank = true;
        for (uint32_t i = 0; i < n->list.len && i < n->rlist.len; i++)
            dl_assign(dl, &n->list.items[i], &n->rlist.items[i], nonblank);
        break;
    }
    default:
        irp_do_children(n, dl_node, dl);
        break;
    }
    return false;
}

static void deadlocals_func(IrProgram *p, IrFunc *fn, IrName *blank, IrNode *zero)
{
    Dl dl;
    memset(&dl, 0, sizeof dl);
    dl.p = p;
    dl.a = &p->arena;
    dl_list(&dl, &fn->body);
    for (uint32_t k = 0; k < dl.keys.len; k++) {
        IrName *name = dl.keys.data[k];
        Defs *d = ptrmap_get(&dl.defs, PMKEY(name));
        if (d->used || d->n == 0)
            continue;
        for (uint32_t i = 0; i < d->n; i++) {
            *d->v[i].lhs = &blank->n;
            *d->v[i].rhs = zero;
        }
        /* Defn may be one of the assignments just overwritten */
        name->defn = NULL;
    }
    ptrmap_free(&dl.defs);
    ptrvec_free(&dl.keys);
}

void ir_deadlocals_package(IrProgram *prog, IrPackage *pkg, const IrConfig *conf)
{
    if (conf && conf->nodeadlocals)
        return;
    /* gc shares one BlankNode and one literal 0 of type int at
     * <autogenerated> among all rewritten assignments. */
    IrName *blank = irp_blank(prog);
    IrNode *zero = irp_int_lit(prog, NOPOS, &prog->env->basic[TY_INT]->t, 0);
    for (uint32_t i = 0; i < pkg->nfn; i++) {
        IrFunc *fn = pkg->fn[i];
        if (ir_func_is_closure(fn))
            continue;
        deadlocals_func(prog, fn, blank, zero);
    }
}
