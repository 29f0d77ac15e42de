/*
 * syn_string: a node as gc's syntax.String prints it (printer.go, ShortForm).
 *
 * gc's printer emits tokens and queues whitespace ("pending": semicolons
 * and blanks) until the next token, at which point it decides which
 * semicolons to drop: the last queued one before a ')' or '}', and before
 * the end of output the last one following a token that implies a
 * semicolon.  The exact spacing of the output depends on this, so it is
 * reproduced here.  In ShortForm newlines become blanks and indentation
 * is never written (it only follows a newline); the level is tracked only
 * because gc panics when it goes negative.
 *
 * Where gc's printer panics (a LabeledStmt on its own makes its indentation
 * negative; an empty declaration group "var ()" indexes an empty list; a
 * Field or a case clause is not a printable node), syn_string prints what
 * it can and syn_string_checked reports the failure.
 */
#include "syntax_int.h"

#include <stdlib.h>
#include <string.h>

typedef enum { WS_SEMI, WS_BLANK, WS_DROPPED } WsKind;

typedef struct Ws {
    uint8_t kind; /* WsKind */
    uint8_t last; /* Tok printed before it (for WS_SEMI) */
} Ws;

typedef struct Printer {
    Buf *out;
    Ws *pending;
    uint32_t npending, cappending;
    Tok last; /* last token printed (T_SEMI after a queued semicolon) */
    int indent;     /* gc's indentation level; never written in ShortForm */
    bool panicked;  /* gc's printer would have panicked */
} Printer;

static void print_node(Printer *p, const SynNode *n);

/* ---- tokens and whitespace ------------------------------------------------ */

static bool implies_semi(Tok t)
{
    switch (t) {
    case T_NAME:
    case T_BREAK:
    case T_CONTINUE:
    case T_FALLTHROUGH:
    case T_RETURN:
    case T_RPAREN:
    case T_RBRACK:
    case T_RBRACE:
        return true;
    default:
        return false;
    }
}

static void add_ws(Printer *p, WsKind k)
{
    if (p->npending == p->cappending) {
        p->cappending = p->cappending ? p->cappending * 2 : 16;
        p->pending = xrealloc(p->pending, sizeof(Ws) * p->cappending);
    }
    p->pending[p->npending++] = (Ws){(uint8_t)k, (uint8_t)p->last};
    if (k == WS_SEMI)
        p->last = T_SEMI;
}

static void blank(Printer *p) { add_ws(p, WS_BLANK); }
static void semi(Printer *p) { add_ws(p, WS_SEMI); }

/* gc queues indentation changes with the whitespace; they take effect in
 * the same order, so tracking the level here is equivalent. */
static void indent(Printer *p) { p->indent++; }
static void outdent(Printer *p)
{
    if (--p->indent < 0)
        p->panicked = true; /* "negative indentation" */
}

/* Writes the pending whitespace before token `next` (T_EOF at the end). */
static void flush(Printer *p, Tok next)
{
    bool saw_newline = next == T_EOF;
    bool saw_paren = next == T_RPAREN || next == T_RBRACE;
    for (uint32_t i = p->npending; i > 0; i--) {
        Ws *w = &p->pending[i - 1];
        if (w->kind != WS_SEMI)
            continue;
        if (saw_paren) {
            saw_paren = false;
            w->kind = WS_DROPPED;
        } else if (saw_newline && implies_semi((Tok)w->last)) {
            saw_newline = false;
            w->kind = WS_DROPPED;
        }
    }
    bool prev_blank = false; /* at most one blank in a row */
    for (uint32_t i = 0; i < p->npending; i++) {
        if (p->pending[i].kind == WS_SEMI) {
            buf_putc(p->out, ';');
            prev_blank = false;
        } else if (p->pending[i].kind == WS_BLANK && !prev_blank) {
            buf_putc(p->out, ' ');
            prev_blank = true;
        }
    }
    p->npending = 0;
}

static void tok_text(Printer *p, Tok t, const char *s, size_t n)
{
    if (n == 0)
        p->panicked = true; /* gc: "expected non-empty []byte" */
    flush(p, t);
    buf_put(p->out, s, n);
    p->last = t;
}

static void tok(Printer *p, Tok t, const char *s) { tok_text(p, t, s, strlen(s)); }

static void name(Printer *p, const char *s) { tok(p, T_NAME, s); }

/* Operators do not change the last token. */
static void op(Printer *p, SynOp o)
{
    if (o == SYN_OP_NONE)
        return;
    flush(p, T_OPERATOR);
    buf_puts(p->out, o == SYN_DEF ? ":" : syn_op_string(o));
}

/* ---- lists ---------------------------------------------------------------------- */

static void comma(Printer *p)
{
    tok(p, T_COMMA, ",");
    blank(p);
}

static void expr_list(Printer *p, const SynList *l)
{
    for (uint32_t i = 0; i < l->len; i++) {
        if (i > 0)
            comma(p);
        print_node(p, l->items[i]);
    }
}

static const SynField *field_at(const SynList *l, uint32_t i)
{
    return (const SynField *)l->items[i];
}

/* Fields [i, j) declared together (one type, one tag). */
static void print_fields(Printer *p, const SynList *fields, const SynList *tags, uint32_t i,
                         uint32_t j)
{
    const SynField *first = field_at(fields, i);
    if (i + 1 == j && !first->name) {
        print_node(p, first->type); /* embedded field */
    } else {
        for (uint32_t k = i; k < j; k++) {
            if (k > i)
                comma(p);
            print_node(p, (const SynNode *)field_at(fields, k)->name);
        }
        blank(p);
        print_node(p, first->type);
    }
    if (tags && i < tags->len && tags->items[i]) {
        blank(p);
        print_node(p, tags->items[i]);
    }
}

static void print_field_list(Printer *p, const SynList *fields, const SynList *tags)
{
    uint32_t i0 = 0;
    const SynNode *typ = NULL;
    for (uint32_t i = 0; i < fields->len; i++) {
        const SynField *f = field_at(fields, i);
        if (!f->name || f->type != typ) {
            if (i0 < i) {
                print_fields(p, fields, tags, i0, i);
                semi(p);
                blank(p);
                i0 = i;
            }
            typ = f->type;
        }
    }
    print_fields(p, fields, tags, i0, fields->len);
}

static void print_signature(Printer *p, const SynFuncType *sig);

static void print_method_list(Printer *p, const SynList *methods)
{
    for (uint32_t i = 0; i < methods->len; i++) {
        const SynField *m = field_at(methods, i);
        if (i > 0) {
            semi(p);
            blank(p);
        }
        if (m->name && m->type && m->type->kind == SYN_FUNC_TYPE) {
            print_node(p, (const SynNode *)m->name);
            print_signature(p, (const SynFuncType *)m->type);
        } else if (m->name) {
            p->panicked = true; /* gc asserts a method's type is a FuncType */
            print_node(p, (const SynNode *)m->name);
        } else {
            print_node(p, m->type);
        }
    }
}

static bool is_type_elem(const SynNode *x)
{
    for (;;) {
        if (!x)
            return false;
        switch ((SynKind)x->kind) {
        case SYN_ARRAY_TYPE:
        case SYN_STRUCT_TYPE:
        case SYN_FUNC_TYPE:
        case SYN_INTERFACE_TYPE:
        case SYN_SLICE_TYPE:
        case SYN_MAP_TYPE:
        case SYN_CHAN_TYPE:
            return true;
        case SYN_OPERATION: {
            const SynOperation *o = (const SynOperation *)x;
            if (o->n.op == SYN_TILDE || is_type_elem(o->x))
                return true;
            x = o->y;
            break;
        }
        case SYN_PAREN_EXPR:
            x = ((const SynParenExpr *)x)->x;
            break;
        default:
            return false;
        }
    }
}

/* Whether "name x" would read as the expression name*x (so a one-element
 * type parameter list [P *T] needs a trailing comma). */
static bool combines_with_name(const SynNode *x)
{
    while (x) {
        if (x->kind == SYN_PAREN_EXPR)
            return !is_type_elem(((const SynParenExpr *)x)->x);
        if (x->kind != SYN_OPERATION)
            return false;
        const SynOperation *o = (const SynOperation *)x;
        if (!o->y)
            return o->n.op == SYN_MUL && !is_type_elem(o->x);
        if (is_type_elem(o->y))
            return false;
        x = o->x;
    }
    return false;
}

/* open '(' for parameters, '[' for type parameters of a type (is_type)
 * or function. */
static void print_param_list(Printer *p, const SynList *list, bool tparams, bool is_type)
{
    if (tparams)
        tok(p, T_LBRACK, "[");
    else
        tok(p, T_LPAREN, "(");
    for (uint32_t i = 0; i < list->len; i++) {
        const SynField *f = field_at(list, i);
        if (i > 0)
            comma(p);
        if (f->name) {
            print_node(p, (const SynNode *)f->name);
            if (i + 1 < list->len) {
                const SynField *f1 = field_at(list, i + 1);
                if (f1->name && f1->type == f->type)
                    continue; /* type printed with the last name */
            }
            blank(p);
        }
        print_node(p, f->type);
    }
    if (is_type && list->len == 1 && combines_with_name(field_at(list, 0)->type))
        tok(p, T_COMMA, ",");
    if (tparams)
        tok(p, T_RBRACK, "]");
    else
        tok(p, T_RPAREN, ")");
}

static void print_signature(Printer *p, const SynFuncType *sig)
{
    if (!sig)
        return;
    print_param_list(p, &sig->params, false, false);
    const SynList *res = &sig->results;
    if (res->len > 0) {
        blank(p);
        if (res->len == 1 && !field_at(res, 0)->name)
            print_node(p, field_at(res, 0)->type);
        else
            print_param_list(p, res, false, false);
    }
}

static void print_stmt_list(Printer *p, const SynList *list, bool braces)
{
    for (uint32_t i = 0; i < list->len; i++) {
        const SynNode *x = list->items[i];
        print_node(p, x);
        semi(p);
        if (i + 1 < list->len) {
            blank(p);
        } else if (braces && x && x->kind == SYN_EMPTY_STMT) {
            /* one semicolon before '}' is dropped: keep the empty statement */
            semi(p);
        }
    }
}

/* Case and comm clauses: `cases` is NULL for default. */
static void print_clause(Printer *p, const SynNode *cases, const SynList *body, bool braces)
{
    if (cases) {
        tok(p, T_CASE, "case");
        blank(p);
        print_node(p, cases);
    } else {
        tok(p, T_DEFAULT, "default");
    }
    tok(p, T_COLON, ":");
    if (body->len > 0) {
        blank(p);
        indent(p);
        print_stmt_list(p, body, braces);
        outdent(p);
    }
}

static void print_clauses(Printer *p, const SynList *list, bool comm)
{
    tok(p, T_LBRACE, "{");
    if (list->len > 0) {
        blank(p);
        for (uint32_t i = 0; i < list->len; i++) {
            const SynNode *c = list->items[i];
            bool last = i + 1 == list->len;
            if (comm) {
                const SynCommClause *cc = (const SynCommClause *)c;
                print_clause(p, cc->comm, &cc->body, last);
            } else {
                const SynCaseClause *cc = (const SynCaseClause *)c;
                print_clause(p, cc->cases, &cc->body, last);
            }
            blank(p);
        }
    }
    tok(p, T_RBRACE, "}");
}

/* ---- declarations --------------------------------------------------------------- */

static uint32_t decl_group(const SynNode *d, Tok *t)
{
    switch ((SynKind)d->kind) {
    case SYN_IMPORT_DECL:
        *t = T_IMPORT;
        return ((const SynImportDecl *)d)->group;
    case SYN_CONST_DECL:
        *t = T_CONST;
        return ((const SynConstDecl *)d)->group;
    case SYN_TYPE_DECL:
        *t = T_TYPE;
        return ((const SynTypeDecl *)d)->group;
    case SYN_VAR_DECL:
        *t = T_VAR;
        return ((const SynVarDecl *)d)->group;
    default:
        *t = T_FUNC;
        return 0;
    }
}

static const char *decl_keyword(Tok t)
{
    switch (t) {
    case T_IMPORT: return "import";
    case T_CONST: return "const";
    case T_TYPE: return "type";
    case T_VAR: return "var";
    default: return "func";
    }
}

/* A run of declarations [i, j) of one group (or a single ungrouped one). */
static void print_decl(Printer *p, const SynList *list, uint32_t i, uint32_t j)
{
    if (i >= j) {
        p->panicked = true; /* gc indexes the empty list */
        return;
    }
    Tok t;
    if (decl_group(list->items[i], &t) == 0) {
        print_node(p, list->items[i]);
        return;
    }
    tok(p, t, decl_keyword(t));
    blank(p);
    tok(p, T_LPAREN, "(");
    blank(p);
    indent(p);
    for (uint32_t k = i; k < j; k++) {
        print_node(p, list->items[k]);
        semi(p);
        blank(p);
    }
    outdent(p);
    tok(p, T_RPAREN, ")");
}

static void print_decl_list(Printer *p, const SynList *list)
{
    uint32_t i0 = 0, group = 0;
    Tok t = T_NONE;
    for (uint32_t i = 0; i < list->len; i++) {
        Tok s;
        uint32_t g = decl_group(list->items[i], &s);
        if (g == 0 || g != group) {
            if (i0 < i) {
                print_decl(p, list, i0, i);
                semi(p);
                blank(p);
                if (g != group || s != t || s == T_FUNC)
                    blank(p);
                i0 = i;
            }
            t = s;
            group = g;
        }
    }
    print_decl(p, list, i0, list->len);
}

static void print_name_list(Printer *p, const SynList *l)
{
    expr_list(p, l);
}

/* ---- nodes ------------------------------------------------------------------------- */

/* Binary operations nest to the left without bound (a + b + c + ...):
 * walk the left spine iteratively. */
static void print_binary(Printer *p, const SynOperation *x)
{
    const SynOperation *small[32];
    const SynOperation **spine = small;
    uint32_t n = 0, cap = 32;
    for (const SynOperation *o = x;;) {
        if (n == cap) {
            cap *= 2;
            if (spine == small) {
                spine = xmalloc(sizeof *spine * cap);
                memcpy(spine, small, sizeof small);
            } else {
                spine = xrealloc(spine, sizeof *spine * cap);
            }
        }
        spine[n++] = o;
        const SynNode *l = o->x;
        if (!l || l->kind != SYN_OPERATION || !((const SynOperation *)l)->y)
            break;
        o = (const SynOperation *)l;
    }
    print_node(p, spine[n - 1]->x);
    for (uint32_t i = n; i > 0; i--) {
        const SynOperation *o = spine[i - 1];
        blank(p);
        op(p, (SynOp)o->n.op);
        blank(p);
        print_node(p, o->y);
    }
    if (spine != small)
        free(spine);
}

static void print_expr(Printer *p, const SynNode *n)
{
    switch ((SynKind)n->kind) {
    case SYN_BAD_EXPR:
        name(p, "<bad expr>");
        break;
    case SYN_NAME: {
        const Sym *s = ((const SynName *)n)->value;
        tok_text(p, T_NAME, s ? s->name : "", s ? s->len : 0);
        break;
    }
    case SYN_BASIC_LIT: {
        const SynBasicLit *x = (const SynBasicLit *)n;
        tok_text(p, T_NAME, x->value, x->len);
        break;
    }
    case SYN_FUNC_LIT: {
        const SynFuncLit *x = (const SynFuncLit *)n;
        print_node(p, (const SynNode *)x->type);
        blank(p);
        if (x->body) {
            tok(p, T_LBRACE, "{");
            if (x->body->list.len > 0)
                name(p, "…");
            tok(p, T_RBRACE, "}");
        }
        break;
    }
    case SYN_COMPOSITE_LIT: {
        const SynCompositeLit *x = (const SynCompositeLit *)n;
        print_node(p, x->type);
        tok(p, T_LBRACE, "{");
        if (x->elems.len > 0)
            name(p, "…");
        tok(p, T_RBRACE, "}");
        break;
    }
    case SYN_PAREN_EXPR:
        tok(p, T_LPAREN, "(");
        print_node(p, ((const SynParenExpr *)n)->x);
        tok(p, T_RPAREN, ")");
        break;
    case SYN_SELECTOR_EXPR: {
        const SynSelectorExpr *x = (const SynSelectorExpr *)n;
        print_node(p, x->x);
        tok(p, T_DOT, ".");
        print_node(p, (const SynNode *)x->sel);
        break;
    }
    case SYN_INDEX_EXPR: {
        const SynIndexExpr *x = (const SynIndexExpr *)n;
        print_node(p, x->x);
        tok(p, T_LBRACK, "[");
        print_node(p, x->index);
        tok(p, T_RBRACK, "]");
        break;
    }
    case SYN_SLICE_EXPR: {
        const SynSliceExpr *x = (const SynSliceExpr *)n;
        print_node(p, x->x);
        tok(p, T_LBRACK, "[");
        print_node(p, x->index[0]);
        tok(p, T_COLON, ":");
        print_node(p, x->index[1]);
        if (x->index[2]) {
            tok(p, T_COLON, ":");
            print_node(p, x->index[2]);
        }
        tok(p, T_RBRACK, "]");
        break;
    }
    case SYN_ASSERT_EXPR: {
        const SynAssertExpr *x = (const SynAssertExpr *)n;
        print_node(p, x->x);
        tok(p, T_DOT, ".");
        tok(p, T_LPAREN, "(");
        print_node(p, x->type);
        tok(p, T_RPAREN, ")");
        break;
    }
    case SYN_TYPE_SWITCH_GUARD: {
        const SynTypeSwitchGuard *x = (const SynTypeSwitchGuard *)n;
        if (x->lhs) {
            print_node(p, (const SynNode *)x->lhs);
            blank(p);
            tok(p, T_DEFINE, ":=");
            blank(p);
        }
        print_node(p, x->x);
        tok(p, T_DOT, ".");
        tok(p, T_LPAREN, "(");
        tok(p, T_TYPE, "type");
        tok(p, T_RPAREN, ")");
        break;
    }
    case SYN_CALL_EXPR: {
        const SynCallExpr *x = (const SynCallExpr *)n;
        print_node(p, x->fun);
        tok(p, T_LPAREN, "(");
        expr_list(p, &x->args);
        if (n->flags & SYN_F_HASDOTS)
            tok(p, T_DOTDOTDOT, "...");
        tok(p, T_RPAREN, ")");
        break;
    }
    case SYN_OPERATION: {
        const SynOperation *x = (const SynOperation *)n;
        if (x->y) {
            print_binary(p, x);
        } else {
            op(p, (SynOp)n->op);
            print_node(p, x->x);
        }
        break;
    }
    case SYN_KEY_VALUE_EXPR: {
        const SynKeyValueExpr *x = (const SynKeyValueExpr *)n;
        print_node(p, x->key);
        tok(p, T_COLON, ":");
        blank(p);
        print_node(p, x->value);
        break;
    }
    case SYN_LIST_EXPR:
        expr_list(p, &((const SynListExpr *)n)->elems);
        break;
    case SYN_ARRAY_TYPE: {
        const SynArrayType *x = (const SynArrayType *)n;
        tok(p, T_LBRACK, "[");
        if (x->len)
            print_node(p, x->len);
        else
            tok(p, T_DOTDOTDOT, "...");
        tok(p, T_RBRACK, "]");
        print_node(p, x->elem);
        break;
    }
    case SYN_SLICE_TYPE:
        tok(p, T_LBRACK, "[");
        tok(p, T_RBRACK, "]");
        print_node(p, ((const SynSliceType *)n)->elem);
        break;
    case SYN_DOTS_TYPE:
        tok(p, T_DOTDOTDOT, "...");
        print_node(p, ((const SynDotsType *)n)->elem);
        break;
    case SYN_STRUCT_TYPE: {
        const SynStructType *x = (const SynStructType *)n;
        tok(p, T_STRUCT, "struct");
        tok(p, T_LBRACE, "{");
        if (x->fields.len > 0)
            print_field_list(p, &x->fields, &x->tags);
        tok(p, T_RBRACE, "}");
        break;
    }
    case SYN_FUNC_TYPE:
        tok(p, T_FUNC, "func");
        print_signature(p, (const SynFuncType *)n);
        break;
    case SYN_INTERFACE_TYPE:
        tok(p, T_INTERFACE, "interface");
        tok(p, T_LBRACE, "{");
        print_method_list(p, &((const SynInterfaceType *)n)->methods);
        tok(p, T_RBRACE, "}");
        break;
    case SYN_MAP_TYPE: {
        const SynMapType *x = (const SynMapType *)n;
        tok(p, T_MAP, "map");
        tok(p, T_LBRACK, "[");
        print_node(p, x->key);
        tok(p, T_RBRACK, "]");
        print_node(p, x->value);
        break;
    }
    case SYN_CHAN_TYPE: {
        const SynChanType *x = (const SynChanType *)n;
        if (n->op == SYN_CHAN_RECV)
            tok(p, T_ARROW, "<-");
        tok(p, T_CHAN, "chan");
        if (n->op == SYN_CHAN_SEND)
            tok(p, T_ARROW, "<-");
        blank(p);
        const SynNode *e = x->elem;
        if (n->op == SYN_CHAN_BOTH && e && e->kind == SYN_CHAN_TYPE && e->op == SYN_CHAN_RECV) {
            /* chan (<-chan T), not chan <-chan T */
            tok(p, T_LPAREN, "(");
            print_node(p, e);
            tok(p, T_RPAREN, ")");
        } else {
            print_node(p, e);
        }
        break;
    }
    default:
        break;
    }
}

static const char *branch_word(unsigned t, Tok *tk)
{
    switch (t) {
    case SYN_BREAK: *tk = T_BREAK; return "break";
    case SYN_CONTINUE: *tk = T_CONTINUE; return "continue";
    case SYN_FALLTHROUGH: *tk = T_FALLTHROUGH; return "fallthrough";
    case SYN_GOTO: *tk = T_GOTO; return "goto";
    case SYN_GO: *tk = T_GO; return "go";
    case SYN_DEFER: *tk = T_DEFER; return "defer";
    }
    *tk = T_NAME;
    return "?";
}

/* "init; " of if and switch statements */
static void print_init(Printer *p, const SynNode *init)
{
    if (init) {
        print_node(p, init);
        semi(p);
        blank(p);
    }
}

static void print_stmt(Printer *p, const SynNode *n)
{
    switch ((SynKind)n->kind) {
    case SYN_DECL_STMT: {
        const SynList *l = &((const SynDeclStmt *)n)->decls;
        print_decl(p, l, 0, l->len);
        break;
    }
    case SYN_EMPTY_STMT:
        break;
    case SYN_LABELED_STMT: {
        const SynLabeledStmt *x = (const SynLabeledStmt *)n;
        outdent(p);
        print_node(p, (const SynNode *)x->label);
        tok(p, T_COLON, ":");
        indent(p);
        blank(p);
        print_node(p, x->stmt);
        break;
    }
    case SYN_EXPR_STMT:
        print_node(p, ((const SynExprStmt *)n)->x);
        break;
    case SYN_SEND_STMT: {
        const SynSendStmt *x = (const SynSendStmt *)n;
        print_node(p, x->chan);
        blank(p);
        tok(p, T_ARROW, "<-");
        blank(p);
        print_node(p, x->value);
        break;
    }
    case SYN_ASSIGN_STMT: {
        const SynAssignStmt *x = (const SynAssignStmt *)n;
        print_node(p, x->lhs);
        if (!x->rhs) {
            op(p, (SynOp)n->op); /* ++ or -- */
            op(p, (SynOp)n->op);
        } else {
            blank(p);
            op(p, (SynOp)n->op);
            tok(p, T_ASSIGN, "=");
            blank(p);
            print_node(p, x->rhs);
        }
        break;
    }
    case SYN_CALL_STMT: {
        Tok t;
        const char *w = branch_word(n->op, &t);
        tok(p, t, w);
        blank(p);
        print_node(p, ((const SynCallStmt *)n)->call);
        break;
    }
    case SYN_RETURN_STMT: {
        const SynReturnStmt *x = (const SynReturnStmt *)n;
        tok(p, T_RETURN, "return");
        if (x->results) {
            blank(p);
            print_node(p, x->results);
        }
        break;
    }
    case SYN_BRANCH_STMT: {
        const SynBranchStmt *x = (const SynBranchStmt *)n;
        Tok t;
        const char *w = branch_word(n->op, &t);
        tok(p, t, w);
        if (x->label) {
            blank(p);
            print_node(p, (const SynNode *)x->label);
        }
        break;
    }
    case SYN_BLOCK_STMT: {
        const SynBlockStmt *x = (const SynBlockStmt *)n;
        tok(p, T_LBRACE, "{");
        if (x->list.len > 0) {
            blank(p);
            indent(p);
            print_stmt_list(p, &x->list, true);
            outdent(p);
            blank(p);
        }
        tok(p, T_RBRACE, "}");
        break;
    }
    case SYN_IF_STMT: {
        const SynIfStmt *x = (const SynIfStmt *)n;
        tok(p, T_IF, "if");
        blank(p);
        print_init(p, x->init);
        print_node(p, x->cond);
        blank(p);
        print_node(p, (const SynNode *)x->then);
        if (x->els) {
            blank(p);
            tok(p, T_ELSE, "else");
            blank(p);
            print_node(p, x->els);
        }
        break;
    }
    case SYN_SWITCH_STMT: {
        const SynSwitchStmt *x = (const SynSwitchStmt *)n;
        tok(p, T_SWITCH, "switch");
        blank(p);
        print_init(p, x->init);
        if (x->tag) {
            print_node(p, x->tag);
            blank(p);
        }
        print_clauses(p, &x->body, false);
        break;
    }
    case SYN_SELECT_STMT:
        tok(p, T_SELECT, "select");
        blank(p);
        print_clauses(p, &((const SynSelectStmt *)n)->body, true);
        break;
    case SYN_RANGE_CLAUSE: {
        const SynRangeClause *x = (const SynRangeClause *)n;
        if (x->lhs) {
            print_node(p, x->lhs);
            blank(p);
            if (n->flags & SYN_F_DEF)
                tok(p, T_DEFINE, ":=");
            else
                tok(p, T_ASSIGN, "=");
            blank(p);
        }
        tok(p, T_RANGE, "range");
        blank(p);
        print_node(p, x->x);
        break;
    }
    case SYN_FOR_STMT: {
        const SynForStmt *x = (const SynForStmt *)n;
        tok(p, T_FOR, "for");
        blank(p);
        if (!x->init && !x->post) {
            if (x->cond) {
                print_node(p, x->cond);
                blank(p);
            }
        } else if (x->init && x->init->kind == SYN_RANGE_CLAUSE) {
            print_node(p, x->init);
            blank(p);
        } else {
            print_node(p, x->init);
            semi(p);
            blank(p);
            print_node(p, x->cond);
            semi(p);
            blank(p);
            if (x->post) {
                print_node(p, x->post);
                blank(p);
            }
        }
        print_node(p, (const SynNode *)x->body);
        break;
    }
    default:
        break;
    }
}

static void print_declaration(Printer *p, const SynNode *n)
{
    switch ((SynKind)n->kind) {
    case SYN_IMPORT_DECL: {
        const SynImportDecl *x = (const SynImportDecl *)n;
        if (!x->group) {
            tok(p, T_IMPORT, "import");
            blank(p);
        }
        if (x->local) {
            print_node(p, (const SynNode *)x->local);
            blank(p);
        }
        print_node(p, (const SynNode *)x->path);
        break;
    }
    case SYN_CONST_DECL:
    case SYN_VAR_DECL: {
        const SynConstDecl *x = (const SynConstDecl *)n;
        if (!x->group) {
            bool is_const = n->kind == SYN_CONST_DECL;
            tok(p, is_const ? T_CONST : T_VAR, is_const ? "const" : "var");
            blank(p);
        }
        print_name_list(p, &x->names);
        if (x->type) {
            blank(p);
            print_node(p, x->type);
        }
        if (x->values) {
            blank(p);
            tok(p, T_ASSIGN, "=");
            blank(p);
            print_node(p, x->values);
        }
        break;
    }
    case SYN_TYPE_DECL: {
        const SynTypeDecl *x = (const SynTypeDecl *)n;
        if (!x->group) {
            tok(p, T_TYPE, "type");
            blank(p);
        }
        print_node(p, (const SynNode *)x->name);
        if (x->tparams.len > 0)
            print_param_list(p, &x->tparams, true, true);
        blank(p);
        if (n->flags & SYN_F_ALIAS) {
            tok(p, T_ASSIGN, "=");
            blank(p);
        }
        print_node(p, x->type);
        break;
    }
    case SYN_FUNC_DECL: {
        const SynFuncDecl *x = (const SynFuncDecl *)n;
        tok(p, T_FUNC, "func");
        blank(p);
        if (x->recv) {
            tok(p, T_LPAREN, "(");
            if (x->recv->name) {
                print_node(p, (const SynNode *)x->recv->name);
                blank(p);
            }
            print_node(p, x->recv->type);
            tok(p, T_RPAREN, ")");
            blank(p);
        }
        print_node(p, (const SynNode *)x->name);
        if (x->tparams.len > 0)
            print_param_list(p, &x->tparams, true, false);
        print_signature(p, x->type);
        if (x->body) {
            blank(p);
            print_node(p, (const SynNode *)x->body);
        }
        break;
    }
    case SYN_FILE: {
        const SynFile *x = (const SynFile *)n;
        tok(p, T_PACKAGE, "package");
        blank(p);
        print_node(p, (const SynNode *)x->pkgname);
        if (x->decls.len > 0) {
            semi(p);
            blank(p);
            blank(p);
            print_decl_list(p, &x->decls);
        }
        break;
    }
    default:
        break;
    }
}

static void print_node(Printer *p, const SynNode *n)
{
    if (!n)
        return; /* as gc: nothing for a missing node */
    if (n->kind == SYN_FIELD || n->kind == SYN_CASE_CLAUSE || n->kind == SYN_COMM_CLAUSE)
        p->panicked = true; /* not a node gc's printer knows */
    else if (n->kind >= SYN_IMPORT_DECL)
        print_declaration(p, n);
    else if (n->kind >= SYN_EMPTY_STMT)
        print_stmt(p, n);
    else
        print_expr(p, n);
}

bool syn_string_checked(Buf *b, const SynNode *n)
{
    Printer p = {.out = b, .last = T_NONE};
    print_node(&p, n);
    flush(&p, T_EOF);
    free(p.pending);
    return !p.panicked;
}

void syn_string(Buf *b, const SynNode *n)
{
    syn_string_checked(b, n);
}
