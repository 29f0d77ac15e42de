/* Go's quoting rules (strconv.Quote, QuoteRune) and fmt's %U, which gc's
 * messages use; they depend on Go's IsPrint tables (unicode_tables.inc). */
#include "base.h"

static void append_escaped_rune(Buf *b, int32_t r, char quote)
{
    static const char hex[] = "0123456789abcdef";
    char tmp[12];
    if (r == quote || r == '\\') {
        buf_putc(b, '\\');
        buf_putc(b, (char)r);
        return;
    }
    if (uni_is_print(r)) {
        int n = utf8_encode(tmp, r);
        buf_put(b, tmp, (size_t)n);
        return;
    }
    switch (r) {
    case '\a': buf_puts(b, "\\a"); return;
    case '\b': buf_puts(b, "\\b"); return;
    case '\f': buf_puts(b, "\\f"); return;
    case '\n': buf_puts(b, "\\n"); return;
    case '\r': buf_puts(b, "\\r"); return;
    case '\t': buf_puts(b, "\\t"); return;
    case '\v': buf_puts(b, "\\v"); return;
    }
    if (r < ' ' || r == 0x7f) {
        buf_puts(b, "\\x");
        buf_putc(b, hex[(r >> 4) & 15]);
        buf_putc(b, hex[r & 15]);
    } else {
        if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
            r = RUNE_ERROR;
        if (r < 0x10000) {
            buf_puts(b, "\\u");
            for (int s = 12; s >= 0; s -= 4)
                buf_putc(b, hex[(r >> s) & 15]);
        } else {
            buf_puts(b, "\\U");
            for (int s = 28; s >= 0; s -= 4)
                buf_putc(b, hex[(r >> s) & 15]);
        }
    }
}

void buf_quote_rune(Buf *b, int32_t r)
{
    if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        r = RUNE_ERROR;
    buf_putc(b, '\'');
    append_escaped_rune(b, r, '\'');
    buf_putc(b, '\'');
}

void buf_quote_go(Buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    buf_putc(b, '"');
    for (size_t i = 0; i < n;) {
        int w;
        int32_t r = utf8_decode((const unsigned char *)s + i, n - i, &w);
        if (w == 1 && r == RUNE_ERROR) {
            unsigned char c = (unsigned char)s[i];
            buf_puts(b, "\\x");
            buf_putc(b, hex[c >> 4]);
            buf_putc(b, hex[c & 15]);
            i++;
            continue;
        }
        append_escaped_rune(b, r, '"');
        i += (size_t)w;
    }
    buf_putc(b, '"');
}

void buf_unicode_U(Buf *b, int64_t r, bool sharp)
{
    if (r < 0) {
        /* fmt formats the value as unsigned; runes here are never negative */
        buf_printf(b, "U+%llX", (unsigned long long)(uint64_t)r);
        return;
    }
    buf_printf(b, "U+%04llX", (unsigned long long)r);
    if (sharp && r <= 0x10FFFF && uni_is_print((int32_t)r)) {
        char tmp[4];
        int n = utf8_encode(tmp, (int32_t)r);
        buf_puts(b, " '");
        buf_put(b, tmp, (size_t)n);
        buf_putc(b, '\'');
    }
}
