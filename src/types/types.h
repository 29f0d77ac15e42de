/*
 * types — the Go type system and type checker (what types2 is to gc).
 *
 * Contract:
 *  - A TyEnv holds everything shared by the packages of one run: the arena
 *    in which all types and objects live, the universe scope, package
 *    unsafe, the predeclared types, the instance cache, and target sizes.
 *    Types and objects are never freed individually; they die with the env.
 *  - ty_check_package type-checks the parsed files of one package, given its
 *    already checked imports (through the importer callback).  It records,
 *    in each syntax node's `info` slot, a TyTV with the node's mode, type,
 *    constant value and, for identifiers, the object it defines or uses
 *    (exactly what go/types records in Info.Types/Defs/Uses).  Errors go to
 *    the config's Diags as types2 words them.
 *  - Types are compared with ty_identical, never by pointer (except the
 *    predeclared basic types, which are unique).  Named types, type
 *    parameters and the basic types are unique objects.
 *  - ty_type_string formats a type as go/types.TypeString does, with
 *    package paths as qualifiers (or a custom qualifier).
 *
 * Names use the prefix ty_ / Ty / TY_.  The internal API of the checker
 * (for its own files only) is in check.h.
 */
#ifndef GOESC_TYPES_H
#define GOESC_TYPES_H

#include "../base/base.h"
#include "../syntax/syntax.h"
#include "constant.h"

typedef struct TyType TyType;
typedef struct TyObject TyObject;
typedef struct TyScope TyScope;
typedef struct TyPackage TyPackage;
typedef struct TyEnv TyEnv;
typedef struct TyTypeSet TyTypeSet;

/* ---- types ------------------------------------------------------------------ */

typedef enum TyKind {
    TY_BASIC = 1,
    TY_ARRAY,
    TY_SLICE,
    TY_STRUCT,
    TY_POINTER,
    TY_TUPLE,
    TY_SIGNATURE,
    TY_INTERFACE,
    TY_MAP,
    TY_CHAN,
    TY_NAMED,
    TY_TYPEPARAM,
    TY_UNION,
    TY_ALIAS,
} TyKind;

/* Basic kinds, in go/types order. */
typedef enum TyBasicKind {
    TY_INVALID = 0,
    TY_BOOL,
    TY_INT,
    TY_INT8,
    TY_INT16,
    TY_INT32,
    TY_INT64,
    TY_UINT,
    TY_UINT8,
    TY_UINT16,
    TY_UINT32,
    TY_UINT64,
    TY_UINTPTR,
    TY_FLOAT32,
    TY_FLOAT64,
    TY_COMPLEX64,
    TY_COMPLEX128,
    TY_STRING,
    TY_UNSAFE_POINTER,
    TY_UNTYPED_BOOL,
    TY_UNTYPED_INT,
    TY_UNTYPED_RUNE,
    TY_UNTYPED_FLOAT,
    TY_UNTYPED_COMPLEX,
    TY_UNTYPED_STRING,
    TY_UNTYPED_NIL,
    TY_BYTE,  /* alias types with their own names; see ty_env.byte_type */
    TY_RUNE,
    TY_BASIC_COUNT
} TyBasicKind;

/* Basic type properties (go/types BasicInfo). */
enum {
    TY_IS_BOOLEAN = 1 << 0,
    TY_IS_INTEGER = 1 << 1,
    TY_IS_UNSIGNED = 1 << 2,
    TY_IS_FLOAT = 1 << 3,
    TY_IS_COMPLEX = 1 << 4,
    TY_IS_STRING = 1 << 5,
    TY_IS_UNTYPED = 1 << 6,
    TY_IS_ORDERED = TY_IS_INTEGER | TY_IS_FLOAT | TY_IS_STRING,
    TY_IS_NUMERIC = TY_IS_INTEGER | TY_IS_FLOAT | TY_IS_COMPLEX,
    TY_IS_CONST_TYPE = TY_IS_BOOLEAN | TY_IS_NUMERIC | TY_IS_STRING,
};

/* Common header.  `id` is unique per type value (for hashing and stable
 * ordering). */
struct TyType {
    uint8_t kind;  /* TyKind */
    uint8_t flags;
    uint16_t aux;
    uint32_t id;
};

typedef struct TyTypeList {
    TyType **items;
    uint32_t len;
} TyTypeList;

typedef struct TyBasic {
    TyType t;
    uint8_t bkind;  /* TyBasicKind (TY_UINT8 for byte, TY_INT32 for rune) */
    uint16_t info;  /* TY_IS_* */
    const char *name;
} TyBasic;

typedef struct TyArray {
    TyType t;
    TyType *elem;
    int64_t len;    /* < 0: unknown (invalid array length) */
} TyArray;

typedef struct TySlice {
    TyType t;
    TyType *elem;
} TySlice;

typedef struct TyPointer {
    TyType t;
    TyType *base;
} TyPointer;

typedef struct TyStruct {
    TyType t;
    TyObject **fields;  /* TY_VAR objects with varkind TY_FIELD_VAR */
    const char **tags;  /* NULL: no tags; else nfields entries ("" for none) */
    uint32_t nfields;
    int64_t *offsets;   /* lazily computed field offsets (sizes.c) */
} TyStruct;

typedef struct TyTuple {
    TyType t;
    TyObject **vars;
    uint32_t len;
} TyTuple;

typedef struct TyTypeParam TyTypeParam;

typedef struct TyTParamList {
    TyTypeParam **items;
    uint32_t len;
} TyTParamList;

typedef struct TySignature {
    TyType t;
    TyTParamList rparams;  /* receiver type parameters */
    TyTParamList tparams;  /* type parameters */
    TyScope *scope;        /* function scope (package-local, uninstantiated) */
    TyObject *recv;        /* NULL: not a method */
    TyTuple *params;       /* never NULL (possibly empty) */
    TyTuple *results;      /* never NULL */
    bool variadic;
} TySignature;

typedef struct TyInterface {
    TyType t;
    TyObject **methods;    /* explicitly declared methods (TY_FUNC) */
    uint32_t nmethods;
    TyType **embeddeds;    /* explicitly embedded elements */
    Pos *embedpos;
    uint32_t nembeddeds;
    bool implicit;         /* wrapper for a constraint literal (~T, A|B) */
    bool complete;
    TyTypeSet *tset;       /* computed lazily (typeset.c) */
    TyEnv *env;
    void *check;           /* checker while being checked (for errors) */
} TyInterface;

typedef struct TyMap {
    TyType t;
    TyType *key, *elem;
} TyMap;

typedef enum TyChanDir { TY_SEND_RECV = 0, TY_SEND_ONLY, TY_RECV_ONLY } TyChanDir;

typedef struct TyChan {
    TyType t;
    uint8_t dir;  /* TyChanDir */
    TyType *elem;
} TyChan;

/* Named (defined) types, including instances of generic types. */
typedef struct TyNamed {
    TyType t;
    TyObject *obj;          /* the TypeName (for instances: the origin's) */
    struct TyNamed *orig;   /* self for non-instances */
    TyTypeList targs;       /* type arguments of an instance */
    TyTParamList tparams;   /* type parameters (origin only) */
    TyType *fromrhs;        /* the declaration's RHS (may be Named/Alias) */
    TyType *underlying;     /* NULL while being resolved */
    TyObject **methods;     /* declared methods (TY_FUNC); for instances
                               expanded lazily */
    uint32_t nmethods, capmethods;
    uint32_t expanded;      /* instances: number of methods expanded */
    uint8_t state;          /* resolution state (named.c) */
    TyEnv *env;             /* for lazy expansion */
    void *check;            /* checker while being checked */
    Pos instpos;            /* instances: where first instantiated (types2
                               gives each instance its own TypeName there;
                               cycle errors are reported at it) */
} TyNamed;

struct TyTypeParam {
    TyType t;
    TyObject *obj;          /* its TypeName */
    uint32_t index;         /* position in its list */
    uint64_t uid;           /* unique id */
    TyType *bound;          /* constraint; underlying is an interface */
    TyInterface *iface;     /* the bound as an interface (computed) */
    TyEnv *env;
    void *check;
};

typedef struct TyTerm {
    bool tilde;
    TyType *type;
} TyTerm;

typedef struct TyUnion {
    TyType t;
    TyTerm *terms;
    uint32_t nterms;
} TyUnion;

typedef struct TyAlias {
    TyType t;
    TyObject *obj;
    struct TyAlias *orig;
    TyTParamList tparams;
    TyTypeList targs;
    TyType *fromrhs;        /* may itself be an alias */
    TyType *actual;         /* never an alias; NULL while unresolved */
} TyAlias;

#define TY_AS(T, t) ((T *)(t))

/* ---- objects ----------------------------------------------------------------- */

typedef enum TyObjKind {
    TY_OBJ_BAD = 0,
    TY_OBJ_VAR,
    TY_OBJ_CONST,
    TY_OBJ_TYPENAME,
    TY_OBJ_FUNC,
    TY_OBJ_PKGNAME,
    TY_OBJ_LABEL,
    TY_OBJ_BUILTIN,
    TY_OBJ_NIL,
} TyObjKind;

typedef enum TyVarKind {
    TY_VAR_NONE = 0,
    TY_PACKAGE_VAR,
    TY_LOCAL_VAR,
    TY_RECV_VAR,
    TY_PARAM_VAR,
    TY_RESULT_VAR,
    TY_FIELD_VAR,
} TyVarKind;

/* object flags */
enum {
    TY_OF_EMBEDDED = 1 << 0,   /* var: embedded struct field */
    TY_OF_USED = 1 << 1,       /* var/pkgname/label used */
    TY_OF_PTRRECV = 1 << 2,    /* func: method with pointer receiver (before typing) */
    TY_OF_ALIAS = 1 << 3,      /* typename: declared as alias */
    TY_OF_IMPLICIT = 1 << 4,   /* var: implicitly declared (type switch clause) */
};

/* Builtin function ids, in types2 order. */
typedef enum TyBuiltinId {
    TY_BI_APPEND,
    TY_BI_CAP,
    TY_BI_CLEAR,
    TY_BI_CLOSE,
    TY_BI_COMPLEX,
    TY_BI_COPY,
    TY_BI_DELETE,
    TY_BI_IMAG,
    TY_BI_LEN,
    TY_BI_MAKE,
    TY_BI_MAX,
    TY_BI_MIN,
    TY_BI_NEW,
    TY_BI_PANIC,
    TY_BI_PRINT,
    TY_BI_PRINTLN,
    TY_BI_REAL,
    TY_BI_RECOVER,
    TY_BI_ADD,          /* unsafe.Add */
    TY_BI_ALIGNOF,
    TY_BI_OFFSETOF,
    TY_BI_SIZEOF,
    TY_BI_SLICE,
    TY_BI_SLICEDATA,
    TY_BI_STRING,
    TY_BI_STRINGDATA,
    TY_BI_ASSERT,       /* not used by gc */
    TY_BI_TRACE,
    TY_BI_COUNT
} TyBuiltinId;

struct TyObject {
    uint8_t kind;     /* TyObjKind */
    uint8_t varkind;  /* TyVarKind for TY_OBJ_VAR */
    uint8_t color;    /* declaration cycle detection (decl.c) */
    uint8_t flags;    /* TY_OF_* */
    Pos pos;
    const Sym *name;
    TyPackage *pkg;   /* NULL for universe objects */
    TyType *type;
    TyScope *parent;
    uint32_t order;   /* package-level declaration order (1-based) */
    Pos scopepos;     /* where the object becomes visible */
    TyObject *origin; /* var/func: the object it was instantiated from */
    union {
        TyConst val;           /* const */
        TyPackage *imported;   /* pkgname */
        TyBuiltinId builtin;   /* builtin */
    } u;
};

bool ty_obj_exported(const TyObject *o);
/* go/types Id: the name, qualified by the package path if unexported. */
void ty_obj_id(Buf *b, const TyObject *o);
bool ty_same_id(const TyObject *o, const TyPackage *pkg, const Sym *name);

/* ---- scopes and packages ------------------------------------------------------ */

struct TyScope {
    TyScope *parent;
    TyScope **children;
    uint32_t nchildren, capchildren;
    TyObject **slots;  /* open-addressed by name pointer; NULL: empty */
    uint32_t nelems, cap;
    Pos pos, end;
    bool isfunc;
    const char *comment;
};

TyScope *ty_scope_new(TyEnv *env, TyScope *parent, Pos pos, Pos end, const char *comment);
TyObject *ty_scope_lookup(const TyScope *s, const Sym *name);
/* Looks up name in s and its parents; with pos != NOPOS only objects whose
 * scopepos is before pos count (go/types LookupParent).  *found gets the
 * scope it was found in. */
TyObject *ty_scope_lookup_parent(TyScope *s, const Sym *name, Pos pos, TyScope **found);
/* Inserts obj unless the name is taken; returns the existing object then.
 * Sets obj->parent if it was NULL. */
TyObject *ty_scope_insert(TyEnv *env, TyScope *s, TyObject *obj);
/* Objects in name order (caller frees the array). */
TyObject **ty_scope_sorted(const TyScope *s, uint32_t *n);

/* One package-level variable initialization (go/types Initializer):
 * lhs = rhs; an n:1 declaration (var a, b = f()) has nlhs > 1. */
typedef struct TyInitializer {
    TyObject **lhs;
    uint32_t nlhs;
    SynNode *rhs;
} TyInitializer;

struct TyPackage {
    const char *path;
    const char *name;
    TyScope *scope;
    TyPackage **imports;
    uint32_t nimports;
    bool complete, fake, cgo;
    const char *goversion;
    /* package variable initializations in initialization order, as gc
     * emits them (initorder.c) */
    TyInitializer *inits;
    uint32_t ninits;
};

/* ---- recorded information ------------------------------------------------------ */

/* Operand modes (types2 operandMode). */
typedef enum TyMode {
    TY_MODE_INVALID = 0,
    TY_MODE_NOVALUE,
    TY_MODE_BUILTIN,
    TY_MODE_TYPEXPR,
    TY_MODE_CONSTANT,
    TY_MODE_VARIABLE,
    TY_MODE_MAPINDEX,
    TY_MODE_VALUE,
    TY_MODE_NILVALUE,
    TY_MODE_COMMAOK,
    TY_MODE_COMMAERR,
    TY_MODE_CGOFUNC,
} TyMode;

/* A selector expression's meaning (go/types Selection). */
typedef enum TySelKind { TY_FIELD_VAL = 0, TY_METHOD_VAL, TY_METHOD_EXPR } TySelKind;

typedef struct TySelection {
    uint8_t kind;        /* TySelKind */
    bool indirect;       /* a pointer indirection was needed */
    TyType *recv;
    TyObject *obj;       /* field or method */
    uint32_t *index;     /* path of embedded fields, then the field/method */
    uint32_t nindex;
} TySelection;

/* What the checker records on a syntax node (node->info). */
typedef struct TyTV {
    uint8_t mode;        /* TyMode; TY_MODE_INVALID: no type recorded */
    uint8_t flags;       /* TY_TV_* */
    TyType *type;
    TyConst val;         /* valid if mode == TY_MODE_CONSTANT */
    TyObject *obj;       /* identifiers: object defined (TY_TV_DEF) or else used
                            (TY_TV_USE); implicit objects (TY_TV_IMPLICIT) */
    TyObject *use;       /* identifiers that define and use (embedded fields:
                            the field is obj, the type name use) */
    TyTypeList targs;    /* identifiers of instantiated generics: type args */
    TyType *insttype;    /* ... and the instantiated type */
    TySelection *sel;    /* selector expressions */
    TyScope *scope;      /* nodes that open a scope (file, func type, blocks, clauses) */
} TyTV;

enum {
    TY_TV_DEF = 1 << 0,      /* obj is defined here */
    TY_TV_USE = 1 << 1,      /* an object is used here (obj, or use with TY_TV_DEF) */
    TY_TV_IMPLICIT = 1 << 2, /* obj is an implicit object of this node */
    /* appended: a name of the range-over-func rewrite standing for a
     * runtime function (types2 IsRuntimeHelper; obj is a function of a
     * fake package "runtime": deferrangefunc, panicrangestate) */
    TY_TV_RUNTIME_HELPER = 1 << 3,
};

/* The object an identifier uses (NULL if none). */
static inline TyObject *ty_tv_used(const TyTV *tv)
{
    if (!(tv->flags & TY_TV_USE))
        return NULL;
    return (tv->flags & TY_TV_DEF) ? tv->use : tv->obj;
}

static inline TyTV *ty_tv(const SynNode *n) { return (TyTV *)n->info; }

/* ---- the environment ------------------------------------------------------------- */

typedef struct TySizes {
    int64_t wordsize;  /* 8 on amd64/arm64 */
    int64_t maxalign;  /* 8 */
    const char *goarch;
} TySizes;

struct TyEnv {
    Arena arena;
    SymTab *syms;
    PosTab *pos;
    TySizes sizes;
    uint32_t next_type_id;
    uint64_t next_tparam_id;
    TyScope *universe;
    TyPackage *unsafe_pkg;
    TyBasic *basic[TY_BASIC_COUNT]; /* incl. byte and rune alias names */
    TyType *any_type;        /* the "any" alias (or interface{}) */
    TyType *error_type;      /* the error interface's named type */
    TyType *comparable_type;
    TyObject *nil_obj;
    TyObject *builtins[TY_BI_COUNT];
    TyObject *universe_iota, *universe_byte, *universe_rune;
    TyType *empty_interface; /* interface{} */
    TyTuple *empty_tuple;
    PtrMap instances;        /* instance cache: hash -> list (instantiate.c) */
    PtrMap sigcache;         /* misc */
    TyType *builtin_empty_interface; /* types2 builtins' emptyInterface: an
                                        interface{} distinct from any's
                                        (created lazily by builtins.c) */
};

/* Creates the environment: universe, unsafe, basic types.  goarch selects
 * sizes ("amd64", "arm64", ...). */
TyEnv *ty_env_new(SymTab *syms, PosTab *pos, const char *goarch);
void ty_env_free(TyEnv *env);

/* ---- checking ---------------------------------------------------------------------- */

/* Returns the (checked) package for an import path, or NULL if it cannot
 * be imported (an error is reported by the checker). */
typedef TyPackage *(*TyImporter)(void *ud, const char *path);

typedef struct TyConfig {
    const char *goversion;   /* package language version, e.g. "go1.22" */
    Diags *diags;            /* errors */
    TyImporter importer;
    void *importer_ud;
    bool ignore_func_bodies;
    bool fake_import_c;      /* import "C" gives a fake package */
    bool error_url;          /* unused; types2 compat */
    bool record;             /* record TyTV on syntax nodes (default on) */
    /* appended: REASON in "could not import P (REASON)" when the importer
     * returns NULL; NULL: "package not found".  gc words it after how it
     * looks packages up ("file not found", "open : no such file or
     * directory" with an -importcfg that lacks the path). */
    const char *import_fail_reason;
} TyConfig;

/* Type-checks a package.  Returns the package (never NULL); errors are in
 * conf->diags.  *nerrors (if non-NULL) gets the number of errors. */
TyPackage *ty_check_package(TyEnv *env, const TyConfig *conf, const char *path,
                            SynFile **files, uint32_t nfiles, uint32_t *nerrors);

/* gc's noder check after a successful type check (go.dev/issue/56103):
 * an interface literal that refers to itself through anonymous types only
 * is "invalid recursive type: anonymous interface refers to itself".
 * Reports to diags; returns the number of errors. */
uint32_t ty_check_anon_iface_cycles(TyEnv *env, SynFile **files, uint32_t nfiles, Diags *diags);

/* ---- type operations ------------------------------------------------------------- */

TyType *ty_under(TyType *t);          /* underlying type */
TyType *ty_unalias(TyType *t);        /* resolves alias chains */
bool ty_identical(TyType *x, TyType *y);
bool ty_identical_ignore_tags(TyType *x, TyType *y);
bool ty_comparable(TyType *t);
bool ty_is_interface(TyType *t);
/* go/types TypeString with package paths as qualifiers (qual == NULL), or
 * with a qualifier returning the name to print for a package ("" to omit). */
typedef const char *(*TyQualifier)(void *ud, const TyPackage *pkg);
void ty_type_string(TyEnv *env, Buf *b, TyType *t, TyQualifier qual, void *ud);
void ty_signature_string(TyEnv *env, Buf *b, TySignature *sig, TyQualifier qual, void *ud);
void ty_obj_string(TyEnv *env, Buf *b, TyObject *o, TyQualifier qual, void *ud);

/* gc sizes (types2 gcSizes) */
int64_t ty_sizeof(TyEnv *env, TyType *t);
int64_t ty_alignof(TyEnv *env, TyType *t);
int64_t ty_offsetof(TyEnv *env, TyStruct *s, uint32_t field);

#endif
