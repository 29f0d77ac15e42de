/*
 * The type checker's internal API, shared by the files of src/types.
 *
 * The checker follows types2's design and phase order (see docs/types.md):
 *   init files -> collect objects -> package objects (lazily, with cycle
 *   detection) -> delayed actions (function bodies, ...) -> cleanup ->
 *   init order -> unused imports -> record untyped.
 * Each file here corresponds to the types2 file of the same name, so that
 * behaviour can be compared piece by piece; the C is our own.
 *
 * Conventions: functions take the Checker first and are prefixed ck_;
 * pure type operations (no checker) are prefixed ty_.  Temporary strings
 * for error messages come from ck->tmp (freed after each package).
 */
#ifndef GOESC_TYPES_CHECK_H
#define GOESC_TYPES_CHECK_H

#include "types.h"

typedef struct Checker Checker;

/* ---- operands (operand.c) --------------------------------------------------- */

typedef struct Operand {
    uint8_t mode;       /* TyMode */
    SynNode *expr;      /* source expression, or NULL */
    TyType *type;
    TyConst val;        /* valid for TY_MODE_CONSTANT */
    TyBuiltinId id;     /* valid for TY_MODE_BUILTIN */
} Operand;

Pos ck_operand_pos(const Operand *x);
void ck_operand_string(Checker *ck, Buf *b, const Operand *x);
const char *ck_ostr(Checker *ck, const Operand *x); /* in ck->tmp */
void ck_operand_set_const(Checker *ck, Operand *x, SynLitKind k, const char *lit, uint32_t n);
bool ck_operand_is_nil(Checker *ck, const Operand *x);
/* x assignable to T?  On failure *cause may get an explanation. */
bool ck_assignable_to(Checker *ck, Operand *x, TyType *T, const char **cause);

/* ---- declarations' bookkeeping ------------------------------------------------ */

typedef struct DeclInfo {
    TyScope *file;          /* scope of the declaring file */
    const char *version;    /* language version of that file */
    TyObject **lhs;         /* n:1 var declarations */
    uint32_t nlhs;
    SynNode *vtyp;          /* const/var type, or NULL */
    SynNode *init;          /* const/var init, or NULL */
    bool inherited;         /* const init inherited from a previous spec */
    SynTypeDecl *tdecl;
    SynFuncDecl *fdecl;
    PtrMap deps;            /* objects the initializer depends on */
    PtrVec deplist;         /* same, in insertion order (determinism) */
} DeclInfo;

/* An untyped expression whose final type is not known yet. */
typedef struct ExprInfo {
    bool islhs;             /* lhs of a shift with delayed type */
    uint8_t mode;
    TyBasic *type;
    TyConst val;
} ExprInfo;

typedef void (*ActionFn)(Checker *ck, void *arg);

typedef struct Action {
    ActionFn fn;
    void *arg;
    /* environment to restore (a copy) is kept by the callback's arg */
    const char *desc;
} Action;

/* The per-object environment (types2 environment). */
typedef struct CkEnv {
    DeclInfo *decl;         /* package-level declaration being checked */
    TyScope *scope;         /* top-most scope for lookups */
    const char *version;    /* current language version */
    bool has_iota;
    TyConst iota;           /* value of iota in a constant declaration */
    Pos errpos;             /* for constants with inherited initializers */
    bool in_tparam_list;
    TySignature *sig;       /* signature of the enclosing function */
    PtrMap *is_panic;       /* panic call expressions (termination) */
    bool has_label;
    bool has_call_or_recv;
} CkEnv;

struct Checker {
    TyEnv *env;
    const TyConfig *conf;
    TyPackage *pkg;
    Arena *a;               /* the env's arena: everything that outlives the check */
    Arena tmp;              /* scratch for this package */
    SymTab *syms;

    PtrMap objmap;          /* package-level object -> DeclInfo */
    PtrVec objlist;         /* source-ordered keys of objmap */
    PtrMap impmap;          /* import path -> TyPackage */

    SynFile **files;
    uint32_t nfiles;
    const char **file_versions; /* per file */
    PtrVec imports;         /* PkgName objects */
    PtrMap dot_import_map;  /* (scope,obj) key -> PkgName */
    PtrMap broken_aliases;
    PtrMap union_typesets;
    PtrMap methods;         /* TypeName -> PtrVec* of methods */
    PtrMap untyped;         /* SynNode -> ExprInfo */
    PtrVec delayed;         /* Action* */
    PtrVec objpath;         /* objects being declared (cycle reports) */
    PtrMap objpath_idx;     /* object -> index+1 */
    PtrVec cleaners;        /* types needing cleanup */
    uint32_t nerrors;
    bool first_err;

    CkEnv e;                /* current environment */

    Buf msgbuf;             /* scratch for messages */
    PtrMap pkg_path_map;    /* package name Sym -> PtrVec of path Syms (qualifier) */
    bool pkg_path_map_built;
    const Sym *sym_blank, *sym_init, *sym_main, *sym_iota, *sym_underscore_C;
    void *mono;             /* instantiation graph (mono.c), in tmp */
};

/* ---- errors (errors.c) ------------------------------------------------------- */

/* Reports an error at pos (types2 error codes are not kept).  The message
 * is used verbatim. */
void ck_error(Checker *ck, Pos pos, const char *msg);
void ck_error_raw(Checker *ck, Pos pos, const char *msg); /* without the version hint */
void ck_errorf(Checker *ck, Pos pos, const char *fmt, ...) GO_PRINTF(3, 4);
/* msg, followed by "\n\tPOS: other declaration of NAME" for alt. */
void ck_error_alt(Checker *ck, Pos pos, const char *msg, TyObject *alt);
/* A soft error (types2: the package is still usable).  gc reports it
 * like any other error. */
#define ck_softf(ck, pos, ...) ck_errorf(ck, pos, __VA_ARGS__)
/* Position types2 uses for an expression in errors (syntax.StartPos
 * for some nodes; see errors.go atPos). */
Pos ck_at(const SynNode *n);

/* Strings for messages, allocated in ck->tmp. */
const char *ck_tstr(Checker *ck, TyType *t);       /* type, qualified as types2 does */
const char *ck_estr(Checker *ck, const SynNode *n); /* expression (syntax.String) */
const char *ck_objstr(Checker *ck, TyObject *o);    /* ObjectString */
/* the checker's qualifier (types2 check.qualifier): "" for the package
 * being checked, else the package name (its quoted path if the name is
 * ambiguous).  needed by lookup.c (funcString) */
const char *ck_pkg_qualifier(Checker *ck, const TyPackage *pkg);

/* ---- recording (record.c) -------------------------------------------------------- */

TyTV *ck_tv(Checker *ck, SynNode *n); /* the node's TyTV, created on demand */
void ck_record_def(Checker *ck, SynName *id, TyObject *obj);
void ck_record_use(Checker *ck, SynName *id, TyObject *obj);
void ck_record_implicit(Checker *ck, SynNode *n, TyObject *obj);
void ck_record_type_and_value(Checker *ck, SynNode *x, TyMode mode, TyType *t, const TyConst *val);
void ck_record_builtin_type(Checker *ck, SynNode *f, TySignature *sig);
void ck_record_comma_ok_types(Checker *ck, SynNode *x, Operand *a /* [2] */);
void ck_record_instance(Checker *ck, SynNode *x, TyTypeList targs, TyType *t);
void ck_record_selection(Checker *ck, SynSelectorExpr *x, int kind, TyType *recv, TyObject *obj,
                         uint32_t *index, uint32_t nindex, bool indirect);
void ck_record_scope(Checker *ck, SynNode *n, TyScope *s);
void ck_record_untyped(Checker *ck);  /* final types of untyped expressions */
void ck_remember_untyped(Checker *ck, SynNode *e, bool lhs, TyMode mode, TyBasic *t,
                         const TyConst *val);

/* ---- the driver (check.c) --------------------------------------------------------- */

void ck_later(Checker *ck, ActionFn fn, void *arg);
void ck_process_delayed(Checker *ck, uint32_t top);
bool ck_allow_version(Checker *ck, int minor); /* current file version >= go1.minor */
/* Parses "go1.N[.M]" into N (minor), or -1. */
int ty_version_minor(const char *v);

/* ---- resolver.c -------------------------------------------------------------------- */

void ck_collect_objects(Checker *ck);
void ck_package_objects(Checker *ck);
void ck_unused_imports(Checker *ck);
DeclInfo *ck_new_decl_info(Checker *ck, TyScope *file, const char *version);
void ck_decl_add_dep(Checker *ck, DeclInfo *d, TyObject *obj);
/* Receiver type expression unpacking (ptr, base, type parameter names). */
SynNode *ck_unpack_recv(SynNode *rtyp, bool *ptr, SynList *tparams_out, Arena *a);

/* key of dot_import_map: a dot-imported object in a file scope */
static inline uint64_t ck_dot_key(TyScope *fscope, TyObject *obj)
{
    return (PMKEY(obj) * 0x9E3779B97F4A7C15ULL) ^ PMKEY(fscope);
}

/* ---- decl.c ------------------------------------------------------------------------ */

void ck_declare(Checker *ck, TyScope *scope, SynName *id, TyObject *obj, Pos scopepos);
void ck_open_scope(Checker *ck, SynNode *node, const char *comment);
void ck_close_scope(Checker *ck);
void ck_push_obj(Checker *ck, TyObject *obj);
void ck_pop_obj(Checker *ck);
void ck_arity(Checker *ck, Pos pos, SynList names, SynNode **inits, uint32_t ninits, bool constdecl,
              bool inherited);
/* interface{x} for a constraint term x (~T, A|B), marked implicit */
TyType *ck_implicit_interface(Checker *ck, SynNode *x);
void ck_obj_decl(Checker *ck, TyObject *obj);
void ck_decl_stmt(Checker *ck, SynList decls);
void ck_collect_type_params(Checker *ck, TyTParamList *dst, SynList fields);
TyTypeParam *ck_declare_type_param(Checker *ck, SynName *name, Pos scopepos);
void ck_collect_methods(Checker *ck, TyObject *tname);
void ck_func_type(Checker *ck, TySignature *sig, SynField *recv, SynList tparams, SynFuncType *ftyp);

/* ---- typexpr.c ---------------------------------------------------------------------- */

void ck_ident(Checker *ck, Operand *x, SynName *e, bool want_type);
TyObject *ck_lookup(Checker *ck, const Sym *name);     /* innermost object named name */
const char *ck_object_kind(TyObject *o);               /* types2 objectKind */
void ck_add_decl_dep(Checker *ck, TyObject *obj);      /* init-order dependency */
void ck_valid_var_type(Checker *ck, SynNode *e, TyType *typ);
TyType *ck_typ(Checker *ck, SynNode *e);
TyType *ck_var_type(Checker *ck, SynNode *e);
TyType *ck_defined_type(Checker *ck, SynNode *e, TyObject *def);
TyType *ck_generic_type(Checker *ck, SynNode *e, const char **cause);
TyType *ck_typ_internal(Checker *ck, SynNode *e, TyObject *def);
int64_t ck_array_length(Checker *ck, SynNode *e);
TyTypeList ck_type_list(Checker *ck, SynList list);
TyType *ck_instantiated_type(Checker *ck, SynNode *x, SynList xlist);
void ck_struct_type(Checker *ck, TyStruct *s, SynStructType *e);     /* struct.c */
void ty_sort_methods(TyObject **list, uint32_t n);                  /* interface.c: types2 sortMethods */
void ck_interface_type(Checker *ck, TyInterface *it, SynInterfaceType *e, TyObject *def); /* interface.c */

/* ---- expressions (expr.c, operand.c, const.c, conversions.c, ...) --------------------- */

typedef enum ExprKind { EK_CONVERSION, EK_EXPRESSION, EK_STATEMENT } ExprKind;

/* target type for untyped function values (types2 target) */
typedef struct Target {
    TySignature *sig;
    const char *desc;
} Target;

ExprKind ck_raw_expr(Checker *ck, Target *T, Operand *x, SynNode *e, TyType *hint, bool allow_generic);
void ck_expr(Checker *ck, Target *T, Operand *x, SynNode *e);
void ck_generic_expr(Checker *ck, Operand *x, SynNode *e);
void ck_expr_with_hint(Checker *ck, Operand *x, SynNode *e, TyType *hint);
void ck_expr_or_type(Checker *ck, Operand *x, SynNode *e, bool allow_generic);
/* multi-valued expression list: returns operands in *list (ck->tmp) */
uint32_t ck_multi_expr(Checker *ck, SynNode *e, bool allow_comma_ok, Operand **list, bool *comma_ok);
/* exprList: flattens a ListExpr (or single expr) into operands */
uint32_t ck_expr_list(Checker *ck, SynNode **elist, uint32_t n, Operand **list);
void ck_single_value(Checker *ck, Operand *x);
/* types2 check.use: evaluates expressions (for errors and "used" marks)
 * whose values are not needed */
bool ck_use(Checker *ck, SynNode **args, uint32_t n);     /* all evaluated without error? */
bool ck_use_lhs(Checker *ck, SynNode **args, uint32_t n); /* same; top-level names not "used" */
void ck_exclude(Checker *ck, Operand *x, unsigned modeset);
void ck_update_expr_type(Checker *ck, SynNode *x, TyType *t, bool final);
void ck_convert_untyped(Checker *ck, Operand *x, TyType *target);
/* implicit type and value of untyped x when used as target (or invalid) */
TyType *ck_implicit_type_and_value(Checker *ck, Operand *x, TyType *target, TyConst *val, int *code);
void ck_assignment(Checker *ck, Operand *x, TyType *T, const char *context);
void ck_init_const(Checker *ck, TyObject *lhs, Operand *x);
TyType *ck_init_var(Checker *ck, TyObject *lhs, Operand *x, const char *context);
void ck_init_vars(Checker *ck, TyObject **lhs, uint32_t nlhs, SynNode **orig_rhs, uint32_t nrhs, SynNode *returnStmt);
void ck_assign_vars(Checker *ck, SynNode **lhs, uint32_t nlhs, SynNode **orig_rhs, uint32_t nrhs);
void ck_short_var_decl(Checker *ck, SynNode *pos_node, SynNode **lhs, uint32_t nlhs, SynNode **rhs, uint32_t nrhs);
TyType *ck_lhs_var(Checker *ck, SynNode *lhs);
void ck_conversion(Checker *ck, Operand *x, TyType *T);
bool ck_convertible_to(Checker *ck, Operand *x, TyType *T, const char **cause);
/* const.c types2 representation: is constant x representable in typ?  If so
 * *rounded (may be NULL) gets its value in typ; else *code (may be NULL)
 * tells why (CK_TRUNCATED_FLOAT, ...).  Reports nothing. */
bool ck_representable(Checker *ck, Operand *x, TyBasic *typ, TyConst *rounded, int *code);
void ck_overflow(Checker *ck, Operand *x, Pos opPos);
void ck_type_assertion(Checker *ck, SynNode *e, Operand *x, TyType *T, bool type_switch);
void ck_comparison(Checker *ck, Operand *x, Operand *y, SynOp op, bool switch_case);
void ck_composite_lit(Checker *ck, Operand *x, SynCompositeLit *e, TyType *hint);   /* literals.c */
void ck_func_lit(Checker *ck, Operand *x, SynFuncLit *e);                          /* literals.c */
bool ck_index_expr(Checker *ck, Operand *x, SynIndexExpr *e);                     /* index.c */
void ck_slice_expr(Checker *ck, Operand *x, SynSliceExpr *e);                     /* index.c */
/* index.c: check.index: the index's (integer) type, or Invalid if the index is
 * not valid; *val gets its constant value, or -1 if not constant/invalid.
 * With max >= 0 a constant index must be < max. */
TyType *ck_index(Checker *ck, SynNode *index, int64_t max, int64_t *val);
SynNode *ck_single_index(Checker *ck, SynIndexExpr *e);                          /* index.c */
/* index.c isValidIndex: what is "index", "length", ... for messages */
bool ck_is_valid_index(Checker *ck, Operand *x, const char *what, bool allow_negative);

/* Error codes that change messages (types2 Code, only those callers test). */
enum {
    CK_CODE_OK = 0,
    CK_TRUNCATED_FLOAT,             /* float constant truncated to integer */
    CK_NUMERIC_OVERFLOW,            /* numeric constant overflows */
    CK_INVALID_CONST_VAL,
    CK_INVALID_UNTYPED_CONVERSION,
};
/* record an operand's type and value on its expression (types2 record;
 * untyped ones are remembered until their final type is known) */
void ck_record_operand(Checker *ck, Operand *x);
/* types2 nonGeneric: error for an uninstantiated generic type or function
 * (unless T allows inferring the function's type arguments) */
void ck_non_generic(Checker *ck, Target *T, Operand *x);
void ck_update_expr_val(Checker *ck, SynNode *x, TyConst val);
/* binary operation lhs op rhs; e is the operation, or NULL for x op= y */
void ck_binary(Checker *ck, Operand *x, SynNode *e, SynNode *lhs, SynNode *rhs, SynOp op);
/* channel element type for a receive from (recv) or send to x; reports an
 * error at pos and returns NULL if the operation is invalid */
TyType *ck_chan_elem(Checker *ck, Pos pos, Operand *x, bool recv);
/* assignment lhs = rhs (x == NULL) or lhs = x (x: the evaluated rhs) */
void ck_assign_var(Checker *ck, SynNode *lhs, SynNode *rhs, Operand *x, const char *context);
/* "(t1, t2, ...)" for "have/want" messages (types2 typesSummary) */
const char *ck_types_summary(Checker *ck, TyType **list, uint32_t n, bool variadic, bool has_dots);
/* types2 newTarget: *buf for a signature type typ, else NULL */
Target *ck_new_target(Target *buf, TyType *typ, const char *desc);
/* const.c: representableConst (no error reported; rounded may be NULL) */
bool ck_representable_const(Checker *ck, TyConst x, TyBasic *typ, TyConst *rounded);
/* const.c: check.representable: reports an error and invalidates x, or
 * sets x->val to its representation in typ */
void ck_check_representable(Checker *ck, Operand *x, TyBasic *typ);
void ck_invalid_conversion(Checker *ck, int code, Operand *x, TyType *target);
/* literals.c: basic literal to constant operand (with version checks) */
void ck_basic_lit(Checker *ck, Operand *x, SynBasicLit *e);
/* Version check at pos: "WHAT requires go1.N or later" and gc's suffix
 * saying where the version came from.  Returns whether allowed. */
bool ck_verify_version(Checker *ck, Pos pos, int minor, const char *what);
/* under.go: f(ud, term type) for each specific term of tp's type set, or
 * f(ud, NULL) once if there are none (types2 TypeParam.is) */
bool ck_tparam_is(Checker *ck, TyTypeParam *tp, bool (*f)(void *ud, TyType *t), void *ud);
/* under.go all/typeset: f(ud, t, under(t)) for t itself, or for each specific
 * type of a type parameter's type set (f(ud, NULL, NULL) if none) */
bool ck_typeset_all(Checker *ck, TyType *t, bool (*f)(void *ud, TyType *t, TyType *u), void *ud);
/* under.go commonUnder: the common underlying type of t's type set, or NULL
 * with *err set (a message in ck->tmp).  cond (may be NULL) returns NULL or
 * an error message for a (type, underlying) pair (NULL, NULL: no specific
 * types). */
typedef const char *(*CkTypeCond)(Checker *ck, void *ud, TyType *t, TyType *u);
TyType *ck_common_under(Checker *ck, TyType *t, CkTypeCond cond, void *ud, const char **err);
/* expr.c matchTypes: converts untyped operands of a binary operation to
 * each other's types (or invalidates x).  needed by builtins.c (min/max) */
void ck_match_types(Checker *ck, Operand *x, Operand *y);
/* operand.c: "array", "slice", ... or "" for basic types (compositeKind) */
const char *ty_composite_kind(TyType *t);
const char *ty_builtin_name(TyBuiltinId id);                 /* universe.c */

/* ---- calls and selectors (call.c, builtins.c) ------------------------------------------ */

ExprKind ck_call_expr(Checker *ck, Operand *x, SynCallExpr *call);
void ck_selector(Checker *ck, Operand *x, SynSelectorExpr *e, TyObject *def, bool want_type);
bool ck_builtin(Checker *ck, Operand *x, SynCallExpr *call, TyBuiltinId id);
/* types2 predeclaredFuncs[id].kind: what a call of the builtin is */
ExprKind ck_builtin_kind(TyBuiltinId id);
/* funcInst: instantiates the generic function x (inferring missing type
 * arguments, also from the target T of an assignment).  With infer false
 * and too few type arguments, x stays generic and the partial type
 * argument list is returned; otherwise the result is empty (items NULL). */
TyTypeList ck_func_inst(Checker *ck, Target *T, Pos pos, Operand *x, SynIndexExpr *inst, bool infer);
/* instantiateSignature: records the instance on expr and verifies the
 * type arguments later (errors at xlist[i] if given, else at pos) */
TySignature *ck_instantiate_signature(Checker *ck, Pos pos, SynNode *expr, TySignature *typ,
                                      TyTypeList targs, SynNode **xlist, uint32_t nxlist);
/* arguments: checks args against sig (variadic adjustment, inference of
 * the callee's and generic arguments' type parameters).  atargs[i] (atargs
 * may be NULL) are partial type arguments of generic function arguments.
 * Returns the instantiated signature (sig on errors). */
TySignature *ck_arguments(Checker *ck, SynCallExpr *call, TySignature *sig, TyTypeList targs, SynNode **xlist,
                          uint32_t nxlist, Operand *args, uint32_t nargs, TyTypeList *atargs);
/* builtins.c: size depends on type parameters (or an unchecked cycle) */
bool ty_has_var_size(TyType *t);
/* conversions.c: []byte or []rune (by underlying types) */
bool ty_is_bytes_or_runes(TyType *t);

/* sizes.c: offset of the field reached through an embedded-field path (all
 * steps structs, not pointers); negative if too large */
int64_t ty_offsetof_path(TyEnv *env, TyType *t, const uint32_t *index, uint32_t n);

/* ---- lookup.c / methodset ---------------------------------------------------------- */

/* LookupFieldOrMethod: the field or method named name (pkg qualifies
 * unexported names) of a value of type T; addressable: T is the type of
 * an addressable variable (matters for pointer methods).  index is the
 * path of embedded fields and then the field/method index (env arena);
 * indirect: a pointer indirection on the path.  Not found (obj NULL):
 * nindex > 0 means ambiguous at that path; indirect means a pointer method
 * that needs an addressable or pointer receiver.  fold_case: match names
 * ignoring case (for "but does have" messages). */
typedef struct LookupResult {
    TyObject *obj;
    uint32_t *index;
    uint32_t nindex;
    bool indirect;
} LookupResult;

LookupResult ty_lookup_field_or_method(TyEnv *env, TyType *T, bool addressable, TyPackage *pkg,
                                       const Sym *name, bool fold_case);
/* Missing method of V for interface T (NULL if V implements T's methods). */
TyObject *ck_missing_method(Checker *ck, TyType *V, TyType *T, bool static_, bool *wrong_type,
                            const char **cause);
/* The same with a comparator for method signatures (types2 missingMethod's
 * `equivalent`; NULL: ty_identical), e.g. unification during inference. */
typedef bool (*TyEquivFn)(void *ud, TyType *x, TyType *y);
TyObject *ck_missing_method_ex(Checker *ck, TyType *V, TyType *T, bool static_, TyEquivFn eq, void *ud,
                               bool *wrong_type, const char **cause);
/* hasAllMethods: like !missing, but true for invalid V or V with embedded
 * fields of invalid types (avoids follow-on errors). */
bool ck_has_all_methods(Checker *ck, TyType *V, TyType *T, bool static_, TyEquivFn eq, void *ud,
                        const char **cause);
/* assertableTo: can a value of interface type V be asserted to T? */
bool ck_assertable_to(Checker *ck, TyType *V, TyType *T, const char **cause);
bool ty_has_invalid_embedded_fields(TyType *T);
bool ty_is_interface_ptr(TyType *t);                      /* *I for an interface I */
const char *ck_interface_ptr_error(Checker *ck, TyType *t); /* "type %s is pointer to interface, ..." */
/* funcString: name and signature without parameter names */
const char *ck_func_string(Checker *ck, TyObject *f, bool pkg_info);
/* methodset.c: the method set of T (go/types NewMethodSet): selections
 * (kind TY_METHOD_VAL, recv T) sorted by method Id, in the env's arena;
 * *n gets their number (0: NULL) */
TySelection *ty_method_set(TyEnv *env, TyType *T, uint32_t *n);
/* errsupport.go lookupError: why sel was not found in typ, given the
 * object found when ignoring case (or NULL) */
const char *ck_lookup_error(Checker *ck, TyType *typ, const Sym *sel, TyObject *obj, bool struct_lit);
/* fieldIndex: index of the field named name (pkg for unexported names), or
 * -1; "_" is never found.  needed by expr (literals.c) */
int ty_field_index(TyObject **fields, uint32_t n, TyPackage *pkg, const Sym *name, bool fold_case);
bool ck_implements(Checker *ck, TyType *V, TyType *T, bool constraint, const char **cause);
bool ck_satisfies(Checker *ck, TyType *V, TyType *T, const char **cause);

/* ---- generics (infer.c, unify.c, instantiate.c, subst.c, typeset.c, union.c,
 *      named.c, validtype.c) ------------------------------------------------------ */

/* union.c: a union or single term in an interface (parseUnion) */
TyType *ck_parse_union(Checker *ck, SynNode *x);
/* typeset.c */
TyTypeSet *ty_typeset_comparable_all(TyEnv *env);     /* the type set of comparable */
bool ty_typeset_same_terms(const TyTypeSet *a, const TyTypeSet *b); /* comparable flag and terms */
bool ty_union_typesets_equal(TyUnion *x, TyUnion *y);
bool ty_interface_is_method_set(TyEnv *env, TyInterface *it);
/* underIs for type parameters: pred(under(t)) for every t in the type set
 * (pred(NULL) when the type set has no specific types) */
bool ty_typeparam_all_under(TyTypeParam *tp, bool (*pred)(TyType *u));
bool ty_has_nil_under(TyType *u);
/* named.c: resolve a declared named type's underlying type right after its
 * declaration (following chains of named and alias types); if the chain
 * meets a type still being declared or a cycle, the type is left to lazy
 * resolution (ty_under).  Cycles are reported by ck_direct_cycles
 * (package level) and ck_valid_type. */
void ty_named_resolve(TyEnv *env, TyNamed *n);
void ty_cleanup(TyEnv *env, void *cleaner);

TyType *ck_instantiate(Checker *ck, Pos pos, TyType *orig, TyTypeList targs, TyNamed *expanding);
/* validateTArgLen + verify of an instantiated type (delayed by typexpr.c);
 * reports errors at the failing type argument */
void ck_verify_instance(Checker *ck, Pos pos, TyType *inst, TyTypeList targs, SynList xlist);
/* infer.c: types2 infer.  Returns all type arguments (given and inferred),
 * or items == NULL on failure; then *err (if not NULL: no message, e.g. for
 * invalid arguments) is the message types2 adds to its error_ and *errpos
 * its position (callers report "in call to %s, %s" at *errpos, or the
 * message itself for reverse inference, as types2 does). */
TyTypeList ck_infer(Checker *ck, Pos pos, TyTParamList tparams, TyTypeList targs, TyTuple *params,
                    Operand *args, uint32_t nargs, bool reverse, Pos *errpos, const char **err);
/* infer.c renameTParams: fresh type parameters (*out) for tparams, and typ
 * with them substituted (for inference in recursive calls) */
TyType *ck_rename_tparams(Checker *ck, Pos pos, TyTParamList tparams, TyType *typ, TyTParamList *out);
/* check.needsCleanup: types holding ck (TyNamed/TyTypeParam/TyInterface
 * with ->check set, TyAlias) must be registered, so that ty_cleanup
 * completes them and clears the pointer at the end of the package */
void ck_needs_cleanup(Checker *ck, void *t);
/* cycles.c: directCycles, between collecting and checking the objects */
void ck_direct_cycles(Checker *ck);
/* mono.c: the instantiation cycle check (types2 monomorph): record every
 * verified instantiation (xlist: the type argument expressions, if any),
 * map receiver type parameters to their base type's, and check at the end
 * of the package (reports only if there were no other errors; always frees
 * the graph) */
void ck_mono_record_instance(Checker *ck, Pos pos, TyTParamList tparams, TyTypeList targs, SynNode **xlist,
                             uint32_t nxlist);
void ck_mono_record_canon(Checker *ck, TyTypeParam *mpar, TyTypeParam *tpar);
void ck_monomorph(Checker *ck);
/* typeset.c: the comparable bit of a type set (types2 _TypeSet.comparable:
 * the set is all comparable types, maybe with methods) */
bool ty_typeset_comparable_bit(const TyTypeSet *s);
/* named.c: number of declared methods (the origin's, for instances); get
 * them with ty_named_method */
uint32_t ty_named_num_methods(TyNamed *n);
/* infer with the position of the error (types2 err.pos(): at an argument,
 * or at pos); targs may be shorter than tparams (missing ones are
 * inferred).  Returns items == NULL on failure, *err NULL if nothing was
 * reported yet.  needed by call.c */
TyTypeList ck_infer_at(Checker *ck, Pos pos, TyTParamList tparams, TyTypeList targs, TyTuple *params,
                       Operand *args, uint32_t nargs, bool reverse, Pos *errpos, const char **err);
/* instantiate.go verify: index of the first type argument that does not
 * satisfy its constraint (and *err the cause), or -1.  needed by call.c */
int ck_verify(Checker *ck, Pos pos, TyTParamList tparams, TyTypeList targs, const char **err);
/* infer.go isParameterized: t mentions one of tparams.  needed by call.c */
bool ty_is_parameterized(TyTParamList tparams, TyType *t);
TyType *ty_subst(TyEnv *env, Pos pos, TyType *t, TyTParamList from, TyTypeList to, TyNamed *expanding);
TyTypeSet *ty_compute_interface_typeset(Checker *ck, Pos pos, TyInterface *it);
TyTypeSet *ty_interface_typeset(TyEnv *env, TyInterface *it);
bool ty_typeset_is_all(const TyTypeSet *s);
bool ty_typeset_is_empty(const TyTypeSet *s);
bool ty_typeset_comparable(const TyTypeSet *s, bool spec);
/* _TypeSet.IsComparable(seen): the comparable bit for sets without
 * specific types, else term_ok for every term (comparableType with the
 * caller's seen set, against endless recursion through constraints like
 * [P C[C[P]]]) */
bool ty_typeset_comparable_fn(const TyTypeSet *s, bool (*term_ok)(void *ud, TyType *t), void *ud);
uint32_t ty_typeset_num_methods(const TyTypeSet *s);
TyObject *ty_typeset_method(const TyTypeSet *s, uint32_t i);
/* calls f for each term's type (NULL type: all types); stops when f returns false */
bool ty_typeset_each_term(const TyTypeSet *s, bool (*f)(void *ud, bool tilde, TyType *t), void *ud);
TyType *ty_core_type(TyType *t);          /* core type or NULL */
TyType *ty_core_string(TyType *t);        /* core type, with []byte|string -> bytestring */
TyInterface *ty_typeparam_iface(TyEnv *env, TyTypeParam *tp);
void ty_named_expand(TyEnv *env, TyNamed *n);   /* resolve an instance's underlying */
TyObject *ty_named_method(TyEnv *env, TyNamed *n, uint32_t i); /* expands lazily */
TyType *ty_named_underlying(TyEnv *env, TyNamed *n);

/* ---- statements (stmt.c, range.c, return.c, labels.c) ------------------------------ */

/* Statement context (types2 stmtContext): which branch statements are
 * permitted, and where a fallthrough is. */
enum {
    CK_BREAK_OK = 1 << 0,
    CK_CONTINUE_OK = 1 << 1,
    CK_FALLTHROUGH_OK = 1 << 2,
    CK_FINAL_SWITCH_CASE = 1 << 3,
    CK_IN_TYPE_SWITCH = 1 << 4,
};

/* Checks a function body in its own environment (decl may be NULL, iota
 * is the constant declaration's iota for literals in one, or NULL); reports
 * "missing return" and unused variables. */
void ck_func_body(Checker *ck, DeclInfo *decl, const Sym *name, TySignature *sig, SynBlockStmt *body,
                  const TyConst *iota);
void ck_stmt_list(Checker *ck, unsigned ctxt, SynList list);
/* one statement; delayed actions (function literals) queued by it run
 * before it returns */
void ck_stmt(Checker *ck, unsigned ctxt, SynNode *s);
void ck_range_stmt(Checker *ck, unsigned ctxt, SynForStmt *s, SynRangeClause *rc);   /* range.c */
/* label is the statement's label, or NULL; panic calls are looked up in
 * ck->e.is_panic */
bool ck_is_terminating(Checker *ck, SynNode *s, const Sym *label);                  /* return.c */
/* records label objects (defs and uses) as go/types does; errors are the
 * parser's (gc runs types2 with IgnoreBranchErrors) */
void ck_labels(Checker *ck, SynBlockStmt *body);                                     /* labels.c */

/* ---- init order, validity, sizes ---------------------------------------------------------- */

void ck_init_order(Checker *ck);
void ck_valid_type(Checker *ck, TyNamed *typ);
void ck_cycle_error(Checker *ck, TyObject **cycle, uint32_t n, uint32_t start);
/* cycles.go finiteSize: false (after reporting the cycle) if t's size
 * depends on a type still being declared.  needed by expr (pendingType) */
bool ck_finite_size(Checker *ck, TyType *t);

/* ---- type constructors and predicates (type.c, predicates.c) ---------------------------- */

TyType *ty_new_array(TyEnv *env, TyType *elem, int64_t len);
TyType *ty_new_slice(TyEnv *env, TyType *elem);
TyType *ty_new_pointer(TyEnv *env, TyType *base);
TyType *ty_new_map(TyEnv *env, TyType *key, TyType *elem);
TyType *ty_new_chan(TyEnv *env, TyChanDir dir, TyType *elem);
TyTuple *ty_new_tuple(TyEnv *env, TyObject **vars, uint32_t n);
TySignature *ty_new_signature(TyEnv *env, TyObject *recv, TyTuple *params, TyTuple *results, bool variadic);
TyStruct *ty_new_struct(TyEnv *env, TyObject **fields, const char **tags, uint32_t n);
TyInterface *ty_new_interface(TyEnv *env, TyObject **methods, uint32_t nm, TyType **embeddeds, uint32_t ne);
TyNamed *ty_new_named(TyEnv *env, TyObject *obj, TyType *underlying);
TyTypeParam *ty_new_typeparam(TyEnv *env, TyObject *obj, TyType *constraint);
TyUnion *ty_new_union(TyEnv *env, TyTerm *terms, uint32_t n);
TyAlias *ty_new_alias(TyEnv *env, TyObject *obj, TyType *rhs);
void ty_named_add_method(TyEnv *env, TyNamed *n, TyObject *m);

TyObject *ty_new_obj(TyEnv *env, TyObjKind kind, Pos pos, TyPackage *pkg, const Sym *name, TyType *t);
TyObject *ty_new_var(TyEnv *env, TyVarKind vk, Pos pos, TyPackage *pkg, const Sym *name, TyType *t);
TyObject *ty_new_const(TyEnv *env, Pos pos, TyPackage *pkg, const Sym *name, TyType *t, TyConst val);
TyObject *ty_new_typename(TyEnv *env, Pos pos, TyPackage *pkg, const Sym *name, TyType *t);
TyObject *ty_new_func(TyEnv *env, Pos pos, TyPackage *pkg, const Sym *name, TySignature *sig);
TyObject *ty_new_pkgname(TyEnv *env, Pos pos, TyPackage *pkg, const Sym *name, TyPackage *imported);
TyObject *ty_new_label(TyEnv *env, Pos pos, TyPackage *pkg, const Sym *name);
TyPackage *ty_new_package(TyEnv *env, const char *path, const char *name);
bool ty_is_alias_obj(TyObject *o);   /* TypeName that denotes an alias */

TyBasic *ty_basic(TyEnv *env, TyBasicKind k);
TyType *ty_typ(TyEnv *env, TyBasicKind k);   /* same, as TyType* */
TyType *ty_default_type(TyEnv *env, TyType *t); /* untyped -> default */
bool ty_is_basic_info(TyType *t, unsigned info); /* under(t) is basic with info */
bool ty_all_basic_info(TyType *t, unsigned info); /* all types in t's type set */
/* typeset.c: every term of tp's type set is a basic type with info (and
 * there are specific terms) -- types2 allBasic on a type parameter */
bool ty_typeparam_all_terms_basic(TyTypeParam *tp, unsigned info);
void ty_type_string_types2(TyEnv *env, Buf *b, TyType *t, TyQualifier qual, void *ud);
bool ty_is_untyped(TyType *t);
bool ty_is_typed(TyType *t);
bool ty_is_valid(TyType *t);   /* not the Invalid basic type */
bool ty_is_boolean(TyType *t);
bool ty_is_integer(TyType *t);
bool ty_is_unsigned(TyType *t);
bool ty_is_float(TyType *t);
bool ty_is_complex(TyType *t);
bool ty_is_numeric(TyType *t);
bool ty_is_string(TyType *t);
bool ty_is_integer_or_float(TyType *t);
bool ty_is_const_type(TyType *t);
bool ty_is_typeparam(TyType *t);
bool ty_is_generic(TyType *t);
bool ty_has_nil(TyType *t);
bool ty_has_name(TyType *t);  /* Basic, Named, TypeParam */
bool ty_is_named(TyType *t);  /* hasName after unalias */
bool ty_comparable_ex(TyEnv *env, TyType *t, bool dynamic, const char **cause, Arena *tmp);
bool ty_identical_origin(TyType *x, TyType *y);
TyType *ty_deref(TyType *t, bool *isptr);       /* *T -> T */
TyStruct *ty_deref_struct_ptr(TyType *t);
TyNamed *ty_as_named(TyType *t);                 /* unalias, then Named or NULL */
TyTypeParam *ty_as_typeparam(TyType *t);
TyInterface *ty_as_interface(TyType *t);         /* under(t) interface or NULL */
TySignature *ty_as_signature(TyType *t);         /* under(t) signature or NULL */

/* typestring.c: a signature as types2's typeWriter writes it with the
 * given paramNames and pkgInfo settings (pkgInfo: the first unexported
 * struct field is annotated with its package when qual is NULL...; see
 * typestring.go).  needed by lookup.c (funcString) */
void ty_write_signature_ex(TyEnv *env, Buf *b, TySignature *sig, TyQualifier qual, void *ud, bool param_names,
                           bool pkg_info);

/* ---- scratch strings ------------------------------------------------------------------ */

char *ck_sprintf(Checker *ck, const char *fmt, ...) GO_PRINTF(2, 3);

#endif
