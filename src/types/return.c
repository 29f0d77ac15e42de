/*
 * Terminating statements (types2 return.go), for "missing return".
 *
 * A statement list ends a function if its last non-empty statement is
 * terminating: a return, goto, a panic call, a block/if/switch/select whose
 * branches all terminate without breaking out, or a for loop without
 * condition (and not a range loop) that is not broken out of.
 */
#include "check.h"

static bool is_terminating_list(Checker *ck, SynList list, const Sym *label);
static bool has_break_list(SynList list, const Sym *label, bool implicit);

static bool is_panic_call(Checker *ck, SynNode *x)
{
    x = syn_unparen(x);
    return x->kind == SYN_CALL_EXPR && ck->e.is_panic && ptrmap_get(ck->e.is_panic, PMKEY(x));
}

/* hasBreak: whether s is or contains a break referring to the statement
 * labeled label, or (implicit) to the closest enclosing breakable
 * statement. */
static bool has_break(SynNode *s, const Sym *label, bool implicit)
{
    switch (s->kind) {
    case SYN_LABELED_STMT:
        return has_break(((SynLabeledStmt *)s)->stmt, label, implicit);
    case SYN_BRANCH_STMT: {
        SynBranchStmt *b = (SynBranchStmt *)s;
        if (b->n.op == SYN_BREAK) {
            if (!b->label)
                return implicit;
            if (label && b->label->value == label)
                return true;
        }
        return false;
    }
    case SYN_BLOCK_STMT:
        return has_break_list(((SynBlockStmt *)s)->list, label, implicit);
    case SYN_IF_STMT: {
        SynIfStmt *is = (SynIfStmt *)s;
        return has_break(&is->then->n, label, implicit) || (is->els && has_break(is->els, label, implicit));
    }
    case SYN_SWITCH_STMT:
    case SYN_SELECT_STMT: {
        /* an unlabeled break inside breaks the inner statement */
        if (!label)
            return false;
        SynList body = s->kind == SYN_SWITCH_STMT ? ((SynSwitchStmt *)s)->body : ((SynSelectStmt *)s)->body;
        for (uint32_t i = 0; i < body.len; i++) {
            SynNode *c = body.items[i];
            SynList l = c->kind == SYN_CASE_CLAUSE ? ((SynCaseClause *)c)->body : ((SynCommClause *)c)->body;
            if (has_break_list(l, label, false))
                return true;
        }
        return false;
    }
    case SYN_FOR_STMT:
        return label && has_break(&((SynForStmt *)s)->body->n, label, false);
    default:
        /* declarations, simple statements, go/defer, return: no chance */
        return false;
    }
}

static bool has_break_list(SynList list, const Sym *label, bool implicit)
{
    for (uint32_t i = 0; i < list.len; i++)
        if (has_break(list.items[i], label, implicit))
            return true;
    return false;
}

bool ck_is_terminating(Checker *ck, SynNode *s, const Sym *label)
{
    switch (s->kind) {
    case SYN_LABELED_STMT: {
        SynLabeledStmt *l = (SynLabeledStmt *)s;
        return ck_is_terminating(ck, l->stmt, l->label->value);
    }
    case SYN_EXPR_STMT:
        /* calling the predeclared (possibly parenthesized) panic function */
        return is_panic_call(ck, ((SynExprStmt *)s)->x);
    case SYN_RETURN_STMT:
        return true;
    case SYN_BRANCH_STMT:
        return s->op == SYN_GOTO || s->op == SYN_FALLTHROUGH;
    case SYN_BLOCK_STMT:
        return is_terminating_list(ck, ((SynBlockStmt *)s)->list, NULL);
    case SYN_IF_STMT: {
        SynIfStmt *is = (SynIfStmt *)s;
        return is->els && ck_is_terminating(ck, &is->then->n, NULL) && ck_is_terminating(ck, is->els, NULL);
    }
    case SYN_SWITCH_STMT: {
        SynSwitchStmt *ss = (SynSwitchStmt *)s;
        bool has_default = false;
        for (uint32_t i = 0; i < ss->body.len; i++) {
            SynCaseClause *cc = (SynCaseClause *)ss->body.items[i];
            if (!cc->cases)
                has_default = true;
            if (!is_terminating_list(ck, cc->body, NULL) || has_break_list(cc->body, label, true))
                return false;
        }
        return has_default;
    }
    case SYN_SELECT_STMT: {
        SynSelectStmt *ss = (SynSelectStmt *)s;
        for (uint32_t i = 0; i < ss->body.len; i++) {
            SynCommClause *cc = (SynCommClause *)ss->body.items[i];
            if (!is_terminating_list(ck, cc->body, NULL) || has_break_list(cc->body, label, true))
                return false;
        }
        return true;
    }
    case SYN_FOR_STMT: {
        SynForStmt *fs = (SynForStmt *)s;
        /* range loops end (go.dev/issue/49003): never terminating */
        if (fs->init && fs->init->kind == SYN_RANGE_CLAUSE)
            return false;
        return !fs->cond && !has_break(&fs->body->n, label, true);
    }
    default:
        /* declarations, empty, send, assignments, go/defer: no chance */
        return false;
    }
}

static bool is_terminating_list(Checker *ck, SynList list, const Sym *label)
{
    /* trailing empty statements are permitted: skip them */
    for (uint32_t i = list.len; i > 0; i--)
        if (list.items[i - 1]->kind != SYN_EMPTY_STMT)
            return ck_is_terminating(ck, list.items[i - 1], label);
    return false;
}
