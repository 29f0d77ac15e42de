/* Go literals for the constant component: go/constant's MakeFromLiteral
 * with strconv's unquoting rules and math/big's number syntax. */
#include "const_impl.h"

#include <stdlib.h>

/* ---- literals ---------------------------------------------------------------- */

/* strconv.UnquoteChar.  Returns false on syntax errors. */
static bool unquote_char(const char *s, size_t n, char quote, int32_t *value, bool *multibyte,
                         size_t *used)
{
    *multibyte = false;
    if (n == 0)
        return false;
    unsigned char c = (unsigned char)s[0];
    if (c == (unsigned char)quote && (quote == '\'' || quote == '"'))
        return false;
    if (c >= 0x80) {
        int w;
        *value = utf8_decode((const unsigned char *)s, n, &w);
        *multibyte = true;
        *used = (size_t)w;
        return true;
    }
    if (c != '\\') {
        *value = c;
        *used = 1;
        return true;
    }
    if (n <= 1)
        return false;
    c = (unsigned char)s[1];
    size_t i = 2;
    int32_t v = 0;
    switch (c) {
    case 'a': v = '\a'; break;
    case 'b': v = '\b'; break;
    case 'f': v = '\f'; break;
    case 'n': v = '\n'; break;
    case 'r': v = '\r'; break;
    case 't': v = '\t'; break;
    case 'v': v = '\v'; break;
    case 'x':
    case 'u':
    case 'U': {
        size_t k = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        if (n - i < k)
            return false;
        uint32_t u = 0;
        for (size_t j = 0; j < k; j++) {
            char h = s[i + j];
            unsigned d;
            if (h >= '0' && h <= '9')
                d = (unsigned)(h - '0');
            else if (h >= 'a' && h <= 'f')
                d = (unsigned)(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                d = (unsigned)(h - 'A' + 10);
            else
                return false;
            u = u << 4 | d;
        }
        i += k;
        if (c != 'x') {
            if (u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF))
                return false;
            *multibyte = true;
        }
        v = (int32_t)u;
        break;
    }
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        v = c - '0';
        if (n - i < 2)
            return false;
        for (size_t j = 0; j < 2; j++) {
            int d = s[i + j] - '0';
            if (d < 0 || d > 7)
                return false;
            v = (v << 3) | d;
        }
        i += 2;
        if (v > 255)
            return false;
        break;
    case '\\': v = '\\'; break;
    case '\'':
    case '"':
        if (c != (unsigned char)quote)
            return false;
        v = c;
        break;
    default:
        return false;
    }
    *value = v;
    *used = i;
    return true;
}

static bool valid_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        int w;
        int32_t r = utf8_decode((const unsigned char *)s + i, n - i, &w);
        if (r == RUNE_ERROR && w == 1)
            return false;
        i += (size_t)w;
    }
    return true;
}

/* strconv.Unquote into a heap buffer (*out, *outlen; caller frees). */
static bool unquote(const char *in, size_t n, char **out, size_t *outlen)
{
    *out = NULL;
    if (n < 2)
        return false;
    char quote = in[0];
    const char *q = memchr(in + 1, quote, n - 1);
    if (!q)
        return false;
    size_t end = (size_t)(q - in) + 1; /* position after the terminating quote */
    if (quote == '`') {
        if (end != n)
            return false;
        char *buf = xmalloc(n);
        size_t k = 0;
        for (size_t i = 1; i < end - 1; i++)
            if (in[i] != '\r')
                buf[k++] = in[i];
        *out = buf;
        *outlen = k;
        return true;
    }
    if (quote != '"' && quote != '\'')
        return false;
    if (!memchr(in, '\\', end) && !memchr(in, '\n', end)) {
        bool valid;
        if (quote == '"') {
            valid = valid_utf8(in + 1, end - 2);
        } else {
            int w;
            int32_t r = utf8_decode((const unsigned char *)in + 1, end - 2, &w);
            valid = (size_t)(1 + w + 1) == end && (r != RUNE_ERROR || w != 1);
        }
        if (valid) {
            if (end != n)
                return false;
            *out = xstrndup(in + 1, end - 2);
            *outlen = end - 2;
            return true;
        }
    }
    Buf b = {0};
    size_t i = 1;
    while (i < n && in[i] != quote) {
        int32_t r;
        bool mb;
        size_t used;
        if (in[i] == '\n' || !unquote_char(in + i, n - i, quote, &r, &mb, &used)) {
            buf_free(&b);
            return false;
        }
        i += used;
        if (r < 0x80 || !mb) {
            buf_putc(&b, (char)r);
        } else {
            char e[4];
            buf_put(&b, e, (size_t)utf8_encode(e, r));
        }
        if (quote == '\'')
            break;
    }
    if (!(i < n && in[i] == quote) || i + 1 != n) {
        buf_free(&b);
        return false;
    }
    *outlen = b.len;
    *out = b.data ? b.data : xstrdup("");
    return true;
}

static uint64_t gcd_u64(uint64_t a, uint64_t b)
{
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* Short decimal literals, [digits][.digits][e[sign]ddd] with at most 19
 * significant digits, whose value num/den (lowest terms) fits 64 bits.
 * These are the common case and certainly "small" floats. */
static bool small_decimal(const char *lit, size_t n, uint64_t *num, uint64_t *den)
{
    static const uint64_t pow10[20] = {
        1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull,
        100000000ull, 1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull,
        10000000000000ull, 100000000000000ull, 1000000000000000ull, 10000000000000000ull,
        100000000000000000ull, 1000000000000000000ull, 10000000000000000000ull,
    };
    size_t i = 0;
    uint64_t m = 0;
    int sig = 0, frac = 0;
    bool digits = false, point = false;
    for (; i < n; i++) {
        char c = lit[i];
        if (c >= '0' && c <= '9') {
            digits = true;
            if (point)
                frac++;
            if (m == 0 && c == '0')
                continue;
            if (++sig > 19)
                return false;
            m = m * 10 + (uint64_t)(c - '0');
        } else if (c == '.' && !point) {
            point = true;
        } else {
            break;
        }
    }
    if (!digits)
        return false;
    int e = 0;
    if (i < n) {
        if (lit[i] != 'e' && lit[i] != 'E')
            return false;
        i++;
        bool neg = false;
        if (i < n && (lit[i] == '+' || lit[i] == '-')) {
            neg = lit[i] == '-';
            i++;
        }
        int nd = 0;
        for (; i < n && lit[i] >= '0' && lit[i] <= '9'; i++) {
            if (++nd > 3)
                return false;
            e = e * 10 + (lit[i] - '0');
        }
        if (nd == 0 || i != n)
            return false;
        if (neg)
            e = -e;
    }
    int k = e - frac; /* value = m * 10**k */
    if (m == 0) {
        *num = 0;
        *den = 1;
        return true;
    }
    if (k >= 0) {
        *den = 1;
        return k <= 19 && !__builtin_mul_overflow(m, pow10[k], num);
    }
    if (-k > 19)
        return false;
    uint64_t d = pow10[-k], g = gcd_u64(m, d);
    *num = m / g;
    *den = d / g;
    return true;
}

/* go/constant's makeFloatFromLiteral; *ok false where it returns nil */
static TyConst float_from_literal(Arena *a, const char *lit, size_t n, bool *ok)
{
    uint64_t num, den;
    if (small_decimal(lit, n, &num, &den)) {
        BR r = {{&num, num != 0, false}, {&den, 1, false}};
        *ok = true;
        return ty_cv_store_rat(a, r);
    }
    Scr s;
    ty_scr_init(&s);
    *ok = true;
    TyConst res;
    /* Fast path: a literal with a moderate exponent and not too many digits
     * is certainly a "small" float, so its exact rational is the result. */
    if (n < 1000 && !memchr(lit, '/', n)) {
        BR r;
        if (ty_br_parse(&s, lit, n, 2000, &r)) {
            int64_t e = (int64_t)ty_nat_bitlen(r.num.d, r.num.n) - (int64_t)ty_nat_bitlen(r.den.d, r.den.n);
            if (!r.num.n || (e > -MAX_EXP + 8 && e < MAX_EXP - 8)) {
                res = ty_cv_store_rat(a, r);
                ty_scr_free(&s);
                return res;
            }
        }
    }
    BF f;
    if (!ty_bf_parse(&s, lit, n, TY_CONST_PREC, &f)) {
        *ok = false;
        ty_scr_free(&s);
        return ty_const_unknown();
    }
    if (ty_cv_small_float(f)) {
        const char *l = lit;
        size_t ln = n;
        if (f.form == BF_ZERO) {
            l = "0";
            ln = 1;
        }
        BR r;
        if (ty_br_parse(&s, l, ln, 0, &r)) {
            res = ty_cv_store_rat(a, r);
            ty_scr_free(&s);
            return res;
        }
    }
    res = ty_cv_make_float(a, f);
    ty_scr_free(&s);
    return res;
}

TyConst ty_const_from_literal(Arena *a, const char *lit, size_t n, TyConstLit kind)
{
    switch (kind) {
    case TY_LIT_INT: {
        /* fast path: short decimal literals */
        if (n > 0 && n <= 18 && lit[0] >= '1' && lit[0] <= '9') {
            int64_t v = 0;
            size_t i = 0;
            for (; i < n && lit[i] >= '0' && lit[i] <= '9'; i++)
                v = v * 10 + (lit[i] - '0');
            if (i == n)
                return ty_const_int64(v);
        }
        Scr s;
        ty_scr_init(&s);
        BI x;
        TyConst c = ty_const_unknown();
        if (ty_bi_parse(&s, lit, n, &x))
            c = ty_cv_make_int(a, x);
        ty_scr_free(&s);
        return c;
    }
    case TY_LIT_FLOAT: {
        bool ok;
        return float_from_literal(a, lit, n, &ok);
    }
    case TY_LIT_IMAG:
        if (n > 0 && lit[n - 1] == 'i') {
            bool ok;
            TyConst im = float_from_literal(a, lit, n - 1, &ok);
            if (ok)
                return ty_cv_make_complex(a, ty_const_int64(0), im);
        }
        return ty_const_unknown();
    case TY_LIT_RUNE:
        if (n >= 2) {
            int32_t r;
            bool mb;
            size_t used;
            if (unquote_char(lit + 1, n - 2, '\'', &r, &mb, &used))
                return ty_const_int64(r);
        }
        return ty_const_unknown();
    case TY_LIT_STRING: {
        char *s;
        size_t len;
        if (!unquote(lit, n, &s, &len))
            return ty_const_unknown();
        TyConst c = ty_const_string(a, s, len);
        free(s);
        return c;
    }
    }
    return ty_const_unknown();
}
