/*
 * ir — the program as gc's escape analysis sees it.
 *
 * Contract:
 *  - ir_build_package lowers a type-checked package (its syntax trees with
 *    the TyTV records of src/types) into IR functions whose shape is the
 *    shape gc's front end produces before escape analysis (noder's unified
 *    IR reader + typecheck + the passes between noder and escape, see
 *    docs/escape-ir.md): implicit conversions explicit, method calls
 *    rewritten to function calls with the receiver as argument 0, closures
 *    with their captured variables, go/defer normalized into wrapper
 *    closures, temporaries where gc makes them (named .autotmp_N with
 *    N = len(Dcl) at creation), dead code and constant conditions removed
 *    as gc's writer removes them.
 *  - Node positions are gc's (docs/escape-ir.md §2.16); ops carry gc's
 *    names (IR_OCALLFUNC ~ ir.OCALLFUNC), so the lowering and the analysis
 *    can be compared with gc line by line.
 *  - Functions appear in IrPackage.funcs in gc's Target.Funcs order.
 *  - Everything lives in the arena of the IrProgram; nothing is freed
 *    separately.  Types are the type checker's (TyType); the gc-specific
 *    properties escape analysis needs (size, alignment, pointers, direct
 *    interface) come from ir_type_* helpers.
 *  - ir_fmt_node / ir_fmt_type print nodes and types exactly as gc's
 *    ir/fmt.go and types/fmt.go do in -m messages.
 *
 * Names use the prefix ir_ / Ir / IR_.
 */
#ifndef GOESC_IR_H
#define GOESC_IR_H

#include "../types/types.h"

/* ---- ops (gc's ir.Op, the subset that reaches escape analysis) ---------- */

typedef enum IrOp {
    IR_OXXX = 0,
    /* names and leaves */
    IR_ONAME,
    IR_OLITERAL,
    IR_ONIL,
    IR_OTYPE,
    IR_OMETHEXPR,     /* T.M, (*T).M */
    IR_OLINKSYMOFFSET,
    IR_ODYNAMICTYPE,
    /* arithmetic */
    IR_OPLUS, IR_ONEG, IR_OBITNOT, IR_ONOT,
    IR_OADD, IR_OSUB, IR_OOR, IR_OXOR, IR_OMUL, IR_ODIV, IR_OMOD,
    IR_OLSH, IR_ORSH, IR_OAND, IR_OANDNOT,
    IR_OEQ, IR_ONE, IR_OLT, IR_OLE, IR_OGT, IR_OGE,
    IR_OANDAND, IR_OOROR,
    /* addressing and selection */
    IR_OADDR, IR_ODEREF,
    IR_ODOT, IR_ODOTPTR, IR_ODOTMETH, IR_ODOTINTER,
    IR_OINDEX, IR_OINDEXMAP,
    IR_OSLICE, IR_OSLICEARR, IR_OSLICE3, IR_OSLICE3ARR, IR_OSLICESTR,
    IR_ODOTTYPE, IR_ODOTTYPE2, IR_ODYNAMICDOTTYPE, IR_ODYNAMICDOTTYPE2,
    /* conversions */
    IR_OCONV, IR_OCONVNOP, IR_OCONVIFACE,
    IR_OITAB, IR_OIDATA, IR_OSPTR,
    IR_OSLICE2ARR, IR_OSLICE2ARRPTR,
    IR_ORUNES2STR, IR_OBYTES2STR, IR_OSTR2RUNES, IR_OSTR2BYTES, IR_ORUNESTR,
    IR_OADDSTR,
    /* calls and builtins */
    IR_OCALLFUNC, IR_OCALLMETH, IR_OCALLINTER,
    IR_OLEN, IR_OCAP, IR_OMIN, IR_OMAX, IR_OCOMPLEX, IR_OREAL, IR_OIMAG,
    IR_OAPPEND, IR_OCOPY, IR_ORECOVER,
    IR_OUNSAFEADD, IR_OUNSAFESLICE, IR_OUNSAFESTRING, IR_OUNSAFESTRINGDATA, IR_OUNSAFESLICEDATA,
    IR_OCLEAR, IR_OCLOSE, IR_ODELETE, IR_OPANIC, IR_OPRINT, IR_OPRINTLN,
    /* allocation */
    IR_ONEW, IR_OMAKESLICE, IR_OMAKECHAN, IR_OMAKEMAP,
    IR_OPTRLIT, IR_OARRAYLIT, IR_OSLICELIT, IR_OSTRUCTLIT, IR_OMAPLIT,
    IR_OSTRUCTKEY,    /* field: value, in struct literals */
    IR_OKEY,          /* key: value, in array/slice/map literals */
    IR_OCLOSURE, IR_OMETHVALUE,
    /* channels */
    IR_ORECV, IR_OSEND,
    /* statements */
    IR_OBLOCK, IR_ODCL, IR_OLABEL, IR_OIF, IR_OFOR, IR_ORANGE,
    IR_OSWITCH, IR_OCASE, IR_OTYPESW, IR_OSELECT,
    IR_OAS, IR_OASOP, IR_OAS2, IR_OAS2DOTTYPE, IR_OAS2MAPR, IR_OAS2RECV, IR_OSELRECV2,
    IR_OAS2FUNC, IR_ORETURN,
    IR_OGO, IR_ODEFER, IR_OTAILCALL,
    IR_OBREAK, IR_OCONTINUE, IR_OGOTO, IR_OFALL,
    IR_OCHECKNIL,
    IR_OP_COUNT
} IrOp;

const char *ir_op_name(IrOp op);   /* "CALLFUNC" (gc's Op.String without O) */

/* ---- nodes ---------------------------------------------------------------- */

typedef struct IrNode IrNode;
typedef struct IrName IrName;
typedef struct IrFunc IrFunc;
typedef struct IrProgram IrProgram;

/* A growable list of nodes (arena-backed). */
typedef struct IrList {
    IrNode **items;
    uint32_t len, cap;
} IrList;

/* node flags */
enum {
    IR_F_IMPLICIT = 1 << 0,   /* implicit conversion, & or deref; implicit slice literal */
    IR_F_DEF = 1 << 1,        /* assignment declares its lhs (:=) */
    IR_F_ISDDD = 1 << 2,      /* call/append with final ... */
    IR_F_GODEFER = 1 << 3,    /* call of a go/defer statement */
    IR_F_INCDEC = 1 << 4,     /* OASOP from ++/-- */
    IR_F_USENILPANIC = 1 << 5,
    IR_F_ESCNEVER = 1 << 6,   /* set by escape analysis on top-level defers */
    IR_F_DISTINCTVARS = 1 << 7, /* loop with per-iteration variables (go1.22) */
    IR_F_COMPILERVARLIVE = 1 << 8,
    IR_F_BOUNDED = 1 << 9,
    IR_F_TRANSIENT = 1 << 10, /* set by escape analysis */
    IR_F_NONESCAPING = 1 << 11,
    IR_F_WALKTEMP = 1 << 12,  /* walk (src/walk): order or walk computes it into a temporary */
    IR_F_NOINLINE = 1 << 13,  /* call of an OTAILCALL (ir.NewTailCallStmt) */
};

/* The common node.  Fields are named after gc's: X, Y operands; List/Rlist
 * (arguments, lhs/rhs, elements, cases); Body/Else (statements); Init runs
 * before the node.  Which fields an op uses is documented per op in
 * docs/escape-ir.md §2 and in ir_dump's output. */
struct IrNode {
    uint16_t op;          /* IrOp */
    uint16_t flags;       /* IR_F_* */
    uint32_t aux;         /* op-specific small value (IrAsOp for OASOP, ...) */
    Pos pos;
    TyType *type;
    IrList init;
    IrNode *x, *y, *z;    /* X, Y, and a third operand (slice max, ...) */
    IrList list;          /* Args, Lhs, List, Cases, elements */
    IrList rlist;         /* Rhs */
    IrList body;
    IrList els;           /* Else; For: Post as a one-element list */
    TyConst val;          /* OLITERAL */
    TyObject *sym;        /* the object named: field (ODOT, OSTRUCTKEY),
                             method (ODOTMETH/INTER, OMETHEXPR/VALUE), label */
    IrFunc *func;         /* OCLOSURE, OTAILCALL wrappers */
    IrName *label;        /* OLABEL/OBREAK/OCONTINUE/OGOTO: label name node */
    void *esc;            /* escape analysis state (its location) */
    uint32_t len;         /* OSLICELIT length */
};

/* Name classes (gc's ir.Class). */
typedef enum IrClass {
    IR_PXXX = 0,
    IR_PEXTERN,    /* global */
    IR_PAUTO,      /* local */
    IR_PAUTOHEAP,  /* closure variable (inside the closure) */
    IR_PPARAM,
    IR_PPARAMOUT,
    IR_PFUNC,      /* function */
} IrClass;

/* name flags */
enum {
    IR_N_ADDRTAKEN = 1 << 0,
    IR_N_AUTOTEMP = 1 << 1,
    IR_N_BYVAL = 1 << 2,        /* closure var captured by value */
    IR_N_CLOSUREVAR = 1 << 3,
    IR_N_USED = 1 << 4,
    IR_N_BLANK = 1 << 5,        /* the blank identifier */
    IR_N_NONMERGEABLE = 1 << 6,
    IR_N_ESCHEAP = 1 << 7,      /* escape analysis: moved to heap (gc's EscHeap) */
};

struct IrName {
    IrNode n;             /* op IR_ONAME */
    const Sym *sym;       /* printed name (".autotmp_3", "~r0", "x") */
    uint8_t class;        /* IrClass */
    uint16_t nflags;      /* IR_N_* */
    IrFunc *curfn;        /* declaring function */
    IrNode *defn;         /* defining statement (OAS, OAS2*, ORANGE, OTYPESW), or
                             for closure variables the captured (outer) name */
    IrName *outer;        /* closure variables: the variable in the enclosing func */
    TyObject *obj;        /* the type checker's object (NULL for temps) */
    IrFunc *func;         /* PFUNC: the function, if it has IR */
    TyObject *fobj;       /* PFUNC: the function object (also for imported ones) */
    TyPackage *pkg;       /* a global without an object (a dictionary): its
                             symbol's package, which qualifies its name */
};

/* function flags */
enum {
    IR_FN_WRAPPER = 1 << 0,
    IR_FN_DUPOK = 1 << 1,
    IR_FN_PKGINIT = 1 << 2,    /* the synthetic package initializer */
    IR_FN_CLOSURE_RESULTS_LOST = 1 << 3,
    IR_FN_ISGOWRAP = 1 << 4,
    IR_FN_BODYLESS = 1 << 5,   /* declared without a body */
    IR_FN_UNSUPPORTED = 1 << 6, /* the lowering met something it does not
                                   support yet (lw_unsupported) */
};

/* escape analysis states (gc's escFunc*) */
enum { IR_ESC_UNKNOWN = 0, IR_ESC_PLANNED, IR_ESC_STARTED, IR_ESC_TAGGED };

struct IrFunc {
    IrName *nname;        /* the function's name (PFUNC) */
    const char *linkname; /* printed name: "f", "(*T).M", "f.func1", "init.0" */
    TyObject *obj;        /* declared functions and methods; NULL for closures */
    TySignature *sig;
    IrList dcl;           /* receiver, params, results, then locals/temps in
                             creation order (IrName*) */
    uint32_t nparams;     /* receiver + params in dcl[0..nparams) */
    uint32_t nresults;    /* results in dcl[nparams..nparams+nresults) */
    IrList closurevars;   /* IrName* (PAUTOHEAP) in first-use order */
    IrNode *oclosure;     /* the OCLOSURE of a function literal */
    IrFunc *closure_parent;
    IrList body;
    uint32_t pragma;      /* SYN_PRAGMA_* */
    uint16_t fflags;      /* IR_FN_* */
    uint8_t esc;          /* IR_ESC_* */
    Pos pos, endpos;
    uint32_t nclosures;   /* counter for funcN names */
    uint32_t nwrappers;   /* counter for gowrapN/deferwrapN */
    char **tags;          /* escape tags per receiver/param, after analysis */
    void *escstate;       /* analysis scratch */
    /* appended (lowering): the body closure of a range-over-func loop
     * (gc's RangeParent): the function the loop is in, not itself such a
     * body; names of closures inside it count in range_parent's counters */
    IrFunc *range_parent;
    uint32_t nrangelits;  /* counter for f-rangeN names (gc's rangeLitGen) */
};

/* gc's Func.IsClosure: a function literal that captures variables (not a
 * method-value wrapper, whose .this is a hidden parameter) */
static inline bool ir_func_is_closure(const IrFunc *f) { return f->oclosure && f->closurevars.len > 0; }

/* ---- positions ---------------------------------------------------------------- */

/* In the IR, NOPOS is gc's <autogenerated>:1 (wrappers, the package
 * initializer); IR_POS_UNKNOWN is gc's src.NoXPos, a position known to be
 * unknown: what the range-over-func rewrite leaves on the nodes and
 * variables it makes without one (#next, references to #stateN).  -m
 * messages at it have no position prefix, and it prints as "<unknown line
 * number>" elsewhere. */
#define IR_POS_UNKNOWN ((Pos)0xFFFFFFFFu)

/* src.XPos.IsKnown (autogenerated positions are known) */
static inline bool ir_pos_known(Pos p) { return p != NOPOS && p != IR_POS_UNKNOWN; }

/* ---- packages and programs ------------------------------------------------- */

/* Escape tags of a function that is not analyzed in this run (computed
 * from the dependency's IR earlier, or from pragmas for bodyless ones). */
typedef struct IrTags {
    uint32_t n;           /* receiver + params */
    const char **tags;
    uint32_t pragma;
} IrTags;

typedef struct IrPackage {
    TyPackage *types;
    SynFile **files;
    uint32_t nfiles;
    IrFunc **fn;          /* Target.Funcs order */
    uint32_t nfn, capfn;
    bool std, runtime;    /* compiled with -std / -+ */
    /* the type descriptors written while lowering (src/ir/reflectdata.c;
     * kept for pkginit's static itabs, then freed by ir_reflect_free) */
    struct LwReflect *reflect;
    uint32_t nabi;        /* the ABI wrappers at the end of fn */
} IrPackage;

void ir_package_add_func(IrProgram *p, IrPackage *pkg, IrFunc *fn);
void ir_reflect_free(IrPackage *pkg);

/* ir.Name.Canonical: a closure variable's captured variable (its Defn,
 * already the outermost one), else n itself. */
IrName *ir_canonical(IrName *n);
/* ir.IsBlank: the blank identifier (or a name spelled _). */
bool ir_is_blank(const IrNode *n);
/* ir.OuterValue: the variable (or other expression) that n is a part of,
 * through field selections, no-op conversions and array indexing. */
IrNode *ir_outer_value(IrNode *n);

typedef struct IrConfig {
    bool nodeadlocals;    /* -N or -d=nodeadlocals=1 */
    bool nodevirt;
    int loopvar;          /* -d=loopvar=N (0 default, as gc) */
    int m;                /* -m: the reader's own messages
                             ("imprecise interface call") */
    const char *symabis;  /* -symabis: the package's assembly symbol ABIs
                             (def/ref lines; NULL: none), for ABI wrappers */
} IrConfig;

/* Where -m output goes.  gc prints each message as it is produced (no
 * sorting, duplicates kept), so messages are appended to `out` in order;
 * errors go to diags like the type checker's. */
struct IrProgram {
    Arena arena;
    TyEnv *env;
    PosTab *pos;
    SymTab *syms;
    PtrMap funcs_by_obj;  /* TyObject* (func) -> IrFunc* */
    PtrMap globals;       /* TyObject* (package var/func) -> IrName* */
    PtrMap tags_by_obj;   /* TyObject* (func) -> IrTags* (imported / analyzed) */
    Diags *diags;         /* errors */
    Buf out;              /* -m messages, in emission order */
    bool quiet;           /* analyzing a dependency: print nothing */
    bool nocolumns;       /* -C */
    const char *trimpath; /* -trimpath rewrites (NULL: none) */
    /* (appended; needed by escape) Errors the analysis printed into
     * `out` (-+ "x escapes to heap, not allowed in runtime", NotInHeap):
     * gc queues them and, with -m, prints them at the next warning, so
     * they are interleaved with the messages (without -m: at the end).
     * The driver must exit with status 2 when this is nonzero. */
    uint32_t nerrors_out;
    /* (appended; generics, lower_generic.c) the shape types go.shape.X
     * (Sym* of the link string -> TyType*) and their package; the generic
     * function and method declarations of every package lowered so far
     * (TyObject* -> SynFuncDecl*), whose bodies instantiations lower; a
     * hook the lowering sets to see the type of every node it makes
     * (gc's reader reads each type it meets) */
    TyPackage *shape_pkg;
    PtrMap shapes;
    PtrMap generic_decls;
    /* (appended; dictlayout.c) gc's dictionary layouts by generic
     * declaration (TyObject* -> LwDict*) */
    PtrMap dict_layouts;
    /* a generic function's variable of a derived type -> gc's
     * Name.DictIndex (the dumps print it; src/ir/dictlayout.c) */
    PtrMap dict_var_index;
    void (*type_hook)(void *ud, TyType *t);
    void *type_hook_ud;
};

void ir_program_init(IrProgram *p, TyEnv *env, PosTab *pos, SymTab *syms, Diags *diags);
void ir_program_free(IrProgram *p);
/* (dictlayout.c) frees the dictionary layouts' tables */
void ir_dict_layouts_free(IrProgram *p);

/* Appends "FILE:LINE:COL: msg\n" (gc's -m warning format: the file as an
 * absolute, cleaned path after -trimpath; no column with -C or when gc
 * would not print one). */
void ir_warnf(IrProgram *p, Pos pos, const char *fmt, ...) GO_PRINTF(3, 4);
/* The position as gc prints it in -m output (also used inside -m=2 notes). */
void ir_fmt_pos(Buf *b, IrProgram *p, Pos pos);

/* Lowers a checked package.  pkgfiles are the package's syntax trees,
 * type-checked with records (TyConfig.record). */
IrPackage *ir_build_package(IrProgram *prog, const IrConfig *conf, TyPackage *pkg, SynFile **files,
                            uint32_t nfiles);

/* ---- nodes: construction (lower.c and passes) -------------------------------- */

IrNode *ir_new(IrProgram *p, IrOp op, Pos pos, TyType *t);
IrName *ir_new_name(IrProgram *p, Pos pos, const Sym *sym, IrClass cls, TyType *t);
void ir_list_push(IrProgram *p, IrList *l, IrNode *n);

/* ---- types: the gc view ---------------------------------------------------------- */

int64_t ir_type_size(TyEnv *env, TyType *t);
int64_t ir_type_align(TyEnv *env, TyType *t);
bool ir_type_has_pointers(TyType *t);
bool ir_type_is_direct_iface(TyEnv *env, TyType *t);
/* types.Type.NotInHeap: contains internal/runtime/sys.nih by value (such
 * types cannot be allocated by escape analysis; pointers to them hold no
 * heap pointers). */
bool ir_type_not_in_heap(TyType *t);

/* ---- printing (fmt.c) ------------------------------------------------------------ */

/* gc's %v of a node in -m messages, and of a type (types/fmt.go, fmtGo).
 * local: the package being compiled (its names print unqualified). */
void ir_fmt_node(Buf *b, IrProgram *p, const TyPackage *local, const IrNode *n);
void ir_fmt_type(Buf *b, IrProgram *p, const TyPackage *local, TyType *t);
/* The type's LinkString (types/fmt.go fmtTypeID): names qualified by their
 * package's link prefix, byte/rune/any collapsed.  Instantiated names are
 * built from it: F[go.shape.int], Box[*p.T] (reader.mangle joins the type
 * arguments with ","). */
void ir_fmt_type_link(Buf *b, IrProgram *p, const TyPackage *local, TyType *t);
/* The N of a function-local type's symbol T·N (types.LocalPkg's vargen:
 * 1 + the local type declarations before it in the package), 0 for a
 * package-level type. */
uint32_t ir_local_type_gen(const TyObject *o);
/* A dump of a function's IR in the format of gc's -W=2 "before escape"
 * section, reduced to what goesc models (docs/escape-ir.md §0.2): the
 * title line "before escape NAME" preceded by an empty line, then one line
 * per node; tests/ir/dumpcmp.sh compares it with gc's.  dump.c documents
 * the format and which IrNode fields hold which of gc's operands, per op.
 * ir_dump_func finds the package being compiled (gc's LocalPkg) from the
 * function (its object, its enclosing function's, or the globals the
 * package initializer assigns); ir_dump_func_in is told it. */
void ir_dump_func(Buf *b, IrProgram *p, const IrFunc *fn);
void ir_dump_func_in(Buf *b, IrProgram *p, const TyPackage *local, const IrFunc *fn);

#endif
