/*
 * constant — Go's compile-time constant arithmetic (package go/constant, as
 * used by go/types and cmd/compile's types2), part of the types module.
 *
 * Contract:
 *  - A TyConst is a small value passed by value.  Its kind is Unknown, Bool,
 *    String, Int, Float or Complex.  Like go/constant, Int values are held as
 *    an int64 when they fit and as an arbitrary-precision integer otherwise;
 *    Float values as an exact rational while numerator and denominator stay
 *    below 4096 bits (go/constant's maxExp) and otherwise as a binary
 *    floating-point number with a 512-bit mantissa (math/big.Float
 *    semantics, round to nearest even, exponent range of int32); Complex
 *    values as a pair of Int/Float values.  Every result is what go/constant
 *    computes, including its representation choices (which are observable
 *    through ExactString and later rounding).
 *  - Values are immutable and may be shared freely (also between threads).
 *    Operations that need storage for their result take an Arena; the result
 *    lives as long as that arena (it may also point into its operands, so
 *    operands must live at least as long).  Temporary storage is taken from
 *    the C stack or the heap and released before returning.  Operations on
 *    Bool, Unknown and int64-sized Int values with int64-sized results
 *    (literals included) use neither the arena nor the heap.
 *  - go/constant panics on operations that are not defined for the operands
 *    (e.g. 1 + "a", division by zero, shifting a float).  Here such calls
 *    return Unknown (Compare: false); the type checker rejects them before
 *    evaluating anyway.  Unknown operands give Unknown results (Compare:
 *    false), exactly as in go/constant.
 *  - Like go/constant, nothing limits sizes: the caller bounds shift counts
 *    (go/types rejects counts above 1074 for untyped constants and reports
 *    integers above TY_CONST_PREC bits as overflows).
 *  - ty_const_fmt prints the short form of Value.String() (what gc puts in
 *    error messages), ty_const_fmt_exact Value.ExactString().
 *  - No global mutable state.
 *
 * Files: constant.c (values, operations), constlit.c (literals), constfmt.c
 * (printing), bigint.c (integers, rationals), bigfloat.c (big.Float), and
 * the private const_impl.h.  tests/unit/test_constant.c and the
 * differential test tests/types/constant/run.sh (against go/constant)
 * cover them.
 *
 * The public names use the prefixes ty_const_ / TyConst / TY_CONST_ (and
 * TY_OP_, TY_LIT_, TY_CT_, TY_REP_ for the enums); internal symbols shared
 * between the files above start with ty_ as well.
 */
#ifndef GOESC_TYPES_CONSTANT_H
#define GOESC_TYPES_CONSTANT_H

#include "../base/base.h"

/* Mantissa precision of Float values (go/constant's prec); also the bit size
 * beyond which the type checker reports an untyped integer overflow. */
#define TY_CONST_PREC 512

typedef enum TyConstKind {
    TY_CONST_UNKNOWN,
    TY_CONST_BOOL,
    TY_CONST_STRING,
    TY_CONST_INT,
    TY_CONST_FLOAT,
    TY_CONST_COMPLEX
} TyConstKind;

/* Internal representation (go/constant's unknownVal, boolVal, stringVal,
 * int64Val, intVal, ratVal, floatVal, complexVal).  Exposed only because the
 * struct is passed by value; use it for tests and debugging. */
typedef enum TyConstRep {
    TY_REP_UNKNOWN,
    TY_REP_BOOL,
    TY_REP_STRING,
    TY_REP_INT64,
    TY_REP_BIGINT,
    TY_REP_RAT,
    TY_REP_FLOAT,
    TY_REP_COMPLEX
} TyConstRep;

typedef struct TyBigInt TyBigInt;
typedef struct TyRat TyRat;
typedef struct TyBigFloat TyBigFloat;
typedef struct TyConstComplex TyConstComplex;
typedef struct TyConstStr TyConstStr;

typedef struct TyConst {
    uint8_t rep; /* TyConstRep */
    union {
        bool b;
        int64_t i64;
        const TyBigInt *big;
        const TyRat *rat;
        const TyBigFloat *flt;
        const TyConstComplex *cx;
        const TyConstStr *str;
    } u;
} TyConst;

/* Operators (go/token names).  TY_OP_QUO_INT is token.QUO_ASSIGN: integer
 * division of Int operands. */
typedef enum TyConstOp {
    TY_OP_ADD = 1, /* +  (also unary) */
    TY_OP_SUB,     /* -  (also unary) */
    TY_OP_MUL,     /* *  */
    TY_OP_QUO,     /* /  */
    TY_OP_QUO_INT, /* /  forcing integer division */
    TY_OP_REM,     /* %  */
    TY_OP_AND,     /* &  */
    TY_OP_OR,      /* |  */
    TY_OP_XOR,     /* ^  (also unary) */
    TY_OP_AND_NOT, /* &^ */
    TY_OP_LAND,    /* && */
    TY_OP_LOR,     /* || */
    TY_OP_NOT,     /* !  (unary) */
    TY_OP_SHL,     /* << */
    TY_OP_SHR,     /* >> */
    TY_OP_EQL,     /* == */
    TY_OP_NEQ,     /* != */
    TY_OP_LSS,     /* <  */
    TY_OP_LEQ,     /* <= */
    TY_OP_GTR,     /* >  */
    TY_OP_GEQ      /* >= */
} TyConstOp;

/* Literal kinds, in the order of syntax.LitKind (SynLitKind). */
typedef enum TyConstLit {
    TY_LIT_INT,
    TY_LIT_FLOAT,
    TY_LIT_IMAG,
    TY_LIT_RUNE,
    TY_LIT_STRING
} TyConstLit;

/* Target types for ty_const_representable, numbered like go/types'
 * BasicKind.  int, uint and uintptr are 64 bits wide (amd64, arm64). */
typedef enum TyConstTarget {
    TY_CT_INVALID,
    TY_CT_BOOL,
    TY_CT_INT,
    TY_CT_INT8,
    TY_CT_INT16,
    TY_CT_INT32,
    TY_CT_INT64,
    TY_CT_UINT,
    TY_CT_UINT8,
    TY_CT_UINT16,
    TY_CT_UINT32,
    TY_CT_UINT64,
    TY_CT_UINTPTR,
    TY_CT_FLOAT32,
    TY_CT_FLOAT64,
    TY_CT_COMPLEX64,
    TY_CT_COMPLEX128,
    TY_CT_STRING,
    TY_CT_UNSAFE_POINTER,
    TY_CT_UNTYPED_BOOL,
    TY_CT_UNTYPED_INT,
    TY_CT_UNTYPED_RUNE,
    TY_CT_UNTYPED_FLOAT,
    TY_CT_UNTYPED_COMPLEX,
    TY_CT_UNTYPED_STRING,
    TY_CT_UNTYPED_NIL
} TyConstTarget;

/* ---- construction ----------------------------------------------------------- */

static inline TyConst ty_const_unknown(void) { TyConst c = {TY_REP_UNKNOWN, {.i64 = 0}}; return c; }
static inline TyConst ty_const_bool(bool b) { TyConst c = {TY_REP_BOOL, {.b = b}}; return c; }
static inline TyConst ty_const_int64(int64_t x) { TyConst c = {TY_REP_INT64, {.i64 = x}}; return c; }
TyConst ty_const_uint64(Arena *a, uint64_t x);
/* MakeFloat64: -0 becomes 0; infinities and NaN give Unknown. */
TyConst ty_const_float64(Arena *a, double x);
/* MakeString: the bytes are copied into the arena. */
TyConst ty_const_string(Arena *a, const char *s, size_t n);
/* MakeFromLiteral: lit is the literal's source text (without the quotes
 * removed).  Malformed literals give Unknown. */
TyConst ty_const_from_literal(Arena *a, const char *lit, size_t n, TyConstLit kind);
/* MakeFromBytes: little-endian magnitude of a non-negative Int. */
TyConst ty_const_from_bytes(Arena *a, const uint8_t *bytes, size_t n);
/* MakeImag: x*i for Int/Float x (Unknown stays Unknown). */
TyConst ty_const_make_imag(Arena *a, TyConst x);
/* re + im*i for Int/Float parts (go/constant's makeComplex). */
TyConst ty_const_make_complex(Arena *a, TyConst re, TyConst im);

/* ---- accessors (go/constant's semantics for Unknown) ------------------------- */

static inline TyConstKind ty_const_kind(TyConst x)
{
    static const unsigned char k[] = {TY_CONST_UNKNOWN, TY_CONST_BOOL, TY_CONST_STRING, TY_CONST_INT,
                                      TY_CONST_INT, TY_CONST_FLOAT, TY_CONST_FLOAT, TY_CONST_COMPLEX};
    return (TyConstKind)k[x.rep];
}
static inline TyConstRep ty_const_rep(TyConst x) { return (TyConstRep)x.rep; }
static inline bool ty_const_is_unknown(TyConst x) { return x.rep == TY_REP_UNKNOWN; }
static inline bool ty_const_bool_val(TyConst x) { return x.rep == TY_REP_BOOL && x.u.b; }
/* StringVal.  The result is NUL-terminated; for concatenations it is built
 * in the arena (each call builds it again; keep the result if needed often). */
const char *ty_const_string_val(Arena *a, TyConst x, size_t *len);
size_t ty_const_string_len(TyConst x);
int64_t ty_const_int64_val(TyConst x, bool *exact);
uint64_t ty_const_uint64_val(TyConst x, bool *exact);
/* Nearest float32/float64 and whether it is exact; overflow gives ±Inf (not
 * exact), underflow ±0.  Defined for Int and Float values. */
float ty_const_float32_val(TyConst x, bool *exact);
double ty_const_float64_val(TyConst x, bool *exact);
/* -1, 0, +1; for Complex 0 iff zero; 1 for Unknown. */
int ty_const_sign(TyConst x);
/* Bits of |x| for Int values, 0 otherwise. */
int ty_const_bitlen(TyConst x);
/* Bytes: little-endian magnitude of an Int into out (up to cap bytes);
 * returns the full length. */
size_t ty_const_bytes(TyConst x, uint8_t *out, size_t cap);
/* Num / Denom of Int or Float values; Unknown when not representable. */
TyConst ty_const_num(Arena *a, TyConst x);
TyConst ty_const_denom(Arena *a, TyConst x);
TyConst ty_const_real(TyConst x);
TyConst ty_const_imag(TyConst x);

/* ---- conversions ------------------------------------------------------------- */

/* ToInt: Int for Ints, integral Floats (also Floats within a few bits of an
 * integer, as go/constant rounds them) and Complex with such a real part and
 * zero imaginary part; Unknown otherwise.  ToFloat, ToComplex likewise. */
TyConst ty_const_to_int(Arena *a, TyConst x);
TyConst ty_const_to_float(Arena *a, TyConst x);
TyConst ty_const_to_complex(Arena *a, TyConst x);

/* ---- operations ---------------------------------------------------------------- */

/* UnaryOp: + - ^ !.  For ^ with prec > 0 the result is limited to prec bits
 * (unsigned types). */
TyConst ty_const_unary(Arena *a, TyConstOp op, TyConst y, unsigned prec);
/* BinaryOp: + - * / (QUO, QUO_INT) % & | ^ &^ && ||.  Int / Int with QUO is
 * a Float; division by zero gives Unknown. */
TyConst ty_const_binary(Arena *a, TyConst x, TyConstOp op, TyConst y);
/* Shift: x << s or x >> s for Int x. */
TyConst ty_const_shift(Arena *a, TyConst x, TyConstOp op, uint64_t s);
/* Compare: == != < <= > >=. */
bool ty_const_compare(TyConst x, TyConstOp op, TyConst y);

/* ---- printing -------------------------------------------------------------------- */

void ty_const_fmt(Buf *b, TyConst x);       /* Value.String() */
void ty_const_fmt_exact(Buf *b, TyConst x); /* Value.ExactString() */
const char *ty_const_str(Arena *a, TyConst x);
const char *ty_const_exact_str(Arena *a, TyConst x);
/* strconv.Quote and strconv.QuoteRune (what fmt's %q prints); the same as
 * base's buf_quote_go and buf_quote_rune. */
void ty_quote_string(Buf *b, const char *s, size_t n);
void ty_quote_rune(Buf *b, int32_t r);

/* ---- representability (go/types representableConst) --------------------------- */

/* Reports whether x is representable as a value of type t (go/types'
 * representableConst).  If rounded is not NULL it receives, as in go/types:
 * for integer types the Int value of x whenever x converts to an Int (even
 * if out of range); for float and complex types the value rounded to
 * float32/float64 precision when representable; otherwise it is left
 * alone.  rounded may point to x.  Unknown is representable by every type. */
bool ty_const_representable(Arena *a, TyConst x, TyConstTarget t, TyConst *rounded);

#endif
