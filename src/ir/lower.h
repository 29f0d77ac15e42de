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
typedef struct LwInst LwInst;
typedef struct LwReflect LwReflect;

/* A function body still to lower (gc's todoBodies entry): a declared
 * function, or an instantiation (inst, lower_generic.c). */
typedef struct TodoBody {
    IrFunc *fn;
    SynFuncDecl *decl;
    struct LwInstFn *inst;
} TodoBody;

/* Marks in the substituted records of a generic body (lower_generic.c):
 * the record's type mentioned a type parameter; a method selected on a
 * type parameter (called through the dictionary). */
enum { LW_TV_DERIVED = 1 << 6, LW_TV_TPMETHOD = 1 << 7 };

/* Per-function lowering state. */
typedef struct LowerFn {
    IrFunc *fn;
    struct LowerFn *outer;   /* enclosing function (closures) */
    PtrMap vars;             /* TyObject* -> IrName* visible in this function
                                (its own locals/params, and captured vars) */
    PtrMap labels;           /* Sym* -> IrName* label */
    uint32_t rangelit;       /* unused: the counter is IrFunc.nrangelits (gc keeps
                                it on the RangeParent function) */
    /* gc's base.Pos while this body is read (appended; needed by
     * lower_expr/lower_call): ir.WithFunc sets it to the function's
     * position, reader.assign's setBasePos to each name declared by an
     * assignment, range or var declaration.  gc uses it as the position
     * of the OCONVNOP that carries a multi-value init (ir.InitExpr).
     * NOPOS: use the function's position. */
    Pos base_pos;
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
    const Sym *sym_blank;    /* "_" */
    TySignature *empty_sig;  /* func(), the signature of go/defer wrappers and init */
    TyObject *panicwrap;     /* runtime.panicwrap, once method wrappers need it */
    /* Imported functions and variables gc's reader has read so far
     * (TyObject* -> non-NULL; appended, owned by lower_expr.c, to be
     * freed with ptrmap_free at the end of ir_build_package): reading an
     * object the first time sets base.Pos to its position (objIdx's
     * setBasePos), which LowerFn.base_pos follows. */
    PtrMap objs_read;
    /* (appended; generics, lower_generic.c) the instantiation whose body
     * is being lowered (NULL: none); this package's instantiated
     * functions, dictionaries and types by qualified name; the types read
     * so far; gc's todoDicts */
    LwInst *inst;
    PtrMap insts;
    PtrMap types_read;
    PtrVec todo_dicts;
    /* (lower_wrap.c) the method values met, in reading order, for their
     * T.M-fm wrappers (LwMethodValue*; gc's needMethodValueWrappers) */
    PtrVec method_values;
    /* (lower_generic.c) the instances whose underlying types are being
     * read (gc's TFORW types: shapify leaves them alone) */
    PtrVec forw;
    /* (lower_generic.c) the types reader.needWrapper marks, in reading
     * order, for their method wrappers (lower_wrap.c): the package's
     * named types, shape types, function-local types, instances, unnamed
     * structs with embedded fields and interface literals */
    PtrVec wrapper_types;
    TyPackage *go_pkg;       /* gc's "go" package (unnamed types' wrappers) */
    /* (lower_generic.c) reading an imported non-generic declaration
     * (gc's importedDef): the instances met then are the wrapper types
     * the package has (TyType* -> non-NULL), whose wrappers an imported
     * package made */
    bool imported_ctx;
    PtrMap wrap_have;
    /* (lower_generic.c) the runtime dictionaries written (IrName* ->
     * non-NULL): reader.dictNameOf writes one when first referenced */
    PtrMap dicts_written;
};

/* A method value x.M (OMETHVALUE): rcvr is the receiver's type as the
 * value holds it (after implicit fields, & and *), m the method called
 * (for instances, the stenciled method). */
typedef struct LwMethodValue {
    TyType *rcvr;
    TyObject *m;
} LwMethodValue;

/* the blank identifier's name; a blank (or nameless) struct field */
static inline bool lw_sym_is_blank(const Sym *s) { return s && s->len == 1 && s->name[0] == '_'; }
static inline bool lw_field_is_blank(const TyObject *f) { return !f->name || lw_sym_is_blank(f->name); }

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
/* The blank identifier as an lvalue (gc's ir.BlankNode: no position and
 * no type, whatever pos and t say). */
IrNode *lw_blank(Lower *lw, Pos pos, TyType *t);
/* The PEXTERN or PFUNC name of a package-level variable or function
 * (methods included), shared by all references (prog->globals). */
IrName *lw_global(Lower *lw, TyObject *obj);
/* A new closure variable of fn (a closure being built) for `outer`, the
 * variable as the enclosing function sees it: PAUTOHEAP, IsClosureVar,
 * Defn = the canonical variable, Outer = outer; appended to ClosureVars
 * (ir.NewClosureVar). */
IrName *lw_closure_var(Lower *lw, IrFunc *fn, Pos pos, IrName *outer);
/* A new function literal, go/defer wrapper or range-func body of the
 * current function (ir.NewClosureFunc): named after it (outer.funcN,
 * outer.N inside closures, outer.gowrapN / outer.deferwrapN,
 * outer-rangeN by why = IR_OCLOSURE / IR_OGO / IR_ODEFER / IR_ORANGE),
 * with its OCLOSURE node at pos, Dcl holding its params, appended to
 * Target.Funcs now.  The body is the caller's business. */
IrFunc *lw_new_closure(Lower *lw, IrOp why, TySignature *sig, Pos pos);
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
/* writer.staticBool: 1 true, -1 false, 0 unknown.  *cond gets the
 * condition simplified as gc's writer simplifies it (`true && x` -> `x`);
 * the syntax tree itself is never changed: changed operations are copies. */
int lw_static_bool(Lower *lw, SynNode **cond);
/* A switch clause as the writer keeps it: a constant switch's target
 * is rewritten as the default. */
typedef struct LwClause {
    SynCaseClause *c;
    bool as_default;
} LwClause;
/* writer.switchStmt on an expression switch: cl (s's clauses on entry,
 * room for all) gets the clauses that remain (a constant tag keeps only
 * the clause always taken); *tag the tag (NULL once dropped), *tag_type
 * the type cases convert to (`any` when a case needs it), *tag_is_chan.
 * Returns the number of clauses. */
uint32_t lw_expr_switch(Lower *lw, SynSwitchStmt *s, LwClause *cl, SynNode **tag, TyType **tag_type,
                        bool *tag_is_chan);
/* writer.stmts' walk: f on each statement of list that is written (not
 * dead after a terminating one; labeled ones always are). */
void lw_live_stmts(Lower *lw, SynList list, void (*f)(void *ctx, SynNode *s), void *ctx);
/* pkgWriter.terminates */
bool lw_terminates(Lower *lw, SynNode *s);
/* the clause body ends in fallthrough */
bool lw_has_fallthrough(SynList body);
/* syntax.UnpackListExpr (n = 0 for NULL) */
SynNode **lw_unpack_list(Lower *lw, SynNode *e, uint32_t *n);
/* go/defer normalization (typecheck.normalizeGoDeferCall): the call of a
 * go/defer statement at pos, as a call with no arguments or results,
 * through a wrapper closure when needed; the statement's init gets what
 * must run at the statement. */
IrNode *lw_go_defer_call(Lower *lw, Pos pos, IrOp op, IrNode *call, IrList *init);

/*
 * Statement shapes produced by lower_stmt.c (gc's field in parentheses):
 *   ODCL       x = the name (X)
 *   OAS        x, y (X, Y; y NULL for `var x T`); IR_F_DEF
 *   OASOP      x, y; aux = the binary IrOp (AsOp); IR_F_INCDEC for ++/--
 *   OAS2 OAS2FUNC OAS2MAPR OAS2RECV OAS2DOTTYPE OSELRECV2
 *              list = Lhs, rlist = Rhs; IR_F_DEF
 *   ORETURN    list = Results
 *   OBLOCK     list = List
 *   OIF        x = Cond, body = Body, els = Else
 *   OFOR       x = Cond (or NULL), els = Post as a 0/1-element list,
 *              body = Body, label = Label; IR_F_DISTINCTVARS
 *   ORANGE     x = X, y = Key, z = Value (NULL when absent), body,
 *              label; IR_F_DEF; IR_F_DISTINCTVARS
 *   OSWITCH    x = Tag (NULL, an expression, or OTYPESW), list = OCASE
 *              clauses, label
 *   OTYPESW    x = X, y = Tag: an ONAME (class PXXX, not in Dcl) naming
 *              the declared symbol, or NULL
 *   OCASE      list = List (case values; OTYPE / ONIL in type switches),
 *              body = Body; x = Var (type switch clause variable) in a
 *              switch, x = Comm (OSELRECV2 / OSEND / NULL) in a select
 *   OSELECT    list = OCASE clauses, label
 *   OSEND      x = Chan, y = Value
 *   OLABEL OBREAK OCONTINUE OGOTO    label = an ONAME (class PXXX) per
 *              label name and function, or NULL; OFALL
 *   OGO ODEFER x = Call (OCALLFUNC with IR_F_GODEFER), y = DeferAt
 *   OCHECKNIL  x = X; OITAB x = X
 *   OCLOSURE   func = the literal's IrFunc
 * The go/defer normalization reads composite literal elements as
 * OKEY (x = Key, y = Value) and OSTRUCTKEY (sym = field, x = Value), and
 * an interface call as OCALLINTER with x = ODOTINTER whose x = receiver.
 */

/* ---- lower_expr.c ------------------------------------------------------------- */

/* Operand fields by op, as lower_expr.c / lower_call.c build them (gc's
 * field in parentheses):
 *   OLITERAL val; ONIL, OTYPE: type only
 *   ODOT, ODOTPTR      x, sym = field object, aux = field index
 *   ODOTINTER          x = receiver, sym = method; type = method signature
 *   OMETHVALUE         x = receiver (after implicit steps), sym = method
 *   OMETHEXPR          x = OTYPE of the receiver type, sym = method; type =
 *                      the method's function type, receiver first (gc's
 *                      NewMethodType)
 *   OINDEX, OINDEXMAP  x, y = index (key)
 *   OSLICE*            x, list = {Low, High, Max} (always 3 entries, NULL
 *                      when absent)
 *   ODOTTYPE(2)        x; type = the asserted type
 *   unary ops, OADDR, ODEREF, OPTRLIT, ORECV, OCONV*, ORUNESTR, O*2*
 *                      x
 *   binary ops, OANDAND, OOROR  x, y
 *   OADDSTR            list (operands)
 *   OCALLFUNC          x = Fun, list = Args; IR_F_ISDDD
 *   OCALLINTER         x = ODOTINTER, list = Args (receiver not included)
 *   OAPPEND ODELETE OPRINT OPRINTLN ORECOVER OMIN OMAX   list = Args
 *   OLEN OCAP OREAL OIMAG OCLOSE OCLEAR OPANIC OUNSAFESTRINGDATA
 *   OUNSAFESLICEDATA   x
 *   ONEW               x = OTYPE of the allocated type
 *   OCOPY OCOMPLEX OUNSAFEADD OUNSAFESLICE OUNSAFESTRING   x, y
 *   OMAKESLICE         x = Len, y = Cap (or NULL); OMAKEMAP/OMAKECHAN x = size
 *   OSTRUCTLIT OARRAYLIT OSLICELIT OMAPLIT   list = elements; len (OSLICELIT)
 *   OSTRUCTKEY         sym = field, aux = field index, x = value
 *   OKEY               x = key, y = value
 * Expression types are the checker's: the type types2 recorded for the
 * expression where gc's IR agrees with it (comparisons get their final
 * type: bool when still untyped), constants the type of writer.idealType. */

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
/* types2.AssignableTo for typed values (writer's choice of the common
 * type of comparison operands and switch cases). */
bool lw_assignable(Lower *lw, TyType *v, TyType *t);
/* gc's view of a type's kind: true for pointer (incl. named pointer) types
 * etc.; the element of a pointer/slice/array/chan/map type (NULL otherwise). */
TyType *lw_elem(TyType *t);
/* An explicit or implicit conversion node of x to t (typecheck.tcConv:
 * the op of convertOp; []rune of a constant string becomes a []rune
 * literal; string([]B) gets an inner OCONVNOP to []byte). */
IrNode *lw_conv(Lower *lw, IrNode *x, TyType *t, Pos pos, bool implicit);
/* The receiver of a method selection x.M with its implicit field steps,
 * & or * (writer.recvExpr + reader exprRecv), positioned at the selector.
 * *recv gets the receiver type after those steps. */
IrNode *lw_recv_expr(Lower *lw, SynSelectorExpr *e, TySelection *sel, TyType **recv);
/* The type reached from t through the embedded fields index[0..n) (each
 * step through a *T, too), or NULL when the path does not fit t; sets
 * *via_ptr (if not NULL) when an embedded field on the way is a pointer
 * (gc's Field.Embedded == 2). */
TyType *lw_embedded_path(TyType *t, const uint32_t *index, uint32_t n, bool *via_ptr);
/* An ODOT/ODOTPTR selecting field idx of x (typecheck.DotField). */
IrNode *lw_dot_field(Lower *lw, IrNode *x, uint32_t idx, Pos pos, bool implicit);
/* gc's base.Pos at this point of the current body (LowerFn.base_pos, or
 * the function's position). */
Pos lw_base_pos(Lower *lw);
/* t (or *t) is an instance of a generic type other than an interface:
 * its methods are shaped generic code. */
bool lw_is_instance(TyType *t);
/* Reports a construct the lowering does not handle yet (generic code) and
 * returns a placeholder ONIL of type t. */
IrNode *lw_unsupported(Lower *lw, Pos pos, TyType *t, const char *what);
/* The type gc gives the value of expression e (its recorded type; a
 * comma-ok expression's first type; untyped results of comparisons and
 * logical operators as bool). */
TyType *lw_expr_type(Lower *lw, SynNode *e);

/* types2's isPtrTo: from is a pointer to a type identical to to */
bool lw_is_ptr_to(TyType *from, TyType *to);
/* A generic object's origin (an instance's method or function: the
 * declared one). */
TyObject *lw_origin(TyObject *o);
/* The IR op of a binary (or op=) operator: IR_OADD for SYN_ADD, ... */
IrOp lw_binary_op(SynOp op);
/* lookupObj without instantiations: the object a name or qualified name
 * denotes (*idtv: the identifier's record), or NULL. */
TyObject *lw_lookup_obj(SynNode *e, TyTV **idtv);
/* The generic function a call's function expression instantiates (F,
 * F[int], pkg.F[int, string]) and the type arguments recorded for it. */
bool lw_generic_ref(Lower *lw, SynNode *fun, TyObject **gen, TyTypeList *targs);

/* ---- lower_call.c ------------------------------------------------------------- */

/* A call expression (function, method, interface, conversion or builtin). */
IrNode *lw_call(Lower *lw, SynCallExpr *e);
/* The values of a multi-value expression (call, comma-ok) assigned to
 * targets of types `types` (reader.multiExpr): returns n nodes whose first
 * carries the OAS2FUNC/OAS2MAPR/... init.  pos: where temps are placed. */
IrNode **lw_multi_expr(Lower *lw, SynNode *e, Pos pos, TyType **types, uint32_t n);
/* A method value x.M (not called): OMETHVALUE. */
IrNode *lw_method_value(Lower *lw, SynSelectorExpr *e);
/* The type of the method expression T.M for a method with signature msig
 * and receiver type recv: func(recv, params) results. */
TyType *lw_method_type(Lower *lw, TySignature *msig, TyType *recv, Pos pos);
/* noder.MakeWrappers: appends the method wrappers gc makes for the
 * package's types, then the method-value wrappers T.M-fm, to
 * Target.Funcs (lower_wrap.c). */
void lw_make_wrappers(Lower *lw);
/* Records a method value for its T.M-fm wrapper (see LwMethodValue). */
void lw_note_method_value(Lower *lw, TyType *rcvr, TyObject *m);

/* ---- lower_generic.c -------------------------------------------------------- */

/* The shape type of a type argument (reader.shapify); basic: the type
 * parameter's constraint is a basic interface. */
TyType *lw_shapify(Lower *lw, TyType *targ, bool basic);
/* Whether t or a type it is built from (unaliased; named types by their
 * type arguments) satisfies leaf: LW_TM_RECV also walks signatures'
 * receivers, LW_TM_ELEMS interfaces' embedded elements and union terms.
 * types.Type.HasShape, the reader's "mentions a type parameter" and the
 * writer's derived types are all this walk. */
enum { LW_TM_RECV = 1, LW_TM_ELEMS = 2 };
bool lw_type_mentions(TyType *t, bool (*leaf)(TyType *), unsigned what, int depth);
/* types.Type.HasShape */
bool lw_has_shape(TyType *t);
/* t is a shape type (go.shape.X) */
bool lw_is_shape(TyType *t);
/* t under the current instantiation's type-parameter -> shape map */
TyType *lw_subst(Lower *lw, TyType *t);
/* gc's reader reads type t: instances of generic types met the first
 * time get their methods instantiated. */
void lw_read_type(Lower *lw, TyType *t);
void lw_generic_begin(Lower *lw);
void lw_generic_end(Lower *lw);
/* readBodies: lowers the bodies on the todo stack (LIFO), flushing
 * todoDicts first; instantiations join Target.Funcs when done. */
void lw_read_bodies(Lower *lw);
/* reader.funcInst for generic function gen instantiated with targs:
 * *base the shaped function's name, *dict its dictionary argument,
 * *wrapper the non-shaped wrapper (NULL when the dictionary is dynamic).
 * False if gen's declaration is unknown. */
bool lw_func_inst(Lower *lw, TyObject *gen, TyTypeList targs, Pos pos, SynNode *site, IrNode **base,
                  IrNode **dict, IrNode **wrapper);
/* A method m of instance recv (T[...] or *T[...]) called directly: the
 * OMETHEXPR of the shaped method, *dict its dictionary argument. */
IrNode *lw_generic_method(Lower *lw, TyType *recv, TyObject *m, Pos pos, SynNode *site, IrNode **dict);
/* The stenciled method (a wrapper object, for a static dictionary) of a
 * method m of an instance of a generic type (recvt: T[...] or *T[...]
 * without shapes), or NULL. */
TyObject *lw_instance_method(Lower *lw, TyType *recvt, TyObject *m);
/* The shaped method (receiver, .dict, parameters) of a method m of a
 * shaped instance recvt, or NULL. */
TyObject *lw_shaped_method(Lower *lw, TyType *recvt, TyObject *m);
/* The method value recv.m of an instance of a generic type (recv after
 * its implicit steps, of type recvt; vt: the value's type): an
 * OMETHVALUE of the stenciled wrapper method, or a wrapper closure
 * calling the shaped method (reader.curry).  NULL if unknown. */
IrNode *lw_generic_method_value(Lower *lw, IrNode *recv, TyType *recvt, TyObject *m, TyType *vt, Pos pos,
                                SynNode *site);
/* A dynamic call target for method m selected on a value of type-param
 * type recv (shaped): the dictionary's method expression word (site: the
 * selector). */
IrNode *lw_tparam_method(Lower *lw, TyType *recv, TyObject *m, Pos pos, SynNode *site);

/* A method expression T.M whose method belongs to an instance of a
 * generic type (reader exprMethodExpr): written is T as written, recv
 * the method's receiver type reached from it through the implicit
 * embedded fields and a * or &. */
typedef struct LwMethodExpr {
    TyType *written, *recv, *type;
    TyObject *m;
    const uint32_t *implicits;
    uint32_t nimplicit;
    bool deref, addr;
} LwMethodExpr;
IrNode *lw_generic_method_expr(Lower *lw, const LwMethodExpr *me, Pos pos, SynNode *site);
/* A method value x.M of a type parameter's method in shaped code: a
 * closure calling the dictionary's method expression (reader.curry). */
IrNode *lw_tparam_method_value(Lower *lw, IrNode *recv, TyObject *m, Pos pos, SynNode *site);
/* The value of a generic function instantiated in shaped code with
 * derived type arguments (no wrapper): reader.curry's closure calling
 * base with the sub-dictionary dict. */
IrNode *lw_func_inst_value(Lower *lw, IrNode *base, IrNode *dict, Pos pos);
/* A function literal in shaped code captures .dict (after its body is
 * lowered: its last closure variable). */
void lw_capture_dict(Lower *lw, IrFunc *fn);

/* ---- lower_abi.c -------------------------------------------------------------- */

/* `return call` in fn (just the call when it has no results; several
 * results through temporaries, typecheck.RewriteMultiValueCall), with
 * implicit conversions to fn's result types; callsig: the callee's. */
void lw_return_call(Lower *lw, IrFunc *fn, IrNode *call, TySignature *callsig, Pos pos);
/* the type of a call's value: none, the one result's, or the tuple */
TyType *lw_result_type(TySignature *sig);
/* ssagen.GenABIWrappers: appends the ABI wrappers the package's functions
 * need (linknamed, or named by assembly in conf->symabis). */
void lw_abi_wrappers(Lower *lw, SynFile **files, uint32_t nfiles);

/* ---- reflectdata.c, alg.c ------------------------------------------------------ */

/* reflectdata.ITabLsym as the reader calls it: for a concrete type typ
 * and a non-empty interface iface (neither derived from type
 * parameters), writes the type descriptors of both the first time,
 * making the .eq/.hash functions they need (appended to the package's
 * functions now).  Any other pair does nothing. */
void lw_itab(Lower *lw, TyType *typ, TyType *iface);

/* types.AlgKind: how values of a type are compared and hashed (NOEQ:
 * not comparable; SPECIAL: needs a generated function) */
typedef enum LwAlg {
    LW_ALG_MEM, LW_ALG_NOEQ, LW_ALG_STRING, LW_ALG_INTER, LW_ALG_NILINTER, LW_ALG_FLOAT32,
    LW_ALG_FLOAT64, LW_ALG_CPLX64, LW_ALG_CPLX128, LW_ALG_SPECIAL
} LwAlg;
LwAlg lw_alg(Lower *lw, TyType *t);
/* the type's link string (gc's LinkString), interned */
const Sym *lw_type_link_sym(Lower *lw, TyType *t);
/* types.IsPaddedField */
bool lw_padded_field(Lower *lw, TyStruct *s, uint32_t i);
/* the slot of the .eq (hash false) or .hash function of that name */
IrFunc **lw_alg_func_slot(Lower *lw, bool hash, const Sym *name);
/* a function of gc's fake runtime package, without escape information
 * (one name per package; sig: of its first use; with sig NULL, NULL if
 * there is none yet) */
IrName *lw_runtime_func(Lower *lw, const char *name, TySignature *sig);
/* gc's "type" package: .eq/.hash functions' symbols belong to it */
TyPackage *lw_type_pkg(Lower *lw);
/* reflectdata.eqFunc: .eq.T, made (and appended) the first time */
IrFunc *lw_eq_func(Lower *lw, TyType *t);
/* reflectdata.genhash: .hash.T and those of its parts when t needs one */
void lw_hash_func(Lower *lw, TyType *t);

/* ---- lower_wrap.c (shared) ------------------------------------------------------ */

/* gc's methods of t (AllMethods after CalcMethods) applicable to t,
 * sorted as types.Sym.Less sorts them; malloc'd (NULL when none) */
TySelection *lw_sorted_method_set(Lower *lw, TyType *t, uint32_t *n);

/* ---- dictlayout.c ------------------------------------------------------------ */

/* gc's runtime dictionary of a generic declaration (writerDict): owner is
 * the generic function, or the TypeName of a generic type (whose methods
 * share it).  Computed once, from the declaration's original records: it
 * must first be asked for before an instantiation of owner swaps them. */
typedef struct LwDict LwDict;
const LwDict *lw_dict_layout(Lower *lw, TyObject *owner);
/* the dictionary's length in words (1 for NULL) */
int64_t lw_dict_words(const LwDict *d);
/* the word holding the sub-dictionary or method expression the writer
 * wrote at site (a call's function expression, a generic function
 * reference, a method selector); -1 if none */
int64_t lw_dict_site(const LwDict *d, SynNode *site);
/* The sub-dictionaries, rtypes and itab pairs, in their order: types in terms of
 * *tparams, the type parameters of the generic function (or method)
 * whose body has the entry.  A sub-dictionary's generic object is a
 * function, or the TypeName of a generic type. */
uint32_t lw_dict_nsubs(const LwDict *d);
uint32_t lw_dict_nitabs(const LwDict *d);
uint32_t lw_dict_nrtypes(const LwDict *d);
TyType *lw_dict_rtype(const LwDict *d, uint32_t i, TyTParamList *tparams);
TyObject *lw_dict_sub(const LwDict *d, uint32_t i, TyTypeList *targs, TyTParamList *tparams);
void lw_dict_itab(const LwDict *d, uint32_t i, TyType **typ, TyType **iface, TyTParamList *tparams);

#endif
