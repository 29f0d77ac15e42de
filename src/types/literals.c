/*
 * Literals (types2 literals.go): basic literals (with the version checks of
 * newer number syntax), function literals (whose bodies are checked later,
 * with the environment captured), and composite literals.
 */
#include "check.h"

#include <string.h>


/* ---- basic literals ------------------------------------------------------------------------ */

/* Number syntax newer than the file's language version (types2
 * langCompat). */
static void lang_compat(Checker *ck, SynBasicLit *lit)
{
    const char *s = lit->value;
    uint32_t n = lit->len;
    if (n <= 2 || ck_allow_version(ck, 13))
        return;
    if (memchr(s, '_', n)) {
        ck_verify_version(ck, ck_at(&lit->n), 13, "underscore in numeric literal");
        return;
    }
    if (s[0] != '0')
        return;
    char radix = s[1];
    if (radix == 'b' || radix == 'B') {
        ck_verify_version(ck, ck_at(&lit->n), 13, "binary literal");
        return;
    }
    if (radix == 'o' || radix == 'O') {
        ck_verify_version(ck, ck_at(&lit->n), 13, "0o/0O-style octal literal");
        return;
    }
    if (lit->n.op != SYN_INT_LIT && (radix == 'x' || radix == 'X'))
        ck_verify_version(ck, ck_at(&lit->n), 13, "hexadecimal floating-point literal");
}

void ck_basic_lit(Checker *ck, Operand *x, SynBasicLit *e)
{
    switch (e->n.op) {
    case SYN_INT_LIT:
    case SYN_FLOAT_LIT:
    case SYN_IMAG_LIT: {
        lang_compat(ck, e);
        /* untyped numeric values have at most 512 bits of mantissa (4096
         * per part of exact fractions): much longer literals mean nothing
         * and would be slow to convert, so cap them generously */
        enum { LIMIT = 10000 };
        if (e->len > LIMIT) {
            ck_errorf(ck, ck_at(&e->n), "excessively long constant: %.10s... (%u chars)", e->value, e->len);
            x->mode = TY_MODE_INVALID;
            return;
        }
        break;
    }
    default:
        break;
    }
    ck_operand_set_const(ck, x, (SynLitKind)e->n.op, e->value, e->len);
    if (x->mode == TY_MODE_INVALID) {
        /* the parser checked the syntax: this is an under- or overflow */
        ck_errorf(ck, ck_at(&e->n), "malformed constant: %.*s", (int)e->len, e->value);
        x->mode = TY_MODE_INVALID;
        return;
    }
    /* integer values must not overflow (go.dev/issue/54280) */
    x->expr = &e->n;
    ck_overflow(ck, x, ck_at(&e->n));
}

/* ---- function literals ------------------------------------------------------------------------ */

typedef struct FuncLitBody {
    DeclInfo *decl;       /* the enclosing package-level declaration */
    bool has_iota;
    TyConst iota;         /* iota of an enclosing constant declaration (go.dev/issue/22345) */
    TySignature *sig;
    SynBlockStmt *body;
} FuncLitBody;

static void func_lit_body(Checker *ck, void *arg)
{
    FuncLitBody *b = arg;
    ck_func_body(ck, b->decl, sym_cstr(ck->syms, "<function literal>"), b->sig, b->body,
                 b->has_iota ? &b->iota : NULL);
}

void ck_func_lit(Checker *ck, Operand *x, SynFuncLit *e)
{
    TyType *t = ck_typ(ck, &e->type->n);
    if (!t || t->kind != TY_SIGNATURE) {
        ck_errorf(ck, ck_at(&e->n), "invalid syntax tree: invalid function literal %s", ck_estr(ck, &e->n));
        x->mode = TY_MODE_INVALID;
        return;
    }
    TySignature *sig = TY_AS(TySignature, t);
    /* the scope extends over the whole "func (...) {...}" */
    if (sig->scope) {
        sig->scope->pos = e->n.pos;
        sig->scope->end = syn_end_pos(&e->n);
    }
    if (!ck->conf->ignore_func_bodies && e->body) {
        /* The body is part of the enclosing declaration (its package-level
         * declaration info and iota are captured).  It is not checked right
         * away because it may refer to a type being defined; it is checked
         * as soon as possible, before the enclosing scope changes
         * (go.dev/issue/22992), by whoever processes delayed actions. */
        FuncLitBody *b = ARENA_NEW(&ck->tmp, FuncLitBody);
        b->decl = ck->e.decl;
        b->has_iota = ck->e.has_iota;
        b->iota = ck->e.iota;
        b->sig = sig;
        b->body = e->body;
        ck_later(ck, func_lit_body, b);
    }
    x->mode = TY_MODE_VALUE;
    x->type = &sig->t;
}

/* ---- composite literals ------------------------------------------------------------------------ */

/* A constant key as go/types compares them (types2 keyVal): complex
 * values that are floats become floats, floats that are integers become
 * integers, so that 1.0+0i, 1.0 and 1 are the same key.  Keys of different
 * kinds never match; neither do integers too large for (u)int64. */
enum { KV_NONE, KV_UNKNOWN, KV_BOOL, KV_STRING, KV_INT64, KV_UINT64, KV_FLOAT64, KV_COMPLEX128 };

typedef struct KeyVal {
    int kind;
    bool b;
    int64_t i;
    uint64_t u;
    double re, im;
    const char *s;
    size_t slen;
} KeyVal;

static KeyVal key_val(Checker *ck, TyConst x)
{
    Arena *a = &ck->tmp;
    KeyVal k;
    memset(&k, 0, sizeof k);
    bool exact;
    switch (ty_const_kind(x)) {
    case TY_CONST_UNKNOWN:
        k.kind = KV_UNKNOWN; /* unknown values compare equal */
        return k;
    case TY_CONST_BOOL:
        k.kind = KV_BOOL;
        k.b = ty_const_bool_val(x);
        return k;
    case TY_CONST_STRING:
        k.kind = KV_STRING;
        k.s = ty_const_string_val(a, x, &k.slen);
        return k;
    case TY_CONST_COMPLEX: {
        TyConst f = ty_const_to_float(a, x);
        if (ty_const_kind(f) != TY_CONST_FLOAT) {
            k.kind = KV_COMPLEX128;
            k.re = ty_const_float64_val(ty_const_real(x), &exact);
            k.im = ty_const_float64_val(ty_const_imag(x), &exact);
            return k;
        }
        x = f;
    }
        /* fallthrough */
    case TY_CONST_FLOAT: {
        TyConst i = ty_const_to_int(a, x);
        if (ty_const_kind(i) != TY_CONST_INT) {
            k.kind = KV_FLOAT64;
            k.re = ty_const_float64_val(x, &exact);
            return k;
        }
        x = i;
    }
        /* fallthrough */
    case TY_CONST_INT: {
        int64_t v = ty_const_int64_val(x, &exact);
        if (exact) {
            k.kind = KV_INT64;
            k.i = v;
            return k;
        }
        uint64_t u = ty_const_uint64_val(x, &exact);
        if (exact) {
            k.kind = KV_UINT64;
            k.u = u;
            return k;
        }
        k.kind = KV_NONE;
        return k;
    }
    }
    return k;
}

static uint64_t key_hash(const KeyVal *k)
{
    uint64_t h = (uint64_t)k->kind * 0x9E3779B97F4A7C15ULL;
    switch (k->kind) {
    case KV_BOOL: h ^= k->b; break;
    case KV_STRING: h ^= hash_bytes(k->s, k->slen); break;
    case KV_INT64: h ^= (uint64_t)k->i * 0xff51afd7ed558ccdULL; break;
    case KV_UINT64: h ^= k->u * 0xff51afd7ed558ccdULL; break;
    case KV_FLOAT64:
    case KV_COMPLEX128: {
        /* +0 and -0 are the same key */
        double re = k->re == 0 ? 0 : k->re, im = k->im == 0 ? 0 : k->im;
        uint64_t a, b;
        memcpy(&a, &re, sizeof a);
        memcpy(&b, &im, sizeof b);
        h ^= a * 0xff51afd7ed558ccdULL ^ b * 0xc4ceb9fe1a85ec53ULL;
        break;
    }
    default: break;
    }
    return h ? h : 1;
}

static bool key_equal(const KeyVal *a, const KeyVal *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case KV_UNKNOWN: return true;
    case KV_BOOL: return a->b == b->b;
    case KV_STRING: return a->slen == b->slen && memcmp(a->s, b->s, a->slen) == 0;
    case KV_INT64: return a->i == b->i;
    case KV_UINT64: return a->u == b->u;
    case KV_FLOAT64: return a->re == b->re;
    case KV_COMPLEX128: return a->re == b->re && a->im == b->im;
    default: return false;
    }
}

/* A seen key with the types it was seen with (for interface key types). */
typedef struct SeenKey {
    KeyVal k;
    PtrVec types;
    struct SeenKey *next;   /* same hash */
} SeenKey;

/* Elements of array and slice literals: indices (explicit or implicit)
 * must be valid and distinct; returns the literal's length (types2
 * indexedElts). */
static int64_t indexed_elts(Checker *ck, SynList elts, TyType *typ, int64_t length)
{
    PtrMap visited = {0};
    int64_t index = 0, max = 0;
    for (uint32_t k = 0; k < elts.len; k++) {
        SynNode *e = elts.items[k];
        bool valid_index = false;
        SynNode *eval = e;
        if (e->kind == SYN_KEY_VALUE_EXPR) {
            SynKeyValueExpr *kv = (SynKeyValueExpr *)e;
            int64_t i;
            TyType *t = ck_index(ck, kv->key, length, &i);
            if (ty_is_valid(t)) {
                if (i >= 0) {
                    index = i;
                    valid_index = true;
                } else {
                    ck_errorf(ck, ck_at(e), "index %s must be integer constant", ck_estr(ck, kv->key));
                }
            }
            eval = kv->value;
        } else if (length >= 0 && index >= length) {
            ck_errorf(ck, ck_at(e), "index %lld is out of bounds (>= %lld)", (long long)index, (long long)length);
        } else {
            valid_index = true;
        }

        if (valid_index) {
            void **slot = ptrmap_slot(&visited, (uint64_t)index + 1);
            if (*slot)
                ck_errorf(ck, ck_at(e), "duplicate index %lld in array or slice literal", (long long)index);
            *slot = (void *)1;
        }
        index++;
        if (index > max)
            max = index;

        Operand x;
        memset(&x, 0, sizeof x);
        ck_expr_with_hint(ck, &x, eval, typ);
        ck_assignment(ck, &x, typ, "array or slice literal");
    }
    ptrmap_free(&visited);
    return max;
}

static void struct_lit(Checker *ck, Operand *x, SynCompositeLit *e, TyStruct *utyp, TyType *base)
{
    if (e->elems.len == 0)
        return;
    /* the struct type is mentioned in messages only where it helps */
    TyObject **fields = utyp->fields;
    uint32_t nfields = utyp->nfields;
    if (e->elems.items[0]->kind == SYN_KEY_VALUE_EXPR) {
        /* all elements must have keys */
        bool *visited = ARENA_ARRAY(&ck->tmp, bool, nfields + 1);
        for (uint32_t k = 0; k < e->elems.len; k++) {
            SynNode *el = e->elems.items[k];
            if (el->kind != SYN_KEY_VALUE_EXPR) {
                ck_error(ck, ck_at(el), "mixture of field:value and value elements in struct literal");
                continue;
            }
            SynKeyValueExpr *kv = (SynKeyValueExpr *)el;
            /* check the value first, so that nothing is dropped on errors */
            ck_expr(ck, NULL, x, kv->value);
            if (kv->key->kind != SYN_NAME) {
                ck_errorf(ck, ck_at(el), "invalid field name %s in struct literal", ck_estr(ck, kv->key));
                continue;
            }
            SynName *key = (SynName *)kv->key;
            int i = ty_field_index(fields, nfields, ck->pkg, key->value, false);
            if (i < 0) {
                TyObject *alt = NULL;
                int j = ty_field_index(fields, nfields, ck->pkg, key->value, true);
                if (j >= 0)
                    alt = fields[j];
                ck_error(ck, ck_at(kv->key), ck_lookup_error(ck, base, key->value, alt, true));
                continue;
            }
            TyObject *fld = fields[i];
            ck_record_use(ck, key, fld);
            ck_assignment(ck, x, fld->type, "struct literal");
            if (visited[i]) {
                ck_errorf(ck, ck_at(el), "duplicate field name %s in struct literal", key->value->name);
                continue;
            }
            visited[i] = true;
        }
        return;
    }
    /* no element may have a key */
    for (uint32_t i = 0; i < e->elems.len; i++) {
        SynNode *el = e->elems.items[i];
        if (el->kind == SYN_KEY_VALUE_EXPR) {
            ck_error(ck, ck_at(el), "mixture of field:value and value elements in struct literal");
            continue;
        }
        ck_expr(ck, NULL, x, el);
        if (i >= nfields) {
            ck_errorf(ck, ck_operand_pos(x), "too many values in struct literal of type %s", ck_tstr(ck, base));
            break; /* cannot continue */
        }
        TyObject *fld = fields[i];
        if (!ty_obj_exported(fld) && fld->pkg != ck->pkg) {
            ck_errorf(ck, ck_operand_pos(x), "implicit assignment to unexported field %s in struct literal of type %s",
                      fld->name->name, ck_tstr(ck, base));
            continue;
        }
        ck_assignment(ck, x, fld->type, "struct literal");
    }
    if (e->elems.len < nfields)
        ck_errorf(ck, e->rbrace, "too few values in struct literal of type %s", ck_tstr(ck, base));
}

static void map_lit(Checker *ck, Operand *x, SynCompositeLit *e, TyMap *utyp)
{
    /* with an interface key type (not a type parameter) a constant key's
     * type counts for duplicates */
    bool key_is_interface = ty_is_interface(utyp->key);
    PtrMap visited = {0};
    for (uint32_t k = 0; k < e->elems.len; k++) {
        SynNode *el = e->elems.items[k];
        if (el->kind != SYN_KEY_VALUE_EXPR) {
            ck_error(ck, ck_at(el), "missing key in map literal");
            continue;
        }
        SynKeyValueExpr *kv = (SynKeyValueExpr *)el;
        ck_expr_with_hint(ck, x, kv->key, utyp->key);
        ck_assignment(ck, x, utyp->key, "map literal");
        if (x->mode == TY_MODE_INVALID)
            continue;
        if (x->mode == TY_MODE_CONSTANT) {
            KeyVal kval = key_val(ck, x->val);
            bool duplicate = false;
            if (kval.kind != KV_NONE) {
                void **slot = ptrmap_slot(&visited, key_hash(&kval));
                SeenKey *sk = *slot;
                while (sk && !key_equal(&sk->k, &kval))
                    sk = sk->next;
                if (!sk) {
                    sk = ARENA_NEW(&ck->tmp, SeenKey);
                    sk->k = kval;
                    sk->next = *slot;
                    *slot = sk;
                } else if (!key_is_interface) {
                    duplicate = true;
                }
                if (key_is_interface) {
                    for (uint32_t i = 0; i < sk->types.len && !duplicate; i++)
                        if (ty_identical(sk->types.data[i], x->type))
                            duplicate = true;
                    ptrvec_push(&sk->types, x->type);
                }
            }
            if (duplicate) {
                ck_errorf(ck, ck_operand_pos(x), "duplicate key %s in map literal", ty_const_str(&ck->tmp, x->val));
                continue;
            }
        }
        ck_expr_with_hint(ck, x, kv->value, utyp->elem);
        ck_assignment(ck, x, utyp->elem, "map literal");
    }
    for (uint32_t i = 0; i < visited.cap; i++)
        for (SeenKey *sk = visited.keys[i] ? visited.vals[i] : NULL; sk; sk = sk->next)
            ptrvec_free(&sk->types);
    ptrmap_free(&visited);
}

void ck_composite_lit(Checker *ck, Operand *x, SynCompositeLit *e, TyType *hint)
{
    TyEnv *env = ck->env;
    TyType *typ, *base;
    bool is_elem = false; /* an element of an enclosing composite literal */

    if (e->type) {
        /* [...]T array types occur only in composite literals: the length
         * is set once the elements are known */
        if (e->type->kind == SYN_ARRAY_TYPE && !((SynArrayType *)e->type)->len) {
            typ = ty_new_array(env, ck_var_type(ck, ((SynArrayType *)e->type)->elem), -1);
            base = typ;
        } else {
            typ = ck_typ(ck, e->type);
            base = typ;
        }
    } else if (hint) {
        /* the element type of the enclosing literal; *T means &T{} */
        typ = hint;
        base = typ;
        TyType *u = ck_common_under(ck, base, NULL, NULL, NULL);
        TyType *b = u ? ty_unalias(u) : NULL;
        if (b && b->kind == TY_POINTER)
            base = TY_AS(TyPointer, b)->base;
        is_elem = true;
    } else {
        ck_error(ck, ck_at(&e->n), "missing type in composite literal");
        /* go on with an invalid type, so that the elements are "used"
         * (go.dev/issue/69092) */
        typ = ty_typ(env, TY_INVALID);
        base = typ;
    }

    TyType *utyp = ck_common_under(ck, base, NULL, NULL, NULL);
    switch (utyp ? utyp->kind : 0) {
    case TY_STRUCT:
        struct_lit(ck, x, e, TY_AS(TyStruct, utyp), base);
        break;
    case TY_ARRAY: {
        TyArray *at_ = TY_AS(TyArray, utyp);
        int64_t n = indexed_elts(ck, e->elems, at_->elem, at_->len);
        /* [...]T (or [n]T with an invalid n, where the literal's length is
         * a fair guess, go.dev/issue/27346): the length is known now; the
         * type of [...]T is recorded here since ck_typ did not see it */
        if (at_->len < 0) {
            at_->len = n;
            if (e->type)
                ck_record_type_and_value(ck, e->type, TY_MODE_TYPEXPR, utyp, NULL);
        }
        break;
    }
    case TY_SLICE:
        indexed_elts(ck, e->elems, TY_AS(TySlice, utyp)->elem, -1);
        break;
    case TY_MAP:
        map_lit(ck, x, e, TY_AS(TyMap, utyp));
        break;
    default:
        /* use the elements; keys can't be (they may be field names) */
        for (uint32_t i = 0; i < e->elems.len; i++) {
            SynNode *el = e->elems.items[i];
            if (el->kind == SYN_KEY_VALUE_EXPR)
                el = ((SynKeyValueExpr *)el)->value;
            ck_use(ck, &el, 1);
        }
        /* an invalid type was reported before */
        if (!utyp || ty_is_valid(utyp)) {
            ck_errorf(ck, ck_at(&e->n), "invalid composite literal%s type %s%s", is_elem ? " element" : "",
                      ck_tstr(ck, typ), utyp ? "" : " (no common underlying type)");
            x->mode = TY_MODE_INVALID;
            return;
        }
        break;
    }
    x->mode = TY_MODE_VALUE;
    x->type = typ;
}
