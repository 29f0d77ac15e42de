/*
 * libFuzzer target for the whole analysis: arbitrary bytes are parsed as
 * one file of package "p" and type-checked (there is no importer, so an
 * import is an error); a file without errors is then lowered to the IR,
 * run through gc's passes, escape analysis (at -m=2, the most output) and
 * the walk stage, as `goesc compile -m=2` would.  Most mutations do not
 * type-check, which exercises the checker's error paths; the seeds from
 * $GOROOT/test without imports reach escape analysis.  Nothing may crash,
 * hang, leak or trip a sanitizer.
 *
 * The input's size picks a few options, so that the campaign covers them
 * too: -l is implied (goesc does not inline), -N, -smallframes,
 * -d=loopvar=2 and the runtime flag (-+).
 *
 * Built and run by tests/fuzz/run.sh (`make fuzz`, FUZZ_TARGET=escape)
 * with clang -fsanitize=fuzzer,address,undefined.
 */
#include "base/base.h"
#include "escape/escape.h"
#include "ir/ir.h"
#include "ir/passes.h"
#include "syntax/syntax.h"
#include "types/types.h"
#include "walk/walk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The largest bracket nesting of the raw bytes: deeper inputs are the
 * parser's business (fuzz_syntax), and the checker recurses on trees. */
static size_t max_nesting(const uint8_t *data, size_t size)
{
    size_t depth = 0, max = 0;
    for (size_t i = 0; i < size; i++) {
        if (data[i] == '(' || data[i] == '[' || data[i] == '{') {
            if (++depth > max)
                max = depth;
        } else if ((data[i] == ')' || data[i] == ']' || data[i] == '}') && depth) {
            depth--;
        }
    }
    return max;
}

static void analyze(TyEnv *env, PosTab *pt, SymTab *syms, Diags *diags, TyPackage *pkg, SynFile **files,
                    size_t size)
{
    IrProgram prog;
    ir_program_init(&prog, env, pt, syms, diags);
    IrConfig ic;
    memset(&ic, 0, sizeof ic);
    ic.nodeadlocals = (size & 1) != 0;
    ic.loopvar = (size & 2) ? 2 : 0;
    ic.m = 2;
    ir_rangefunc_rewrite(env, pkg, files, 1, NULL, NULL);
    IrPackage *ip = ir_build_package(&prog, &ic, pkg, files, 1);
    if (ip) {
        ip->runtime = (size & 8) != 0;
        ir_run_passes(&prog, ip, &ic, 2);
        EscConfig ec;
        memset(&ec, 0, sizeof ec);
        ec.m = 2;
        ec.smallframes = (size & 4) != 0;
        ec.zerocopy = true;
        ec.runtime = ip->runtime;
        esc_analyze_package(&prog, ip, &ec);
        WkConfig wc = {2};
        wk_package(&prog, ip, &wc);
#ifdef FUZZ_PRINT
        fwrite(prog.out.data ? prog.out.data : "", 1, prog.out.len, stderr);
#endif
    }
    ir_program_free(&prog);
}

static void run(const uint8_t *data, size_t size)
{
    char *text = xmalloc(size + 1);
    memcpy(text, data, size);
    text[size] = 0;

    SymTab syms;
    PosTab pt;
    Arena arena;
    Diags diags;
    symtab_init(&syms);
    postab_init(&pt);
    arena_init(&arena);
    memset(&diags, 0, sizeof diags);
    diags.gc_pt = &pt;
    SrcFile *src = postab_add(&pt, "fuzz.go", text, (uint32_t)size);
    SynCtx ctx = {&arena, &syms, &pt, &diags, SYN_CHECK_BRANCHES, false, false, false};
    uint32_t nerrors = 0;
    SynFile *file = syn_parse_file(&ctx, src, &nerrors);
    if (file && nerrors == 0) {
        TyEnv *env = ty_env_new(&syms, &pt, "amd64");
        TyConfig conf;
        memset(&conf, 0, sizeof conf);
        conf.goversion = "go1.26";
        conf.diags = &diags;
        conf.record = true;
        uint32_t nerr = 0;
        TyPackage *pkg = ty_check_package(env, &conf, "p", &file, 1, &nerr);
        /* the loader's checks after types2's, as in goesc compile */
        if (pkg && nerr == 0)
            nerr = ty_check_anon_iface_cycles(env, &file, 1, &diags);
        if (pkg && nerr == 0 && diags.len == 0)
            analyze(env, &pt, &syms, &diags, pkg, &file, size);
        ty_env_free(env);
    }
    diags_free(&diags);
    arena_free(&arena);
    postab_free(&pt);
    symtab_free(&syms);
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifdef FUZZ_PRINT
/* A plain program for checking the target: cc -DFUZZ_PRINT ... then
 * `fuzz_escape FILE` prints the -m=2 output of FILE (escape.go's, say). */
int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        size_t size;
        const char *err;
        char *data = read_file(argv[i], &size, &err);
        if (data)
            LLVMFuzzerTestOneInput((const uint8_t *)data, size);
        free(data);
    }
    return 0;
}
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* bounded work per input: the limits of the syntax target */
    if (size > (1u << 20) || max_nesting(data, size) > 1000)
        return 0;
    run(data, size);
    return 0;
}
