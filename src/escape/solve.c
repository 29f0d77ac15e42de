/*
 * The solver (gc's escape/solve.go): minimal dereference counts from every
 * location to every other, recomputed from a location whenever it gains an
 * attribute, until nothing changes; and the -m=2 explanations of the
 * paths found.
 *
 * The -m verdicts do not depend on the visiting order, but the -m=2
 * explanations print the path the walk happened to find, so the work
 * queues follow gc's discipline exactly: walkAll's queue starts as heap,
 * callee, mutator, then allLocs in reverse, and a location that gains
 * attributes goes to the front if it now escapes, else to the back;
 * walkOne's queue is FIFO.
 */
#include "esc.h"

#include <string.h>

/* A double-ended queue of locations (gc's queue). */
typedef struct LocQueue {
    EscLoc **locs;
    uint32_t cap, head, tail, n; /* cap is a power of two */
} LocQueue;

static void q_init(LocQueue *q, uint32_t cap)
{
    uint32_t c = 2;
    while (c < cap)
        c <<= 1;
    q->locs = xcalloc(c, sizeof(EscLoc *));
    q->cap = c;
    q->head = q->tail = q->n = 0;
}

static void q_grow(LocQueue *q)
{
    EscLoc **v = xcalloc(q->cap * 2, sizeof(EscLoc *));
    for (uint32_t i = 0; i < q->n; i++)
        v[i] = q->locs[(q->head + i) & (q->cap - 1)];
    free(q->locs);
    q->locs = v;
    q->head = 0;
    q->tail = q->n;
    q->cap *= 2;
}

static void q_push_front(LocQueue *q, EscLoc *l)
{
    if (q->n == q->cap)
        q_grow(q);
    q->head = (q->head - 1) & (q->cap - 1);
    q->locs[q->head] = l;
    q->n++;
}

static void q_push_back(LocQueue *q, EscLoc *l)
{
    if (q->n == q->cap)
        q_grow(q);
    q->locs[q->tail] = l;
    q->tail = (q->tail + 1) & (q->cap - 1);
    q->n++;
}

static EscLoc *q_pop_front(LocQueue *q)
{
    if (q->n == 0)
        return NULL;
    EscLoc *l = q->locs[q->head];
    q->head = (q->head + 1) & (q->cap - 1);
    q->n--;
    return l;
}

static void enqueue(LocQueue *todo, EscLoc *loc)
{
    if (loc->queued_walk_all)
        return;
    loc->queued_walk_all = true;
    /* escaping locations first: attrEscapes then spreads faster */
    if (esc_has_attr(loc, ESC_ATTR_ESCAPES))
        q_push_front(todo, loc);
    else
        q_push_back(todo, loc);
}

/* ---- explanations ----------------------------------------------------------------- */

static void explain_loc(EscBatch *b, Buf *out, EscLoc *l)
{
    if (l == &b->heap_loc) {
        buf_puts(out, "{heap}");
        return;
    }
    if (!l->n) {
        buf_puts(out, "{temp}");
        return;
    }
    if (l->n->op == IR_ONAME) {
        esc_fmt_node(b->st, out, l->n);
        return;
    }
    buf_puts(out, "{storage for ");
    esc_fmt_node(b->st, out, l->n);
    buf_puts(out, "}");
}

void esc_explain_flow(EscBatch *b, Pos pos, EscLoc *dst, EscLoc *src, int derefs, EscNote *notes)
{
    EscState *st = b->st;
    Buf line = {0};
    buf_puts(&line, "   flow: ");
    explain_loc(b, &line, dst);
    buf_puts(&line, " \xe2\x86\x90 "); /* ← */
    if (derefs < 0)
        buf_putc(&line, '&');
    else
        for (int i = 0; i < derefs; i++)
            buf_putc(&line, '*');
    explain_loc(b, &line, src);
    buf_putc(&line, ':');
    esc_print_pos(st, pos);
    esc_printf(st, ":%s\n", buf_str(&line));
    for (EscNote *nt = notes; nt; nt = nt->next) {
        buf_reset(&line);
        esc_fmt_node(st, &line, nt->where);
        esc_print_pos(st, pos);
        esc_printf(st, ":     from %s (%s) at ", buf_str(&line), nt->why);
        esc_print_pos(st, nt->where->pos);
        esc_printf(st, "\n");
    }
    buf_free(&line);
}

/* How src flows to the walk root, following the dst links of this walk. */
static void explain_path(EscBatch *b, EscLoc *root, EscLoc *src)
{
    EscState *st = b->st;
    Pos pos = src->n->pos;
    PtrMap visited = {0};
    for (;;) {
        if (ptrmap_get(&visited, PMKEY(src))) {
            esc_print_pos(st, pos);
            esc_printf(st, ":   warning: truncated explanation due to assignment cycle; see "
                           "golang.org/issue/35518\n");
            break;
        }
        ptrmap_put(&visited, PMKEY(src), src);
        EscLoc *dst = src->dst;
        EscEdge *edge = &dst->edges[src->dst_edge_idx];
        if (edge->src != src)
            base_fatal("escape: path inconsistency");
        esc_explain_flow(b, pos, dst, src, edge->derefs, edge->notes);
        if (dst == root)
            break;
        src = dst;
    }
    ptrmap_free(&visited);
}

/* ---- outlives, leaks ------------------------------------------------------------- */

/* Whether values stored in l may survive beyond other's lifetime if other
 * were stack allocated. */
bool esc_outlives(EscBatch *b, EscLoc *l, EscLoc *other)
{
    if (esc_has_attr(l, ESC_ATTR_ESCAPES)) /* the heap outlives everything */
        return true;
    if (l == &b->mutator_loc || l == &b->callee_loc) /* pseudo-locations */
        return false;

    /* Callers may do anything with results, except that a closure called
     * where it is defined may return pointers to its parent's variables:
     *   var u int; fn := func() *int { return &u }(); *fn() = 42 */
    if (l->param_out) {
        if (esc_contains_closure(other->curfn, l->curfn) &&
            !(l->curfn->fflags & IR_FN_CLOSURE_RESULTS_LOST))
            return false;
        return true;
    }

    /* var l *int; for { l = new(int) }: declared outside the loop */
    if (l->curfn == other->curfn && l->loop_depth < other->loop_depth)
        return true;

    /* var l *int; func() { l = new(int) }(): outlives the closure's frame */
    if (esc_contains_closure(l->curfn, other->curfn))
        return true;

    return false;
}

/* Parameter l leaks to sink: a result of its own function (if one of the
 * first five and not escaping itself) or the heap. */
static void leak_to(EscLoc *l, EscLoc *sink, int derefs)
{
    if (!esc_has_attr(sink, ESC_ATTR_ESCAPES) && esc_loc_is_name(sink, IR_PPARAMOUT) && sink->curfn == l->curfn) {
        int ri = sink->result_index - 1;
        if (ri < ESC_NUM_RESULTS) {
            esc_leaks_add(&l->param_esc, ESC_LEAK_RESULT0 + ri, derefs);
            return;
        }
    }
    esc_leaks_add(&l->param_esc, ESC_LEAK_HEAP, derefs);
}

/* ---- the walks ----------------------------------------------------------------------- */

static void walk_one(EscBatch *b, EscLoc *root, uint32_t walkgen, LocQueue *all)
{
    EscState *st = b->st;
    bool m2 = st->conf->m >= 2;

    root->walkgen = walkgen;
    root->derefs = 0;
    root->dst = NULL;

    /* A closure of this batch whose value may be called without its
     * results being tracked: its results must now be treated as escaping. */
    if (esc_has_attr(root, ESC_ATTR_CALLS) && root->n && root->n->op == IR_OCLOSURE && root->n->func) {
        IrFunc *fn = root->n->func;
        EscCallee c = {fn->obj, fn, NULL};
        if (esc_in_mutual_batch(&c) && !(fn->fflags & IR_FN_CLOSURE_RESULTS_LOST)) {
            fn->fflags |= IR_FN_CLOSURE_RESULTS_LOST;
            for (uint32_t i = 0; i < fn->nresults; i++)
                enqueue(all, esc_old_loc(b, esc_as_name(fn->dcl.items[fn->nparams + i])));
        }
    }

    LocQueue todo;
    q_init(&todo, 1);
    q_push_front(&todo, root);

    while (todo.n > 0) {
        EscLoc *l = q_pop_front(&todo);
        l->queued_walk_one = 0;

        int derefs = l->derefs;
        uint8_t new_attrs = 0;

        /* derefs < 0: l's address flows to root */
        if (derefs < 0) {
            /* "root = &l; l = x": x's address does not flow to root */
            derefs = 0;
            if (esc_outlives(b, root, l)) {
                if (!esc_has_attr(l, ESC_ATTR_ESCAPES) && m2) {
                    esc_print_pos(st, l->n->pos);
                    buf_reset(&st->scratch);
                    esc_fmt_node(st, &st->scratch, l->n);
                    esc_printf(st, ": %s escapes to heap in %s:\n", buf_str(&st->scratch),
                               esc_func_name(l->curfn));
                    explain_path(b, root, l);
                }
                new_attrs |= ESC_ATTR_ALL;
            } else if (esc_has_attr(root, ESC_ATTR_PERSISTS)) {
                new_attrs |= ESC_ATTR_PERSISTS;
            }
        }

        if (derefs == 0)
            new_attrs |= root->attrs & (ESC_ATTR_MUTATES | ESC_ATTR_CALLS);

        /* l's value flows to root: record parameter flows for the tags */
        if (l->param) {
            if (esc_outlives(b, root, l)) {
                if (!esc_has_attr(l, ESC_ATTR_ESCAPES) && m2) {
                    esc_print_pos(st, l->n->pos);
                    buf_reset(&st->scratch);
                    esc_fmt_node(st, &st->scratch, l->n);
                    Buf where = {0};
                    explain_loc(b, &where, root);
                    esc_printf(st, ": parameter %s leaks to %s for %s with derefs=%d:\n", buf_str(&st->scratch),
                               buf_str(&where), esc_func_name(l->curfn), derefs);
                    buf_free(&where);
                    explain_path(b, root, l);
                }
                leak_to(l, root, derefs);
            }
            if (esc_has_attr(root, ESC_ATTR_MUTATES))
                esc_leaks_add(&l->param_esc, ESC_LEAK_MUTATOR, derefs);
            if (esc_has_attr(root, ESC_ATTR_CALLS))
                esc_leaks_add(&l->param_esc, ESC_LEAK_CALLEE, derefs);
        }

        if (new_attrs & ~l->attrs) {
            l->attrs |= new_attrs;
            enqueue(all, l);
            if (l->attrs & ESC_ATTR_ESCAPES)
                continue;
        }

        for (uint32_t i = 0; i < l->nedges; i++) {
            EscEdge *edge = &l->edges[i];
            EscLoc *src = edge->src;
            if (esc_has_attr(src, ESC_ATTR_ESCAPES))
                continue;
            int d = derefs + edge->derefs;
            if (src->walkgen != walkgen || src->derefs > d) {
                src->walkgen = walkgen;
                src->derefs = d;
                src->dst = l;
                src->dst_edge_idx = i;
                if (src->queued_walk_one != walkgen) {
                    src->queued_walk_one = walkgen;
                    /* at the back: other attribute changes may reach src first */
                    q_push_back(&todo, src);
                }
            }
        }
    }
    free(todo.locs);
}

void esc_walk_all(EscBatch *b)
{
    /* One walk from every location (and the heap), then again from each
     * location on its !persists->persists and !escapes->escapes
     * transitions: Θ(len(allLocs)) walks. */
    LocQueue todo;
    q_init(&todo, b->nlocs + 3);
    for (uint32_t i = 0; i < b->nlocs; i++) {
        q_push_front(&todo, b->all_locs[i]);
        b->all_locs[i]->queued_walk_all = true;
    }
    q_push_front(&todo, &b->mutator_loc);
    q_push_front(&todo, &b->callee_loc);
    q_push_front(&todo, &b->heap_loc);
    b->mutator_loc.queued_walk_all = true;
    b->callee_loc.queued_walk_all = true;
    b->heap_loc.queued_walk_all = true;

    uint32_t walkgen = 0;
    while (todo.n > 0) {
        EscLoc *root = q_pop_front(&todo);
        root->queued_walk_all = false;
        walkgen++;
        walk_one(b, root, walkgen, &todo);
    }
    free(todo.locs);
}
