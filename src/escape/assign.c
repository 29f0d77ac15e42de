/*
 * Assignments (gc's escape/assign.go).
 */
#include "esc.h"

/* The hole for storing into the addressable expression n.  Anything that
 * is not a local variable (or part of one) is "the heap". */
EscHole esc_addr(Esc *e, IrNode *n)
{
    EscBatch *b = e->b;
    if (!n || ir_is_blank(n)) /* select cases, range, ... */
        return esc_discard_hole(b);

    EscHole k = esc_heap_hole(b);
    switch ((IrOp)n->op) {
    case IR_ONAME: {
        IrName *nm = esc_as_name(n);
        if (nm->class == IR_PEXTERN)
            break;
        k = esc_hole(esc_old_loc(b, nm));
        break;
    }
    case IR_OLINKSYMOFFSET:
        break;
    case IR_ODOT:
        k = esc_addr(e, n->x);
        break;
    case IR_OINDEX:
        esc_discard(e, n->y);
        if (n->x && esc_type_is_array(n->x->type))
            k = esc_addr(e, n->x);
        else
            esc_mutate(e, n->x);
        break;
    case IR_ODEREF:
    case IR_ODOTPTR:
        esc_mutate(e, n->x);
        break;
    case IR_OINDEXMAP:
        esc_discard(e, n->x);
        esc_assign_heap(e, n->y, "key of map put", n);
        break;
    case IR_ONIL:
        /* the lowering's placeholder for what it does not handle yet
         * (lw_unsupported): an unknown place, so the heap */
        break;
    default:
        base_fatal("escape: unexpected addr: %s", ir_op_name((IrOp)n->op));
    }
    return k;
}

void esc_mutate(Esc *e, IrNode *n) { esc_expr(e, esc_mutator_hole(e->b), n); }

void esc_assign_heap(Esc *e, IrNode *src, const char *why, IrNode *where)
{
    esc_expr(e, esc_note(e->b, esc_heap_hole(e->b), where, why), src);
}

/* dsts... = srcs...: all destinations are evaluated first, as gc does. */
void esc_assign_list(Esc *e, IrNode **dsts, uint32_t ndst, IrNode **srcs, uint32_t nsrc, const char *why,
                     IrNode *where)
{
    EscBatch *b = e->b;
    EscState *st = b->st;
    EscHole *ks = ARENA_ARRAY(&b->arena, EscHole, ndst ? ndst : 1);
    for (uint32_t i = 0; i < ndst; i++)
        ks[i] = esc_addr(e, dsts[i]);

    for (uint32_t i = 0; i < ndst; i++) {
        EscHole k = ks[i];
        IrNode *src = i < nsrc ? srcs[i] : NULL;
        IrNode *dst = dsts[i];
        if (dst) {
            /* A uintptr stored into reflect.{Slice,String}Header.Data is
             * really a pointer. */
            if (dst->op == IR_ODOTPTR && esc_is_reflect_header_data_field(dst)) {
                esc_unsafe_value(e, esc_note(b, esc_heap_hole(b), where, why), src);
                continue;
            }
            /* Storing part of an object back into it changes nothing. */
            if (src && esc_is_self_assign(dst, src)) {
                if (st->conf->m != 0) {
                    buf_reset(&st->scratch);
                    esc_fmt_func(st, &st->scratch, e->curfn);
                    buf_puts(&st->scratch, " ignoring self-assignment in ");
                    esc_fmt_node(st, &st->scratch, where);
                    esc_warn_scratch(st, where->pos);
                }
                k = esc_discard_hole(b);
            }
        }
        esc_expr(e, esc_note(b, k, where, why), src);
    }

    esc_reassigned(e, ks, ndst, where);
}

/* Marks the holes' locations as reassigned, except a variable declared and
 * assigned exactly once by where.  Only closure capture uses the flag. */
void esc_reassigned(Esc *e, EscHole *ks, uint32_t nks, IrNode *where)
{
    (void)e;
    if (where->op == IR_OAS && !where->y && where->x && where->x->op == IR_ONAME &&
        !esc_as_name(where->x)->defn)
        return; /* var x T: its zero initialization */

    for (uint32_t i = 0; i < nks; i++) {
        EscLoc *loc = ks[i].dst;
        /* range variables are assigned on every iteration */
        if (loc->n && loc->n->op == IR_ONAME && esc_as_name(loc->n)->defn == where && where->op != IR_ORANGE)
            continue;
        loc->reassigned = true;
    }
}
