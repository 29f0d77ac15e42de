/*
 * Node extents and position text (gc: syntax/positions.go, Pos.String).
 */
#include "syntax_int.h"

#include <string.h>

SynNode *syn_unparen(SynNode *x)
{
    while (x && x->kind == SYN_PAREN_EXPR)
        x = ((SynParenExpr *)x)->x;
    return x;
}

SynNode **syn_unpack_list(SynNode **slot, uint32_t *n)
{
    SynNode *x = *slot;
    if (!x) {
        *n = 0;
        return NULL;
    }
    if (x->kind == SYN_LIST_EXPR) {
        SynListExpr *l = (SynListExpr *)x;
        *n = l->elems.len;
        return l->elems.items;
    }
    *n = 1;
    return slot;
}

Pos syn_start_pos(const SynNode *n)
{
    for (;;) {
        switch ((SynKind)n->kind) {
        case SYN_FILE: {
            /* the file block starts at the beginning of the file */
            const SynFile *f = (const SynFile *)n;
            return f->src ? srcfile_pos(f->src, 0) : n->pos;
        }
        case SYN_COMPOSITE_LIT: {
            const SynCompositeLit *x = (const SynCompositeLit *)n;
            if (!x->type)
                return n->pos;
            n = x->type;
            break;
        }
        case SYN_KEY_VALUE_EXPR:
            n = ((const SynKeyValueExpr *)n)->key;
            break;
        case SYN_SELECTOR_EXPR:
            n = ((const SynSelectorExpr *)n)->x;
            break;
        case SYN_INDEX_EXPR:
            n = ((const SynIndexExpr *)n)->x;
            break;
        case SYN_ASSERT_EXPR:
            n = ((const SynAssertExpr *)n)->x;
            break;
        case SYN_TYPE_SWITCH_GUARD: {
            const SynTypeSwitchGuard *x = (const SynTypeSwitchGuard *)n;
            n = x->lhs ? &x->lhs->n : x->x;
            break;
        }
        case SYN_OPERATION: {
            const SynOperation *x = (const SynOperation *)n;
            if (!x->y)
                return n->pos;
            n = x->x;
            break;
        }
        case SYN_CALL_EXPR:
            n = ((const SynCallExpr *)n)->fun;
            break;
        case SYN_LIST_EXPR: {
            const SynListExpr *x = (const SynListExpr *)n;
            if (x->elems.len == 0)
                return n->pos;
            n = x->elems.items[0];
            break;
        }
        case SYN_SEND_STMT:
            n = ((const SynSendStmt *)n)->chan;
            break;
        case SYN_ASSIGN_STMT:
            n = ((const SynAssignStmt *)n)->lhs;
            break;
        case SYN_RANGE_CLAUSE: {
            const SynRangeClause *x = (const SynRangeClause *)n;
            n = x->lhs ? x->lhs : x->x;
            break;
        }
        default:
            return n->pos;
        }
        if (!n)
            return NOPOS; /* broken tree */
    }
}

static const SynNode *last_of(const SynList *l)
{
    return l->len ? l->items[l->len - 1] : NULL;
}

/* gc computes the end of a name or literal as its position with the
 * column advanced by its length (and two more for x++).  The walk returns
 * that position and the column advance separately: for a multi-line raw
 * string gc's end is a column past the end of the literal's first line,
 * which a Pos cannot express; syn_end_pos adds the advance to the offset
 * instead, giving the literal's real end. */
Pos syn_end_pos_parts(const SynNode *n, uint32_t *advance)
{
    *advance = 0;
    for (;;) {
        if (!n)
            return NOPOS;
        switch ((SynKind)n->kind) {
        case SYN_FILE:
            return ((const SynFile *)n)->eof;
        case SYN_IMPORT_DECL:
            n = (const SynNode *)((const SynImportDecl *)n)->path;
            break;
        case SYN_CONST_DECL:
        case SYN_VAR_DECL: {
            const SynConstDecl *x = (const SynConstDecl *)n;
            const SynNode *m = x->values ? x->values : x->type ? x->type : last_of(&x->names);
            if (!m)
                return n->pos;
            n = m;
            break;
        }
        case SYN_TYPE_DECL:
            n = ((const SynTypeDecl *)n)->type;
            break;
        case SYN_FUNC_DECL: {
            const SynFuncDecl *x = (const SynFuncDecl *)n;
            n = x->body ? (const SynNode *)x->body : (const SynNode *)x->type;
            break;
        }
        case SYN_BAD_EXPR:
            return n->pos;
        case SYN_NAME: {
            const Sym *s = ((const SynName *)n)->value;
            *advance = s ? s->len : 0;
            return n->pos;
        }
        case SYN_BASIC_LIT:
            *advance = ((const SynBasicLit *)n)->len;
            return n->pos;
        case SYN_COMPOSITE_LIT:
            return ((const SynCompositeLit *)n)->rbrace;
        case SYN_KEY_VALUE_EXPR:
            n = ((const SynKeyValueExpr *)n)->value;
            break;
        case SYN_FUNC_LIT:
            n = (const SynNode *)((const SynFuncLit *)n)->body;
            break;
        case SYN_PAREN_EXPR:
            n = ((const SynParenExpr *)n)->x;
            break;
        case SYN_SELECTOR_EXPR:
            n = (const SynNode *)((const SynSelectorExpr *)n)->sel;
            break;
        case SYN_INDEX_EXPR:
            n = ((const SynIndexExpr *)n)->index;
            break;
        case SYN_SLICE_EXPR:
            /* gc's loop over the indices never takes effect (its continue
             * applies to the inner loop): the end is that of X. */
            n = ((const SynSliceExpr *)n)->x;
            break;
        case SYN_ASSERT_EXPR:
            n = ((const SynAssertExpr *)n)->type;
            break;
        case SYN_TYPE_SWITCH_GUARD:
            n = ((const SynTypeSwitchGuard *)n)->x;
            break;
        case SYN_OPERATION: {
            const SynOperation *x = (const SynOperation *)n;
            n = x->y ? x->y : x->x;
            break;
        }
        case SYN_CALL_EXPR: {
            const SynCallExpr *x = (const SynCallExpr *)n;
            const SynNode *l = last_of(&x->args);
            n = l ? l : x->fun;
            break;
        }
        case SYN_LIST_EXPR: {
            const SynNode *l = last_of(&((const SynListExpr *)n)->elems);
            if (!l)
                return n->pos;
            n = l;
            break;
        }
        case SYN_ARRAY_TYPE:
            n = ((const SynArrayType *)n)->elem;
            break;
        case SYN_SLICE_TYPE:
            n = ((const SynSliceType *)n)->elem;
            break;
        case SYN_DOTS_TYPE:
            n = ((const SynDotsType *)n)->elem;
            break;
        case SYN_STRUCT_TYPE: {
            const SynNode *l = last_of(&((const SynStructType *)n)->fields);
            if (!l)
                return n->pos;
            n = l;
            break;
        }
        case SYN_FIELD: {
            const SynField *x = (const SynField *)n;
            n = x->type ? x->type : (const SynNode *)x->name;
            break;
        }
        case SYN_INTERFACE_TYPE: {
            const SynNode *l = last_of(&((const SynInterfaceType *)n)->methods);
            if (!l)
                return n->pos;
            n = l;
            break;
        }
        case SYN_FUNC_TYPE: {
            const SynFuncType *x = (const SynFuncType *)n;
            const SynNode *l = last_of(&x->results);
            if (!l)
                l = last_of(&x->params);
            if (!l)
                return n->pos;
            n = l;
            break;
        }
        case SYN_MAP_TYPE:
            n = ((const SynMapType *)n)->value;
            break;
        case SYN_CHAN_TYPE:
            n = ((const SynChanType *)n)->elem;
            break;
        case SYN_EMPTY_STMT:
            return n->pos;
        case SYN_LABELED_STMT:
            n = ((const SynLabeledStmt *)n)->stmt;
            break;
        case SYN_BLOCK_STMT:
            return ((const SynBlockStmt *)n)->rbrace;
        case SYN_EXPR_STMT:
            n = ((const SynExprStmt *)n)->x;
            break;
        case SYN_SEND_STMT:
            n = ((const SynSendStmt *)n)->value;
            break;
        case SYN_DECL_STMT: {
            const SynNode *l = last_of(&((const SynDeclStmt *)n)->decls);
            if (!l)
                return n->pos;
            n = l;
            break;
        }
        case SYN_ASSIGN_STMT: {
            const SynAssignStmt *x = (const SynAssignStmt *)n;
            if (!x->rhs) { /* x++ or x-- */
                Pos p = syn_end_pos_parts(x->lhs, advance);
                *advance += 2;
                return p;
            }
            n = x->rhs;
            break;
        }
        case SYN_BRANCH_STMT: {
            const SynBranchStmt *x = (const SynBranchStmt *)n;
            if (!x->label)
                return n->pos;
            n = &x->label->n;
            break;
        }
        case SYN_CALL_STMT:
            n = ((const SynCallStmt *)n)->call;
            break;
        case SYN_RETURN_STMT: {
            const SynReturnStmt *x = (const SynReturnStmt *)n;
            if (!x->results)
                return n->pos;
            n = x->results;
            break;
        }
        case SYN_IF_STMT: {
            const SynIfStmt *x = (const SynIfStmt *)n;
            n = x->els ? x->els : (const SynNode *)x->then;
            break;
        }
        case SYN_FOR_STMT:
            n = (const SynNode *)((const SynForStmt *)n)->body;
            break;
        case SYN_SWITCH_STMT:
            return ((const SynSwitchStmt *)n)->rbrace;
        case SYN_SELECT_STMT:
            return ((const SynSelectStmt *)n)->rbrace;
        case SYN_RANGE_CLAUSE:
            n = ((const SynRangeClause *)n)->x;
            break;
        case SYN_CASE_CLAUSE: {
            const SynCaseClause *x = (const SynCaseClause *)n;
            const SynNode *l = last_of(&x->body);
            if (!l)
                return x->colon;
            n = l;
            break;
        }
        case SYN_COMM_CLAUSE: {
            const SynCommClause *x = (const SynCommClause *)n;
            const SynNode *l = last_of(&x->body);
            if (!l)
                return x->colon;
            n = l;
            break;
        }
        default:
            return n->pos;
        }
    }
}

Pos syn_end_pos(const SynNode *n)
{
    uint32_t advance;
    Pos p = syn_end_pos_parts(n, &advance);
    return p == NOPOS ? NOPOS : p + advance;
}

/* gc's syntax.Pos.String: the relative position ("file:line:col", or
 * "file:line" when the column is unknown), followed by the absolute one
 * in brackets when a line directive makes them differ. */
void syn_pos_string(Buf *b, const PosTab *pt, Pos p)
{
    Position r = postab_resolve(pt, p);
    if (!r.file) {
        buf_puts(b, "<unknown position>");
        return;
    }
    const char *rel = r.filename ? r.filename : "";
    buf_printf(b, "%s:%u", rel, r.line);
    if (r.col)
        buf_printf(b, ":%u", r.col);
    if (strcmp(rel, r.file->name) != 0 || r.line != r.rawline || r.col != r.rawcol)
        buf_printf(b, "[%s:%u:%u]", r.file->name, r.rawline, r.rawcol);
}
