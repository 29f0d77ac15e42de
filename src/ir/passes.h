/*
 * passes — the front-end passes gc runs between the noder and escape
 * analysis (docs/escape-ir.md §1), on goesc's IR, plus the syntax-level
 * range-over-func rewrite that runs before lowering (§2.12).
 *
 * The driver calls them in gc's order (gc/main.go):
 *
 *   rangefunc   ir_rangefunc_rewrite       on the checked syntax, before
 *                                           ir_build_package
 *   (lowering)  ir_build_package
 *   devirt      ir_devirtualize_package     interleaved.DevirtualizeAndInlinePackage
 *   (wrappers)  MakeWrappers (lowering)     new wrappers: ir_devirtualize_func
 *   loopvar     ir_loopvar_package          loopvar.ForCapture on every func
 *   pkginit     ir_staticinit_package       staticinit.OutlineMapInits (which gc
 *                                           runs in the reader; equivalent here,
 *                                           see staticinit.c) + pkginit.MakeTask
 *   deadlocals  ir_deadlocals_package       deadlocals.Funcs
 *   (escape)    esc_analyze_package
 *
 * ir_run_passes does the four IR passes in that order (without wrappers).
 *
 * What the passes assume about the IR (the lowering's side of the
 * contract; gc's field names in brackets):
 *   OCALLFUNC/OCALLINTER  x [Fun], list [Args]; IR_F_GODEFER on go/defer calls
 *   ODOTINTER/ODOTMETH    x [X], sym = the method object
 *   OMETHEXPR             x = OTYPE node of the receiver type, sym = method,
 *                         type = the method expression's func type
 *   OAS/OASOP             x, y;  OAS2..., OSELRECV2  list [Lhs], rlist [Rhs]
 *   ODCL                  x
 *   OIF                   x [Cond], body, els
 *   OFOR                  x [Cond], els.items[0] [Post], body, label [Label]
 *   ORANGE                x [X], y [Key], z [Value], body, label
 *   OSWITCH               x [Tag], list [Cases];  OTYPESW x [X]
 *   OCASE                 x [Var (type switch) / Comm (select)], list, body
 *   OBREAK/OCONTINUE/OGOTO/OLABEL   label (an IrName whose sym is the label)
 *   OCLOSURE              func;  OKEY x, y;  OSTRUCTKEY sym = field, x = value
 *   OMAKE...               x [Len], y [Cap] (x NULL: no size, as gc's 0)
 *   OLINKSYMOFFSET        label = a name for the link symbol ("p..stmp_0"),
 *                         aux = offset (as src/ir/dump.c reads it)
 *   package variables     IrName.defn = their initializing statement in init
 * Children are visited in gc's doChildren order: init, x, y, z, list,
 * rlist, body, els; for OFOR init, x, els (Post), body.
 *
 * Names use the prefix ir_ (public) and irp_ (shared by the pass files).
 */
#ifndef GOESC_IR_PASSES_H
#define GOESC_IR_PASSES_H

#include "ir.h"

/* ---- the IR passes ------------------------------------------------------------- */

/* devirtualize.StaticCall on every call of every function, in Target.Funcs
 * order, calls in post-order, with the concrete-type analysis of local
 * interface variables shared across the package; prints the
 * "devirtualizing X to T" messages (at -m; always appended to prog->out
 * unless prog->quiet, so the caller decides whether -m is on via m). */
void ir_devirtualize_package(IrProgram *prog, IrPackage *pkg, const IrConfig *conf, int m);
/* The same for one function with its own state (DevirtualizeAndInlineFunc,
 * used by gc for method wrappers created after the package pass). */
void ir_devirtualize_func(IrProgram *prog, IrPackage *pkg, IrFunc *fn, int m);

/* loopvar.ForCapture on every function; afterwards no loop has
 * IR_F_DISTINCTVARS. */
void ir_loopvar_package(IrProgram *prog, IrPackage *pkg, const IrConfig *conf);
void ir_loopvar_func(IrProgram *prog, IrFunc *fn, const IrConfig *conf);

/* Map-init outlining and the static-init schedule of the synthetic package
 * initializer (the function with IR_FN_PKGINIT), if any. */
void ir_staticinit_package(IrProgram *prog, IrPackage *pkg, const IrConfig *conf);
/* pkginit's reflectdata.ITabAddrAt for a statically initialized variable
 * of non-empty interface type iface holding a typ (src/ir/reflectdata.c):
 * the functions writing the descriptors makes go before the ABI wrappers,
 * as gc generates those after pkginit. */
void ir_static_itab(IrProgram *prog, IrPackage *pkg, TyType *typ, TyType *iface);

/* deadlocals.Funcs (nothing with conf->nodeadlocals). */
void ir_deadlocals_package(IrProgram *prog, IrPackage *pkg, const IrConfig *conf);

/* devirtualize, loopvar, staticinit, deadlocals. */
void ir_run_passes(IrProgram *prog, IrPackage *pkg, const IrConfig *conf, int m);

/* ---- range over func (syntax level, rangefunc.c) -------------------------------- */

/* rangefunc.Rewrite: rewrites every `for ... range f` over a function in
 * the checked files into calls of f with a body closure, recording TyTV
 * information on the new nodes as types2 would (so that the lowering
 * treats them as user code).  The body closures are marked by setting
 * SYN_F_RANGEBODY (syntax.h) and defers inside them get
 * SynCallStmt.defer_at; new nodes and objects live in env's arena.
 * Returns the number of loops rewritten. */
typedef void (*IrRangeFuncDump)(void *ud, SynBlockStmt *body);
uint32_t ir_rangefunc_rewrite(TyEnv *env, TyPackage *pkg, SynFile **files, uint32_t nfiles,
                              IrRangeFuncDump dump, void *dump_ud);
/* dump (may be NULL) is called, like gc's -W syntax.Fdump, with the body of
 * every function in which a range-over-func loop was rewritten, when its
 * rewrite is done (inner function literals before their function). */

/* ---- helpers shared by the pass files (pass_util.c) ----------------------------- */

/* typecheck.TempAt: .autotmp_N (N = len(Dcl)), PAUTO, AutoTemp, Used,
 * appended to fn's Dcl. */
IrName *irp_temp(IrProgram *p, IrFunc *fn, Pos pos, TyType *t);
IrNode *irp_bool_lit(IrProgram *p, Pos pos, bool v);
IrNode *irp_int_lit(IrProgram *p, Pos pos, TyType *t, int64_t v);
/* A new blank identifier node (ir.BlankNode). */
IrName *irp_blank(IrProgram *p);

/* Calls f on each non-NULL child of n in gc's doChildren order (not into
 * closure bodies).  Stops and returns true when f does. */
typedef bool (*IrpChildFn)(void *ud, IrNode *child);
bool irp_do_children(IrNode *n, IrpChildFn f, void *ud);
/* ir.Any: pre-order, n included; true if pred holds for some node. */
typedef bool (*IrpPred)(void *ud, IrNode *n);
bool irp_any(IrNode *n, IrpPred pred, void *ud);
/* Calls f on every IrList of n (init, list, rlist, body, els), for
 * rewriting statement lists in place. */
void irp_each_list(IrNode *n, void (*f)(void *ud, IrList *l), void *ud);

#endif
