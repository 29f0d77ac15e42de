/* Printing of constant values: go/constant's String and ExactString, with
 * strconv's quoting and fmt's %g/%.6g float formats. */
#include "const_impl.h"

#include <math.h>
#include <stdlib.h>

/* ---- printing --------------------------------------------------------------------- */

void ty_quote_string(Buf *b, const char *s, size_t n) { buf_quote_go(b, s, n); }
void ty_quote_rune(Buf *b, int32_t r) { buf_quote_rune(b, r); }

/* Decimal digits of a finite nonzero double: value = 0.d[0]d[1]... × 10^dp */
typedef struct Digits {
    char d[40];
    int nd, dp;
} Digits;

/* digits from a "%.*e" rendering (possibly with a leading '0' or more
 * than one integer digit from neighbor arithmetic) */
static void digits_from_e(Digits *g, const char *s)
{
    g->nd = 0;
    int intdigits = 0;
    bool point = false;
    const char *p = s;
    if (*p == '-')
        p++;
    for (; *p && *p != 'e'; p++) {
        if (*p == '.') {
            point = true;
            continue;
        }
        g->d[g->nd++] = *p;
        if (!point)
            intdigits++;
    }
    int e = *p == 'e' ? atoi(p + 1) : 0;
    g->dp = e + intdigits;
    /* strip leading zeros */
    int k = 0;
    while (k < g->nd - 1 && g->d[k] == '0') {
        k++;
        g->dp--;
    }
    memmove(g->d, g->d + k, (size_t)(g->nd - k));
    g->nd -= k;
    while (g->nd > 1 && g->d[g->nd - 1] == '0')
        g->nd--;
}

/* p-digit string s ("d.ddd" or "d") plus delta ulp in the last digit,
 * written as "dd.ddde<exp>" into out */
static void neighbor(char *out, size_t cap, const char *digs, int nd, int e10, int delta)
{
    char t[48];
    int n = nd;
    memcpy(t + 1, digs, (size_t)nd);
    t[0] = '0';
    n = nd + 1;
    int i = n - 1;
    if (delta > 0) {
        while (i >= 0 && t[i] == '9') {
            t[i] = '0';
            i--;
        }
        if (i >= 0)
            t[i]++;
    } else {
        while (i >= 0 && t[i] == '0') {
            t[i] = '9';
            i--;
        }
        if (i >= 0)
            t[i]--;
    }
    /* t = digits with one extra leading digit; value = t[0]t[1].t[2..] e(e10) */
    char buf[64];
    size_t k = 0;
    buf[k++] = t[0];
    buf[k++] = t[1];
    if (n > 2) {
        buf[k++] = '.';
        for (int j = 2; j < n; j++)
            buf[k++] = t[j];
    }
    buf[k] = 0;
    snprintf(out, cap, "%se%d", buf, e10);
}

/* Go's strconv shortest digits for a finite nonzero double */
static void shortest_digits(Digits *g, double x)
{
    char buf[64], nb[96];
    double ax = fabs(x);
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*e", p - 1, ax);
        if (strtod(buf, NULL) == ax) {
            digits_from_e(g, buf);
            return;
        }
        /* the closest p-digit decimal may lie outside the rounding interval
         * while a neighbor is inside (asymmetric intervals) */
        char digs[24];
        int nd = 0;
        const char *q = buf;
        for (; *q && *q != 'e'; q++)
            if (*q != '.')
                digs[nd++] = *q;
        int e10 = atoi(q + 1); /* exponent of the first digit */
        for (int delta = -1; delta <= 1; delta += 2) {
            neighbor(nb, sizeof nb, digs, nd, e10, delta);
            if (strtod(nb, NULL) == ax) {
                digits_from_e(g, nb);
                return;
            }
        }
    }
    snprintf(buf, sizeof buf, "%.16e", ax);
    digits_from_e(g, buf);
}

static void fmt_e(Buf *b, bool neg, const Digits *g, int prec)
{
    if (neg)
        buf_putc(b, '-');
    buf_putc(b, g->nd ? g->d[0] : '0');
    if (prec > 0) {
        buf_putc(b, '.');
        int i = 1;
        int m = g->nd < prec + 1 ? g->nd : prec + 1;
        for (; i < m; i++)
            buf_putc(b, g->d[i]);
        for (; i <= prec; i++)
            buf_putc(b, '0');
    }
    int exp = g->nd ? g->dp - 1 : 0;
    buf_printf(b, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
}

static void fmt_f(Buf *b, bool neg, const Digits *g, int prec)
{
    if (neg)
        buf_putc(b, '-');
    if (g->dp > 0) {
        int m = g->nd < g->dp ? g->nd : g->dp;
        for (int i = 0; i < m; i++)
            buf_putc(b, g->d[i]);
        for (int i = m; i < g->dp; i++)
            buf_putc(b, '0');
    } else {
        buf_putc(b, '0');
    }
    if (prec > 0) {
        buf_putc(b, '.');
        for (int i = 0; i < prec; i++) {
            int j = g->dp + i;
            buf_putc(b, j >= 0 && j < g->nd ? g->d[j] : '0');
        }
    }
}

/* fmt's %g (shortest) of a finite nonzero double */
static void fmt_g_shortest(Buf *b, double x)
{
    Digits g;
    shortest_digits(&g, x);
    int exp = g.dp - 1;
    if (exp < -4 || exp >= 6) {
        fmt_e(b, x < 0, &g, g.nd - 1);
        return;
    }
    int prec = g.nd;
    if (prec > g.dp)
        prec = g.nd;
    fmt_f(b, x < 0, &g, prec - g.dp > 0 ? prec - g.dp : 0);
}

/* math.Exp as Go computes it on amd64 (exp_amd64.s, FMA variant), for the
 * small arguments used here: bit-identical results, unlike the C library's
 * exp, so that approximate decimal exponents print as gc prints them. */
static double go_exp(double x)
{
    /* No statement below has a multiply feeding an add, so the compiler
     * cannot contract anything into an FMA of its own. */
    const double LOG2E = 1.4426950408889634073599246810018920;
    const double LN2U = 0.69314718055966295651160180568695068359375;
    const double LN2L = 0.28235290563031577122588448175013436025525412068e-12;
    double k = (double)(int)lrint(x * LOG2E);
    double x0 = fma(-k, LN2U, x);
    x0 = fma(-k, LN2L, x0);
    x0 *= 0.0625;
    double x1 = 2.4801587301587301587e-5;
    x1 = fma(x1, x0, 1.9841269841269841270e-4);
    x1 = fma(x1, x0, 1.3888888888888888889e-3);
    x1 = fma(x1, x0, 8.3333333333333333333e-3);
    x1 = fma(x1, x0, 4.1666666666666666667e-2);
    x1 = fma(x1, x0, 1.6666666666666666667e-1);
    x1 = fma(x1, x0, 0.5);
    x1 = fma(x1, x0, 1.0);
    x0 = x0 * x1;
    for (int i = 0; i < 3; i++) {
        x1 = x0 + 2.0;
        x0 = x0 * x1;
    }
    x1 = x0 + 2.0;
    x0 = fma(x0, x1, 1.0);
    return ldexp(x0, (int)k);
}

/* math.Pow(10, y) as Go computes it (for |y| < 1) */
static double go_pow10(double y)
{
    if (y == 0)
        return 1;
    if (y == 1)
        return 10;
    if (y == 0.5)
        return sqrt(10.0);
    if (y == -0.5)
        return 1 / sqrt(10.0);
    double yi;
    double yf = modf(fabs(y), &yi);
    double a1 = 1;
    int ae = 0;
    if (yf != 0) {
        if (yf > 0.5) {
            yf--;
            yi++;
        }
        a1 = go_exp(yf * 2.302585092994046); /* math.Log(10) */
    }
    double x1 = 0.625;
    int xe = 4;
    for (int64_t i = (int64_t)yi; i != 0; i >>= 1) {
        if (i & 1) {
            a1 *= x1;
            ae += xe;
        }
        x1 *= x1;
        xe <<= 1;
        if (x1 < .5) {
            x1 += x1;
            xe--;
        }
    }
    if (y < 0) {
        a1 = 1 / a1;
        ae = -ae;
    }
    return ldexp(a1, ae);
}

/* go/constant's floatVal.String */
static void fmt_float(Buf *b, BF f)
{
    if (f.form == BF_INF) {
        buf_puts(b, f.neg ? "-Inf" : "+Inf");
        return;
    }
    int acc;
    double x = ty_bf_to_f64(f, &acc);
    if ((ty_bf_sign(f) == 0) == (x == 0) && !isinf(x)) {
        char tmp[64];
        snprintf(tmp, sizeof tmp, "%.6g", x);
        if (!ty_bf_is_int(f) && !strchr(tmp, '.')) {
            fmt_g_shortest(b, x);
            return;
        }
        buf_puts(b, tmp);
        return;
    }
    /* Out of float64 range: approximate decimal conversion. */
    BF mant = f;
    mant.exp = 0;
    int64_t exp = f.exp;
    double m = ty_bf_to_f64(mant, &acc);
    double d = (double)exp * 0.30102999566398119521; /* math.Ln2 / math.Ln10 */
    int64_t e = (int64_t)d;
    m *= go_pow10(d - (double)e);
    double am = fabs(m);
    if (am < 1 - 0.5e-6) {
        m *= 10;
        e--;
    } else if (am >= 10) {
        m /= 10;
        e++;
    }
    buf_printf(b, "%.6ge%+lld", m, (long long)e);
}

static void fmt_string_short(Buf *b, const TyConstStr *t)
{
    enum { MAXLEN = 72 };
    char *tofree;
    const char *p = ty_cv_str_bytes(t, &tofree);
    size_t start = b->len;
    ty_quote_string(b, p, t->len);
    free(tofree);
    /* count runes of the quoted form */
    const unsigned char *q = (const unsigned char *)b->data + start;
    size_t qn = b->len - start, runes = 0, cut = 0;
    for (size_t i = 0; i < qn;) {
        int w;
        utf8_decode(q + i, qn - i, &w);
        i += (size_t)w;
        runes++;
        if (runes == MAXLEN - 3)
            cut = i;
    }
    if (runes > MAXLEN) {
        b->len = start + cut;
        b->data[b->len] = 0;
        buf_puts(b, "...");
    }
}

void ty_const_fmt(Buf *b, TyConst x)
{
    Scr s;
    switch (x.rep) {
    case TY_REP_UNKNOWN: buf_puts(b, "unknown"); return;
    case TY_REP_BOOL: buf_puts(b, x.u.b ? "true" : "false"); return;
    case TY_REP_STRING: fmt_string_short(b, x.u.str); return;
    case TY_REP_INT64: {
        char tmp[24], *p = tmp + sizeof tmp;
        uint64_t u = x.u.i64 < 0 ? 0 - (uint64_t)x.u.i64 : (uint64_t)x.u.i64;
        do
            *--p = (char)('0' + u % 10);
        while (u /= 10);
        if (x.u.i64 < 0)
            *--p = '-';
        buf_put(b, p, (size_t)(tmp + sizeof tmp - p));
        return;
    }
    case TY_REP_BIGINT:
        ty_scr_init(&s);
        ty_bi_fmt_dec(&s, b, view_big(x.u.big));
        ty_scr_free(&s);
        return;
    case TY_REP_RAT:
        ty_scr_init(&s);
        fmt_float(b, ty_bf_from_br(&s, view_rat(x.u.rat), TY_CONST_PREC));
        ty_scr_free(&s);
        return;
    case TY_REP_FLOAT: fmt_float(b, view_float(x.u.flt)); return;
    case TY_REP_COMPLEX:
        buf_putc(b, '(');
        ty_const_fmt(b, x.u.cx->re);
        buf_puts(b, " + ");
        ty_const_fmt(b, x.u.cx->im);
        buf_puts(b, "i)");
        return;
    }
}

void ty_const_fmt_exact(Buf *b, TyConst x)
{
    Scr s;
    switch (x.rep) {
    case TY_REP_STRING: {
        char *tofree;
        const char *p = ty_cv_str_bytes(x.u.str, &tofree);
        ty_quote_string(b, p, x.u.str->len);
        free(tofree);
        return;
    }
    case TY_REP_RAT: {
        ty_scr_init(&s);
        BR r = view_rat(x.u.rat);
        if (ty_br_is_int(r))
            ty_bi_fmt_dec(&s, b, r.num);
        else
            ty_br_fmt(&s, b, r);
        ty_scr_free(&s);
        return;
    }
    case TY_REP_FLOAT: ty_bf_fmt_p(b, view_float(x.u.flt)); return;
    case TY_REP_COMPLEX:
        buf_putc(b, '(');
        ty_const_fmt_exact(b, x.u.cx->re);
        buf_puts(b, " + ");
        ty_const_fmt_exact(b, x.u.cx->im);
        buf_puts(b, "i)");
        return;
    default: ty_const_fmt(b, x); return;
    }
}

const char *ty_const_str(Arena *a, TyConst x)
{
    Buf b = {0};
    ty_const_fmt(&b, x);
    const char *r = arena_strndup(a, buf_str(&b), b.len);
    buf_free(&b);
    return r;
}

const char *ty_const_exact_str(Arena *a, TyConst x)
{
    Buf b = {0};
    ty_const_fmt_exact(&b, x);
    const char *r = arena_strndup(a, buf_str(&b), b.len);
    buf_free(&b);
    return r;
}
