/*
 * The parser, part two: expressions, types and parameter lists.
 *
 * Go's grammar is ambiguous in a few places that gc resolves by looking at
 * what it has parsed so far rather than by backtracking:
 *  - `T{` after an expression is a composite literal only where a block
 *    cannot start (xnest >= 0; for/if/switch headers set xnest to -1);
 *  - `<-chan T` versus a receive from `chan T(x)` is decided after the
 *    operand is complete (the arrow is re-associated onto channel types);
 *  - `name [` in a field or parameter starts either an array type or a
 *    type argument list, decided after the bracketed list.
 * The same decisions are made here, in the same order, so that trees and
 * errors match.
 */
#include "parser.h"

#include <string.h>

SynName *p_new_name(Parser *p, Pos pos, const char *s)
{
    SynName *n = P_NEW(p, SynName, SYN_NAME, pos);
    n->value = sym_cstr(p->ctx->syms, s);
    return n;
}

/* The interned symbol for the current name token. */
static const Sym *name_sym(Parser *p)
{
    const char *lit = p->s.lit;
    uint32_t len = p->s.litlen;
    /* cheap cache index: length and first/last bytes */
    unsigned k = (len * 31u + (unsigned char)lit[0] * 7u + (unsigned char)lit[len - 1]) & 255u;
    const Sym *c = p->namecache[k];
    if (c && c->len == len && memcmp(c->name, lit, len) == 0)
        return c;
    c = sym_intern(p->ctx->syms, lit, len);
    p->namecache[k] = c;
    return c;
}

SynName *p_name(Parser *p)
{
    if (p->s.tok == T_NAME) {
        SynName *n = P_NEW(p, SynName, SYN_NAME, p_pos(p));
        n->value = name_sym(p);
        p_next(p);
        return n;
    }
    SynName *n = p_new_name(p, p_pos(p), "_");
    p_syntax_error(p, "expected name");
    p_advance(p, 0);
    return n;
}

SynNode *p_bad_expr(Parser *p) { return p_new(p, SYN_BAD_EXPR, sizeof(SynNode), p_pos(p)); }

static SynNode *new_operation(Parser *p, Pos pos, SynOp op, SynNode *x, SynNode *y)
{
    SynOperation *o = P_NEW(p, SynOperation, SYN_OPERATION, pos);
    o->n.op = (uint8_t)op;
    o->x = x;
    o->y = y;
    return &o->n;
}

SynNode *p_expr(Parser *p) { return p_binary_expr(p, NULL, 0); }

static SynNode *unary_expr(Parser *p);

/* Expression = UnaryExpr | Expression binary_op Expression . */
SynNode *p_binary_expr(Parser *p, SynNode *x, int prec)
{
    p_enter(p);
    if (!x)
        x = unary_expr(p);
    while ((p->s.tok == T_OPERATOR || p->s.tok == T_STAR) && p->s.prec > prec) {
        Pos pos = p_pos(p);
        SynOp op = p->s.op;
        int tprec = p->s.prec;
        p_next(p);
        x = new_operation(p, pos, op, x, NULL);
        ((SynOperation *)x)->y = p_binary_expr(p, NULL, tprec);
    }
    p_leave(p);
    return x;
}

/* UnaryExpr = PrimaryExpr | unary_op UnaryExpr . */
static SynNode *unary_expr(Parser *p)
{
    p_enter(p);
    SynNode *r;
    switch (p->s.tok) {
    case T_OPERATOR:
    case T_STAR:
        switch (p->s.op) {
        case SYN_MUL: case SYN_ADD: case SYN_SUB: case SYN_NOT: case SYN_XOR: case SYN_TILDE: {
            Pos pos = p_pos(p);
            SynOp op = p->s.op;
            p_next(p);
            r = new_operation(p, pos, op, NULL, NULL);
            ((SynOperation *)r)->x = unary_expr(p);
            goto out;
        }
        case SYN_AND: {
            Pos pos = p_pos(p);
            p_next(p);
            r = new_operation(p, pos, SYN_AND, NULL, NULL);
            /* the operand may be a parenthesized composite literal */
            ((SynOperation *)r)->x = syn_unparen(unary_expr(p));
            goto out;
        }
        default:
            break;
        }
        break;

    case T_ARROW: {
        /* a receive <-x, or a receive-only channel type <-chan E; which
         * one is known only once the operand is complete */
        Pos pos = p_pos(p);
        p_next(p);
        SynNode *x = unary_expr(p);
        if (x->kind == SYN_CHAN_TYPE) {
            /* <-(chan E) => (<-chan E);  <-(chan<- E) => (<-chan (<-E)) */
            SynChanDir dir = SYN_CHAN_SEND;
            SynNode *t = x;
            while (dir == SYN_CHAN_SEND) {
                if (t->kind != SYN_CHAN_TYPE)
                    break;
                SynChanType *c = (SynChanType *)t;
                dir = (SynChanDir)c->n.op;
                if (dir == SYN_CHAN_RECV) {
                    /* <-<-chan E is not permitted */
                    p_syntax_error(p, "unexpected <-, expected chan");
                }
                c->n.op = SYN_CHAN_RECV;
                t = c->elem;
            }
            if (dir == SYN_CHAN_SEND) {
                /* the element of the last chan<- is not a channel */
                Buf b = {0};
                buf_puts(&b, "unexpected ");
                syn_string(&b, t);
                buf_puts(&b, ", expected chan");
                p_syntax_error(p, buf_str(&b));
                buf_free(&b);
            }
            r = x;
            goto out;
        }
        r = new_operation(p, pos, SYN_RECV, x, NULL);
        goto out;
    }
    default:
        break;
    }
    /* keep parentheses so that "(x) := true" can be reported */
    r = p_pexpr(p, NULL, true);
out:
    p_leave(p);
    return r;
}

static SynFuncLit *func_lit(Parser *p, Pos pos, SynFuncType *ftyp)
{
    p->xnest++;
    SynFuncLit *f = P_NEW(p, SynFuncLit, SYN_FUNC_LIT, pos);
    f->type = ftyp;
    f->body = p_func_body(p);
    p->xnest--;
    return f;
}

/* Operand = Literal | OperandName | MethodExpr | "(" Expression ")" . */
static SynNode *operand(Parser *p, bool keep_parens)
{
    switch (p->s.tok) {
    case T_NAME:
        return &p_name(p)->n;
    case T_LITERAL:
        return &p_oliteral(p)->n;
    case T_LPAREN: {
        Pos pos = p_pos(p);
        p_next(p);
        p->xnest++;
        SynNode *x = p_expr(p);
        p->xnest--;
        p_want(p, T_RPAREN);
        /* Parentheses are recorded only where needed for errors: around
         * a composite literal type (T){...} and in go/defer statements. */
        if (p->s.tok == T_LBRACE)
            keep_parens = true;
        if (keep_parens) {
            SynParenExpr *px = P_NEW(p, SynParenExpr, SYN_PAREN_EXPR, pos);
            px->x = x;
            x = &px->n;
        }
        return x;
    }
    case T_FUNC: {
        Pos pos = p_pos(p);
        p_next(p);
        SynList tp;
        SynFuncType *ftyp = p_func_type(p, "function type", &tp);
        if (p->s.tok == T_LBRACE)
            return &func_lit(p, pos, ftyp)->n;
        return &ftyp->n;
    }
    case T_LBRACK: case T_CHAN: case T_MAP: case T_STRUCT: case T_INTERFACE:
        return p_type(p);
    default: {
        SynNode *x = p_bad_expr(p);
        p_syntax_error(p, "expected expression");
        p_advance(p, BIT(T_RPAREN) | BIT(T_RBRACK) | BIT(T_RBRACE));
        return x;
    }
    }
}

/* x must be a value (not a type), judging by syntax alone. */
static bool is_value(SynNode *x)
{
    switch (x->kind) {
    case SYN_BASIC_LIT: case SYN_COMPOSITE_LIT: case SYN_FUNC_LIT: case SYN_SLICE_EXPR:
    case SYN_ASSERT_EXPR: case SYN_TYPE_SWITCH_GUARD: case SYN_CALL_EXPR:
        return true;
    case SYN_OPERATION:
        return x->op != SYN_MUL || ((SynOperation *)x)->y; /* *T may be a type */
    case SYN_PAREN_EXPR:
        return is_value(((SynParenExpr *)x)->x);
    case SYN_INDEX_EXPR:
        return is_value(((SynIndexExpr *)x)->x) || is_value(((SynIndexExpr *)x)->index);
    default:
        return false;
    }
}

static SynNode *type_list(Parser *p, bool strict, bool *comma);
static SynCompositeLit *complit_expr(Parser *p);

typedef struct ArgsCtx {
    bool hasdots;
} ArgsCtx;

static bool arg_elem(Parser *p, void *ud)
{
    ArgsCtx *c = ud;
    ptrvec_push(&p->stk, p_expr(p));
    c->hasdots = p_got(p, T_DOTDOTDOT);
    return c->hasdots;
}

/* PrimaryExpr = Operand | Conversion | PrimaryExpr Selector | ... */
SynNode *p_pexpr(Parser *p, SynNode *x, bool keep_parens)
{
    p_enter(p);
    if (!x)
        x = operand(p, keep_parens);
    for (;;) {
        Pos pos = p_pos(p);
        switch (p->s.tok) {
        case T_DOT:
            p_next(p);
            switch (p->s.tok) {
            case T_NAME: {
                SynSelectorExpr *t = P_NEW(p, SynSelectorExpr, SYN_SELECTOR_EXPR, pos);
                t->x = x;
                t->sel = p_name(p);
                x = &t->n;
                break;
            }
            case T_LPAREN:
                p_next(p);
                if (p_got(p, T_TYPE)) {
                    /* the lhs of x := y.(type) is filled in by simple_stmt */
                    SynTypeSwitchGuard *t =
                        P_NEW(p, SynTypeSwitchGuard, SYN_TYPE_SWITCH_GUARD, pos);
                    t->x = x;
                    x = &t->n;
                } else {
                    SynAssertExpr *t = P_NEW(p, SynAssertExpr, SYN_ASSERT_EXPR, pos);
                    t->x = x;
                    t->type = p_type(p);
                    x = &t->n;
                }
                p_want(p, T_RPAREN);
                break;
            default:
                p_syntax_error(p, "expected name or (");
                p_advance(p, BIT(T_SEMI) | BIT(T_RPAREN));
                break;
            }
            continue;

        case T_LBRACK: {
            p_next(p);
            SynNode *i = NULL;
            if (p->s.tok != T_COLON) {
                bool comma = false;
                if (p->s.tok == T_RBRACK) {
                    /* invalid empty instance, slice or index; accept */
                    p_syntax_error(p, "expected operand");
                    i = p_bad_expr(p);
                } else {
                    i = type_list(p, false, &comma);
                }
                if (comma || p->s.tok == T_RBRACK) {
                    p_want(p, T_RBRACK);
                    /* x[], x[i,] or x[i, j, ...] */
                    SynIndexExpr *t = P_NEW(p, SynIndexExpr, SYN_INDEX_EXPR, pos);
                    t->x = x;
                    t->index = i;
                    x = &t->n;
                    continue;
                }
            }
            /* x[i:... (a plain want(:) would give a worse message) */
            if (!p_got(p, T_COLON)) {
                p_syntax_error(p, "expected comma, : or ]");
                p_advance(p, BIT(T_COMMA) | BIT(T_COLON) | BIT(T_RBRACK));
            }
            p->xnest++;
            SynSliceExpr *t = P_NEW(p, SynSliceExpr, SYN_SLICE_EXPR, pos);
            t->x = x;
            t->index[0] = i;
            if (p->s.tok != T_COLON && p->s.tok != T_RBRACK)
                t->index[1] = p_expr(p);
            if (p->s.tok == T_COLON) {
                t->n.flags |= SYN_F_FULL;
                if (!t->index[1]) {
                    p_error(p, "middle index required in 3-index slice");
                    t->index[1] = p_bad_expr(p);
                }
                p_next(p);
                if (p->s.tok != T_RBRACK) {
                    t->index[2] = p_expr(p);
                } else {
                    p_error(p, "final index required in 3-index slice");
                    t->index[2] = p_bad_expr(p);
                }
            }
            p->xnest--;
            p_want(p, T_RBRACK);
            x = &t->n;
            continue;
        }

        case T_LPAREN: {
            SynCallExpr *t = P_NEW(p, SynCallExpr, SYN_CALL_EXPR, pos);
            p_next(p);
            t->fun = x;
            ArgsCtx c = {false};
            uint32_t mark = p->stk.len;
            p->xnest++;
            p_list(p, "argument list", T_COMMA, T_RPAREN, arg_elem, &c);
            p->xnest--;
            t->args = p_take_list(p, mark);
            if (c.hasdots)
                t->n.flags |= SYN_F_HASDOTS;
            x = &t->n;
            continue;
        }

        case T_LBRACE: {
            /* composite literal, or the block after a header? */
            SynNode *t = syn_unparen(x);
            bool complit_ok = false;
            switch (t->kind) {
            case SYN_NAME:
            case SYN_SELECTOR_EXPR:
                complit_ok = p->xnest >= 0;
                break;
            case SYN_INDEX_EXPR:
                complit_ok = p->xnest >= 0 && !is_value(t);
                break;
            case SYN_ARRAY_TYPE: case SYN_SLICE_TYPE: case SYN_STRUCT_TYPE: case SYN_MAP_TYPE:
                complit_ok = true;
                break;
            default:
                break;
            }
            if (!complit_ok)
                goto done;
            if (t != x)
                p_syntax_error(p, "cannot parenthesize type in composite literal");
            SynCompositeLit *n = complit_expr(p);
            n->type = x;
            x = &n->n;
            continue;
        }

        default:
            goto done;
        }
    }
done:
    p_leave(p);
    return x;
}

/* Element = Expression | LiteralValue . */
static SynNode *bare_complit_expr(Parser *p)
{
    if (p->s.tok == T_LBRACE)
        return &complit_expr(p)->n;
    return p_expr(p);
}

typedef struct ComplitCtx {
    SynCompositeLit *x;
} ComplitCtx;

static bool complit_elem(Parser *p, void *ud)
{
    ComplitCtx *c = ud;
    SynNode *e = bare_complit_expr(p);
    if (p->s.tok == T_COLON) {
        SynKeyValueExpr *l = P_NEW(p, SynKeyValueExpr, SYN_KEY_VALUE_EXPR, p_pos(p));
        p_next(p);
        l->key = e;
        l->value = bare_complit_expr(p);
        e = &l->n;
        c->x->nkeys++;
    }
    ptrvec_push(&p->stk, e);
    return false;
}

/* LiteralValue = "{" [ ElementList [ "," ] ] "}" . */
static SynCompositeLit *complit_expr(Parser *p)
{
    p_enter(p);
    SynCompositeLit *x = P_NEW(p, SynCompositeLit, SYN_COMPOSITE_LIT, p_pos(p));
    p->xnest++;
    p_want(p, T_LBRACE);
    ComplitCtx c = {x};
    uint32_t mark = p->stk.len;
    x->rbrace = p_list(p, "composite literal", T_COMMA, T_RBRACE, complit_elem, &c);
    x->elems = p_take_list(p, mark);
    p->xnest--;
    p_leave(p);
    return x;
}

/* ---- types ------------------------------------------------------------------ */

SynNode *p_type(Parser *p)
{
    SynNode *t = p_type_or_nil(p);
    if (!t) {
        t = p_bad_expr(p);
        p_syntax_error(p, "expected type");
        p_advance(p, BIT(T_COMMA) | BIT(T_COLON) | BIT(T_SEMI) | BIT(T_RPAREN) | BIT(T_RBRACK) |
                         BIT(T_RBRACE));
    }
    return t;
}

static SynNode *new_indirect(Parser *p, Pos pos, SynNode *typ)
{
    return new_operation(p, pos, SYN_MUL, typ, NULL);
}

static SynNode *chan_elem(Parser *p)
{
    SynNode *t = p_type_or_nil(p);
    if (!t) {
        t = p_bad_expr(p);
        p_syntax_error(p, "missing channel element type");
        /* assume the element type is simply absent: don't advance */
    }
    return t;
}

static SynNode *struct_type(Parser *p);
static SynNode *interface_type(Parser *p);

static SynNode *type_or_nil_inner(Parser *p)
{
    Pos pos = p_pos(p);
    switch (p->s.tok) {
    case T_STAR:
        p_next(p);
        return new_indirect(p, pos, p_type(p));
    case T_ARROW: {
        p_next(p);
        p_want(p, T_CHAN);
        SynChanType *t = P_NEW(p, SynChanType, SYN_CHAN_TYPE, pos);
        t->n.op = SYN_CHAN_RECV;
        t->elem = chan_elem(p);
        return &t->n;
    }
    case T_FUNC: {
        p_next(p);
        SynList tp;
        return &p_func_type(p, "function type", &tp)->n;
    }
    case T_LBRACK:
        p_next(p);
        if (p_got(p, T_RBRACK))
            return p_slice_type(p, pos);
        return p_array_type(p, pos, NULL);
    case T_CHAN: {
        p_next(p);
        SynChanType *t = P_NEW(p, SynChanType, SYN_CHAN_TYPE, pos);
        if (p_got(p, T_ARROW))
            t->n.op = SYN_CHAN_SEND;
        t->elem = chan_elem(p);
        return &t->n;
    }
    case T_MAP: {
        p_next(p);
        p_want(p, T_LBRACK);
        SynMapType *t = P_NEW(p, SynMapType, SYN_MAP_TYPE, pos);
        t->key = p_type(p);
        p_want(p, T_RBRACK);
        t->value = p_type(p);
        return &t->n;
    }
    case T_STRUCT:
        return struct_type(p);
    case T_INTERFACE:
        return interface_type(p);
    case T_NAME:
        return p_qualified_name(p, NULL);
    case T_LPAREN: {
        p_next(p);
        SynNode *t = p_type(p);
        p_want(p, T_RPAREN);
        return t; /* unnecessary parentheses are not kept */
    }
    default:
        return NULL;
    }
}

/* Type = TypeName | TypeLit | "(" Type ")" ; NULL if there is none. */
SynNode *p_type_or_nil(Parser *p)
{
    p_enter(p);
    SynNode *t = type_or_nil_inner(p);
    p_leave(p);
    return t;
}

static SynNode *type_instance(Parser *p, SynNode *typ)
{
    Pos pos = p_pos(p);
    p_want(p, T_LBRACK);
    SynIndexExpr *x = P_NEW(p, SynIndexExpr, SYN_INDEX_EXPR, pos);
    x->x = typ;
    if (p->s.tok == T_RBRACK) {
        p_syntax_error(p, "expected type argument list");
        x->index = p_bad_expr(p);
    } else {
        bool comma;
        x->index = type_list(p, true, &comma);
    }
    p_want(p, T_RBRACK);
    return &x->n;
}

static SynList func_result(Parser *p);

/* With a context, type parameters are not permitted (but accepted). */
SynFuncType *p_func_type(Parser *p, const char *context, SynList *tparams)
{
    SynFuncType *typ = P_NEW(p, SynFuncType, SYN_FUNC_TYPE, p_pos(p));
    memset(tparams, 0, sizeof *tparams);
    if (p_got(p, T_LBRACK)) {
        if (context) {
            Buf b = {0};
            buf_printf(&b, "%s must have no type parameters", context);
            p_syntax_error_at(p, typ->n.pos, buf_str(&b));
            buf_free(&b);
        }
        if (p->s.tok == T_RBRACK) {
            p_syntax_error(p, "empty type parameter list");
            p_next(p);
        } else {
            *tparams = p_param_list(p, NULL, NULL, T_RBRACK, true, false);
        }
    }
    p_want(p, T_LPAREN);
    typ->params = p_param_list(p, NULL, NULL, T_RPAREN, false, true);
    typ->results = func_result(p);
    return typ;
}

/* "[" has been consumed (at pos); len, if given, was already parsed. */
SynNode *p_array_type(Parser *p, Pos pos, SynNode *len)
{
    if (!len && !p_got(p, T_DOTDOTDOT)) {
        p->xnest++;
        len = p_expr(p);
        p->xnest--;
    }
    if (p->s.tok == T_COMMA) {
        /* trailing commas are for type parameter lists, not arrays */
        p_syntax_error(p, "unexpected comma; expected ]");
        p_next(p);
    }
    p_want(p, T_RBRACK);
    SynArrayType *t = P_NEW(p, SynArrayType, SYN_ARRAY_TYPE, pos);
    t->len = len;
    t->elem = p_type(p);
    return &t->n;
}

/* "[" and "]" have been consumed; pos is that of "[". */
SynNode *p_slice_type(Parser *p, Pos pos)
{
    SynSliceType *t = P_NEW(p, SynSliceType, SYN_SLICE_TYPE, pos);
    t->elem = p_type(p);
    return &t->n;
}

typedef struct StructCtx {
    uint32_t fmark, tmark;
} StructCtx;

static void add_field(Parser *p, StructCtx *c, Pos pos, SynName *name, SynNode *typ,
                      SynBasicLit *tag)
{
    if (tag) {
        /* tags are padded with NULLs up to their field */
        uint32_t nfields = p->stk.len - c->fmark, ntags = p->tags.len - c->tmark;
        for (uint32_t i = nfields - ntags; i > 0; i--)
            ptrvec_push(&p->tags, NULL);
        ptrvec_push(&p->tags, tag);
    }
    SynField *f = P_NEW(p, SynField, SYN_FIELD, pos);
    f->name = name;
    f->type = typ;
    ptrvec_push(&p->stk, f);
}

static SynNode *array_or_targs(Parser *p);

/* FieldDecl = (IdentifierList Type | AnonymousField) [ Tag ] . */
static bool field_decl(Parser *p, void *ud)
{
    StructCtx *c = ud;
    Pos pos = p_pos(p);
    switch (p->s.tok) {
    case T_NAME: {
        SynName *name = p_name(p);
        if (p->s.tok == T_DOT || p->s.tok == T_LITERAL || p->s.tok == T_SEMI ||
            p->s.tok == T_RBRACE) {
            /* embedded type */
            SynNode *typ = p_qualified_name(p, name);
            SynBasicLit *tag = p_oliteral(p);
            add_field(p, c, pos, NULL, typ, tag);
            break;
        }
        /* name1, name2, ... Type [tag] */
        uint32_t mark = p->stk.len;
        ptrvec_push(&p->stk, name);
        while (p_got(p, T_COMMA))
            ptrvec_push(&p->stk, p_name(p));
        uint32_t nnames = p->stk.len - mark;
        SynNode *typ;
        /* An embedded instantiated type T[P1, P2] or a field T of array
         * or slice type [P]E / []E? */
        if (nnames == 1 && p->s.tok == T_LBRACK) {
            typ = array_or_targs(p);
            if (typ->kind == SYN_INDEX_EXPR) {
                ((SynIndexExpr *)typ)->x = &name->n;
                p->stk.len = mark;
                SynBasicLit *tag = p_oliteral(p);
                add_field(p, c, pos, NULL, typ, tag);
                break;
            }
        } else {
            typ = p_type(p);
        }
        SynBasicLit *tag = p_oliteral(p);
        /* the names sit on the scratch stack where the fields go */
        SynList names = p_take_list(p, mark);
        for (uint32_t i = 0; i < names.len; i++) {
            SynName *nm = (SynName *)names.items[i];
            add_field(p, c, nm->n.pos, nm, typ, tag);
        }
        break;
    }
    case T_STAR: {
        p_next(p);
        SynNode *typ;
        if (p->s.tok == T_LPAREN) {
            /* *(T) */
            p_syntax_error(p, "cannot parenthesize embedded type");
            p_next(p);
            typ = p_qualified_name(p, NULL);
            p_got(p, T_RPAREN); /* no need to complain if missing */
        } else {
            typ = p_qualified_name(p, NULL);
        }
        SynBasicLit *tag = p_oliteral(p);
        add_field(p, c, pos, NULL, new_indirect(p, pos, typ), tag);
        break;
    }
    case T_LPAREN: {
        p_syntax_error(p, "cannot parenthesize embedded type");
        p_next(p);
        SynNode *typ;
        if (p->s.tok == T_STAR) {
            /* (*T) */
            Pos spos = p_pos(p);
            p_next(p);
            typ = new_indirect(p, spos, p_qualified_name(p, NULL));
        } else {
            typ = p_qualified_name(p, NULL);
        }
        p_got(p, T_RPAREN);
        SynBasicLit *tag = p_oliteral(p);
        add_field(p, c, pos, NULL, typ, tag);
        break;
    }
    default:
        p_syntax_error(p, "expected field name or embedded type");
        p_advance(p, BIT(T_SEMI) | BIT(T_RBRACE));
        break;
    }
    return false;
}

/* StructType = "struct" "{" { FieldDecl ";" } "}" . */
static SynNode *struct_type(Parser *p)
{
    SynStructType *typ = P_NEW(p, SynStructType, SYN_STRUCT_TYPE, p_pos(p));
    p_want(p, T_STRUCT);
    p_want(p, T_LBRACE);
    StructCtx c = {p->stk.len, p->tags.len};
    p_list(p, "struct type", T_SEMI, T_RBRACE, field_decl, &c);
    typ->fields = p_take_list(p, c.fmark);
    uint32_t ntags = p->tags.len - c.tmark;
    typ->tags.len = ntags;
    typ->tags.items = ntags ? arena_memdup(p->a, p->tags.data + c.tmark, sizeof(void *) * ntags) : NULL;
    p->tags.len = c.tmark;
    return &typ->n;
}

/* "name [" in a field or parameter: [n]E, or type arguments [P1, P2].
 * For type arguments the IndexExpr's X is filled in by the caller. */
static SynNode *array_or_targs(Parser *p)
{
    Pos pos = p_pos(p);
    p_want(p, T_LBRACK);
    if (p_got(p, T_RBRACK))
        return p_slice_type(p, pos);
    bool comma;
    SynNode *n = type_list(p, false, &comma);
    p_want(p, T_RBRACK);
    if (!comma) {
        SynNode *elem = p_type_or_nil(p);
        if (elem) {
            SynArrayType *t = P_NEW(p, SynArrayType, SYN_ARRAY_TYPE, pos);
            t->len = n;
            t->elem = elem;
            return &t->n;
        }
    }
    SynIndexExpr *t = P_NEW(p, SynIndexExpr, SYN_INDEX_EXPR, pos);
    t->index = n;
    return &t->n;
}

SynBasicLit *p_oliteral(Parser *p)
{
    if (p->s.tok != T_LITERAL)
        return NULL;
    SynBasicLit *b = P_NEW(p, SynBasicLit, SYN_BASIC_LIT, p_pos(p));
    b->value = p->s.lit;
    b->len = p->s.litlen;
    b->n.op = (uint8_t)p->s.kind;
    if (p->s.bad)
        b->n.flags |= SYN_F_BAD;
    p_next(p);
    return b;
}

static SynField *embedded_elem(Parser *p, SynField *f);

/* MethodSpec = MethodName Signature | InterfaceTypeName . */
static SynField *method_decl(Parser *p)
{
    static const char *const context = "interface method";
    SynField *f = P_NEW(p, SynField, SYN_FIELD, p_pos(p));
    SynName *name = p_name(p);
    SynList tp;
    switch (p->s.tok) {
    case T_LPAREN:
        f->name = name;
        f->type = &p_func_type(p, context, &tp)->n;
        break;
    case T_LBRACK: {
        /* a generic method m[T C](x T) (accepted, with a complaint) or an
         * embedded instantiated type T[P1, P2] */
        Pos pos = p_pos(p);
        p_next(p);
        if (p->s.tok == T_RBRACK) {
            /* name[]: treat as if [] were absent */
            Pos pos2 = p_pos(p);
            p_next(p);
            if (p->s.tok == T_LPAREN) {
                p_error_at(p, pos2, "empty type parameter list");
                f->name = name;
                f->type = &p_func_type(p, context, &tp)->n;
            } else {
                p_error_at(p, pos2, "empty type argument list");
                f->type = &name->n;
            }
            break;
        }
        /* type arguments look like a parameter list of types only */
        SynList list = p_param_list(p, NULL, NULL, T_RBRACK, false, false);
        if (list.len == 0) {
            /* errors were reported by p_param_list */
            if (p->s.tok == T_LPAREN) {
                f->name = name;
                f->type = &p_func_type(p, context, &tp)->n;
            } else {
                f->type = &name->n;
            }
            break;
        }
        if (((SynField *)list.items[0])->name) {
            /* generic method */
            f->name = name;
            f->type = &p_func_type(p, context, &tp)->n;
            p_error_at(p, pos, "interface method must have no type parameters");
            break;
        }
        /* embedded instantiated type */
        SynIndexExpr *t = P_NEW(p, SynIndexExpr, SYN_INDEX_EXPR, pos);
        t->x = &name->n;
        if (list.len == 1) {
            t->index = ((SynField *)list.items[0])->type;
        } else {
            SynListExpr *l = P_NEW(p, SynListExpr, SYN_LIST_EXPR, list.items[0]->pos);
            l->elems.len = list.len;
            l->elems.items = ARENA_ARRAY(p->a, SynNode *, list.len);
            for (uint32_t i = 0; i < list.len; i++)
                l->elems.items[i] = ((SynField *)list.items[i])->type;
            t->index = &l->n;
        }
        f->type = &t->n;
        break;
    }
    default:
        /* embedded type */
        f->type = p_qualified_name(p, name);
        break;
    }
    return f;
}

/* EmbeddedTerm = [ "~" ] Type . */
static SynNode *embedded_term(Parser *p)
{
    if (p->s.tok == T_OPERATOR && p->s.op == SYN_TILDE) {
        Pos pos = p_pos(p);
        p_next(p);
        return new_operation(p, pos, SYN_TILDE, p_type(p), NULL);
    }
    SynNode *t = p_type_or_nil(p);
    if (!t) {
        t = p_bad_expr(p);
        p_syntax_error(p, "expected ~ term or type");
        p_advance(p, BIT(T_OPERATOR) | BIT(T_SEMI) | BIT(T_RPAREN) | BIT(T_RBRACK) |
                         BIT(T_RBRACE));
    }
    return t;
}

/* EmbeddedElem = MethodSpec | EmbeddedTerm { "|" EmbeddedTerm } . */
static SynField *embedded_elem(Parser *p, SynField *f)
{
    if (!f) {
        f = P_NEW(p, SynField, SYN_FIELD, p_pos(p));
        f->type = embedded_term(p);
    }
    while (p->s.tok == T_OPERATOR && p->s.op == SYN_OR) {
        Pos pos = p_pos(p);
        p_next(p);
        SynNode *x = f->type;
        f->type = new_operation(p, pos, SYN_OR, x, NULL);
        ((SynOperation *)f->type)->y = embedded_term(p);
    }
    return f;
}

static bool interface_elem(Parser *p, void *ud)
{
    (void)ud;
    SynField *f = NULL;
    if (p->s.tok == T_NAME)
        f = method_decl(p);
    if (!f || !f->name)
        f = embedded_elem(p, f);
    ptrvec_push(&p->stk, f);
    return false;
}

/* InterfaceType = "interface" "{" { ( MethodDecl | EmbeddedElem ) ";" } "}" . */
static SynNode *interface_type(Parser *p)
{
    SynInterfaceType *typ = P_NEW(p, SynInterfaceType, SYN_INTERFACE_TYPE, p_pos(p));
    p_want(p, T_INTERFACE);
    p_want(p, T_LBRACE);
    uint32_t mark = p->stk.len;
    p_list(p, "interface type", T_SEMI, T_RBRACE, interface_elem, NULL);
    typ->methods = p_take_list(p, mark);
    return &typ->n;
}

/* Result = Parameters | Type . */
static SynList func_result(Parser *p)
{
    if (p_got(p, T_LPAREN))
        return p_param_list(p, NULL, NULL, T_RPAREN, false, false);
    SynList l = {NULL, 0};
    Pos pos = p_pos(p);
    SynNode *typ = p_type_or_nil(p);
    if (typ) {
        SynField *f = P_NEW(p, SynField, SYN_FIELD, pos);
        f->type = typ;
        l.items = ARENA_ARRAY(p->a, SynNode *, 1);
        l.items[0] = &f->n;
        l.len = 1;
    }
    return l;
}

static bool is_op(Parser *p, SynOp op) { return p->s.tok == T_OPERATOR && p->s.op == op; }

/* ParameterDecl = [ IdentifierList ] [ "..." ] Type .  name, if given, was
 * already consumed.  Type-set notation is allowed in type parameter lists
 * (follow == ']'). */
static SynField *param_decl_or_nil(Parser *p, SynName *name, Tok follow)
{
    bool typesets = follow == T_RBRACK;
    Pos pos = p_pos(p);
    if (name)
        pos = name->n.pos;
    else if (typesets && is_op(p, SYN_TILDE))
        return embedded_elem(p, NULL); /* "~" ... */

    SynField *f = P_NEW(p, SynField, SYN_FIELD, pos);
    if (p->s.tok == T_NAME || name) {
        if (!name)
            name = p_name(p);
        if (p->s.tok == T_LBRACK) {
            /* name "[" ... */
            f->type = array_or_targs(p);
            if (f->type->kind == SYN_INDEX_EXPR)
                ((SynIndexExpr *)f->type)->x = &name->n; /* name "[" ... "]" */
            else
                f->name = name; /* name "[" n "]" E */
            if (typesets && is_op(p, SYN_OR))
                f = embedded_elem(p, f);
            return f;
        }
        if (p->s.tok == T_DOT) {
            /* name "." ... */
            f->type = p_qualified_name(p, name);
            if (typesets && is_op(p, SYN_OR))
                f = embedded_elem(p, f);
            return f;
        }
        if (typesets && is_op(p, SYN_OR)) {
            /* name "|" ... */
            f->type = &name->n;
            return embedded_elem(p, f);
        }
        f->name = name;
    }

    if (p->s.tok == T_DOTDOTDOT) {
        /* [name] "..." ... */
        SynDotsType *t = P_NEW(p, SynDotsType, SYN_DOTS_TYPE, p_pos(p));
        p_next(p);
        t->elem = p_type_or_nil(p);
        if (!t->elem) {
            f->type = p_bad_expr(p);
            p_syntax_error(p, "... is missing type");
        } else {
            f->type = &t->n;
        }
        return f;
    }

    if (typesets && is_op(p, SYN_TILDE)) {
        /* [name] "~" ... */
        f->type = embedded_elem(p, NULL)->type;
        return f;
    }

    f->type = p_type_or_nil(p);
    if (typesets && is_op(p, SYN_OR) && f->type)
        f = embedded_elem(p, f); /* [name] type "|" */
    if (f->name || f->type)
        return f;

    Buf b = {0};
    buf_puts(&b, "expected ");
    buf_puts(&b, follow == T_RPAREN ? ")" : "]");
    p_syntax_error(p, buf_str(&b));
    buf_free(&b);
    p_advance(p, BIT(T_COMMA) | BIT(follow));
    return NULL;
}

typedef struct ParamCtx {
    SynName *name;
    SynNode *typ;
    Tok close;
    int named, typed;
} ParamCtx;

static bool param_elem(Parser *p, void *ud)
{
    ParamCtx *c = ud;
    SynField *par;
    if (c->typ) {
        par = P_NEW(p, SynField, SYN_FIELD, c->name->n.pos);
        par->name = c->name;
        par->type = c->typ;
    } else {
        par = param_decl_or_nil(p, c->name, c->close);
    }
    c->name = NULL; /* the first name and type are consumed */
    c->typ = NULL;
    if (par) {
        if (par->name && par->type)
            c->named++;
        if (par->type)
            c->typed++;
        ptrvec_push(&p->stk, par);
    }
    return false;
}

/* Parameters    = "(" [ ParameterList [ "," ] ] ")" .
 * ParameterList = ParameterDecl { "," ParameterDecl } .
 * "(" or "[" has been consumed.  name (and typ) may be an already parsed
 * first parameter.  In the result either all fields have names or none. */
SynList p_param_list(Parser *p, SynName *name, SynNode *typ, Tok close, bool require_names,
                     bool dddok)
{
    /* p_list does not call back at the closing token: handle a complete
     * first field followed by close here */
    if (name && typ && p->s.tok == close) {
        p_next(p);
        SynField *par = P_NEW(p, SynField, SYN_FIELD, name->n.pos);
        par->name = name;
        par->type = typ;
        SynList l;
        l.items = ARENA_ARRAY(p->a, SynNode *, 1);
        l.items[0] = &par->n;
        l.len = 1;
        return l;
    }

    ParamCtx c = {name, typ, close, 0, 0};
    uint32_t mark = p->stk.len;
    Pos end = p_list(p, "parameter list", T_COMMA, close, param_elem, &c);
    SynList list = p_take_list(p, mark);
    if (list.len == 0)
        return list;

    int n = (int)list.len;
    if (c.named == 0 && !require_names) {
        /* all unnamed: the names found are type names */
        for (int i = 0; i < n; i++) {
            SynField *par = (SynField *)list.items[i];
            if (par->name) {
                par->type = &par->name->n;
                par->name = NULL;
            }
        }
    } else if (c.named != n) {
        /* some named (or a type parameter list): all must be named.
         * Types are distributed from right to left. */
        Pos errpos = NOPOS;
        SynNode *t = NULL;
        for (int i = n - 1; i >= 0; i--) {
            SynField *par = (SynField *)list.items[i];
            if (par->type) {
                t = par->type;
                if (!par->name) {
                    errpos = syn_start_pos(t);
                    par->name = p_new_name(p, errpos, "_");
                }
            } else if (t) {
                par->type = t;
            } else {
                /* only a name, and no type to its right */
                errpos = par->name->n.pos;
                par->type = p_new(p, SYN_BAD_EXPR, sizeof(SynNode), errpos);
            }
        }
        if (errpos != NOPOS) {
            const char *msg;
            if (c.named == c.typed) {
                /* parameters without types, at the end of the list */
                errpos = end;
                msg = require_names ? "missing type constraint" : "missing parameter type";
            } else if (require_names) {
                msg = n == 1 ? "missing type parameter name or invalid array length"
                             : "missing type parameter name";
            } else {
                msg = "missing parameter name";
            }
            p_syntax_error_at(p, errpos, msg);
        }
    }

    /* check the use of ... (only the first misuse is reported) */
    bool first = true;
    for (int i = 0; i < n; i++) {
        SynField *f = (SynField *)list.items[i];
        if (f->type && f->type->kind == SYN_DOTS_TYPE && (!dddok || i + 1 < n)) {
            SynDotsType *t = (SynDotsType *)f->type;
            if (first) {
                first = false;
                p_error_at(p, t->n.pos,
                           dddok ? "can only use ... with final parameter" : "invalid use of ...");
            }
            f->type = t->elem; /* use T instead of the invalid ...T */
        }
    }
    return list;
}

/* ---- common productions ----------------------------------------------------------- */

/* TypeName with optional package qualifier and type arguments.  The first
 * name may already have been parsed. */
SynNode *p_qualified_name(Parser *p, SynName *name)
{
    SynNode *x;
    if (name) {
        x = &name->n;
    } else if (p->s.tok == T_NAME) {
        x = &p_name(p)->n;
    } else {
        x = &p_new_name(p, p_pos(p), "_")->n;
        p_syntax_error(p, "expected name");
        p_advance(p, BIT(T_DOT) | BIT(T_SEMI) | BIT(T_RBRACE));
    }
    if (p->s.tok == T_DOT) {
        SynSelectorExpr *s = P_NEW(p, SynSelectorExpr, SYN_SELECTOR_EXPR, p_pos(p));
        p_next(p);
        s->x = x;
        s->sel = p_name(p);
        x = &s->n;
    }
    if (p->s.tok == T_LBRACK)
        x = type_instance(p, x);
    return x;
}

/* ExpressionList = Expression { "," Expression } . */
SynNode *p_expr_list(Parser *p)
{
    SynNode *x = p_expr(p);
    if (!p_got(p, T_COMMA))
        return x;
    uint32_t mark = p->stk.len;
    ptrvec_push(&p->stk, x);
    ptrvec_push(&p->stk, p_expr(p));
    while (p_got(p, T_COMMA))
        ptrvec_push(&p->stk, p_expr(p));
    SynListExpr *t = P_NEW(p, SynListExpr, SYN_LIST_EXPR, x->pos);
    t->elems = p_take_list(p, mark);
    return &t->n;
}

/* typeList = arg { "," arg } [ "," ] .  Without strict the first element
 * may be an ordinary expression.  More than one element gives a ListExpr;
 * *comma tells whether there was any comma. */
static SynNode *type_list(Parser *p, bool strict, bool *comma)
{
    *comma = false;
    p->xnest++;
    SynNode *x = strict ? p_type(p) : p_expr(p);
    if (p_got(p, T_COMMA)) {
        *comma = true;
        SynNode *t = p_type_or_nil(p);
        if (t) {
            uint32_t mark = p->stk.len;
            ptrvec_push(&p->stk, x);
            ptrvec_push(&p->stk, t);
            while (p_got(p, T_COMMA)) {
                t = p_type_or_nil(p);
                if (!t)
                    break;
                ptrvec_push(&p->stk, t);
            }
            SynListExpr *l = P_NEW(p, SynListExpr, SYN_LIST_EXPR, x->pos);
            l->elems = p_take_list(p, mark);
            x = &l->n;
        }
    }
    p->xnest--;
    return x;
}
