/*
 * Statements (gc's escape/stmt.go).
 */
#include "esc.h"

static void *label_key(IrNode *n) { return n->label ? (void *)n->label : (void *)n->sym; }

static bool label_is_blank(IrNode *n)
{
    if (n->label)
        return n->label->sym && n->label->sym->len == 1 && n->label->sym->name[0] == '_';
    return n->sym && n->sym->name && n->sym->name->len == 1 && n->sym->name->name[0] == '_';
}

static void type_switch(Esc *e, IrNode *n, IrNode *guard)
{
    EscBatch *b = e->b;
    uint32_t ncases = n->list.len;
    EscHole *ks = ncases ? ARENA_ARRAY(&b->arena, EscHole, ncases) : NULL;
    uint32_t nks = 0;
    for (uint32_t i = 0; i < ncases; i++) {
        IrNode *cas = n->list.items[i];
        IrName *cv = esc_case_var(cas);
        if (!cv)
            continue; /* no variable: guard.Tag == nil, and then no clause has one */
        EscHole k = esc_dcl(e, cv); /* type switch variables have no ODCL */
        if (esc_type_has_pointers(cv->n.type))
            ks[nks++] = esc_dot_type(b, k, cv->n.type, cas, "switch case");
    }
    esc_expr(e, esc_tee_hole(e, ks, nks), guard->x);
}

void esc_stmt(Esc *e, IrNode *n)
{
    if (!n)
        return;
    EscBatch *b = e->b;

    esc_stmts(e, &n->init);

    switch ((IrOp)n->op) {
    case IR_OFALL:
    case IR_OBREAK:
    case IR_OCONTINUE:
    case IR_OGOTO:
        break;

    case IR_OBLOCK:
        esc_stmts(e, &n->list);
        break;

    case IR_ODCL:
        /* record the loop depth at the declaration */
        if (n->x && !ir_is_blank(n->x))
            esc_dcl(e, esc_as_name(n->x));
        break;

    case IR_OLABEL: {
        if (label_is_blank(n))
            break;
        void *key = label_key(n);
        uintptr_t st = (uintptr_t)ptrmap_get(&e->labels, PMKEY(key));
        if (st == ESC_LABEL_LOOPING)
            e->loop_depth++;
        else if (st != ESC_LABEL_NONLOOPING)
            base_fatal("escape: label missing tag");
        /* gc deletes the label: a second OLABEL with the same key would be
         * fatal there and cannot occur */
        ptrmap_put(&e->labels, PMKEY(key), (void *)(uintptr_t)3);
        break;
    }

    case IR_OIF:
        esc_discard(e, n->x);
        esc_block(e, &n->body);
        esc_block(e, &n->els);
        break;

    case IR_OCHECKNIL:
        esc_discard(e, n->x);
        break;

    case IR_OFOR:
        e->loop_depth++;
        esc_discard(e, n->x);
        esc_stmt(e, esc_for_post(n));
        esc_block(e, &n->body);
        e->loop_depth--;
        break;

    case IR_ORANGE: {
        /* for Key, Value = range X { Body }: X is evaluated outside the
         * loop and lives until it ends. */
        EscLoc *tmp = esc_new_loc(e, NULL, true);
        esc_expr(e, esc_hole(tmp), n->x);

        e->loop_depth++;
        EscHole ks[2];
        ks[0] = esc_addr(e, n->y);
        ks[1] = esc_addr(e, n->z);
        if (n->x && esc_type_is_array(n->x->type))
            esc_flow(b, esc_note(b, ks[1], n, "range"), tmp);
        else
            esc_flow(b, esc_deref(b, ks[1], n, "range-deref"), tmp);
        esc_reassigned(e, ks, 2, n);

        esc_block(e, &n->body);
        e->loop_depth--;
        break;
    }

    case IR_OSWITCH:
        if (n->x && n->x->op == IR_OTYPESW)
            type_switch(e, n, n->x);
        else
            esc_discard(e, n->x);
        for (uint32_t i = 0; i < n->list.len; i++) {
            IrNode *cas = n->list.items[i];
            esc_discards(e, &cas->list);
            esc_block(e, &cas->body);
        }
        break;

    case IR_OSELECT:
        for (uint32_t i = 0; i < n->list.len; i++) {
            IrNode *cas = n->list.items[i];
            esc_stmt(e, esc_case_comm(cas));
            esc_block(e, &cas->body);
        }
        break;

    case IR_ORECV:
        /* the init was walked above */
        esc_expr_skip_init(e, esc_discard_hole(b), n);
        break;

    case IR_OSEND:
        esc_discard(e, n->x);
        esc_assign_heap(e, n->y, "send", n);
        break;

    case IR_OAS:
    case IR_OASOP: {
        IrNode *dst = n->x, *src = n->y;
        esc_assign_list(e, &dst, 1, &src, 1, "assign", n);
        break;
    }
    case IR_OAS2:
        esc_assign_list(e, n->list.items, n->list.len, n->rlist.items, n->rlist.len, "assign-pair", n);
        break;
    case IR_OAS2DOTTYPE: /* v, ok = x.(type) */
        esc_assign_list(e, n->list.items, n->list.len, n->rlist.items, n->rlist.len, "assign-pair-dot-type", n);
        break;
    case IR_OAS2MAPR: /* v, ok = m[k] */
        esc_assign_list(e, n->list.items, n->list.len, n->rlist.items, n->rlist.len, "assign-pair-mapr", n);
        break;
    case IR_OAS2RECV: /* v, ok = <-ch */
    case IR_OSELRECV2:
        esc_assign_list(e, n->list.items, n->list.len, n->rlist.items, n->rlist.len, "assign-pair-receive", n);
        break;

    case IR_OAS2FUNC: {
        IrNode *call = esc_list_at(&n->rlist, 0);
        if (call)
            esc_stmts(e, &call->init);
        uint32_t nks = n->list.len;
        EscHole *ks = ARENA_ARRAY(&b->arena, EscHole, nks ? nks : 1);
        for (uint32_t i = 0; i < nks; i++)
            ks[i] = esc_addr(e, n->list.items[i]);
        esc_call(e, ks, nks, call);
        esc_reassigned(e, ks, nks, n);
        break;
    }

    case IR_ORETURN: {
        IrFunc *fn = e->curfn;
        uint32_t nres = fn->nresults;
        IrNode **dsts = ARENA_ARRAY(&b->arena, IrNode *, nres ? nres : 1);
        for (uint32_t i = 0; i < nres; i++)
            dsts[i] = fn->dcl.items[fn->nparams + i];
        esc_assign_list(e, dsts, nres, n->list.items, n->list.len, "return", n);
        break;
    }

    case IR_OCALLFUNC:
    case IR_OCALLMETH:
    case IR_OCALLINTER:
    case IR_OCLEAR:
    case IR_OCLOSE:
    case IR_OCOPY:
    case IR_ODELETE:
    case IR_OPANIC:
    case IR_OPRINT:
    case IR_OPRINTLN:
    case IR_ORECOVER:
        esc_call(e, NULL, 0, n);
        break;

    case IR_OGO:
    case IR_ODEFER:
        esc_go_defer(e, n);
        break;

    case IR_OTAILCALL:
        esc_call(e, NULL, 0, n->x);
        break;

    case IR_ONIL:
        /* the lowering's placeholder for constructs it does not handle
         * yet (lw_unsupported); gc never has it as a statement */
        break;

    default:
        base_fatal("escape: unexpected stmt: %s", ir_op_name((IrOp)n->op));
    }
}

void esc_stmts(Esc *e, IrList *l)
{
    for (uint32_t i = 0; i < l->len; i++)
        esc_stmt(e, l->items[i]);
}

/* Like stmts, but a looping label inside does not outlive the block. */
void esc_block(Esc *e, IrList *l)
{
    int old = e->loop_depth;
    esc_stmts(e, l);
    e->loop_depth = old;
}

EscHole esc_dcl(Esc *e, IrName *n)
{
    if (n->curfn != e->curfn || (n->nflags & IR_N_CLOSUREVAR))
        base_fatal("escape: bad declaration of %s", n->sym ? n->sym->name : "?");
    EscLoc *loc = esc_old_loc(e->b, n);
    loc->loop_depth = e->loop_depth;
    return esc_hole(loc);
}
