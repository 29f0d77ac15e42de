/*
 * A small JSON parser for go list's output.
 *
 * Parsing is in place: a string without escapes is just NUL-terminated
 * where its closing quote was, and one with escapes is decoded over its
 * own text (decoding never lengthens it).  Nodes go to an arena.  Nesting
 * is handled with explicit stacks on the heap, never with recursion: the
 * values parsed so far sit on a value stack, and closing a container moves
 * its elements from the top of that stack into one arena array.
 */
#include "load.h"

#include <stdlib.h>
#include <string.h>

typedef struct Frame {
    uint8_t kind;       /* LD_JSON_ARRAY or LD_JSON_OBJECT */
    uint32_t base;      /* value stack height when opened */
    const char *key;    /* this container's own member name (or NULL) */
    const char *pending;/* objects: name of the member being parsed */
} Frame;

typedef struct Parser {
    char *start, *p, *end;
    Arena *arena;
    LdJson *vals;       /* completed values not yet in a container */
    uint32_t nvals, capvals;
    Frame *frames;      /* open containers, innermost last */
    uint32_t nframes, capframes;
    LdJsonError *err;
    bool failed;
} Parser;

static void fail(Parser *ps, const char *at, const char *msg)
{
    if (ps->failed)
        return;
    ps->failed = true;
    uint32_t line = 1, col = 1;
    for (const char *q = ps->start; q < at && q < ps->end; q++) {
        if (*q == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    ps->err->line = line;
    ps->err->col = col;
    snprintf(ps->err->msg, sizeof ps->err->msg, "%s", msg);
}

static void push_val(Parser *ps, LdJson v)
{
    if (ps->nvals == ps->capvals) {
        ps->capvals = ps->capvals ? ps->capvals * 2 : 256;
        ps->vals = xrealloc(ps->vals, sizeof(LdJson) * ps->capvals);
    }
    ps->vals[ps->nvals++] = v;
}

static void push_frame(Parser *ps, uint8_t kind, const char *key)
{
    if (ps->nframes == ps->capframes) {
        ps->capframes = ps->capframes ? ps->capframes * 2 : 32;
        ps->frames = xrealloc(ps->frames, sizeof(Frame) * ps->capframes);
    }
    ps->frames[ps->nframes++] = (Frame){kind, ps->nvals, key, NULL};
}

static void skip_ws(Parser *ps)
{
    char *p = ps->p;
    while (p < ps->end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
        p++;
    ps->p = p;
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

/* Four hex digits at p (bounds checked by the caller); -1 if malformed. */
static int32_t hex4(const char *p)
{
    int32_t r = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(p[i]);
        if (h < 0)
            return -1;
        r = r << 4 | h;
    }
    return r;
}

/* Parses the string whose opening quote is at ps->p; decodes it in place.
 * Returns its start (NUL-terminated) and length, or NULL on error. */
static const char *parse_string(Parser *ps, uint32_t *len)
{
    char *s = ps->p + 1, *r = s, *end = ps->end;
    /* fast path: nothing to decode */
    while (r < end && *r != '"' && *r != '\\' && (unsigned char)*r >= 0x20)
        r++;
    char *w = r;
    while (r < end && *r != '"') {
        unsigned char c = (unsigned char)*r;
        if (c < 0x20) {
            fail(ps, r, "control character in string");
            return NULL;
        }
        if (c != '\\') {
            *w++ = *r++;
            continue;
        }
        if (r + 1 >= end)
            break;
        char e = r[1];
        r += 2;
        switch (e) {
        case '"': *w++ = '"'; break;
        case '\\': *w++ = '\\'; break;
        case '/': *w++ = '/'; break;
        case 'b': *w++ = '\b'; break;
        case 'f': *w++ = '\f'; break;
        case 'n': *w++ = '\n'; break;
        case 'r': *w++ = '\r'; break;
        case 't': *w++ = '\t'; break;
        case 'u': {
            int32_t u = end - r >= 4 ? hex4(r) : -1;
            if (u < 0) {
                fail(ps, r - 2, "invalid \\u escape in string");
                return NULL;
            }
            r += 4;
            if (u >= 0xD800 && u < 0xDC00) {
                /* a surrogate pair, or (like Go) U+FFFD for a lone half */
                int32_t lo = end - r >= 6 && r[0] == '\\' && r[1] == 'u' ? hex4(r + 2) : -1;
                if (lo >= 0xDC00 && lo < 0xE000) {
                    u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                    r += 6;
                } else {
                    u = RUNE_ERROR;
                }
            } else if (u >= 0xDC00 && u < 0xE000) {
                u = RUNE_ERROR;
            }
            /* at least 6 bytes were consumed; at most 4 are written */
            w += utf8_encode(w, u);
            break;
        }
        default:
            fail(ps, r - 2, "invalid escape in string");
            return NULL;
        }
    }
    if (r >= end) {
        fail(ps, ps->p, "unterminated string");
        return NULL;
    }
    *w = 0;
    *len = (uint32_t)(w - s);
    ps->p = r + 1;
    return s;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Validates a number (JSON grammar) at ps->p. */
static bool parse_number(Parser *ps, LdJson *v)
{
    char *p = ps->p, *end = ps->end, *s = p;
    if (p < end && *p == '-')
        p++;
    if (p < end && *p == '0') {
        p++;
    } else if (p < end && is_digit(*p)) {
        while (p < end && is_digit(*p))
            p++;
    } else {
        fail(ps, s, "invalid number");
        return false;
    }
    if (p < end && *p == '.') {
        p++;
        if (p >= end || !is_digit(*p)) {
            fail(ps, s, "invalid number");
            return false;
        }
        while (p < end && is_digit(*p))
            p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        if (p >= end || !is_digit(*p)) {
            fail(ps, s, "invalid number");
            return false;
        }
        while (p < end && is_digit(*p))
            p++;
    }
    v->kind = LD_JSON_NUMBER;
    v->u.str = s;
    v->len = (uint32_t)(p - s);
    ps->p = p;
    return true;
}

static bool literal(Parser *ps, const char *word, size_t n)
{
    if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0) {
        fail(ps, ps->p, "invalid character (expected a value)");
        return false;
    }
    ps->p += n;
    return true;
}

/* Closes the innermost container: its elements move into the arena. */
static void close_frame(Parser *ps)
{
    Frame f = ps->frames[--ps->nframes];
    LdJson v;
    memset(&v, 0, sizeof v);
    v.kind = f.kind;
    v.key = f.key;
    v.len = ps->nvals - f.base;
    if (v.len)
        v.u.items = arena_memdup(ps->arena, ps->vals + f.base, sizeof(LdJson) * v.len);
    ps->nvals = f.base;
    push_val(ps, v);
}

/* The key under which the next value is stored (NULL outside objects). */
static const char *current_key(Parser *ps)
{
    return ps->nframes ? ps->frames[ps->nframes - 1].pending : NULL;
}

/* Parses one complete value (with everything nested in it) onto the
 * value stack. */
static bool parse_value(Parser *ps)
{
    uint32_t depth0 = ps->nframes;
    for (;;) {
        /* here a value is expected */
        skip_ws(ps);
        if (ps->p >= ps->end) {
            fail(ps, ps->p, "unexpected end of input");
            return false;
        }
        LdJson v;
        memset(&v, 0, sizeof v);
        v.key = current_key(ps);
        bool opened = false;
        switch (*ps->p) {
        case '{':
        case '[': {
            uint8_t kind = *ps->p == '{' ? LD_JSON_OBJECT : LD_JSON_ARRAY;
            char close = *ps->p == '{' ? '}' : ']';
            ps->p++;
            push_frame(ps, kind, v.key);
            skip_ws(ps);
            if (ps->p < ps->end && *ps->p == close) {
                ps->p++;
                close_frame(ps);
            } else {
                opened = true;
            }
            break;
        }
        case '"':
            v.kind = LD_JSON_STRING;
            if (!(v.u.str = parse_string(ps, &v.len)))
                return false;
            push_val(ps, v);
            break;
        case 't':
        case 'f':
            v.kind = LD_JSON_BOOL;
            v.b = *ps->p == 't';
            if (!(v.b ? literal(ps, "true", 4) : literal(ps, "false", 5)))
                return false;
            push_val(ps, v);
            break;
        case 'n':
            v.kind = LD_JSON_NULL;
            if (!literal(ps, "null", 4))
                return false;
            push_val(ps, v);
            break;
        default:
            if (*ps->p != '-' && !is_digit(*ps->p)) {
                fail(ps, ps->p, "invalid character (expected a value)");
                return false;
            }
            if (!parse_number(ps, &v))
                return false;
            push_val(ps, v);
            break;
        }
        /* after a value (or an opening bracket): separators and closers */
        for (;;) {
            if (ps->nframes == depth0)
                return true;
            Frame *f = &ps->frames[ps->nframes - 1];
            skip_ws(ps);
            if (ps->p >= ps->end) {
                fail(ps, ps->p, "unexpected end of input");
                return false;
            }
            char close = f->kind == LD_JSON_OBJECT ? '}' : ']';
            if (!opened) {
                if (*ps->p == close) {
                    ps->p++;
                    close_frame(ps);
                    continue;
                }
                if (*ps->p != ',') {
                    fail(ps, ps->p, f->kind == LD_JSON_OBJECT
                                        ? "expected ',' or '}' after object member"
                                        : "expected ',' or ']' after array element");
                    return false;
                }
                ps->p++;
                skip_ws(ps);
            }
            opened = false;
            if (f->kind == LD_JSON_OBJECT) {
                uint32_t klen;
                if (ps->p >= ps->end || *ps->p != '"') {
                    fail(ps, ps->p, "expected a string (object member name)");
                    return false;
                }
                if (!(f->pending = parse_string(ps, &klen)))
                    return false;
                skip_ws(ps);
                if (ps->p >= ps->end || *ps->p != ':') {
                    fail(ps, ps->p, "expected ':' after object member name");
                    return false;
                }
                ps->p++;
            }
            break; /* the next element's value */
        }
    }
}

LdJson *ld_json_parse(Arena *arena, char *text, size_t len, bool stream, LdJsonError *err)
{
    Parser ps;
    memset(&ps, 0, sizeof ps);
    ps.start = ps.p = text;
    ps.end = text + len;
    ps.arena = arena;
    ps.err = err;
    memset(err, 0, sizeof *err);
    LdJson *result = NULL;
    bool ok = true;
    if (stream) {
        /* the sequence is an array without commas */
        for (;;) {
            skip_ws(&ps);
            if (ps.p >= ps.end)
                break;
            if (!parse_value(&ps)) {
                ok = false;
                break;
            }
        }
        if (ok) {
            result = ARENA_NEW(arena, LdJson);
            result->kind = LD_JSON_ARRAY;
            result->len = ps.nvals;
            if (ps.nvals)
                result->u.items = arena_memdup(arena, ps.vals, sizeof(LdJson) * ps.nvals);
        }
    } else {
        ok = parse_value(&ps);
        if (ok) {
            skip_ws(&ps);
            if (ps.p < ps.end) {
                fail(&ps, ps.p, "invalid character after top-level value");
                ok = false;
            }
        }
        if (ok)
            result = arena_memdup(arena, &ps.vals[0], sizeof(LdJson));
    }
    free(ps.vals);
    free(ps.frames);
    return ok ? result : NULL;
}

const LdJson *ld_json_get(const LdJson *obj, const char *key)
{
    if (!obj || obj->kind != LD_JSON_OBJECT)
        return NULL;
    for (uint32_t i = 0; i < obj->len; i++)
        if (strcmp(obj->u.items[i].key, key) == 0)
            return &obj->u.items[i];
    return NULL;
}

double ld_json_number(const LdJson *v)
{
    if (!v || v->kind != LD_JSON_NUMBER)
        return 0;
    char tmp[64];
    size_t n = v->len < sizeof tmp - 1 ? v->len : sizeof tmp - 1;
    memcpy(tmp, v->u.str, n);
    tmp[n] = 0;
    return strtod(tmp, NULL);
}
