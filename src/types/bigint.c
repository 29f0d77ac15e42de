/* Arbitrary-precision integers and rationals for the constant component:
 * scratch stack, limb-array primitives, signed integers with Go's
 * two's-complement bit operations, math/big's number scanner, and
 * normalized rationals (big.Rat semantics). */
#include "const_impl.h"

#include <math.h>
#include <stdlib.h>

/* ---- scratch stack ------------------------------------------------------- */

void ty_scr_init(Scr *s)
{
    s->cur = s->inl;
    s->end = s->inl + SCR_INLINE;
    s->blk = NULL;
}

void ty_scr_free(Scr *s)
{
    while (s->blk) {
        ScrBlk *p = s->blk->prev;
        free(s->blk);
        s->blk = p;
    }
    s->cur = s->end = NULL;
}

uint64_t *ty_scr_alloc_slow(Scr *s, size_t n)
{
    size_t cap = s->blk ? s->blk->cap * 2 : 2048;
    if (cap > ((size_t)1 << 20))
        cap = (size_t)1 << 20;
    if (cap < n)
        cap = n;
    ScrBlk *b = xmalloc(sizeof *b + cap * sizeof(uint64_t));
    b->prev = s->blk;
    b->cap = cap;
    s->blk = b;
    s->cur = b->w + n;
    s->end = b->w + cap;
    return b->w;
}

void ty_scr_release(Scr *s, ScrMark m)
{
    while (s->blk != m.blk) {
        ScrBlk *p = s->blk->prev;
        free(s->blk);
        s->blk = p;
    }
    s->cur = m.cur;
    s->end = m.end;
}

/* ---- limb arrays ---------------------------------------------------------- */

int ty_nat_cmp(const uint64_t *a, size_t an, const uint64_t *b, size_t bn)
{
    if (an != bn)
        return an < bn ? -1 : 1;
    for (size_t i = an; i-- > 0;)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

size_t ty_nat_add(uint64_t *z, const uint64_t *a, size_t an, const uint64_t *b, size_t bn)
{
    if (an < bn) {
        const uint64_t *t = a;
        a = b;
        b = t;
        size_t tn = an;
        an = bn;
        bn = tn;
    }
    uint64_t c = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        u128 t = (u128)a[i] + b[i] + c;
        z[i] = (uint64_t)t;
        c = (uint64_t)(t >> 64);
    }
    for (; i < an; i++) {
        uint64_t t = a[i] + c;
        c = t < c;
        z[i] = t;
    }
    z[an] = c;
    return an + (c != 0);
}

size_t ty_nat_sub(uint64_t *z, const uint64_t *a, size_t an, const uint64_t *b, size_t bn)
{
    uint64_t br = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        uint64_t ai = a[i], bi = b[i];
        uint64_t t = ai - bi;
        uint64_t b1 = ai < bi;
        uint64_t d = t - br;
        uint64_t b2 = t < br;
        z[i] = d;
        br = b1 | b2;
    }
    for (; i < an; i++) {
        uint64_t ai = a[i];
        z[i] = ai - br;
        br = ai < br;
    }
    return ty_nat_norm(z, an);
}

size_t ty_nat_mul(uint64_t *z, const uint64_t *a, size_t an, const uint64_t *b, size_t bn)
{
    if (an == 0 || bn == 0)
        return 0;
    memset(z, 0, (an + bn) * sizeof *z);
    for (size_t i = 0; i < an; i++) {
        uint64_t c = 0, ai = a[i];
        if (!ai)
            continue;
        for (size_t j = 0; j < bn; j++) {
            u128 t = (u128)ai * b[j] + z[i + j] + c;
            z[i + j] = (uint64_t)t;
            c = (uint64_t)(t >> 64);
        }
        z[i + bn] = c;
    }
    return ty_nat_norm(z, an + bn);
}

size_t ty_nat_shl(uint64_t *z, const uint64_t *a, size_t n, uint64_t s)
{
    if (n == 0)
        return 0;
    size_t w = (size_t)(s / 64);
    unsigned b = (unsigned)(s % 64);
    if (b == 0) {
        wmove(z + w, a, n);
        z[n + w] = 0;
    } else {
        z[n + w] = a[n - 1] >> (64 - b);
        for (size_t i = n - 1; i > 0; i--)
            z[i + w] = (a[i] << b) | (a[i - 1] >> (64 - b));
        z[w] = a[0] << b;
    }
    if (w)
        memset(z, 0, w * sizeof *z);
    return ty_nat_norm(z, n + w + 1);
}

size_t ty_nat_shr(uint64_t *z, const uint64_t *a, size_t n, uint64_t s)
{
    if (s / 64 >= n)
        return 0;
    size_t w = (size_t)(s / 64);
    unsigned b = (unsigned)(s % 64);
    size_t m = n - w;
    if (b == 0) {
        wmove(z, a + w, m);
    } else {
        for (size_t i = 0; i + 1 < m; i++)
            z[i] = (a[i + w] >> b) | (a[i + w + 1] << (64 - b));
        z[m - 1] = a[n - 1] >> b;
    }
    return ty_nat_norm(z, m);
}

bool ty_nat_sticky(const uint64_t *d, size_t n, uint64_t pos)
{
    uint64_t w = pos / 64;
    for (uint64_t i = 0; i < w && i < n; i++)
        if (d[i])
            return true;
    if (w < n && (pos % 64) && (d[w] << (64 - pos % 64)))
        return true;
    return false;
}

/* q = a / d (d != 0, single limb); returns the remainder.  q may alias a. */
static uint64_t ty_nat_div1(uint64_t *q, const uint64_t *a, size_t n, uint64_t d)
{
    uint64_t r = 0;
    for (size_t i = n; i-- > 0;) {
        u128 t = ((u128)r << 64) | a[i];
        uint64_t qi = (uint64_t)(t / d);
        r = (uint64_t)(t - (u128)qi * d);
        if (q)
            q[i] = qi;
    }
    return r;
}

void ty_nat_divmod(Scr *s, uint64_t *q, size_t *qn, uint64_t *r, size_t *rn,
                const uint64_t *a, size_t an, const uint64_t *b, size_t bn)
{
    if (ty_nat_cmp(a, an, b, bn) < 0) {
        if (qn)
            *qn = 0;
        if (r) {
            wmove(r, a, an);
            *rn = an;
        }
        return;
    }
    if (bn == 1) {
        uint64_t *qq = q ? q : ty_scr_alloc(s, an);
        uint64_t rem = ty_nat_div1(qq, a, an, b[0]);
        if (qn)
            *qn = ty_nat_norm(qq, an);
        if (r) {
            r[0] = rem;
            *rn = rem != 0;
        }
        return;
    }
    ScrMark mk = ty_scr_mark(s);
    unsigned sh = clz64(b[bn - 1]);
    uint64_t *v = ty_scr_alloc(s, bn);
    uint64_t *u = ty_scr_alloc(s, an + 1);
    if (sh) {
        for (size_t i = bn - 1; i > 0; i--)
            v[i] = (b[i] << sh) | (b[i - 1] >> (64 - sh));
        v[0] = b[0] << sh;
        u[an] = a[an - 1] >> (64 - sh);
        for (size_t i = an - 1; i > 0; i--)
            u[i] = (a[i] << sh) | (a[i - 1] >> (64 - sh));
        u[0] = a[0] << sh;
    } else {
        wcopy(v, b, bn);
        wcopy(u, a, an);
        u[an] = 0;
    }
    size_t m = an - bn;
    uint64_t vtop = v[bn - 1], vnext = v[bn - 2];
    for (size_t jj = m + 1; jj-- > 0;) {
        size_t j = jj;
        uint64_t ut = u[j + bn];
        u128 qhat, rhat;
        u128 num = ((u128)ut << 64) | u[j + bn - 1];
        if (ut >= vtop) {
            qhat = ~(uint64_t)0;
            rhat = num - qhat * vtop;
        } else {
            qhat = num / vtop;
            rhat = num - qhat * vtop;
        }
        while (rhat >> 64 == 0 && qhat * vnext > ((rhat << 64) | u[j + bn - 2])) {
            qhat--;
            rhat += vtop;
        }
        uint64_t qh = (uint64_t)qhat;
        uint64_t borrow = 0, carry = 0;
        for (size_t i = 0; i < bn; i++) {
            u128 p = (u128)qh * v[i] + carry;
            carry = (uint64_t)(p >> 64);
            uint64_t pl = (uint64_t)p;
            uint64_t ui = u[i + j];
            uint64_t t = ui - pl;
            uint64_t b1 = ui < pl;
            uint64_t t2 = t - borrow;
            uint64_t b2 = t < borrow;
            u[i + j] = t2;
            borrow = b1 + b2;
        }
        uint64_t t = ut - carry;
        uint64_t b1 = ut < carry;
        uint64_t t2 = t - borrow;
        uint64_t b2 = t < borrow;
        u[j + bn] = t2;
        if (b1 | b2) {
            qh--;
            uint64_t c = 0;
            for (size_t i = 0; i < bn; i++) {
                u128 sm = (u128)u[i + j] + v[i] + c;
                u[i + j] = (uint64_t)sm;
                c = (uint64_t)(sm >> 64);
            }
            u[j + bn] += c;
        }
        if (q)
            q[j] = qh;
    }
    if (qn && q)
        *qn = ty_nat_norm(q, m + 1);
    if (r) {
        if (sh) {
            for (size_t i = 0; i + 1 < bn; i++)
                r[i] = (u[i] >> sh) | (u[i + 1] << (64 - sh));
            r[bn - 1] = u[bn - 1] >> sh;
        } else {
            wcopy(r, u, bn);
        }
        *rn = ty_nat_norm(r, bn);
    }
    ty_scr_release(s, mk);
}

void ty_nat_hex(Buf *b, const uint64_t *a, size_t n)
{
    if (n == 0) {
        buf_putc(b, '0');
        return;
    }
    buf_printf(b, "%llx", (unsigned long long)a[n - 1]);
    for (size_t i = n - 1; i-- > 0;)
        buf_printf(b, "%016llx", (unsigned long long)a[i]);
}

/* ---- signed integers ---------------------------------------------------------- */

static inline BI mkbi(const uint64_t *d, size_t n, bool neg)
{
    BI x = {d, (uint32_t)n, n ? neg : false};
    return x;
}

BI ty_bi_from_u64(Scr *s, uint64_t x)
{
    if (!x)
        return mkbi(NULL, 0, false);
    uint64_t *d = ty_scr_alloc(s, 1);
    d[0] = x;
    return mkbi(d, 1, false);
}

BI ty_bi_from_i64(Scr *s, int64_t x)
{
    BI r = ty_bi_from_u64(s, x < 0 ? -(uint64_t)x : (uint64_t)x);
    r.neg = x < 0;
    return r;
}

BI ty_bi_copy(Scr *s, BI x)
{
    uint64_t *d = ty_scr_alloc(s, x.n);
    if (x.n)
        wcopy(d, x.d, x.n);
    return mkbi(d, x.n, x.neg);
}

bool ty_bi_to_i64(BI x, int64_t *out)
{
    if (x.n == 0) {
        *out = 0;
        return true;
    }
    if (x.n > 1)
        return false;
    uint64_t m = x.d[0];
    if (x.neg) {
        if (m > (uint64_t)1 << 63)
            return false;
        *out = (int64_t)(0 - m);
    } else {
        if (m >= (uint64_t)1 << 63)
            return false;
        *out = (int64_t)m;
    }
    return true;
}

uint64_t ty_bi_low64(BI x) { return x.n ? x.d[0] : 0; }

int ty_bi_cmp(BI x, BI y)
{
    if (x.neg != y.neg)
        return x.neg ? -1 : 1;
    int c = ty_nat_cmp(x.d, x.n, y.d, y.n);
    return x.neg ? -c : c;
}

/* |x| + |y| or |x| - |y| with the given result sign rules */
static BI ty_bi_addsub(Scr *s, BI x, BI y, bool yneg)
{
    if (x.neg == yneg) {
        size_t m = (x.n > y.n ? x.n : y.n) + 1;
        uint64_t *z = ty_scr_alloc(s, m);
        size_t n = ty_nat_add(z, x.d, x.n, y.d, y.n);
        return mkbi(z, n, x.neg);
    }
    int c = ty_nat_cmp(x.d, x.n, y.d, y.n);
    if (c == 0)
        return mkbi(NULL, 0, false);
    if (c > 0) {
        uint64_t *z = ty_scr_alloc(s, x.n);
        size_t n = ty_nat_sub(z, x.d, x.n, y.d, y.n);
        return mkbi(z, n, x.neg);
    }
    uint64_t *z = ty_scr_alloc(s, y.n);
    size_t n = ty_nat_sub(z, y.d, y.n, x.d, x.n);
    return mkbi(z, n, yneg);
}

BI ty_bi_add(Scr *s, BI x, BI y) { return ty_bi_addsub(s, x, y, y.neg); }
BI ty_bi_sub(Scr *s, BI x, BI y) { return ty_bi_addsub(s, x, y, y.n ? !y.neg : false); }

BI ty_bi_mul(Scr *s, BI x, BI y)
{
    if (!x.n || !y.n)
        return mkbi(NULL, 0, false);
    uint64_t *z = ty_scr_alloc(s, (size_t)x.n + y.n);
    size_t n = ty_nat_mul(z, x.d, x.n, y.d, y.n);
    return mkbi(z, n, x.neg != y.neg);
}

void ty_bi_quorem(Scr *s, BI x, BI y, BI *q, BI *r)
{
    size_t qn = 0, rn = 0;
    uint64_t *qd = NULL, *rd = NULL;
    if (q)
        qd = ty_scr_alloc(s, x.n >= y.n ? x.n - y.n + 1 : 1);
    if (r)
        rd = ty_scr_alloc(s, y.n > x.n ? x.n : y.n);
    if (x.n < y.n || ty_nat_cmp(x.d, x.n, y.d, y.n) < 0) {
        if (r) {
            wcopy(rd, x.d, x.n);
            rn = x.n;
        }
    } else {
        ty_nat_divmod(s, qd, &qn, rd, r ? &rn : NULL, x.d, x.n, y.d, y.n);
    }
    if (q)
        *q = mkbi(qd, qn, x.neg != y.neg);
    if (r)
        *r = mkbi(rd, rn, x.neg);
}

BI ty_bi_shl(Scr *s, BI x, uint64_t n)
{
    if (!x.n)
        return x;
    uint64_t *z = ty_scr_alloc(s, x.n + (size_t)(n / 64) + 1);
    size_t zn = ty_nat_shl(z, x.d, x.n, n);
    return mkbi(z, zn, x.neg);
}

static const uint64_t one_limb[1] = {1};

BI ty_bi_shr(Scr *s, BI x, uint64_t n)
{
    if (!x.n)
        return x;
    if (!x.neg) {
        uint64_t *z = ty_scr_alloc(s, x.n);
        size_t zn = ty_nat_shr(z, x.d, x.n, n);
        return mkbi(z, zn, false);
    }
    /* -(((|x| - 1) >> n) + 1) */
    uint64_t *t = ty_scr_alloc(s, x.n);
    size_t tn = ty_nat_sub(t, x.d, x.n, one_limb, 1);
    tn = ty_nat_shr(t, t, tn, n);
    uint64_t *z = ty_scr_alloc(s, tn + 1);
    size_t zn = ty_nat_add(z, t, tn, one_limb, 1);
    return mkbi(z, zn, true);
}

/* |x| - 1 for x != 0 */
static BI mag_dec(Scr *s, BI x)
{
    uint64_t *t = ty_scr_alloc(s, x.n);
    size_t tn = ty_nat_sub(t, x.d, x.n, one_limb, 1);
    return mkbi(t, tn, false);
}

/* -(|x| + 1) */
static BI neg_inc(Scr *s, BI x)
{
    uint64_t *t = ty_scr_alloc(s, x.n + 1);
    size_t tn = ty_nat_add(t, x.d, x.n, one_limb, 1);
    return mkbi(t, tn, true);
}

enum { OP_AND, OP_OR, OP_XOR, OP_ANDNOT };

static BI ty_nat_bitop(Scr *s, BI x, BI y, int op)
{
    size_t m = x.n > y.n ? x.n : y.n;
    uint64_t *z = ty_scr_alloc(s, m ? m : 1);
    for (size_t i = 0; i < m; i++) {
        uint64_t a = i < x.n ? x.d[i] : 0, b = i < y.n ? y.d[i] : 0;
        switch (op) {
        case OP_AND: z[i] = a & b; break;
        case OP_OR: z[i] = a | b; break;
        case OP_XOR: z[i] = a ^ b; break;
        default: z[i] = a & ~b; break;
        }
    }
    return mkbi(z, ty_nat_norm(z, m), false);
}

/* Two's-complement semantics: for x < 0, x == ^(|x|-1). */
BI ty_bi_and(Scr *s, BI x, BI y)
{
    if (x.neg == y.neg) {
        if (!x.neg)
            return ty_nat_bitop(s, x, y, OP_AND);
        return neg_inc(s, ty_nat_bitop(s, mag_dec(s, x), mag_dec(s, y), OP_OR));
    }
    if (x.neg) {
        BI t = x;
        x = y;
        y = t;
    }
    /* x >= 0, y < 0: x &^ (|y|-1) */
    return ty_nat_bitop(s, x, mag_dec(s, y), OP_ANDNOT);
}

BI ty_bi_or(Scr *s, BI x, BI y)
{
    if (x.neg == y.neg) {
        if (!x.neg)
            return ty_nat_bitop(s, x, y, OP_OR);
        return neg_inc(s, ty_nat_bitop(s, mag_dec(s, x), mag_dec(s, y), OP_AND));
    }
    if (x.neg) {
        BI t = x;
        x = y;
        y = t;
    }
    /* x >= 0, y < 0: -(((|y|-1) &^ x) + 1) */
    return neg_inc(s, ty_nat_bitop(s, mag_dec(s, y), x, OP_ANDNOT));
}

BI ty_bi_xor(Scr *s, BI x, BI y)
{
    if (x.neg == y.neg) {
        if (!x.neg)
            return ty_nat_bitop(s, x, y, OP_XOR);
        return ty_nat_bitop(s, mag_dec(s, x), mag_dec(s, y), OP_XOR);
    }
    if (x.neg) {
        BI t = x;
        x = y;
        y = t;
    }
    return neg_inc(s, ty_nat_bitop(s, x, mag_dec(s, y), OP_XOR));
}

BI ty_bi_andnot(Scr *s, BI x, BI y)
{
    if (x.neg == y.neg) {
        if (!x.neg)
            return ty_nat_bitop(s, x, y, OP_ANDNOT);
        /* ^X1 & Y1 */
        return ty_nat_bitop(s, mag_dec(s, y), mag_dec(s, x), OP_ANDNOT);
    }
    if (x.neg) /* ^X1 & ^y == ^(X1 | y) */
        return neg_inc(s, ty_nat_bitop(s, mag_dec(s, x), y, OP_OR));
    /* x & (|y|-1) */
    return ty_nat_bitop(s, x, mag_dec(s, y), OP_AND);
}

BI ty_bi_not(Scr *s, BI x)
{
    if (x.neg) /* -x - 1 = |x| - 1 */
        return mag_dec(s, x);
    return neg_inc(s, x);
}

static uint64_t gcd64(uint64_t a, uint64_t b)
{
    if (!a)
        return b;
    if (!b)
        return a;
    unsigned k = ctz64(a | b);
    a >>= ctz64(a);
    do {
        b >>= ctz64(b);
        if (a > b) {
            uint64_t t = a;
            a = b;
            b = t;
        }
        b -= a;
    } while (b);
    return a << k;
}

/* Lehmer's simulation of Euclid's algorithm on the leading 64 bits (Knuth
 * 4.5.2 L with Collins' stopping condition, as in math/big).  (u0,v0) and
 * (u1,v1) combine A and B into the next remainder pair:
 * A' = |u0*A - v0*B|, B' = |u1*A - v1*B|.  No progress when v0 == 0. */
static bool lehmer_cosequence(uint64_t a1, uint64_t a2, uint64_t *u0, uint64_t *u1,
                              uint64_t *v0, uint64_t *v1)
{
    uint64_t U0 = 0, U1 = 1, U2 = 0, V0 = 0, V1 = 0, V2 = 1;
    while (a2 >= V2 && a1 - a2 >= V1 + V2) {
        uint64_t q = a1 / a2, r = a1 % a2;
        a1 = a2;
        a2 = r;
        uint64_t nu = U1 + q * U2, nv = V1 + q * V2;
        U0 = U1;
        U1 = U2;
        U2 = nu;
        V0 = V1;
        V1 = V2;
        V2 = nv;
    }
    *u0 = U0;
    *u1 = U1;
    *v0 = V0;
    *v1 = V1;
    return V0 != 0;
}

BI ty_bi_gcd(Scr *s, BI x, BI y)
{
    x = ty_bi_abs(x);
    y = ty_bi_abs(y);
    if (ty_nat_cmp(x.d, x.n, y.d, y.n) < 0) {
        BI t = x;
        x = y;
        y = t;
    }
    if (!y.n)
        return ty_bi_copy(s, x);
    size_t cap = x.n + 1;
    uint64_t *A = ty_scr_alloc(s, cap), *B = ty_scr_alloc(s, cap), *T = ty_scr_alloc(s, cap),
             *U = ty_scr_alloc(s, cap);
    size_t an = x.n, bn = y.n;
    wcopy(A, x.d, an);
    wcopy(B, y.d, bn);
    /* invariant: A >= B */
    while (bn > 1) {
        /* Lehmer step when A and B have the same length */
        if (an == bn) {
            unsigned sh = clz64(A[an - 1]);
            uint64_t a1 = sh ? (A[an - 1] << sh) | (A[an - 2] >> (64 - sh)) : A[an - 1];
            uint64_t a2 = sh ? (B[bn - 1] << sh) | (B[bn - 2] >> (64 - sh)) : B[bn - 1];
            uint64_t u0, u1, v0, v1;
            if (lehmer_cosequence(a1, a2, &u0, &u1, &v0, &v1)) {
                ScrMark mk = ty_scr_mark(s);
                uint64_t *p = ty_scr_alloc(s, an + 1), *q = ty_scr_alloc(s, an + 1);
                size_t pn = ty_nat_mul(p, A, an, &u0, 1), qn = ty_nat_mul(q, B, bn, &v0, 1);
                size_t tn = ty_nat_cmp(p, pn, q, qn) >= 0 ? ty_nat_sub(T, p, pn, q, qn)
                                                       : ty_nat_sub(T, q, qn, p, pn);
                pn = ty_nat_mul(p, A, an, &u1, 1);
                qn = ty_nat_mul(q, B, bn, &v1, 1);
                size_t un = ty_nat_cmp(p, pn, q, qn) >= 0 ? ty_nat_sub(U, p, pn, q, qn)
                                                       : ty_nat_sub(U, q, qn, p, pn);
                ty_scr_release(s, mk);
                uint64_t *t1 = A, *t2 = B;
                A = T;
                an = tn;
                B = U;
                bn = un;
                T = t1;
                U = t2;
                if (ty_nat_cmp(A, an, B, bn) < 0) {
                    uint64_t *t = A;
                    A = B;
                    B = t;
                    size_t k = an;
                    an = bn;
                    bn = k;
                }
                continue;
            }
        }
        /* plain Euclidean step: A, B = B, A mod B */
        size_t rn;
        ty_nat_divmod(s, NULL, NULL, T, &rn, A, an, B, bn);
        uint64_t *t = A;
        A = B;
        an = bn;
        B = T;
        bn = rn;
        T = t;
    }
    if (bn == 1) {
        uint64_t r = ty_nat_div1(NULL, A, an, B[0]);
        A[0] = gcd64(B[0], r);
        an = 1;
    }
    return mkbi(A, an, false);
}

void ty_bi_fmt_dec(Scr *s, Buf *b, BI x)
{
    if (x.neg)
        buf_putc(b, '-');
    if (x.n <= 1) {
        buf_printf(b, "%llu", (unsigned long long)(x.n ? x.d[0] : 0));
        return;
    }
    ScrMark mk = ty_scr_mark(s);
    const uint64_t base = 10000000000000000000ull; /* 10^19 */
    uint64_t *t = ty_scr_alloc(s, x.n);
    wcopy(t, x.d, x.n);
    size_t tn = x.n;
    size_t maxchunks = (size_t)x.n * 64 / 63 + 2; /* 10^19 > 2^63 */
    uint64_t *chunks = ty_scr_alloc(s, maxchunks);
    size_t nc = 0;
    while (tn) {
        chunks[nc++] = ty_nat_div1(t, t, tn, base);
        tn = ty_nat_norm(t, tn);
    }
    buf_printf(b, "%llu", (unsigned long long)chunks[nc - 1]);
    for (size_t i = nc - 1; i-- > 0;)
        buf_printf(b, "%019llu", (unsigned long long)chunks[i]);
    ty_scr_release(s, mk);
}

/* ---- scanning (math/big natconv.go / ratconv.go) ----------------------------- */

int ty_nat_scan(Scr *s, const char *str, size_t n, size_t *pos, int base, bool fracOk,
             BI *res, int *bout, int64_t *countout)
{
    size_t i = *pos;
    char prev = '.';
    bool invalSep = false;
    int b = base, prefix = 0;
    int64_t count = 0;
#define PEEK() (i < n ? (int)(unsigned char)str[i] : -1)
    if (base == 0) {
        b = 10;
        if (PEEK() == '0') {
            prev = '0';
            count = 1;
            i++;
            int ch = PEEK();
            if (ch >= 0) {
                switch (ch) {
                case 'b': case 'B': b = 2; prefix = 'b'; break;
                case 'o': case 'O': b = 8; prefix = 'o'; break;
                case 'x': case 'X': b = 16; prefix = 'x'; break;
                default:
                    if (!fracOk) {
                        b = 8;
                        prefix = '0';
                    }
                }
                if (prefix) {
                    count = 0;
                    if (prefix != '0')
                        i++;
                }
            }
        }
    }
    /* At most 4 bits per remaining character. */
    size_t cap = (n - i) / 16 + 2;
    uint64_t *z = ty_scr_zalloc(s, cap);
    size_t zn = 0;
    uint64_t bn = 1; /* b^k for the digits collected in di */
    int k = 0, kmax;
    switch (b) {
    case 2: kmax = 63; break;
    case 8: kmax = 21; break;
    case 16: kmax = 15; break;
    default: kmax = 19; break;
    }
    uint64_t di = 0;
    int64_t dp = -1;
    for (;;) {
        int ch = PEEK();
        if (ch < 0)
            break;
        if (ch == '.' && fracOk) {
            fracOk = false;
            if (prev == '_')
                invalSep = true;
            prev = '.';
            dp = count;
        } else if (ch == '_' && base == 0) {
            if (prev != '0')
                invalSep = true;
            prev = '_';
        } else {
            unsigned d1;
            if (ch >= '0' && ch <= '9')
                d1 = (unsigned)(ch - '0');
            else if (ch >= 'a' && ch <= 'z')
                d1 = (unsigned)(ch - 'a' + 10);
            else if (ch >= 'A' && ch <= 'Z')
                d1 = (unsigned)(ch - 'A' + 10);
            else
                d1 = 99;
            if (d1 >= (unsigned)b)
                break;
            prev = '0';
            count++;
            di = di * (uint64_t)b + d1;
            bn *= (uint64_t)b;
            if (++k == kmax) {
                uint64_t c = di;
                for (size_t j = 0; j < zn; j++) {
                    u128 t = (u128)z[j] * bn + c;
                    z[j] = (uint64_t)t;
                    c = (uint64_t)(t >> 64);
                }
                if (c)
                    z[zn++] = c;
                di = 0;
                bn = 1;
                k = 0;
            }
        }
        i++;
    }
#undef PEEK
    if (k) {
        uint64_t c = di;
        for (size_t j = 0; j < zn; j++) {
            u128 t = (u128)z[j] * bn + c;
            z[j] = (uint64_t)t;
            c = (uint64_t)(t >> 64);
        }
        if (c)
            z[zn++] = c;
    }
    *pos = i;
    int err = SCAN_OK;
    if (invalSep || prev == '_')
        err = SCAN_ERR_SEP;
    if (count == 0) {
        if (prefix == '0') {
            *res = mkbi(NULL, 0, false);
            *bout = 10;
            *countout = 1;
            return err;
        }
        err = SCAN_ERR_NODIGITS;
    }
    *res = mkbi(z, ty_nat_norm(z, zn), false);
    *bout = b;
    if (dp >= 0)
        count = dp - count;
    *countout = count;
    return err;
}

int ty_scan_exponent(const char *str, size_t n, size_t *pos, bool base2ok, bool sepOk,
                  int64_t *exp, int *ebase)
{
    size_t i = *pos;
    *exp = 0;
    *ebase = 10;
    if (i >= n)
        return SCAN_OK;
    char ch = str[i];
    if (ch == 'e' || ch == 'E') {
        *ebase = 10;
    } else if ((ch == 'p' || ch == 'P') && base2ok) {
        *ebase = 2;
    } else {
        return SCAN_OK;
    }
    i++;
    bool neg = false;
    if (i < n && (str[i] == '+' || str[i] == '-')) {
        neg = str[i] == '-';
        i++;
    }
    char prev = '.';
    bool invalSep = false, hasDigits = false, overflow = false;
    uint64_t v = 0;
    for (; i < n; i++) {
        char c = str[i];
        if (c >= '0' && c <= '9') {
            if (v > (UINT64_MAX - 9) / 10)
                overflow = true;
            else
                v = v * 10 + (uint64_t)(c - '0');
            prev = '0';
            hasDigits = true;
        } else if (c == '_' && sepOk) {
            if (prev != '0')
                invalSep = true;
            prev = '_';
        } else {
            break;
        }
    }
    *pos = i;
    if (!hasDigits)
        return SCAN_ERR_NODIGITS;
    if (overflow || v > (uint64_t)INT64_MAX + neg)
        return SCAN_ERR_RANGE; /* strconv.ParseInt range error */
    *exp = neg ? (int64_t)(0 - v) : (int64_t)v;
    if (invalSep || prev == '_')
        return SCAN_ERR_SEP;
    return SCAN_OK;
}

bool ty_bi_parse(Scr *s, const char *str, size_t n, BI *out)
{
    size_t i = 0;
    if (n == 0)
        return false;
    bool neg = false;
    if (str[0] == '+' || str[0] == '-') {
        neg = str[0] == '-';
        i++;
    }
    int b;
    int64_t count;
    BI x;
    if (ty_nat_scan(s, str, n, &i, 0, false, &x, &b, &count) != SCAN_OK || i != n)
        return false;
    x.neg = x.n ? neg : false;
    *out = x;
    return true;
}

/* ---- rationals ------------------------------------------------------------------ */

BR ty_br_from_bi(Scr *s, BI x)
{
    BR r = {x, ty_bi_from_u64(s, 1)};
    return r;
}

BR ty_br_norm(Scr *s, BI num, BI den)
{
    bool neg = num.neg != den.neg;
    num = ty_bi_abs(num);
    den = ty_bi_abs(den);
    if (!num.n)
        return ty_br_from_bi(s, num);
    if (!(den.n == 1 && den.d[0] == 1)) {
        BI g;
        if (num.n == 1 && den.n == 1)
            g = ty_bi_from_u64(s, gcd64(num.d[0], den.d[0]));
        else
            g = ty_bi_gcd(s, num, den);
        if (!ty_bi_is_one(g)) {
            ty_bi_quorem(s, num, g, &num, NULL);
            ty_bi_quorem(s, den, g, &den, NULL);
        }
    }
    num.neg = neg;
    BR r = {num, den};
    return r;
}

/* x / g for g dividing x exactly (g == 1 returns x) */
static BI div_exact(Scr *s, BI x, BI g)
{
    if (ty_bi_is_one(g))
        return x;
    BI q;
    ty_bi_quorem(s, x, g, &q, NULL);
    return q;
}

/* Operations on normalized rationals keep their results normalized with
 * the smallest gcds (Knuth 4.5.1): the result is unique, so this only
 * saves work. */
BR ty_br_add(Scr *s, BR x, BR y)
{
    if (ty_br_is_int(x) && ty_br_is_int(y))
        return ty_br_from_bi(s, ty_bi_add(s, x.num, y.num));
    if (ty_br_is_int(y)) { /* a/b + c = (a + c*b)/b, already normalized */
        BR r = {ty_bi_add(s, x.num, ty_bi_mul(s, y.num, x.den)), x.den};
        if (!r.num.n)
            r.den = ty_bi_from_u64(s, 1);
        return r;
    }
    if (ty_br_is_int(x)) {
        BR r = {ty_bi_add(s, y.num, ty_bi_mul(s, x.num, y.den)), y.den};
        if (!r.num.n)
            r.den = ty_bi_from_u64(s, 1);
        return r;
    }
    BI g = ty_bi_gcd(s, x.den, y.den);
    if (ty_bi_is_one(g)) {
        BI t = ty_bi_add(s, ty_bi_mul(s, x.num, y.den), ty_bi_mul(s, y.num, x.den));
        if (!t.n)
            return ty_br_from_bi(s, t);
        BR r = {t, ty_bi_mul(s, x.den, y.den)};
        return r;
    }
    BI bg = div_exact(s, x.den, g), dg = div_exact(s, y.den, g);
    BI t = ty_bi_add(s, ty_bi_mul(s, x.num, dg), ty_bi_mul(s, y.num, bg));
    if (!t.n)
        return ty_br_from_bi(s, t);
    BI g2 = ty_bi_gcd(s, t, g);
    BR r = {div_exact(s, t, g2), ty_bi_mul(s, bg, div_exact(s, y.den, g2))};
    return r;
}

BR ty_br_sub(Scr *s, BR x, BR y) { return ty_br_add(s, x, ty_br_neg(y)); }

/* (a/b) * (c/d) with a/b, c/d in lowest terms */
static BR mul_parts(Scr *s, BI a, BI b, BI c, BI d)
{
    if (!a.n || !c.n)
        return ty_br_from_bi(s, ty_bi_from_u64(s, 0));
    BI g1 = ty_bi_is_one(d) ? d : ty_bi_gcd(s, a, d);
    BI g2 = ty_bi_is_one(b) ? b : ty_bi_gcd(s, c, b);
    BR r = {ty_bi_mul(s, div_exact(s, a, g1), div_exact(s, c, g2)),
            ty_bi_mul(s, div_exact(s, b, g2), div_exact(s, d, g1))};
    r.num.neg = r.num.n ? a.neg != c.neg : false;
    r.den.neg = false;
    return r;
}

BR ty_br_mul(Scr *s, BR x, BR y)
{
    if (ty_br_is_int(x) && ty_br_is_int(y))
        return ty_br_from_bi(s, ty_bi_mul(s, x.num, y.num));
    return mul_parts(s, x.num, x.den, y.num, y.den);
}

BR ty_br_quo(Scr *s, BR x, BR y)
{
    /* (a/b) / (c/d) = (a/b) * (d/c), with the sign moved to the numerator */
    BI c = ty_bi_abs(y.num), d = y.den;
    if (y.num.neg)
        d = ty_bi_neg(d);
    return mul_parts(s, x.num, x.den, d, c);
}

int ty_br_cmp(Scr *s, BR x, BR y)
{
    if (ty_br_is_int(x) && ty_br_is_int(y))
        return ty_bi_cmp(x.num, y.num);
    ScrMark mk = ty_scr_mark(s);
    int c = ty_bi_cmp(ty_bi_mul(s, x.num, y.den), ty_bi_mul(s, y.num, x.den));
    ty_scr_release(s, mk);
    return c;
}

static BI pow5(Scr *s, uint64_t n)
{
    BI r = ty_bi_from_u64(s, 1), b = ty_bi_from_u64(s, 5);
    while (n) {
        if (n & 1)
            r = ty_bi_mul(s, r, b);
        n >>= 1;
        if (n)
            b = ty_bi_mul(s, b, b);
    }
    return r;
}

bool ty_br_parse(Scr *s, const char *str, size_t n, int64_t limit, BR *out)
{
    if (n == 0)
        return false;
    const char *slash = memchr(str, '/', n);
    if (slash) {
        size_t sep = (size_t)(slash - str);
        BI a, b;
        if (!ty_bi_parse(s, str, sep, &a))
            return false;
        size_t i = sep + 1;
        int base;
        int64_t count;
        if (ty_nat_scan(s, str, n, &i, 0, false, &b, &base, &count) != SCAN_OK || i != n)
            return false;
        if (!b.n)
            return false;
        *out = ty_br_norm(s, a, b);
        return true;
    }
    size_t i = 0;
    bool neg = false;
    if (str[0] == '+' || str[0] == '-') {
        neg = str[0] == '-';
        i++;
    }
    BI a;
    int base;
    int64_t fcount;
    if (ty_nat_scan(s, str, n, &i, 0, true, &a, &base, &fcount) != SCAN_OK)
        return false;
    int64_t exp;
    int ebase;
    if (ty_scan_exponent(str, n, &i, true, true, &exp, &ebase) != SCAN_OK)
        return false;
    if (i != n)
        return false;
    if (!a.n) {
        *out = ty_br_from_bi(s, a);
        return true;
    }
    int64_t exp2 = 0, exp5 = 0;
    if (fcount < 0) {
        int64_t d = fcount;
        switch (base) {
        case 10: exp5 = d; exp2 = d; break;
        case 2: exp2 = d; break;
        case 8: exp2 = d * 3; break;
        default: exp2 = d * 4; break;
        }
    }
    /* Go's int64 arithmetic wraps; so does this. */
    if (ebase == 10)
        exp5 = (int64_t)((uint64_t)exp5 + (uint64_t)exp);
    exp2 = (int64_t)((uint64_t)exp2 + (uint64_t)exp);
    if (limit > 0 && (exp5 > limit || exp5 < -limit || exp2 > limit || exp2 < -limit))
        return false;
    uint64_t m5 = 0, m2 = 0; /* the denominator is 5**m5 * 2**m2 */
    if (exp5 != 0) {
        uint64_t m = exp5 < 0 ? 0 - (uint64_t)exp5 : (uint64_t)exp5;
        if (exp5 == INT64_MIN)
            return false;
        if (m > 1000000)
            return false;
        if (exp5 > 0)
            a = ty_bi_mul(s, a, pow5(s, m));
        else
            m5 = m;
    }
    if (exp2 < -10000000 || exp2 > 10000000)
        return false;
    if (exp2 > 0)
        a = ty_bi_shl(s, a, (uint64_t)exp2);
    else if (exp2 < 0)
        m2 = (uint64_t)-exp2;
    /* Lowest terms: cancel the factors 2 and 5 the numerator has (the
     * same result as big.Rat's gcd normalization, with less work). */
    if (m2) {
        uint64_t tz = 0;
        size_t k = 0;
        while (k < a.n && !a.d[k]) {
            tz += 64;
            k++;
        }
        tz += ctz64(a.d[k]);
        if (tz > m2)
            tz = m2;
        if (tz) {
            uint64_t *z = ty_scr_alloc(s, a.n);
            a = mkbi(z, ty_nat_shr(z, a.d, a.n, tz), false);
            m2 -= tz;
        }
    }
    if (m5) {
        uint64_t *q = ty_scr_alloc(s, a.n);
        while (m5 && ty_nat_div1(q, a.d, a.n, 5) == 0) {
            a = mkbi(q, ty_nat_norm(q, a.n), false);
            q = ty_scr_alloc(s, a.n);
            m5--;
        }
    }
    BI den = m5 ? pow5(s, m5) : ty_bi_from_u64(s, 1);
    if (m2)
        den = ty_bi_shl(s, den, m2);
    a.neg = neg && a.n;
    BR r = {a, den};
    *out = r;
    return true;
}

/* quotToFloat64 / quotToFloat32 of math/big (rat.go), for a/b > 0 in lowest
 * terms.  msize is the mantissa field width (52 or 23). */
static double quot_to_float(Scr *s, BI a, BI b, int msize, int ebias, bool *exact)
{
    const int msize1 = msize + 1, msize2 = msize1 + 1;
    const int emin = 1 - ebias;
    if (!a.n) {
        *exact = true;
        return 0;
    }
    ScrMark mk = ty_scr_mark(s);
    int64_t alen = (int64_t)ty_nat_bitlen(a.d, a.n), blen = (int64_t)ty_nat_bitlen(b.d, b.n);
    int64_t exp = alen - blen;
    BI a2 = a, b2 = b;
    int64_t shift = msize2 - exp;
    if (shift > 0)
        a2 = ty_bi_shl(s, a2, (uint64_t)shift);
    else if (shift < 0)
        b2 = ty_bi_shl(s, b2, (uint64_t)-shift);
    BI q, r;
    ty_bi_quorem(s, ty_bi_abs(a2), ty_bi_abs(b2), &q, &r);
    uint64_t mantissa = ty_bi_low64(q);
    bool haveRem = r.n > 0;
    if (mantissa >> msize2 == 1) {
        if (mantissa & 1)
            haveRem = true;
        mantissa >>= 1;
        exp++;
    }
    ty_scr_release(s, mk);
    if (emin - msize <= exp && exp <= emin) {
        unsigned sh = (unsigned)(emin - (exp - 1));
        uint64_t lost = mantissa & (((uint64_t)1 << sh) - 1);
        haveRem = haveRem || lost != 0;
        mantissa >>= sh;
        exp = 2 - ebias;
    }
    bool ex = !haveRem;
    if (mantissa & 1) {
        ex = false;
        if (haveRem || (mantissa & 2)) {
            if (++mantissa >= (uint64_t)1 << msize2) {
                mantissa >>= 1;
                exp++;
            }
        }
    }
    mantissa >>= 1;
    /* math.Ldexp: exponents far outside the double range saturate. */
    int e = exp - msize1 > 100000 ? 100000 : exp - msize1 < -100000 ? -100000 : (int)(exp - msize1);
    double f = ldexp((double)mantissa, e);
    *exact = ex;
    return f;
}

double ty_br_to_f64(Scr *s, BR x, bool *exact)
{
    double f = quot_to_float(s, x.num, x.den, 52, 1023, exact);
    if (isinf(f))
        *exact = false;
    return x.num.neg ? -f : f;
}

float ty_br_to_f32(Scr *s, BR x, bool *exact)
{
    float f = (float)quot_to_float(s, x.num, x.den, 23, 127, exact);
    if (isinf(f))
        *exact = false;
    return x.num.neg ? -f : f;
}

BR ty_br_from_f64(Scr *s, double f)
{
    /* big.Rat.SetFloat64 (exact) */
    int e;
    double m = frexp(f, &e); /* f = m * 2^e, 0.5 <= |m| < 1 */
    bool neg = signbit(f);
    if (f == 0)
        return ty_br_from_bi(s, ty_bi_from_u64(s, 0));
    uint64_t mant = (uint64_t)ldexp(fabs(m), 53);
    int shift = 53 - e; /* f = mant / 2^shift */
    BI num = ty_bi_from_u64(s, mant), den = ty_bi_from_u64(s, 1);
    if (shift > 0)
        den = ty_bi_shl(s, den, (uint64_t)shift);
    else if (shift < 0)
        num = ty_bi_shl(s, num, (uint64_t)-shift);
    num.neg = neg;
    return ty_br_norm(s, num, den);
}

void ty_br_fmt(Scr *s, Buf *b, BR x)
{
    ty_bi_fmt_dec(s, b, x.num);
    buf_putc(b, '/');
    ty_bi_fmt_dec(s, b, x.den);
}
