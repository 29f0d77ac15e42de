/* Unit tests of the constant component (src/types/constant.h).  The
 * expected strings are go/constant's (go1.26); tests/types/constant/run.sh
 * compares with go/constant on many more, generated cases. */
#include "unit.h"

#include "types/constant.h"

#include <math.h>
#include <string.h>

#define SETUP             \
    Arena arena_;         \
    arena_init(&arena_);  \
    Arena *a = &arena_
#define TEARDOWN arena_free(&arena_)

static TyConst lit(Arena *a, TyConstLit k, const char *s) { return ty_const_from_literal(a, s, strlen(s), k); }
static TyConst I(Arena *a, const char *s) { return lit(a, TY_LIT_INT, s); }
static TyConst F(Arena *a, const char *s) { return lit(a, TY_LIT_FLOAT, s); }

/* representation, String() and ExactString() of v */
#define CHECK_VAL(v, rep, str, exact)                       \
    do {                                                    \
        TyConst v_ = (v);                                   \
        CHECK_INT(ty_const_rep(v_), rep);                   \
        CHECK_STR(ty_const_str(a, v_), str);                \
        CHECK_STR(ty_const_exact_str(a, v_), exact);        \
    } while (0)

static TyConst bin(Arena *a, TyConst x, TyConstOp op, TyConst y) { return ty_const_binary(a, x, op, y); }

UNIT_TEST(basic_values)
{
    SETUP;
    CHECK_VAL(ty_const_unknown(), TY_REP_UNKNOWN, "unknown", "unknown");
    CHECK_VAL(ty_const_bool(true), TY_REP_BOOL, "true", "true");
    CHECK_VAL(ty_const_int64(-42), TY_REP_INT64, "-42", "-42");
    CHECK_VAL(ty_const_uint64(a, UINT64_MAX), TY_REP_BIGINT, "18446744073709551615", "18446744073709551615");
    CHECK_VAL(ty_const_uint64(a, 7), TY_REP_INT64, "7", "7");
    CHECK_VAL(ty_const_float64(a, -0.0), TY_REP_RAT, "0", "0");
    CHECK_VAL(ty_const_float64(a, 0.1), TY_REP_RAT, "0.1", "3602879701896397/36028797018963968");
    CHECK_VAL(ty_const_float64(a, 5e-324), TY_REP_RAT, "4.94066e-324",
              "1/202402253307310618352495346718917307049556649764142118356901358027430339567995346891960383701437124495187077864316811911389808737385793476867013399940738509921517424276566361364466907742093216341239767678472745068562007483424692698618103355649159556340810056512358769552333414615230502532186327508646006263307707741093494784");
    CHECK_VAL(ty_const_float64(a, INFINITY), TY_REP_UNKNOWN, "unknown", "unknown");
    CHECK_VAL(ty_const_float64(a, NAN), TY_REP_UNKNOWN, "unknown", "unknown");
    CHECK_VAL(ty_const_string(a, "", 0), TY_REP_STRING, "\"\"", "\"\"");
    CHECK_INT(ty_const_kind(ty_const_float64(a, 1)), TY_CONST_FLOAT);
    CHECK_INT(ty_const_kind(ty_const_uint64(a, UINT64_MAX)), TY_CONST_INT);
    TEARDOWN;
}

UNIT_TEST(int_literals)
{
    SETUP;
    CHECK_VAL(I(a, "0"), TY_REP_INT64, "0", "0");
    CHECK_VAL(I(a, "1_000_000"), TY_REP_INT64, "1000000", "1000000");
    CHECK_VAL(I(a, "0x_Ff"), TY_REP_INT64, "255", "255");
    CHECK_VAL(I(a, "0o17"), TY_REP_INT64, "15", "15");
    CHECK_VAL(I(a, "017"), TY_REP_INT64, "15", "15");
    CHECK_VAL(I(a, "0_17"), TY_REP_INT64, "15", "15");
    CHECK_VAL(I(a, "0b1011"), TY_REP_INT64, "11", "11");
    CHECK_VAL(I(a, "9223372036854775807"), TY_REP_INT64, "9223372036854775807", "9223372036854775807");
    CHECK_VAL(I(a, "9223372036854775808"), TY_REP_BIGINT, "9223372036854775808", "9223372036854775808");
    CHECK_VAL(I(a, "0x10000000000000000"), TY_REP_BIGINT, "18446744073709551616", "18446744073709551616");
    CHECK_VAL(I(a, "-9223372036854775808"), TY_REP_INT64, "-9223372036854775808", "-9223372036854775808");
    CHECK_VAL(I(a, "170141183460469231731687303715884105727"), TY_REP_BIGINT,
              "170141183460469231731687303715884105727", "170141183460469231731687303715884105727");
    const char *bad[] = {"", "0x", "0b", "08", "1__0", "_1", "1_", "0x_", "12a", "1e3", "--5", "0b102"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK(ty_const_is_unknown(I(a, bad[i])));
    TEARDOWN;
}

UNIT_TEST(float_literals)
{
    SETUP;
    CHECK_VAL(F(a, "1.5"), TY_REP_RAT, "1.5", "3/2");
    CHECK_VAL(F(a, ".5"), TY_REP_RAT, "0.5", "1/2");
    CHECK_VAL(F(a, "1_000.5"), TY_REP_RAT, "1000.5", "2001/2");
    CHECK_VAL(F(a, "0x1.8p1"), TY_REP_RAT, "3", "3");
    CHECK_VAL(F(a, "0.1"), TY_REP_RAT, "0.1", "1/10");
    CHECK_VAL(F(a, "3.14159265358979323846264338327950288419716939937510582097494459"), TY_REP_RAT,
              "3.14159",
              "314159265358979323846264338327950288419716939937510582097494459/"
              "100000000000000000000000000000000000000000000000000000000000000");
    CHECK_VAL(F(a, "1e1000000"), TY_REP_FLOAT, "1e+1000000",
              "0x.88b3a28a05eade3a491af84cc6ed472beec34f3c10ec25e0a887eeb435958a9160e66aa303080c427ad996cdf57043d61f0160a1ae50186818bebb792fd78cbap+3321929");
    CHECK_VAL(F(a, "1e-1000000"), TY_REP_FLOAT, "1e-1000000",
              "0x.efb4542cc8ca4189be2a4c6b1d35c418df0b3bfaf9e65a4b6f237ca9c64dcc58ca84df3eaed8ba6e3eb7b6e5e9935a24ef12a39aec58c3520ca1e48a3a04f5d9p-3321928");
    CHECK_VAL(F(a, "1e-5000"), TY_REP_FLOAT, "1e-5000",
              "0x.a43978d593b68f3f4485e2694f9f29eef41ea50773490ef5ac03cff6c6119dedf2ed54c69b87c3c8c6d5bad7346db47a5775f81ca189fb11fea6418033cf435bp-16609");
    CHECK_VAL(F(a, "1e646456992"), TY_REP_FLOAT, "1e+646456992",
              "0x.e883a0c5c8c7c429f87b989b4e2591165d9c5e1c6c2115eb208b250a2d69abf9a0b3dfdc73925664b57faa889e877c65b94f1b2f2a52c900dab926f8d3b4fe8dp+2147483644");
    CHECK_VAL(F(a, "1e646456993"), TY_REP_UNKNOWN, "unknown", "unknown"); /* overflows to Inf */
    CHECK_VAL(F(a, "6e-1886451601"), TY_REP_RAT, "0", "0");                /* underflows to 0 */
    char e400[402];
    e400[0] = '1';
    memset(e400 + 1, '0', 400);
    e400[401] = 0;
    CHECK_VAL(F(a, "1e400"), TY_REP_RAT, "1e+400", e400);
    CHECK_STR(ty_const_str(a, F(a, "0x1p-1022")), "2.22507e-308");
    CHECK_STR(ty_const_str(a, F(a, "0x1p-1074")), "4.94066e-324");
    const char *bad[] = {"", "1e", "1e+", "0x1p", "1.5e_3", "Inf", "-inf", "NaN", "1/2", "0x.p1", "1..2"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK(ty_const_is_unknown(F(a, bad[i])));
    TEARDOWN;
}

UNIT_TEST(imag_rune_string_literals)
{
    SETUP;
    CHECK_VAL(lit(a, TY_LIT_IMAG, "2i"), TY_REP_COMPLEX, "(0 + 2i)", "(0 + 2i)");
    CHECK_VAL(lit(a, TY_LIT_IMAG, "1.5i"), TY_REP_COMPLEX, "(0 + 1.5i)", "(0 + 3/2i)");
    CHECK_VAL(lit(a, TY_LIT_IMAG, "0x10i"), TY_REP_COMPLEX, "(0 + 16i)", "(0 + 16i)");
    CHECK(ty_const_is_unknown(lit(a, TY_LIT_IMAG, "2")));
    CHECK(ty_const_is_unknown(lit(a, TY_LIT_IMAG, "1e646456993i")));

    static const struct {
        const char *lit;
        int64_t val; /* -1: Unknown */
    } runes[] = {
        {"'a'", 'a'}, {"'\\n'", '\n'}, {"'\\x41'", 0x41}, {"'\\xff'", 0xff}, {"'\\101'", 65},
        {"'\\377'", 255}, {"'\\400'", -1}, {"'\\u00e9'", 0xe9}, {"'\\U0001F600'", 0x1F600},
        {"'\\uD800'", -1}, {"'\\U00110000'", -1}, {"'\\''", '\''}, {"'\\\"'", -1}, {"''", -1},
        {"'ab'", 'a'}, {"'\xe4\xb8\x96'", 0x4e16}, {"'\xff'", 0xFFFD}, {"'\\q'", -1}, {"'", -1},
    };
    for (size_t i = 0; i < sizeof runes / sizeof runes[0]; i++) {
        TyConst v = lit(a, TY_LIT_RUNE, runes[i].lit);
        if (runes[i].val < 0) {
            CHECK(ty_const_is_unknown(v));
        } else {
            bool exact;
            CHECK_INT(ty_const_int64_val(v, &exact), runes[i].val);
            CHECK(exact);
        }
    }

    static const struct {
        const char *lit, *val; /* val NULL: Unknown */
        size_t len;
    } strs[] = {
        {"\"a\\tb\"", "a\tb", 3}, {"`a\r\nb`", "a\nb", 3}, {"\"\\xff\\u00e9\"", "\xff\xc3\xa9", 3},
        {"\"\xff\"", "\xef\xbf\xbd", 3}, {"\"\\000x\"", "\0x", 2}, {"'a'", "a", 1}, {"''", "", 0},
        {"\"\"", "", 0}, {"\"\\'\"", NULL, 0}, {"'\\\"'", NULL, 0}, {"\"a", NULL, 0},
        {"\"a\"b\"", NULL, 0}, {"\"a\nb\"", NULL, 0}, {"`a`b`", NULL, 0}, {"'ab'", NULL, 0},
    };
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        TyConst v = lit(a, TY_LIT_STRING, strs[i].lit);
        if (!strs[i].val) {
            CHECK(ty_const_is_unknown(v));
            continue;
        }
        size_t len;
        const char *s = ty_const_string_val(a, v, &len);
        CHECK_INT(len, strs[i].len);
        CHECK(len == strs[i].len && memcmp(s, strs[i].val, len) == 0);
    }
    TEARDOWN;
}

UNIT_TEST(int_arithmetic)
{
    SETUP;
    TyConst max = ty_const_int64(INT64_MAX), min = ty_const_int64(INT64_MIN);
    CHECK_VAL(bin(a, max, TY_OP_ADD, ty_const_int64(1)), TY_REP_BIGINT, "9223372036854775808", "9223372036854775808");
    CHECK_VAL(bin(a, min, TY_OP_SUB, ty_const_int64(1)), TY_REP_BIGINT, "-9223372036854775809", "-9223372036854775809");
    CHECK_VAL(bin(a, min, TY_OP_MUL, ty_const_int64(-1)), TY_REP_BIGINT, "9223372036854775808", "9223372036854775808");
    CHECK_VAL(bin(a, max, TY_OP_MUL, max), TY_REP_BIGINT, "85070591730234615847396907784232501249",
              "85070591730234615847396907784232501249");
    /* back into int64 range */
    TyConst big = bin(a, max, TY_OP_ADD, ty_const_int64(1));
    CHECK_VAL(bin(a, big, TY_OP_SUB, ty_const_int64(1)), TY_REP_INT64, "9223372036854775807", "9223372036854775807");
    CHECK_VAL(bin(a, ty_const_int64(7), TY_OP_QUO, ty_const_int64(2)), TY_REP_RAT, "3.5", "7/2");
    CHECK_VAL(bin(a, ty_const_int64(8), TY_OP_QUO, ty_const_int64(2)), TY_REP_RAT, "4", "4");
    CHECK_VAL(bin(a, ty_const_int64(-7), TY_OP_QUO_INT, ty_const_int64(2)), TY_REP_INT64, "-3", "-3");
    CHECK_VAL(bin(a, ty_const_int64(-7), TY_OP_REM, ty_const_int64(2)), TY_REP_INT64, "-1", "-1");
    CHECK_VAL(bin(a, ty_const_int64(7), TY_OP_REM, ty_const_int64(-2)), TY_REP_INT64, "1", "1");
    /* go/constant computes MinInt64 / -1 in int64 arithmetic */
    CHECK_VAL(bin(a, min, TY_OP_QUO_INT, ty_const_int64(-1)), TY_REP_INT64, "-9223372036854775808", "-9223372036854775808");
    CHECK_VAL(bin(a, min, TY_OP_REM, ty_const_int64(-1)), TY_REP_INT64, "0", "0");
    CHECK(ty_const_is_unknown(bin(a, ty_const_int64(1), TY_OP_QUO, ty_const_int64(0))));
    CHECK(ty_const_is_unknown(bin(a, ty_const_int64(1), TY_OP_REM, ty_const_int64(0))));
    CHECK(ty_const_is_unknown(bin(a, big, TY_OP_QUO_INT, ty_const_int64(0))));
    CHECK_VAL(bin(a, ty_const_int64(12), TY_OP_AND_NOT, ty_const_int64(10)), TY_REP_INT64, "4", "4");

    TyConst p100 = ty_const_shift(a, ty_const_int64(1), TY_OP_SHL, 100);
    CHECK_VAL(p100, TY_REP_BIGINT, "1267650600228229401496703205376", "1267650600228229401496703205376");
    TyConst n100 = ty_const_unary(a, TY_OP_SUB, p100, 0);
    TyConst m80 = I(a, "0xffffffffffffffffffff");
    CHECK_STR(ty_const_str(a, bin(a, n100, TY_OP_AND, m80)), "0");
    CHECK_STR(ty_const_str(a, bin(a, n100, TY_OP_OR, m80)), "-1267649391302409786867528499201");
    CHECK_STR(ty_const_str(a, bin(a, n100, TY_OP_XOR, m80)), "-1267649391302409786867528499201");
    CHECK_STR(ty_const_str(a, bin(a, n100, TY_OP_AND_NOT, m80)), "-1267650600228229401496703205376");
    CHECK_STR(ty_const_str(a, bin(a, m80, TY_OP_AND_NOT, n100)), "1208925819614629174706175");
    CHECK_STR(ty_const_str(a, bin(a, n100, TY_OP_AND, ty_const_unary(a, TY_OP_SUB, m80, 0))),
              "-1267650600228229401496703205376");
    CHECK_STR(ty_const_str(a, ty_const_unary(a, TY_OP_XOR, n100, 0)), "1267650600228229401496703205375");
    CHECK_STR(ty_const_str(a, ty_const_shift(a, bin(a, n100, TY_OP_SUB, ty_const_int64(1)), TY_OP_SHR, 3)),
              "-158456325028528675187087900673");
    CHECK_STR(ty_const_str(a, bin(a, n100, TY_OP_QUO_INT, ty_const_int64(3))), "-422550200076076467165567735125");
    CHECK_STR(ty_const_str(a, bin(a, n100, TY_OP_REM, ty_const_int64(3))), "-1");
    CHECK_VAL(bin(a, p100, TY_OP_QUO, ty_const_int64(3)), TY_REP_RAT, "4.2255e+29", "1267650600228229401496703205376/3");
    TEARDOWN;
}

UNIT_TEST(shifts_and_unary)
{
    SETUP;
    CHECK_VAL(ty_const_shift(a, ty_const_int64(-1), TY_OP_SHR, 100), TY_REP_INT64, "-1", "-1");
    CHECK_VAL(ty_const_shift(a, ty_const_int64(-5), TY_OP_SHR, 1), TY_REP_INT64, "-3", "-3");
    CHECK_VAL(ty_const_shift(a, ty_const_int64(5), TY_OP_SHR, 64), TY_REP_INT64, "0", "0");
    CHECK_VAL(ty_const_shift(a, ty_const_int64(3), TY_OP_SHL, 61), TY_REP_INT64, "6917529027641081856", "6917529027641081856");
    CHECK_VAL(ty_const_shift(a, ty_const_int64(3), TY_OP_SHL, 62), TY_REP_BIGINT, "13835058055282163712", "13835058055282163712");
    CHECK_VAL(ty_const_shift(a, ty_const_int64(-1), TY_OP_SHL, 63), TY_REP_INT64, "-9223372036854775808", "-9223372036854775808");
    CHECK_VAL(ty_const_shift(a, ty_const_int64(0), TY_OP_SHL, 1000), TY_REP_INT64, "0", "0");
    TyConst big = ty_const_shift(a, ty_const_int64(1), TY_OP_SHL, 200);
    CHECK_VAL(ty_const_shift(a, big, TY_OP_SHR, 199), TY_REP_INT64, "2", "2");
    CHECK(ty_const_is_unknown(ty_const_shift(a, F(a, "1.5"), TY_OP_SHL, 1)));

    CHECK_VAL(ty_const_unary(a, TY_OP_XOR, ty_const_int64(5), 0), TY_REP_INT64, "-6", "-6");
    CHECK_VAL(ty_const_unary(a, TY_OP_XOR, ty_const_int64(5), 8), TY_REP_INT64, "250", "250");
    CHECK_VAL(ty_const_unary(a, TY_OP_XOR, ty_const_int64(0), 64), TY_REP_BIGINT, "18446744073709551615", "18446744073709551615");
    CHECK_VAL(ty_const_unary(a, TY_OP_SUB, ty_const_int64(INT64_MIN), 0), TY_REP_BIGINT, "9223372036854775808", "9223372036854775808");
    CHECK_VAL(ty_const_unary(a, TY_OP_SUB, ty_const_float64(a, 0.1), 0), TY_REP_RAT, "-0.1", "-3602879701896397/36028797018963968");
    CHECK_VAL(ty_const_unary(a, TY_OP_NOT, ty_const_bool(false), 0), TY_REP_BOOL, "true", "true");
    CHECK_VAL(ty_const_unary(a, TY_OP_SUB, lit(a, TY_LIT_IMAG, "2i"), 0), TY_REP_COMPLEX, "(0 + -2i)", "(0 + -2i)");
    CHECK(ty_const_is_unknown(ty_const_unary(a, TY_OP_SUB, ty_const_unknown(), 0)));
    CHECK(ty_const_is_unknown(ty_const_unary(a, TY_OP_XOR, F(a, "1.5"), 0)));
    TEARDOWN;
}

UNIT_TEST(float_arithmetic_and_printing)
{
    SETUP;
    CHECK_VAL(ty_const_float64(a, 1000000.5), TY_REP_RAT, "1.0000005e+06", "2000001/2");
    CHECK_VAL(ty_const_float64(a, 123456.7), TY_REP_RAT, "123456.7", "8483879823553331/68719476736");
    CHECK_VAL(ty_const_float64(a, 1e6), TY_REP_RAT, "1e+06", "1000000");
    CHECK_VAL(ty_const_float64(a, 1e-5), TY_REP_RAT, "1e-05", "5902958103587057/590295810358705651712");
    CHECK_VAL(bin(a, ty_const_int64(1), TY_OP_QUO, ty_const_int64(3)), TY_REP_RAT, "0.333333", "1/3");
    CHECK_STR(ty_const_str(a, bin(a, F(a, "1e1000"), TY_OP_QUO, ty_const_int64(3))), "3.33333e+999");
    CHECK_VAL(bin(a, F(a, "1e10000"), TY_OP_QUO, ty_const_int64(7)), TY_REP_FLOAT, "1.42857e+9999",
              "0x.b1bc7952aac482c1b5afd27c2e4840e4432f4e7fb41ec7fbd1163ed2ea5e714f8f17b6cc7d40dd2c8200fde47d679221b644386d17867f5541704e6d98fc0f96p+33217");
    CHECK_VAL(bin(a, F(a, "-1e-10000"), TY_OP_QUO, ty_const_int64(7)), TY_REP_FLOAT, "-1.42857e-10001",
              "-0x.f0ccff5cfa0f1a472c145b44740d4704163774e4a4967e1e6bd6b0540a018a674bd8b692d7b45d1e0fd62f36ca9c09f9aa7997808d17a5620b1c9d019e0eae59p-33222");
    /* huge + tiny: the tiny value only acts as a sticky bit */
    TyConst h = F(a, "1e1000000");
    CHECK(ty_const_compare(bin(a, h, TY_OP_ADD, ty_const_int64(1)), TY_OP_EQL, h));
    CHECK(ty_const_compare(bin(a, bin(a, h, TY_OP_SUB, h), TY_OP_ADD, ty_const_int64(1)), TY_OP_EQL, ty_const_int64(1)));
    CHECK_VAL(bin(a, h, TY_OP_SUB, h), TY_REP_FLOAT, "0", "0");
    CHECK_STR(ty_const_str(a, bin(a, h, TY_OP_MUL, h)), "1e+2000000");
    TyConst hh = F(a, "1e646456992");
    CHECK(ty_const_is_unknown(bin(a, hh, TY_OP_MUL, ty_const_int64(10)))); /* overflow */
    CHECK(ty_const_is_unknown(bin(a, F(a, "1.5"), TY_OP_QUO, F(a, "0.0"))));      /* division by zero */

    TyConst c1 = bin(a, ty_const_int64(1), TY_OP_ADD, lit(a, TY_LIT_IMAG, "2i"));
    TyConst c2 = bin(a, ty_const_int64(3), TY_OP_SUB, lit(a, TY_LIT_IMAG, "4i"));
    CHECK_VAL(bin(a, c1, TY_OP_MUL, c2), TY_REP_COMPLEX, "(11 + 2i)", "(11 + 2i)");
    CHECK_VAL(bin(a, c1, TY_OP_QUO, c2), TY_REP_COMPLEX, "(-0.2 + 0.4i)", "(-1/5 + 2/5i)");
    CHECK(ty_const_is_unknown(bin(a, c1, TY_OP_QUO, ty_const_to_complex(a, ty_const_int64(0)))));
    TEARDOWN;
}

UNIT_TEST(strings)
{
    SETUP;
    char longs[101];
    for (int i = 0; i < 100; i++)
        longs[i] = (char)('a' + i % 10);
    longs[100] = 0;
    CHECK_VAL(ty_const_string(a, longs, 100), TY_REP_STRING,
              "\"abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefgh...",
              "\"abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij\"");
    const char esc[] = "a\tb\"\\\0\xff\xc3\xa9\xe2\x80\x8b";
    CHECK_STR(ty_const_str(a, ty_const_string(a, esc, sizeof esc - 1)), "\"a\\tb\\\"\\\\\\x00\\xff\xc3\xa9\\u200b\"");

    /* a long chain of concatenations */
    TyConst s = ty_const_string(a, "", 0);
    char piece[16];
    for (int i = 0; i < 1000; i++) {
        snprintf(piece, sizeof piece, "%03d|", i);
        s = bin(a, s, TY_OP_ADD, ty_const_string(a, piece, 4));
    }
    size_t len;
    const char *v = ty_const_string_val(a, s, &len);
    CHECK_INT(len, 4000);
    CHECK_INT(ty_const_string_len(s), 4000);
    CHECK(len == 4000 && !memcmp(v, "000|001|", 8) && !memcmp(v + 3992, "998|999|", 8));
    CHECK_STR(ty_const_str(a, s), "\"000|001|002|003|004|005|006|007|008|009|010|011|012|013|014|015|016|...");
    /* right-leaning concatenation */
    TyConst r = ty_const_string(a, "", 0);
    for (int i = 0; i < 1000; i++)
        r = bin(a, ty_const_string(a, "xy", 2), TY_OP_ADD, r);
    CHECK_INT(ty_const_string_len(r), 2000);
    TyConst flat = ty_const_string(a, ty_const_string_val(a, r, NULL), 2000);
    CHECK(ty_const_compare(r, TY_OP_EQL, flat));
    CHECK(ty_const_compare(s, TY_OP_LSS, r));
    CHECK(ty_const_compare(ty_const_string(a, "ab", 2), TY_OP_LSS, ty_const_string(a, "abc", 3)));
    CHECK(ty_const_compare(ty_const_string(a, "b", 1), TY_OP_GTR, ty_const_string(a, "abc", 3)));
    CHECK(!ty_const_compare(ty_const_string(a, "\xff", 1), TY_OP_LSS, ty_const_string(a, "a", 1)));
    Buf b = {0};
    ty_quote_rune(&b, 0xad);
    ty_quote_rune(&b, '\'');
    ty_quote_rune(&b, 0xD800);
    CHECK_STR(buf_str(&b), "'\\u00ad''\\'''\xef\xbf\xbd'");
    buf_free(&b);
    TEARDOWN;
}

UNIT_TEST(accessors)
{
    SETUP;
    bool exact;
    CHECK_INT(ty_const_int64_val(ty_const_shift(a, ty_const_int64(3), TY_OP_SHL, 64), &exact), 0);
    CHECK(!exact);
    CHECK_INT(ty_const_int64_val(ty_const_unknown(), &exact), 0);
    CHECK(!exact);
    CHECK(ty_const_uint64_val(I(a, "18446744073709551615"), &exact) == UINT64_MAX);
    CHECK(exact);
    CHECK(ty_const_uint64_val(ty_const_int64(-1), &exact) == UINT64_MAX);
    CHECK(!exact);

    float f = ty_const_float32_val(F(a, "1e39"), &exact);
    CHECK(isinf(f) && f > 0 && !exact);
    f = ty_const_float32_val(F(a, "0.1"), &exact);
    CHECK(f == 0.1f && !exact);
    f = ty_const_float32_val(ty_const_int64(16777217), &exact);
    CHECK(f == 16777216.0f && !exact);
    f = ty_const_float32_val(ty_const_int64(INT64_MAX), &exact);
    CHECK(f == 9223372036854775808.0f && !exact);
    double d = ty_const_float64_val(F(a, "0x1p-1075"), &exact);
    CHECK(d == 0 && !signbit(d) && !exact);
    d = ty_const_float64_val(F(a, "-0x1.8p-1075"), &exact);
    CHECK(d == -5e-324 && !exact);
    d = ty_const_float64_val(F(a, "1e1000000"), &exact);
    CHECK(isinf(d) && !exact);
    d = ty_const_float64_val(F(a, "0x1.fffffffffffffp1023"), &exact);
    CHECK(d == 1.7976931348623157e308 && exact);
    d = ty_const_float64_val(ty_const_int64(-3), &exact);
    CHECK(d == -3 && exact);

    CHECK_INT(ty_const_sign(ty_const_unknown()), 1);
    CHECK_INT(ty_const_sign(F(a, "-1e1000000")), -1);
    CHECK_INT(ty_const_sign(lit(a, TY_LIT_IMAG, "0i")), 0);
    CHECK_INT(ty_const_sign(ty_const_float64(a, -0.5)), -1);
    CHECK_INT(ty_const_bitlen(ty_const_int64(INT64_MIN)), 64);
    CHECK_INT(ty_const_bitlen(ty_const_int64(-5)), 3);
    CHECK_INT(ty_const_bitlen(ty_const_shift(a, ty_const_int64(1), TY_OP_SHL, 600)), 601);

    uint8_t bytes[16];
    TyConst x = I(a, "0x0102030405060708090a");
    CHECK_INT(ty_const_bytes(x, bytes, sizeof bytes), 10);
    CHECK(bytes[0] == 0x0a && bytes[9] == 0x01);
    CHECK(ty_const_compare(ty_const_from_bytes(a, bytes, 10), TY_OP_EQL, x));
    CHECK_INT(ty_const_bytes(ty_const_int64(0), bytes, sizeof bytes), 0);
    TEARDOWN;
}

UNIT_TEST(conversions)
{
    SETUP;
    CHECK_VAL(ty_const_to_int(a, ty_const_float64(a, 2.0)), TY_REP_INT64, "2", "2");
    CHECK(ty_const_is_unknown(ty_const_to_int(a, ty_const_float64(a, 2.5))));
    CHECK_INT(ty_const_rep(ty_const_to_int(a, F(a, "1e1000"))), TY_REP_BIGINT);
    CHECK(ty_const_is_unknown(ty_const_to_int(a, F(a, "1e1000000"))));
    /* floats within a few bits of an integer are rounded to it */
    char q[200];
    TyConst big = F(a, "0x1p4200");
    snprintf(q, sizeof q, "0x3039.%0124dp0", 1);
    TyConst near = bin(a, bin(a, big, TY_OP_MUL, F(a, q)), TY_OP_QUO, big);
    CHECK_INT(ty_const_rep(near), TY_REP_FLOAT);
    CHECK_STR(ty_const_exact_str(a, near), "0x.c0e40000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000004p+14");
    CHECK_VAL(ty_const_to_int(a, near), TY_REP_INT64, "12345", "12345");
    snprintf(q, sizeof q, "0x3039.%0123dp0", 1);
    near = bin(a, bin(a, big, TY_OP_MUL, F(a, q)), TY_OP_QUO, big);
    CHECK(ty_const_is_unknown(ty_const_to_int(a, near)));
    TyConst c = bin(a, ty_const_float64(a, 3.0), TY_OP_ADD, lit(a, TY_LIT_IMAG, "0i"));
    CHECK_VAL(ty_const_to_int(a, c), TY_REP_INT64, "3", "3");
    CHECK(ty_const_is_unknown(ty_const_to_int(a, lit(a, TY_LIT_IMAG, "1i"))));
    CHECK(ty_const_is_unknown(ty_const_to_int(a, ty_const_bool(true))));

    CHECK_VAL(ty_const_to_float(a, ty_const_int64(3)), TY_REP_RAT, "3", "3");
    CHECK_INT(ty_const_rep(ty_const_to_float(a, ty_const_shift(a, ty_const_int64(1), TY_OP_SHL, 5000))), TY_REP_FLOAT);
    CHECK_VAL(ty_const_to_complex(a, ty_const_int64(3)), TY_REP_COMPLEX, "(3 + 0i)", "(3 + 0i)");
    CHECK_VAL(ty_const_real(lit(a, TY_LIT_IMAG, "2i")), TY_REP_INT64, "0", "0");
    CHECK_VAL(ty_const_imag(lit(a, TY_LIT_IMAG, "2.5i")), TY_REP_RAT, "2.5", "5/2");
    CHECK_VAL(ty_const_imag(ty_const_int64(4)), TY_REP_INT64, "0", "0");
    CHECK_VAL(ty_const_num(a, F(a, "1.5")), TY_REP_INT64, "3", "3");
    CHECK_VAL(ty_const_denom(a, F(a, "1.5")), TY_REP_INT64, "2", "2");
    CHECK_VAL(ty_const_denom(a, ty_const_int64(7)), TY_REP_INT64, "1", "1");
    CHECK(ty_const_is_unknown(ty_const_num(a, F(a, "1e1000000"))));
    CHECK_VAL(ty_const_make_imag(a, F(a, "0.5")), TY_REP_COMPLEX, "(0 + 0.5i)", "(0 + 1/2i)");
    CHECK(ty_const_is_unknown(ty_const_make_imag(a, ty_const_string(a, "x", 1))));
    TEARDOWN;
}

UNIT_TEST(compare)
{
    SETUP;
    TyConst third = bin(a, ty_const_int64(1), TY_OP_QUO, ty_const_int64(3));
    CHECK(ty_const_compare(third, TY_OP_LSS, F(a, "0.3333333333333333333333334")));
    CHECK(ty_const_compare(third, TY_OP_GTR, F(a, "0.3333333333333333333333333")));
    CHECK(ty_const_compare(ty_const_int64(2), TY_OP_EQL, F(a, "2.0")));
    CHECK(ty_const_compare(I(a, "99999999999999999999"), TY_OP_LSS, F(a, "1e20")));
    CHECK(ty_const_compare(F(a, "-1e1000000"), TY_OP_LSS, ty_const_int64(INT64_MIN)));
    CHECK(ty_const_compare(F(a, "1e-1000000"), TY_OP_GTR, ty_const_int64(0)));
    CHECK(ty_const_compare(lit(a, TY_LIT_IMAG, "2i"), TY_OP_NEQ, lit(a, TY_LIT_IMAG, "3i")));
    CHECK(ty_const_compare(ty_const_to_complex(a, ty_const_int64(1)), TY_OP_EQL, F(a, "1.0")));
    CHECK(!ty_const_compare(lit(a, TY_LIT_IMAG, "2i"), TY_OP_LSS, lit(a, TY_LIT_IMAG, "3i")));
    CHECK(!ty_const_compare(ty_const_unknown(), TY_OP_EQL, ty_const_unknown()));
    CHECK(ty_const_compare(ty_const_bool(true), TY_OP_NEQ, ty_const_bool(false)));
    CHECK(!ty_const_compare(ty_const_bool(true), TY_OP_EQL, ty_const_int64(1)));
    CHECK(ty_const_bool_val(bin(a, ty_const_bool(true), TY_OP_LAND, ty_const_bool(true))));
    CHECK(!ty_const_bool_val(bin(a, ty_const_bool(false), TY_OP_LOR, ty_const_bool(false))));
    TEARDOWN;
}

UNIT_TEST(representable)
{
    SETUP;
    TyConst r;
    CHECK(ty_const_representable(a, ty_const_int64(255), TY_CT_UINT8, NULL));
    CHECK(!ty_const_representable(a, ty_const_int64(256), TY_CT_UINT8, NULL));
    CHECK(!ty_const_representable(a, ty_const_int64(-1), TY_CT_UINT, NULL));
    CHECK(ty_const_representable(a, ty_const_int64(-128), TY_CT_INT8, NULL));
    CHECK(!ty_const_representable(a, ty_const_int64(-129), TY_CT_INT8, NULL));
    TyConst p63 = ty_const_shift(a, ty_const_int64(1), TY_OP_SHL, 63);
    CHECK(!ty_const_representable(a, p63, TY_CT_INT64, NULL));
    CHECK(!ty_const_representable(a, p63, TY_CT_INT, NULL));
    CHECK(ty_const_representable(a, p63, TY_CT_UINT64, NULL));
    CHECK(ty_const_representable(a, p63, TY_CT_UINTPTR, NULL));
    CHECK(!ty_const_representable(a, ty_const_shift(a, ty_const_int64(1), TY_OP_SHL, 64), TY_CT_UINT64, NULL));
    CHECK(ty_const_representable(a, ty_const_shift(a, ty_const_int64(1), TY_OP_SHL, 600), TY_CT_UNTYPED_INT, NULL));
    /* integer targets set *rounded even when out of range (as go/types does) */
    r = ty_const_unknown();
    CHECK(!ty_const_representable(a, F(a, "300.0"), TY_CT_UINT8, &r));
    CHECK_VAL(r, TY_REP_INT64, "300", "300");
    r = ty_const_bool(false);
    CHECK(!ty_const_representable(a, F(a, "1.5"), TY_CT_INT, &r));
    CHECK_INT(ty_const_rep(r), TY_REP_BOOL); /* left alone */

    CHECK(!ty_const_representable(a, F(a, "1e39"), TY_CT_FLOAT32, NULL));
    CHECK(ty_const_representable(a, F(a, "1e39"), TY_CT_FLOAT64, NULL));
    CHECK(ty_const_representable(a, F(a, "1e1000"), TY_CT_UNTYPED_FLOAT, NULL));
    CHECK(ty_const_representable(a, F(a, "0.1"), TY_CT_FLOAT32, &r));
    CHECK_VAL(r, TY_REP_RAT, "0.1", "13421773/134217728");
    CHECK(ty_const_representable(a, F(a, "1e-50"), TY_CT_FLOAT32, &r));
    CHECK_VAL(r, TY_REP_RAT, "0", "0");
    CHECK(ty_const_representable(a, ty_const_int64(16777217), TY_CT_FLOAT32, &r));
    CHECK_VAL(r, TY_REP_RAT, "1.67772e+07", "16777216");
    CHECK(ty_const_representable(a, lit(a, TY_LIT_IMAG, "0.1i"), TY_CT_COMPLEX64, &r));
    CHECK_VAL(r, TY_REP_COMPLEX, "(0 + 0.1i)", "(0 + 13421773/134217728i)");
    CHECK(!ty_const_representable(a, lit(a, TY_LIT_IMAG, "1e39i"), TY_CT_COMPLEX64, NULL));
    CHECK(ty_const_representable(a, ty_const_int64(1), TY_CT_COMPLEX128, NULL));
    CHECK(!ty_const_representable(a, lit(a, TY_LIT_IMAG, "1i"), TY_CT_FLOAT64, NULL));
    CHECK(ty_const_representable(a, ty_const_string(a, "x", 1), TY_CT_STRING, NULL));
    CHECK(!ty_const_representable(a, ty_const_string(a, "x", 1), TY_CT_INT, NULL));
    CHECK(ty_const_representable(a, ty_const_bool(true), TY_CT_UNTYPED_BOOL, NULL));
    CHECK(ty_const_representable(a, ty_const_unknown(), TY_CT_INT8, NULL));
    TEARDOWN;
}

UNIT_TEST(int64_fast_path_does_not_allocate)
{
    SETUP;
    TyConst x = ty_const_int64(1);
    for (int i = 0; i < 1000; i++) {
        x = bin(a, x, TY_OP_MUL, ty_const_int64(3));
        x = bin(a, x, TY_OP_REM, ty_const_int64(1000003));
        x = bin(a, x, TY_OP_ADD, I(a, "12345"));
        x = ty_const_shift(a, x, TY_OP_SHL, 2);
        x = ty_const_shift(a, x, TY_OP_SHR, 1);
        x = ty_const_unary(a, TY_OP_XOR, x, 32);
        (void)ty_const_compare(x, TY_OP_LSS, ty_const_int64(5));
        (void)ty_const_representable(a, x, TY_CT_INT32, &x);
    }
    CHECK_INT(ty_const_rep(x), TY_REP_INT64);
    CHECK_INT(arena_.total, 0);
    TEARDOWN;
}

UNIT_SUITE(constant) = {
    UNIT_CASE(basic_values),
    UNIT_CASE(int_literals),
    UNIT_CASE(float_literals),
    UNIT_CASE(imag_rune_string_literals),
    UNIT_CASE(int_arithmetic),
    UNIT_CASE(shifts_and_unary),
    UNIT_CASE(float_arithmetic_and_printing),
    UNIT_CASE(strings),
    UNIT_CASE(accessors),
    UNIT_CASE(conversions),
    UNIT_CASE(compare),
    UNIT_CASE(representable),
    UNIT_CASE(int64_fast_path_does_not_allocate),
    UNIT_END
};
