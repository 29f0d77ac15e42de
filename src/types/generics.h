/*
 * Private interface of the generics files (typeset.c, union.c, subst.c,
 * instantiate.c, named.c, infer.c, unify.c, validtype.c, cycles.c).
 *
 * Type sets (types2 typeset.go, termlist.go, typeterm.go): a type set is a
 * sorted method list, a term list and a comparable bit.  A term list is a
 * union of terms; a term whose type is NULL stands for the set of all types
 * (𝓤).  The empty term (∅) is never stored: an empty list is the empty set.
 * Lists are kept in types2's normal form (pairwise disjoint terms, in the
 * order types2's norm produces, which error messages depend on).
 */
#ifndef GOESC_TYPES_GENERICS_H
#define GOESC_TYPES_GENERICS_H

#include "check.h"

typedef struct TyTermList {
    TyTerm *terms;   /* type == NULL: 𝓤 */
    uint32_t len;
} TyTermList;

struct TyTypeSet {
    TyObject **methods;  /* all methods, sorted as types2's sortMethods */
    uint32_t nmethods;
    TyTermList terms;
    bool comparable;     /* invariant: !comparable || terms is 𝓤 */
    bool invalid;        /* union with too many terms (types2 invalidTypeSet) */
};

/* TyNamed.state bits */
enum {
    GX_NAMED_EXPANDED = 1 << 0,  /* instance: fromrhs computed from the origin */
    GX_NAMED_CLEANUP = 1 << 1,   /* registered for cleanup */
    GX_NAMED_HAS_FINITE = 1 << 2, /* finiteSize known (cycles.c) */
    GX_NAMED_FINITE = 1 << 3,     /* ... and true */
};

/* ---- term lists (typeset.c) ---- */

extern const TyTermList gx_all_terms;   /* {𝓤}; never written */
bool gx_terms_is_all(TyTermList l);
static inline bool gx_terms_is_empty(TyTermList l) { return l.len == 0; }
TyTermList gx_terms_union(Arena *a, TyTermList x, TyTermList y);
TyTermList gx_terms_intersect(Arena *a, TyTermList x, TyTermList y);
bool gx_terms_equal(TyTermList x, TyTermList y);
bool gx_terms_includes(TyTermList l, TyType *t);
bool gx_terms_subset(TyTermList x, TyTermList y);
bool gx_term_includes(const TyTerm *x, TyType *t);
bool gx_term_disjoint(const TyTerm *x, const TyTerm *y);
/* termlist.String (types are written without qualifier, as types2's
 * term.String does) */
void gx_terms_string(TyEnv *env, Buf *b, TyTermList l);
void gx_term_string(TyEnv *env, Buf *b, bool tilde, TyType *t);

/* the type set of a union (computeUnionTypeSet); cache is the checker's
 * union_typesets map or a local one */
TyTypeSet *gx_union_typeset(Checker *ck, Arena *a, PtrMap *cache, Pos pos, TyUnion *u);
bool gx_typeset_has_terms(const TyTypeSet *s);
bool gx_typeset_is_method_set(const TyTypeSet *s);
/* types2 Interface.typeSet / Interface.Empty */
TyTypeSet *gx_iface_tset(TyInterface *it);
bool gx_iface_empty(TyInterface *it);

/* ---- substitution (subst.c) ---- */

typedef struct SubstMap {
    TyTypeParam **from;
    TyType **to;      /* NULL entries: not substituted */
    uint32_t len;
    /* optional (NULL: none): rewrites the type arguments of each
     * instance the substitution makes, before it is made (the compiler's
     * shapes, src/ir/lower_generic.c); hook_ctx is its first argument */
    TyTypeList (*targs_hook)(void *hook_ctx, TyNamed *orig, TyTypeList targs);
    void *hook_ctx;
} SubstMap;

/* check.subst: ck may be NULL (then instances get expanding's checker) */
TyType *gx_subst(Checker *ck, TyEnv *env, Pos pos, TyType *t, SubstMap m, TyNamed *expanding);
TyObject *gx_clone_var(TyEnv *env, TyObject *v, TyType *t);
TyObject *gx_clone_func(TyEnv *env, TyObject *f, TyType *t);
/* replaceRecvType: methods whose receiver has type old get receiver type
 * nu; returns the (possibly copied) list; *copied tells */
TyObject **gx_replace_recv_type(TyEnv *env, TyObject **in, uint32_t n, TyType *old, TyType *nu,
                                bool *copied);

/* ---- instances (instantiate.c, named.c) ---- */

/* check.instance: the cached or a new instance of a Named, Alias or
 * Signature (Invalid on argument count errors) */
TyType *gx_instance(Checker *ck, TyEnv *env, Pos pos, TyType *orig, TyTypeList targs,
                    TyNamed *expanding);
TyNamed *gx_new_named_instance(Checker *ck, TyEnv *env, Pos pos, TyNamed *orig, TyTypeList targs);
TyAlias *gx_new_alias_instance(Checker *ck, TyEnv *env, Pos pos, TyAlias *orig, TyTypeList targs,
                               TyNamed *expanding);
void gx_needs_cleanup(Checker *ck, void *t);
/* implements with the checker possibly NULL */
bool gx_implements(Checker *ck, TyEnv *env, TyType *V, TyType *T, bool constraint, const char **cause);

/* ---- messages ---- */

/* a type as types2 formats it in messages: with the checker's qualifier,
 * or with full package paths without one (in ck->tmp, or the env arena) */
const char *gx_tstr(Checker *ck, TyEnv *env, TyType *t);

/* ---- unification (unify.c) ---- */

enum { UNIFY_ASSIGN = 1 << 0, UNIFY_EXACT = 1 << 1 };

typedef struct UPair UPair;

typedef struct Unifier {
    Checker *ck;
    TyEnv *env;
    TyTParamList tparams;   /* the type parameters being inferred */
    uint32_t *handle;       /* per type parameter: its slot in value */
    TyType **value;         /* inferred types (NULL: not yet) */
    int depth;
    bool iface_inference;   /* go1.21: interfaces unify by methods */
} Unifier;

Unifier *gx_unifier_new(Checker *ck, TyTParamList tparams, TyTypeList targs, bool iface_inference);
bool gx_unify(Unifier *u, TyType *x, TyType *y, unsigned mode);
TyType *gx_unifier_at(Unifier *u, TyTypeParam *tp);
void gx_unifier_set(Unifier *u, TyTypeParam *tp, TyType *t);
uint32_t gx_unifier_unknowns(Unifier *u);
void gx_unifier_inferred(Unifier *u, TyTParamList tparams, TyType **out);

/* ---- misc predicates ---- */

bool gx_is_iface(TyType *t);          /* types2 IsInterface (true for type parameters) */
bool gx_is_type_lit(TyType *t);       /* types2 isTypeLit */
bool gx_is_parameterized(TyTParamList tparams, TyType *t);
int gx_tparam_index(TyTParamList l, TyTypeParam *tp);

#endif
