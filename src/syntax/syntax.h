/*
 * syntax — Go source to syntax trees, exactly as gc's syntax package reads it.
 *
 * Contract:
 *  - syn_parse_file scans and parses one file and returns its tree (NULL only
 *    when no valid package clause was found, as in gc).  Every error goes to
 *    ctx->diags as "syntax error: ..." (or the plain message gc uses) at the
 *    position gc reports; parsing continues after errors.
 *  - The tree has the node set of gc's cmd/compile/internal/syntax, with the
 *    same position for every node (see the table in docs/syntax.md): a call
 *    at its '(', a binary operation at its operator, a composite literal at
 *    its '{', and so on.  Positions are global Pos values (base.h).
 *  - Nodes live in ctx->arena; names are interned in ctx->syms; literal
 *    values point into the source buffer (which must outlive the tree).
 *  - With SYN_CHECK_BRANCHES the parser also checks labels and
 *    break/continue/goto/fallthrough placement as gc does.
 *  - //go: directives are collected as pragmas on the declarations they
 *    precede (and per file for linkname/cgo), with gc's parse-time checks
 *    ("misplaced compiler directive", usage errors).  //line directives
 *    are recorded in the SrcFile and change reported positions.
 *  - Bounded recursion: the parser counts its recursive calls; beyond
 *    SYN_MAX_DEPTH (a few tens of thousands of nesting levels, depending on
 *    the construct) it reports "nesting too deep" instead of overflowing
 *    the C stack.  Callers run it on a stack large enough for the bound
 *    (cli_run_big_stack).
 *
 * The public names use the prefix syn_/Syn/SYN_.
 */
#ifndef GOESC_SYNTAX_H
#define GOESC_SYNTAX_H

#include "../base/base.h"

#define SYN_MAX_DEPTH 100000

/* ---- node kinds ----------------------------------------------------------- */

typedef enum SynKind {
    SYN_BAD_EXPR = 1,
    SYN_NAME,
    SYN_BASIC_LIT,
    SYN_COMPOSITE_LIT,
    SYN_KEY_VALUE_EXPR,
    SYN_FUNC_LIT,
    SYN_PAREN_EXPR,
    SYN_SELECTOR_EXPR,
    SYN_INDEX_EXPR,
    SYN_SLICE_EXPR,
    SYN_ASSERT_EXPR,
    SYN_TYPE_SWITCH_GUARD,
    SYN_OPERATION,
    SYN_CALL_EXPR,
    SYN_LIST_EXPR,
    SYN_ARRAY_TYPE,
    SYN_SLICE_TYPE,
    SYN_DOTS_TYPE,
    SYN_STRUCT_TYPE,
    SYN_FIELD,
    SYN_INTERFACE_TYPE,
    SYN_FUNC_TYPE,
    SYN_MAP_TYPE,
    SYN_CHAN_TYPE,
    /* statements */
    SYN_EMPTY_STMT,
    SYN_LABELED_STMT,
    SYN_BLOCK_STMT,
    SYN_EXPR_STMT,
    SYN_SEND_STMT,
    SYN_DECL_STMT,
    SYN_ASSIGN_STMT,
    SYN_BRANCH_STMT,
    SYN_CALL_STMT,
    SYN_RETURN_STMT,
    SYN_IF_STMT,
    SYN_FOR_STMT,
    SYN_SWITCH_STMT,
    SYN_SELECT_STMT,
    SYN_RANGE_CLAUSE,
    SYN_CASE_CLAUSE,
    SYN_COMM_CLAUSE,
    /* declarations */
    SYN_IMPORT_DECL,
    SYN_CONST_DECL,
    SYN_TYPE_DECL,
    SYN_VAR_DECL,
    SYN_FUNC_DECL,
    SYN_FILE,
    SYN_KIND_COUNT
} SynKind;

const char *syn_kind_name(SynKind k); /* "CallExpr", ... as in gc */

/* Operators, in gc's order (syntax.Operator). */
typedef enum SynOp {
    SYN_OP_NONE = 0,
    SYN_DEF,   /* :  (of :=) */
    SYN_NOT,   /* !  */
    SYN_RECV,  /* <- */
    SYN_TILDE, /* ~  */
    SYN_OROR,
    SYN_ANDAND,
    SYN_EQL,
    SYN_NEQ,
    SYN_LSS,
    SYN_LEQ,
    SYN_GTR,
    SYN_GEQ,
    SYN_ADD,
    SYN_SUB,
    SYN_OR,
    SYN_XOR,
    SYN_MUL,
    SYN_DIV,
    SYN_REM,
    SYN_AND,
    SYN_ANDNOT,
    SYN_SHL,
    SYN_SHR,
    SYN_OP_COUNT
} SynOp;

const char *syn_op_string(SynOp op); /* "+", "&^", ... */

typedef enum SynLitKind {
    SYN_INT_LIT,
    SYN_FLOAT_LIT,
    SYN_IMAG_LIT,
    SYN_RUNE_LIT,
    SYN_STRING_LIT
} SynLitKind;

typedef enum SynChanDir { SYN_CHAN_BOTH = 0, SYN_CHAN_SEND = 1, SYN_CHAN_RECV = 2 } SynChanDir;

/* Branch and call statement tokens. */
typedef enum SynBranchTok {
    SYN_BREAK = 1,
    SYN_CONTINUE,
    SYN_FALLTHROUGH,
    SYN_GOTO,
    SYN_GO,
    SYN_DEFER
} SynBranchTok;

/* ---- nodes ----------------------------------------------------------------- */

/* Every node starts with this header.  `info` belongs to whichever later
 * stage annotates the tree (the type checker records types there). */
typedef struct SynNode {
    uint8_t kind;  /* SynKind */
    uint8_t op;    /* SynOp, SynLitKind, SynChanDir or SynBranchTok */
    uint8_t flags; /* per-kind flags below */
    uint8_t pad;
    Pos pos;
    void *info;
} SynNode;

/* flags */
enum {
    SYN_F_BAD = 1,      /* BasicLit: literal has syntax errors */
    SYN_F_FULL = 1,     /* SliceExpr: 3-index form */
    SYN_F_HASDOTS = 1,  /* CallExpr: last argument followed by ... */
    SYN_F_ALIAS = 1,    /* TypeDecl: type A = T */
    SYN_F_DEF = 1,      /* RangeClause: := */
    /* appended: FuncLit made by the range-over-func rewrite for a loop
     * body (gc's rangefunc.Rewrite result set; src/ir/rangefunc.c) */
    SYN_F_RANGEBODY = 1,
};

typedef struct SynList {
    SynNode **items;
    uint32_t len;
} SynList;

typedef struct SynPragma SynPragma;
typedef struct SynBlockStmt SynBlockStmt;
typedef struct SynFuncType SynFuncType;
typedef struct SynField SynField;

typedef struct SynName {
    SynNode n;
    const Sym *value;
} SynName;

typedef struct SynBasicLit {
    SynNode n;          /* op: SynLitKind; flags: SYN_F_BAD */
    const char *value;  /* source text, not NUL-terminated */
    uint32_t len;
} SynBasicLit;

typedef struct SynCompositeLit {
    SynNode n;
    SynNode *type;      /* NULL: no literal type */
    SynList elems;
    uint32_t nkeys;
    Pos rbrace;
} SynCompositeLit;

typedef struct SynKeyValueExpr {
    SynNode n;
    SynNode *key, *value;
} SynKeyValueExpr;

typedef struct SynFuncLit {
    SynNode n;
    SynFuncType *type;
    SynBlockStmt *body;
} SynFuncLit;

typedef struct SynParenExpr {
    SynNode n;
    SynNode *x;
} SynParenExpr;

typedef struct SynSelectorExpr {
    SynNode n;
    SynNode *x;
    SynName *sel;
} SynSelectorExpr;

typedef struct SynIndexExpr {
    SynNode n;
    SynNode *x;
    SynNode *index; /* a ListExpr for x[T1, T2] */
} SynIndexExpr;

typedef struct SynSliceExpr {
    SynNode n;          /* flags: SYN_F_FULL */
    SynNode *x;
    SynNode *index[3];
} SynSliceExpr;

typedef struct SynAssertExpr {
    SynNode n;
    SynNode *x, *type;
} SynAssertExpr;

typedef struct SynTypeSwitchGuard {
    SynNode n;
    SynName *lhs;       /* NULL: no lhs := */
    SynNode *x;
} SynTypeSwitchGuard;

typedef struct SynOperation {
    SynNode n;          /* op: SynOp */
    SynNode *x, *y;     /* y == NULL: unary */
} SynOperation;

typedef struct SynCallExpr {
    SynNode n;          /* flags: SYN_F_HASDOTS */
    SynNode *fun;
    SynList args;
} SynCallExpr;

typedef struct SynListExpr {
    SynNode n;
    SynList elems;
} SynListExpr;

typedef struct SynArrayType {
    SynNode n;
    SynNode *len;       /* NULL: [...]T */
    SynNode *elem;
} SynArrayType;

typedef struct SynSliceType {
    SynNode n;
    SynNode *elem;
} SynSliceType;

typedef struct SynDotsType {
    SynNode n;
    SynNode *elem;
} SynDotsType;

typedef struct SynStructType {
    SynNode n;
    SynList fields;     /* SynField */
    SynList tags;       /* SynBasicLit or NULL; may be shorter than fields */
} SynStructType;

struct SynField {
    SynNode n;
    SynName *name;      /* NULL: anonymous/embedded */
    SynNode *type;      /* names declared together share one type node */
};

typedef struct SynInterfaceType {
    SynNode n;
    SynList methods;    /* SynField */
} SynInterfaceType;

struct SynFuncType {
    SynNode n;
    SynList params;     /* SynField */
    SynList results;    /* SynField */
};

typedef struct SynMapType {
    SynNode n;
    SynNode *key, *value;
} SynMapType;

typedef struct SynChanType {
    SynNode n;          /* op: SynChanDir */
    SynNode *elem;
} SynChanType;

/* statements */

typedef struct SynLabeledStmt {
    SynNode n;
    SynName *label;
    SynNode *stmt;
} SynLabeledStmt;

struct SynBlockStmt {
    SynNode n;
    SynList list;
    Pos rbrace;
};

typedef struct SynExprStmt {
    SynNode n;
    SynNode *x;
} SynExprStmt;

typedef struct SynSendStmt {
    SynNode n;
    SynNode *chan, *value;
} SynSendStmt;

typedef struct SynDeclStmt {
    SynNode n;
    SynList decls;
} SynDeclStmt;

typedef struct SynAssignStmt {
    SynNode n;          /* op: SynOp (NONE: plain =, DEF: :=) */
    SynNode *lhs;
    SynNode *rhs;       /* NULL: lhs++ (op ADD) or lhs-- (op SUB) */
} SynAssignStmt;

typedef struct SynBranchStmt {
    SynNode n;          /* op: SYN_BREAK, CONTINUE, FALLTHROUGH, GOTO */
    SynName *label;
    SynNode *target;    /* set by branch checking (not for fallthrough) */
} SynBranchStmt;

typedef struct SynCallStmt {
    SynNode n;          /* op: SYN_GO or SYN_DEFER */
    SynNode *call;
    /* appended: gc's DeferAt, set by the range-over-func rewrite on a
     * defer inside a loop body (a use of #defers; src/ir/rangefunc.c) */
    SynNode *defer_at;
} SynCallStmt;

typedef struct SynReturnStmt {
    SynNode n;
    SynNode *results;   /* NULL: no results */
} SynReturnStmt;

typedef struct SynIfStmt {
    SynNode n;
    SynNode *init;
    SynNode *cond;
    SynBlockStmt *then;
    SynNode *els;       /* NULL, IfStmt or BlockStmt */
} SynIfStmt;

typedef struct SynForStmt {
    SynNode n;
    SynNode *init;      /* may be a RangeClause */
    SynNode *cond;
    SynNode *post;
    SynBlockStmt *body;
} SynForStmt;

typedef struct SynSwitchStmt {
    SynNode n;
    SynNode *init;
    SynNode *tag;       /* may be a TypeSwitchGuard */
    SynList body;       /* SynCaseClause */
    Pos rbrace;
} SynSwitchStmt;

typedef struct SynSelectStmt {
    SynNode n;
    SynList body;       /* SynCommClause */
    Pos rbrace;
} SynSelectStmt;

typedef struct SynRangeClause {
    SynNode n;          /* flags: SYN_F_DEF */
    SynNode *lhs;       /* NULL: no lhs */
    SynNode *x;
} SynRangeClause;

typedef struct SynCaseClause {
    SynNode n;
    SynNode *cases;     /* NULL: default */
    SynList body;
    Pos colon;
} SynCaseClause;

typedef struct SynCommClause {
    SynNode n;
    SynNode *comm;      /* NULL: default */
    SynList body;
    Pos colon;
} SynCommClause;

/* declarations */

typedef struct SynImportDecl {
    SynNode n;
    uint32_t group;     /* 0: not in a group; else a group number unique per file */
    SynPragma *pragma;
    SynName *local;     /* NULL: no rename; "." for dot imports */
    SynBasicLit *path;  /* NULL: missing */
} SynImportDecl;

typedef struct SynConstDecl {   /* also VarDecl */
    SynNode n;
    uint32_t group;
    SynPragma *pragma;
    SynList names;      /* SynName */
    SynNode *type;      /* NULL: none */
    SynNode *values;    /* NULL: none */
} SynConstDecl, SynVarDecl;

typedef struct SynTypeDecl {
    SynNode n;          /* flags: SYN_F_ALIAS */
    uint32_t group;
    SynPragma *pragma;
    SynName *name;
    SynList tparams;    /* SynField */
    SynNode *type;
} SynTypeDecl;

typedef struct SynFuncDecl {
    SynNode n;
    SynPragma *pragma;
    SynField *recv;     /* NULL: function */
    SynName *name;
    SynList tparams;
    SynFuncType *type;
    SynBlockStmt *body; /* NULL: no body */
} SynFuncDecl;

/* ---- pragmas ---------------------------------------------------------------- */

/* The //go: directives gc gives meaning to, as flags (cf. ir.PragmaFlag). */
enum {
    SYN_PRAGMA_NOINLINE = 1 << 0,
    SYN_PRAGMA_NOCHECKPTR = 1 << 1,
    SYN_PRAGMA_NORACE = 1 << 2,
    SYN_PRAGMA_NOSPLIT = 1 << 3,
    SYN_PRAGMA_NOESCAPE = 1 << 4,
    SYN_PRAGMA_NOWRITEBARRIER = 1 << 5,
    SYN_PRAGMA_NOWRITEBARRIERREC = 1 << 6,
    SYN_PRAGMA_YESWRITEBARRIERREC = 1 << 7,
    SYN_PRAGMA_SYSTEMSTACK = 1 << 8,
    SYN_PRAGMA_CGOUNSAFEARGS = 1 << 9,
    SYN_PRAGMA_UINTPTRKEEPALIVE = 1 << 10,
    SYN_PRAGMA_UINTPTRESCAPES = 1 << 11,
    SYN_PRAGMA_REGISTERPARAMS = 1 << 12,
    SYN_PRAGMA_NOINTERFACE = 1 << 13,
    SYN_PRAGMA_GOBUILD = 1 << 14,
};

typedef struct SynPragmaPos {
    uint32_t flag;
    Pos pos;
    const char *verb;   /* "go:noinline" ... */
} SynPragmaPos;

typedef struct SynEmbed {
    Pos pos;
    const char **patterns;
    uint32_t npatterns;
} SynEmbed;

struct SynPragma {
    uint32_t flags;
    SynPragmaPos *pos;
    uint32_t npos;
    SynEmbed *embeds;
    uint32_t nembeds;
    bool has_wasmimport, has_wasmexport;
    Pos wasm_pos;
};

typedef struct SynLinkname {
    Pos pos;
    const char *local;
    const char *remote; /* NULL: not given */
} SynLinkname;

typedef struct SynCgoDirective {
    Pos pos;
    const char *text;   /* the directive without "//" */
} SynCgoDirective;

typedef struct SynFile {
    SynNode n;
    SrcFile *src;
    SynPragma *pragma;
    SynName *pkgname;
    SynList decls;
    Pos eof;
    const char *goversion;  /* from //go:build, "" if none */
    SynLinkname *linknames;
    uint32_t nlinknames;
    SynCgoDirective *cgo;
    uint32_t ncgo;
} SynFile;

/* ---- parsing ------------------------------------------------------------------ */

enum { SYN_CHECK_BRANCHES = 1 };

typedef struct SynCtx {
    Arena *arena;       /* trees */
    SymTab *syms;       /* names */
    PosTab *pos;        /* files and positions */
    Diags *diags;       /* errors */
    unsigned mode;      /* SYN_CHECK_BRANCHES */
    /* The directive checks that depend on what is compiled (gc -std, -+,
     * cgo-generated files) apply only with directive_context set; plain
     * parsing does not know and skips them. */
    bool directive_context;
    bool std;           /* compiling the standard library (gc -std) */
    bool runtime;       /* compiling package runtime (gc -+) */
} SynCtx;

/* Parses src (already registered in ctx->pos).  Returns NULL only if the
 * package clause is missing or broken.  *nerrors (if non-NULL) gets the
 * number of errors reported for this file. */
SynFile *syn_parse_file(SynCtx *ctx, SrcFile *src, uint32_t *nerrors);

/* ---- tree utilities -------------------------------------------------------------- */

/* Node text as gc's syntax.String prints it in messages (ShortForm:
 * one line, non-empty function and composite literal bodies as "…"). */
void syn_string(Buf *b, const SynNode *n);
/* Start position of a node (syntax.StartPos). */
Pos syn_start_pos(const SynNode *n);
/* x with enclosing parentheses removed. */
SynNode *syn_unparen(SynNode *x);
/* syntax.UnpackListExpr: the elements of the (possibly list) expression
 * stored at *slot (NULL, n = 0 for none; slot itself for a single one). */
SynNode **syn_unpack_list(SynNode **slot, uint32_t *n);
/* Writes the stable tree dump (docs/syntax.md) of a file. */
void syn_dump(Buf *b, const PosTab *pt, const SynFile *f);
/* Writes "L:C Kind START END: text" (syn_string) for the expressions and statements
 * of a file (docs/syntax.md, "Strings format"). */
void syn_dump_strings(Buf *b, const PosTab *pt, const SynFile *f);
/* Approximate end position of a node (syntax.EndPos). */
Pos syn_end_pos(const SynNode *n);
/* A position as gc's syntax.Pos.String prints it inside messages:
 * "file:line:col" relative to //line directives, followed by
 * "[file:line:col]" (the actual place) when a directive applies. */
void syn_pos_string(Buf *b, const PosTab *pt, Pos p);

/* Visits root and every node below it, each once, in source order (gc's
 * field order): pre(n) before n's children, post(n) after them; either may
 * be NULL.  pre returning false skips n's children and post(n).  A type
 * shared by names declared together ("a, b int") is visited once, under
 * the first field (trees with syntax errors may still share a node
 * elsewhere).  Iterative (walk.c): any depth is fine. */
typedef bool (*SynVisit)(SynNode *n, void *ud);
void syn_walk(SynNode *root, SynVisit pre, SynVisit post, void *ud);

#define SYN_AS(T, node) ((T *)(node))

#endif
