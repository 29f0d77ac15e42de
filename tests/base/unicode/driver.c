/*
 * Prints base's view of Unicode and UTF-8 in the format of ref/main.go,
 * which prints Go's: tests/base/unicode/run.sh compares the two.
 *
 *   C lo hi mask      runs of runes with the same classes (1 letter,
 *                     2 digit, 4 print, 8 graphic, 16 space)
 *   Q block hash      FNV-1a of "QuoteRune %U %#U\n" for each rune of a
 *                     block of 4096
 *   D b0 hash         FNV-1a of (rune as 4 bytes, little-endian; width as one
 *                     byte) for utf8 decoding of every
 *                     sequence starting with byte b0 (all second bytes, a
 *                     set of third and fourth bytes, every length 1..4)
 *   S hash            FNV-1a of strconv.Quote of 200000 pseudo-random
 *                     byte strings
 */
#include "base/base.h"

#include <stdlib.h>
#include <string.h>

static uint32_t fnv(uint32_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}
#define FNV0 2166136261u

static unsigned classes(int32_t r)
{
    return (uni_is_letter(r) ? 1u : 0) | (uni_is_digit(r) ? 2u : 0) | (uni_is_print(r) ? 4u : 0) |
           (uni_is_graphic(r) ? 8u : 0) | (uni_is_space(r) ? 16u : 0);
}

int main(void)
{
    /* classes, as runs */
    int32_t start = 0;
    unsigned cur = classes(0);
    for (int32_t r = 1; r <= 0x110000; r++) {
        unsigned c = r <= 0x10FFFF ? classes(r) : 0xFFFFu;
        if (c != cur) {
            printf("C %06X %06X %u\n", (unsigned)start, (unsigned)(r - 1), cur);
            start = r;
            cur = c;
        }
    }
    printf("C out-of-range %u %u %u\n", classes(-1), classes(0x110000), classes(0x7FFFFFFF));

    /* quoting and %U */
    Buf b = {0};
    for (int32_t blk = 0; blk < 0x110000; blk += 4096) {
        uint32_t h = FNV0;
        for (int32_t r = blk; r < blk + 4096; r++) {
            buf_reset(&b);
            buf_quote_rune(&b, r);
            buf_putc(&b, ' ');
            buf_unicode_U(&b, r, false);
            buf_putc(&b, ' ');
            buf_unicode_U(&b, r, true);
            buf_putc(&b, '\n');
            h = fnv(h, b.data, b.len);
        }
        printf("Q %06X %08x\n", (unsigned)blk, h);
    }

    /* UTF-8 decoding */
    static const unsigned char tail[] = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
    const size_t nt = sizeof tail;
    for (unsigned b0 = 0; b0 < 256; b0++) {
        uint32_t h = FNV0;
        for (unsigned b1 = 0; b1 < 256; b1++)
            for (size_t i = 0; i < nt; i++)
                for (size_t j = 0; j < nt; j++) {
                    unsigned char s[4] = {(unsigned char)b0, (unsigned char)b1, tail[i], tail[j]};
                    for (size_t n = 1; n <= 4; n++) {
                        int w;
                        uint32_t r = (uint32_t)utf8_decode(s, n, &w);
                        char rec[5] = {(char)(r & 0xFF), (char)(r >> 8 & 0xFF), (char)(r >> 16 & 0xFF),
                                       (char)(r >> 24), (char)w};
                        h = fnv(h, rec, sizeof rec);
                    }
                }
        printf("D %02X %08x\n", b0, h);
    }

    /* strconv.Quote of pseudo-random strings */
    static const unsigned char alpha[] = {'a', 'Z', '0', ' ', '"', '\\', '\'', '\n', '\t', 0x00, 0x1B,
                                          0x7F, 0x80, 0xBF, 0xC3, 0xA4, 0xE2, 0x82, 0xAC, 0xED, 0xA0,
                                          0xF0, 0x9F, 0x98, 0xF4, 0x8F, 0xFF, 0xC2, 0xAD, 0xEF, 0xBB};
    uint64_t x = 88172645463325252ull;
    uint32_t h = FNV0;
    for (int k = 0; k < 200000; k++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        size_t len = (size_t)(x % 9);
        unsigned char s[8];
        for (size_t i = 0; i < len; i++) {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            s[i] = alpha[x % sizeof alpha];
        }
        buf_reset(&b);
        buf_quote_go(&b, (const char *)s, len);
        buf_putc(&b, '\n');
        h = fnv(h, b.data, b.len);
    }
    printf("S %08x\n", h);
    buf_free(&b);
    return 0;
}
