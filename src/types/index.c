/*
 * Index and slice expressions (types2 index.go): indexing of arrays,
 * pointers to arrays, slices, strings and maps (and of type parameters
 * whose type sets allow it), the dispatch of f[T] to function
 * instantiation, slicing, and the checks of constant indices.
 */
#include "check.h"

#include <string.h>


/* Indexing a type parameter: all types in its type set must allow it,
 * with identical element (and map key) types. */
typedef struct TParamIndex {
    Checker *ck;
    Operand *x;
    TyType *key, *elem;   /* key != NULL: all maps */
    int64_t length;       /* minimal array length, if any */
    uint8_t mode;         /* result mode for non-maps */
} TParamIndex;

static bool tparam_index_step(void *ud, TyType *t, TyType *u)
{
    (void)t;
    TParamIndex *c = ud;
    TyEnv *env = c->ck->env;
    int64_t l = -1;
    TyType *k = NULL, *e = NULL;
    if (u) {
        switch (u->kind) {
        case TY_BASIC:
            if (ty_is_string(u)) {
                e = &env->basic[TY_BYTE]->t;
                c->mode = TY_MODE_VALUE;
            }
            break;
        case TY_ARRAY:
            l = TY_AS(TyArray, u)->len;
            e = TY_AS(TyArray, u)->elem;
            if (c->x->mode != TY_MODE_VARIABLE)
                c->mode = TY_MODE_VALUE;
            break;
        case TY_POINTER: {
            TyType *b = ty_under(TY_AS(TyPointer, u)->base);
            if (b && b->kind == TY_ARRAY) {
                l = TY_AS(TyArray, b)->len;
                e = TY_AS(TyArray, b)->elem;
            }
            break;
        }
        case TY_SLICE:
            e = TY_AS(TySlice, u)->elem;
            break;
        case TY_MAP:
            k = TY_AS(TyMap, u)->key;
            e = TY_AS(TyMap, u)->elem;
            break;
        default:
            break;
        }
    }
    if (!e)
        return false;
    if (!c->elem) {
        /* the first type */
        c->length = l;
        c->key = k;
        c->elem = e;
        return true;
    }
    /* maps cannot be mixed with other types, and all map keys and element
     * types must be identical */
    if (!ty_identical(c->key, k) || !ty_identical(c->elem, e))
        return false;
    if (l >= 0 && l < c->length)
        c->length = l;
    return true;
}

/* The map index: key assignable to the key type; the result is a map
 * index expression (usable as a variable or in comma-ok form). */
static bool map_index(Checker *ck, Operand *x, SynIndexExpr *e, TyType *key, TyType *elem)
{
    SynNode *index = ck_single_index(ck, e);
    if (!index) {
        x->mode = TY_MODE_INVALID;
        return false;
    }
    Operand k;
    memset(&k, 0, sizeof k);
    ck_expr(ck, NULL, &k, index);
    ck_assignment(ck, &k, key, "map index");
    /* the element type is known even if the key is wrong */
    x->mode = TY_MODE_MAPINDEX;
    x->type = elem;
    x->expr = &e->n;
    return false;
}

bool ck_index_expr(Checker *ck, Operand *x, SynIndexExpr *e)
{
    TyEnv *env = ck->env;
    ck_expr_or_type(ck, x, e->x, true);
    /* x may be generic */

    switch (x->mode) {
    case TY_MODE_INVALID:
        ck_use(ck, &e->index, 1);
        return false;
    case TY_MODE_TYPEXPR:
        /* a type instantiation (e->x is evaluated again) */
        x->mode = TY_MODE_INVALID;
        x->type = ck_var_type(ck, &e->n);
        if (ty_is_valid(x->type))
            x->mode = TY_MODE_TYPEXPR;
        return false;
    case TY_MODE_VALUE: {
        TySignature *sig = ty_as_signature(x->type);
        if (sig && sig->tparams.len > 0)
            return true; /* function instantiation, done by the caller */
        break;
    }
    default:
        break;
    }

    /* x should not be generic here, but be safe */
    ck_non_generic(ck, NULL, x);
    if (x->mode == TY_MODE_INVALID)
        return false;

    bool valid = false;
    int64_t length = -1; /* valid if >= 0 */
    TyType *u = ty_under(x->type);
    switch (u ? u->kind : 0) {
    case TY_BASIC:
        if (ty_is_string(u)) {
            valid = true;
            if (x->mode == TY_MODE_CONSTANT)
                length = (int64_t)ty_const_string_len(x->val);
            /* indexing a string yields a byte value (never a constant,
             * even for constant strings and indices) */
            x->mode = TY_MODE_VALUE;
            x->type = &env->basic[TY_BYTE]->t;
        }
        break;
    case TY_ARRAY:
        valid = true;
        length = TY_AS(TyArray, u)->len;
        if (x->mode != TY_MODE_VARIABLE)
            x->mode = TY_MODE_VALUE;
        x->type = TY_AS(TyArray, u)->elem;
        break;
    case TY_POINTER: {
        TyType *b = ty_under(TY_AS(TyPointer, u)->base);
        if (b && b->kind == TY_ARRAY) {
            valid = true;
            length = TY_AS(TyArray, b)->len;
            x->mode = TY_MODE_VARIABLE;
            x->type = TY_AS(TyArray, b)->elem;
        }
        break;
    }
    case TY_SLICE:
        valid = true;
        x->mode = TY_MODE_VARIABLE;
        x->type = TY_AS(TySlice, u)->elem;
        break;
    case TY_MAP:
        return map_index(ck, x, e, TY_AS(TyMap, u)->key, TY_AS(TyMap, u)->elem);
    case TY_INTERFACE: {
        if (!ty_is_typeparam(x->type))
            break;
        TParamIndex c = {ck, x, NULL, NULL, -1, TY_MODE_VARIABLE};
        if (ck_typeset_all(ck, x->type, tparam_index_step, &c)) {
            if (c.key)
                return map_index(ck, x, e, c.key, c.elem);
            valid = true;
            length = c.length;
            x->mode = c.mode;
            x->type = c.elem;
        }
        break;
    }
    default:
        break;
    }

    if (!valid) {
        ck_errorf(ck, e->n.pos, "cannot index %s", ck_ostr(ck, x));
        ck_use(ck, &e->index, 1);
        x->mode = TY_MODE_INVALID;
        return false;
    }

    SynNode *index = ck_single_index(ck, e);
    if (!index) {
        x->mode = TY_MODE_INVALID;
        return false;
    }
    /* the element type may be accessed before it is set in invalid cases
     * (type T1 [][[]T1{}[0][0]]T0) */
    if (!x->type)
        x->type = ty_typ(env, TY_INVALID);

    int64_t v;
    ck_index(ck, index, length, &v);
    return false;
}

/* ---- slices -------------------------------------------------------------------------------- */

typedef struct SliceCtx {
    Checker *ck;
    Operand *x;
    TyType *ct, *cu;    /* first type and the common underlying type */
    bool has_string;
} SliceCtx;

static bool slice_step(void *ud, TyType *t, TyType *u)
{
    SliceCtx *c = ud;
    Checker *ck = c->ck;
    if (!u) {
        ck_errorf(ck, ck_operand_pos(c->x), "cannot slice %s: no specific type in %s", ck_ostr(ck, c->x),
                  ck_tstr(ck, c->x->type));
        c->cu = NULL;
        return false;
    }
    /* strings are like byte slices, but remember that we saw one */
    if (ty_is_string(u)) {
        u = ty_new_slice(ck->env, &ck->env->basic[TY_BYTE]->t);
        c->has_string = true;
    }
    if (!c->cu) {
        c->ct = t;
        c->cu = u;
        return true;
    }
    if (!ty_identical(c->cu, u)) {
        ck_errorf(ck, ck_operand_pos(c->x), "cannot slice %s: %s and %s have different underlying types",
                  ck_ostr(ck, c->x), ck_tstr(ck, c->ct), ck_tstr(ck, t));
        c->cu = NULL;
        return false;
    }
    return true;
}

void ck_slice_expr(Checker *ck, Operand *x, SynSliceExpr *e)
{
    TyEnv *env = ck->env;
    bool full = (e->n.flags & SYN_F_FULL) != 0;
    ck_expr(ck, NULL, x, e->x);
    if (x->mode == TY_MODE_INVALID) {
        ck_use(ck, e->index, 3);
        return;
    }

    /* the common underlying type */
    SliceCtx c = {ck, x, NULL, NULL, false};
    ck_typeset_all(ck, x->type, slice_step, &c);
    TyType *cu = c.cu;
    if (c.has_string) {
        /* proceed as a string, but an untyped string stays untyped */
        cu = ty_typ(env, TY_STRING);
        if (!ty_is_typeparam(x->type))
            cu = ty_under(x->type);
    }

    bool valid = false;
    int64_t length = -1; /* valid if >= 0 */
    if (!cu) {
        /* reported above */
        x->mode = TY_MODE_INVALID;
        return;
    }
    switch (cu->kind) {
    case TY_BASIC:
        if (ty_is_string(cu)) {
            if (full) {
                SynNode *p = e->index[2] ? e->index[2] : &e->n;
                ck_error(ck, ck_at(p), "invalid operation: 3-index slice of string");
                x->mode = TY_MODE_INVALID;
                return;
            }
            valid = true;
            if (x->mode == TY_MODE_CONSTANT)
                length = (int64_t)ty_const_string_len(x->val);
            /* slicing an untyped string gives a non-constant string */
            if (ty_is_untyped(x->type))
                x->type = ty_typ(env, TY_STRING);
        }
        break;
    case TY_ARRAY:
        valid = true;
        length = TY_AS(TyArray, cu)->len;
        if (x->mode != TY_MODE_VARIABLE) {
            ck_errorf(ck, ck_operand_pos(x), "cannot slice unaddressable value %s", ck_ostr(ck, x));
            x->mode = TY_MODE_INVALID;
            return;
        }
        x->type = ty_new_slice(env, TY_AS(TyArray, cu)->elem);
        break;
    case TY_POINTER: {
        TyType *b = ty_under(TY_AS(TyPointer, cu)->base);
        if (b && b->kind == TY_ARRAY) {
            valid = true;
            length = TY_AS(TyArray, b)->len;
            x->type = ty_new_slice(env, TY_AS(TyArray, b)->elem);
        }
        break;
    }
    case TY_SLICE:
        valid = true; /* the type stays */
        break;
    default:
        break;
    }

    if (!valid) {
        ck_errorf(ck, ck_operand_pos(x), "cannot slice %s", ck_ostr(ck, x));
        x->mode = TY_MODE_INVALID;
        return;
    }
    x->mode = TY_MODE_VALUE;

    /* only the first index may be omitted (default 0) */
    if (full && (!e->index[1] || !e->index[2])) {
        ck_error(ck, ck_at(&e->n), "invalid syntax tree: 2nd and 3rd index required in 3-index slice");
        x->mode = TY_MODE_INVALID;
        return;
    }

    /* the indices; the capacity is known statically only for strings,
     * arrays and pointers to arrays, where it equals the length */
    int64_t ind[3];
    for (int i = 0; i < 3; i++) {
        int64_t v = -1;
        if (e->index[i]) {
            int64_t max = length >= 0 ? length + 1 : -1;
            int64_t iv;
            ck_index(ck, e->index[i], max, &iv);
            if (iv >= 0)
                v = iv;
        } else if (i == 0) {
            v = 0;
        } else if (length >= 0) {
            v = length;
        }
        ind[i] = v;
    }

    /* constant indices must be in range (ck_index checked that they are
     * non-negative); one error is enough */
    for (int i = 0; i < 2; i++) {
        if (ind[i] <= 0)
            continue;
        for (int j = i + 1; j < 3; j++) {
            if (ind[j] >= 0 && ind[j] < ind[i]) {
                ck_errorf(ck, ck_at(e->index[j] ? e->index[j] : &e->n), "invalid slice indices: %lld < %lld",
                          (long long)ind[j], (long long)ind[i]);
                return;
            }
        }
    }
}

/* ---- indices -------------------------------------------------------------------------------- */

SynNode *ck_single_index(Checker *ck, SynIndexExpr *e)
{
    SynNode *index = e->index;
    if (!index) {
        ck_errorf(ck, ck_at(&e->n), "invalid syntax tree: missing index for %s", ck_estr(ck, e->x));
        return NULL;
    }
    if (index->kind == SYN_LIST_EXPR) {
        SynListExpr *l = (SynListExpr *)index;
        if (l->elems.len <= 1) {
            ck_errorf(ck, ck_at(&e->n), "invalid syntax tree: invalid use of ListExpr for index expression %s with %u indices",
                      ck_estr(ck, &e->n), l->elems.len);
            return NULL;
        }
        ck_error(ck, ck_at(l->elems.items[1]), "invalid operation: more than one index");
        index = l->elems.items[0]; /* continue with the first index */
    }
    return index;
}

TyType *ck_index(Checker *ck, SynNode *index, int64_t max, int64_t *val)
{
    TyType *invalid = ty_typ(ck->env, TY_INVALID);
    *val = -1;

    Operand x;
    memset(&x, 0, sizeof x);
    ck_expr(ck, NULL, &x, index);
    if (!ck_is_valid_index(ck, &x, "index", false))
        return invalid;
    if (x.mode != TY_MODE_CONSTANT)
        return x.type;
    if (ty_const_is_unknown(x.val))
        return invalid;

    bool exact;
    int64_t v = ty_const_int64_val(x.val, &exact);
    if (max >= 0 && v >= max) {
        ck_errorf(ck, ck_operand_pos(&x), "invalid argument: index %s out of bounds [0:%lld]",
                  ty_const_str(&ck->tmp, x.val), (long long)max);
        return invalid;
    }
    /* 0 <= v [ && v < max ] */
    *val = v;
    return x.type;
}

bool ck_is_valid_index(Checker *ck, Operand *x, const char *what, bool allow_negative)
{
    if (x->mode == TY_MODE_INVALID)
        return false;
    /* an untyped constant index is given type int */
    ck_convert_untyped(ck, x, ty_typ(ck->env, TY_INT));
    if (x->mode == TY_MODE_INVALID)
        return false;
    if (!ty_all_basic_info(x->type, TY_IS_INTEGER)) {
        ck_errorf(ck, ck_operand_pos(x), "invalid argument: %s %s must be integer", what, ck_ostr(ck, x));
        return false;
    }
    if (x->mode == TY_MODE_CONSTANT) {
        /* non-negative and representable by an int */
        if (!allow_negative && ty_const_sign(x->val) < 0) {
            ck_errorf(ck, ck_operand_pos(x), "invalid argument: %s %s must not be negative", what, ck_ostr(ck, x));
            return false;
        }
        if (!ck_representable_const(ck, x->val, ty_basic(ck->env, TY_INT), &x->val)) {
            ck_errorf(ck, ck_operand_pos(x), "invalid argument: %s %s overflows int", what, ck_ostr(ck, x));
            return false;
        }
    }
    return true;
}
