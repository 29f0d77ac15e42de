/*
 * The escape analysis' internal interface, shared by the files of
 * src/escape (they mirror gc's cmd/compile/internal/escape):
 *
 *   escape.c  driver (escape.Funcs/Batch), initFunc, walkFunc, flowClosure,
 *             rewriteWithLiterals, finish, paramTag, reportLeaks
 *   scc.c     ir.VisitFuncsBottomUp: batches in gc's order
 *   graph.c   locations, holes, notes, flow, teeHole, later, spill
 *   expr.c    expressions; unsafeValue
 *   stmt.c    statements
 *   assign.c  assignment destinations, assignList, reassigned
 *   call.c    calls and builtins, go/defer, tagHole, argument rewriting
 *   solve.c   walkAll/walkOne, outlives, leakTo, -m=2 explanations
 *   leaks.c   the parameter tag encoding
 *   utils.c   isSelfAssign, HeapAllocReason, static values, the reassign
 *             oracle, IR walking helpers, type helpers, message output
 *
 * docs/escape-ir.md §3 specifies the algorithm; this code follows gc's
 * structure so the two can be compared function by function.
 *
 * All analysis state lives in an EscState (one package) and EscBatch (one
 * strongly connected component); locations, edges and notes are allocated
 * in the batch's arena and die with it.  The only state kept in the IR is
 * what gc keeps there: a name's location pointer (IrNode.esc, gc's
 * Name.Opt) during its batch, IrFunc.esc, tags, and the IR rewrites gc
 * makes (Byval/Addrtaken, EscNever, literal rewriting, copyExpr temps).
 */
#ifndef GOESC_ESCAPE_ESC_H
#define GOESC_ESCAPE_ESC_H

#include "escape.h"

#include <stdio.h>
#include <stdlib.h>

/* ---- IR field conventions ----------------------------------------------------
 * The IR's generic fields (ir.h) hold gc's named fields; every access to a
 * field whose meaning depends on the op goes through these helpers, so the
 * mapping lives in one place. */

static inline IrName *esc_as_name(IrNode *n) { return (IrName *)n; }
static inline IrNode *esc_list_at(const IrList *l, uint32_t i) { return i < l->len ? l->items[i] : NULL; }

/* OCALLFUNC/OCALLINTER: Fun is x, Args is list. */
static inline IrNode *esc_call_fun(IrNode *call) { return call->x; }
/* OFOR: Cond is x, Post is els[0]. */
static inline IrNode *esc_for_post(IrNode *n) { return esc_list_at(&n->els, 0); }
/* ORANGE: X, Key, Value are x, y, z. */
/* OCASE: the type switch clause variable, or the select clause's Comm, is x. */
static inline IrName *esc_case_var(IrNode *cas) { return cas->x ? esc_as_name(cas->x) : NULL; }
static inline IrNode *esc_case_comm(IrNode *cas) { return cas->x; }
/* OGO/ODEFER: Call is x; DeferAt (range-over-func defers) is y. */
static inline IrNode *esc_defer_at(IrNode *n) { return n->y; }
/* OSTRUCTKEY: the value is x. */
static inline IrNode *esc_structkey_value(IrNode *n) { return n->x; }
/* OKEY: Key is x, Value is y. */
/* OMAKESLICE: Len is x, Cap is y; OMAKEMAP/OMAKECHAN: Len is x. */
static inline IrNode **esc_make_cap_ref(IrNode *n) { return n->y ? &n->y : &n->x; }

/* ---- parameter tags ----------------------------------------------------------- */

enum { ESC_LEAK_HEAP = 0, ESC_LEAK_MUTATOR = 1, ESC_LEAK_CALLEE = 2, ESC_LEAK_RESULT0 = 3 };
enum { ESC_NUM_RESULTS = 5 };

static inline int esc_leaks_get(const EscLeaks *l, int i) { return (int)l->b[i] - 1; }
void esc_leaks_add(EscLeaks *l, int i, int derefs);
void esc_leaks_set(EscLeaks *l, int i, int derefs);
void esc_leaks_optimize(EscLeaks *l);

/* ---- locations, holes ---------------------------------------------------------- */

enum {
    ESC_ATTR_ESCAPES = 1 << 0,  /* address escapes: heap allocate */
    ESC_ATTR_PERSISTS = 1 << 1, /* address outlives the statement */
    ESC_ATTR_MUTATES = 1 << 2,  /* pointed-to memory may be written */
    ESC_ATTR_CALLS = 1 << 3,    /* reachable closures may be called */
    ESC_ATTR_ALL = 15,
};

typedef struct EscNote EscNote;
struct EscNote {
    EscNote *next;
    IrNode *where;
    const char *why;
};

typedef struct EscLoc EscLoc;

typedef struct EscEdge {
    EscLoc *src;
    int derefs; /* >= -1 */
    EscNote *notes;
} EscEdge;

struct EscLoc {
    IrNode *n;        /* the variable or allocating expression, or NULL */
    IrFunc *curfn;
    EscEdge *edges;   /* incoming, in insertion order */
    uint32_t nedges, capedges;
    int loop_depth;
    int result_index; /* 1-based for results, else 0 */

    /* walkOne scratch */
    int derefs;
    uint32_t walkgen;
    EscLoc *dst;
    uint32_t dst_edge_idx;
    uint32_t queued_walk_one; /* walkgen when queued, 0 if not */
    bool queued_walk_all;

    uint8_t attrs;
    EscLeaks param_esc;
    bool captured, reassigned, addrtaken, param, param_out;
};

typedef struct EscHole {
    EscLoc *dst;
    int derefs;
    EscNote *notes;
    bool addrtaken; /* this context takes the expression's address */
} EscHole;

typedef struct EscClosure {
    EscHole k;
    IrNode *clo;
} EscClosure;

/* One package (gc's escape.Funcs call). */
typedef struct EscState {
    IrProgram *prog;
    IrPackage *pkg;
    const EscConfig *conf;
    TyEnv *env;
    PtrMap pkgfuncs;   /* IrFunc* of pkg -> non-NULL: functions with a Defn */
    PtrMap oracles;    /* IrFunc* -> EscOracle* (lazily, gc's reassignOracles) */
    Buf scratch;       /* message formatting */
    /* errors queued as gc's base.ErrorfAt queues them: printed, sorted by
     * position, before the next -m warning (utils.c) */
    struct EscErr *errs;
    uint32_t nerrs, caperrs;
    Pos last_err_pos;
    char *last_err_msg;
    /* called for each batch in order (esc_batch; tests observe the order) */
    void (*analyze)(struct EscState *st, IrFunc **fns, uint32_t nfns);
} EscState;

/* One batch (gc's batch). */
typedef struct EscBatch {
    EscState *st;
    IrProgram *prog;
    Arena arena;       /* locations, edges, notes of this batch */
    EscLoc **all_locs;
    uint32_t nlocs, caplocs;
    EscClosure *closures;
    uint32_t nclosures, capclosures;
    EscLoc heap_loc, mutator_loc, callee_loc, blank_loc;
    bool notes;        /* -m >= 2: record notes */
} EscBatch;

/* One function walk (gc's escape). */
typedef struct Esc {
    EscBatch *b;
    IrFunc *curfn;
    PtrMap labels;     /* label key -> ESC_LABEL_* */
    int loop_depth;
} Esc;

enum { ESC_LABEL_LOOPING = 1, ESC_LABEL_NONLOOPING = 2 };

/* graph.c */
EscHole esc_hole(EscLoc *l);
EscHole esc_note(EscBatch *b, EscHole k, IrNode *where, const char *why);
EscHole esc_shift(EscHole k, int delta);
EscHole esc_deref(EscBatch *b, EscHole k, IrNode *where, const char *why);
EscHole esc_addr_hole(EscBatch *b, EscHole k, IrNode *where, const char *why);
EscHole esc_dot_type(EscBatch *b, EscHole k, TyType *t, IrNode *where, const char *why);
void esc_flow(EscBatch *b, EscHole k, EscLoc *src);
EscHole esc_heap_hole(EscBatch *b);
EscHole esc_mutator_hole(EscBatch *b);
EscHole esc_callee_hole(EscBatch *b);
EscHole esc_discard_hole(EscBatch *b);
EscLoc *esc_old_loc(EscBatch *b, IrName *n);
EscLoc *esc_new_loc(Esc *e, IrNode *n, bool persists);
EscHole esc_tee_hole(Esc *e, EscHole *ks, uint32_t nks);
EscHole esc_later(Esc *e, EscHole k);
static inline bool esc_has_attr(const EscLoc *l, uint8_t a) { return (l->attrs & a) != 0; }
bool esc_loc_is_name(const EscLoc *l, IrClass c);

/* expr.c */
void esc_expr(Esc *e, EscHole k, IrNode *n);
void esc_expr_skip_init(Esc *e, EscHole k, IrNode *n);
void esc_unsafe_value(Esc *e, EscHole k, IrNode *n);
void esc_discard(Esc *e, IrNode *n);
void esc_discards(Esc *e, IrList *l);
EscHole esc_spill(Esc *e, EscHole k, IrNode *n);

/* stmt.c */
void esc_stmt(Esc *e, IrNode *n);
void esc_stmts(Esc *e, IrList *l);
void esc_block(Esc *e, IrList *l);
EscHole esc_dcl(Esc *e, IrName *n);

/* assign.c */
EscHole esc_addr(Esc *e, IrNode *n);
void esc_mutate(Esc *e, IrNode *n);
void esc_assign_heap(Esc *e, IrNode *src, const char *why, IrNode *where);
void esc_assign_list(Esc *e, IrNode **dsts, uint32_t ndst, IrNode **srcs, uint32_t nsrc, const char *why,
                     IrNode *where);
void esc_reassigned(Esc *e, EscHole *ks, uint32_t nks, IrNode *where);

/* call.c */
/* A statically known callee (gc's fn *ir.Name). */
typedef struct EscCallee {
    TyObject *obj;   /* the function or method object (NULL for func literals) */
    IrFunc *fn;      /* its IR in this package (gc's Defn), or NULL */
    const char *pkgpath; /* package of the callee, for special cases */
} EscCallee;

void esc_call(Esc *e, EscHole *ks, uint32_t nks, IrNode *call);
void esc_go_defer(Esc *e, IrNode *n);
EscHole esc_tag_hole(Esc *e, EscHole *ks, uint32_t nks, const EscCallee *fn, uint32_t param);
bool esc_in_mutual_batch(const EscCallee *fn);
bool esc_static_callee(EscState *st, IrNode *n, EscCallee *out);
bool esc_method_callee(EscState *st, TyObject *m, EscCallee *out);
/* A new temporary of fn (typecheck.TempAt): .autotmp_N, N = len(Dcl). */
IrName *esc_new_temp(EscState *st, IrFunc *fn, Pos pos, TyType *t);

/* solve.c */
void esc_walk_all(EscBatch *b);
bool esc_outlives(EscBatch *b, EscLoc *l, EscLoc *other);
void esc_explain_flow(EscBatch *b, Pos pos, EscLoc *dst, EscLoc *src, int derefs, EscNote *notes);

/* escape.c */
void esc_walk_func(EscBatch *b, IrFunc *fn);
void esc_batch(EscState *st, IrFunc **fns, uint32_t nfns);

/* scc.c */
/* gc's ir.VisitFuncsBottomUp + escape.Batch per component. */
void esc_visit_funcs_bottom_up(EscState *st);
/* The function with IR in this package that a PFUNC name or a method
 * denotes (gc's Defn), or NULL. */
IrFunc *esc_defn(EscState *st, IrFunc *fn);

/* utils.c */
bool esc_is_closure(const IrFunc *fn);          /* gc's Func.IsClosure */
bool esc_contains_closure(const IrFunc *f, const IrFunc *c);
bool esc_is_self_assign(IrNode *dst, IrNode *src);
const char *esc_heap_alloc_reason(EscState *st, IrNode *n);
bool esc_is_reflect_header_data_field(IrNode *n);
IrNode *esc_static_value(IrNode *n);             /* ir.StaticValue */
bool esc_reassigned_name(IrName *n);             /* ir.Reassigned */
typedef struct EscOracle EscOracle;
EscOracle *esc_reassign_oracle(EscState *st, IrFunc *fn);
IrNode *esc_oracle_static_value(EscOracle *ro, IrNode *n);
void esc_oracle_free_all(EscState *st);
/* Pre-order walk (gc's ir.Visit / ir.Any): f is called on every node
 * under root, parents before children in gc's doChildren order; closure
 * bodies are not entered (f sees the OCLOSURE).  A true return from f
 * skips nothing (gc's Visit); it is ignored. */
typedef void (*EscVisitFn)(void *ud, IrNode *n);
void esc_visit_list(IrList *l, EscVisitFn f, void *ud);
void esc_visit(IrNode *n, EscVisitFn f, void *ud);

/* types */
bool esc_type_has_pointers(TyType *t);
bool esc_type_is_untyped(TyType *t);
bool esc_type_is_interface(TyType *t);
bool esc_type_is_array(TyType *t);
bool esc_type_is_slice(TyType *t);
bool esc_type_is_uintptr(TyType *t);
bool esc_type_is_unsafe_ptr(TyType *t);
bool esc_type_is_direct_iface(EscState *st, TyType *t);
bool esc_type_not_in_heap(TyType *t);
bool esc_type_is_shape(TyType *t);
bool esc_has_non_string_pointers(TyType *t);
TyType *esc_type_elem(TyType *t);                /* pointer/slice/array/map/chan element */
int64_t esc_type_size(EscState *st, TyType *t);
int64_t esc_type_align(EscState *st, TyType *t);

/* messages: gc's base.WarnfAt (-m) and fmt.Printf (-m=2) lines go to
 * prog->out in emission order; nothing with prog->quiet. */
void esc_fmt_node(EscState *st, Buf *b, IrNode *n);
void esc_fmt_func(EscState *st, Buf *b, IrFunc *fn); /* %v of an *ir.Func */
const char *esc_func_name(IrFunc *fn);              /* ir.FuncName */
void esc_printf(EscState *st, const char *fmt, ...) GO_PRINTF(2, 3);
void esc_print_pos(EscState *st, Pos pos);
/* ir_warnf with the text already formatted in st->scratch */
void esc_warn_scratch(EscState *st, Pos pos);
/* base.WarnfAt: a -m message (queued errors are printed first) */
void esc_warnf(EscState *st, Pos pos, const char *fmt, ...) GO_PRINTF(3, 4);
/* base.ErrorfAt: queued until the next warning, or the end */
void esc_errorf(EscState *st, Pos pos, const char *fmt, ...) GO_PRINTF(3, 4);
void esc_flush_errors(EscState *st);
/* at the end of the package: what is still queued */
void esc_finish_errors(EscState *st);

#endif
