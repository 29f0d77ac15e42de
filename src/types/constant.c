/* Go constant values (go/constant semantics): construction, literals,
 * accessors, conversions, operations, printing and representability.
 * The number crunching lives in bigint.c and bigfloat.c. */
#include "const_impl.h"

#include <math.h>
#include <stdlib.h>


static const TyBigFloat float_zero = {0, 0, BF_ZERO, false};
static const TyConstStr str_empty = {0, "", NULL, NULL};

/* ---- stored values and views --------------------------------------------- */


static TyConst store_big(Arena *a, const uint64_t *d, size_t n, bool neg)
{
    TyBigInt *b = arena_alloc(a, sizeof *b + n * sizeof(uint64_t));
    b->n = (uint32_t)n;
    b->neg = neg;
    wcopy(b->d, d, n);
    TyConst c = mkc(TY_REP_BIGINT);
    c.u.big = b;
    return c;
}

/* go/constant's makeInt */
TyConst ty_cv_make_int(Arena *a, BI x)
{
    int64_t v;
    if (ty_bi_to_i64(x, &v))
        return ty_const_int64(v);
    return store_big(a, x.d, x.n, x.neg);
}

/* an exact integer given as sign and 128-bit magnitude */
static TyConst make_int128(Arena *a, bool neg, u128 m)
{
    uint64_t d[2] = {(uint64_t)m, (uint64_t)(m >> 64)};
    BI x = {d, (uint32_t)ty_nat_norm(d, 2), neg};
    if (!x.n)
        x.neg = false;
    return ty_cv_make_int(a, x);
}

TyConst ty_cv_store_rat(Arena *a, BR x)
{
    size_t nn = x.num.n, dn = x.den.n;
    TyRat *r = arena_alloc(a, sizeof *r + (nn + dn) * sizeof(uint64_t));
    r->nn = (uint32_t)nn;
    r->dn = (uint32_t)dn;
    r->neg = x.num.neg;
    wcopy(r->d, x.num.d, nn);
    wcopy(r->d + nn, x.den.d, dn);
    TyConst c = mkc(TY_REP_RAT);
    c.u.rat = r;
    return c;
}

/* go/constant's makeFloat */
TyConst ty_cv_make_float(Arena *a, BF x)
{
    TyConst c = mkc(TY_REP_FLOAT);
    if (x.form == BF_ZERO) {
        c.u.flt = &float_zero;
        return c;
    }
    if (x.form == BF_INF)
        return ty_const_unknown();
    /* drop trailing zero words */
    while (x.n && !x.m[0]) {
        x.m++;
        x.n--;
    }
    TyBigFloat *f = arena_alloc(a, sizeof *f + x.n * sizeof(uint64_t));
    f->exp = (int32_t)x.exp;
    f->n = x.n;
    f->form = BF_FINITE;
    f->neg = x.neg;
    wcopy(f->m, x.m, x.n);
    c.u.flt = f;
    return c;
}

static inline bool small_int(BI x) { return ty_nat_bitlen(x.d, x.n) < MAX_EXP; }

/* go/constant's makeRat */
static TyConst make_rat(Arena *a, Scr *s, BR x)
{
    if (small_int(x.num) && small_int(x.den))
        return ty_cv_store_rat(a, x);
    return ty_cv_make_float(a, ty_bf_from_br(s, x, TY_CONST_PREC));
}

/* go/constant's smallFloat */
bool ty_cv_small_float(BF x)
{
    if (x.form == BF_INF)
        return false;
    int64_t e = x.form == BF_FINITE ? x.exp : 0;
    return -MAX_EXP < e && e < MAX_EXP;
}

TyConst ty_cv_make_complex(Arena *a, TyConst re, TyConst im)
{
    if (re.rep == TY_REP_UNKNOWN || im.rep == TY_REP_UNKNOWN)
        return ty_const_unknown();
    TyConstComplex *cx = ARENA_NEW(a, TyConstComplex);
    cx->re = re;
    cx->im = im;
    TyConst c = mkc(TY_REP_COMPLEX);
    c.u.cx = cx;
    return c;
}

static inline bool is_numeric(TyConst x) { return x.rep >= TY_REP_INT64 && x.rep <= TY_REP_COMPLEX; }
static inline bool is_real(TyConst x) { return x.rep >= TY_REP_INT64 && x.rep <= TY_REP_FLOAT; }

/* Views of a real value in a representation at least as general as its
 * own (go/constant's i64toi, i64tor, itor, i64tof, itof, rtof). */
static BI int_view(Scr *s, TyConst x)
{
    if (x.rep == TY_REP_INT64)
        return ty_bi_from_i64(s, x.u.i64);
    return view_big(x.u.big);
}

static BR rat_view(Scr *s, TyConst x)
{
    if (x.rep == TY_REP_RAT)
        return view_rat(x.u.rat);
    return ty_br_from_bi(s, int_view(s, x));
}

static BF float_view(Scr *s, TyConst x)
{
    switch (x.rep) {
    case TY_REP_INT64:
    case TY_REP_BIGINT:
        return ty_bf_from_bi(s, int_view(s, x), TY_CONST_PREC);
    case TY_REP_RAT:
        return ty_bf_from_br(s, view_rat(x.u.rat), TY_CONST_PREC);
    default:
        return view_float(x.u.flt);
    }
}

/* ---- construction ------------------------------------------------------------ */

TyConst ty_const_uint64(Arena *a, uint64_t x)
{
    if (x < (uint64_t)1 << 63)
        return ty_const_int64((int64_t)x);
    return store_big(a, &x, 1, false);
}

TyConst ty_const_float64(Arena *a, double x)
{
    if (isinf(x) || isnan(x))
        return ty_const_unknown();
    /* every finite float64 is a "small" float: always a rational */
    Scr s;
    ty_scr_init(&s);
    TyConst c = ty_cv_store_rat(a, ty_br_from_f64(&s, x + 0.0));
    ty_scr_free(&s);
    return c;
}

TyConst ty_const_string(Arena *a, const char *str, size_t n)
{
    TyConst c = mkc(TY_REP_STRING);
    if (n == 0) {
        c.u.str = &str_empty;
        return c;
    }
    TyConstStr *t = ARENA_NEW(a, TyConstStr);
    t->len = n;
    t->p = arena_strndup(a, str, n);
    c.u.str = t;
    return c;
}

TyConst ty_const_from_bytes(Arena *a, const uint8_t *bytes, size_t n)
{
    size_t nw = (n + 7) / 8;
    uint64_t *d = xcalloc(nw ? nw : 1, sizeof *d);
    for (size_t i = 0; i < n; i++)
        d[i / 8] |= (uint64_t)bytes[i] << (8 * (i % 8));
    BI x = {d, (uint32_t)ty_nat_norm(d, nw), false};
    TyConst c = ty_cv_make_int(a, x);
    free(d);
    return c;
}

TyConst ty_const_make_imag(Arena *a, TyConst x)
{
    if (x.rep == TY_REP_UNKNOWN)
        return x;
    if (!is_real(x))
        return ty_const_unknown();
    return ty_cv_make_complex(a, ty_const_int64(0), x);
}

TyConst ty_const_make_complex(Arena *a, TyConst re, TyConst im)
{
    if ((re.rep != TY_REP_UNKNOWN && !is_real(re)) || (im.rep != TY_REP_UNKNOWN && !is_real(im)))
        return ty_const_unknown();
    return ty_cv_make_complex(a, re, im);
}

/* ---- strings ------------------------------------------------------------------ */

/* Writes the bytes of a (possibly concatenated) string into dst. */
void ty_cv_str_write(const TyConstStr *t, char *dst)
{
    const TyConstStr *stk0[64];
    const TyConstStr **stk = stk0;
    size_t sp = 0, cap = 64, off = 0;
    stk[sp++] = t;
    while (sp) {
        const TyConstStr *x = stk[--sp];
        if (x->p) {
            memcpy(dst + off, x->p, x->len);
            off += x->len;
            continue;
        }
        if (sp + 2 > cap) {
            cap *= 2;
            if (stk == stk0) {
                stk = xmalloc(cap * sizeof *stk);
                memcpy(stk, stk0, sizeof stk0);
            } else {
                stk = xrealloc(stk, cap * sizeof *stk);
            }
        }
        stk[sp++] = x->r;
        stk[sp++] = x->l;
    }
    if (stk != stk0)
        free(stk);
}

/* Bytes of a string value: a pointer into the value, or a heap copy that
 * *tofree receives. */
const char *ty_cv_str_bytes(const TyConstStr *t, char **tofree)
{
    *tofree = NULL;
    if (t->p)
        return t->p;
    char *buf = xmalloc(t->len + 1);
    ty_cv_str_write(t, buf);
    buf[t->len] = 0;
    *tofree = buf;
    return buf;
}

const char *ty_const_string_val(Arena *a, TyConst x, size_t *len)
{
    if (x.rep != TY_REP_STRING) {
        if (len)
            *len = 0;
        return "";
    }
    const TyConstStr *t = x.u.str;
    if (len)
        *len = t->len;
    if (t->p)
        return t->p;
    char *buf = arena_alloc(a, t->len + 1);
    ty_cv_str_write(t, buf);
    buf[t->len] = 0;
    return buf;
}

size_t ty_const_string_len(TyConst x) { return x.rep == TY_REP_STRING ? x.u.str->len : 0; }

#define STR_EAGER 256 /* concatenations up to this size are copied at once */

static TyConst str_concat(Arena *a, const TyConstStr *x, const TyConstStr *y)
{
    TyConst c = mkc(TY_REP_STRING);
    if (!y->len) {
        c.u.str = x;
        return c;
    }
    if (!x->len) {
        c.u.str = y;
        return c;
    }
    TyConstStr *t = ARENA_NEW(a, TyConstStr);
    t->len = x->len + y->len;
    if (t->len <= STR_EAGER) {
        char *p = arena_alloc(a, t->len + 1);
        ty_cv_str_write(x, p);
        ty_cv_str_write(y, p + x->len);
        p[t->len] = 0;
        t->p = p;
    } else {
        t->l = x;
        t->r = y;
    }
    c.u.str = t;
    return c;
}

static int str_cmp(const TyConstStr *x, const TyConstStr *y)
{
    char *fx, *fy;
    const char *px = ty_cv_str_bytes(x, &fx), *py = ty_cv_str_bytes(y, &fy);
    size_t m = x->len < y->len ? x->len : y->len;
    int c = m ? memcmp(px, py, m) : 0;
    if (c == 0)
        c = x->len < y->len ? -1 : x->len > y->len ? 1 : 0;
    free(fx);
    free(fy);
    return c < 0 ? -1 : c > 0;
}

/* ---- accessors ---------------------------------------------------------------- */

int64_t ty_const_int64_val(TyConst x, bool *exact)
{
    bool ex = false;
    int64_t v = 0;
    if (x.rep == TY_REP_INT64) {
        v = x.u.i64;
        ex = true;
    } else if (x.rep == TY_REP_BIGINT) {
        uint64_t lo = x.u.big->n ? x.u.big->d[0] : 0;
        v = (int64_t)(x.u.big->neg ? 0 - lo : lo);
    }
    if (exact)
        *exact = ex;
    return v;
}

uint64_t ty_const_uint64_val(TyConst x, bool *exact)
{
    bool ex = false;
    uint64_t v = 0;
    if (x.rep == TY_REP_INT64) {
        v = (uint64_t)x.u.i64;
        ex = x.u.i64 >= 0;
    } else if (x.rep == TY_REP_BIGINT) {
        v = x.u.big->n ? x.u.big->d[0] : 0;
        ex = !x.u.big->neg && x.u.big->n <= 1;
    }
    if (exact)
        *exact = ex;
    return v;
}

float ty_const_float32_val(TyConst x, bool *exact)
{
    bool ex = false;
    float f = 0;
    Scr s;
    ty_scr_init(&s);
    int acc;
    switch (x.rep) {
    case TY_REP_INT64:
        f = (float)x.u.i64;
        /* int64(f) == x; out-of-range conversions give MinInt64 on amd64 */
        ex = f < 9223372036854775808.0f && (int64_t)f == x.u.i64;
        break;
    case TY_REP_BIGINT:
        f = ty_bf_to_f32(ty_bf_from_bi(&s, view_big(x.u.big), TY_CONST_PREC), &acc);
        ex = acc == 0;
        break;
    case TY_REP_RAT:
        f = ty_br_to_f32(&s, view_rat(x.u.rat), &ex);
        break;
    case TY_REP_FLOAT:
        f = ty_bf_to_f32(view_float(x.u.flt), &acc);
        ex = acc == 0;
        break;
    default:
        break;
    }
    ty_scr_free(&s);
    if (exact)
        *exact = ex;
    return f;
}

double ty_const_float64_val(TyConst x, bool *exact)
{
    bool ex = false;
    double f = 0;
    Scr s;
    ty_scr_init(&s);
    int acc;
    switch (x.rep) {
    case TY_REP_INT64:
        f = (double)x.u.i64;
        ex = f < 9223372036854775808.0 && (int64_t)f == x.u.i64;
        break;
    case TY_REP_BIGINT:
        f = ty_bf_to_f64(ty_bf_from_bi(&s, view_big(x.u.big), TY_CONST_PREC), &acc);
        ex = acc == 0;
        break;
    case TY_REP_RAT:
        f = ty_br_to_f64(&s, view_rat(x.u.rat), &ex);
        break;
    case TY_REP_FLOAT:
        f = ty_bf_to_f64(view_float(x.u.flt), &acc);
        ex = acc == 0;
        break;
    default:
        break;
    }
    ty_scr_free(&s);
    if (exact)
        *exact = ex;
    return f;
}

int ty_const_sign(TyConst x)
{
    switch (x.rep) {
    case TY_REP_INT64: return x.u.i64 < 0 ? -1 : x.u.i64 > 0;
    case TY_REP_BIGINT: return x.u.big->neg ? -1 : x.u.big->n > 0;
    case TY_REP_RAT: return x.u.rat->neg ? -1 : x.u.rat->nn > 0;
    case TY_REP_FLOAT: return ty_bf_sign(view_float(x.u.flt));
    case TY_REP_COMPLEX: return ty_const_sign(x.u.cx->re) | ty_const_sign(x.u.cx->im);
    case TY_REP_UNKNOWN: return 1;
    default: return 0;
    }
}

int ty_const_bitlen(TyConst x)
{
    if (x.rep == TY_REP_INT64) {
        uint64_t u = x.u.i64 < 0 ? 0 - (uint64_t)x.u.i64 : (uint64_t)x.u.i64;
        return 64 - (int)clz64(u);
    }
    if (x.rep == TY_REP_BIGINT)
        return (int)ty_nat_bitlen(x.u.big->d, x.u.big->n);
    return 0;
}

size_t ty_const_bytes(TyConst x, uint8_t *out, size_t cap)
{
    uint64_t one;
    const uint64_t *d;
    size_t n;
    if (x.rep == TY_REP_INT64) {
        one = x.u.i64 < 0 ? 0 - (uint64_t)x.u.i64 : (uint64_t)x.u.i64;
        d = &one;
        n = one != 0;
    } else if (x.rep == TY_REP_BIGINT) {
        d = x.u.big->d;
        n = x.u.big->n;
    } else {
        return 0;
    }
    size_t len = n ? (size_t)(ty_nat_bitlen(d, n) + 7) / 8 : 0;
    for (size_t i = 0; i < len && i < cap; i++)
        out[i] = (uint8_t)(d[i / 8] >> (8 * (i % 8)));
    return len;
}

TyConst ty_const_num(Arena *a, TyConst x)
{
    Scr s;
    TyConst c = ty_const_unknown();
    switch (x.rep) {
    case TY_REP_INT64:
    case TY_REP_BIGINT:
        return x;
    case TY_REP_RAT:
        return ty_cv_make_int(a, view_rat(x.u.rat).num);
    case TY_REP_FLOAT:
        if (ty_cv_small_float(view_float(x.u.flt))) {
            ty_scr_init(&s);
            c = ty_cv_make_int(a, ty_bf_to_br(&s, view_float(x.u.flt)).num);
            ty_scr_free(&s);
        }
        return c;
    default:
        return c;
    }
}

TyConst ty_const_denom(Arena *a, TyConst x)
{
    Scr s;
    TyConst c = ty_const_unknown();
    switch (x.rep) {
    case TY_REP_INT64:
    case TY_REP_BIGINT:
        return ty_const_int64(1);
    case TY_REP_RAT:
        return ty_cv_make_int(a, view_rat(x.u.rat).den);
    case TY_REP_FLOAT:
        if (ty_cv_small_float(view_float(x.u.flt))) {
            ty_scr_init(&s);
            c = ty_cv_make_int(a, ty_bf_to_br(&s, view_float(x.u.flt)).den);
            ty_scr_free(&s);
        }
        return c;
    default:
        return c;
    }
}

TyConst ty_const_real(TyConst x)
{
    if (x.rep == TY_REP_COMPLEX)
        return x.u.cx->re;
    if (x.rep == TY_REP_UNKNOWN || is_real(x))
        return x;
    return ty_const_unknown();
}

TyConst ty_const_imag(TyConst x)
{
    if (x.rep == TY_REP_COMPLEX)
        return x.u.cx->im;
    if (is_real(x))
        return ty_const_int64(0);
    return ty_const_unknown();
}

/* ---- conversions -------------------------------------------------------------- */

TyConst ty_const_to_int(Arena *a, TyConst x)
{
    switch (x.rep) {
    case TY_REP_INT64:
    case TY_REP_BIGINT:
        return x;
    case TY_REP_RAT: {
        BR r = view_rat(x.u.rat);
        if (ty_br_is_int(r))
            return ty_cv_make_int(a, r.num);
        return ty_const_unknown();
    }
    case TY_REP_FLOAT: {
        BF f = view_float(x.u.flt);
        if (!ty_cv_small_float(f))
            return ty_const_unknown();
        Scr s;
        ty_scr_init(&s);
        BI i;
        TyConst c = ty_const_unknown();
        if (ty_bf_to_bi(&s, f, &i) == 0) {
            c = ty_cv_make_int(a, i);
        } else {
            /* If rounding a little down or up gives an integer, assume x
             * is not one only because of rounding errors in prior steps. */
            BF t = ty_bf_round(&s, f, TY_CONST_PREC - 4, RM_TO_ZERO, NULL);
            if (ty_bf_to_bi(&s, t, &i) == 0) {
                c = ty_cv_make_int(a, i);
            } else {
                t = ty_bf_round(&s, f, TY_CONST_PREC - 4, RM_AWAY, NULL);
                if (ty_bf_to_bi(&s, t, &i) == 0)
                    c = ty_cv_make_int(a, i);
            }
        }
        ty_scr_free(&s);
        return c;
    }
    case TY_REP_COMPLEX: {
        TyConst re = ty_const_to_float(a, x);
        if (ty_const_kind(re) == TY_CONST_FLOAT)
            return ty_const_to_int(a, re);
        return ty_const_unknown();
    }
    default:
        return ty_const_unknown();
    }
}

TyConst ty_const_to_float(Arena *a, TyConst x)
{
    Scr s;
    TyConst c;
    switch (x.rep) {
    case TY_REP_INT64:
    case TY_REP_BIGINT:
        ty_scr_init(&s);
        if (x.rep == TY_REP_INT64 || small_int(view_big(x.u.big)))
            c = ty_cv_store_rat(a, ty_br_from_bi(&s, int_view(&s, x)));
        else
            c = ty_cv_make_float(a, ty_bf_from_bi(&s, view_big(x.u.big), TY_CONST_PREC));
        ty_scr_free(&s);
        return c;
    case TY_REP_RAT:
    case TY_REP_FLOAT:
        return x;
    case TY_REP_COMPLEX:
        if (ty_const_sign(x.u.cx->im) == 0)
            return ty_const_to_float(a, x.u.cx->re);
        return ty_const_unknown();
    default:
        return ty_const_unknown();
    }
}

TyConst ty_const_to_complex(Arena *a, TyConst x)
{
    if (is_real(x))
        return ty_cv_make_complex(a, x, ty_const_int64(0));
    if (x.rep == TY_REP_COMPLEX)
        return x;
    return ty_const_unknown();
}

/* ---- operations ------------------------------------------------------------------ */

TyConst ty_const_unary(Arena *a, TyConstOp op, TyConst y, unsigned prec)
{
    if (y.rep == TY_REP_UNKNOWN)
        return y;
    Scr s;
    TyConst c = ty_const_unknown();
    switch (op) {
    case TY_OP_ADD:
        if (is_numeric(y))
            return y;
        return c;
    case TY_OP_SUB:
        switch (y.rep) {
        case TY_REP_INT64:
            if (y.u.i64 != INT64_MIN)
                return ty_const_int64(-y.u.i64);
            return make_int128(a, false, (u128)1 << 63);
        case TY_REP_BIGINT:
            return ty_cv_make_int(a, ty_bi_neg(view_big(y.u.big)));
        case TY_REP_RAT:
            ty_scr_init(&s);
            c = make_rat(a, &s, ty_br_neg(view_rat(y.u.rat)));
            ty_scr_free(&s);
            return c;
        case TY_REP_FLOAT:
            return ty_cv_make_float(a, ty_bf_neg(view_float(y.u.flt)));
        case TY_REP_COMPLEX:
            return ty_cv_make_complex(a, ty_const_unary(a, TY_OP_SUB, y.u.cx->re, 0),
                                ty_const_unary(a, TY_OP_SUB, y.u.cx->im, 0));
        default:
            return c;
        }
    case TY_OP_XOR:
        if (y.rep == TY_REP_INT64 && prec < 64) {
            uint64_t z = ~(uint64_t)y.u.i64;
            if (prec == 0)
                return ty_const_int64((int64_t)z);
            return ty_const_int64((int64_t)(z & (((uint64_t)1 << prec) - 1)));
        }
        if (y.rep != TY_REP_INT64 && y.rep != TY_REP_BIGINT)
            return c;
        ty_scr_init(&s);
        {
            BI z = ty_bi_not(&s, int_view(&s, y));
            if (prec > 0) /* z &^= -1 << prec */
                z = ty_bi_andnot(&s, z, ty_bi_shl(&s, ty_bi_from_i64(&s, -1), prec));
            c = ty_cv_make_int(a, z);
        }
        ty_scr_free(&s);
        return c;
    case TY_OP_NOT:
        if (y.rep == TY_REP_BOOL)
            return ty_const_bool(!y.u.b);
        return c;
    default:
        return c;
    }
}

static TyConst binary_int64(Arena *a, int64_t x, TyConstOp op, int64_t y)
{
    int64_t z;
    switch (op) {
    case TY_OP_ADD:
        if (!__builtin_add_overflow(x, y, &z))
            return ty_const_int64(z);
        {
            i128 r = (i128)x + y;
            return make_int128(a, r < 0, r < 0 ? (u128)-r : (u128)r);
        }
    case TY_OP_SUB:
        if (!__builtin_sub_overflow(x, y, &z))
            return ty_const_int64(z);
        {
            i128 r = (i128)x - y;
            return make_int128(a, r < 0, r < 0 ? (u128)-r : (u128)r);
        }
    case TY_OP_MUL:
        if (!__builtin_mul_overflow(x, y, &z))
            return ty_const_int64(z);
        {
            i128 r = (i128)x * y;
            return make_int128(a, r < 0, r < 0 ? (u128)0 - (u128)r : (u128)r);
        }
    case TY_OP_QUO: {
        if (y == 0)
            return ty_const_unknown();
        Scr s;
        ty_scr_init(&s);
        BR r = ty_br_norm(&s, ty_bi_from_i64(&s, x), ty_bi_from_i64(&s, y));
        TyConst c = ty_cv_store_rat(a, r);
        ty_scr_free(&s);
        return c;
    }
    case TY_OP_QUO_INT:
        if (y == 0)
            return ty_const_unknown();
        if (y == -1) /* Go's MinInt64 / -1 wraps to MinInt64 */
            return ty_const_int64((int64_t)(0 - (uint64_t)x));
        return ty_const_int64(x / y);
    case TY_OP_REM:
        if (y == 0)
            return ty_const_unknown();
        if (y == -1)
            return ty_const_int64(0);
        return ty_const_int64(x % y);
    case TY_OP_AND: return ty_const_int64(x & y);
    case TY_OP_OR: return ty_const_int64(x | y);
    case TY_OP_XOR: return ty_const_int64(x ^ y);
    case TY_OP_AND_NOT: return ty_const_int64(x & ~y);
    default: return ty_const_unknown();
    }
}

static TyConst binary_int(Arena *a, Scr *s, BI x, TyConstOp op, BI y)
{
    BI z;
    switch (op) {
    case TY_OP_ADD: z = ty_bi_add(s, x, y); break;
    case TY_OP_SUB: z = ty_bi_sub(s, x, y); break;
    case TY_OP_MUL: z = ty_bi_mul(s, x, y); break;
    case TY_OP_QUO:
        if (!y.n)
            return ty_const_unknown();
        return make_rat(a, s, ty_br_norm(s, x, y));
    case TY_OP_QUO_INT:
        if (!y.n)
            return ty_const_unknown();
        ty_bi_quorem(s, x, y, &z, NULL);
        break;
    case TY_OP_REM:
        if (!y.n)
            return ty_const_unknown();
        ty_bi_quorem(s, x, y, NULL, &z);
        break;
    case TY_OP_AND: z = ty_bi_and(s, x, y); break;
    case TY_OP_OR: z = ty_bi_or(s, x, y); break;
    case TY_OP_XOR: z = ty_bi_xor(s, x, y); break;
    case TY_OP_AND_NOT: z = ty_bi_andnot(s, x, y); break;
    default: return ty_const_unknown();
    }
    return ty_cv_make_int(a, z);
}

static TyConst binary_complex(Arena *a, TyConst x, TyConstOp op, TyConst y)
{
    TyConst xa = ty_const_real(x), xb = ty_const_imag(x);
    TyConst yc = ty_const_real(y), yd = ty_const_imag(y);
    TyConst re, im;
    switch (op) {
    case TY_OP_ADD:
        re = ty_const_binary(a, xa, TY_OP_ADD, yc);
        im = ty_const_binary(a, xb, TY_OP_ADD, yd);
        break;
    case TY_OP_SUB:
        re = ty_const_binary(a, xa, TY_OP_SUB, yc);
        im = ty_const_binary(a, xb, TY_OP_SUB, yd);
        break;
    case TY_OP_MUL: {
        TyConst ac = ty_const_binary(a, xa, TY_OP_MUL, yc);
        TyConst bd = ty_const_binary(a, xb, TY_OP_MUL, yd);
        TyConst bc = ty_const_binary(a, xb, TY_OP_MUL, yc);
        TyConst ad = ty_const_binary(a, xa, TY_OP_MUL, yd);
        re = ty_const_binary(a, ac, TY_OP_SUB, bd);
        im = ty_const_binary(a, bc, TY_OP_ADD, ad);
        break;
    }
    case TY_OP_QUO: {
        TyConst ac = ty_const_binary(a, xa, TY_OP_MUL, yc);
        TyConst bd = ty_const_binary(a, xb, TY_OP_MUL, yd);
        TyConst bc = ty_const_binary(a, xb, TY_OP_MUL, yc);
        TyConst ad = ty_const_binary(a, xa, TY_OP_MUL, yd);
        TyConst cc = ty_const_binary(a, yc, TY_OP_MUL, yc);
        TyConst dd = ty_const_binary(a, yd, TY_OP_MUL, yd);
        TyConst sq = ty_const_binary(a, cc, TY_OP_ADD, dd);
        if (ty_const_sign(sq) == 0)
            return ty_const_unknown(); /* division by zero */
        re = ty_const_binary(a, ty_const_binary(a, ac, TY_OP_ADD, bd), TY_OP_QUO, sq);
        im = ty_const_binary(a, ty_const_binary(a, bc, TY_OP_SUB, ad), TY_OP_QUO, sq);
        break;
    }
    default:
        return ty_const_unknown();
    }
    return ty_cv_make_complex(a, re, im);
}

TyConst ty_const_binary(Arena *a, TyConst x, TyConstOp op, TyConst y)
{
    if (x.rep == TY_REP_UNKNOWN || y.rep == TY_REP_UNKNOWN)
        return ty_const_unknown();
    if (x.rep == TY_REP_INT64 && y.rep == TY_REP_INT64)
        return binary_int64(a, x.u.i64, op, y.u.i64);
    if (x.rep == TY_REP_BOOL && y.rep == TY_REP_BOOL) {
        if (op == TY_OP_LAND)
            return ty_const_bool(x.u.b && y.u.b);
        if (op == TY_OP_LOR)
            return ty_const_bool(x.u.b || y.u.b);
        return ty_const_unknown();
    }
    if (x.rep == TY_REP_STRING && y.rep == TY_REP_STRING) {
        if (op == TY_OP_ADD)
            return str_concat(a, x.u.str, y.u.str);
        return ty_const_unknown();
    }
    if (!is_numeric(x) || !is_numeric(y))
        return ty_const_unknown();
    int rep = x.rep > y.rep ? x.rep : y.rep;
    if (rep == TY_REP_COMPLEX)
        return binary_complex(a, x, op, y);
    Scr s;
    ty_scr_init(&s);
    TyConst c = ty_const_unknown();
    if (rep == TY_REP_BIGINT) {
        c = binary_int(a, &s, int_view(&s, x), op, int_view(&s, y));
    } else if (rep == TY_REP_RAT) {
        BR u = rat_view(&s, x), v = rat_view(&s, y);
        switch (op) {
        case TY_OP_ADD: c = make_rat(a, &s, ty_br_add(&s, u, v)); break;
        case TY_OP_SUB: c = make_rat(a, &s, ty_br_sub(&s, u, v)); break;
        case TY_OP_MUL: c = make_rat(a, &s, ty_br_mul(&s, u, v)); break;
        case TY_OP_QUO:
            if (v.num.n)
                c = make_rat(a, &s, ty_br_quo(&s, u, v));
            break;
        default: break;
        }
    } else {
        BF u = float_view(&s, x), v = float_view(&s, y);
        switch (op) {
        case TY_OP_ADD: c = ty_cv_make_float(a, ty_bf_add(&s, u, v, TY_CONST_PREC)); break;
        case TY_OP_SUB: c = ty_cv_make_float(a, ty_bf_sub(&s, u, v, TY_CONST_PREC)); break;
        case TY_OP_MUL: c = ty_cv_make_float(a, ty_bf_mul(&s, u, v, TY_CONST_PREC)); break;
        case TY_OP_QUO:
            if (v.form != BF_ZERO)
                c = ty_cv_make_float(a, ty_bf_quo(&s, u, v, TY_CONST_PREC));
            break;
        default: break;
        }
    }
    ty_scr_free(&s);
    return c;
}

TyConst ty_const_shift(Arena *a, TyConst x, TyConstOp op, uint64_t n)
{
    if (x.rep == TY_REP_UNKNOWN)
        return x;
    if ((x.rep != TY_REP_INT64 && x.rep != TY_REP_BIGINT) || (op != TY_OP_SHL && op != TY_OP_SHR))
        return ty_const_unknown();
    if (n == 0)
        return x;
    if (x.rep == TY_REP_INT64) {
        int64_t v = x.u.i64;
        if (op == TY_OP_SHR)
            return ty_const_int64(n >= 64 ? (v < 0 ? -1 : 0) : v >> n);
        if (v == 0)
            return x;
        if (n < 63) {
            int64_t r = (int64_t)((uint64_t)v << n);
            if ((r >> n) == v)
                return ty_const_int64(r);
        }
    }
    Scr s;
    ty_scr_init(&s);
    BI v = int_view(&s, x);
    TyConst c = ty_cv_make_int(a, op == TY_OP_SHL ? ty_bi_shl(&s, v, n) : ty_bi_shr(&s, v, n));
    ty_scr_free(&s);
    return c;
}

static bool cmp_result(int c, TyConstOp op)
{
    switch (op) {
    case TY_OP_EQL: return c == 0;
    case TY_OP_NEQ: return c != 0;
    case TY_OP_LSS: return c < 0;
    case TY_OP_LEQ: return c <= 0;
    case TY_OP_GTR: return c > 0;
    case TY_OP_GEQ: return c >= 0;
    default: return false;
    }
}

bool ty_const_compare(TyConst x, TyConstOp op, TyConst y)
{
    if (x.rep == TY_REP_UNKNOWN || y.rep == TY_REP_UNKNOWN)
        return false;
    if (x.rep == TY_REP_INT64 && y.rep == TY_REP_INT64)
        return cmp_result(x.u.i64 < y.u.i64 ? -1 : x.u.i64 > y.u.i64, op);
    if (x.rep == TY_REP_BOOL && y.rep == TY_REP_BOOL) {
        if (op == TY_OP_EQL)
            return x.u.b == y.u.b;
        if (op == TY_OP_NEQ)
            return x.u.b != y.u.b;
        return false;
    }
    if (x.rep == TY_REP_STRING && y.rep == TY_REP_STRING)
        return cmp_result(str_cmp(x.u.str, y.u.str), op);
    if (!is_numeric(x) || !is_numeric(y))
        return false;
    int rep = x.rep > y.rep ? x.rep : y.rep;
    if (rep == TY_REP_COMPLEX) {
        bool re = ty_const_compare(ty_const_real(x), TY_OP_EQL, ty_const_real(y));
        bool im = ty_const_compare(ty_const_imag(x), TY_OP_EQL, ty_const_imag(y));
        if (op == TY_OP_EQL)
            return re && im;
        if (op == TY_OP_NEQ)
            return !re || !im;
        return false;
    }
    Scr s;
    ty_scr_init(&s);
    int c;
    if (rep == TY_REP_BIGINT)
        c = ty_bi_cmp(int_view(&s, x), int_view(&s, y));
    else if (rep == TY_REP_RAT)
        c = ty_br_cmp(&s, rat_view(&s, x), rat_view(&s, y));
    else
        c = ty_bf_cmp(float_view(&s, x), float_view(&s, y));
    ty_scr_free(&s);
    return cmp_result(c, op);
}

/* ---- representability ---------------------------------------------------------- */

static bool fits_f32(TyConst x) { return !isinf(ty_const_float32_val(x, NULL)); }
static bool fits_f64(TyConst x) { return !isinf(ty_const_float64_val(x, NULL)); }

/* roundFloat32/roundFloat64; false where go/types returns nil */
static bool round_f32(Arena *a, TyConst x, TyConst *r)
{
    float f = ty_const_float32_val(x, NULL);
    if (isinf(f))
        return false;
    *r = ty_const_float64(a, (double)f);
    return true;
}

static bool round_f64(Arena *a, TyConst x, TyConst *r)
{
    double f = ty_const_float64_val(x, NULL);
    if (isinf(f))
        return false;
    *r = ty_const_float64(a, f);
    return true;
}

bool ty_const_representable(Arena *a, TyConst x, TyConstTarget t, TyConst *rounded)
{
    if (x.rep == TY_REP_UNKNOWN)
        return true;
    switch (t) {
    case TY_CT_INT: case TY_CT_INT8: case TY_CT_INT16: case TY_CT_INT32: case TY_CT_INT64:
    case TY_CT_UINT: case TY_CT_UINT8: case TY_CT_UINT16: case TY_CT_UINT32: case TY_CT_UINT64:
    case TY_CT_UINTPTR: case TY_CT_UNTYPED_INT: case TY_CT_UNTYPED_RUNE: {
        TyConst xi = ty_const_to_int(a, x);
        if (ty_const_kind(xi) != TY_CONST_INT)
            return false;
        if (rounded)
            *rounded = xi;
        if (xi.rep == TY_REP_INT64) {
            int64_t v = xi.u.i64;
            switch (t) {
            case TY_CT_INT8: return v >= INT8_MIN && v <= INT8_MAX;
            case TY_CT_INT16: return v >= INT16_MIN && v <= INT16_MAX;
            case TY_CT_INT32: return v >= INT32_MIN && v <= INT32_MAX;
            case TY_CT_UINT8: return v >= 0 && v <= UINT8_MAX;
            case TY_CT_UINT16: return v >= 0 && v <= UINT16_MAX;
            case TY_CT_UINT32: return v >= 0 && v <= (int64_t)UINT32_MAX;
            case TY_CT_UINT: case TY_CT_UINTPTR: case TY_CT_UINT64: return v >= 0;
            default: return true; /* int, int64, untyped */
            }
        }
        switch (t) {
        case TY_CT_UINT: case TY_CT_UINTPTR: case TY_CT_UINT64:
            return ty_const_sign(xi) >= 0 && ty_const_bitlen(xi) <= 64;
        case TY_CT_UNTYPED_INT: case TY_CT_UNTYPED_RUNE:
            return true;
        default:
            return false;
        }
    }
    case TY_CT_FLOAT32: case TY_CT_FLOAT64: case TY_CT_UNTYPED_FLOAT: {
        TyConst xf = ty_const_to_float(a, x);
        if (ty_const_kind(xf) != TY_CONST_FLOAT)
            return false;
        if (t == TY_CT_UNTYPED_FLOAT)
            return true;
        if (!rounded)
            return t == TY_CT_FLOAT32 ? fits_f32(xf) : fits_f64(xf);
        TyConst r;
        if (!(t == TY_CT_FLOAT32 ? round_f32(a, xf, &r) : round_f64(a, xf, &r)))
            return false;
        *rounded = r;
        return true;
    }
    case TY_CT_COMPLEX64: case TY_CT_COMPLEX128: case TY_CT_UNTYPED_COMPLEX: {
        TyConst xc = ty_const_to_complex(a, x);
        if (ty_const_kind(xc) != TY_CONST_COMPLEX)
            return false;
        if (t == TY_CT_UNTYPED_COMPLEX)
            return true;
        TyConst re = ty_const_real(xc), im = ty_const_imag(xc);
        if (!rounded)
            return t == TY_CT_COMPLEX64 ? fits_f32(re) && fits_f32(im) : fits_f64(re) && fits_f64(im);
        TyConst rre, rim;
        bool ok = t == TY_CT_COMPLEX64 ? round_f32(a, re, &rre) && round_f32(a, im, &rim)
                                       : round_f64(a, re, &rre) && round_f64(a, im, &rim);
        if (!ok)
            return false;
        *rounded = ty_const_binary(a, rre, TY_OP_ADD, ty_const_make_imag(a, rim));
        return true;
    }
    case TY_CT_STRING: case TY_CT_UNTYPED_STRING:
        return x.rep == TY_REP_STRING;
    case TY_CT_BOOL: case TY_CT_UNTYPED_BOOL:
        return x.rep == TY_REP_BOOL;
    default:
        return false;
    }
}
