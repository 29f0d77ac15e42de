/*
 * Tests of the JSON parser (src/load/json.c), built and run by
 * tests/load/run.sh against the library objects.  Prints PASS/FAIL lines.
 *
 *   json_test            the built-in cases
 *   json_test FILE N     FILE (go list -json output) parses as a stream of
 *                        N objects, each with an ImportPath
 */
#include "load/load.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static int nfail;

static void check(bool ok, const char *name, const char *why)
{
    if (ok) {
        printf("PASS load/json-%s\n", name);
    } else {
        printf("FAIL load/json-%s: %s\n", name, why);
        nfail++;
    }
}

/* Parses a copy of text (the parser writes into it). */
static LdJson *parse(Arena *a, const char *text, bool stream, LdJsonError *err)
{
    size_t n = strlen(text);
    char *copy = arena_memdup(a, text, n + 1);
    return ld_json_parse(a, copy, n, stream, err);
}

static void test_values(void)
{
    Arena a;
    arena_init(&a);
    LdJsonError err;
    LdJson *v = parse(&a,
                      " {\"s\": \"a\\\"b\\\\c\\/d\\n\\u00e9\\ud83d\\ude00\\ud800x\", \"n\": -12.5e1,"
                      " \"t\": true, \"f\": false, \"z\": null, \"e\": [], \"o\": {},"
                      " \"arr\": [1, [2, [3]], {\"k\": \"v\"}], \"\\u0041\": 0 } ",
                      false, &err);
    check(v && v->kind == LD_JSON_OBJECT && v->len == 9, "object", "not a 9-member object");
    if (!v) {
        arena_free(&a);
        return;
    }
    const LdJson *s = ld_json_get(v, "s");
    const char *want = "a\"b\\c/d\n\xc3\xa9\xf0\x9f\x98\x80\xef\xbf\xbdx";
    check(s && s->kind == LD_JSON_STRING && strcmp(s->u.str, want) == 0 && s->len == strlen(want),
          "escapes", "string escapes decoded wrongly");
    const LdJson *n = ld_json_get(v, "n");
    check(n && n->kind == LD_JSON_NUMBER && ld_json_number(n) == -125.0, "number", "wrong number");
    const LdJson *t = ld_json_get(v, "t"), *f = ld_json_get(v, "f"), *z = ld_json_get(v, "z");
    check(t && t->kind == LD_JSON_BOOL && t->b && f && f->kind == LD_JSON_BOOL && !f->b && z &&
              z->kind == LD_JSON_NULL,
          "literals", "true/false/null");
    const LdJson *e = ld_json_get(v, "e"), *o = ld_json_get(v, "o");
    check(e && e->kind == LD_JSON_ARRAY && e->len == 0 && o && o->kind == LD_JSON_OBJECT &&
              o->len == 0,
          "empty", "empty containers");
    const LdJson *arr = ld_json_get(v, "arr");
    bool nested = arr && arr->kind == LD_JSON_ARRAY && arr->len == 3 &&
                  arr->u.items[1].kind == LD_JSON_ARRAY && arr->u.items[1].len == 2 &&
                  arr->u.items[1].u.items[1].u.items[0].kind == LD_JSON_NUMBER &&
                  arr->u.items[1].u.items[1].u.items[0].key == NULL &&
                  strcmp(ld_json_get(&arr->u.items[2], "k")->u.str, "v") == 0;
    check(nested, "nested", "nested containers");
    check(ld_json_get(v, "A") != NULL && ld_json_get(v, "missing") == NULL, "keys",
          "escaped key or missing key");
    arena_free(&a);
}

static void test_stream(void)
{
    Arena a;
    arena_init(&a);
    LdJsonError err;
    LdJson *v = parse(&a, "{\"a\":1}\n{\"a\":2}\n\n[3] \"x\" 4", true, &err);
    check(v && v->kind == LD_JSON_ARRAY && v->len == 5 &&
              ld_json_number(ld_json_get(&v->u.items[1], "a")) == 2,
          "stream", "five values expected");
    v = parse(&a, "  \n ", true, &err);
    check(v && v->kind == LD_JSON_ARRAY && v->len == 0, "stream-empty", "empty stream");
    arena_free(&a);
}

static void test_deep(void)
{
    /* far deeper than any C stack would allow with recursion */
    enum { DEPTH = 1000000 };
    Arena a;
    arena_init(&a);
    char *text = malloc(8 * (size_t)DEPTH + 16);
    size_t n = 0;
    for (int i = 0; i < DEPTH; i++) {
        memcpy(text + n, "{\"a\":[", 6);
        n += 6;
    }
    for (int i = 0; i < DEPTH; i++) {
        memcpy(text + n, "]}", 2);
        n += 2;
    }
    text[n] = 0;
    LdJsonError err;
    LdJson *v = ld_json_parse(&a, text, n, false, &err);
    int depth = 0;
    for (const LdJson *p = v; p && p->len; p = &p->u.items[0])
        depth++;
    check(v && depth == 2 * DEPTH - 1, "deep", "a million nested objects");
    free(text);
    arena_free(&a);
}

static void test_errors(void)
{
    static const struct {
        const char *text;
        uint32_t line, col;
    } cases[] = {
        {"{\"a\" 1}", 1, 6},
        {"[1,]", 1, 4},
        {"[1 2]", 1, 4},
        {"{\"a\":1,}", 1, 8},
        {"\"abc", 1, 1},
        {"tru", 1, 1},
        {"[\n  nul]", 2, 3},
        {"\"a\tb\"", 1, 3},
        {"\"\\x\"", 1, 2},
        {"\"\\u12G4\"", 1, 2},
        {"-", 1, 1},
        {"1.", 1, 1},
        {"1e", 1, 1},
        {"{1:2}", 1, 2},
        {"[", 1, 2},
        {"{\"a\":", 1, 6},
        {"", 1, 1},
        {"1 2", 1, 3},
        {"]", 1, 1},
    };
    Arena a;
    arena_init(&a);
    bool ok = true;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        LdJsonError err;
        LdJson *v = parse(&a, cases[i].text, false, &err);
        if (v || err.line != cases[i].line || err.col != cases[i].col || !err.msg[0]) {
            printf("    %s: got %s at %u:%u (%s), want an error at %u:%u\n", cases[i].text,
                   v ? "a value" : "error", err.line, err.col, err.msg, cases[i].line,
                   cases[i].col);
            ok = false;
        }
    }
    check(ok, "errors", "malformed input accepted or misplaced");
    arena_free(&a);
}

static void test_file(const char *path, long want)
{
    size_t size;
    const char *e;
    char *data = read_file(path, &size, &e);
    if (!data) {
        check(false, "golist", e);
        return;
    }
    Arena a;
    arena_init(&a);
    LdJsonError err;
    struct timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    LdJson *v = ld_json_parse(&a, data, size, true, &err);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    bool ok = v && (long)v->len == want;
    for (uint32_t i = 0; ok && i < v->len; i++)
        ok = ld_json_get(&v->u.items[i], "ImportPath") != NULL;
    char why[128];
    snprintf(why, sizeof why, "%s (%u:%u %s)", v ? "wrong package count" : "parse error",
             err.line, err.col, err.msg);
    check(ok, "golist", why);
    printf("    %zu bytes, %ld packages, %.2f ms\n", size, want, ms);
    free(data);
    arena_free(&a);
}

int main(int argc, char **argv)
{
    if (argc == 3) {
        test_file(argv[1], atol(argv[2]));
    } else {
        test_values();
        test_stream();
        test_deep();
        test_errors();
    }
    return nfail ? 1 : 0;
}
