/*
 * Conversions T(x) (types2 conversions.go).
 *
 * Constant arguments converted to constant types stay constants (with
 * the value rounded to T, or an integer turned into a one-rune string);
 * everything else becomes a value.  For type parameters, a conversion is
 * valid if it is valid for every specific type in the type sets involved;
 * the cause of a failure names the offending pair of terms.
 */
#include "check.h"

#include <string.h>

static bool is_basic_kind(TyType *t, TyBasicKind k)
{
    TyType *u = ty_under(t);
    return u && u->kind == TY_BASIC && TY_AS(TyBasic, u)->bkind == (uint8_t)k;
}

static bool is_uintptr(TyType *t) { return is_basic_kind(t, TY_UINTPTR); }
static bool is_unsafe_pointer(TyType *t) { return is_basic_kind(t, TY_UNSAFE_POINTER); }

static bool is_pointer(TyType *t)
{
    TyType *u = ty_under(t);
    return u && u->kind == TY_POINTER;
}

/* []byte or []rune (any named element types with those underlying kinds) */
bool ty_is_bytes_or_runes(TyType *t)
{
    TyType *u = ty_under(t);
    if (!u || u->kind != TY_SLICE)
        return false;
    TyType *e = ty_under(TY_AS(TySlice, u)->elem);
    if (!e || e->kind != TY_BASIC)
        return false;
    uint8_t k = TY_AS(TyBasic, e)->bkind;
    return k == TY_UINT8 || k == TY_INT32;
}

/* string(r) for an integer constant: the rune's UTF-8 encoding, or
 * U+FFFD for values that are not valid code points. */
static TyConst rune_string(Checker *ck, TyConst v)
{
    bool exact;
    uint64_t i = ty_const_uint64_val(v, &exact);
    int32_t r = 0xFFFD;
    if (exact && i <= 0x10FFFF && !(i >= 0xD800 && i <= 0xDFFF))
        r = (int32_t)i;
    char buf[4];
    int n = utf8_encode(buf, r);
    return ty_const_string(ck->a, buf, (size_t)n);
}

/* Collected types of a type set (types2 iterates with closures; here the
 * types are gathered first, in ck->tmp). */
typedef struct TypeVec {
    Checker *ck;
    TyType **t, **u;
    uint32_t n, cap;
    bool none;          /* no specific types */
} TypeVec;

static void tv_push(TypeVec *v, TyType *t, TyType *u)
{
    if (v->n == v->cap) {
        uint32_t cap = v->cap ? v->cap * 2 : 8;
        TyType **nt = ARENA_ARRAY(&v->ck->tmp, TyType *, cap), **nu = ARENA_ARRAY(&v->ck->tmp, TyType *, cap);
        if (v->n) {
            memcpy(nt, v->t, v->n * sizeof *nt);
            memcpy(nu, v->u, v->n * sizeof *nu);
        }
        v->t = nt;
        v->u = nu;
        v->cap = cap;
    }
    v->t[v->n] = t;
    v->u[v->n] = u;
    v->n++;
}

static bool collect_term(void *ud, TyType *t)
{
    TypeVec *v = ud;
    if (!t) {
        v->none = true;
        return false;
    }
    tv_push(v, t, NULL);
    return true;
}

static bool collect_pair(void *ud, TyType *t, TyType *u)
{
    tv_push(ud, t, u);
    return true;
}

/* The specific term types of tp's type set; 0 if there are none (types2
 * TypeParam.is then calls f(nil), which fails). */
static uint32_t tparam_terms(Checker *ck, TyTypeParam *tp, TyType ***out)
{
    TypeVec v = {ck, NULL, NULL, 0, 0, false};
    ck_tparam_is(ck, tp, collect_term, &v);
    *out = v.t;
    return v.none ? 0 : v.n;
}

/* constConvertibleTo: constant x representable in T's basic type (val
 * gets the converted value), or an integer converted to a string. */
static bool const_convertible_to(Checker *ck, Operand *x, TyType *T, TyConst *val)
{
    TyType *u = ty_under(T);
    if (!u || u->kind != TY_BASIC)
        return false;
    TyBasic *t = TY_AS(TyBasic, u);
    TyConst v = x->val;
    if (ck_representable_const(ck, x->val, t, &v)) {
        if (val)
            *val = v;
        return true;
    }
    if (ty_is_integer(x->type) && ty_is_string(&t->t)) {
        if (val)
            *val = rune_string(ck, x->val);
        return true;
    }
    return false;
}

void ck_conversion(Checker *ck, Operand *x, TyType *T)
{
    TyEnv *env = ck->env;
    bool const_arg = x->mode == TY_MODE_CONSTANT;
    bool ok = false;
    const char *cause = "";

    if (const_arg && ty_is_const_type(T)) {
        /* constant conversion */
        ok = const_convertible_to(ck, x, T, &x->val);
        /* integer to integer can only fail by overflow: say so concisely
         * (go.dev/issue/63563) */
        if (!ok && ty_is_integer(x->type) && ty_is_integer(T)) {
            ck_errorf(ck, ck_operand_pos(x), "constant %s overflows %s", ty_const_str(&ck->tmp, x->val),
                      ck_tstr(ck, T));
            x->mode = TY_MODE_INVALID;
            return;
        }
    } else if (const_arg && ty_is_typeparam(T)) {
        /* convertible to each specific type in T's type set; without
         * specific types a constant cannot be converted */
        TypeVec pairs = {ck, NULL, NULL, 0, 0, false};
        ck_typeset_all(ck, T, collect_pair, &pairs);
        ok = true;
        for (uint32_t i = 0; i < pairs.n && ok; i++) {
            TyType *u = pairs.u[i];
            if (!u) {
                cause = ck_sprintf(ck, "%s does not contain specific types", ck_tstr(ck, T));
                ok = false;
            } else if (ty_is_string(x->type) && ty_is_bytes_or_runes(u)) {
                /* ok */
            } else if (!const_convertible_to(ck, x, u, NULL)) {
                if (ty_is_integer(x->type) && ty_is_integer(u))
                    cause = ck_sprintf(ck, "constant %s overflows %s (in %s)", ty_const_str(&ck->tmp, x->val),
                                       ck_tstr(ck, u), ck_tstr(ck, T));
                else
                    cause = ck_sprintf(ck, "cannot convert %s to type %s (in %s)", ck_ostr(ck, x), ck_tstr(ck, u),
                                       ck_tstr(ck, T));
                ok = false;
            }
        }
        x->mode = TY_MODE_VALUE; /* type parameters are not constants */
    } else if (ck_convertible_to(ck, x, T, &cause)) {
        ok = true;
        x->mode = TY_MODE_VALUE;
    }

    if (!ok) {
        if (cause && cause[0])
            ck_errorf(ck, ck_operand_pos(x), "cannot convert %s to type %s: %s", ck_ostr(ck, x), ck_tstr(ck, T),
                      cause);
        else
            ck_errorf(ck, ck_operand_pos(x), "cannot convert %s to type %s", ck_ostr(ck, x), ck_tstr(ck, T));
        x->mode = TY_MODE_INVALID;
        return;
    }

    /* The conversion gives untyped arguments their final type (spec: "A
     * constant may be given a type explicitly by ... conversion").  As in
     * types2 (the compiler), untyped nil gets T. */
    if (ty_is_untyped(x->type)) {
        TyType *final = T;
        if (x->type == ty_typ(env, TY_UNTYPED_NIL)) {
            /* keep T */
        } else if (ty_is_interface(T) || (const_arg && !ty_is_const_type(T))) {
            /* to interfaces, and constants to non-constant types (e.g.
             * []byte("foo")): the default type */
            final = ty_default_type(env, x->type);
        } else if (x->mode == TY_MODE_CONSTANT && ty_is_integer(x->type) && ty_all_basic_info(T, TY_IS_STRING)) {
            /* string(65): the argument stays an untyped integer */
            final = x->type;
        }
        ck_update_expr_type(ck, x->expr, final, true);
    }
    x->type = T;
}

/* Prepends msg to the cause collected so far (types2 convertibleTo's
 * errorf closure). */
static void add_cause(Checker *ck, const char **cause, const char *msg)
{
    if (!cause)
        return;
    if (*cause && (*cause)[0])
        msg = ck_sprintf(ck, "%s\n\t%s", msg, *cause);
    *cause = msg;
}

bool ck_convertible_to(Checker *ck, Operand *x, TyType *T, const char **cause)
{
    /* "x is assignable to T" */
    if (ck_assignable_to(ck, x, T, cause))
        return true;

    TyType *origT = T;
    TyType *V = ty_unalias(x->type);
    T = ty_unalias(T);
    TyType *Vu = ty_under(V);
    TyType *Tu = ty_under(T);
    TyTypeParam *Vp = V->kind == TY_TYPEPARAM ? TY_AS(TyTypeParam, V) : NULL;
    TyTypeParam *Tp = T->kind == TY_TYPEPARAM ? TY_AS(TyTypeParam, T) : NULL;

    /* identical underlying types if tags are ignored (no type parameters) */
    if (ty_identical_ignore_tags(Vu, Tu) && !Vp && !Tp)
        return true;

    /* unnamed pointer types with such base types */
    if (V->kind == TY_POINTER && T->kind == TY_POINTER) {
        TyType *vb = TY_AS(TyPointer, V)->base, *tb = TY_AS(TyPointer, T)->base;
        if (ty_identical_ignore_tags(ty_under(vb), ty_under(tb)) && !ty_is_typeparam(vb) && !ty_is_typeparam(tb))
            return true;
    }

    /* both integer or floating point, or both complex */
    if (ty_is_integer_or_float(Vu) && ty_is_integer_or_float(Tu))
        return true;
    if (ty_is_complex(Vu) && ty_is_complex(Tu))
        return true;

    /* integer or []byte/[]rune to string, and string to []byte/[]rune */
    if ((ty_is_integer(Vu) || ty_is_bytes_or_runes(Vu)) && ty_is_string(Tu))
        return true;
    if (ty_is_string(Vu) && ty_is_bytes_or_runes(Tu))
        return true;

    /* package unsafe: pointers and uintptr to unsafe.Pointer and back */
    if ((is_pointer(Vu) || is_uintptr(Vu)) && is_unsafe_pointer(Tu))
        return true;
    if (is_unsafe_pointer(Vu) && (is_pointer(Tu) || is_uintptr(Tu)))
        return true;

    /* slice to array or array pointer with identical element types */
    if (Vu && Vu->kind == TY_SLICE && Tu) {
        TyType *se = TY_AS(TySlice, Vu)->elem;
        if (Tu->kind == TY_ARRAY) {
            if (ty_identical(se, TY_AS(TyArray, Tu)->elem)) {
                if (ck_allow_version(ck, 20))
                    return true;
                if (cause)
                    *cause = "conversion of slice to array requires go1.20 or later";
                return false;
            }
        } else if (Tu->kind == TY_POINTER) {
            TyType *a = ty_under(TY_AS(TyPointer, Tu)->base);
            if (a && a->kind == TY_ARRAY && ty_identical(se, TY_AS(TyArray, a)->elem)) {
                if (ck_allow_version(ck, 17))
                    return true;
                if (cause)
                    *cause = "conversion of slice to array pointer requires go1.17 or later";
                return false;
            }
        }
    }

    if (!Vp && !Tp)
        return false;

    /* generic cases: every pair of specific terms must be convertible
     * (generic operands are never constants, so x->val plays no role) */
    TyType **vterms = NULL, **tterms = NULL;
    uint32_t nv = Vp ? tparam_terms(ck, Vp, &vterms) : 0;
    uint32_t nt = Tp ? tparam_terms(ck, Tp, &tterms) : 0;
    if (Vp && Tp) {
        if (nv == 0)
            return false;
        Operand y = *x;
        for (uint32_t i = 0; i < nv; i++) {
            y.type = vterms[i];
            if (nt == 0)
                return false;
            for (uint32_t j = 0; j < nt; j++) {
                if (!ck_convertible_to(ck, &y, tterms[j], cause)) {
                    add_cause(ck, cause,
                              ck_sprintf(ck, "cannot convert %s (in %s) to type %s (in %s)", ck_tstr(ck, vterms[i]),
                                         ck_tstr(ck, &Vp->t), ck_tstr(ck, tterms[j]), ck_tstr(ck, &Tp->t)));
                    return false;
                }
            }
        }
        return true;
    }
    if (Vp) {
        if (nv == 0)
            return false;
        Operand y = *x;
        for (uint32_t i = 0; i < nv; i++) {
            y.type = vterms[i];
            if (!ck_convertible_to(ck, &y, origT, cause)) {
                add_cause(ck, cause,
                          ck_sprintf(ck, "cannot convert %s (in %s) to type %s", ck_tstr(ck, vterms[i]),
                                     ck_tstr(ck, &Vp->t), ck_tstr(ck, origT)));
                return false;
            }
        }
        return true;
    }
    /* Tp only */
    if (nt == 0)
        return false;
    for (uint32_t j = 0; j < nt; j++) {
        if (!ck_convertible_to(ck, x, tterms[j], cause)) {
            add_cause(ck, cause,
                      ck_sprintf(ck, "cannot convert %s to type %s (in %s)", ck_tstr(ck, x->type),
                                 ck_tstr(ck, tterms[j]), ck_tstr(ck, &Tp->t)));
            return false;
        }
    }
    return true;
}
