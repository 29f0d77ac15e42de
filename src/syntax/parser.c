/*
 * The parser: recursive descent over gc's grammar, producing gc's node
 * shapes and positions and gc's syntax errors.
 *
 * This file holds the parser's machinery (tokens, errors, recovery, lists,
 * directives), source files, declarations and statements; parser_expr.c
 * holds expressions and types.
 *
 * Error recovery follows gc exactly, because which follow-on errors appear
 * (and whether a file is rejected at all) depends on it: `advance` skips to
 * a follow set, statement keywords stop the skipping inside functions, and
 * at EOF only the first error is kept.
 */
#include "parser.h"

#include <stdlib.h>
#include <string.h>

/* ---- machinery ----------------------------------------------------------- */

void p_next(Parser *p) { scanner_next(&p->s); }

Pos p_pos(Parser *p) { return p->file->base + p->s.off; }

bool p_got(Parser *p, Tok t)
{
    if (p->s.tok == t) {
        p_next(p);
        return true;
    }
    return false;
}

static const char *tokstring(Tok t)
{
    switch (t) {
    case T_COMMA: return "comma";
    case T_SEMI: return "semicolon or newline";
    default: break;
    }
    return tok_string(t);
}

static void tokdesc(Buf *b, Tok t)
{
    if (t >= T_BREAK && t <= T_VAR)
        buf_puts(b, "keyword ");
    buf_puts(b, tokstring(t));
}

void p_want(Parser *p, Tok t)
{
    if (!p_got(p, t)) {
        Buf b = {0};
        buf_puts(&b, "expected ");
        tokdesc(&b, t);
        p_syntax_error(p, buf_str(&b));
        buf_free(&b);
        p_advance(p, 0);
    }
}

/* Like got(=) but also accepts := (with an error), for better recovery. */
bool p_got_assign(Parser *p)
{
    switch (p->s.tok) {
    case T_DEFINE:
        p_syntax_error(p, "expected =");
        /* fallthrough */
    case T_ASSIGN:
        p_next(p);
        return true;
    default:
        return false;
    }
}

void p_error_at(Parser *p, Pos pos, const char *msg)
{
    p->errcnt++;
    diags_add(p->ctx->diags, pos, "%s", msg);
}

void p_error(Parser *p, const char *msg) { p_error_at(p, p_pos(p), msg); }

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

void p_syntax_error_at(Parser *p, Pos pos, const char *msg)
{
    if (p->s.tok == T_EOF && p->errcnt > 0)
        return; /* avoid meaningless follow-on errors */
    Buf b = {0};
    const char *sep;
    if (msg[0] == 0)
        sep = "";
    else if (starts_with(msg, "in ") || starts_with(msg, "at ") || starts_with(msg, "after "))
        sep = " ";
    else if (starts_with(msg, "expected "))
        sep = ", ";
    else {
        buf_puts(&b, "syntax error: ");
        buf_puts(&b, msg);
        p_error_at(p, pos, buf_str(&b));
        buf_free(&b);
        return;
    }
    buf_puts(&b, "syntax error: unexpected ");
    Scanner *s = &p->s;
    switch (s->tok) {
    case T_NAME:
        buf_puts(&b, "name ");
        buf_put(&b, s->lit, s->litlen);
        break;
    case T_SEMI:
        buf_put(&b, s->lit, s->litlen);
        break;
    case T_LITERAL:
        buf_puts(&b, "literal ");
        buf_put(&b, s->lit, s->litlen);
        break;
    case T_OPERATOR:
        buf_puts(&b, syn_op_string(s->op));
        break;
    case T_ASSIGNOP:
        buf_puts(&b, syn_op_string(s->op));
        buf_putc(&b, '=');
        break;
    case T_INCOP:
        buf_puts(&b, syn_op_string(s->op));
        buf_puts(&b, syn_op_string(s->op));
        break;
    default:
        tokdesc(&b, s->tok);
        break;
    }
    buf_puts(&b, sep);
    buf_puts(&b, msg);
    p_error_at(p, pos, buf_str(&b));
    buf_free(&b);
}

void p_syntax_error(Parser *p, const char *msg) { p_syntax_error_at(p, p_pos(p), msg); }

/* Keywords that start statements: synchronization points inside functions. */
static const uint64_t STOPSET = BIT(T_BREAK) | BIT(T_CONST) | BIT(T_CONTINUE) | BIT(T_DEFER) |
                                BIT(T_FALLTHROUGH) | BIT(T_FOR) | BIT(T_GO) | BIT(T_GOTO) |
                                BIT(T_IF) | BIT(T_RETURN) | BIT(T_SELECT) | BIT(T_SWITCH) |
                                BIT(T_TYPE) | BIT(T_VAR);

/* Skips tokens up to one in `follow` (or the stop set inside functions).
 * With an empty follow set exactly one non-EOF token is skipped. */
void p_advance(Parser *p, uint64_t follow)
{
    uint64_t set = BIT(T_EOF);
    if (follow) {
        if (p->fnest > 0)
            set |= STOPSET;
        set |= follow;
    }
    while (!(set & BIT(p->s.tok))) {
        p_next(p);
        if (!follow)
            break;
    }
}

void p_enter(Parser *p)
{
    if (++p->depth > SYN_MAX_DEPTH) {
        p_error(p, "nesting too deep for goesc (parser recursion limit exceeded)");
        longjmp(p->bail, 1);
    }
}

SynNode *p_new(Parser *p, SynKind k, size_t size, Pos pos)
{
    SynNode *n = arena_alloc(p->a, size);
    n->kind = (uint8_t)k;
    n->pos = pos;
    return n;
}

/* Pops the scratch stack down to mark into an arena list. */
SynList p_take_list(Parser *p, uint32_t mark)
{
    SynList l;
    l.len = p->stk.len - mark;
    l.items = l.len ? arena_memdup(p->a, p->stk.data + mark, sizeof(SynNode *) * l.len) : NULL;
    p->stk.len = mark;
    return l;
}

/* list = [ f { sep f } [sep] ] close .  f returns true to stop early.
 * Returns the position of the closing token. */
Pos p_list(Parser *p, const char *context, Tok sep, Tok close, ListFn f, void *ud)
{
    bool done = false;
    while (p->s.tok != T_EOF && p->s.tok != close && !done) {
        done = f(p, ud);
        if (!p_got(p, sep) && p->s.tok != close) {
            Buf b = {0};
            buf_printf(&b, "in %s; possibly missing %s or %s", context, tokstring(sep),
                       tokstring(close));
            p_syntax_error(p, buf_str(&b));
            buf_free(&b);
            p_advance(p, BIT(T_RPAREN) | BIT(T_RBRACK) | BIT(T_RBRACE));
            if (p->s.tok != close)
                return p_pos(p);
        }
    }
    Pos pos = p_pos(p);
    p_want(p, close);
    return pos;
}

/* ---- directives ------------------------------------------------------------ */

static SynPragma *take_pragma(Parser *p)
{
    SynPragma *pr = p->pragma;
    p->pragma = NULL;
    return pr;
}

/* At the end of a form that takes no pragma: pending ones are misplaced. */
static void clear_pragma(Parser *p)
{
    if (p->pragma) {
        pragma_unused(&p->ps, p->pragma);
        p->pragma = NULL;
    }
}

/* Parses the decimal digits after the last ':' of text[0..n).  Returns the
 * index just after the ':' (0 if there is none), and in *ok whether the
 * digits form a valid number (as strconv.ParseUint). */
static size_t trailing_digits(const char *text, size_t n, uint64_t *val, bool *ok)
{
    size_t i = n;
    while (i > 0 && text[i - 1] != ':')
        i--;
    *ok = false;
    *val = 0;
    if (i == 0)
        return 0;
    if (i == n)
        return i;
    uint64_t v = 0;
    for (size_t k = i; k < n; k++) {
        if (text[k] < '0' || text[k] > '9')
            return i;
        unsigned d = (unsigned)(text[k] - '0');
        if (v > (UINT64_MAX - d) / 10)
            return i;
        v = v * 10 + d;
    }
    *val = v;
    *ok = true;
    return i;
}

enum { POS_MAX = 1 << 30 };

static const char *current_filename(Parser *p)
{
    SrcFile *f = p->file;
    return f->ndirs ? f->dirs[f->ndirs - 1].filename : f->name;
}

/* A line directive.  text follows "line "; toff is its file offset (for
 * error positions); the new base starts at offset `at`, which is raw line
 * atline, column atcol. */
static void update_base(Parser *p, uint32_t at, uint32_t atline, uint32_t atcol, uint32_t toff,
                        const char *text, size_t n)
{
    uint64_t num;
    bool ok;
    size_t i = trailing_digits(text, n, &num, &ok);
    if (i == 0)
        return; /* not a line directive */
    Pos tpos = p->file->base + toff;
    Buf b = {0};
    if (!ok) {
        buf_puts(&b, "invalid line number: ");
        buf_put(&b, text + i, n - i);
        p_error_at(p, tpos + (uint32_t)i, buf_str(&b));
        buf_free(&b);
        return;
    }
    uint64_t line, col = 0, num2;
    bool ok2;
    size_t i2 = trailing_digits(text, i - 1, &num2, &ok2);
    if (ok2) {
        /* //line filename:line:col */
        size_t t = i;
        i = i2;
        i2 = t;
        line = num2;
        col = num;
        if (col == 0 || col > POS_MAX) {
            buf_puts(&b, "invalid column number: ");
            buf_put(&b, text + i2, n - i2);
            p_error_at(p, tpos + (uint32_t)i2, buf_str(&b));
            buf_free(&b);
            return;
        }
        n = i2 - 1;
    } else {
        line = num;
    }
    if (line == 0 || line > POS_MAX) {
        buf_puts(&b, "invalid line number: ");
        buf_put(&b, text + i, n - i);
        p_error_at(p, tpos + (uint32_t)i, buf_str(&b));
        buf_free(&b);
        return;
    }
    LineDir d;
    memset(&d, 0, sizeof d);
    if (i - 1 == 0 && ok2)
        d.filename = current_filename(p);
    else
        d.filename = arena_strndup(p->a, text, i - 1);
    d.at = at;
    d.atline = atline;
    d.atcol = atcol;
    d.line = (uint32_t)line;
    d.col = (uint32_t)col;
    srcfile_add_dir(p->file, &d);
}

/* The scanner's handler: errors, and comments that may be directives. */
static void on_scan(void *ud, uint32_t off, const char *msg, size_t len)
{
    Parser *p = ud;
    if (msg[0] != '/') {
        p_error_at(p, p->file->base + off, msg);
        return;
    }
    /* comment text without the comment markers (and a trailing \r) */
    const char *text = msg + 2;
    size_t tn;
    bool block = msg[1] == '*';
    if (block)
        tn = len - 4;
    else {
        tn = len - 2;
        if (tn > 0 && text[tn - 1] == '\r')
            tn--;
    }
    uint32_t line = p->s.tline, col = p->s.tcol;
    if ((col == 1 || block) && tn >= 5 && memcmp(text, "line ", 5) == 0) {
        uint32_t at, atline, atcol;
        if (!block) {
            /* takes effect at the start of the next line */
            at = p->s.choff + 1;
            atline = line + 1;
            atcol = 1;
        } else {
            at = off + (uint32_t)len;
            atline = line;
            atcol = col + (uint32_t)len;
        }
        if (at > p->file->size)
            at = p->file->size;
        update_base(p, at, atline, atcol, off + 2 + 5, text + 5, tn - 5);
        return;
    }
    if (tn >= 3 && memcmp(text, "go:", 3) == 0) {
        if (p->top && len >= 10 && memcmp(msg, "//go:build", 10) == 0) {
            const char *v = pragma_build_goversion(p->a, msg, len);
            if (v)
                p->goversion = v;
        }
        p->pragma = pragma_handle(&p->ps, p->file->base + off + 2, p->s.blank, text, tn, p->pragma);
    }
}

/* ---- declarations ------------------------------------------------------------- */

typedef SynNode *(*DeclFn)(Parser *p, uint32_t group);

typedef struct GroupCtx {
    DeclFn f;
    uint32_t group;
} GroupCtx;

static bool group_elem(Parser *p, void *ud)
{
    GroupCtx *g = ud;
    SynNode *x = g->f(p, g->group);
    if (x)
        ptrvec_push(&p->stk, x);
    return false;
}

/* appendGroup(f) = f | "(" { f ";" } ")" .  Results go on the scratch stack. */
static void append_group(Parser *p, DeclFn f)
{
    if (p->s.tok == T_LPAREN) {
        GroupCtx g = {f, ++p->group};
        clear_pragma(p);
        p_next(p); /* after clear_pragma: comments before may set pragmas */
        p_list(p, "grouped declaration", T_SEMI, T_RPAREN, group_elem, &g);
    } else {
        SynNode *x = f(p, 0);
        if (x)
            ptrvec_push(&p->stk, x);
    }
}

static SynList name_list(Parser *p, SynName *first)
{
    uint32_t mark = p->stk.len;
    ptrvec_push(&p->stk, first);
    while (p_got(p, T_COMMA))
        ptrvec_push(&p->stk, p_name(p));
    return p_take_list(p, mark);
}

static SynNode *import_decl(Parser *p, uint32_t group)
{
    SynImportDecl *d = P_NEW(p, SynImportDecl, SYN_IMPORT_DECL, p_pos(p));
    d->group = group;
    d->pragma = take_pragma(p);
    switch (p->s.tok) {
    case T_NAME:
        d->local = p_name(p);
        break;
    case T_DOT:
        d->local = p_new_name(p, p_pos(p), ".");
        p_next(p);
        break;
    default:
        break;
    }
    d->path = p_oliteral(p);
    if (!d->path) {
        p_syntax_error(p, "missing import path");
        p_advance(p, BIT(T_SEMI) | BIT(T_RPAREN));
        return &d->n;
    }
    if (!(d->path->n.flags & SYN_F_BAD) && d->path->n.op != SYN_STRING_LIT) {
        p_syntax_error_at(p, d->path->n.pos, "import path must be a string");
        d->path->n.flags |= SYN_F_BAD;
    }
    return &d->n;
}

static SynNode *const_decl(Parser *p, uint32_t group)
{
    SynConstDecl *d = P_NEW(p, SynConstDecl, SYN_CONST_DECL, p_pos(p));
    d->group = group;
    d->pragma = take_pragma(p);
    d->names = name_list(p, p_name(p));
    if (p->s.tok != T_EOF && p->s.tok != T_SEMI && p->s.tok != T_RPAREN) {
        d->type = p_type_or_nil(p);
        if (p_got_assign(p))
            d->values = p_expr_list(p);
    }
    return &d->n;
}

/* isTypeElem: x is (possibly parenthesized) syntax that can only be a type
 * element, not an ordinary expression. */
static bool is_type_elem(SynNode *x)
{
    switch (x->kind) {
    case SYN_ARRAY_TYPE: case SYN_STRUCT_TYPE: case SYN_FUNC_TYPE: case SYN_INTERFACE_TYPE:
    case SYN_SLICE_TYPE: case SYN_MAP_TYPE: case SYN_CHAN_TYPE:
        return true;
    case SYN_OPERATION: {
        SynOperation *o = (SynOperation *)x;
        return is_type_elem(o->x) || (o->y && is_type_elem(o->y)) || o->n.op == SYN_TILDE;
    }
    case SYN_PAREN_EXPR:
        return is_type_elem(((SynParenExpr *)x)->x);
    default:
        return false;
    }
}

/* extractName: splits x into (name, rest) when x can be read as
 * "name rest" with rest a type element (or always, with force).  x alone
 * a name gives (name, NULL); no split gives (NULL, x). */
bool p_extract_name(Parser *p, SynNode *x, bool force, SynName **name, SynNode **rest)
{
    switch (x->kind) {
    case SYN_NAME:
        *name = (SynName *)x;
        *rest = NULL;
        return true;
    case SYN_OPERATION: {
        SynOperation *o = (SynOperation *)x;
        if (!o->y)
            break;
        if (o->n.op == SYN_MUL) {
            if (o->x->kind == SYN_NAME && (force || is_type_elem(o->y))) {
                /* name *y: the operation becomes unary *y */
                SynOperation *u = arena_memdup(p->a, o, sizeof *o);
                u->x = o->y;
                u->y = NULL;
                *name = (SynName *)o->x;
                *rest = &u->n;
                return true;
            }
        } else if (o->n.op == SYN_OR) {
            SynName *nm;
            SynNode *lhs;
            if (p_extract_name(p, o->x, force || is_type_elem(o->y), &nm, &lhs) && nm && lhs) {
                SynOperation *u = arena_memdup(p->a, o, sizeof *o);
                u->x = lhs;
                *name = nm;
                *rest = &u->n;
                return true;
            }
        }
        break;
    }
    case SYN_CALL_EXPR: {
        SynCallExpr *c = (SynCallExpr *)x;
        if (c->fun->kind == SYN_NAME && c->args.len == 1 && !(c->n.flags & SYN_F_HASDOTS) &&
            (force || is_type_elem(c->args.items[0]))) {
            /* name(x): the parentheses are not kept */
            *name = (SynName *)c->fun;
            *rest = syn_unparen(c->args.items[0]);
            return true;
        }
        break;
    }
    default:
        break;
    }
    *name = NULL;
    *rest = x;
    return false;
}

static SynNode *type_decl(Parser *p, uint32_t group)
{
    SynTypeDecl *d = P_NEW(p, SynTypeDecl, SYN_TYPE_DECL, p_pos(p));
    d->group = group;
    d->pragma = take_pragma(p);
    d->name = p_name(p);
    if (p->s.tok == T_LBRACK) {
        /* an array/slice type or a type parameter list */
        Pos pos = p_pos(p);
        p_next(p);
        switch (p->s.tok) {
        case T_NAME: {
            /* A type parameter list starts with a name, possibly followed
             * by a constraint; an array length is an expression.  Parse an
             * expression (unless a '[' makes it a constraint like []E) and
             * decide by its shape. */
            SynNode *x = &p_name(p)->n;
            if (p->s.tok != T_LBRACK) {
                p->xnest++;
                x = p_binary_expr(p, p_pexpr(p, x, false), 0);
                p->xnest--;
            }
            SynName *pname;
            SynNode *ptype;
            p_extract_name(p, x, p->s.tok == T_COMMA, &pname, &ptype);
            if (pname && (ptype || p->s.tok != T_RBRACK)) {
                d->tparams = p_param_list(p, pname, ptype, T_RBRACK, true, false);
                if (p_got_assign(p))
                    d->n.flags |= SYN_F_ALIAS;
                d->type = p_type_or_nil(p);
            } else {
                d->type = p_array_type(p, pos, x);
            }
            break;
        }
        case T_RBRACK:
            p_next(p);
            d->type = p_slice_type(p, pos);
            break;
        default:
            d->type = p_array_type(p, pos, NULL);
            break;
        }
    } else {
        if (p_got_assign(p))
            d->n.flags |= SYN_F_ALIAS;
        d->type = p_type_or_nil(p);
    }
    if (!d->type) {
        d->type = p_bad_expr(p);
        p_syntax_error(p, "in type declaration");
        p_advance(p, BIT(T_SEMI) | BIT(T_RPAREN));
    }
    return &d->n;
}

static SynNode *var_decl(Parser *p, uint32_t group)
{
    SynVarDecl *d = P_NEW(p, SynVarDecl, SYN_VAR_DECL, p_pos(p));
    d->group = group;
    d->pragma = take_pragma(p);
    d->names = name_list(p, p_name(p));
    if (p_got_assign(p)) {
        d->values = p_expr_list(p);
    } else {
        d->type = p_type(p);
        if (p_got_assign(p))
            d->values = p_expr_list(p);
    }
    return &d->n;
}

static SynBlockStmt *block_stmt(Parser *p, const char *context);

SynBlockStmt *p_func_body(Parser *p)
{
    p->fnest++;
    uint32_t errcnt = p->errcnt;
    SynBlockStmt *body = block_stmt(p, "");
    p->fnest--;
    /* With syntax errors the tree may be incomplete; checking branches
     * would only add spurious errors. */
    if ((p->ctx->mode & SYN_CHECK_BRANCHES) && errcnt == p->errcnt)
        syn_check_branches(p->ctx, body);
    return body;
}

static SynFuncDecl *func_decl(Parser *p)
{
    SynFuncDecl *f = P_NEW(p, SynFuncDecl, SYN_FUNC_DECL, p_pos(p));
    f->pragma = take_pragma(p);
    const char *context = NULL;
    if (p_got(p, T_LPAREN)) {
        context = "method";
        SynList rcvr = p_param_list(p, NULL, NULL, T_RPAREN, false, false);
        if (rcvr.len == 0) {
            p_error(p, "method has no receiver");
        } else {
            if (rcvr.len > 1)
                p_error(p, "method has multiple receivers");
            f->recv = (SynField *)rcvr.items[0];
        }
    }
    if (p->s.tok == T_NAME) {
        f->name = p_name(p);
        f->type = p_func_type(p, context, &f->tparams);
    } else {
        f->name = p_new_name(p, p_pos(p), "_");
        f->type = P_NEW(p, SynFuncType, SYN_FUNC_TYPE, p_pos(p));
        p_syntax_error(p, context ? "expected name" : "expected name or (");
        p_advance(p, BIT(T_LBRACE) | BIT(T_SEMI));
    }
    if (p->s.tok == T_LBRACE)
        f->body = p_func_body(p);
    return f;
}

/* SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } . */
static SynFile *file_or_nil(Parser *p)
{
    SynFile *f = P_NEW(p, SynFile, SYN_FILE, p_pos(p));
    f->src = p->file;
    p->ps.file = f;
    f->goversion = p->goversion;
    p->top = false;
    if (!p_got(p, T_PACKAGE)) {
        p_syntax_error(p, "package statement must be first");
        return NULL;
    }
    f->pragma = take_pragma(p);
    f->pkgname = p_name(p);
    p_want(p, T_SEMI);
    if (p->errcnt > 0)
        return NULL; /* don't bother continuing if the package clause has errors */

    /* imports are accepted anywhere (with a complaint) for error tolerance */
    uint32_t mark = p->stk.len;
    Tok prev = T_IMPORT;
    const uint64_t declstart = BIT(T_IMPORT) | BIT(T_CONST) | BIT(T_TYPE) | BIT(T_VAR) | BIT(T_FUNC);
    while (p->s.tok != T_EOF) {
        if (p->s.tok == T_IMPORT && prev != T_IMPORT)
            p_syntax_error(p, "imports must appear before other declarations");
        prev = p->s.tok;
        switch (p->s.tok) {
        case T_IMPORT:
            p_next(p);
            append_group(p, import_decl);
            break;
        case T_CONST:
            p_next(p);
            append_group(p, const_decl);
            break;
        case T_TYPE:
            p_next(p);
            append_group(p, type_decl);
            break;
        case T_VAR:
            p_next(p);
            append_group(p, var_decl);
            break;
        case T_FUNC:
            p_next(p);
            ptrvec_push(&p->stk, func_decl(p));
            break;
        default: {
            SynNode *last = p->stk.len > mark ? p->stk.data[p->stk.len - 1] : NULL;
            if (p->s.tok == T_LBRACE && last && last->kind == SYN_FUNC_DECL &&
                !((SynFuncDecl *)last)->body)
                p_syntax_error(p, "unexpected semicolon or newline before {");
            else
                p_syntax_error(p, "non-declaration statement outside function body");
            p_advance(p, declstart);
            continue;
        }
        }
        /* reset pragmas before consuming ';': comments before the next
         * declaration may set new ones */
        clear_pragma(p);
        if (p->s.tok != T_EOF && !p_got(p, T_SEMI)) {
            p_syntax_error(p, "after top level declaration");
            p_advance(p, declstart);
        }
    }
    clear_pragma(p);
    f->eof = p_pos(p);
    f->decls = p_take_list(p, mark);
    return f;
}

/* ---- statements ------------------------------------------------------------------ */

static SynNode *stmt_or_nil(Parser *p);
static SynList stmt_list(Parser *p);

static SynNode *new_assign(Parser *p, Pos pos, SynOp op, SynNode *lhs, SynNode *rhs)
{
    SynAssignStmt *a = P_NEW(p, SynAssignStmt, SYN_ASSIGN_STMT, pos);
    a->n.op = (uint8_t)op;
    a->lhs = lhs;
    a->rhs = rhs;
    return &a->n;
}

static SynNode *new_range_clause(Parser *p, SynNode *lhs, bool def)
{
    SynRangeClause *r = P_NEW(p, SynRangeClause, SYN_RANGE_CLAUSE, p_pos(p));
    p_next(p); /* range */
    r->lhs = lhs;
    if (def)
        r->n.flags |= SYN_F_DEF;
    r->x = p_expr(p);
    return &r->n;
}

static SynNode *expr_stmt(Parser *p, SynNode *x)
{
    SynExprStmt *s = P_NEW(p, SynExprStmt, SYN_EXPR_STMT, x->pos);
    s->x = x;
    return &s->n;
}

/* SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt |
 *              Assignment | ShortVarDecl .
 * keyword is the enclosing for/if/switch (range is allowed only after for). */
static SynNode *simple_stmt(Parser *p, SynNode *lhs, Tok keyword)
{
    if (keyword == T_FOR && p->s.tok == T_RANGE)
        return new_range_clause(p, NULL, false);
    if (!lhs)
        lhs = p_expr_list(p);

    if (lhs->kind != SYN_LIST_EXPR && p->s.tok != T_ASSIGN && p->s.tok != T_DEFINE) {
        Pos pos = p_pos(p);
        switch (p->s.tok) {
        case T_ASSIGNOP: {
            SynOp op = p->s.op;
            p_next(p);
            return new_assign(p, pos, op, lhs, p_expr(p));
        }
        case T_INCOP: {
            SynOp op = p->s.op;
            p_next(p);
            return new_assign(p, pos, op, lhs, NULL);
        }
        case T_ARROW: {
            SynSendStmt *s = P_NEW(p, SynSendStmt, SYN_SEND_STMT, pos);
            p_next(p);
            s->chan = lhs;
            s->value = p_expr(p);
            return &s->n;
        }
        default:
            return expr_stmt(p, lhs);
        }
    }

    switch (p->s.tok) {
    case T_ASSIGN:
    case T_DEFINE: {
        Pos pos = p_pos(p);
        SynOp op = p->s.tok == T_DEFINE ? SYN_DEF : SYN_OP_NONE;
        p_next(p);
        if (keyword == T_FOR && p->s.tok == T_RANGE)
            return new_range_clause(p, lhs, op == SYN_DEF);
        SynNode *rhs = p_expr_list(p);
        if (rhs->kind == SYN_TYPE_SWITCH_GUARD && keyword == T_SWITCH && op == SYN_DEF &&
            lhs->kind == SYN_NAME) {
            /* switch ... lhs := rhs.(type) */
            SynTypeSwitchGuard *g = (SynTypeSwitchGuard *)rhs;
            g->lhs = (SynName *)lhs;
            return expr_stmt(p, rhs);
        }
        return new_assign(p, pos, op, lhs, rhs);
    }
    default:
        p_syntax_error(p, "expected := or = or comma");
        p_advance(p, BIT(T_SEMI) | BIT(T_RBRACE));
        if (lhs->kind == SYN_LIST_EXPR)
            lhs = ((SynListExpr *)lhs)->elems.items[0];
        return expr_stmt(p, lhs);
    }
}

static SynNode *labeled_stmt_or_nil(Parser *p, SynName *label)
{
    SynLabeledStmt *s = P_NEW(p, SynLabeledStmt, SYN_LABELED_STMT, p_pos(p));
    s->label = label;
    p_want(p, T_COLON);
    if (p->s.tok == T_RBRACE) {
        /* a statement must follow; before '}' that is an empty statement */
        s->stmt = p_new(p, SYN_EMPTY_STMT, sizeof(SynNode), p_pos(p));
        return &s->n;
    }
    s->stmt = stmt_or_nil(p);
    if (s->stmt)
        return &s->n;
    p_syntax_error_at(p, s->n.pos, "missing statement after label");
    return NULL;
}

static SynBlockStmt *block_stmt(Parser *p, const char *context)
{
    p_enter(p);
    SynBlockStmt *s = P_NEW(p, SynBlockStmt, SYN_BLOCK_STMT, p_pos(p));
    /* people coming from C may forget that braces are mandatory in Go */
    if (!p_got(p, T_LBRACE)) {
        Buf b = {0};
        buf_printf(&b, "expected { after %s", context);
        p_syntax_error(p, buf_str(&b));
        buf_free(&b);
        p_advance(p, BIT(T_NAME) | BIT(T_RBRACE));
        s->rbrace = p_pos(p);
        if (p_got(p, T_RBRACE)) {
            p_leave(p);
            return s;
        }
    }
    s->list = stmt_list(p);
    s->rbrace = p_pos(p);
    p_want(p, T_RBRACE);
    p_leave(p);
    return s;
}

static SynNode *decl_stmt(Parser *p, DeclFn f)
{
    SynDeclStmt *s = P_NEW(p, SynDeclStmt, SYN_DECL_STMT, p_pos(p));
    p_next(p); /* const, type or var */
    uint32_t mark = p->stk.len;
    append_group(p, f);
    s->decls = p_take_list(p, mark);
    return &s->n;
}

static void emphasize(Buf *b, SynNode *x)
{
    bool binary = x->kind == SYN_OPERATION && ((SynOperation *)x)->y;
    if (binary)
        buf_putc(b, '(');
    syn_string(b, x);
    if (binary)
        buf_putc(b, ')');
}

/* The header of for, if and switch statements. */
static void header(Parser *p, Tok keyword, SynNode **init, SynNode **cond, SynNode **post)
{
    *init = *cond = NULL;
    if (post)
        *post = NULL;
    p_want(p, keyword);
    if (p->s.tok == T_LBRACE) {
        if (keyword == T_IF) {
            p_syntax_error(p, "missing condition in if statement");
            *cond = p_bad_expr(p);
        }
        return;
    }

    int outer = p->xnest;
    p->xnest = -1;
    if (p->s.tok != T_SEMI) {
        /* accept a var declaration, with a complaint */
        if (p_got(p, T_VAR)) {
            Buf b = {0};
            buf_printf(&b, "var declaration not allowed in %s initializer", tok_string(keyword));
            p_syntax_error(p, buf_str(&b));
            buf_free(&b);
        }
        *init = simple_stmt(p, NULL, keyword);
        if ((*init)->kind == SYN_RANGE_CLAUSE) {
            p->xnest = outer;
            return;
        }
    }

    SynNode *cs = NULL;
    Pos semipos = NOPOS;
    const char *semilit = NULL;
    uint32_t semilen = 0;
    if (p->s.tok != T_LBRACE) {
        if (p->s.tok == T_SEMI) {
            semipos = p_pos(p);
            semilit = p->s.lit;
            semilen = p->s.litlen;
            p_next(p);
        } else {
            /* asking for '{' rather than ';' gives a better message */
            p_want(p, T_LBRACE);
            if (p->s.tok != T_LBRACE)
                p_advance(p, BIT(T_LBRACE) | BIT(T_RBRACE));
        }
        if (keyword == T_FOR) {
            if (p->s.tok != T_SEMI) {
                if (p->s.tok == T_LBRACE) {
                    p_syntax_error(p, "expected for loop condition");
                    goto done;
                }
                cs = simple_stmt(p, NULL, T_NONE);
            }
            p_want(p, T_SEMI);
            if (p->s.tok != T_LBRACE) {
                *post = simple_stmt(p, NULL, T_NONE);
                if ((*post)->kind == SYN_ASSIGN_STMT && (*post)->op == SYN_DEF)
                    p_syntax_error_at(p, (*post)->pos, "cannot declare in post statement of for loop");
            }
        } else if (p->s.tok != T_LBRACE) {
            cs = simple_stmt(p, NULL, keyword);
        }
    } else {
        cs = *init;
        *init = NULL;
    }

done:
    if (!cs) {
        if (keyword == T_IF && semipos != NOPOS) {
            if (!(semilen == 9 && memcmp(semilit, "semicolon", 9) == 0)) {
                Buf b = {0};
                buf_puts(&b, "unexpected ");
                buf_put(&b, semilit, semilen);
                buf_puts(&b, ", expected { after if clause");
                p_syntax_error_at(p, semipos, buf_str(&b));
                buf_free(&b);
            } else {
                p_syntax_error_at(p, semipos, "missing condition in if statement");
            }
            *cond = p_new(p, SYN_BAD_EXPR, sizeof(SynNode), semipos);
        }
    } else if (cs->kind == SYN_EXPR_STMT) {
        *cond = ((SynExprStmt *)cs)->x;
    } else {
        /* '=' written for '==' turns a condition into an assignment */
        Buf b = {0};
        buf_puts(&b, "cannot use ");
        if (cs->kind == SYN_ASSIGN_STMT && cs->op == SYN_OP_NONE) {
            SynAssignStmt *as = (SynAssignStmt *)cs;
            buf_puts(&b, "assignment ");
            emphasize(&b, as->lhs);
            buf_puts(&b, " = ");
            emphasize(&b, as->rhs);
        } else {
            syn_string(&b, cs);
        }
        buf_puts(&b, " as value");
        p_syntax_error_at(p, cs->pos, buf_str(&b));
        buf_free(&b);
    }
    p->xnest = outer;
}

static SynNode *for_stmt(Parser *p)
{
    SynForStmt *s = P_NEW(p, SynForStmt, SYN_FOR_STMT, p_pos(p));
    header(p, T_FOR, &s->init, &s->cond, &s->post);
    s->body = block_stmt(p, "for clause");
    return &s->n;
}

static SynNode *if_stmt(Parser *p)
{
    p_enter(p); /* else-if chains recurse here */
    SynIfStmt *s = P_NEW(p, SynIfStmt, SYN_IF_STMT, p_pos(p));
    header(p, T_IF, &s->init, &s->cond, NULL);
    s->then = block_stmt(p, "if clause");
    if (p_got(p, T_ELSE)) {
        switch (p->s.tok) {
        case T_IF:
            s->els = if_stmt(p);
            break;
        case T_LBRACE:
            s->els = &block_stmt(p, "")->n;
            break;
        default:
            p_syntax_error(p, "else must be followed by if or statement block");
            p_advance(p, BIT(T_NAME) | BIT(T_RBRACE));
            break;
        }
    }
    p_leave(p);
    return &s->n;
}

static SynNode *case_clause(Parser *p)
{
    SynCaseClause *c = P_NEW(p, SynCaseClause, SYN_CASE_CLAUSE, p_pos(p));
    switch (p->s.tok) {
    case T_CASE:
        p_next(p);
        c->cases = p_expr_list(p);
        break;
    case T_DEFAULT:
        p_next(p);
        break;
    default:
        p_syntax_error(p, "expected case or default or }");
        p_advance(p, BIT(T_COLON) | BIT(T_CASE) | BIT(T_DEFAULT) | BIT(T_RBRACE));
        break;
    }
    c->colon = p_pos(p);
    p_want(p, T_COLON);
    c->body = stmt_list(p);
    return &c->n;
}

static SynNode *comm_clause(Parser *p)
{
    SynCommClause *c = P_NEW(p, SynCommClause, SYN_COMM_CLAUSE, p_pos(p));
    switch (p->s.tok) {
    case T_CASE:
        /* send, receive, or assignment of a receive; anything else simple
         * is accepted here and rejected by the type checker */
        p_next(p);
        c->comm = simple_stmt(p, NULL, T_NONE);
        break;
    case T_DEFAULT:
        p_next(p);
        break;
    default:
        p_syntax_error(p, "expected case or default or }");
        p_advance(p, BIT(T_COLON) | BIT(T_CASE) | BIT(T_DEFAULT) | BIT(T_RBRACE));
        break;
    }
    c->colon = p_pos(p);
    p_want(p, T_COLON);
    c->body = stmt_list(p);
    return &c->n;
}

static SynNode *switch_stmt(Parser *p)
{
    SynSwitchStmt *s = P_NEW(p, SynSwitchStmt, SYN_SWITCH_STMT, p_pos(p));
    header(p, T_SWITCH, &s->init, &s->tag, NULL);
    if (!p_got(p, T_LBRACE)) {
        p_syntax_error(p, "missing { after switch clause");
        p_advance(p, BIT(T_CASE) | BIT(T_DEFAULT) | BIT(T_RBRACE));
    }
    uint32_t mark = p->stk.len;
    while (p->s.tok != T_EOF && p->s.tok != T_RBRACE)
        ptrvec_push(&p->stk, case_clause(p));
    s->body = p_take_list(p, mark);
    s->rbrace = p_pos(p);
    p_want(p, T_RBRACE);
    return &s->n;
}

static SynNode *select_stmt(Parser *p)
{
    SynSelectStmt *s = P_NEW(p, SynSelectStmt, SYN_SELECT_STMT, p_pos(p));
    p_want(p, T_SELECT);
    if (!p_got(p, T_LBRACE)) {
        p_syntax_error(p, "missing { after select clause");
        p_advance(p, BIT(T_CASE) | BIT(T_DEFAULT) | BIT(T_RBRACE));
    }
    uint32_t mark = p->stk.len;
    while (p->s.tok != T_EOF && p->s.tok != T_RBRACE)
        ptrvec_push(&p->stk, comm_clause(p));
    s->body = p_take_list(p, mark);
    s->rbrace = p_pos(p);
    p_want(p, T_RBRACE);
    return &s->n;
}

static SynNode *call_stmt(Parser *p)
{
    SynCallStmt *s = P_NEW(p, SynCallStmt, SYN_CALL_STMT, p_pos(p));
    bool isgo = p->s.tok == T_GO;
    s->n.op = isgo ? SYN_GO : SYN_DEFER;
    p_next(p);
    /* keep parentheses so that they can be reported */
    SynNode *x = p_pexpr(p, NULL, p->s.tok == T_LPAREN);
    SynNode *t = syn_unparen(x);
    if (t != x) {
        Buf b = {0};
        buf_printf(&b, "expression in %s must not be parenthesized", isgo ? "go" : "defer");
        p_error_at(p, x->pos, buf_str(&b));
        buf_free(&b);
        x = t;
    }
    s->call = x;
    return &s->n;
}

static SynNode *branch_stmt(Parser *p, SynBranchTok tok)
{
    SynBranchStmt *s = P_NEW(p, SynBranchStmt, SYN_BRANCH_STMT, p_pos(p));
    s->n.op = (uint8_t)tok;
    p_next(p);
    return &s->n;
}

/* Returns NULL if no statement is present. */
static SynNode *stmt_or_nil_inner(Parser *p)
{
    /* most statements start with a name: look for that first */
    if (p->s.tok == T_NAME) {
        clear_pragma(p);
        SynNode *lhs = p_expr_list(p);
        if (lhs->kind == SYN_NAME && p->s.tok == T_COLON)
            return labeled_stmt_or_nil(p, (SynName *)lhs);
        return simple_stmt(p, lhs, T_NONE);
    }

    switch (p->s.tok) {
    case T_VAR: return decl_stmt(p, var_decl);
    case T_CONST: return decl_stmt(p, const_decl);
    case T_TYPE: return decl_stmt(p, type_decl);
    default: break;
    }

    clear_pragma(p);

    switch (p->s.tok) {
    case T_LBRACE:
        return &block_stmt(p, "")->n;
    case T_OPERATOR:
    case T_STAR:
        switch (p->s.op) {
        case SYN_ADD: case SYN_SUB: case SYN_MUL: case SYN_AND: case SYN_XOR: case SYN_NOT:
            return simple_stmt(p, NULL, T_NONE); /* unary operators */
        default:
            return NULL;
        }
    case T_LITERAL: case T_FUNC: case T_LPAREN: /* operands */
    case T_LBRACK: case T_STRUCT: case T_MAP: case T_CHAN: case T_INTERFACE: /* types */
    case T_ARROW: /* receive */
        return simple_stmt(p, NULL, T_NONE);
    case T_FOR:
        return for_stmt(p);
    case T_SWITCH:
        return switch_stmt(p);
    case T_SELECT:
        return select_stmt(p);
    case T_IF:
        return if_stmt(p);
    case T_FALLTHROUGH:
        return branch_stmt(p, SYN_FALLTHROUGH);
    case T_BREAK:
    case T_CONTINUE: {
        SynNode *s = branch_stmt(p, p->s.tok == T_BREAK ? SYN_BREAK : SYN_CONTINUE);
        if (p->s.tok == T_NAME)
            ((SynBranchStmt *)s)->label = p_name(p);
        return s;
    }
    case T_GO:
    case T_DEFER:
        return call_stmt(p);
    case T_GOTO: {
        SynNode *s = branch_stmt(p, SYN_GOTO);
        ((SynBranchStmt *)s)->label = p_name(p);
        return s;
    }
    case T_RETURN: {
        SynReturnStmt *s = P_NEW(p, SynReturnStmt, SYN_RETURN_STMT, p_pos(p));
        p_next(p);
        if (p->s.tok != T_SEMI && p->s.tok != T_RBRACE)
            s->results = p_expr_list(p);
        return &s->n;
    }
    case T_SEMI:
        return p_new(p, SYN_EMPTY_STMT, sizeof(SynNode), p_pos(p));
    default:
        return NULL;
    }
}

static SynNode *stmt_or_nil(Parser *p)
{
    p_enter(p);
    SynNode *s = stmt_or_nil_inner(p);
    p_leave(p);
    return s;
}

/* StatementList = { Statement ";" } . */
static SynList stmt_list(Parser *p)
{
    uint32_t mark = p->stk.len;
    while (p->s.tok != T_EOF && p->s.tok != T_RBRACE && p->s.tok != T_CASE &&
           p->s.tok != T_DEFAULT) {
        SynNode *s = stmt_or_nil(p);
        clear_pragma(p);
        if (!s)
            break;
        ptrvec_push(&p->stk, s);
        /* ";" is optional before "}" */
        if (!p_got(p, T_SEMI) && p->s.tok != T_RBRACE) {
            p_syntax_error(p, "at end of statement");
            p_advance(p, BIT(T_SEMI) | BIT(T_RBRACE) | BIT(T_CASE) | BIT(T_DEFAULT));
            p_got(p, T_SEMI); /* avoid a spurious empty statement */
        }
    }
    return p_take_list(p, mark);
}

/* ---- entry point ------------------------------------------------------------------------ */

SynFile *syn_parse_file(SynCtx *ctx, SrcFile *src, uint32_t *nerrors)
{
    Parser *p = xcalloc(1, sizeof *p);
    p->ctx = ctx;
    p->a = ctx->arena;
    p->file = src;
    p->top = true;
    p->goversion = "";
    p->ps.ctx = ctx;
    SynFile *f = NULL;
    /* placeholder file for directives seen before the package clause */
    SynFile early;
    memset(&early, 0, sizeof early);
    early.src = src;
    p->ps.file = &early;
    if (setjmp(p->bail) == 0) {
        scanner_init(&p->s, src->data, src->size, on_scan, p);
        p_next(p);
        f = file_or_nil(p);
    } else {
        f = NULL;
    }
    if (f)
        pragma_finish(&p->ps);
    else {
        ptrvec_free(&p->ps.linknames);
        ptrvec_free(&p->ps.cgo);
    }
    if (nerrors)
        *nerrors = p->errcnt;
    ptrvec_free(&p->stk);
    ptrvec_free(&p->tags);
    free(p);
    return f;
}
