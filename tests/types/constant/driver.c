/*
 * Differential test driver for src/types/constant.c.  Reads the cases that
 * gen/main.go prints ("<program> TAB <expected>", see there for the RPN
 * program syntax) from stdin, evaluates each program with goesc's
 * implementation and compares.  Prints the first mismatches and a summary
 * line "N cases, M mismatches"; exit status 1 if there were mismatches.
 *
 * Usage: driver [-v] [maxshow] < cases
 */
#include "types/constant.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct Res {
    bool isval;
    TyConst v;
    Buf text; /* query result when !isval */
} Res;

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static char *unhex(const char *s, size_t *n)
{
    size_t len = strlen(s) / 2;
    char *out = xmalloc(len + 1);
    for (size_t i = 0; i < len; i++)
        out[i] = (char)(hexval(s[2 * i]) << 4 | hexval(s[2 * i + 1]));
    out[len] = 0;
    *n = len;
    return out;
}

static void put_hex(Buf *b, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        buf_printf(b, "%02x", p[i]);
}

static const char *rep_name(Buf *b, TyConst v)
{
    switch (ty_const_rep(v)) {
    case TY_REP_UNKNOWN: buf_puts(b, "unknown"); break;
    case TY_REP_BOOL: buf_puts(b, "bool"); break;
    case TY_REP_STRING: buf_puts(b, "string"); break;
    case TY_REP_INT64: buf_puts(b, "int64"); break;
    case TY_REP_BIGINT: buf_puts(b, "bigint"); break;
    case TY_REP_RAT: buf_puts(b, "rat"); break;
    case TY_REP_FLOAT: buf_puts(b, "float"); break;
    case TY_REP_COMPLEX:
        buf_puts(b, "complex(");
        rep_name(b, ty_const_real(v));
        buf_putc(b, ',');
        rep_name(b, ty_const_imag(v));
        buf_putc(b, ')');
        break;
    }
    return buf_str(b);
}

static void describe(Buf *b, TyConst v)
{
    rep_name(b, v);
    buf_putc(b, '\t');
    ty_const_fmt(b, v);
    buf_putc(b, '\t');
    ty_const_fmt_exact(b, v);
}

static const struct {
    const char *name;
    TyConstTarget t;
} targets[] = {
    {"bool", TY_CT_BOOL}, {"int", TY_CT_INT}, {"int8", TY_CT_INT8}, {"int16", TY_CT_INT16},
    {"int32", TY_CT_INT32}, {"int64", TY_CT_INT64}, {"uint", TY_CT_UINT}, {"uint8", TY_CT_UINT8},
    {"uint16", TY_CT_UINT16}, {"uint32", TY_CT_UINT32}, {"uint64", TY_CT_UINT64},
    {"uintptr", TY_CT_UINTPTR}, {"float32", TY_CT_FLOAT32}, {"float64", TY_CT_FLOAT64},
    {"complex64", TY_CT_COMPLEX64}, {"complex128", TY_CT_COMPLEX128}, {"string", TY_CT_STRING},
    {"untyped_bool", TY_CT_UNTYPED_BOOL}, {"untyped_int", TY_CT_UNTYPED_INT},
    {"untyped_float", TY_CT_UNTYPED_FLOAT}, {"untyped_complex", TY_CT_UNTYPED_COMPLEX},
    {"untyped_string", TY_CT_UNTYPED_STRING},
};

static bool target(const char *name, TyConstTarget *t)
{
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++)
        if (!strcmp(targets[i].name, name)) {
            *t = targets[i].t;
            return true;
        }
    return false;
}

static const struct {
    const char *tok;
    TyConstOp op;
} binops[] = {
    {"+", TY_OP_ADD}, {"-", TY_OP_SUB}, {"*", TY_OP_MUL}, {"/", TY_OP_QUO}, {"//", TY_OP_QUO_INT},
    {"%", TY_OP_REM}, {"&", TY_OP_AND}, {"|", TY_OP_OR}, {"^", TY_OP_XOR}, {"&^", TY_OP_AND_NOT},
    {"&&", TY_OP_LAND}, {"||", TY_OP_LOR},
}, cmpops[] = {
    {"==", TY_OP_EQL}, {"!=", TY_OP_NEQ}, {"<", TY_OP_LSS}, {"<=", TY_OP_LEQ}, {">", TY_OP_GTR},
    {">=", TY_OP_GEQ},
};

#define MAXSTK 64

/* Evaluates one program; returns false on a malformed program. */
static bool eval(Arena *a, char *prog, Res *res)
{
    TyConst stk[MAXSTK];
    int sp = 0;
    res->isval = true;
    for (char *tok = strtok(prog, " "); tok; tok = strtok(NULL, " ")) {
        size_t n;
        char *colon = strchr(tok, ':');
        const char *arg = colon ? colon + 1 : "";
        if (sp >= MAXSTK)
            return false;
#define POP(x)           \
    if (sp < 1)          \
        return false;    \
    TyConst x = stk[--sp]
        if (tok[0] == '?') {
            POP(v);
            res->isval = false;
            Buf *b = &res->text;
            bool ex;
            TyConstTarget t;
            if (!strcmp(tok, "?i64")) {
                int64_t x = ty_const_int64_val(v, &ex);
                buf_printf(b, "i64 %lld %s", (long long)x, ex ? "true" : "false");
            } else if (!strcmp(tok, "?u64")) {
                uint64_t x = ty_const_uint64_val(v, &ex);
                buf_printf(b, "u64 %llu %s", (unsigned long long)x, ex ? "true" : "false");
            } else if (!strcmp(tok, "?f32")) {
                float f = ty_const_float32_val(v, &ex);
                uint32_t bits;
                memcpy(&bits, &f, 4);
                buf_printf(b, "f32 %08x %s", bits, ex ? "true" : "false");
            } else if (!strcmp(tok, "?f64")) {
                double f = ty_const_float64_val(v, &ex);
                uint64_t bits;
                memcpy(&bits, &f, 8);
                buf_printf(b, "f64 %016llx %s", (unsigned long long)bits, ex ? "true" : "false");
            } else if (!strcmp(tok, "?sign")) {
                buf_printf(b, "sign %d", ty_const_sign(v));
            } else if (!strcmp(tok, "?bitlen")) {
                buf_printf(b, "bitlen %d", ty_const_bitlen(v));
            } else if (!strcmp(tok, "?bytes")) {
                size_t len = ty_const_bytes(v, NULL, 0);
                unsigned char *p = xmalloc(len + 1);
                ty_const_bytes(v, p, len);
                buf_puts(b, "bytes ");
                put_hex(b, p, len);
                free(p);
            } else if (!strcmp(tok, "?strval")) {
                size_t len;
                const char *p = ty_const_string_val(a, v, &len);
                buf_puts(b, "strval ");
                put_hex(b, (const unsigned char *)p, len);
            } else if (!strcmp(tok, "?boolval")) {
                buf_printf(b, "boolval %s", ty_const_bool_val(v) ? "true" : "false");
            } else if (!strncmp(tok, "?rep:", 5) && target(arg, &t)) {
                TyConst r;
                bool set = false;
                r = ty_const_unknown();
                /* detect whether *rounded was written */
                TyConst sentinel = ty_const_int64(INT64_MIN + 12345);
                r = sentinel;
                bool ok = ty_const_representable(a, v, t, &r);
                set = !(r.rep == sentinel.rep && r.u.i64 == sentinel.u.i64);
                buf_printf(b, "rep %s\t", ok ? "true" : "false");
                if (set)
                    describe(b, r);
                else
                    buf_puts(b, "nil");
            } else if (!strncmp(tok, "?repn:", 6) && target(arg, &t)) {
                buf_printf(b, "repn %s", ty_const_representable(a, v, t, NULL) ? "true" : "false");
            } else {
                return false;
            }
            continue;
        }
        TyConst v;
        if (!strncmp(tok, "I:", 2)) {
            v = ty_const_from_literal(a, arg, strlen(arg), TY_LIT_INT);
        } else if (!strncmp(tok, "F:", 2)) {
            v = ty_const_from_literal(a, arg, strlen(arg), TY_LIT_FLOAT);
        } else if (!strncmp(tok, "M:", 2)) {
            v = ty_const_from_literal(a, arg, strlen(arg), TY_LIT_IMAG);
        } else if (!strncmp(tok, "C:", 2) || !strncmp(tok, "S:", 2) || !strncmp(tok, "s:", 2)) {
            char *lit = unhex(arg, &n);
            if (tok[0] == 's')
                v = ty_const_string(a, lit, n);
            else
                v = ty_const_from_literal(a, lit, n, tok[0] == 'C' ? TY_LIT_RUNE : TY_LIT_STRING);
            free(lit);
        } else if (!strncmp(tok, "i:", 2)) {
            v = ty_const_int64(strtoll(arg, NULL, 10));
        } else if (!strncmp(tok, "u:", 2)) {
            v = ty_const_uint64(a, strtoull(arg, NULL, 10));
        } else if (!strncmp(tok, "d:", 2)) {
            uint64_t bits = strtoull(arg, NULL, 16);
            double f;
            memcpy(&f, &bits, 8);
            v = ty_const_float64(a, f);
        } else if (!strncmp(tok, "b:", 2)) {
            v = ty_const_bool(arg[0] == '1');
        } else if (!strcmp(tok, "U")) {
            v = ty_const_unknown();
        } else if (!strncmp(tok, "<<:", 3) || !strncmp(tok, ">>:", 3)) {
            POP(x);
            v = ty_const_shift(a, x, tok[0] == '<' ? TY_OP_SHL : TY_OP_SHR, strtoull(arg, NULL, 10));
        } else if (!strcmp(tok, "u+") || !strcmp(tok, "u-") || !strcmp(tok, "u!") ||
                   !strncmp(tok, "u^", 2)) {
            POP(x);
            TyConstOp op = tok[1] == '+' ? TY_OP_ADD : tok[1] == '-' ? TY_OP_SUB : tok[1] == '!' ? TY_OP_NOT : TY_OP_XOR;
            v = ty_const_unary(a, op, x, colon ? (unsigned)atoi(arg) : 0);
        } else if (!strcmp(tok, "toint") || !strcmp(tok, "tofloat") || !strcmp(tok, "tocomplex") ||
                   !strcmp(tok, "real") || !strcmp(tok, "imag") || !strcmp(tok, "num") ||
                   !strcmp(tok, "denom") || !strcmp(tok, "mkimag")) {
            POP(x);
            if (!strcmp(tok, "toint"))
                v = ty_const_to_int(a, x);
            else if (!strcmp(tok, "tofloat"))
                v = ty_const_to_float(a, x);
            else if (!strcmp(tok, "tocomplex"))
                v = ty_const_to_complex(a, x);
            else if (!strcmp(tok, "real"))
                v = ty_const_real(x);
            else if (!strcmp(tok, "imag"))
                v = ty_const_imag(x);
            else if (!strcmp(tok, "num"))
                v = ty_const_num(a, x);
            else if (!strcmp(tok, "denom"))
                v = ty_const_denom(a, x);
            else
                v = ty_const_make_imag(a, x);
        } else {
            bool found = false;
            for (size_t i = 0; i < sizeof binops / sizeof binops[0] && !found; i++)
                if (!strcmp(tok, binops[i].tok)) {
                    POP(y);
                    POP(x);
                    v = ty_const_binary(a, x, binops[i].op, y);
                    found = true;
                }
            for (size_t i = 0; i < sizeof cmpops / sizeof cmpops[0] && !found; i++)
                if (!strcmp(tok, cmpops[i].tok)) {
                    POP(y);
                    POP(x);
                    v = ty_const_bool(ty_const_compare(x, cmpops[i].op, y));
                    found = true;
                }
            if (!found)
                return false;
        }
        stk[sp++] = v;
#undef POP
    }
    if (res->isval) {
        if (sp != 1)
            return false;
        res->v = stk[0];
    }
    return true;
}

int main(int argc, char **argv)
{
    int maxshow = 20;
    bool verbose = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-v"))
            verbose = true;
        else
            maxshow = atoi(argv[i]);
    }
    Arena a;
    arena_init(&a);
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long ncases = 0, nbad = 0;
    Buf got = {0};
    while ((len = getline(&line, &cap, stdin)) > 0) {
        if (line[len - 1] == '\n')
            line[--len] = 0;
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        *tab = 0;
        const char *want = tab + 1;
        char *prog = xstrdup(line);
        Res res = {0};
        buf_reset(&got);
        if (!eval(&a, prog, &res)) {
            buf_puts(&got, "<malformed program>");
        } else if (res.isval) {
            describe(&got, res.v);
        } else {
            buf_puts(&got, buf_str(&res.text));
        }
        buf_free(&res.text);
        free(prog);
        ncases++;
        if (strcmp(buf_str(&got), want) != 0) {
            nbad++;
            if (nbad <= maxshow) {
                printf("MISMATCH %s\n  want: %s\n  got:  %s\n", line, want, buf_str(&got));
            }
        } else if (verbose) {
            printf("ok %s\t%s\n", line, want);
        }
        /* keep memory bounded */
        if (a.total > (64u << 20)) {
            arena_free(&a);
            arena_init(&a);
        }
    }
    free(line);
    buf_free(&got);
    arena_free(&a);
    printf("%ld cases, %ld mismatches\n", ncases, nbad);
    return nbad ? 1 : 0;
}
