/* Binary floating point with math/big.Float semantics for the constant
 * component: correctly rounded +, -, *, / at a given precision, conversions
 * from and to integers, rationals and float32/float64, big.Float's decimal
 * parser (including its exact sequence of roundings for decimal exponents),
 * and the 'p' text format. */
#include "const_impl.h"

#include <math.h>

/* big.Accuracy of a result that was rounded up (above) or down */
static inline int make_acc(bool above) { return above ? 1 : -1; }

static BF mkbf(const uint64_t *m, size_t n, bool neg, int64_t exp)
{
    /* drop trailing zero words; they do not change the value */
    while (n && !m[0]) {
        m++;
        n--;
    }
    BF x = {m, (uint32_t)n, BF_FINITE, neg, exp};
    return x;
}

static BF ty_bf_inf(bool neg)
{
    BF x = {NULL, 0, BF_INF, neg, 0};
    return x;
}

BF ty_bf_round_nat(Scr *s, bool neg, const uint64_t *mag, size_t n, int64_t lsbexp,
                uint32_t prec, RoundMode mode, unsigned sbit, int *acc)
{
    int dummy;
    if (!acc)
        acc = &dummy;
    *acc = 0;
    n = ty_nat_norm(mag, n);
    if (!n)
        return ty_bf_zero(neg);
    /* skip zero low words */
    size_t lo = 0;
    while (!mag[lo])
        lo++;
    int64_t exp = lsbexp + (int64_t)ty_nat_bitlen(mag, n);
    if (exp < BF_MINEXP) {
        *acc = make_acc(neg);
        return ty_bf_zero(neg);
    }
    if (exp > BF_MAXEXP) {
        *acc = make_acc(!neg);
        return ty_bf_inf(neg);
    }
    /* normalized copy: msb of the top word set */
    size_t mn = n - lo;
    unsigned sh = clz64(mag[n - 1]);
    uint64_t *m = ty_scr_alloc(s, mn + 1);
    if (sh) {
        size_t k = ty_nat_shl(m, mag + lo, mn, sh);
        (void)k;
        /* the shift never adds a word: top word had sh leading zeros */
    } else {
        wcopy(m, mag + lo, mn);
    }
    uint64_t bits = (uint64_t)mn * 64;
    if (bits <= prec && !sbit)
        return mkbf(m, mn, neg, exp);
    uint64_t r = bits > prec ? bits - prec - 1 : 0;
    unsigned rbit = bits > prec ? ty_nat_bit(m, mn, r) : 0;
    if (bits > prec && sbit == 0 && (rbit == 0 || mode == RM_NEAREST_EVEN))
        sbit = ty_nat_sticky(m, mn, r);
    size_t nw = (prec + 63) / 64;
    uint64_t *z;
    if (mn >= nw) {
        z = m + (mn - nw);
    } else {
        z = ty_scr_zalloc(s, nw);
        wcopy(z + (nw - mn), m, mn);
    }
    unsigned ntz = (unsigned)(nw * 64 - prec);
    uint64_t lsb = (uint64_t)1 << ntz;
    if (rbit | sbit) {
        bool inc = false;
        switch (mode) {
        case RM_TO_ZERO: inc = false; break;
        case RM_NEAREST_EVEN: inc = rbit && (sbit || (z[0] & lsb)); break;
        case RM_AWAY: inc = true; break;
        }
        *acc = make_acc(inc != neg);
        if (inc) {
            uint64_t c = lsb;
            for (size_t i = 0; i < nw && c; i++) {
                z[i] += c;
                c = z[i] < c;
            }
            if (c) {
                if (exp >= BF_MAXEXP)
                    return ty_bf_inf(neg);
                exp++;
                ty_nat_shr(z, z, nw, 1);
                z[nw - 1] |= (uint64_t)1 << 63;
            }
        }
    }
    z[0] &= ~(lsb - 1);
    return mkbf(z, nw, neg, exp);
}

BF ty_bf_round(Scr *s, BF x, uint32_t prec, RoundMode mode, int *acc)
{
    if (acc)
        *acc = 0;
    if (x.form != BF_FINITE)
        return x;
    if ((uint64_t)x.n * 64 <= prec)
        return x;
    return ty_bf_round_nat(s, x.neg, x.m, x.n, x.exp - (int64_t)x.n * 64, prec, mode, 0, acc);
}

BF ty_bf_from_bi(Scr *s, BI x, uint32_t prec)
{
    return ty_bf_round_nat(s, x.neg, x.d, x.n, 0, prec, RM_NEAREST_EVEN, 0, NULL);
}

BF ty_bf_from_u64(Scr *s, bool neg, uint64_t x, uint32_t prec)
{
    return ty_bf_round_nat(s, neg, &x, 1, 0, prec, RM_NEAREST_EVEN, 0, NULL);
}

/* exact float of an integer */
static BF ty_bf_exact_bi(Scr *s, BI x)
{
    uint64_t bits = ty_nat_bitlen(x.d, x.n);
    return ty_bf_round_nat(s, x.neg, x.d, x.n, 0, (uint32_t)(bits < 64 ? 64 : bits), RM_NEAREST_EVEN,
                        0, NULL);
}

BF ty_bf_from_br(Scr *s, BR x, uint32_t prec)
{
    if (ty_br_is_int(x))
        return ty_bf_from_bi(s, x.num, prec);
    return ty_bf_quo(s, ty_bf_exact_bi(s, x.num), ty_bf_exact_bi(s, x.den), prec);
}

/* |x| vs |y| for finite x, y */
static int ty_bf_ucmp(BF x, BF y)
{
    if (x.exp != y.exp)
        return x.exp < y.exp ? -1 : 1;
    size_t i = x.n, j = y.n;
    while (i > 0 || j > 0) {
        uint64_t xm = 0, ym = 0;
        if (i > 0)
            xm = x.m[--i];
        if (j > 0)
            ym = y.m[--j];
        if (xm != ym)
            return xm < ym ? -1 : 1;
    }
    return 0;
}

/* |x| + |y| (sub false) or |x| - |y| (sub true, |x| > |y|), result sign neg */
static BF ty_bf_uaddsub(Scr *s, BF x, BF y, bool sub, bool neg, uint32_t prec)
{
    if (x.exp < y.exp) { /* only for addition: make x the larger one */
        BF t = x;
        x = y;
        y = t;
    }
    int64_t ex = x.exp - (int64_t)x.n * 64;
    /* If y lies entirely below every bit that can influence rounding, it
     * only acts as a sticky bit: replace it by 2**(g-1). */
    int64_t g = x.exp - (int64_t)prec - 2;
    if (ex < g)
        g = ex;
    static const uint64_t half_word = (uint64_t)1 << 63;
    if (y.exp <= g) {
        y.m = &half_word;
        y.n = 1;
        y.exp = g;
    }
    int64_t ey = y.exp - (int64_t)y.n * 64;
    int64_t e = ex < ey ? ex : ey;
    uint64_t xs = (uint64_t)(ex - e), ys = (uint64_t)(ey - e);
    uint64_t *X = ty_scr_alloc(s, x.n + (size_t)(xs / 64) + 1);
    size_t xn = ty_nat_shl(X, x.m, x.n, xs);
    uint64_t *Y = ty_scr_alloc(s, y.n + (size_t)(ys / 64) + 1);
    size_t yn = ty_nat_shl(Y, y.m, y.n, ys);
    size_t zcap = (xn > yn ? xn : yn) + 1;
    uint64_t *Z = ty_scr_alloc(s, zcap);
    size_t zn;
    if (sub) {
        zn = ty_nat_sub(Z, X, xn, Y, yn);
        if (!zn)
            return ty_bf_zero(false);
    } else {
        zn = ty_nat_add(Z, X, xn, Y, yn);
    }
    return ty_bf_round_nat(s, neg, Z, zn, e, prec, RM_NEAREST_EVEN, 0, NULL);
}

BF ty_bf_add(Scr *s, BF x, BF y, uint32_t prec)
{
    if (x.form == BF_FINITE && y.form == BF_FINITE) {
        if (x.neg == y.neg)
            return ty_bf_uaddsub(s, x, y, false, x.neg, prec);
        if (ty_bf_ucmp(x, y) > 0)
            return ty_bf_uaddsub(s, x, y, true, x.neg, prec);
        return ty_bf_uaddsub(s, y, x, true, !x.neg, prec);
    }
    if (x.form == BF_INF && y.form == BF_INF && x.neg != y.neg)
        return ty_bf_zero(false); /* NaN in big.Float; not reachable */
    if (x.form == BF_ZERO && y.form == BF_ZERO)
        return ty_bf_zero(x.neg && y.neg);
    if (x.form == BF_INF || y.form == BF_ZERO)
        return ty_bf_round(s, x, prec, RM_NEAREST_EVEN, NULL);
    return ty_bf_round(s, y, prec, RM_NEAREST_EVEN, NULL);
}

BF ty_bf_sub(Scr *s, BF x, BF y, uint32_t prec) { return ty_bf_add(s, x, ty_bf_neg(y), prec); }

BF ty_bf_mul(Scr *s, BF x, BF y, uint32_t prec)
{
    bool neg = x.neg != y.neg;
    if (x.form == BF_FINITE && y.form == BF_FINITE) {
        uint64_t *z = ty_scr_alloc(s, (size_t)x.n + y.n);
        size_t zn = ty_nat_mul(z, x.m, x.n, y.m, y.n);
        int64_t lsb = x.exp - (int64_t)x.n * 64 + y.exp - (int64_t)y.n * 64;
        return ty_bf_round_nat(s, neg, z, zn, lsb, prec, RM_NEAREST_EVEN, 0, NULL);
    }
    if ((x.form == BF_ZERO && y.form == BF_INF) || (x.form == BF_INF && y.form == BF_ZERO))
        return ty_bf_zero(false); /* NaN in big.Float; not reachable */
    if (x.form == BF_INF || y.form == BF_INF)
        return ty_bf_inf(neg);
    return ty_bf_zero(neg);
}

BF ty_bf_quo(Scr *s, BF x, BF y, uint32_t prec)
{
    bool neg = x.neg != y.neg;
    if (x.form == BF_FINITE && y.form == BF_FINITE) {
        /* enough quotient words for prec+1 bits, plus a sticky bit */
        size_t n = prec / 64 + 1;
        size_t d = 0;
        if (n + y.n > x.n)
            d = n + y.n - x.n;
        size_t an = x.n + d;
        uint64_t *a = ty_scr_zalloc(s, an);
        wcopy(a + d, x.m, x.n);
        uint64_t *q = ty_scr_alloc(s, an - y.n + 1);
        uint64_t *r = ty_scr_alloc(s, y.n);
        size_t qn, rn;
        ty_nat_divmod(s, q, &qn, r, &rn, a, an, y.m, y.n);
        int64_t lsb = (x.exp - (int64_t)an * 64) - (y.exp - (int64_t)y.n * 64);
        return ty_bf_round_nat(s, neg, q, qn, lsb, prec, RM_NEAREST_EVEN, rn != 0, NULL);
    }
    if ((x.form == BF_ZERO && y.form == BF_ZERO) || (x.form == BF_INF && y.form == BF_INF))
        return ty_bf_zero(false); /* NaN in big.Float; not reachable */
    if (x.form == BF_ZERO || y.form == BF_INF)
        return ty_bf_zero(neg);
    return ty_bf_inf(neg);
}

static int ty_bf_ord(BF x)
{
    int m = x.form == BF_ZERO ? 0 : x.form == BF_FINITE ? 1 : 2;
    return x.neg ? -m : m;
}

int ty_bf_cmp(BF x, BF y)
{
    int mx = ty_bf_ord(x), my = ty_bf_ord(y);
    if (mx != my)
        return mx < my ? -1 : 1;
    if (mx == -1)
        return ty_bf_ucmp(y, x);
    if (mx == 1)
        return ty_bf_ucmp(x, y);
    return 0;
}

static uint64_t ty_bf_minprec(BF x)
{
    if (x.form != BF_FINITE)
        return 0;
    uint64_t tz = 0;
    size_t i = 0;
    while (i < x.n && !x.m[i]) {
        tz += 64;
        i++;
    }
    if (i < x.n)
        tz += ctz64(x.m[i]);
    return (uint64_t)x.n * 64 - tz;
}

bool ty_bf_is_int(BF x)
{
    if (x.form != BF_FINITE)
        return x.form == BF_ZERO;
    if (x.exp <= 0)
        return false;
    return ty_bf_minprec(x) <= (uint64_t)x.exp;
}

int ty_bf_to_bi(Scr *s, BF x, BI *out)
{
    BI zero = {NULL, 0, false};
    if (x.form != BF_FINITE) {
        *out = zero;
        return 0; /* zero (inf is not used) */
    }
    if (x.exp <= 0) {
        *out = zero;
        return make_acc(x.neg);
    }
    int acc = ty_bf_minprec(x) <= (uint64_t)x.exp ? 0 : make_acc(x.neg);
    uint64_t all = (uint64_t)x.n * 64, exp = (uint64_t)x.exp;
    uint64_t *z;
    size_t zn;
    if (exp > all) {
        z = ty_scr_alloc(s, x.n + (size_t)((exp - all) / 64) + 1);
        zn = ty_nat_shl(z, x.m, x.n, exp - all);
    } else {
        z = ty_scr_alloc(s, x.n);
        zn = ty_nat_shr(z, x.m, x.n, all - exp);
    }
    BI r = {z, (uint32_t)zn, zn ? x.neg : false};
    *out = r;
    return acc;
}

BR ty_bf_to_br(Scr *s, BF x)
{
    if (x.form != BF_FINITE)
        return ty_br_from_bi(s, ty_bi_from_u64(s, 0));
    /* x = m * 2**(exp - 64n); strip trailing zero bits of m */
    uint64_t tz = 64 * (uint64_t)x.n - ty_bf_minprec(x);
    uint64_t *m = ty_scr_alloc(s, x.n);
    size_t mn = ty_nat_shr(m, x.m, x.n, tz);
    int64_t e = x.exp - 64 * (int64_t)x.n + (int64_t)tz;
    BI num = {m, (uint32_t)mn, x.neg};
    BI den = ty_bi_from_u64(s, 1);
    if (e > 0)
        num = ty_bi_shl(s, num, (uint64_t)e);
    else if (e < 0)
        den = ty_bi_shl(s, den, (uint64_t)-e);
    BR r = {num, den};
    return r;
}

/* big.Float.Float64 / Float32; fbits 64 or 32 */
static uint64_t ty_bf_to_bits(BF x, int mbits, int *accp, bool *isinf_out)
{
    const int bias = mbits == 52 ? 1023 : 127;
    const int emin = 1 - bias, emax = bias;
    const int fbits = mbits == 52 ? 64 : 32;
    const int ebits = fbits - mbits - 1;
    const uint64_t sign = x.neg ? (uint64_t)1 << (fbits - 1) : 0;
    const uint64_t expall = ((uint64_t)1 << ebits) - 1;
    *isinf_out = false;
    if (x.form == BF_ZERO) {
        *accp = 0;
        return sign;
    }
    if (x.form == BF_INF) {
        *accp = 0;
        *isinf_out = true;
        return sign | (expall << mbits);
    }
    /* big.Float computes x.exp - 1 in int32 arithmetic, which wraps for
     * the smallest exponent; mirror that. */
    int64_t e = (int32_t)((uint32_t)(int32_t)x.exp - 1u);
    int64_t p = mbits + 1;
    if (e < emin) {
        p = mbits + 1 - emin + e;
        if (p < 0 || (p == 0 && !ty_nat_sticky(x.m, x.n, (uint64_t)x.n * 64 - 1))) {
            *accp = x.neg ? 1 : -1;
            return sign;
        }
        if (p == 0) {
            *accp = x.neg ? -1 : 1;
            return sign | 1;
        }
    }
    Scr s;
    ty_scr_init(&s);
    int acc;
    BF r = ty_bf_round(&s, x, (uint32_t)p, RM_NEAREST_EVEN, &acc);
    uint64_t bits;
    if (r.form == BF_FINITE)
        e = (int32_t)((uint32_t)(int32_t)r.exp - 1u);
    if (r.form == BF_INF || e > emax) {
        *accp = x.neg ? -1 : 1;
        *isinf_out = true;
        bits = sign | (expall << mbits);
    } else {
        uint64_t msb = r.m[r.n - 1];
        uint64_t mant, bexp = 0;
        if (e < emin) {
            p = mbits + 1 - emin + e;
            mant = msb >> (64 - p);
        } else {
            bexp = (uint64_t)(e + bias) << mbits;
            mant = (msb >> (64 - mbits - 1)) & (((uint64_t)1 << mbits) - 1);
        }
        *accp = acc;
        bits = sign | bexp | mant;
    }
    ty_scr_free(&s);
    return bits;
}

double ty_bf_to_f64(BF x, int *acc)
{
    bool inf;
    uint64_t bits = ty_bf_to_bits(x, 52, acc, &inf);
    double f;
    memcpy(&f, &bits, sizeof f);
    return f;
}

float ty_bf_to_f32(BF x, int *acc)
{
    bool inf;
    uint32_t bits = (uint32_t)ty_bf_to_bits(x, 23, acc, &inf);
    float f;
    memcpy(&f, &bits, sizeof f);
    return f;
}

static const uint64_t pow5tab[] = {
    1ull, 5ull, 25ull, 125ull, 625ull, 3125ull, 15625ull, 78125ull, 390625ull, 1953125ull,
    9765625ull, 48828125ull, 244140625ull, 1220703125ull, 6103515625ull, 30517578125ull,
    152587890625ull, 762939453125ull, 3814697265625ull, 19073486328125ull, 95367431640625ull,
    476837158203125ull, 2384185791015625ull, 11920928955078125ull, 59604644775390625ull,
    298023223876953125ull, 1490116119384765625ull, 7450580596923828125ull,
};

/* big.Float.pow5 at precision prec (with prec+64 for the squares) */
static BF ty_bf_pow5(Scr *s, uint64_t n, uint32_t prec)
{
    const uint64_t m = sizeof pow5tab / sizeof pow5tab[0] - 1;
    if (n <= m)
        return ty_bf_from_u64(s, false, pow5tab[n], prec);
    BF z = ty_bf_from_u64(s, false, pow5tab[m], prec);
    n -= m;
    BF f = ty_bf_from_u64(s, false, 5, prec + 64);
    while (n > 0) {
        if (n & 1)
            z = ty_bf_mul(s, z, f, prec);
        f = ty_bf_mul(s, f, f, prec + 64);
        n >>= 1;
    }
    return z;
}

bool ty_bf_parse(Scr *s, const char *str, size_t n, uint32_t prec, BF *out)
{
    if (n == 3 && (!memcmp(str, "Inf", 3) || !memcmp(str, "inf", 3))) {
        *out = ty_bf_inf(false);
        return true;
    }
    if (n == 4 && (str[0] == '+' || str[0] == '-') &&
        (!memcmp(str + 1, "Inf", 3) || !memcmp(str + 1, "inf", 3))) {
        *out = ty_bf_inf(str[0] == '-');
        return true;
    }
    if (n == 0)
        return false;
    size_t i = 0;
    bool neg = false;
    if (str[0] == '+' || str[0] == '-') {
        neg = str[0] == '-';
        i++;
    }
    BI mant;
    int b;
    int64_t fcount;
    if (ty_nat_scan(s, str, n, &i, 0, true, &mant, &b, &fcount) != SCAN_OK)
        return false;
    int64_t exp;
    int ebase;
    if (ty_scan_exponent(str, n, &i, true, true, &exp, &ebase) != SCAN_OK)
        return false;
    if (!mant.n) {
        if (i != n)
            return false;
        *out = ty_bf_zero(neg);
        return true;
    }
    /* Go's int64 arithmetic wraps; so does this. */
    uint64_t exp2 = ty_nat_bitlen(mant.d, mant.n), exp5 = 0;
    if (fcount < 0) {
        uint64_t d = (uint64_t)fcount;
        switch (b) {
        case 10: exp5 = d; exp2 += d; break;
        case 2: exp2 += d; break;
        case 8: exp2 += d * 3; break;
        default: exp2 += d * 4; break;
        }
    }
    if (ebase == 10)
        exp5 += (uint64_t)exp;
    exp2 += (uint64_t)exp;
    int64_t e2 = (int64_t)exp2, e5 = (int64_t)exp5;
    if (e2 < BF_MINEXP || e2 > BF_MAXEXP)
        return false;
    if (i != n)
        return false;
    /* z = 0.mant * 2**e2, not yet rounded */
    size_t mn = mant.n;
    unsigned sh = clz64(mant.d[mn - 1]);
    uint64_t *m = ty_scr_alloc(s, mn + 1);
    mn = ty_nat_shl(m, mant.d, mn, sh);
    BF z = {m, (uint32_t)mn, BF_FINITE, neg, e2};
    if (e5 == 0) {
        *out = ty_bf_round(s, z, prec, RM_NEAREST_EVEN, NULL);
        return true;
    }
    if (e5 < 0) {
        BF p = ty_bf_pow5(s, 0 - (uint64_t)e5, prec + 64);
        *out = ty_bf_quo(s, z, p, prec);
    } else {
        BF p = ty_bf_pow5(s, (uint64_t)e5, prec + 64);
        *out = ty_bf_mul(s, z, p, prec);
    }
    return true;
}

void ty_bf_fmt_p(Buf *b, BF x)
{
    if (x.neg)
        buf_putc(b, '-');
    if (x.form == BF_INF) {
        if (!x.neg)
            buf_putc(b, '+');
        buf_puts(b, "Inf");
        return;
    }
    if (x.form == BF_ZERO) {
        buf_putc(b, '0');
        return;
    }
    const uint64_t *m = x.m;
    size_t n = x.n;
    while (n && !m[0]) {
        m++;
        n--;
    }
    buf_puts(b, "0x.");
    size_t start = b->len;
    ty_nat_hex(b, m, n);
    while (b->len > start && b->data[b->len - 1] == '0')
        b->len--;
    b->data[b->len] = 0;
    buf_printf(b, "p%s%lld", x.exp >= 0 ? "+" : "", (long long)x.exp);
}
