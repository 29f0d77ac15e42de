/*
 * The lowering from typed syntax trees to IR (gc's noder reader + typecheck),
 * shared by its files:
 *   lower.c       driver: packages, Target.Funcs order, functions, names,
 *                 temporaries, the package initializer
 *   lower_stmt.c  statements (with the writer's dead-code and constant-
 *                 condition rules), declarations, closures and their
 *                 captured variables, go/defer normalization, select,
 *                 switch, range
 *   lower_expr.c  expressions, implicit conversions, constants, selectors,
 *                 indexing, composite literals
 *   lower_call.c  calls: method calls (receiver as argument 0), variadic
 *                 slices, multi-value arguments (OAS2FUNC temps),
 *                 builtins, callee temps (RewriteNonNameCall)
 * Internal to src/ir.  docs/escape-ir.md specifies every shape.
 */
#ifndef GOESC_IR_LOWER_H
#define GOESC_IR_LOWER_H

#include "ir.h"
#include "../types/check.h"

typedef struct Lower Lower;

/* Per-function lowering state. */
typedef struct LowerFn {
    IrFunc *fn;
    struct LowerFn *outer;   /* enclosing function (closures) */
    PtrMap vars;             /* TyObject* -> IrName* visible in this function
                                (its own locals/params, and captured vars) */
    PtrMap labels;           /* Sym* -> IrName* label */
    uint32_t rangelit;       /* counter for f-rangeN names */
} LowerFn;

struct Lower {
    IrProgram *p;
    IrPackage *pkg;
    const IrConfig *conf;
    TyEnv *env;
    Arena *a;                /* p->arena */
    LowerFn *fn;             /* current function */
    const char *file_version;/* language version of the file being lowered */
    IrFunc *initfn;          /* the synthetic package initializer, if any */
    PtrVec todo;             /* function bodies still to lower (LIFO, as gc's todoBodies) */
};

/* ---- lower.c ---------------------------------------------------------------- */

/* The IR name of a variable or function object in the current function
 * (creating closure variables when a function literal uses an outer
 * variable; use_pos is the use's position, which a new closure variable
 * takes). */
IrName *lw_name(Lower *lw, TyObject *obj, Pos use_pos);
/* A new local declared by the current function (appended to Dcl). */
IrName *lw_new_local(Lower *lw, TyObject *obj, Pos pos, TyType *t);
/* A new temporary .autotmp_N (N = len(Dcl)), appended to Dcl. */
IrName *lw_temp(Lower *lw, Pos pos, TyType *t);
/* The blank identifier as an lvalue. */
IrNode *lw_blank(Lower *lw, Pos pos, TyType *t);
/* A new function (declared, closure, wrapper) with params/results in Dcl. */
IrFunc *lw_new_func(Lower *lw, TyObject *obj, const char *linkname, TySignature *sig, Pos pos);
void lw_push_fn(Lower *lw, LowerFn *lf, IrFunc *fn);
void lw_pop_fn(Lower *lw);

/* ---- lower_stmt.c ------------------------------------------------------------- */

/* Appends the IR of statement s to out (blocks are spliced). */
void lw_stmt(Lower *lw, SynNode *s, IrList *out);
/* A statement list with gc's writer rules (dead code after terminating
 * statements, static conditions). */
void lw_stmts(Lower *lw, SynList list, IrList *out);
/* A function literal: the OCLOSURE (its function is queued/lowered). */
IrNode *lw_func_lit(Lower *lw, SynFuncLit *e);
/* The body of a declared function or closure. */
void lw_func_body(Lower *lw, IrFunc *fn, SynBlockStmt *body);
/* writer.staticBool: 1 true, -1 false, 0 unknown (the condition may be
 * simplified in place as gc does) */
int lw_static_bool(Lower *lw, SynNode **cond);

/* ---- lower_expr.c ------------------------------------------------------------- */

/* An expression's value, with the implicit conversions gc inserts inside
 * it; constants become one OLITERAL. */
IrNode *lw_expr(Lower *lw, SynNode *e);
/* lw_expr then the implicit conversion to `target` (assignment, argument,
 * return, send, element, key): writer.implicitConvExpr. */
IrNode *lw_expr_to(Lower *lw, SynNode *e, TyType *target);
/* An implicit conversion of n to t (OCONVNOP/OCONVIFACE/... with
 * IR_F_IMPLICIT), or n itself when none is needed. */
IrNode *lw_implicit_conv(Lower *lw, IrNode *n, TyType *t, Pos pos);
/* The conversion op gc's typecheck picks (typecheck.convertOp). */
IrOp lw_convert_op(Lower *lw, TyType *src, TyType *dst, bool *ok);
/* A constant of type t (OLITERAL, or ONIL). */
IrNode *lw_const(Lower *lw, Pos pos, TyType *t, TyConst val);
/* An addressable expression as an lvalue (assignment destinations). */
IrNode *lw_lvalue(Lower *lw, SynNode *e);
/* &x with the Addrtaken marking of gc's NewAddrExpr (OPTRLIT for
 * composite literals). */
IrNode *lw_addr(Lower *lw, IrNode *x, Pos pos, bool implicit);
IrNode *lw_composite_lit(Lower *lw, SynCompositeLit *e, TyType *t);

/* ---- lower_call.c ------------------------------------------------------------- */

/* A call expression (function, method, interface, conversion or builtin). */
IrNode *lw_call(Lower *lw, SynCallExpr *e);
/* The values of a multi-value expression (call, comma-ok) assigned to
 * targets of types `types` (reader.multiExpr): returns n nodes whose first
 * carries the OAS2FUNC/OAS2MAPR/... init.  pos: where temps are placed. */
IrNode **lw_multi_expr(Lower *lw, SynNode *e, Pos pos, TyType **types, uint32_t n);
/* A method value x.M (not called): OMETHVALUE. */
IrNode *lw_method_value(Lower *lw, SynSelectorExpr *e);

#endif
