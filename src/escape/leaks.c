/*
 * Parameter tags (gc's escape/leaks.go).
 *
 * A leaks value records, for one parameter, the minimal number of
 * dereferences on any flow to the heap, to the mutator and callee
 * pseudo-locations, and to each of the first five results; each byte
 * holds derefs+1 (capped at 255) and 0 means "no flow".
 *
 * gc stores the 8 bytes (trailing zero bytes removed) after "esc:" in the
 * export data, and "" for the common "leaks to heap at level 0".  Those
 * bytes may contain NULs, which C strings cannot carry, so goesc writes
 * each byte as two lowercase hex digits after "esc:"; the "" special case
 * and the meaning are gc's.  esc_leaks_parse_gc reads gc's binary form.
 */
#include "esc.h"

#include <string.h>

void esc_leaks_set(EscLeaks *l, int i, int derefs)
{
    int v = derefs + 1;
    if (v < 0)
        base_fatal("escape: invalid derefs count %d", derefs);
    if (v > 255)
        v = 255;
    l->b[i] = (uint8_t)v;
}

void esc_leaks_add(EscLeaks *l, int i, int derefs)
{
    int old = esc_leaks_get(l, i);
    if (old < 0 || derefs < old)
        esc_leaks_set(l, i, derefs);
}

/* Flows at least as long as the shortest heap flow add nothing: the value
 * is on the heap anyway. */
void esc_leaks_optimize(EscLeaks *l)
{
    int x = esc_leaks_get(l, ESC_LEAK_HEAP);
    if (x < 0)
        return;
    for (int i = 1; i < 8; i++)
        if (esc_leaks_get(l, i) >= x)
            esc_leaks_set(l, i, -1);
}

const char *esc_leaks_encode(Arena *a, const EscLeaks *l)
{
    if (esc_leaks_get(l, ESC_LEAK_HEAP) == 0)
        return "";
    int n = 8;
    while (n > 0 && l->b[n - 1] == 0)
        n--;
    if (n == 0)
        return "esc:";
    char *s = arena_alloc(a, 4 + 2 * (size_t)n + 1);
    static const char hex[] = "0123456789abcdef";
    memcpy(s, "esc:", 4);
    for (int i = 0; i < n; i++) {
        s[4 + 2 * i] = hex[l->b[i] >> 4];
        s[4 + 2 * i + 1] = hex[l->b[i] & 15];
    }
    s[4 + 2 * n] = 0;
    return s;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

EscLeaks esc_leaks_parse(const char *tag)
{
    EscLeaks l;
    memset(&l, 0, sizeof l);
    if (!tag || strncmp(tag, "esc:", 4) != 0) {
        esc_leaks_add(&l, ESC_LEAK_HEAP, 0);
        return l;
    }
    const char *s = tag + 4;
    for (int i = 0; i < 8 && s[0] && s[1]; i++, s += 2) {
        int hi = hexval(s[0]), lo = hexval(s[1]);
        if (hi < 0 || lo < 0)
            break;
        l.b[i] = (uint8_t)(hi << 4 | lo);
    }
    return l;
}

EscLeaks esc_leaks_parse_gc(const char *tag, size_t n)
{
    EscLeaks l;
    memset(&l, 0, sizeof l);
    if (n < 4 || memcmp(tag, "esc:", 4) != 0) {
        esc_leaks_add(&l, ESC_LEAK_HEAP, 0);
        return l;
    }
    size_t m = n - 4 < 8 ? n - 4 : 8;
    memcpy(l.b, tag + 4, m);
    return l;
}

const char *esc_tag_from_gc(Arena *a, const char *tag, size_t n)
{
    EscLeaks l = esc_leaks_parse_gc(tag, n);
    return esc_leaks_encode(a, &l);
}
