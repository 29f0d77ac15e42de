/*
 * const_impl.h — private to the constant component (constant.c, constlit.c,
 * constfmt.c, bigint.c, bigfloat.c).  Nothing here is part of the types
 * module's interface.
 *
 * Numbers are computed on "views": BI (signed integer), BR (normalized
 * rational) and BF (binary floating point) whose limb arrays live either in
 * an immutable stored value (arena) or in a Scr, a scratch stack that a
 * top-level operation creates on the C stack and frees before returning.
 * All functions that produce a view allocate its limbs from the Scr they
 * are given and never modify their inputs.
 *
 * Limbs are 64-bit, least significant first; a magnitude is normalized when
 * its top limb is non-zero (length 0 means zero).
 */
#ifndef GOESC_TYPES_CONST_IMPL_H
#define GOESC_TYPES_CONST_IMPL_H

#include "constant.h"

#include <string.h>

__extension__ typedef unsigned __int128 u128;
__extension__ typedef __int128 i128;

/* ---- scratch stack ------------------------------------------------------ */

#define SCR_INLINE 256 /* words kept on the C stack before touching the heap */

typedef struct ScrBlk {
    struct ScrBlk *prev;
    size_t cap;
    uint64_t w[];
} ScrBlk;

typedef struct Scr {
    uint64_t *cur, *end;
    ScrBlk *blk; /* newest heap block */
    uint64_t inl[SCR_INLINE];
} Scr;

typedef struct ScrMark {
    uint64_t *cur, *end;
    ScrBlk *blk;
} ScrMark;

void ty_scr_init(Scr *s);
void ty_scr_free(Scr *s);
uint64_t *ty_scr_alloc_slow(Scr *s, size_t n);
static inline uint64_t *ty_scr_alloc(Scr *s, size_t n)
{
    if ((size_t)(s->end - s->cur) >= n) {
        uint64_t *p = s->cur;
        s->cur += n;
        return p;
    }
    return ty_scr_alloc_slow(s, n);
}
static inline uint64_t *ty_scr_zalloc(Scr *s, size_t n)
{
    uint64_t *p = ty_scr_alloc(s, n);
    if (n)
        memset(p, 0, n * sizeof *p);
    return p;
}
static inline ScrMark ty_scr_mark(const Scr *s) { return (ScrMark){s->cur, s->end, s->blk}; }
void ty_scr_release(Scr *s, ScrMark m);

/* ---- natural numbers (limb arrays) ---------------------------------------- */

/* memcpy/memmove of n limbs; n may be 0 with NULL pointers (zero values) */
static inline void wcopy(uint64_t *dst, const uint64_t *src, size_t n)
{
    if (n)
        memcpy(dst, src, n * sizeof *dst);
}
static inline void wmove(uint64_t *dst, const uint64_t *src, size_t n)
{
    if (n)
        memmove(dst, src, n * sizeof *dst);
}

static inline size_t ty_nat_norm(const uint64_t *d, size_t n)
{
    while (n && !d[n - 1])
        n--;
    return n;
}
static inline unsigned clz64(uint64_t x) { return x ? (unsigned)__builtin_clzll(x) : 64; }
static inline unsigned ctz64(uint64_t x) { return x ? (unsigned)__builtin_ctzll(x) : 64; }
static inline uint64_t ty_nat_bitlen(const uint64_t *d, size_t n)
{
    return n ? (uint64_t)n * 64 - clz64(d[n - 1]) : 0;
}
int ty_nat_cmp(const uint64_t *a, size_t an, const uint64_t *b, size_t bn);
/* z = a + b; z has room for max(an,bn)+1 words; returns normalized length. */
size_t ty_nat_add(uint64_t *z, const uint64_t *a, size_t an, const uint64_t *b, size_t bn);
/* z = a - b for a >= b; z has room for an words; returns normalized length. */
size_t ty_nat_sub(uint64_t *z, const uint64_t *a, size_t an, const uint64_t *b, size_t bn);
/* z = a * b; z (an+bn words) must not overlap a or b; returns normalized length. */
size_t ty_nat_mul(uint64_t *z, const uint64_t *a, size_t an, const uint64_t *b, size_t bn);
/* z = a << s; z has room for n + s/64 + 1 words; returns normalized length. */
size_t ty_nat_shl(uint64_t *z, const uint64_t *a, size_t n, uint64_t s);
/* z = a >> s; z has room for n words; returns normalized length. */
size_t ty_nat_shr(uint64_t *z, const uint64_t *a, size_t n, uint64_t s);
/* q = a / b, r = a % b (b != 0).  q has room for an-bn+1 words (or may be
 * NULL), r for bn words (or NULL).  Lengths returned through *qn / *rn. */
void ty_nat_divmod(Scr *s, uint64_t *q, size_t *qn, uint64_t *r, size_t *rn,
                const uint64_t *a, size_t an, const uint64_t *b, size_t bn);
/* true if any of the bits below bit position `pos` is set */
bool ty_nat_sticky(const uint64_t *d, size_t n, uint64_t pos);
static inline unsigned ty_nat_bit(const uint64_t *d, size_t n, uint64_t pos)
{
    uint64_t w = pos / 64;
    return w < n ? (unsigned)(d[w] >> (pos % 64)) & 1 : 0;
}
/* Lowercase hexadecimal digits of a (no leading zeros; "0" for zero). */
void ty_nat_hex(Buf *b, const uint64_t *a, size_t n);

/* ---- signed integers ---------------------------------------------------------- */

typedef struct BI {
    const uint64_t *d;
    uint32_t n;  /* normalized length */
    bool neg;    /* never set for zero */
} BI;

BI ty_bi_from_i64(Scr *s, int64_t x);
BI ty_bi_from_u64(Scr *s, uint64_t x);
BI ty_bi_copy(Scr *s, BI x);
static inline BI ty_bi_neg(BI x) { x.neg = x.n ? !x.neg : false; return x; }
static inline BI ty_bi_abs(BI x) { x.neg = false; return x; }
static inline bool ty_bi_is_one(BI x) { return x.n == 1 && x.d[0] == 1 && !x.neg; }
bool ty_bi_to_i64(BI x, int64_t *out); /* true if x fits */
uint64_t ty_bi_low64(BI x); /* low 64 bits of |x| */
int ty_bi_cmp(BI x, BI y);
BI ty_bi_add(Scr *s, BI x, BI y);
BI ty_bi_sub(Scr *s, BI x, BI y);
BI ty_bi_mul(Scr *s, BI x, BI y);
/* Truncated division (Go's Quo/Rem); y != 0.  q or r may be NULL. */
void ty_bi_quorem(Scr *s, BI x, BI y, BI *q, BI *r);
BI ty_bi_shl(Scr *s, BI x, uint64_t n);
BI ty_bi_shr(Scr *s, BI x, uint64_t n); /* arithmetic: rounds toward -inf */
BI ty_bi_and(Scr *s, BI x, BI y);
BI ty_bi_or(Scr *s, BI x, BI y);
BI ty_bi_xor(Scr *s, BI x, BI y);
BI ty_bi_andnot(Scr *s, BI x, BI y);
BI ty_bi_not(Scr *s, BI x);
BI ty_bi_gcd(Scr *s, BI x, BI y); /* gcd(|x|, |y|) */
void ty_bi_fmt_dec(Scr *s, Buf *b, BI x);

/* nat.scan of math/big, on s[*pos..n): the longest prefix that is an unsigned
 * number in base (0, or 2/8/10/16 with fracOk).  Returns 0 or a SCAN_ERR_*
 * code; *b gets the actual base, *count the digit count (<= 0: -count
 * fractional digits).  On return *pos is past the consumed characters. */
enum { SCAN_OK = 0, SCAN_ERR_SYNTAX, SCAN_ERR_NODIGITS, SCAN_ERR_SEP, SCAN_ERR_RANGE };
int ty_nat_scan(Scr *s, const char *str, size_t n, size_t *pos, int base, bool fracOk,
             BI *res, int *b, int64_t *count);
/* scanExponent of math/big (base2ok and sepOk as given). */
int ty_scan_exponent(const char *str, size_t n, size_t *pos, bool base2ok, bool sepOk,
                  int64_t *exp, int *ebase);
/* big.Int.SetString(s, 0) */
bool ty_bi_parse(Scr *s, const char *str, size_t n, BI *out);

/* ---- rationals ------------------------------------------------------------------ */

typedef struct BR {
    BI num; /* sign of the rational */
    BI den; /* > 0; 1 for integers */
} BR;

BR ty_br_from_bi(Scr *s, BI x);
BR ty_br_norm(Scr *s, BI num, BI den); /* den != 0 */
static inline bool ty_br_is_int(BR x) { return x.den.n == 1 && x.den.d[0] == 1; }
static inline BR ty_br_neg(BR x) { x.num = ty_bi_neg(x.num); return x; }
BR ty_br_add(Scr *s, BR x, BR y);
BR ty_br_sub(Scr *s, BR x, BR y);
BR ty_br_mul(Scr *s, BR x, BR y);
BR ty_br_quo(Scr *s, BR x, BR y); /* y != 0 */
int ty_br_cmp(Scr *s, BR x, BR y);
/* big.Rat.SetString; with limit > 0 it also fails when a decimal or binary
 * exponent exceeds limit in magnitude (to bound the work) */
bool ty_br_parse(Scr *s, const char *str, size_t n, int64_t limit, BR *out);
/* big.Rat.Float64 / Float32: nearest value and exactness */
double ty_br_to_f64(Scr *s, BR x, bool *exact);
float ty_br_to_f32(Scr *s, BR x, bool *exact);
BR ty_br_from_f64(Scr *s, double f); /* f finite */
void ty_br_fmt(Scr *s, Buf *b, BR x); /* "a/b" */

/* ---- binary floating point (math/big.Float semantics) --------------------- */

enum { BF_ZERO, BF_FINITE, BF_INF };
typedef enum { RM_NEAREST_EVEN, RM_TO_ZERO, RM_AWAY } RoundMode;
#define BF_MINEXP INT32_MIN
#define BF_MAXEXP INT32_MAX

/* value = 0.m × 2**exp with 0.5 <= 0.m < 1 (m's top bit set); m may carry
 * trailing zero words. */
typedef struct BF {
    const uint64_t *m;
    uint32_t n;
    uint8_t form;
    bool neg;
    int64_t exp;
} BF;

/* acc: -1 below, 0 exact, +1 above the exact value (big.Accuracy) */
BF ty_bf_round_nat(Scr *s, bool neg, const uint64_t *mag, size_t n, int64_t lsbexp,
                uint32_t prec, RoundMode mode, unsigned sbit, int *acc);
BF ty_bf_round(Scr *s, BF x, uint32_t prec, RoundMode mode, int *acc); /* big.Float.Set */
BF ty_bf_from_bi(Scr *s, BI x, uint32_t prec);
BF ty_bf_from_u64(Scr *s, bool neg, uint64_t x, uint32_t prec);
BF ty_bf_from_br(Scr *s, BR x, uint32_t prec);
static inline BF ty_bf_zero(bool neg) { BF z = {0, 0, BF_ZERO, neg, 0}; return z; }
static inline BF ty_bf_neg(BF x) { x.neg = !x.neg; return x; }
static inline int ty_bf_sign(BF x) { return x.form == BF_ZERO ? 0 : x.neg ? -1 : 1; }
BF ty_bf_add(Scr *s, BF x, BF y, uint32_t prec);
BF ty_bf_sub(Scr *s, BF x, BF y, uint32_t prec);
BF ty_bf_mul(Scr *s, BF x, BF y, uint32_t prec);
BF ty_bf_quo(Scr *s, BF x, BF y, uint32_t prec); /* not 0/0 or inf/inf */
int ty_bf_cmp(BF x, BF y);
bool ty_bf_is_int(BF x);
/* big.Float.Int: truncation toward zero; returns the accuracy */
int ty_bf_to_bi(Scr *s, BF x, BI *out);
BR ty_bf_to_br(Scr *s, BF x); /* x finite or zero */
double ty_bf_to_f64(BF x, int *acc);
float ty_bf_to_f32(BF x, int *acc);
/* big.Float.Parse(s, 0) at precision prec */
bool ty_bf_parse(Scr *s, const char *str, size_t n, uint32_t prec, BF *out);
void ty_bf_fmt_p(Buf *b, BF x); /* Text('p', 0) */

/* ---- stored (immutable, arena) representations ---------------------------- */

struct TyBigInt {
    uint32_t n;
    bool neg;
    uint64_t d[];
};

struct TyRat {
    uint32_t nn, dn; /* numerator limbs d[0..nn), denominator d[nn..nn+dn) */
    bool neg;
    uint64_t d[];
};

struct TyBigFloat {
    int32_t exp;
    uint32_t n;
    uint8_t form;
    bool neg;
    uint64_t m[];
};

struct TyConstComplex {
    TyConst re, im;
};

struct TyConstStr {
    size_t len;
    const char *p;                 /* leaf: the bytes (NUL-terminated) */
    const struct TyConstStr *l, *r; /* concatenation when p == NULL */
};

/* ---- shared by constant.c, constlit.c, constfmt.c ------------------------- */

/* go/constant's maxExp: fractions with component sizes below this many bits
 * stay exact rationals */
#define MAX_EXP 4096

static inline TyConst mkc(TyConstRep rep)
{
    TyConst c;
    memset(&c, 0, sizeof c);
    c.rep = (uint8_t)rep;
    return c;
}

static inline BI view_big(const TyBigInt *b)
{
    BI x = {b->d, b->n, b->neg};
    return x;
}

static inline BR view_rat(const TyRat *r)
{
    BR x = {{r->d, r->nn, r->neg}, {r->d + r->nn, r->dn, false}};
    return x;
}

static inline BF view_float(const TyBigFloat *f)
{
    BF x = {f->m, f->n, f->form, f->neg, f->exp};
    return x;
}

TyConst ty_cv_make_int(Arena *a, BI x);       /* makeInt */
TyConst ty_cv_store_rat(Arena *a, BR x);      /* ratVal as is */
TyConst ty_cv_make_float(Arena *a, BF x);     /* makeFloat */
TyConst ty_cv_make_complex(Arena *a, TyConst re, TyConst im); /* makeComplex */
bool ty_cv_small_float(BF x);                  /* smallFloat */
/* bytes of a (possibly concatenated) string: into dst, or as a pointer
 * into the value or a heap copy that *tofree receives */
void ty_cv_str_write(const TyConstStr *t, char *dst);
const char *ty_cv_str_bytes(const TyConstStr *t, char **tofree);

#endif
