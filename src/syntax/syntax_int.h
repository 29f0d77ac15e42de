/*
 * Internals shared by the files of the syntax module (scanner, parser,
 * pragmas, branch checks).  Not for use outside src/syntax.
 */
#ifndef GOESC_SYNTAX_INT_H
#define GOESC_SYNTAX_INT_H

#include "syntax.h"

/* Tokens, in gc's order (syntax.token) so that sets fit in 64 bits. */
typedef enum Tok {
    T_NONE = 0,
    T_EOF,
    T_NAME,
    T_LITERAL,
    T_OPERATOR, /* excluding '*' */
    T_ASSIGNOP, /* op= */
    T_INCOP,    /* ++ -- */
    T_ASSIGN,   /* = */
    T_DEFINE,   /* := */
    T_ARROW,    /* <- */
    T_STAR,     /* * */
    T_LPAREN,
    T_LBRACK,
    T_LBRACE,
    T_RPAREN,
    T_RBRACK,
    T_RBRACE,
    T_COMMA,
    T_SEMI,
    T_COLON,
    T_DOT,
    T_DOTDOTDOT,
    /* keywords */
    T_BREAK,
    T_CASE,
    T_CHAN,
    T_CONST,
    T_CONTINUE,
    T_DEFAULT,
    T_DEFER,
    T_ELSE,
    T_FALLTHROUGH,
    T_FOR,
    T_FUNC,
    T_GO,
    T_GOTO,
    T_IF,
    T_IMPORT,
    T_INTERFACE,
    T_MAP,
    T_PACKAGE,
    T_RANGE,
    T_RETURN,
    T_SELECT,
    T_STRUCT,
    T_SWITCH,
    T_TYPE,
    T_VAR,
    T_COUNT
} Tok;

const char *tok_string(Tok t); /* gc's token.String(): "name", "(", "break" ... */

/* Operator precedences (gc: precOrOr ... precMul). */
enum { PREC_OROR = 1, PREC_ANDAND, PREC_CMP, PREC_ADD, PREC_MUL };

typedef struct Scanner Scanner;

/* Called for errors (msg not starting with '/') and for directive comments
 * (msg = the whole comment text, starting with '/').  `off` is the file
 * offset; for comments it is the offset of the opening '/'. */
typedef void (*ScanHandler)(void *ud, uint32_t off, const char *msg, size_t len);

struct Scanner {
    const unsigned char *src;
    uint32_t size;
    ScanHandler handler;
    void *ud;

    /* source reader: ch is the current rune (-1 at EOF) at offset choff,
     * chw bytes wide; r is the offset of the next byte to read. */
    int32_t ch;
    int chw;
    uint32_t choff, r;
    uint32_t line;      /* 1-based line of ch */
    uint32_t linestart; /* offset where that line starts */
    int64_t segstart;   /* start of active segment or -1 */

    bool nlsemi;        /* '\n' and EOF become ';' */

    /* current token */
    Tok tok;
    uint32_t off;       /* token offset */
    uint32_t tline;     /* token line (1-based) */
    uint32_t tcol;      /* token column (1-based, bytes) */
    bool blank;         /* line is blank up to the token */
    const char *lit;    /* T_NAME, T_LITERAL, T_SEMI ("semicolon", "newline", "EOF") */
    uint32_t litlen;
    bool bad;           /* T_LITERAL with errors */
    SynLitKind kind;    /* T_LITERAL */
    SynOp op;           /* T_OPERATOR, T_STAR, T_ASSIGNOP, T_INCOP */
    int prec;
};

/* src must be NUL-terminated (src[size] == 0): the fast paths rely on it. */
void scanner_init(Scanner *s, const char *src, uint32_t size, ScanHandler h, void *ud);
void scanner_next(Scanner *s);

/* syn_string, returning false where gc's printer would panic (printer.c). */
bool syn_string_checked(Buf *b, const SynNode *n);

/* syn_end_pos as gc computes it: a position plus a column advance on its
 * line (nonzero when the end follows a name or literal) (positions.c). */
Pos syn_end_pos_parts(const SynNode *n, uint32_t *advance);

/* Branch checks (branches.c), run on a function body without syntax errors. */
void syn_check_branches(SynCtx *ctx, SynBlockStmt *body);

/* Pragmas (pragma.c). */
typedef struct PragmaState {
    SynCtx *ctx;
    SynFile *file;      /* receives linknames and cgo directives */
    PtrVec linknames;   /* SynLinkname* collected while parsing */
    PtrVec cgo;
} PragmaState;

/* A //go: directive `text` (without "//") at pos; returns the updated pragma. */
SynPragma *pragma_handle(PragmaState *ps, Pos pos, bool blank, const char *text, size_t len,
                         SynPragma *cur);
/* An unused pragma (one that did not reach a declaration). */
void pragma_unused(PragmaState *ps, SynPragma *p);
void pragma_finish(PragmaState *ps); /* copies collected lists into the file */
/* The Go version implied by a "//go:build" comment (constraint.GoVersion),
 * or NULL. */
const char *pragma_build_goversion(Arena *a, const char *msg, size_t n);

#endif
