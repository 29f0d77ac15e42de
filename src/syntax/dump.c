/*
 * Tree dumps: syn_dump (one line per node) and syn_dump_strings (the
 * printer's text of every expression and statement).  Both formats are
 * specified in docs/syntax.md; tests/tools/syntaxdump produces the same
 * output from gc's own syntax package.
 *
 * The walk is iterative (an explicit stack), so left-deep trees such as
 * long chains of binary operations cannot exhaust the C stack.
 */
#include "syntax_int.h"

#include <stdlib.h>
#include <string.h>

/* One pending line of the dump. */
typedef struct Item {
    const SynNode *n;   /* NULL: the "Type: <shared>" line */
    const char *label;  /* NULL: none */
    int32_t index;      /* >= 0: printed as label[index] */
    uint32_t depth;
    bool shared;        /* Field whose type is the previous field's */
} Item;

typedef struct ItemVec {
    Item *data;
    uint32_t len, cap;
} ItemVec;

typedef struct Walker {
    ItemVec stack;      /* items still to visit, last on top */
    ItemVec kids;       /* scratch: one node's children in field order */
    bool mark_shared;   /* dump: shared field types become one line */
} Walker;

static void items_push(ItemVec *v, Item it)
{
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 64;
        v->data = xrealloc(v->data, sizeof(Item) * v->cap);
    }
    v->data[v->len++] = it;
}

/* ---- children, in gc's field order ------------------------------------- */

static void kid(Walker *w, const char *label, int32_t index, const void *n, uint32_t depth)
{
    if (n)
        items_push(&w->kids, (Item){n, label, index, depth, false});
}

static void kid_list(Walker *w, const char *label, const SynList *l, uint32_t depth)
{
    for (uint32_t i = 0; i < l->len; i++)
        kid(w, label, (int32_t)i, l->items[i], depth);
}

/* Names declared together share one type node; the dump prints it once. */
static void kid_fields(Walker *w, const char *label, const SynList *l, uint32_t depth)
{
    const SynNode *prev = NULL;
    for (uint32_t i = 0; i < l->len; i++) {
        const SynField *f = (const SynField *)l->items[i];
        if (!f)
            continue;
        bool shared = w->mark_shared && f->type && f->type == prev;
        items_push(&w->kids, (Item){&f->n, label, (int32_t)i, depth, shared});
        prev = f->type;
    }
}

static void children(Walker *w, const Item *it)
{
    const SynNode *n = it->n;
    uint32_t d = it->depth + 1;
    w->kids.len = 0;
    switch ((SynKind)n->kind) {
    case SYN_FILE: {
        const SynFile *x = (const SynFile *)n;
        kid(w, "PkgName", -1, x->pkgname, d);
        kid_list(w, "DeclList", &x->decls, d);
        break;
    }
    case SYN_IMPORT_DECL: {
        const SynImportDecl *x = (const SynImportDecl *)n;
        kid(w, "LocalPkgName", -1, x->local, d);
        kid(w, "Path", -1, x->path, d);
        break;
    }
    case SYN_CONST_DECL:
    case SYN_VAR_DECL: {
        const SynConstDecl *x = (const SynConstDecl *)n;
        kid_list(w, "NameList", &x->names, d);
        kid(w, "Type", -1, x->type, d);
        kid(w, "Values", -1, x->values, d);
        break;
    }
    case SYN_TYPE_DECL: {
        const SynTypeDecl *x = (const SynTypeDecl *)n;
        kid(w, "Name", -1, x->name, d);
        kid_fields(w, "TParamList", &x->tparams, d);
        kid(w, "Type", -1, x->type, d);
        break;
    }
    case SYN_FUNC_DECL: {
        const SynFuncDecl *x = (const SynFuncDecl *)n;
        kid(w, "Recv", -1, x->recv, d);
        kid(w, "Name", -1, x->name, d);
        kid_fields(w, "TParamList", &x->tparams, d);
        kid(w, "Type", -1, x->type, d);
        kid(w, "Body", -1, x->body, d);
        break;
    }
    case SYN_BAD_EXPR:
    case SYN_NAME:
    case SYN_BASIC_LIT:
    case SYN_EMPTY_STMT:
        break;
    case SYN_COMPOSITE_LIT: {
        const SynCompositeLit *x = (const SynCompositeLit *)n;
        kid(w, "Type", -1, x->type, d);
        kid_list(w, "ElemList", &x->elems, d);
        break;
    }
    case SYN_KEY_VALUE_EXPR: {
        const SynKeyValueExpr *x = (const SynKeyValueExpr *)n;
        kid(w, "Key", -1, x->key, d);
        kid(w, "Value", -1, x->value, d);
        break;
    }
    case SYN_FUNC_LIT: {
        const SynFuncLit *x = (const SynFuncLit *)n;
        kid(w, "Type", -1, x->type, d);
        kid(w, "Body", -1, x->body, d);
        break;
    }
    case SYN_PAREN_EXPR:
        kid(w, "X", -1, ((const SynParenExpr *)n)->x, d);
        break;
    case SYN_SELECTOR_EXPR: {
        const SynSelectorExpr *x = (const SynSelectorExpr *)n;
        kid(w, "X", -1, x->x, d);
        kid(w, "Sel", -1, x->sel, d);
        break;
    }
    case SYN_INDEX_EXPR: {
        const SynIndexExpr *x = (const SynIndexExpr *)n;
        kid(w, "X", -1, x->x, d);
        kid(w, "Index", -1, x->index, d);
        break;
    }
    case SYN_SLICE_EXPR: {
        const SynSliceExpr *x = (const SynSliceExpr *)n;
        kid(w, "X", -1, x->x, d);
        for (int32_t i = 0; i < 3; i++)
            kid(w, "Index", i, x->index[i], d);
        break;
    }
    case SYN_ASSERT_EXPR: {
        const SynAssertExpr *x = (const SynAssertExpr *)n;
        kid(w, "X", -1, x->x, d);
        kid(w, "Type", -1, x->type, d);
        break;
    }
    case SYN_TYPE_SWITCH_GUARD: {
        const SynTypeSwitchGuard *x = (const SynTypeSwitchGuard *)n;
        kid(w, "Lhs", -1, x->lhs, d);
        kid(w, "X", -1, x->x, d);
        break;
    }
    case SYN_OPERATION: {
        const SynOperation *x = (const SynOperation *)n;
        kid(w, "X", -1, x->x, d);
        kid(w, "Y", -1, x->y, d);
        break;
    }
    case SYN_CALL_EXPR: {
        const SynCallExpr *x = (const SynCallExpr *)n;
        kid(w, "Fun", -1, x->fun, d);
        kid_list(w, "ArgList", &x->args, d);
        break;
    }
    case SYN_LIST_EXPR:
        kid_list(w, "ElemList", &((const SynListExpr *)n)->elems, d);
        break;
    case SYN_ARRAY_TYPE: {
        const SynArrayType *x = (const SynArrayType *)n;
        kid(w, "Len", -1, x->len, d);
        kid(w, "Elem", -1, x->elem, d);
        break;
    }
    case SYN_SLICE_TYPE:
        kid(w, "Elem", -1, ((const SynSliceType *)n)->elem, d);
        break;
    case SYN_DOTS_TYPE:
        kid(w, "Elem", -1, ((const SynDotsType *)n)->elem, d);
        break;
    case SYN_STRUCT_TYPE: {
        const SynStructType *x = (const SynStructType *)n;
        kid_fields(w, "FieldList", &x->fields, d);
        kid_list(w, "TagList", &x->tags, d);
        break;
    }
    case SYN_FIELD: {
        const SynField *x = (const SynField *)n;
        kid(w, "Name", -1, x->name, d);
        if (it->shared)
            items_push(&w->kids, (Item){NULL, "Type", -1, d, false});
        else
            kid(w, "Type", -1, x->type, d);
        break;
    }
    case SYN_INTERFACE_TYPE:
        kid_fields(w, "MethodList", &((const SynInterfaceType *)n)->methods, d);
        break;
    case SYN_FUNC_TYPE: {
        const SynFuncType *x = (const SynFuncType *)n;
        kid_fields(w, "ParamList", &x->params, d);
        kid_fields(w, "ResultList", &x->results, d);
        break;
    }
    case SYN_MAP_TYPE: {
        const SynMapType *x = (const SynMapType *)n;
        kid(w, "Key", -1, x->key, d);
        kid(w, "Value", -1, x->value, d);
        break;
    }
    case SYN_CHAN_TYPE:
        kid(w, "Elem", -1, ((const SynChanType *)n)->elem, d);
        break;
    case SYN_LABELED_STMT: {
        const SynLabeledStmt *x = (const SynLabeledStmt *)n;
        kid(w, "Label", -1, x->label, d);
        kid(w, "Stmt", -1, x->stmt, d);
        break;
    }
    case SYN_BLOCK_STMT:
        kid_list(w, "List", &((const SynBlockStmt *)n)->list, d);
        break;
    case SYN_EXPR_STMT:
        kid(w, "X", -1, ((const SynExprStmt *)n)->x, d);
        break;
    case SYN_SEND_STMT: {
        const SynSendStmt *x = (const SynSendStmt *)n;
        kid(w, "Chan", -1, x->chan, d);
        kid(w, "Value", -1, x->value, d);
        break;
    }
    case SYN_DECL_STMT:
        kid_list(w, "DeclList", &((const SynDeclStmt *)n)->decls, d);
        break;
    case SYN_ASSIGN_STMT: {
        const SynAssignStmt *x = (const SynAssignStmt *)n;
        kid(w, "Lhs", -1, x->lhs, d);
        kid(w, "Rhs", -1, x->rhs, d);
        break;
    }
    case SYN_BRANCH_STMT:
        kid(w, "Label", -1, ((const SynBranchStmt *)n)->label, d);
        break;
    case SYN_CALL_STMT:
        kid(w, "Call", -1, ((const SynCallStmt *)n)->call, d);
        break;
    case SYN_RETURN_STMT:
        kid(w, "Results", -1, ((const SynReturnStmt *)n)->results, d);
        break;
    case SYN_IF_STMT: {
        const SynIfStmt *x = (const SynIfStmt *)n;
        kid(w, "Init", -1, x->init, d);
        kid(w, "Cond", -1, x->cond, d);
        kid(w, "Then", -1, x->then, d);
        kid(w, "Else", -1, x->els, d);
        break;
    }
    case SYN_FOR_STMT: {
        const SynForStmt *x = (const SynForStmt *)n;
        kid(w, "Init", -1, x->init, d);
        kid(w, "Cond", -1, x->cond, d);
        kid(w, "Post", -1, x->post, d);
        kid(w, "Body", -1, x->body, d);
        break;
    }
    case SYN_SWITCH_STMT: {
        const SynSwitchStmt *x = (const SynSwitchStmt *)n;
        kid(w, "Init", -1, x->init, d);
        kid(w, "Tag", -1, x->tag, d);
        kid_list(w, "Body", &x->body, d);
        break;
    }
    case SYN_SELECT_STMT:
        kid_list(w, "Body", &((const SynSelectStmt *)n)->body, d);
        break;
    case SYN_RANGE_CLAUSE: {
        const SynRangeClause *x = (const SynRangeClause *)n;
        kid(w, "Lhs", -1, x->lhs, d);
        kid(w, "X", -1, x->x, d);
        break;
    }
    case SYN_CASE_CLAUSE: {
        const SynCaseClause *x = (const SynCaseClause *)n;
        kid(w, "Cases", -1, x->cases, d);
        kid_list(w, "Body", &x->body, d);
        break;
    }
    case SYN_COMM_CLAUSE: {
        const SynCommClause *x = (const SynCommClause *)n;
        kid(w, "Comm", -1, x->comm, d);
        kid_list(w, "Body", &x->body, d);
        break;
    }
    case SYN_KIND_COUNT:
        break;
    }
    /* the stack pops the last item first: push in reverse */
    for (uint32_t i = w->kids.len; i > 0; i--)
        items_push(&w->stack, w->kids.data[i - 1]);
}

/* Pops the next item in pre-order; false when done. */
static bool walk_next(Walker *w, Item *out)
{
    if (w->stack.len == 0)
        return false;
    *out = w->stack.data[--w->stack.len];
    if (out->n)
        children(w, out);
    return true;
}

static void walk_free(Walker *w)
{
    free(w->stack.data);
    free(w->kids.data);
}

/* ---- line contents ----------------------------------------------------------- */

/* "L:C", plus "=FILE:RL[:RC]" when a line directive applies; the
 * columns advanced by `advance` (see syn_end_pos_parts). */
static void put_pos_adv(Buf *b, const PosTab *pt, Pos p, uint32_t advance)
{
    Position r = postab_resolve(pt, p);
    if (p == NOPOS || !r.file) {
        buf_putc(b, '-');
        return;
    }
    buf_printf(b, "%u:%u", r.rawline, r.rawcol + advance);
    if (r.dir) {
        buf_printf(b, "=%s:%u", r.filename, r.line);
        if (r.col)
            buf_printf(b, ":%u", r.col + advance);
    }
}

static void put_pos(Buf *b, const PosTab *pt, Pos p) { put_pos_adv(b, pt, p, 0); }

static void put_group(Buf *b, PtrMap *groups, uint32_t group)
{
    if (group == 0)
        return;
    void **slot = ptrmap_slot(groups, group);
    if (!*slot)
        *slot = (void *)(uintptr_t)groups->len; /* groups are numbered from 1 */
    buf_printf(b, " group=%u", (unsigned)(uintptr_t)*slot);
}

static const char *const lit_kinds[] = {"Int", "Float", "Imag", "Rune", "String"};

static const char *branch_tok(unsigned t)
{
    switch (t) {
    case SYN_BREAK: return "break";
    case SYN_CONTINUE: return "continue";
    case SYN_FALLTHROUGH: return "fallthrough";
    case SYN_GOTO: return "goto";
    case SYN_GO: return "go";
    case SYN_DEFER: return "defer";
    }
    return "?";
}

/* The assignment token as written: "=", ":=", "+=", ..., "++", "--". */
static void put_assign_op(Buf *b, const SynAssignStmt *s)
{
    SynOp op = (SynOp)s->n.op;
    if (op == SYN_OP_NONE) {
        buf_putc(b, '=');
    } else if (op == SYN_DEF) {
        buf_puts(b, ":=");
    } else {
        buf_puts(b, syn_op_string(op));
        buf_puts(b, s->rhs ? "=" : syn_op_string(op));
    }
}

static void put_attrs(Buf *b, const PosTab *pt, PtrMap *groups, const SynNode *n)
{
    switch ((SynKind)n->kind) {
    case SYN_FILE: {
        const SynFile *x = (const SynFile *)n;
        buf_puts(b, " eof=");
        put_pos(b, pt, x->eof);
        if (x->goversion && *x->goversion)
            buf_printf(b, " goversion=%s", x->goversion);
        break;
    }
    case SYN_IMPORT_DECL:
        put_group(b, groups, ((const SynImportDecl *)n)->group);
        break;
    case SYN_CONST_DECL:
    case SYN_VAR_DECL:
        put_group(b, groups, ((const SynConstDecl *)n)->group);
        break;
    case SYN_TYPE_DECL:
        put_group(b, groups, ((const SynTypeDecl *)n)->group);
        if (n->flags & SYN_F_ALIAS)
            buf_puts(b, " alias");
        break;
    case SYN_NAME: {
        const Sym *s = ((const SynName *)n)->value;
        buf_putc(b, ' ');
        if (s)
            buf_put(b, s->name, s->len);
        break;
    }
    case SYN_BASIC_LIT: {
        const SynBasicLit *x = (const SynBasicLit *)n;
        buf_printf(b, " %s ", n->op <= SYN_STRING_LIT ? lit_kinds[n->op] : "?");
        buf_quote_bytes(b, x->value, x->len);
        if (n->flags & SYN_F_BAD)
            buf_puts(b, " bad");
        break;
    }
    case SYN_COMPOSITE_LIT: {
        const SynCompositeLit *x = (const SynCompositeLit *)n;
        buf_printf(b, " nkeys=%u rbrace=", x->nkeys);
        put_pos(b, pt, x->rbrace);
        break;
    }
    case SYN_SLICE_EXPR:
        if (n->flags & SYN_F_FULL)
            buf_puts(b, " full");
        break;
    case SYN_OPERATION:
        buf_printf(b, " op=%s", syn_op_string((SynOp)n->op));
        break;
    case SYN_CALL_EXPR:
        if (n->flags & SYN_F_HASDOTS)
            buf_puts(b, " dots");
        break;
    case SYN_ARRAY_TYPE:
        if (!((const SynArrayType *)n)->len)
            buf_puts(b, " len=...");
        break;
    case SYN_CHAN_TYPE:
        if (n->op == SYN_CHAN_SEND)
            buf_puts(b, " dir=send");
        else if (n->op == SYN_CHAN_RECV)
            buf_puts(b, " dir=recv");
        break;
    case SYN_BLOCK_STMT:
        buf_puts(b, " rbrace=");
        put_pos(b, pt, ((const SynBlockStmt *)n)->rbrace);
        break;
    case SYN_SWITCH_STMT:
        buf_puts(b, " rbrace=");
        put_pos(b, pt, ((const SynSwitchStmt *)n)->rbrace);
        break;
    case SYN_SELECT_STMT:
        buf_puts(b, " rbrace=");
        put_pos(b, pt, ((const SynSelectStmt *)n)->rbrace);
        break;
    case SYN_ASSIGN_STMT:
        buf_puts(b, " op=");
        put_assign_op(b, (const SynAssignStmt *)n);
        break;
    case SYN_BRANCH_STMT: {
        const SynBranchStmt *x = (const SynBranchStmt *)n;
        buf_printf(b, " tok=%s", branch_tok(n->op));
        if (x->target) {
            buf_printf(b, " target=%s@", syn_kind_name((SynKind)x->target->kind));
            put_pos(b, pt, x->target->pos);
        }
        break;
    }
    case SYN_CALL_STMT:
        buf_printf(b, " tok=%s", branch_tok(n->op));
        break;
    case SYN_RANGE_CLAUSE:
        if (n->flags & SYN_F_DEF)
            buf_puts(b, " def");
        break;
    case SYN_CASE_CLAUSE:
        buf_puts(b, " colon=");
        put_pos(b, pt, ((const SynCaseClause *)n)->colon);
        break;
    case SYN_COMM_CLAUSE:
        buf_puts(b, " colon=");
        put_pos(b, pt, ((const SynCommClause *)n)->colon);
        break;
    default:
        break;
    }
}

/* Two spaces per level; beyond MAX_INDENT levels (long chains of binary
 * operations nest that deep) the line says its depth instead, so that the
 * dump stays linear in the size of the tree. */
enum { MAX_INDENT = 100 };

static void put_indent(Buf *b, uint32_t depth)
{
    uint32_t n = depth <= MAX_INDENT ? depth : MAX_INDENT;
    for (uint32_t i = 0; i < n; i++)
        buf_puts(b, "  ");
    if (depth > MAX_INDENT)
        buf_printf(b, "[%u] ", depth);
}

static void put_header(Buf *b, const SynFile *f)
{
    buf_printf(b, "# %s\n", f->src && f->src->name ? f->src->name : "-");
}

void syn_dump(Buf *b, const PosTab *pt, const SynFile *f)
{
    put_header(b, f);
    Walker w = {.mark_shared = true};
    PtrMap groups = {0};
    items_push(&w.stack, (Item){&f->n, NULL, -1, 0, false});
    Item it;
    while (walk_next(&w, &it)) {
        put_indent(b, it.depth);
        if (it.label) {
            buf_puts(b, it.label);
            if (it.index >= 0)
                buf_printf(b, "[%d]", (int)it.index);
            buf_puts(b, ": ");
        }
        if (!it.n) {
            buf_puts(b, "<shared>\n");
            continue;
        }
        buf_puts(b, syn_kind_name((SynKind)it.n->kind));
        buf_putc(b, ' ');
        put_pos(b, pt, it.n->pos);
        put_attrs(b, pt, &groups, it.n);
        buf_putc(b, '\n');
    }
    ptrmap_free(&groups);
    walk_free(&w);
}

/* ---- strings ------------------------------------------------------------------ */

/* Expressions and statements, except names and literals (their text is
 * their value) and labeled statements (gc's printer cannot print one on
 * its own). */
static bool string_worthy(SynKind k)
{
    if (k == SYN_NAME || k == SYN_BASIC_LIT || k == SYN_LABELED_STMT || k == SYN_FIELD)
        return false;
    return k >= SYN_BAD_EXPR && k <= SYN_RANGE_CLAUSE;
}

/* Control bytes and DEL as \xHH, '\' as "\\": one entry per line. */
static void put_escaped(Buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\') {
            buf_puts(b, "\\\\");
        } else if (c < 0x20 || c == 0x7f) {
            char e[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
            buf_put(b, e, 4);
        } else {
            buf_putc(b, (char)c);
        }
    }
}

void syn_dump_strings(Buf *b, const PosTab *pt, const SynFile *f)
{
    put_header(b, f);
    Walker w = {.mark_shared = false};
    Buf s = {0};
    items_push(&w.stack, (Item){&f->n, NULL, -1, 0, false});
    Item it;
    while (walk_next(&w, &it)) {
        if (!string_worthy((SynKind)it.n->kind))
            continue;
        put_pos(b, pt, it.n->pos);
        buf_printf(b, " %s ", syn_kind_name((SynKind)it.n->kind));
        put_pos(b, pt, syn_start_pos(it.n));
        buf_putc(b, ' ');
        uint32_t advance;
        Pos end = syn_end_pos_parts(it.n, &advance);
        put_pos_adv(b, pt, end, advance);
        buf_puts(b, ": ");
        buf_reset(&s);
        if (syn_string_checked(&s, it.n))
            put_escaped(b, s.data ? s.data : "", s.len);
        else
            buf_puts(b, "<panic>");
        buf_putc(b, '\n');
    }
    buf_free(&s);
    walk_free(&w);
}
