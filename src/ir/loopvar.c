/*
 * Per-iteration loop variables (gc's loopvar.ForCapture; docs/escape-ir.md
 * §1.6).
 *
 * A loop flagged IR_F_DISTINCTVARS (go1.22+ files) whose iteration
 * variables are syntactically "leaked" inside it -- captured by a closure
 * or address-taken (&v, including the implicit & of method calls), not
 * counting uses under a return statement for the loops enclosing the
 * return -- is rewritten so that each iteration has its own variable:
 *
 *   range:    for k, v := range x { B }
 *         ->  for k', v' := range x { v := v'; k := k'; B }
 *   3-clause: for z := e; c; p { B }
 *         ->  for z' := e [, first := true]; ; {
 *                 z := z'
 *                 if first { first = false } else { p }   (if p)
 *                 if !c { break }                         (if c)
 *                 B  (continue -> goto .3clNext_N)
 *             .3clNext_N:
 *                 z' = z
 *             }
 *
 * The ODCL of a rewritten variable moves into the init of its new
 * defining assignment.  New temporaries and the `first` literals are at
 * the function's position (gc's base.Pos inside ir.WithFunc); the new
 * statements at the loop's.  Afterwards no loop is flagged.
 */
#include "passes.h"

#include <stdio.h>
#include <string.h>

/* possiblyLeaked values: present-but-not-leaked and leaked */
#define PL_CANDIDATE ((void *)1)
#define PL_LEAKED ((void *)2)

typedef struct Lv {
    IrProgram *p;
    IrFunc *fn;
    const IrConfig *conf;
    PtrMap leaked;      /* IrName* -> PL_* */
    PtrMap fixups;      /* IrName* -> OAS that now declares it */
    int loop_depth;
    int return_in_loop_depth;
    int seq;            /* .3clNext_N */
    bool transformed;
    struct Leaked *cur; /* the leaked variables of the for being transformed */
} Lv;

static void note_may_leak(Lv *lv, IrNode *x)
{
    if (!x || x->op != IR_ONAME || ir_is_blank(x))
        return;
    ptrmap_put(&lv->leaked, PMKEY(x), lv->conf && lv->conf->loopvar >= 11 ? PL_LEAKED : PL_CANDIDATE);
}

static void mark_leaked(Lv *lv, IrName *n)
{
    void **slot = ptrmap_get(&lv->leaked, PMKEY(n)) ? ptrmap_slot(&lv->leaked, PMKEY(n)) : NULL;
    if (slot)
        *slot = PL_LEAKED;
}

static bool is_leaked(Lv *lv, IrNode *x)
{
    return x && x->op == IR_ONAME && ptrmap_get(&lv->leaked, PMKEY(x)) == PL_LEAKED;
}

static IrNode *new_as(IrProgram *p, Pos pos, IrNode *x, IrNode *y, bool def)
{
    IrNode *as = ir_new(p, IR_OAS, pos, NULL);
    as->x = x;
    as->y = y;
    if (def)
        as->flags |= IR_F_DEF;
    return as;
}

static void list_prepend(IrProgram *p, IrList *l, IrNode *n)
{
    ir_list_push(p, l, n);
    memmove(l->items + 1, l->items, sizeof(IrNode *) * (l->len - 1));
    l->items[0] = n;
}

/* maybeReplaceVar: a leaked range variable k becomes a temp tk, and the
 * body starts with k := tk. */
static IrNode *maybe_replace_var(Lv *lv, IrNode *k, IrNode *loop)
{
    if (!is_leaked(lv, k))
        return k;
    lv->transformed = true;
    IrName *tk = irp_temp(lv->p, lv->fn, lv->fn->pos, k->type);
    IrNode *as = new_as(lv->p, loop->pos, k, &tk->n, true);
    list_prepend(lv->p, &loop->body, as);
    ptrmap_put(&lv->fixups, PMKEY(k), as);
    return &tk->n;
}

/* forAllDefInInit: the names defined by := assignments in a for's init,
 * with the slot holding each. */
typedef void (*DefFn)(Lv *lv, IrNode **slot);

static void for_all_def_in_init(Lv *lv, IrNode *loop, DefFn f)
{
    for (uint32_t i = 0; i < loop->init.len; i++) {
        IrNode *s = loop->init.items[i];
        if (!s || !(s->flags & IR_F_DEF))
            continue;
        if (s->op == IR_OAS2) {
            for (uint32_t j = 0; j < s->list.len; j++)
                f(lv, &s->list.items[j]);
        } else if (s->op == IR_OAS) {
            f(lv, &s->x);
        }
    }
}

static void def_note(Lv *lv, IrNode **slot) { note_may_leak(lv, *slot); }

/* ---- continue -> goto .3clNext_N --------------------------------------------------- */

typedef struct EditCont {
    const Sym *loop_label;
    IrName *label;
    int depth;
} EditCont;

static bool edit_continues(void *ud, IrNode *x)
{
    EditCont *ec = ud;
    if (x->op == IR_OCONTINUE) {
        const Sym *l = x->label ? x->label->sym : NULL;
        if ((ec->depth == 0 && !l) || (ec->loop_label && l == ec->loop_label)) {
            x->op = IR_OGOTO;
            x->label = ec->label;
        }
        return false;
    }
    if (x->op == IR_ORANGE || x->op == IR_OFOR) {
        ec->depth++;
        irp_do_children(x, edit_continues, ec);
        ec->depth--;
        return false;
    }
    irp_do_children(x, edit_continues, ec);
    return false;
}

/* ---- the 3-clause transformation ----------------------------------------------------- */

typedef struct Leaked {
    IrName **v;         /* leaked variables, in init order */
    IrName **prime;
    uint32_t n, cap;
} Leaked;

static void collect_leaked(Lv *lv, IrNode **slot)
{
    if (!is_leaked(lv, *slot))
        return;
    Leaked *l = lv->cur;
    if (l->n == l->cap) {
        uint32_t cap = l->cap ? l->cap * 2 : 4;
        IrName **v = ARENA_ARRAY(&lv->p->arena, IrName *, cap);
        IrName **pr = ARENA_ARRAY(&lv->p->arena, IrName *, cap);
        if (l->n) {
            memcpy(v, l->v, sizeof *v * l->n);
            memcpy(pr, l->prime, sizeof *pr * l->n);
        }
        l->v = v;
        l->prime = pr;
        l->cap = cap;
    }
    l->v[l->n] = (IrName *)*slot;
    l->prime[l->n] = NULL;
    l->n++;
}

static void rename_init(Lv *lv, IrNode **slot)
{
    Leaked *l = lv->cur;
    for (uint32_t i = 0; i < l->n; i++)
        if (*slot == &l->v[i]->n && l->prime[i]) {
            *slot = &l->prime[i]->n;
            return;
        }
}

static void transform_for(Lv *lv, IrNode *x, Leaked *lk)
{
    IrProgram *p = lv->p;
    IrList pre = {0}, post = {0};
    lv->transformed = true;
    for (uint32_t i = 0; i < lk->n; i++) {
        IrName *z = lk->v[i];
        IrName *tz = irp_temp(p, lv->fn, lv->fn->pos, z->n.type);
        lk->prime[i] = tz;
        IrNode *as = new_as(p, x->pos, &z->n, &tz->n, true);
        z->defn = as;
        ir_list_push(p, &pre, as);
        ptrmap_put(&lv->fixups, PMKEY(z), as);
        ir_list_push(p, &post, new_as(p, x->pos, &tz->n, &z->n, false));
    }

    char buf[32];
    snprintf(buf, sizeof buf, ".3clNext_%d", lv->seq++);
    IrName *label = ir_new_name(p, x->pos, sym_cstr(p->syms, buf), IR_PXXX, NULL);
    IrNode *label_stmt = ir_new(p, IR_OLABEL, x->pos, NULL);
    label_stmt->label = label;

    EditCont ec = {x->label ? x->label->sym : NULL, label, 0};
    for (uint32_t i = 0; i < x->body.len; i++)
        if (x->body.items[i])
            edit_continues(&ec, x->body.items[i]);

    lv->cur = lk;
    for_all_def_in_init(lv, x, rename_init);

    IrNode *postst = x->els.len ? x->els.items[0] : NULL;
    IrNode *first_dcl = NULL;
    if (postst) {
        Pos fp = lv->fn->pos;
        IrName *first = irp_temp(p, lv->fn, fp, &p->env->basic[TY_BOOL]->t);
        first_dcl = new_as(p, x->pos, &first->n, irp_bool_lit(p, fp, true), false);
        IrNode *set_false = new_as(p, x->pos, &first->n, irp_bool_lit(p, fp, false), false);
        IrNode *nif = ir_new(p, IR_OIF, x->pos, NULL);
        nif->x = &first->n;
        ir_list_push(p, &nif->body, set_false);
        ir_list_push(p, &nif->els, postst);
        IrNode *dcl = ir_new(p, IR_ODCL, fp, NULL);
        dcl->x = &first->n;
        ir_list_push(p, &nif->init, dcl);
        ir_list_push(p, &pre, nif);
    }
    if (x->x) {
        IrNode *notc = ir_new(p, IR_ONOT, x->x->pos, x->x->type);
        notc->x = x->x;
        IrNode *brk = ir_new(p, IR_OBREAK, x->pos, NULL);
        IrNode *nif = ir_new(p, IR_OIF, x->pos, NULL);
        nif->x = notc;
        ir_list_push(p, &nif->body, brk);
        ir_list_push(p, &pre, nif);
    }
    if (postst)
        ir_list_push(p, &x->init, first_dcl);
    for (uint32_t i = 0; i < x->body.len; i++)
        ir_list_push(p, &pre, x->body.items[i]);
    ir_list_push(p, &pre, label_stmt);
    for (uint32_t i = 0; i < post.len; i++)
        ir_list_push(p, &pre, post.items[i]);
    x->body = pre;
    x->x = NULL;
    x->els.len = 0;
}

/* ---- the scan (scanChildrenThenTransform) ---------------------------------------------- */

static bool scan(void *ud, IrNode *n)
{
    Lv *lv = ud;
    switch (n->op) {
    case IR_OCLOSURE:
        if (lv->return_in_loop_depth >= lv->loop_depth || !n->func)
            break;
        for (uint32_t i = 0; i < n->func->closurevars.len; i++)
            mark_leaked(lv, ir_canonical((IrName *)n->func->closurevars.items[i]));
        break;
    case IR_OADDR: {
        if (lv->return_in_loop_depth >= lv->loop_depth)
            break;
        IrNode *y = ir_outer_value(n->x);
        if (y->op != IR_ONAME)
            break;
        IrName *z = (IrName *)y;
        if (z->class == IR_PAUTO || z->class == IR_PPARAM || z->class == IR_PPARAMOUT ||
            z->class == IR_PAUTOHEAP)
            mark_leaked(lv, z);
        break;
    }
    case IR_ORETURN: {
        int saved = lv->return_in_loop_depth;
        lv->return_in_loop_depth = lv->loop_depth;
        irp_do_children(n, scan, lv);
        lv->return_in_loop_depth = saved;
        return false;
    }
    case IR_ORANGE:
        if (!((n->flags & IR_F_DEF) && (n->flags & IR_F_DISTINCTVARS))) {
            n->flags &= (uint16_t)~IR_F_DISTINCTVARS;
            break;
        }
        note_may_leak(lv, n->y);
        note_may_leak(lv, n->z);
        lv->loop_depth++;
        irp_do_children(n, scan, lv);
        lv->loop_depth--;
        n->y = maybe_replace_var(lv, n->y, n);
        n->z = maybe_replace_var(lv, n->z, n);
        n->flags &= (uint16_t)~IR_F_DISTINCTVARS;
        return false;
    case IR_OFOR: {
        if (!(n->flags & IR_F_DISTINCTVARS))
            break;
        for_all_def_in_init(lv, n, def_note);
        lv->loop_depth++;
        irp_do_children(n, scan, lv);
        lv->loop_depth--;
        Leaked lk = {0};
        lv->cur = &lk;
        for_all_def_in_init(lv, n, collect_leaked);
        if (lk.n > 0)
            transform_for(lv, n, &lk);
        n->flags &= (uint16_t)~IR_F_DISTINCTVARS;
        return false;
    }
    default:
        break;
    }
    irp_do_children(n, scan, lv);
    return false;
}

/* ---- moving the declarations (rewriteNodes with editNodes) ------------------------------- */

static void fix_list(void *ud, IrList *l)
{
    Lv *lv = ud;
    uint32_t j = 0;
    for (uint32_t i = 0; i < l->len; i++) {
        IrNode *n = l->items[i];
        if (n && n->op == IR_ODCL && n->x) {
            IrNode *as = ptrmap_get(&lv->fixups, PMKEY(n->x));
            if (as) {
                list_prepend(lv->p, &as->init, n);
                /* the visit order is not certain: move it once */
                ptrmap_put(&lv->fixups, PMKEY(n->x), NULL);
                continue;
            }
        }
        l->items[j++] = n;
    }
    l->len = j;
}

static bool fix_node(void *ud, IrNode *n)
{
    irp_each_list(n, fix_list, ud);
    irp_do_children(n, fix_node, ud);
    return false;
}

void ir_loopvar_func(IrProgram *prog, IrFunc *fn, const IrConfig *conf)
{
    Lv lv;
    memset(&lv, 0, sizeof lv);
    lv.p = prog;
    lv.fn = fn;
    lv.conf = conf;
    lv.seq = 1;
    for (uint32_t i = 0; i < fn->body.len; i++)
        if (fn->body.items[i])
            scan(&lv, fn->body.items[i]);
    if (lv.transformed) {
        IrNode root;
        memset(&root, 0, sizeof root);
        root.op = IR_OBLOCK;
        root.body = fn->body;
        fix_node(&lv, &root);
        fn->body = root.body;
    }
    ptrmap_free(&lv.leaked);
    ptrmap_free(&lv.fixups);
}

void ir_loopvar_package(IrProgram *prog, IrPackage *pkg, const IrConfig *conf)
{
    for (uint32_t i = 0; i < pkg->nfn; i++)
        ir_loopvar_func(prog, pkg->fn[i], conf);
}
