/*
 * libFuzzer target for the syntax module: arbitrary bytes go through the
 * scanner, parser, pragma handling and branch checks (syn_parse_file), then
 * the tree goes through the dump (syn_dump, syn_dump_strings), the printer
 * (syn_string) and the position functions, and the errors are sorted and
 * formatted.  None of it may crash, leak or trip a sanitizer.
 *
 * Built and run by tests/fuzz/run.sh (make fuzz) with
 * clang -fsanitize=fuzzer,address,undefined.
 */
#include "base/base.h"
#include "syntax/syntax.h"

#include <stdlib.h>
#include <string.h>

/* The largest bracket nesting of the raw bytes (a cheap upper bound of
 * the tree's depth). */
static size_t max_nesting(const uint8_t *data, size_t size)
{
    size_t depth = 0, max = 0;
    for (size_t i = 0; i < size; i++) {
        switch (data[i]) {
        case '(': case '[': case '{':
            if (++depth > max)
                max = depth;
            break;
        case ')': case ']': case '}':
            if (depth)
                depth--;
            break;
        default:
            break;
        }
    }
    return max;
}

static void run(const uint8_t *data, size_t size)
{
    char *text = xmalloc(size + 1);
    memcpy(text, data, size);
    text[size] = 0;

    SymTab syms;
    PosTab pt;
    symtab_init(&syms);
    postab_init(&pt);
    SrcFile *src = postab_add(&pt, "fuzz.go", text, (uint32_t)size);
    Arena arena;
    arena_init(&arena);
    Diags diags;
    memset(&diags, 0, sizeof diags);
    diags.gc_pt = &pt;
    /* the context-dependent directive checks too, in all combinations */
    SynCtx ctx = {&arena, &syms, &pt, &diags, SYN_CHECK_BRANCHES,
                  (size & 1) != 0, (size & 2) != 0, (size & 4) != 0};
    uint32_t nerrors = 0;
    SynFile *f = syn_parse_file(&ctx, src, &nerrors);

    Buf out = {0};
    diags_sort(&diags);
    for (uint32_t i = 0; i < diags.len; i++) {
        diags_format_pos(&out, &pt, diags.list[i].pos);
        buf_puts(&out, diags.list[i].msg);
        buf_putc(&out, '\n');
    }
    if (f) {
        /* Both dumps are quadratic in the nesting depth (indentation, and
         * the text of every enclosing node); deep inputs would only make
         * the fuzzer slow. */
        if (max_nesting(data, size) <= 200) {
            syn_dump(&out, &pt, f);
            syn_dump_strings(&out, &pt, f);
        }
        for (uint32_t i = 0; i < f->decls.len; i++) {
            SynNode *d = f->decls.items[i];
            syn_string(&out, d);
            syn_pos_string(&out, &pt, syn_start_pos(d));
            syn_pos_string(&out, &pt, syn_end_pos(d));
        }
    }
    buf_free(&out);
    diags_free(&diags);
    arena_free(&arena);
    postab_free(&pt);
    symtab_free(&syms);
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20))
        return 0;
    /* Runs on the main thread (coverage from other threads is not seen as
     * well by libFuzzer); tests/fuzz/run.sh raises the stack limit, since
     * deep nesting recurses deeply and sanitizer frames are large. */
    run(data, size);
    return 0;
}
