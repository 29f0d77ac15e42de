/*
 * The location graph (gc's escape/graph.go): locations, holes, notes and
 * the flow edges between them.
 *
 * A hole is an evaluation context: "the value being evaluated flows into
 * dst after derefs dereferences".  Evaluating an expression into a hole
 * adds edges; the solver (solve.c) then propagates over them.
 */
#include "esc.h"

#include <string.h>

EscHole esc_hole(EscLoc *l)
{
    EscHole k = {l, 0, NULL, false};
    return k;
}

/* Notes explain flows in -m=2 output only; without -m=2 gc does not keep
 * them, and neither do we. */
EscHole esc_note(EscBatch *b, EscHole k, IrNode *where, const char *why)
{
    if (!where || !why || !*why)
        base_fatal("escape: note: missing where/why");
    if (b->notes) {
        EscNote *nt = ARENA_NEW(&b->arena, EscNote);
        nt->next = k.notes;
        nt->where = where;
        nt->why = why;
        k.notes = nt;
    }
    return k;
}

EscHole esc_shift(EscHole k, int delta)
{
    k.derefs += delta;
    if (k.derefs < -1)
        base_fatal("escape: derefs underflow: %d", k.derefs);
    k.addrtaken = delta < 0;
    return k;
}

EscHole esc_deref(EscBatch *b, EscHole k, IrNode *where, const char *why)
{
    return esc_note(b, esc_shift(k, 1), where, why);
}

EscHole esc_addr_hole(EscBatch *b, EscHole k, IrNode *where, const char *why)
{
    return esc_note(b, esc_shift(k, -1), where, why);
}

/* A type assertion to a non-interface, indirectly stored type loads the
 * value out of the interface's data word: a dereference. */
EscHole esc_dot_type(EscBatch *b, EscHole k, TyType *t, IrNode *where, const char *why)
{
    if (!esc_type_is_interface(t) && !esc_type_is_direct_iface(b->st, t))
        k = esc_shift(k, 1);
    return esc_note(b, k, where, why);
}

bool esc_loc_is_name(const EscLoc *l, IrClass c)
{
    return l->n && l->n->op == IR_ONAME && esc_as_name(l->n)->class == c;
}

static void add_edge(EscBatch *b, EscLoc *dst, EscLoc *src, int derefs, EscNote *notes)
{
    if (dst->nedges == dst->capedges) {
        uint32_t cap = dst->capedges ? dst->capedges * 2 : 4;
        EscEdge *e = ARENA_ARRAY(&b->arena, EscEdge, cap);
        if (dst->nedges)
            memcpy(e, dst->edges, sizeof(EscEdge) * dst->nedges);
        dst->edges = e;
        dst->capedges = cap;
    }
    EscEdge *ed = &dst->edges[dst->nedges++];
    ed->src = src;
    ed->derefs = derefs;
    ed->notes = notes;
}

void esc_flow(EscBatch *b, EscHole k, EscLoc *src)
{
    if (k.addrtaken)
        src->addrtaken = true;

    EscLoc *dst = k.dst;
    if (dst == &b->blank_loc)
        return;
    if (dst == src && k.derefs >= 0) /* dst = dst, dst = *dst, ... */
        return;
    if (esc_has_attr(dst, ESC_ATTR_ESCAPES) && k.derefs < 0) { /* dst = &src */
        /* The address is stored straight into the heap: src escapes now,
         * and -m=2 explains it immediately (gc prints this here, not in
         * the solver). */
        if (b->st->conf->m >= 2) {
            EscState *st = b->st;
            esc_print_pos(st, src->n->pos);
            buf_reset(&st->scratch);
            esc_fmt_node(st, &st->scratch, src->n);
            esc_printf(st, ": %s escapes to heap in %s:\n", buf_str(&st->scratch), esc_func_name(src->curfn));
            esc_explain_flow(b, src->n->pos, dst, src, k.derefs, k.notes);
        }
        src->attrs |= ESC_ATTR_ALL;
        return;
    }
    add_edge(b, dst, src, k.derefs, k.notes);
}

EscHole esc_heap_hole(EscBatch *b) { return esc_hole(&b->heap_loc); }
EscHole esc_mutator_hole(EscBatch *b) { return esc_hole(&b->mutator_loc); }
EscHole esc_callee_hole(EscBatch *b) { return esc_hole(&b->callee_loc); }
EscHole esc_discard_hole(EscBatch *b) { return esc_hole(&b->blank_loc); }

EscLoc *esc_old_loc(EscBatch *b, IrName *n)
{
    (void)b;
    IrName *c = ir_canonical(n);
    if (!c->n.esc)
        base_fatal("escape: %s has no location", c->sym ? c->sym->name : "?");
    return (EscLoc *)c->n.esc;
}

EscLoc *esc_new_loc(Esc *e, IrNode *n, bool persists)
{
    EscBatch *b = e->b;
    if (!e->curfn)
        base_fatal("escape: newLoc without curfn");
    if (n && n->type && esc_type_not_in_heap(n->type)) {
        EscState *st = b->st;
        buf_reset(&st->scratch);
        ir_fmt_type(&st->scratch, st->prog, st->pkg->types, n->type);
        esc_errorf(st, n->pos, "%s is incomplete (or unallocatable); stack allocation disallowed",
                   buf_str(&st->scratch));
    }
    EscLoc *loc = ARENA_NEW(&b->arena, EscLoc);
    loc->n = n;
    loc->curfn = e->curfn;
    loc->loop_depth = e->loop_depth;
    if (esc_loc_is_name(loc, IR_PPARAM))
        loc->param = true;
    else if (esc_loc_is_name(loc, IR_PPARAMOUT))
        loc->param_out = true;
    if (persists)
        loc->attrs |= ESC_ATTR_PERSISTS;

    if (b->nlocs == b->caplocs) {
        uint32_t cap = b->caplocs ? b->caplocs * 2 : 64;
        EscLoc **v = ARENA_ARRAY(&b->arena, EscLoc *, cap);
        if (b->nlocs)
            memcpy(v, b->all_locs, sizeof(EscLoc *) * b->nlocs);
        b->all_locs = v;
        b->caplocs = cap;
    }
    b->all_locs[b->nlocs++] = loc;

    if (n && n->op == IR_ONAME) {
        IrName *nm = esc_as_name(n);
        if (ir_canonical(nm) != nm)
            base_fatal("escape: newLoc on non-canonical %s", nm->sym ? nm->sym->name : "?");
        if (nm->n.esc)
            base_fatal("escape: %s already has a location", nm->sym ? nm->sym->name : "?");
        nm->n.esc = loc;
    }
    return loc;
}

/* A hole that flows into each of ks, like tee(1).  "p = &q" and "p = &t;
 * t = q" differ, so the holes must not take addresses. */
EscHole esc_tee_hole(Esc *e, EscHole *ks, uint32_t nks)
{
    if (nks == 0)
        return esc_discard_hole(e->b);
    if (nks == 1)
        return ks[0];
    EscLoc *loc = esc_new_loc(e, NULL, false);
    for (uint32_t i = 0; i < nks; i++) {
        if (ks[i].derefs < 0)
            base_fatal("escape: teeHole: negative derefs");
        esc_flow(e->b, ks[i], loc);
    }
    return esc_hole(loc);
}

/* A hole that flows into k "some time later": a persistent temporary, so
 * the storage is not reused at once. */
EscHole esc_later(Esc *e, EscHole k)
{
    EscLoc *loc = esc_new_loc(e, NULL, true);
    esc_flow(e->b, k, loc);
    return esc_hole(loc);
}
