/*
 * syn_walk: a generic, iterative visit of every node of a tree.
 *
 * Children are visited in gc's field order (cmd/compile/internal/syntax
 * walk.go), i.e. source order.  An explicit stack on the heap replaces
 * recursion, so arbitrarily deep trees (long operator chains, deeply
 * nested literals) cannot exhaust the C stack.
 *
 * Names declared together share one type node ("a, b int"); unlike gc's
 * walker, which visits such a type once per name, syn_walk visits it once,
 * with the first field, so that each node is seen exactly once.
 */
#include "syntax.h"

#include <stdlib.h>

typedef struct Entry {
    SynNode *n;
    bool post;          /* the post-visit of n, after its children */
    bool shared;        /* a Field whose type belongs to the previous field */
} Entry;

typedef struct Stack {
    Entry *data;
    uint32_t len, cap;
} Stack;

static void push(Stack *s, SynNode *n, bool post)
{
    if (!n)
        return;
    if (s->len == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->data = xrealloc(s->data, sizeof(Entry) * s->cap);
    }
    s->data[s->len++] = (Entry){n, post, false};
}

static void push_list(Stack *s, const SynList *l)
{
    for (uint32_t i = 0; i < l->len; i++)
        push(s, l->items[i], false);
}

/* Sharing can only be seen from the list, so it is decided here and
 * recorded on the entry: a shared Field's type is skipped. */
static void push_fields(Stack *s, const SynList *l)
{
    const SynNode *prev = NULL;
    for (uint32_t i = 0; i < l->len; i++) {
        SynField *f = (SynField *)l->items[i];
        if (!f)
            continue;
        push(s, &f->n, false);
        s->data[s->len - 1].shared = f->type && f->type == prev;
        prev = f->type;
    }
}

/* Pushes n's children in field order; the caller reverses them. */
static void children(Stack *s, SynNode *n, bool shared_type)
{
    switch ((SynKind)n->kind) {
    case SYN_FILE: {
        SynFile *x = (SynFile *)n;
        push(s, (SynNode *)x->pkgname, false);
        push_list(s, &x->decls);
        break;
    }
    case SYN_IMPORT_DECL: {
        SynImportDecl *x = (SynImportDecl *)n;
        push(s, (SynNode *)x->local, false);
        push(s, (SynNode *)x->path, false);
        break;
    }
    case SYN_CONST_DECL:
    case SYN_VAR_DECL: {
        SynConstDecl *x = (SynConstDecl *)n;
        push_list(s, &x->names);
        push(s, x->type, false);
        push(s, x->values, false);
        break;
    }
    case SYN_TYPE_DECL: {
        SynTypeDecl *x = (SynTypeDecl *)n;
        push(s, (SynNode *)x->name, false);
        push_fields(s, &x->tparams);
        push(s, x->type, false);
        break;
    }
    case SYN_FUNC_DECL: {
        SynFuncDecl *x = (SynFuncDecl *)n;
        push(s, (SynNode *)x->recv, false);
        push(s, (SynNode *)x->name, false);
        push_fields(s, &x->tparams);
        push(s, (SynNode *)x->type, false);
        push(s, (SynNode *)x->body, false);
        break;
    }
    case SYN_BAD_EXPR:
    case SYN_NAME:
    case SYN_BASIC_LIT:
    case SYN_EMPTY_STMT:
        break;
    case SYN_COMPOSITE_LIT: {
        SynCompositeLit *x = (SynCompositeLit *)n;
        push(s, x->type, false);
        push_list(s, &x->elems);
        break;
    }
    case SYN_KEY_VALUE_EXPR: {
        SynKeyValueExpr *x = (SynKeyValueExpr *)n;
        push(s, x->key, false);
        push(s, x->value, false);
        break;
    }
    case SYN_FUNC_LIT: {
        SynFuncLit *x = (SynFuncLit *)n;
        push(s, (SynNode *)x->type, false);
        push(s, (SynNode *)x->body, false);
        break;
    }
    case SYN_PAREN_EXPR:
        push(s, ((SynParenExpr *)n)->x, false);
        break;
    case SYN_SELECTOR_EXPR: {
        SynSelectorExpr *x = (SynSelectorExpr *)n;
        push(s, x->x, false);
        push(s, (SynNode *)x->sel, false);
        break;
    }
    case SYN_INDEX_EXPR: {
        SynIndexExpr *x = (SynIndexExpr *)n;
        push(s, x->x, false);
        push(s, x->index, false);
        break;
    }
    case SYN_SLICE_EXPR: {
        SynSliceExpr *x = (SynSliceExpr *)n;
        push(s, x->x, false);
        for (int i = 0; i < 3; i++)
            push(s, x->index[i], false);
        break;
    }
    case SYN_ASSERT_EXPR: {
        SynAssertExpr *x = (SynAssertExpr *)n;
        push(s, x->x, false);
        push(s, x->type, false);
        break;
    }
    case SYN_TYPE_SWITCH_GUARD: {
        SynTypeSwitchGuard *x = (SynTypeSwitchGuard *)n;
        push(s, (SynNode *)x->lhs, false);
        push(s, x->x, false);
        break;
    }
    case SYN_OPERATION: {
        SynOperation *x = (SynOperation *)n;
        push(s, x->x, false);
        push(s, x->y, false);
        break;
    }
    case SYN_CALL_EXPR: {
        SynCallExpr *x = (SynCallExpr *)n;
        push(s, x->fun, false);
        push_list(s, &x->args);
        break;
    }
    case SYN_LIST_EXPR:
        push_list(s, &((SynListExpr *)n)->elems);
        break;
    case SYN_ARRAY_TYPE: {
        SynArrayType *x = (SynArrayType *)n;
        push(s, x->len, false);
        push(s, x->elem, false);
        break;
    }
    case SYN_SLICE_TYPE:
        push(s, ((SynSliceType *)n)->elem, false);
        break;
    case SYN_DOTS_TYPE:
        push(s, ((SynDotsType *)n)->elem, false);
        break;
    case SYN_STRUCT_TYPE: {
        SynStructType *x = (SynStructType *)n;
        push_fields(s, &x->fields);
        push_list(s, &x->tags);
        break;
    }
    case SYN_FIELD: {
        SynField *x = (SynField *)n;
        push(s, (SynNode *)x->name, false);
        if (!shared_type)
            push(s, x->type, false);
        break;
    }
    case SYN_INTERFACE_TYPE:
        push_fields(s, &((SynInterfaceType *)n)->methods);
        break;
    case SYN_FUNC_TYPE: {
        SynFuncType *x = (SynFuncType *)n;
        push_fields(s, &x->params);
        push_fields(s, &x->results);
        break;
    }
    case SYN_MAP_TYPE: {
        SynMapType *x = (SynMapType *)n;
        push(s, x->key, false);
        push(s, x->value, false);
        break;
    }
    case SYN_CHAN_TYPE:
        push(s, ((SynChanType *)n)->elem, false);
        break;
    case SYN_LABELED_STMT: {
        SynLabeledStmt *x = (SynLabeledStmt *)n;
        push(s, (SynNode *)x->label, false);
        push(s, x->stmt, false);
        break;
    }
    case SYN_BLOCK_STMT:
        push_list(s, &((SynBlockStmt *)n)->list);
        break;
    case SYN_EXPR_STMT:
        push(s, ((SynExprStmt *)n)->x, false);
        break;
    case SYN_SEND_STMT: {
        SynSendStmt *x = (SynSendStmt *)n;
        push(s, x->chan, false);
        push(s, x->value, false);
        break;
    }
    case SYN_DECL_STMT:
        push_list(s, &((SynDeclStmt *)n)->decls);
        break;
    case SYN_ASSIGN_STMT: {
        SynAssignStmt *x = (SynAssignStmt *)n;
        push(s, x->lhs, false);
        push(s, x->rhs, false);
        break;
    }
    case SYN_BRANCH_STMT:
        /* target is a link to another statement, not a child */
        push(s, (SynNode *)((SynBranchStmt *)n)->label, false);
        break;
    case SYN_CALL_STMT:
        push(s, ((SynCallStmt *)n)->call, false);
        break;
    case SYN_RETURN_STMT:
        push(s, ((SynReturnStmt *)n)->results, false);
        break;
    case SYN_IF_STMT: {
        SynIfStmt *x = (SynIfStmt *)n;
        push(s, x->init, false);
        push(s, x->cond, false);
        push(s, (SynNode *)x->then, false);
        push(s, x->els, false);
        break;
    }
    case SYN_FOR_STMT: {
        SynForStmt *x = (SynForStmt *)n;
        push(s, x->init, false);
        push(s, x->cond, false);
        push(s, x->post, false);
        push(s, (SynNode *)x->body, false);
        break;
    }
    case SYN_SWITCH_STMT: {
        SynSwitchStmt *x = (SynSwitchStmt *)n;
        push(s, x->init, false);
        push(s, x->tag, false);
        push_list(s, &x->body);
        break;
    }
    case SYN_SELECT_STMT:
        push_list(s, &((SynSelectStmt *)n)->body);
        break;
    case SYN_RANGE_CLAUSE: {
        SynRangeClause *x = (SynRangeClause *)n;
        push(s, x->lhs, false);
        push(s, x->x, false);
        break;
    }
    case SYN_CASE_CLAUSE: {
        SynCaseClause *x = (SynCaseClause *)n;
        push(s, x->cases, false);
        push_list(s, &x->body);
        break;
    }
    case SYN_COMM_CLAUSE: {
        SynCommClause *x = (SynCommClause *)n;
        push(s, x->comm, false);
        push_list(s, &x->body);
        break;
    }
    case SYN_KIND_COUNT:
        break;
    }
}

void syn_walk(SynNode *root, SynVisit pre, SynVisit post, void *ud)
{
    Stack s = {0};
    push(&s, root, false);
    while (s.len) {
        Entry e = s.data[--s.len];
        SynNode *n = e.n;
        if (e.post) {
            post(n, ud);
            continue;
        }
        if (pre && !pre(n, ud))
            continue;
        if (post)
            push(&s, n, true);
        uint32_t first = s.len;
        children(&s, n, e.shared);
        /* reverse, so that the first child is popped first */
        for (uint32_t i = first, j = s.len; i + 1 < j; i++, j--) {
            Entry t = s.data[i];
            s.data[i] = s.data[j - 1];
            s.data[j - 1] = t;
        }
    }
    free(s.data);
}
