/*
 * Helpers shared by the front-end passes (passes.h): gc's small ir
 * utilities (Canonical, OuterValue, TempAt, Any, DoChildren) on goesc's IR.
 */
#include "passes.h"

#include "../types/check.h"

#include <stdio.h>

IrName *irp_temp(IrProgram *p, IrFunc *fn, Pos pos, TyType *t)
{
    char buf[32];
    snprintf(buf, sizeof buf, ".autotmp_%u", fn->dcl.len);
    IrName *n = ir_new_name(p, pos, sym_cstr(p->syms, buf), IR_PAUTO, t);
    n->curfn = fn;
    n->nflags |= IR_N_AUTOTEMP | IR_N_USED;
    ir_list_push(p, &fn->dcl, &n->n);
    return n;
}

IrNode *irp_bool_lit(IrProgram *p, Pos pos, bool v)
{
    IrNode *n = ir_new(p, IR_OLITERAL, pos, &p->env->basic[TY_BOOL]->t);
    n->val = ty_const_bool(v);
    return n;
}

IrNode *irp_int_lit(IrProgram *p, Pos pos, TyType *t, int64_t v)
{
    IrNode *n = ir_new(p, IR_OLITERAL, pos, t);
    n->val = ty_const_int64(v);
    return n;
}

IrName *irp_blank(IrProgram *p)
{
    IrName *n = ir_new_name(p, NOPOS, sym_cstr(p->syms, "_"), IR_PXXX, NULL);
    n->nflags |= IR_N_BLANK;
    return n;
}

static bool do_list(IrList *l, IrpChildFn f, void *ud)
{
    for (uint32_t i = 0; i < l->len; i++)
        if (l->items[i] && f(ud, l->items[i]))
            return true;
    return false;
}

bool irp_do_children(IrNode *n, IrpChildFn f, void *ud)
{
    if (!n)
        return false;
    switch (n->op) {
    case IR_ONAME:
    case IR_OTYPE:
    case IR_OLITERAL:
    case IR_ONIL:
        return false;
    case IR_OCLOSURE:
        /* ir.ClosureExpr's children are its init (and Prealloc): the body
         * belongs to another function. */
        return do_list(&n->init, f, ud);
    case IR_OFOR:
        /* ForStmt: init, Cond, Post, Body */
        return do_list(&n->init, f, ud) || (n->x && f(ud, n->x)) || do_list(&n->els, f, ud) ||
               do_list(&n->body, f, ud);
    default:
        return do_list(&n->init, f, ud) || (n->x && f(ud, n->x)) || (n->y && f(ud, n->y)) ||
               (n->z && f(ud, n->z)) || do_list(&n->list, f, ud) || do_list(&n->rlist, f, ud) ||
               do_list(&n->body, f, ud) || do_list(&n->els, f, ud);
    }
}

typedef struct AnyCtx {
    IrpPred pred;
    void *ud;
} AnyCtx;

static bool any_child(void *ud, IrNode *n)
{
    AnyCtx *c = ud;
    return c->pred(c->ud, n) || irp_do_children(n, any_child, c);
}

bool irp_any(IrNode *n, IrpPred pred, void *ud)
{
    if (!n)
        return false;
    AnyCtx c = {pred, ud};
    return any_child(&c, n);
}

void irp_each_list(IrNode *n, void (*f)(void *ud, IrList *l), void *ud)
{
    f(ud, &n->init);
    f(ud, &n->list);
    f(ud, &n->rlist);
    f(ud, &n->body);
    f(ud, &n->els);
}
