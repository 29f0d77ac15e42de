/*
 * The scanner: Go source bytes to tokens, with gc's automatic semicolons,
 * error messages and error positions.
 *
 * It reads the whole file from memory.  `ch` is the current rune; nextch
 * advances one rune, and like gc's source reader it reports (and skips)
 * NUL bytes, invalid UTF-8 and misplaced byte order marks wherever they
 * occur, even inside comments and literals.  The ASCII case is a single
 * comparison.
 *
 * Only comments that may be directives (//go:..., //line ..., and the
 * block-comment form of line directives) are handed to the handler; all
 * others are skipped.
 */
#include "syntax_int.h"

#include <string.h>

static void scan_error_at(Scanner *s, uint32_t off, const char *msg)
{
    s->handler(s->ud, off, msg, strlen(msg));
}

static void scan_error_buf(Scanner *s, uint32_t off, Buf *b)
{
    s->handler(s->ud, off, buf_str(b), b->len);
    buf_free(b);
}

#define BOM 0xFEFF

/* The general case of nextch: non-ASCII, NUL, end of input. */
static void nextch_slow(Scanner *s)
{
redo:
    if (s->r >= s->size) {
        s->ch = -1;
        s->chw = 0;
        return;
    }
    unsigned c = s->src[s->r];
    if (c < 0x80) {
        s->r++;
        s->chw = 1;
        s->ch = (int32_t)c;
        if (c == 0) {
            scan_error_at(s, s->choff, "invalid NUL character");
            goto next;
        }
        return;
    }
    int w;
    int32_t r = utf8_decode(s->src + s->r, s->size - s->r, &w);
    s->r += (uint32_t)w;
    s->ch = r;
    s->chw = w;
    if (r == RUNE_ERROR && w == 1) {
        scan_error_at(s, s->choff, "invalid UTF-8 encoding");
        goto next;
    }
    if (r == BOM) {
        if (s->choff > 0)
            scan_error_at(s, s->choff, "invalid BOM in the middle of the file");
        goto next;
    }
    return;
next:
    /* skip the bad character: read the one after it */
    s->choff = s->r;
    goto redo;
}

/* Advances to the next character.  The common case (a plain ASCII byte) is
 * inline; everything that needs checking goes through nextch_slow. */
static inline void nextch(Scanner *s)
{
    if (s->ch == '\n') {
        s->line++;
        s->linestart = s->r;
    }
    s->choff = s->r;
    if (s->r < s->size) {
        unsigned c = s->src[s->r];
        if (c - 1u < 0x7fu) { /* 1..0x7f */
            s->r++;
            s->chw = 1;
            s->ch = (int32_t)c;
            return;
        }
    }
    nextch_slow(s);
}

/* Byte classes for the fast paths: runs of plain ASCII bytes that need no
 * checks (no NUL, no UTF-8, no newline, nothing that ends the token) are
 * skipped in a tight loop; the byte that ends the run is then read with
 * nextch, which does all the checking. */
enum {
    C_IDENT = 1,   /* [A-Za-z0-9_] */
    C_SPACE = 2,   /* ' ' '\t' '\r' */
    C_LINE = 4,    /* any ASCII but NUL and '\n' (line comment text) */
    C_BLOCK = 8,   /* C_LINE minus '*' (block comment text) */
    C_STR = 16,    /* C_LINE minus '"' and '\\' (string text) */
    C_RAW = 32,    /* C_LINE minus '`' (raw string text) */
};

/* Generated from the definitions above (see the unit test that checks it):
 * bytes >= 0x80 belong to no class. */
static const uint8_t byte_class_tab[256] = {
        0x00, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c, 0x3e, 0x00, 0x3c, 0x3c, 0x3e, 0x3c, 0x3c,  /* 0x00 */
        0x3c, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c,  /* 0x10 */
        0x3e, 0x3c, 0x2c, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c, 0x34, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c,  /* 0x20 */
        0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c,  /* 0x30 */
        0x3c, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d,  /* 0x40 */
        0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3c, 0x2c, 0x3c, 0x3c, 0x3d,  /* 0x50 */
        0x1c, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d,  /* 0x60 */
        0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c,  /* 0x70 */
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,  /* 0x80 */
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,  /* 0x90 */
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,  /* 0xa0 */
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,  /* 0xb0 */
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,  /* 0xc0 */
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,  /* 0xd0 */
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,  /* 0xe0 */
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,  /* 0xf0 */
};

static inline bool in_class(int32_t ch, uint8_t cls)
{
    return ch >= 0 && ch < 0x80 && (byte_class_tab[ch] & cls);
}

/* s->ch belongs to class `cls` (and is plain ASCII): skips it and every
 * following byte of the class; newlines too when `newlines` (keeping the
 * line count).  Then reads the next character with nextch. */
static void skip_run(Scanner *s, uint8_t cls, bool newlines)
{
    const uint8_t *tab = byte_class_tab;
    const unsigned char *src = s->src;
    uint32_t p = s->choff, n = s->size;
    for (;;) {
        /* src[n] is the NUL terminator, which belongs to no class */
        while (tab[src[p]] & cls)
            p++;
        if (newlines && p < n && src[p] == '\n') {
            p++;
            s->line++;
            s->linestart = p;
            continue;
        }
        break;
    }
    if (p == s->choff)
        return;
    /* the character before p was not a newline that nextch must count */
    s->r = p;
    s->ch = 0;
    nextch(s);
}

void scanner_init(Scanner *s, const char *src, uint32_t size, ScanHandler h, void *ud)
{
    memset(s, 0, sizeof *s);
    s->src = (const unsigned char *)src;
    s->size = size;
    s->handler = h;
    s->ud = ud;
    s->line = 1;
    s->ch = ' ';
    s->segstart = -1;
    nextch(s);
}

static inline int lower(int32_t ch) { return ('a' - 'A') | ch; }
static inline bool is_letter(int32_t ch)
{
    return ('a' <= lower(ch) && lower(ch) <= 'z') || ch == '_';
}
static inline bool is_decimal(int32_t ch) { return '0' <= ch && ch <= '9'; }
static inline bool is_hex(int32_t ch)
{
    return is_decimal(ch) || ('a' <= lower(ch) && lower(ch) <= 'f');
}

static bool at_ident_char(Scanner *s, bool first)
{
    if (uni_is_letter(s->ch) || s->ch == '_')
        return true;
    if (uni_is_digit(s->ch)) {
        if (first) {
            Buf b = {0};
            buf_puts(&b, "identifier cannot begin with digit ");
            buf_unicode_U(&b, s->ch, true);
            scan_error_buf(s, s->choff, &b);
        }
        return true;
    }
    if (s->ch >= 0x80) {
        Buf b = {0};
        buf_puts(&b, "invalid character ");
        buf_unicode_U(&b, s->ch, true);
        buf_puts(&b, " in identifier");
        scan_error_buf(s, s->choff, &b);
        return true;
    }
    return false;
}

static Tok keyword(const char *p, uint32_t n)
{
#define KW(str, t)                                                   \
    if (n == sizeof(str) - 1 && memcmp(p, str, sizeof(str) - 1) == 0) \
        return t;
    switch (p[0]) {
    case 'b': KW("break", T_BREAK); break;
    case 'c':
        KW("case", T_CASE); KW("chan", T_CHAN); KW("const", T_CONST);
        KW("continue", T_CONTINUE); break;
    case 'd': KW("default", T_DEFAULT); KW("defer", T_DEFER); break;
    case 'e': KW("else", T_ELSE); break;
    case 'f': KW("fallthrough", T_FALLTHROUGH); KW("for", T_FOR); KW("func", T_FUNC); break;
    case 'g': KW("go", T_GO); KW("goto", T_GOTO); break;
    case 'i': KW("if", T_IF); KW("import", T_IMPORT); KW("interface", T_INTERFACE); break;
    case 'm': KW("map", T_MAP); break;
    case 'p': KW("package", T_PACKAGE); break;
    case 'r': KW("range", T_RANGE); KW("return", T_RETURN); break;
    case 's': KW("select", T_SELECT); KW("struct", T_STRUCT); KW("switch", T_SWITCH); break;
    case 't': KW("type", T_TYPE); break;
    case 'v': KW("var", T_VAR); break;
    }
#undef KW
    return T_NONE;
}

static void scan_ident(Scanner *s)
{
    if (in_class(s->ch, C_IDENT))
        skip_run(s, C_IDENT, false);
    if (s->ch >= 0x80)
        while (at_ident_char(s, false))
            nextch(s);
    const char *lit = (const char *)s->src + s->off;
    uint32_t n = s->choff - s->off;
    if (n >= 2) {
        Tok t = keyword(lit, n);
        if (t != T_NONE) {
            s->nlsemi = t == T_BREAK || t == T_CONTINUE || t == T_FALLTHROUGH || t == T_RETURN;
            s->tok = t;
            return;
        }
    }
    s->nlsemi = true;
    s->lit = lit;
    s->litlen = n;
    s->tok = T_NAME;
}

static const char *base_name(int base)
{
    switch (base) {
    case 2: return "binary";
    case 8: return "octal";
    case 10: return "decimal";
    default: return "hexadecimal";
    }
}

/* Accepts { digit | '_' }.  For base <= 10 any decimal digit is accepted,
 * but the offset (from the literal start) of the first digit >= base is
 * recorded in *invalid.  Returns bit 0: digits seen, bit 1: '_' seen. */
static int scan_digits(Scanner *s, int base, int *invalid)
{
    int digsep = 0;
    if (base <= 10) {
        int32_t max = '0' + base;
        while (is_decimal(s->ch) || s->ch == '_') {
            int ds = 1;
            if (s->ch == '_')
                ds = 2;
            else if (s->ch >= max && *invalid < 0)
                *invalid = (int)(s->choff - s->off);
            digsep |= ds;
            nextch(s);
        }
    } else {
        while (is_hex(s->ch) || s->ch == '_') {
            digsep |= s->ch == '_' ? 2 : 1;
            nextch(s);
        }
    }
    return digsep;
}

static void set_lit(Scanner *s, SynLitKind kind, bool ok)
{
    s->nlsemi = true;
    s->tok = T_LITERAL;
    s->lit = (const char *)s->src + s->off;
    s->litlen = s->choff - s->off;
    s->bad = !ok;
    s->kind = kind;
}

/* Index of the first misplaced '_' in a number literal, or -1. */
static int invalid_sep(const char *x, uint32_t n)
{
    int x1 = ' ';  /* prefix letter; only 'x' matters */
    int d = '.';   /* previous: '_', '0' (a digit) or '.' (other) */
    uint32_t i = 0;
    if (n >= 2 && x[0] == '0') {
        x1 = lower((unsigned char)x[1]);
        if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
            d = '0';
            i = 2;
        }
    }
    for (; i < n; i++) {
        int p = d;
        d = (unsigned char)x[i];
        if (d == '_') {
            if (p != '0')
                return (int)i;
        } else if (is_decimal(d) || (x1 == 'x' && is_hex(d))) {
            d = '0';
        } else {
            if (p == '_')
                return (int)i - 1;
            d = '.';
        }
    }
    if (d == '_')
        return (int)n - 1;
    return -1;
}

static void scan_number(Scanner *s, bool seen_point)
{
    bool ok = true;
    SynLitKind kind = SYN_INT_LIT;
    int base = 10, prefix = 0, digsep = 0, invalid = -1;
    Buf b = {0};

    if (!seen_point) {
        if (s->ch == '0') {
            nextch(s);
            switch (lower(s->ch)) {
            case 'x': nextch(s); base = 16; prefix = 'x'; break;
            case 'o': nextch(s); base = 8; prefix = 'o'; break;
            case 'b': nextch(s); base = 2; prefix = 'b'; break;
            default: base = 8; prefix = '0'; digsep = 1; break;
            }
        }
        digsep |= scan_digits(s, base, &invalid);
        if (s->ch == '.') {
            if (prefix == 'o' || prefix == 'b') {
                buf_printf(&b, "invalid radix point in %s literal", base_name(base));
                scan_error_buf(s, s->choff, &b);
                ok = false;
            }
            nextch(s);
            seen_point = true;
        }
    }
    if (seen_point) {
        kind = SYN_FLOAT_LIT;
        digsep |= scan_digits(s, base, &invalid);
    }
    if ((digsep & 1) == 0 && ok) {
        buf_printf(&b, "%s literal has no digits", base_name(base));
        scan_error_buf(s, s->choff, &b);
        ok = false;
    }
    int e = lower(s->ch);
    if (e == 'e' || e == 'p') {
        if (ok) {
            if (e == 'e' && prefix != 0 && prefix != '0') {
                buf_quote_rune(&b, s->ch);
                buf_puts(&b, " exponent requires decimal mantissa");
                scan_error_buf(s, s->choff, &b);
                ok = false;
            } else if (e == 'p' && prefix != 'x') {
                buf_quote_rune(&b, s->ch);
                buf_puts(&b, " exponent requires hexadecimal mantissa");
                scan_error_buf(s, s->choff, &b);
                ok = false;
            }
        }
        nextch(s);
        kind = SYN_FLOAT_LIT;
        if (s->ch == '+' || s->ch == '-')
            nextch(s);
        int unused = 0;
        digsep = scan_digits(s, 10, &unused) | (digsep & 2);
        if ((digsep & 1) == 0 && ok) {
            scan_error_at(s, s->choff, "exponent has no digits");
            ok = false;
        }
    } else if (prefix == 'x' && kind == SYN_FLOAT_LIT && ok) {
        scan_error_at(s, s->choff, "hexadecimal mantissa requires a 'p' exponent");
        ok = false;
    }
    if (s->ch == 'i') {
        kind = SYN_IMAG_LIT;
        nextch(s);
    }
    set_lit(s, kind, ok);
    if (kind == SYN_INT_LIT && invalid >= 0 && ok) {
        buf_puts(&b, "invalid digit ");
        buf_quote_rune(&b, (unsigned char)s->lit[invalid]);
        buf_printf(&b, " in %s literal", base_name(base));
        scan_error_buf(s, s->off + (uint32_t)invalid, &b);
        ok = false;
    }
    if ((digsep & 2) && ok) {
        int i = invalid_sep(s->lit, s->litlen);
        if (i >= 0) {
            scan_error_at(s, s->off + (uint32_t)i, "'_' must separate successive digits");
            ok = false;
        }
    }
    s->bad = !ok;
}

/* After a backslash: validates one escape.  Returns false on error. */
static bool scan_escape(Scanner *s, int32_t quote)
{
    int n;
    uint32_t base, max;
    Buf b = {0};

    switch (s->ch) {
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
        nextch(s);
        return true;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        n = 3; base = 8; max = 255;
        break;
    case 'x':
        nextch(s);
        n = 2; base = 16; max = 255;
        break;
    case 'u':
        nextch(s);
        n = 4; base = 16; max = 0x10FFFF;
        break;
    case 'U':
        nextch(s);
        n = 8; base = 16; max = 0x10FFFF;
        break;
    default:
        if (s->ch == quote) {
            nextch(s);
            return true;
        }
        if (s->ch < 0)
            return true; /* the caller complains about EOF */
        scan_error_at(s, s->choff, "unknown escape");
        return false;
    }

    uint32_t x = 0;
    for (int i = n; i > 0; i--) {
        if (s->ch < 0)
            return true; /* the caller complains about EOF */
        uint32_t d = base;
        if (is_decimal(s->ch))
            d = (uint32_t)(s->ch - '0');
        else if ('a' <= lower(s->ch) && lower(s->ch) <= 'f')
            d = (uint32_t)(lower(s->ch) - 'a' + 10);
        if (d >= base) {
            buf_puts(&b, "invalid character ");
            buf_quote_rune(&b, s->ch);
            buf_printf(&b, " in %s escape", base_name((int)base));
            scan_error_buf(s, s->choff, &b);
            return false;
        }
        x = x * base + d;
        nextch(s);
    }
    if (x > max && base == 8) {
        buf_printf(&b, "octal escape value %u > 255", x);
        scan_error_buf(s, s->choff, &b);
        return false;
    }
    if (x > max || (0xD800 <= x && x < 0xE000)) {
        buf_puts(&b, "escape is invalid Unicode code point ");
        buf_unicode_U(&b, x, true);
        scan_error_buf(s, s->choff, &b);
        return false;
    }
    return true;
}

static void scan_rune(Scanner *s)
{
    bool ok = true;
    nextch(s);
    for (int n = 0;; n++) {
        if (s->ch == '\'') {
            if (ok) {
                if (n == 0) {
                    scan_error_at(s, s->choff, "empty rune literal or unescaped '");
                    ok = false;
                } else if (n != 1) {
                    scan_error_at(s, s->off, "more than one character in rune literal");
                    ok = false;
                }
            }
            nextch(s);
            break;
        }
        if (s->ch == '\\') {
            nextch(s);
            if (!scan_escape(s, '\''))
                ok = false;
            continue;
        }
        if (s->ch == '\n') {
            if (ok) {
                scan_error_at(s, s->choff, "newline in rune literal");
                ok = false;
            }
            break;
        }
        if (s->ch < 0) {
            if (ok) {
                scan_error_at(s, s->off, "rune literal not terminated");
                ok = false;
            }
            break;
        }
        nextch(s);
    }
    set_lit(s, SYN_RUNE_LIT, ok);
}

static void scan_string(Scanner *s)
{
    bool ok = true;
    nextch(s);
    for (;;) {
        if (s->ch == '"') {
            nextch(s);
            break;
        }
        if (s->ch == '\\') {
            nextch(s);
            if (!scan_escape(s, '"'))
                ok = false;
            continue;
        }
        if (s->ch == '\n') {
            scan_error_at(s, s->choff, "newline in string");
            ok = false;
            break;
        }
        if (s->ch < 0) {
            scan_error_at(s, s->off, "string not terminated");
            ok = false;
            break;
        }
        if (in_class(s->ch, C_STR))
            skip_run(s, C_STR, false);
        else
            nextch(s);
    }
    set_lit(s, SYN_STRING_LIT, ok);
}

static void scan_raw_string(Scanner *s)
{
    bool ok = true;
    nextch(s);
    for (;;) {
        if (s->ch == '`') {
            nextch(s);
            break;
        }
        if (s->ch < 0) {
            scan_error_at(s, s->off, "string not terminated");
            ok = false;
            break;
        }
        if (in_class(s->ch, C_RAW) || s->ch == '\n')
            skip_run(s, C_RAW, true);
        else
            nextch(s);
    }
    /* CRs stay in the literal text; they are dropped from its value. */
    set_lit(s, SYN_STRING_LIT, ok);
}

static void skip_line(Scanner *s)
{
    /* the '\n' is left for the semicolon logic */
    while (s->ch >= 0 && s->ch != '\n') {
        if (in_class(s->ch, C_LINE))
            skip_run(s, C_LINE, false);
        else
            nextch(s);
    }
}

static void report_comment(Scanner *s)
{
    s->handler(s->ud, s->off, (const char *)s->src + s->off, s->choff - s->off);
}

/* "//" has been consumed.  Only //go: and //line comments are reported. */
static void line_comment(Scanner *s)
{
    if (s->ch != 'g' && s->ch != 'l') {
        skip_line(s);
        return;
    }
    const char *prefix = s->ch == 'g' ? "go:" : "line ";
    for (const char *m = prefix; *m; m++) {
        if (s->ch != *m) {
            skip_line(s);
            return;
        }
        nextch(s);
    }
    skip_line(s);
    report_comment(s);
}

static bool skip_comment(Scanner *s)
{
    while (s->ch >= 0) {
        while (s->ch == '*') {
            nextch(s);
            if (s->ch == '/') {
                nextch(s);
                return true;
            }
        }
        /* s->ch is not '*' here: skip it and the plain text after it */
        if (in_class(s->ch, C_BLOCK) || s->ch == '\n')
            skip_run(s, C_BLOCK, true);
        else
            nextch(s);
    }
    scan_error_at(s, s->off, "comment not terminated");
    return false;
}

/* The opening of a block comment has been consumed.  Only line
 * directives are reported. */
static void full_comment(Scanner *s)
{
    if (s->ch != 'l') {
        skip_comment(s);
        return;
    }
    for (const char *m = "line "; *m; m++) {
        if (s->ch != *m) {
            skip_comment(s);
            return;
        }
        nextch(s);
    }
    if (skip_comment(s))
        report_comment(s);
}

void scanner_next(Scanner *s)
{
    bool nlsemi = s->nlsemi;
    s->nlsemi = false;

redo:;
    uint32_t startline = s->line;
    bool startcol1 = s->choff == s->linestart;
    while (s->ch == ' ' || s->ch == '\t' || (s->ch == '\n' && !nlsemi) || s->ch == '\r')
        skip_run(s, C_SPACE, !nlsemi);

    s->off = s->choff;
    s->tline = s->line;
    s->tcol = s->choff - s->linestart + 1;
    s->blank = s->line > startline || startcol1;

    int32_t ch = s->ch;
    if (is_letter(ch) || (ch >= 0x80 && at_ident_char(s, true))) {
        nextch(s);
        scan_ident(s);
        return;
    }

    switch (ch) {
    case -1:
        if (nlsemi) {
            s->lit = "EOF";
            s->litlen = 3;
            s->tok = T_SEMI;
            break;
        }
        s->tok = T_EOF;
        break;
    case '\n':
        nextch(s);
        s->lit = "newline";
        s->litlen = 7;
        s->tok = T_SEMI;
        break;
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
        scan_number(s, false);
        break;
    case '"':
        scan_string(s);
        break;
    case '`':
        scan_raw_string(s);
        break;
    case '\'':
        scan_rune(s);
        break;
    case '(': nextch(s); s->tok = T_LPAREN; break;
    case '[': nextch(s); s->tok = T_LBRACK; break;
    case '{': nextch(s); s->tok = T_LBRACE; break;
    case ',': nextch(s); s->tok = T_COMMA; break;
    case ';':
        nextch(s);
        s->lit = "semicolon";
        s->litlen = 9;
        s->tok = T_SEMI;
        break;
    case ')': nextch(s); s->nlsemi = true; s->tok = T_RPAREN; break;
    case ']': nextch(s); s->nlsemi = true; s->tok = T_RBRACK; break;
    case '}': nextch(s); s->nlsemi = true; s->tok = T_RBRACE; break;
    case ':':
        nextch(s);
        if (s->ch == '=') {
            nextch(s);
            s->tok = T_DEFINE;
            break;
        }
        s->tok = T_COLON;
        break;
    case '.':
        nextch(s);
        if (is_decimal(s->ch)) {
            scan_number(s, true);
            break;
        }
        if (s->ch == '.') {
            nextch(s);
            if (s->ch == '.') {
                nextch(s);
                s->tok = T_DOTDOTDOT;
                break;
            }
            /* ".." is two dots: back up to just after the first one */
            s->r = s->off + 1;
            s->ch = 0;
            nextch(s);
        }
        s->tok = T_DOT;
        break;
    case '+':
        nextch(s);
        s->op = SYN_ADD;
        s->prec = PREC_ADD;
        if (s->ch != '+')
            goto assignop;
        nextch(s);
        s->nlsemi = true;
        s->tok = T_INCOP;
        break;
    case '-':
        nextch(s);
        s->op = SYN_SUB;
        s->prec = PREC_ADD;
        if (s->ch != '-')
            goto assignop;
        nextch(s);
        s->nlsemi = true;
        s->tok = T_INCOP;
        break;
    case '*':
        nextch(s);
        s->op = SYN_MUL;
        s->prec = PREC_MUL;
        if (s->ch == '=') {
            nextch(s);
            s->tok = T_ASSIGNOP;
            break;
        }
        s->tok = T_STAR;
        break;
    case '/':
        nextch(s);
        if (s->ch == '/') {
            nextch(s);
            line_comment(s);
            goto redo;
        }
        if (s->ch == '*') {
            nextch(s);
            full_comment(s);
            if (s->line > s->tline && nlsemi) {
                /* a multi-line comment acts like a newline */
                s->lit = "newline";
                s->litlen = 7;
                s->tok = T_SEMI;
                break;
            }
            goto redo;
        }
        s->op = SYN_DIV;
        s->prec = PREC_MUL;
        goto assignop;
    case '%':
        nextch(s);
        s->op = SYN_REM;
        s->prec = PREC_MUL;
        goto assignop;
    case '&':
        nextch(s);
        if (s->ch == '&') {
            nextch(s);
            s->op = SYN_ANDAND;
            s->prec = PREC_ANDAND;
            s->tok = T_OPERATOR;
            break;
        }
        s->op = SYN_AND;
        s->prec = PREC_MUL;
        if (s->ch == '^') {
            nextch(s);
            s->op = SYN_ANDNOT;
        }
        goto assignop;
    case '|':
        nextch(s);
        if (s->ch == '|') {
            nextch(s);
            s->op = SYN_OROR;
            s->prec = PREC_OROR;
            s->tok = T_OPERATOR;
            break;
        }
        s->op = SYN_OR;
        s->prec = PREC_ADD;
        goto assignop;
    case '^':
        nextch(s);
        s->op = SYN_XOR;
        s->prec = PREC_ADD;
        goto assignop;
    case '<':
        nextch(s);
        if (s->ch == '=') {
            nextch(s);
            s->op = SYN_LEQ;
            s->prec = PREC_CMP;
            s->tok = T_OPERATOR;
            break;
        }
        if (s->ch == '<') {
            nextch(s);
            s->op = SYN_SHL;
            s->prec = PREC_MUL;
            goto assignop;
        }
        if (s->ch == '-') {
            nextch(s);
            s->tok = T_ARROW;
            break;
        }
        s->op = SYN_LSS;
        s->prec = PREC_CMP;
        s->tok = T_OPERATOR;
        break;
    case '>':
        nextch(s);
        if (s->ch == '=') {
            nextch(s);
            s->op = SYN_GEQ;
            s->prec = PREC_CMP;
            s->tok = T_OPERATOR;
            break;
        }
        if (s->ch == '>') {
            nextch(s);
            s->op = SYN_SHR;
            s->prec = PREC_MUL;
            goto assignop;
        }
        s->op = SYN_GTR;
        s->prec = PREC_CMP;
        s->tok = T_OPERATOR;
        break;
    case '=':
        nextch(s);
        if (s->ch == '=') {
            nextch(s);
            s->op = SYN_EQL;
            s->prec = PREC_CMP;
            s->tok = T_OPERATOR;
            break;
        }
        s->tok = T_ASSIGN;
        break;
    case '!':
        nextch(s);
        if (s->ch == '=') {
            nextch(s);
            s->op = SYN_NEQ;
            s->prec = PREC_CMP;
            s->tok = T_OPERATOR;
            break;
        }
        s->op = SYN_NOT;
        s->prec = 0;
        s->tok = T_OPERATOR;
        break;
    case '~':
        nextch(s);
        s->op = SYN_TILDE;
        s->prec = 0;
        s->tok = T_OPERATOR;
        break;
    default: {
        Buf b = {0};
        buf_puts(&b, "invalid character ");
        buf_unicode_U(&b, ch, true);
        scan_error_buf(s, s->choff, &b);
        nextch(s);
        goto redo;
    }
    }
    return;

assignop:
    if (s->ch == '=') {
        nextch(s);
        s->tok = T_ASSIGNOP;
        return;
    }
    s->tok = T_OPERATOR;
}
