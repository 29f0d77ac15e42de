/*
 * Calls of the predeclared functions and of package unsafe's functions
 * (types2 builtins.go).
 *
 * Each builtin checks its arguments, computes the result mode and type
 * (constants where the spec says so: len/cap of arrays without calls or
 * receives, len of constant strings, complex/real/imag of constants,
 * min/max of constants, unsafe.Sizeof/Alignof/Offsetof of fixed-size
 * types), and records the specialized signature on the function
 * expression (unless the result is constant), as types2 does.
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name;
    uint8_t nargs;
    bool variadic;
    ExprKind kind;
} predeclared[TY_BI_COUNT] = {
    [TY_BI_APPEND] = {"append", 1, true, EK_EXPRESSION},
    [TY_BI_CAP] = {"cap", 1, false, EK_EXPRESSION},
    [TY_BI_CLEAR] = {"clear", 1, false, EK_STATEMENT},
    [TY_BI_CLOSE] = {"close", 1, false, EK_STATEMENT},
    [TY_BI_COMPLEX] = {"complex", 2, false, EK_EXPRESSION},
    [TY_BI_COPY] = {"copy", 2, false, EK_STATEMENT},
    [TY_BI_DELETE] = {"delete", 2, false, EK_STATEMENT},
    [TY_BI_IMAG] = {"imag", 1, false, EK_EXPRESSION},
    [TY_BI_LEN] = {"len", 1, false, EK_EXPRESSION},
    [TY_BI_MAKE] = {"make", 1, true, EK_EXPRESSION},
    [TY_BI_MAX] = {"max", 1, true, EK_EXPRESSION},
    [TY_BI_MIN] = {"min", 1, true, EK_EXPRESSION},
    [TY_BI_NEW] = {"new", 1, false, EK_EXPRESSION},
    [TY_BI_PANIC] = {"panic", 1, false, EK_STATEMENT},
    [TY_BI_PRINT] = {"print", 0, true, EK_STATEMENT},
    [TY_BI_PRINTLN] = {"println", 0, true, EK_STATEMENT},
    [TY_BI_REAL] = {"real", 1, false, EK_EXPRESSION},
    [TY_BI_RECOVER] = {"recover", 0, false, EK_STATEMENT},
    [TY_BI_ADD] = {"Add", 2, false, EK_EXPRESSION},
    [TY_BI_ALIGNOF] = {"Alignof", 1, false, EK_EXPRESSION},
    [TY_BI_OFFSETOF] = {"Offsetof", 1, false, EK_EXPRESSION},
    [TY_BI_SIZEOF] = {"Sizeof", 1, false, EK_EXPRESSION},
    [TY_BI_SLICE] = {"Slice", 2, false, EK_EXPRESSION},
    [TY_BI_SLICEDATA] = {"SliceData", 1, false, EK_EXPRESSION},
    [TY_BI_STRING] = {"String", 2, false, EK_EXPRESSION},
    [TY_BI_STRINGDATA] = {"StringData", 1, false, EK_EXPRESSION},
    [TY_BI_ASSERT] = {"assert", 1, false, EK_STATEMENT},
    [TY_BI_TRACE] = {"trace", 0, true, EK_STATEMENT},
};

ExprKind ck_builtin_kind(TyBuiltinId id) { return predeclared[id].kind; }

/* ---- helpers ------------------------------------------------------------------------- */


static TyType *byte_type(Checker *ck) { return ck->env->universe_byte->type; }

/* The empty interface builtins use (types2's emptyInterface: a value of
 * its own, so it prints as interface{} rather than any). */
static TyType *empty_interface(Checker *ck)
{
    TyEnv *env = ck->env;
    if (!env->builtin_empty_interface) {
        TyInterface *it = ty_new_interface(env, NULL, 0, NULL, 0);
        it->complete = true;
        env->builtin_empty_interface = &it->t;
    }
    return env->builtin_empty_interface;
}

/* makeSig: a signature with the default types of args as parameters and
 * res (if not NULL) as result. */
static TySignature *make_sig(Checker *ck, TyType *res, TyType **args, uint32_t n)
{
    TyEnv *env = ck->env;
    const Sym *blank = sym_intern(ck->syms, "", 0);
    TyObject **vars = ARENA_ARRAY(ck->a, TyObject *, n ? n : 1);
    for (uint32_t i = 0; i < n; i++)
        vars[i] = ty_new_var(env, TY_PARAM_VAR, NOPOS, NULL, blank, ty_default_type(env, args[i]));
    TyTuple *params = ty_new_tuple(env, vars, n);
    TyTuple *results = NULL;
    if (res) {
        TyObject *r = ty_new_var(env, TY_RESULT_VAR, NOPOS, NULL, blank, res);
        results = ty_new_tuple(env, &r, 1);
    }
    return ty_new_signature(env, NULL, params, results, false);
}

static TySignature *sig0(Checker *ck, TyType *res) { return make_sig(ck, res, NULL, 0); }
static TySignature *sig1(Checker *ck, TyType *res, TyType *a)
{
    return make_sig(ck, res, &a, 1);
}
static TySignature *sig2(Checker *ck, TyType *res, TyType *a, TyType *b)
{
    TyType *v[2] = {a, b};
    return make_sig(ck, res, v, 2);
}

static void record_sig(Checker *ck, SynCallExpr *call, TySignature *sig)
{
    ck_record_builtin_type(ck, call->fun, sig);
}

/* arrayPtrDeref: A for *A with an array A, else t */
static TyType *array_ptr_deref(TyType *t)
{
    TyType *p = ty_unalias(t);
    if (p && p->kind == TY_POINTER) {
        TyType *a = ty_under(TY_AS(TyPointer, p)->base);
        if (a && a->kind == TY_ARRAY)
            return a;
    }
    return t;
}

/* derefStructPtr: the base of a (named or unnamed) pointer to a struct,
 * else t itself */
static TyType *deref_struct_ptr(TyType *t)
{
    TyType *u = ty_under(t);
    if (u && u->kind == TY_POINTER) {
        TyType *b = TY_AS(TyPointer, u)->base;
        TyType *bu = ty_under(b);
        if (bu && bu->kind == TY_STRUCT)
            return b;
    }
    return t;
}

/* The (type, underlying type) pairs of t's type set (types2 typeset), in
 * ck->tmp; a single (NULL, NULL) pair if a type parameter has no
 * specific types. */
typedef struct Pairs {
    Checker *ck;
    TyType **t, **u;
    uint32_t n, cap;
} Pairs;

static bool pairs_add(void *ud, TyType *t, TyType *u)
{
    Pairs *p = ud;
    if (p->n == p->cap) {
        uint32_t cap = p->cap ? p->cap * 2 : 8;
        TyType **nt = ARENA_ARRAY(&p->ck->tmp, TyType *, cap), **nu = ARENA_ARRAY(&p->ck->tmp, TyType *, cap);
        if (p->n) {
            memcpy(nt, p->t, p->n * sizeof *nt);
            memcpy(nu, p->u, p->n * sizeof *nu);
        }
        p->t = nt;
        p->u = nu;
        p->cap = cap;
    }
    p->t[p->n] = t;
    p->u[p->n] = u;
    p->n++;
    return true;
}

static Pairs typeset(Checker *ck, TyType *t)
{
    Pairs p = {ck, NULL, NULL, 0, 0};
    ck_typeset_all(ck, t, pairs_add, &p);
    return p;
}

/* sliceElem: the element type of a slice operand (every type in its type
 * set must be a slice with that element type), or NULL with *err. */
static TyType *slice_elem(Checker *ck, Operand *x, const char **err)
{
    TyType *E = NULL;
    Pairs p = typeset(ck, x->type);
    for (uint32_t i = 0; i < p.n; i++) {
        TyType *u = p.u[i];
        if (!u || u->kind != TY_SLICE) {
            if (ck_operand_is_nil(ck, x))
                *err = "argument must be a slice; have untyped nil"; /* "untyped" is the point */
            else
                *err = ck_sprintf(ck, "argument must be a slice; have %s", ck_ostr(ck, x));
            return NULL;
        }
        TyType *e = TY_AS(TySlice, u)->elem;
        if (!E) {
            E = e;
        } else if (!ty_identical(E, e)) {
            *err = ck_sprintf(ck, "mismatched slice element types %s and %s in %s", ck_tstr(ck, E), ck_tstr(ck, e),
                              ck_ostr(ck, x));
            return NULL;
        }
    }
    return E;
}

/* Every type in y's type set is []byte or a string, and at least one is
 * a string (when need_string). */
static bool bytes_or_string_set(Checker *ck, TyType *y, bool need_string)
{
    bool has_string = false;
    Pairs p = typeset(ck, y);
    for (uint32_t i = 0; i < p.n; i++) {
        TyType *u = p.u[i];
        if (u && u->kind == TY_SLICE && ty_identical(TY_AS(TySlice, u)->elem, byte_type(ck))) {
            /* []byte */
        } else if (u && ty_is_string(u)) {
            has_string = true;
        } else {
            return false;
        }
    }
    return !need_string || has_string;
}

typedef struct SeenNamed {
    TyNamed *n;
    bool var;
} SeenNamed;

typedef struct VarSize {
    SeenNamed *v;
    uint32_t n, cap;
} VarSize;

static bool has_var_size(TyType *t, VarSize *seen)
{
    /* cycles go through named types only: a named type being examined is
     * taken to be variable-sized until proven otherwise (only invalid,
     * infinitely-sized types refer back to themselves) */
    TyNamed *named = ty_as_named(t);
    uint32_t slot = 0;
    if (named) {
        for (uint32_t i = 0; i < seen->n; i++)
            if (seen->v[i].n == named)
                return seen->v[i].var;
        if (seen->n == seen->cap) {
            seen->cap = seen->cap ? seen->cap * 2 : 8;
            seen->v = xrealloc(seen->v, seen->cap * sizeof *seen->v);
        }
        slot = seen->n++;
        seen->v[slot].n = named;
        seen->v[slot].var = true;
    }
    bool var = false;
    TyType *u = ty_under(t);
    if (u) {
        switch (u->kind) {
        case TY_ARRAY:
            var = has_var_size(TY_AS(TyArray, u)->elem, seen);
            break;
        case TY_STRUCT: {
            TyStruct *s = TY_AS(TyStruct, u);
            for (uint32_t i = 0; i < s->nfields && !var; i++)
                var = has_var_size(s->fields[i]->type, seen);
            break;
        }
        case TY_INTERFACE:
            var = ty_is_typeparam(t);
            break;
        default:
            break;
        }
    }
    if (named)
        seen->v[slot].var = var;
    return var;
}

bool ty_has_var_size(TyType *t)
{
    VarSize seen = {NULL, 0, 0};
    bool r = has_var_size(t, &seen);
    free(seen.v);
    return r;
}

/* The result type function of complex/real/imag applied to x's type
 * (types2 applyTypeFunc).  For a type parameter the result is a new type
 * parameter whose constraint has f applied to each term. */
typedef TyType *(*TypeFunc)(Checker *ck, TyType *t);

typedef struct ApplyTerms {
    Checker *ck;
    TypeFunc f;
    TyTerm *terms;
    uint32_t n, cap;
} ApplyTerms;

static bool apply_term(void *ud, bool tilde, TyType *t)
{
    ApplyTerms *a = ud;
    if (!t)
        return false;
    TyType *r = a->f(a->ck, t);
    if (!r)
        return false;
    if (a->n == a->cap) {
        uint32_t cap = a->cap ? a->cap * 2 : 8;
        TyTerm *nt = ARENA_ARRAY(&a->ck->tmp, TyTerm, cap);
        if (a->n)
            memcpy(nt, a->terms, a->n * sizeof *nt);
        a->terms = nt;
        a->cap = cap;
    }
    a->terms[a->n].tilde = tilde;
    a->terms[a->n].type = r;
    a->n++;
    return true;
}

static TyType *apply_type_func(Checker *ck, TypeFunc f, Operand *x, TyBuiltinId id)
{
    TyEnv *env = ck->env;
    TyTypeParam *tp = ty_as_typeparam(x->type);
    if (!tp)
        return f(ck, x->type);

    /* every term must be acceptable; collect the result terms */
    TyTypeSet *ts = ty_interface_typeset(env, ty_typeparam_iface(env, tp));
    if (!ts || ty_typeset_is_empty(ts) || ty_typeset_is_all(ts))
        return NULL; /* no specific terms */
    ApplyTerms a = {ck, f, NULL, 0, 0};
    if (!ty_typeset_each_term(ts, apply_term, &a) || a.n == 0)
        return NULL;

    /* This type-checks, but the synthetic type parameter for the result
     * is questionable: an error for now (go.dev/issue/50912). */
    ck_softf(ck, ck_operand_pos(x), "%s not supported as argument to built-in %s for go1.18 (see go.dev/issue/50937)",
             ck_ostr(ck, x), predeclared[id].name);

    TyObject *tpar = ty_new_typename(env, NOPOS, ck->pkg, tp->obj->name, NULL);
    TyUnion *u = ty_new_union(env, a.terms, a.n);
    TyType *emb = &u->t;
    TyInterface *bound = ty_new_interface(env, NULL, 0, &emb, 1);
    TyTypeParam *ptyp = ty_new_typeparam(env, tpar, &bound->t);
    ptyp->check = ck;
    ptyp->index = tp->index;
    return &ptyp->t;
}

static TyType *complex_of(Checker *ck, TyType *t)
{
    TyType *u = ty_under(t);
    if (u && u->kind == TY_BASIC) {
        switch (TY_AS(TyBasic, u)->bkind) {
        case TY_FLOAT32: return ty_typ(ck->env, TY_COMPLEX64);
        case TY_FLOAT64: return ty_typ(ck->env, TY_COMPLEX128);
        case TY_UNTYPED_FLOAT: return ty_typ(ck->env, TY_UNTYPED_COMPLEX);
        default: break;
        }
    }
    return NULL;
}

static TyType *float_of(Checker *ck, TyType *t)
{
    TyType *u = ty_under(t);
    if (u && u->kind == TY_BASIC) {
        switch (TY_AS(TyBasic, u)->bkind) {
        case TY_COMPLEX64: return ty_typ(ck->env, TY_FLOAT32);
        case TY_COMPLEX128: return ty_typ(ck->env, TY_FLOAT64);
        case TY_UNTYPED_COMPLEX: return ty_typ(ck->env, TY_UNTYPED_FLOAT);
        default: break;
        }
    }
    return NULL;
}

/* underIs callbacks report their own errors */
typedef struct UnderCtx {
    Checker *ck;
    Operand *x;
    TyType *key; /* delete: the common key type */
} UnderCtx;

static bool len_cap_ok(TyType *u, bool is_len)
{
    u = u ? array_ptr_deref(u) : NULL;
    if (!u)
        return false;
    switch (u->kind) {
    case TY_BASIC:
        return is_len && ty_is_string(u);
    case TY_ARRAY:
    case TY_SLICE:
    case TY_CHAN:
        return true;
    case TY_MAP:
        return is_len;
    default:
        return false;
    }
}

static bool len_ok(void *ud, TyType *t, TyType *u)
{
    (void)ud;
    (void)t;
    return len_cap_ok(u, true);
}

static bool cap_ok(void *ud, TyType *t, TyType *u)
{
    (void)ud;
    (void)t;
    return len_cap_ok(u, false);
}

static bool clear_ok(void *ud, TyType *t, TyType *u)
{
    (void)t;
    UnderCtx *c = ud;
    if (u && (u->kind == TY_MAP || u->kind == TY_SLICE))
        return true;
    ck_errorf(c->ck, ck_operand_pos(c->x), "invalid argument: cannot clear %s: argument must be (or constrained by) map or slice",
              ck_ostr(c->ck, c->x));
    return false;
}

static bool close_ok(void *ud, TyType *t, TyType *u)
{
    (void)t;
    UnderCtx *c = ud;
    if (!u || u->kind != TY_CHAN) {
        ck_errorf(c->ck, ck_operand_pos(c->x), "invalid operation: cannot close non-channel %s", ck_ostr(c->ck, c->x));
        return false;
    }
    if (TY_AS(TyChan, u)->dir == TY_RECV_ONLY) {
        ck_errorf(c->ck, ck_operand_pos(c->x), "invalid operation: cannot close receive-only channel %s", ck_ostr(c->ck, c->x));
        return false;
    }
    return true;
}

static bool delete_ok(void *ud, TyType *t, TyType *u)
{
    (void)t;
    UnderCtx *c = ud;
    if (!u || u->kind != TY_MAP) {
        ck_errorf(c->ck, ck_operand_pos(c->x), "invalid argument: %s is not a map", ck_ostr(c->ck, c->x));
        return false;
    }
    TyType *key = TY_AS(TyMap, u)->key;
    if (c->key && !ty_identical(key, c->key)) {
        ck_errorf(c->ck, ck_operand_pos(c->x), "invalid argument: maps of %s must have identical key types", ck_ostr(c->ck, c->x));
        return false;
    }
    c->key = key;
    return true;
}

static const char *make_cond(Checker *ck, void *ud, TyType *t, TyType *u)
{
    (void)ck;
    (void)ud;
    (void)t;
    if (!u)
        return "no specific type";
    if (u->kind == TY_SLICE || u->kind == TY_MAP || u->kind == TY_CHAN)
        return NULL;
    return "type must be slice, map, or channel";
}

/* ---- the builtins ---------------------------------------------------------------------- */

static bool builtin(Checker *ck, Operand *x, SynCallExpr *call, TyBuiltinId id);

bool ck_builtin(Checker *ck, Operand *x, SynCallExpr *call, TyBuiltinId id)
{
    /* len(x) and cap(x) are constant only if x contains no calls or
     * receives: evaluate the argument with a clean flag, and restore the
     * flag afterwards */
    if (id == TY_BI_LEN || id == TY_BI_CAP) {
        bool saved = ck->e.has_call_or_recv;
        ck->e.has_call_or_recv = false;
        bool ok = builtin(ck, x, call, id);
        ck->e.has_call_or_recv = saved;
        return ok;
    }
    return builtin(ck, x, call, id);
}

static bool builtin(Checker *ck, Operand *x, SynCallExpr *call, TyBuiltinId id)
{
    TyEnv *env = ck->env;
    SynList arglist = call->args;
    const char *bname = predeclared[id].name;

    /* append is the only builtin that permits ... */
    if ((call->n.flags & SYN_F_HASDOTS) && id != TY_BI_APPEND) {
        ck_errorf(ck, ck_at(&call->n), "invalid operation: invalid use of ... with built-in %s", bname);
        ck_use(ck, arglist.items, arglist.len);
        return false;
    }

    /* evaluate the arguments of builtins with ordinary arguments */
    Operand *args = NULL;
    uint32_t nargs;
    switch (id) {
    case TY_BI_MAKE:
    case TY_BI_NEW:
    case TY_BI_OFFSETOF:
    case TY_BI_TRACE:
        /* special argument handling */
        nargs = arglist.len;
        break;
    default:
        nargs = ck_expr_list(ck, arglist.items, arglist.len, &args);
        for (uint32_t i = 0; i < nargs; i++)
            if (args[i].mode == TY_MODE_INVALID)
                return false;
        /* the first argument is always in x */
        if (nargs > 0)
            *x = args[0];
        break;
    }

    /* the argument count */
    {
        const char *msg = NULL;
        if (nargs < predeclared[id].nargs)
            msg = "not enough";
        else if (!predeclared[id].variadic && nargs > predeclared[id].nargs)
            msg = "too many";
        if (msg) {
            ck_errorf(ck, ck_at(&call->n), "invalid operation: %s arguments for %s (expected %u, found %u)", msg,
                      ck_estr(ck, &call->n), (unsigned)predeclared[id].nargs, nargs);
            return false;
        }
    }

    switch (id) {
    case TY_BI_APPEND: {
        /* append(s S, x ...E) S, where E is the element type of S; also
         * append([]byte, string...).  s must be a slice (not nil, which
         * the assignability test alone would accept, go.dev/issue/76220). */
        const char *err = NULL;
        TyType *E = slice_elem(ck, x, &err);
        if (!E) {
            ck_errorf(ck, ck_operand_pos(x), "invalid append: %s", err);
            return false;
        }
        TySignature *sig = NULL;
        if (nargs == 2 && (call->n.flags & SYN_F_HASDOTS)) {
            if (ck_assignable_to(ck, x, ty_new_slice(env, byte_type(ck)), NULL) &&
                bytes_or_string_set(ck, args[1].type, true)) {
                sig = sig2(ck, x->type, x->type, args[1].type);
                sig->variadic = true;
            }
        }
        if (!sig) {
            /* the general case: check the arguments against a made-up
             * signature (the result type is known, errors or not) */
            sig = sig2(ck, x->type, x->type, ty_new_slice(env, E));
            sig->variadic = true;
            TyTypeList none = {NULL, 0};
            ck_arguments(ck, call, sig, none, NULL, 0, args, nargs, NULL);
        }
        record_sig(ck, call, sig);
        x->mode = TY_MODE_VALUE;
        /* x->type is unchanged */
        break;
    }

    case TY_BI_CAP:
    case TY_BI_LEN: {
        TyMode mode = TY_MODE_INVALID;
        TyConst val = ty_const_unknown();
        TyType *t = array_ptr_deref(ty_under(x->type));
        if (t) {
            switch (t->kind) {
            case TY_BASIC:
                if (ty_is_string(t) && id == TY_BI_LEN) {
                    if (x->mode == TY_MODE_CONSTANT) {
                        mode = TY_MODE_CONSTANT;
                        val = ty_const_int64((int64_t)ty_const_string_len(x->val));
                    } else {
                        mode = TY_MODE_VALUE;
                    }
                }
                break;
            case TY_ARRAY:
                /* spec: len(a) and cap(a) of arrays (and pointers to
                 * arrays) are constants if a contains no receives or
                 * (non-constant) calls; a is not evaluated then */
                mode = TY_MODE_VALUE;
                if (!ck->e.has_call_or_recv) {
                    mode = TY_MODE_CONSTANT;
                    int64_t n = TY_AS(TyArray, t)->len;
                    val = n >= 0 ? ty_const_int64(n) : ty_const_unknown();
                }
                break;
            case TY_SLICE:
            case TY_CHAN:
                mode = TY_MODE_VALUE;
                break;
            case TY_MAP:
                if (id == TY_BI_LEN)
                    mode = TY_MODE_VALUE;
                break;
            case TY_INTERFACE:
                if (ty_is_typeparam(x->type) &&
                    ck_typeset_all(ck, x->type, id == TY_BI_LEN ? len_ok : cap_ok, NULL))
                    mode = TY_MODE_VALUE;
                break;
            default:
                break;
            }
        }
        if (mode == TY_MODE_INVALID) {
            /* no error if the underlying type is invalid */
            if (ty_is_valid(ty_under(x->type)))
                ck_errorf(ck, ck_operand_pos(x), "invalid argument: %s for built-in %s", ck_ostr(ck, x), bname);
            return false;
        }
        /* record the signature before x->type changes */
        if (mode != TY_MODE_CONSTANT)
            record_sig(ck, call, sig1(ck, ty_typ(env, TY_INT), x->type));
        x->mode = (uint8_t)mode;
        x->type = ty_typ(env, TY_INT);
        x->val = val;
        break;
    }

    case TY_BI_CLEAR: {
        ck_verify_version(ck, ck_at(call->fun), 21, "clear");
        UnderCtx c = {ck, x, NULL};
        if (!ck_typeset_all(ck, x->type, clear_ok, &c))
            return false;
        x->mode = TY_MODE_NOVALUE;
        record_sig(ck, call, sig1(ck, NULL, x->type));
        break;
    }

    case TY_BI_CLOSE: {
        UnderCtx c = {ck, x, NULL};
        if (!ck_typeset_all(ck, x->type, close_ok, &c))
            return false;
        x->mode = TY_MODE_NOVALUE;
        record_sig(ck, call, sig1(ck, NULL, x->type));
        break;
    }

    case TY_BI_COMPLEX: {
        /* complex(x, y floatT) complexT */
        Operand *y = &args[1];
        int d = (ty_is_untyped(x->type) ? 1 : 0) | (ty_is_untyped(y->type) ? 2 : 0);
        switch (d) {
        case 1: /* only x untyped: convert to y's type */
            ck_convert_untyped(ck, x, y->type);
            break;
        case 2: /* only y untyped */
            ck_convert_untyped(ck, y, x->type);
            break;
        case 3:
            /* Both untyped: constants become untyped floats if possible;
             * a non-constant one (an untyped shift) makes both float64,
             * which fails as it must (no shifts of floats). */
            if (x->mode == TY_MODE_CONSTANT && y->mode == TY_MODE_CONSTANT) {
                if (ty_is_numeric(x->type) && ty_const_sign(ty_const_imag(x->val)) == 0)
                    x->type = ty_typ(env, TY_UNTYPED_FLOAT);
                if (ty_is_numeric(y->type) && ty_const_sign(ty_const_imag(y->val)) == 0)
                    y->type = ty_typ(env, TY_UNTYPED_FLOAT);
            } else {
                ck_convert_untyped(ck, x, ty_typ(env, TY_FLOAT64));
                ck_convert_untyped(ck, y, ty_typ(env, TY_FLOAT64));
            }
            break;
        default:
            break;
        }
        if (x->mode == TY_MODE_INVALID || y->mode == TY_MODE_INVALID)
            return false;
        if (!ty_identical(x->type, y->type)) {
            ck_errorf(ck, ck_operand_pos(x), "invalid operation: %s (mismatched types %s and %s)", ck_estr(ck, &call->n),
                      ck_tstr(ck, x->type), ck_tstr(ck, y->type));
            return false;
        }
        TyType *res = apply_type_func(ck, complex_of, x, id);
        if (!res) {
            ck_errorf(ck, ck_operand_pos(x), "invalid argument: arguments have type %s, expected floating-point",
                      ck_tstr(ck, x->type));
            return false;
        }
        if (x->mode == TY_MODE_CONSTANT && y->mode == TY_MODE_CONSTANT) {
            TyConst re = ty_const_to_float(ck->a, x->val);
            TyConst im = ty_const_make_imag(ck->a, ty_const_to_float(ck->a, y->val));
            x->val = ty_const_binary(ck->a, re, TY_OP_ADD, im);
        } else {
            x->mode = TY_MODE_VALUE;
        }
        if (x->mode != TY_MODE_CONSTANT)
            record_sig(ck, call, sig2(ck, res, x->type, x->type));
        x->type = res;
        break;
    }

    case TY_BI_COPY: {
        /* copy(x, y []E) int; also copy([]byte, string) */
        Operand *y = &args[1];
        bool special = ck_assignable_to(ck, x, ty_new_slice(env, byte_type(ck)), NULL) &&
                       bytes_or_string_set(ck, y->type, false);
        if (!special) {
            /* with type parameters, all types in the type sets must have
             * the same underlying slice type */
            const char *err = NULL;
            TyType *dstE = slice_elem(ck, x, &err);
            if (!dstE) {
                ck_errorf(ck, ck_operand_pos(x), "invalid copy: %s", err);
                return false;
            }
            TyType *srcE = slice_elem(ck, y, &err);
            if (!srcE) {
                /* a string source: go on with byte for a better message */
                if (!ty_all_basic_info(y->type, TY_IS_STRING)) {
                    ck_errorf(ck, ck_operand_pos(y), "invalid copy: %s", err);
                    return false;
                }
                srcE = byte_type(ck);
            }
            if (!ty_identical(dstE, srcE)) {
                ck_errorf(ck, ck_operand_pos(x), "invalid copy: arguments %s and %s have different element types %s and %s",
                          ck_ostr(ck, x), ck_ostr(ck, y), ck_tstr(ck, dstE), ck_tstr(ck, srcE));
                return false;
            }
        }
        record_sig(ck, call, sig2(ck, ty_typ(env, TY_INT), x->type, y->type));
        x->mode = TY_MODE_VALUE;
        x->type = ty_typ(env, TY_INT);
        break;
    }

    case TY_BI_DELETE: {
        /* delete(map_, key): a map or a type parameter of maps with
         * identical key types */
        TyType *map = x->type;
        UnderCtx c = {ck, x, NULL};
        if (!ck_typeset_all(ck, map, delete_ok, &c))
            return false;
        *x = args[1]; /* key */
        ck_assignment(ck, x, c.key, "argument to delete");
        if (x->mode == TY_MODE_INVALID)
            return false;
        x->mode = TY_MODE_NOVALUE;
        record_sig(ck, call, sig2(ck, NULL, map, c.key));
        break;
    }

    case TY_BI_IMAG:
    case TY_BI_REAL: {
        /* imag/real(complexT) floatT */
        if (ty_is_untyped(x->type)) {
            if (x->mode == TY_MODE_CONSTANT) {
                /* an untyped constant number is a complex constant too */
                if (ty_is_numeric(x->type))
                    x->type = ty_typ(env, TY_UNTYPED_COMPLEX);
            } else {
                /* an untyped non-constant argument (an untyped shift):
                 * complex128, which fails as it must */
                ck_convert_untyped(ck, x, ty_typ(env, TY_COMPLEX128));
                if (x->mode == TY_MODE_INVALID)
                    return false;
            }
        }
        TyType *res = apply_type_func(ck, float_of, x, id);
        if (!res) {
            ck_errorf(ck, ck_operand_pos(x), "invalid argument: argument has type %s, expected complex type",
                      ck_tstr(ck, x->type));
            return false;
        }
        if (x->mode == TY_MODE_CONSTANT)
            x->val = id == TY_BI_REAL ? ty_const_real(x->val) : ty_const_imag(x->val);
        else
            x->mode = TY_MODE_VALUE;
        if (x->mode != TY_MODE_CONSTANT)
            record_sig(ck, call, sig1(ck, res, x->type));
        x->type = res;
        break;
    }

    case TY_BI_MAKE: {
        /* make(T, n), make(T, n, m); nothing evaluated yet */
        SynNode *arg0 = arglist.items[0];
        TyType *T = ck_var_type(ck, arg0);
        if (!ty_is_valid(T))
            return false;
        const char *err = NULL;
        TyType *u = ck_common_under(ck, T, make_cond, NULL, &err);
        if (!u) {
            ck_errorf(ck, ck_at(arg0), "invalid argument: cannot make %s: %s", ck_estr(ck, arg0), err ? err : "");
            return false;
        }
        uint32_t min = u->kind == TY_SLICE ? 2 : 1;
        if (nargs < min || min + 1 < nargs) {
            ck_errorf(ck, ck_at(&call->n), "invalid operation: %s expects %u or %u arguments; found %u",
                      ck_estr(ck, &call->n), min, min + 1, nargs);
            return false;
        }
        TyType *types[3] = {T, NULL, NULL};
        int64_t sizes[2];
        uint32_t nsizes = 0;
        for (uint32_t i = 1; i < nargs; i++) {
            int64_t size = -1;
            types[i] = ck_index(ck, arglist.items[i], -1, &size); /* may be invalid: fine */
            if (size >= 0)
                sizes[nsizes++] = size;
        }
        if (nsizes == 2 && sizes[0] > sizes[1])
            ck_error(ck, ck_at(arglist.items[1]), "invalid argument: length and capacity swapped");
        x->mode = TY_MODE_VALUE;
        x->type = T;
        record_sig(ck, call, make_sig(ck, T, types, nargs));
        break;
    }

    case TY_BI_MAX:
    case TY_BI_MIN: {
        ck_verify_version(ck, ck_at(call->fun), 21, ck_sprintf(ck, "built-in %s", bname));
        TyConstOp op = id == TY_BI_MAX ? TY_OP_GTR : TY_OP_LSS;
        for (uint32_t i = 0; i < nargs; i++) {
            Operand *a = &args[i];
            if (a->mode == TY_MODE_INVALID)
                return false;
            if (!ty_all_basic_info(a->type, TY_IS_ORDERED)) {
                ck_errorf(ck, ck_operand_pos(a), "invalid argument: %s cannot be ordered", ck_ostr(ck, a));
                return false;
            }
            if (i == 0)
                continue; /* already in x */
            ck_match_types(ck, x, a);
            if (x->mode == TY_MODE_INVALID)
                return false;
            if (!ty_identical(x->type, a->type)) {
                ck_errorf(ck, ck_operand_pos(a), "invalid argument: mismatched types %s (previous argument) and %s (type of %s)",
                          ck_tstr(ck, x->type), ck_tstr(ck, a->type), ck_estr(ck, a->expr));
                return false;
            }
            if (x->mode == TY_MODE_CONSTANT && a->mode == TY_MODE_CONSTANT) {
                if (ty_const_compare(a->val, op, x->val))
                    *x = *a;
            } else {
                x->mode = TY_MODE_VALUE;
            }
        }
        /* a single argument: x must be a value or a constant, and a value
         * must not be untyped */
        if (x->mode != TY_MODE_CONSTANT) {
            x->mode = TY_MODE_VALUE;
            ck_assignment(ck, x, empty_interface(ck), ck_sprintf(ck, "argument to built-in %s", bname));
            if (x->mode == TY_MODE_INVALID)
                return false;
        }
        /* all arguments get the final type */
        for (uint32_t i = 0; i < nargs; i++)
            ck_update_expr_type(ck, args[i].expr, x->type, true);
        if (x->mode != TY_MODE_CONSTANT) {
            TyType **types = ARENA_ARRAY(&ck->tmp, TyType *, nargs);
            for (uint32_t i = 0; i < nargs; i++)
                types[i] = x->type;
            record_sig(ck, call, make_sig(ck, x->type, types, nargs));
        }
        break;
    }

    case TY_BI_NEW: {
        /* new(T) or new(expr) (go1.26) */
        SynNode *arg = arglist.items[0];
        ck_expr_or_type(ck, x, arg, false);
        ck_exclude(ck, x, 1u << TY_MODE_NOVALUE | 1u << TY_MODE_BUILTIN);
        switch (x->mode) {
        case TY_MODE_INVALID:
            return false;
        case TY_MODE_TYPEXPR:
            ck_valid_var_type(ck, arg, x->type);
            break;
        default:
            if (ty_is_untyped(x->type)) {
                /* overflow and untyped nil */
                ck_assignment(ck, x, NULL, "argument to new");
                if (x->mode == TY_MODE_INVALID)
                    return false;
            }
            /* a version error only if there are no other errors */
            ck_verify_version(ck, ck_at(call->fun), 26, ck_sprintf(ck, "new(%s)", ck_estr(ck, arg)));
            break;
        }
        TyType *T = x->type;
        x->mode = TY_MODE_VALUE;
        x->type = ty_new_pointer(env, T);
        record_sig(ck, call, sig1(ck, x->type, T));
        break;
    }

    case TY_BI_PANIC: {
        /* a panic in a function with results counts as terminating
         * statement: remember the call */
        if (ck->e.sig && ck->e.sig->results->len > 0 && ck->e.is_panic)
            ptrmap_put(ck->e.is_panic, PMKEY(&call->n), &call->n);
        ck_assignment(ck, x, empty_interface(ck), "argument to panic");
        if (x->mode == TY_MODE_INVALID)
            return false;
        x->mode = TY_MODE_NOVALUE;
        record_sig(ck, call, sig1(ck, NULL, empty_interface(ck)));
        break;
    }

    case TY_BI_PRINT:
    case TY_BI_PRINTLN: {
        TyType **params = ARENA_ARRAY(&ck->tmp, TyType *, nargs ? nargs : 1);
        const char *context = ck_sprintf(ck, "argument to built-in %s", bname);
        for (uint32_t i = 0; i < nargs; i++) {
            ck_assignment(ck, &args[i], NULL, context);
            if (args[i].mode == TY_MODE_INVALID)
                return false;
            params[i] = args[i].type;
        }
        x->mode = TY_MODE_NOVALUE;
        record_sig(ck, call, make_sig(ck, NULL, params, nargs));
        break;
    }

    case TY_BI_RECOVER:
        x->mode = TY_MODE_VALUE;
        x->type = empty_interface(ck);
        record_sig(ck, call, sig0(ck, x->type));
        break;

    case TY_BI_ADD: {
        /* unsafe.Add(ptr unsafe.Pointer, len IntegerType) unsafe.Pointer */
        ck_verify_version(ck, ck_at(call->fun), 17, "unsafe.Add");
        ck_assignment(ck, x, ty_typ(env, TY_UNSAFE_POINTER), "argument to unsafe.Add");
        if (x->mode == TY_MODE_INVALID)
            return false;
        Operand *y = &args[1];
        if (!ck_is_valid_index(ck, y, "length", true))
            return false;
        x->mode = TY_MODE_VALUE;
        x->type = ty_typ(env, TY_UNSAFE_POINTER);
        record_sig(ck, call, sig2(ck, x->type, x->type, y->type));
        break;
    }

    case TY_BI_ALIGNOF:
    case TY_BI_SIZEOF: {
        /* unsafe.Alignof/Sizeof(x T) uintptr */
        ck_assignment(ck, x, NULL, id == TY_BI_ALIGNOF ? "argument to unsafe.Alignof" : "argument to unsafe.Sizeof");
        if (x->mode == TY_MODE_INVALID)
            return false;
        if (ty_has_var_size(x->type)) {
            x->mode = TY_MODE_VALUE;
            record_sig(ck, call, sig1(ck, ty_typ(env, TY_UINTPTR), x->type));
        } else {
            int64_t v = id == TY_BI_ALIGNOF ? ty_alignof(env, x->type) : ty_sizeof(env, x->type);
            if (v < 0) {
                ck_errorf(ck, ck_operand_pos(x), "%s is too large", ck_ostr(ck, x));
                return false;
            }
            /* constant: no signature recorded */
            x->mode = TY_MODE_CONSTANT;
            x->val = ty_const_int64(v);
        }
        x->type = ty_typ(env, TY_UINTPTR);
        break;
    }

    case TY_BI_OFFSETOF: {
        /* unsafe.Offsetof(x T) uintptr, where x must be a selector */
        SynNode *arg0 = arglist.items[0];
        SynNode *un = syn_unparen(arg0);
        if (un->kind != SYN_SELECTOR_EXPR) {
            ck_errorf(ck, ck_at(arg0), "invalid argument: %s is not a selector expression", ck_estr(ck, arg0));
            ck_use(ck, &arg0, 1);
            return false;
        }
        SynSelectorExpr *selx = (SynSelectorExpr *)un;
        ck_expr(ck, NULL, x, selx->x);
        if (x->mode == TY_MODE_INVALID)
            return false;
        TyType *base = deref_struct_ptr(x->type);
        const Sym *sel = selx->sel->value;
        LookupResult r = ty_lookup_field_or_method(env, base, false, ck->pkg, sel, false);
        if (!r.obj) {
            ck_errorf(ck, ck_operand_pos(x), "invalid argument: %s has no single field %s", ck_tstr(ck, base), sel->name);
            return false;
        }
        if (r.obj->kind == TY_OBJ_FUNC) {
            /* (derefStructPtr may find methods that x doesn't have: an
             * error either way) */
            ck_errorf(ck, ck_at(arg0), "invalid argument: %s is a method value", ck_estr(ck, arg0));
            return false;
        }
        if (r.indirect) {
            ck_errorf(ck, ck_operand_pos(x), "invalid argument: field %s is embedded via a pointer in %s", sel->name,
                      ck_tstr(ck, base));
            return false;
        }
        ck_record_selection(ck, selx, TY_FIELD_VAL, base, r.obj, r.index, r.nindex, false);
        /* record the selector expression too (go.dev/issue/47895) */
        {
            Operand s;
            memset(&s, 0, sizeof s);
            s.mode = x->mode == TY_MODE_VARIABLE || r.indirect ? TY_MODE_VARIABLE : TY_MODE_VALUE;
            s.expr = &selx->n;
            s.type = r.obj->type;
            ck_record_operand(ck, &s);
        }
        /* A field's offset counts as variable if the struct's size is,
         * even if the field precedes the variable part (simpler rules,
         * and compilers may reorder fields). */
        if (ty_has_var_size(base)) {
            x->mode = TY_MODE_VALUE;
            record_sig(ck, call, sig1(ck, ty_typ(env, TY_UINTPTR), r.obj->type));
        } else {
            int64_t offs = ty_offsetof_path(env, base, r.index, r.nindex);
            if (offs < 0) {
                ck_errorf(ck, ck_operand_pos(x), "%s is too large", ck_ostr(ck, x));
                return false;
            }
            x->mode = TY_MODE_CONSTANT;
            x->val = ty_const_int64(offs);
        }
        x->type = ty_typ(env, TY_UINTPTR);
        break;
    }

    case TY_BI_SLICE: {
        /* unsafe.Slice(ptr *T, len IntegerType) []T */
        ck_verify_version(ck, ck_at(call->fun), 17, "unsafe.Slice");
        TyType *u = ck_common_under(ck, x->type, NULL, NULL, NULL);
        if (!u || u->kind != TY_POINTER) {
            ck_errorf(ck, ck_operand_pos(x), "invalid argument: %s is not a pointer", ck_ostr(ck, x));
            return false;
        }
        Operand *y = &args[1];
        if (!ck_is_valid_index(ck, y, "length", false))
            return false;
        x->mode = TY_MODE_VALUE;
        x->type = ty_new_slice(env, TY_AS(TyPointer, u)->base);
        record_sig(ck, call, sig2(ck, x->type, u, y->type));
        break;
    }

    case TY_BI_SLICEDATA: {
        /* unsafe.SliceData(slice []T) *T */
        ck_verify_version(ck, ck_at(call->fun), 20, "unsafe.SliceData");
        TyType *u = ck_common_under(ck, x->type, NULL, NULL, NULL);
        if (!u || u->kind != TY_SLICE) {
            ck_errorf(ck, ck_operand_pos(x), "invalid argument: %s is not a slice", ck_ostr(ck, x));
            return false;
        }
        x->mode = TY_MODE_VALUE;
        x->type = ty_new_pointer(env, TY_AS(TySlice, u)->elem);
        record_sig(ck, call, sig1(ck, x->type, u));
        break;
    }

    case TY_BI_STRING: {
        /* unsafe.String(ptr *byte, len IntegerType) string */
        ck_verify_version(ck, ck_at(call->fun), 20, "unsafe.String");
        ck_assignment(ck, x, ty_new_pointer(env, byte_type(ck)), "argument to unsafe.String");
        if (x->mode == TY_MODE_INVALID)
            return false;
        Operand *y = &args[1];
        if (!ck_is_valid_index(ck, y, "length", false))
            return false;
        x->mode = TY_MODE_VALUE;
        x->type = ty_typ(env, TY_STRING);
        record_sig(ck, call, sig2(ck, x->type, ty_new_pointer(env, byte_type(ck)), y->type));
        break;
    }

    case TY_BI_STRINGDATA:
        /* unsafe.StringData(str string) *byte */
        ck_verify_version(ck, ck_at(call->fun), 20, "unsafe.StringData");
        ck_assignment(ck, x, ty_typ(env, TY_STRING), "argument to unsafe.StringData");
        if (x->mode == TY_MODE_INVALID)
            return false;
        x->mode = TY_MODE_VALUE;
        x->type = ty_new_pointer(env, byte_type(ck));
        record_sig(ck, call, sig1(ck, x->type, ty_typ(env, TY_STRING)));
        break;

    case TY_BI_ASSERT:
        /* types2's self-test helper (not in the universe of real checks) */
        if (x->mode != TY_MODE_CONSTANT || !ty_is_boolean(x->type)) {
            ck_errorf(ck, ck_operand_pos(x), "invalid argument: %s is not a boolean constant", ck_ostr(ck, x));
            return false;
        }
        if (!ty_const_bool_val(x->val))
            ck_errorf(ck, ck_at(&call->n), "%s failed", ck_estr(ck, &call->n));
        break;

    case TY_BI_TRACE:
        /* types2's self-test helper: evaluates its arguments */
        if (nargs == 0) {
            x->mode = TY_MODE_NOVALUE;
            break;
        }
        for (uint32_t i = 0; i < nargs; i++) {
            Operand t;
            memset(&t, 0, sizeof t);
            ck_raw_expr(ck, NULL, i == 0 ? x : &t, arglist.items[i], NULL, false);
        }
        if (x->mode == TY_MODE_INVALID)
            return false;
        break;

    default:
        return false;
    }
    return x->mode != TY_MODE_INVALID;
}
