/*
 * Expressions (gc's escape/expr.go): evaluating n into a hole k adds the
 * edges by which n's value reaches k.
 *
 * Every subexpression is walked even when its value is discarded, because
 * it may allocate or assign (see the comment at the top of gc's graph.go).
 */
#include "esc.h"

void esc_expr(Esc *e, EscHole k, IrNode *n)
{
    if (!n)
        return;
    esc_stmts(e, &n->init);
    esc_expr_skip_init(e, k, n);
}

void esc_discard(Esc *e, IrNode *n) { esc_expr(e, esc_discard_hole(e->b), n); }

void esc_discards(Esc *e, IrList *l)
{
    for (uint32_t i = 0; i < l->len; i++)
        esc_discard(e, l->items[i]);
}

/* New storage for n (an allocation): its address flows to k, and the
 * returned hole stores into it. */
EscHole esc_spill(Esc *e, EscHole k, IrNode *n)
{
    EscLoc *loc = esc_new_loc(e, n, false);
    esc_flow(e->b, esc_addr_hole(e->b, k, n, "spill"), loc);
    return esc_hole(loc);
}

static IrNode *key_value(IrNode *elt) { return elt && elt->op == IR_OKEY ? elt->y : elt; }

static void method_value(Esc *e, EscHole k, IrNode *n)
{
    /* The receiver flows both into the method value's closure record and
     * into the method's receiver parameter.  How the method value will be
     * called is unknown, so its results are assumed to reach the heap. */
    EscBatch *b = e->b;
    EscHole closure_k = esc_spill(e, k, n);
    EscCallee callee;
    bool known = n->sym && esc_method_callee(b->st, n->sym, &callee);
    EscHole ks[ESC_NUM_RESULTS + 8];
    uint32_t nks = 0;
    if (n->sym && n->sym->type && n->sym->type->kind == TY_SIGNATURE) {
        TySignature *sig = TY_AS(TySignature, n->sym->type);
        for (uint32_t i = 0; i < sig->results->len && nks < sizeof ks / sizeof ks[0]; i++)
            ks[nks++] = esc_heap_hole(b);
    }
    EscHole pk[2];
    pk[0] = esc_tag_hole(e, ks, nks, known ? &callee : NULL, 0);
    pk[1] = closure_k;
    esc_expr(e, esc_tee_hole(e, pk, 2), n->x);
}

static void closure_expr(Esc *e, EscHole k, IrNode *n)
{
    EscBatch *b = e->b;
    k = esc_spill(e, k, n);
    if (b->nclosures == b->capclosures) {
        uint32_t cap = b->capclosures ? b->capclosures * 2 : 8;
        EscClosure *v = ARENA_ARRAY(&b->arena, EscClosure, cap);
        for (uint32_t i = 0; i < b->nclosures; i++)
            v[i] = b->closures[i];
        b->closures = v;
        b->capclosures = cap;
    }
    b->closures[b->nclosures].k = k;
    b->closures[b->nclosures].clo = n;
    b->nclosures++;

    IrFunc *fn = n->func;
    if (!fn || !esc_is_closure(fn))
        return; /* analyzed in an earlier batch; calls use its tags */
    for (uint32_t i = 0; i < fn->closurevars.len; i++) {
        EscLoc *loc = esc_old_loc(b, esc_as_name(fn->closurevars.items[i]));
        if (!loc->captured) {
            loc->captured = true;
            /* Reassignments in straight-line code before the first
             * capture do not matter. */
            if (loc->loop_depth == e->loop_depth)
                loc->reassigned = false;
        }
    }
    for (uint32_t i = 0; i < fn->dcl.len; i++) {
        IrNode *d = fn->dcl.items[i];
        if (d && d->op == IR_ONAME && !d->esc) {
            Esc sub = {b, fn, {0}, 1};
            esc_new_loc(&sub, d, true);
        }
    }
    esc_walk_func(b, fn);
}

void esc_expr_skip_init(Esc *e, EscHole k, IrNode *n)
{
    if (!n)
        return;
    EscBatch *b = e->b;

    /* A value without pointers carries nothing worth tracking. */
    if (k.derefs >= 0 && n->type && !esc_type_is_untyped(n->type) && !esc_type_has_pointers(n->type))
        k.dst = &b->blank_loc;

    switch ((IrOp)n->op) {
    case IR_OLITERAL:
    case IR_ONIL:
    case IR_OTYPE:
    case IR_OMETHEXPR:
    case IR_OLINKSYMOFFSET:
    case IR_ODYNAMICTYPE:
        break;

    case IR_ONAME: {
        IrName *nm = esc_as_name(n);
        if (nm->class == IR_PFUNC || nm->class == IR_PEXTERN)
            return;
        if (nm->nflags & IR_N_BLANK)
            return;
        esc_flow(b, k, esc_old_loc(b, nm));
        break;
    }

    case IR_OPLUS:
    case IR_ONEG:
    case IR_OBITNOT:
    case IR_ONOT:
        esc_discard(e, n->x);
        break;
    case IR_OADD:
    case IR_OSUB:
    case IR_OOR:
    case IR_OXOR:
    case IR_OMUL:
    case IR_ODIV:
    case IR_OMOD:
    case IR_OLSH:
    case IR_ORSH:
    case IR_OAND:
    case IR_OANDNOT:
    case IR_OEQ:
    case IR_ONE:
    case IR_OLT:
    case IR_OLE:
    case IR_OGT:
    case IR_OGE:
    case IR_OANDAND:
    case IR_OOROR:
        esc_discard(e, n->x);
        esc_discard(e, n->y);
        break;
    case IR_OADDR:
        esc_expr(e, esc_addr_hole(b, k, n, "address-of"), n->x);
        break;
    case IR_ODEREF:
        esc_expr(e, esc_deref(b, k, n, "indirection"), n->x);
        break;
    case IR_ODOT:
    case IR_ODOTMETH:
    case IR_ODOTINTER:
        esc_expr(e, esc_note(b, k, n, "dot"), n->x);
        break;
    case IR_ODOTPTR:
        esc_expr(e, esc_deref(b, k, n, "dot of pointer"), n->x);
        break;
    case IR_ODOTTYPE:
    case IR_ODOTTYPE2:
    case IR_ODYNAMICDOTTYPE:
    case IR_ODYNAMICDOTTYPE2:
        /* the dynamic type operand points to read-only data */
        esc_expr(e, esc_dot_type(b, k, n->type, n, "dot"), n->x);
        break;
    case IR_OINDEX:
        if (n->x && esc_type_is_array(n->x->type))
            esc_expr(e, esc_note(b, k, n, "fixed-array-index-of"), n->x);
        else /* gc's reason text, kept for identical -m=2 output */
            esc_expr(e, esc_deref(b, k, n, "dot of pointer"), n->x);
        esc_discard(e, n->y);
        break;
    case IR_OINDEXMAP:
        esc_discard(e, n->x);
        esc_discard(e, n->y);
        break;
    case IR_OSLICE:
    case IR_OSLICEARR:
    case IR_OSLICE3:
    case IR_OSLICE3ARR:
    case IR_OSLICESTR:
        esc_expr(e, esc_note(b, k, n, "slice"), n->x);
        /* Low, High, Max */
        esc_discard(e, n->y);
        esc_discard(e, n->z);
        esc_discards(e, &n->list);
        break;

    case IR_OCONV:
    case IR_OCONVNOP:
        if (esc_type_is_unsafe_ptr(n->type) && n->x && esc_type_is_uintptr(n->x->type))
            esc_unsafe_value(e, k, n->x);
        else
            esc_expr(e, k, n->x);
        break;
    case IR_OCONVIFACE:
        if (n->x && !esc_type_is_interface(n->x->type) && !esc_type_is_direct_iface(b->st, n->x->type))
            k = esc_spill(e, k, n);
        esc_expr(e, esc_note(b, k, n, "interface-converted"), n->x);
        break;
    case IR_OITAB:
    case IR_OIDATA:
    case IR_OSPTR:
        esc_expr(e, k, n->x);
        break;
    case IR_OSLICE2ARR:
        /* converting a slice to an array loads through the slice */
        esc_expr(e, esc_deref(b, k, n, "slice-to-array"), n->x);
        break;
    case IR_OSLICE2ARRPTR:
        esc_expr(e, k, n->x);
        break;
    case IR_ORECV:
        esc_discard(e, n->x);
        break;

    case IR_OCALLFUNC:
    case IR_OCALLMETH:
    case IR_OCALLINTER:
    case IR_OLEN:
    case IR_OCAP:
    case IR_OMIN:
    case IR_OMAX:
    case IR_OCOMPLEX:
    case IR_OREAL:
    case IR_OIMAG:
    case IR_OAPPEND:
    case IR_OCOPY:
    case IR_ORECOVER:
    case IR_OUNSAFEADD:
    case IR_OUNSAFESLICE:
    case IR_OUNSAFESTRING:
    case IR_OUNSAFESTRINGDATA:
    case IR_OUNSAFESLICEDATA:
        esc_call(e, &k, 1, n);
        break;

    case IR_ONEW:
        esc_spill(e, k, n);
        break;
    case IR_OMAKESLICE:
        esc_spill(e, k, n);
        esc_discard(e, n->x);
        esc_discard(e, n->y);
        break;
    case IR_OMAKECHAN:
        /* channels always live on the heap: no location, no message */
        esc_discard(e, n->x);
        break;
    case IR_OMAKEMAP:
        esc_spill(e, k, n);
        esc_discard(e, n->x);
        break;

    case IR_OMETHVALUE:
        method_value(e, k, n);
        break;

    case IR_OPTRLIT:
        esc_expr(e, esc_spill(e, k, n), n->x);
        break;
    case IR_OARRAYLIT:
        for (uint32_t i = 0; i < n->list.len; i++)
            esc_expr(e, esc_note(b, k, n, "array literal element"), key_value(n->list.items[i]));
        break;
    case IR_OSLICELIT:
        k = esc_spill(e, k, n);
        for (uint32_t i = 0; i < n->list.len; i++)
            esc_expr(e, esc_note(b, k, n, "slice-literal-element"), key_value(n->list.items[i]));
        break;
    case IR_OSTRUCTLIT:
        for (uint32_t i = 0; i < n->list.len; i++)
            esc_expr(e, esc_note(b, k, n, "struct literal element"), esc_structkey_value(n->list.items[i]));
        break;
    case IR_OMAPLIT:
        esc_spill(e, k, n);
        /* map keys and values are always stored in the heap */
        for (uint32_t i = 0; i < n->list.len; i++) {
            IrNode *elt = n->list.items[i];
            esc_assign_heap(e, elt->x, "map literal key", n);
            esc_assign_heap(e, elt->y, "map literal value", n);
        }
        break;

    case IR_OCLOSURE:
        closure_expr(e, k, n);
        break;

    case IR_ORUNES2STR:
    case IR_OBYTES2STR:
    case IR_OSTR2RUNES:
    case IR_OSTR2BYTES:
    case IR_ORUNESTR:
        esc_spill(e, k, n);
        esc_discard(e, n->x);
        break;

    case IR_OADDSTR:
        esc_spill(e, k, n);
        /* runtime.concatstrings never lets its operands escape */
        esc_discards(e, &n->list);
        break;

    default:
        base_fatal("escape: unexpected expr: %s", ir_op_name((IrOp)n->op));
    }
}

/* unsafeValue evaluates a uintptr-typed arithmetic expression, looking for
 * conversions from unsafe.Pointer: those pointers reach k. */
void esc_unsafe_value(Esc *e, EscHole k, IrNode *n)
{
    if (!n)
        return;
    EscBatch *b = e->b;
    if (!esc_type_is_uintptr(n->type))
        base_fatal("escape: unexpected type for unsafeValue %s", ir_op_name((IrOp)n->op));
    if (k.addrtaken)
        base_fatal("escape: unexpected addrtaken");

    esc_stmts(e, &n->init);

    switch ((IrOp)n->op) {
    case IR_OCONV:
    case IR_OCONVNOP:
        if (n->x && esc_type_is_unsafe_ptr(n->x->type))
            esc_expr(e, k, n->x);
        else
            esc_discard(e, n->x);
        break;
    case IR_ODOTPTR:
        if (esc_is_reflect_header_data_field(n))
            esc_expr(e, esc_deref(b, k, n, "reflect.Header.Data"), n->x);
        else
            esc_discard(e, n->x);
        break;
    case IR_OPLUS:
    case IR_ONEG:
    case IR_OBITNOT:
        esc_unsafe_value(e, k, n->x);
        break;
    case IR_OADD:
    case IR_OSUB:
    case IR_OOR:
    case IR_OXOR:
    case IR_OMUL:
    case IR_ODIV:
    case IR_OMOD:
    case IR_OAND:
    case IR_OANDNOT:
        esc_unsafe_value(e, k, n->x);
        esc_unsafe_value(e, k, n->y);
        break;
    case IR_OLSH:
    case IR_ORSH:
        esc_unsafe_value(e, k, n->x);
        /* the shift count need not be a uintptr and carries no pointer */
        esc_discard(e, n->y);
        break;
    default:
        esc_expr_skip_init(e, esc_discard_hole(b), n);
    }
}
