/*
 * The parser's state, shared by parser.c (files, declarations, statements)
 * and parser_expr.c (expressions, types, parameter lists).  Internal to
 * src/syntax.
 */
#ifndef GOESC_PARSER_H
#define GOESC_PARSER_H

#include <setjmp.h>

#include "syntax_int.h"

typedef struct Parser {
    SynCtx *ctx;
    Arena *a;
    SrcFile *file;
    Scanner s;
    PragmaState ps;

    uint32_t errcnt;      /* errors reported for this file */
    SynPragma *pragma;    /* pending pragmas */
    const char *goversion;
    bool top;             /* before the package clause */
    int fnest;            /* function nesting (error recovery) */
    int xnest;            /* expression nesting (composite literal ambiguity) */
    uint32_t group;       /* last group number handed out */

    int depth;            /* recursion depth, bounded by SYN_MAX_DEPTH */
    jmp_buf bail;         /* escape when the bound is hit */

    /* Names repeat a lot within a file: a small direct-mapped cache in
     * front of the symbol table avoids most of its cache misses. */
    const Sym *namecache[256];

    PtrVec stk;           /* scratch stack for lists under construction */
    PtrVec tags;          /* scratch stack for struct tags */
} Parser;

#define BIT(t) (1ull << (t))

/* parser.c */
void p_next(Parser *p);
bool p_got(Parser *p, Tok t);
void p_want(Parser *p, Tok t);
bool p_got_assign(Parser *p);
Pos p_pos(Parser *p);
void p_error_at(Parser *p, Pos pos, const char *msg);
void p_error(Parser *p, const char *msg);
void p_syntax_error_at(Parser *p, Pos pos, const char *msg);
void p_syntax_error(Parser *p, const char *msg);
void p_advance(Parser *p, uint64_t follow);
void p_enter(Parser *p);
static inline void p_leave(Parser *p) { p->depth--; }
SynNode *p_new(Parser *p, SynKind k, size_t size, Pos pos);
#define P_NEW(p, T, K, pos) ((T *)p_new((p), (K), sizeof(T), (pos)))
SynList p_take_list(Parser *p, uint32_t mark);
typedef bool (*ListFn)(Parser *p, void *ud);
Pos p_list(Parser *p, const char *context, Tok sep, Tok close, ListFn f, void *ud);
SynBlockStmt *p_func_body(Parser *p);

/* parser_expr.c */
SynName *p_name(Parser *p);
SynName *p_new_name(Parser *p, Pos pos, const char *s);
SynNode *p_bad_expr(Parser *p);
SynNode *p_expr(Parser *p);
SynNode *p_binary_expr(Parser *p, SynNode *x, int prec);
SynNode *p_pexpr(Parser *p, SynNode *x, bool keep_parens);
SynNode *p_expr_list(Parser *p);
SynNode *p_type(Parser *p);
SynNode *p_type_or_nil(Parser *p);
SynBasicLit *p_oliteral(Parser *p);
SynNode *p_array_type(Parser *p, Pos pos, SynNode *len);
SynNode *p_slice_type(Parser *p, Pos pos);
SynFuncType *p_func_type(Parser *p, const char *context, SynList *tparams);
SynList p_param_list(Parser *p, SynName *name, SynNode *typ, Tok close, bool require_names,
                     bool dddok);
bool p_extract_name(Parser *p, SynNode *x, bool force, SynName **name, SynNode **rest);
SynNode *p_qualified_name(Parser *p, SynName *name);

#endif
