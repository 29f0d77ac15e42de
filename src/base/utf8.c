/* UTF-8 decoding and the rune classes of Go's unicode and strconv packages. */
#include "base.h"
#include "unicode_tables.inc"

int32_t utf8_decode(const unsigned char *s, size_t n, int *width)
{
    if (n == 0) {
        *width = 0;
        return RUNE_ERROR;
    }
    unsigned c = s[0];
    if (c < 0x80) {
        *width = 1;
        return (int32_t)c;
    }
    /* Same acceptance rules as Go's utf8.DecodeRune: shortest form only,
     * no surrogates, nothing above U+10FFFF. */
    int need;
    uint32_t r, min;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1; r = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2; r = c & 0x0F; min = 0x800;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3; r = c & 0x07; min = 0x10000;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        *width = 1;
        return RUNE_ERROR;
    }
    if ((size_t)need >= n) {
        *width = 1;
        return RUNE_ERROR;
    }
    for (int i = 1; i <= need; i++) {
        unsigned b = s[i];
        if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) {
            *width = 1;
            return RUNE_ERROR;
        }
        r = (r << 6) | (b & 0x3F);
    }
    (void)min;
    *width = need + 1;
    return (int32_t)r;
}

int utf8_encode(char *out, int32_t r)
{
    uint32_t u = (uint32_t)r;
    if (u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF))
        u = RUNE_ERROR;
    if (u < 0x80) {
        out[0] = (char)u;
        return 1;
    }
    if (u < 0x800) {
        out[0] = (char)(0xC0 | (u >> 6));
        out[1] = (char)(0x80 | (u & 0x3F));
        return 2;
    }
    if (u < 0x10000) {
        out[0] = (char)(0xE0 | (u >> 12));
        out[1] = (char)(0x80 | ((u >> 6) & 0x3F));
        out[2] = (char)(0x80 | (u & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (u >> 18));
    out[1] = (char)(0x80 | ((u >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((u >> 6) & 0x3F));
    out[3] = (char)(0x80 | (u & 0x3F));
    return 4;
}

static bool in_ranges(const uint32_t (*t)[2], size_t n, int32_t r)
{
    size_t lo = 0, hi = n;
    uint32_t u = (uint32_t)r;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (u < t[mid][0])
            hi = mid;
        else if (u > t[mid][1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

#define NR(t) (sizeof(t) / sizeof((t)[0]))

bool uni_is_letter(int32_t r)
{
    if (r < 0x80)
        return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z');
    return in_ranges(uni_letter_ranges, NR(uni_letter_ranges), r);
}

bool uni_is_digit(int32_t r)
{
    if (r < 0x80)
        return r >= '0' && r <= '9';
    return in_ranges(uni_digit_ranges, NR(uni_digit_ranges), r);
}

bool uni_is_upper(int32_t r)
{
    if (r < 0x80)
        return r >= 'A' && r <= 'Z';
    return in_ranges(uni_upper_ranges, NR(uni_upper_ranges), r);
}

bool uni_is_print(int32_t r)
{
    if (r < 0x80)
        return r >= 0x20 && r < 0x7f;
    return in_ranges(uni_print_ranges, NR(uni_print_ranges), r);
}

bool uni_is_graphic(int32_t r)
{
    if (r < 0x80)
        return r >= 0x20 && r < 0x7f;
    return in_ranges(uni_graphic_ranges, NR(uni_graphic_ranges), r);
}

bool uni_is_space(int32_t r)
{
    switch (r) {
    case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000:
        return true;
    }
    return r >= 0x2000 && r <= 0x200A;
}
