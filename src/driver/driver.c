/*
 * The compilation driver: a session holding the loaded program and the IR
 * program, gc's front end on command-line files, the pipeline from a
 * checked package to escape analysis, and gc's way of printing errors.
 */
#include "driver.h"
#include "../ir/passes.h"
#include "../walk/walk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void drv_init(Drv *d)
{
    memset(d, 0, sizeof *d);
    ld_program_init(&d->ld);
    /* a cgo package's type errors come from goesc's fake "C", not from
     * the package: they do not stop the build */
    d->ld.lenient_cgo = true;
    /* gc compiles cgo's output: read it where go list finds it */
    d->ld.cgo_compiled = true;
}

void drv_free(Drv *d)
{
    if (d->ir_ready)
        ir_program_free(&d->ir);
    ld_program_free(&d->ld);
    memset(d, 0, sizeof *d);
}

void drv_default_flags(const LdPackage *pkg, DrvGcFlags *f)
{
    drv_gcflags_init(f);
    /* go build (cmd/go/internal/work gc.go): -std for standard packages,
     * -+ for the runtime ones, -lang from the module, -complete and other
     * flags without effect here */
    f->std = pkg->standard;
    f->runtime = pkg->runtime;
    f->lang = pkg->goversion;
    f->pkgpath = pkg->path;
}

/* ---- errors ---------------------------------------------------------------------- */

enum { GC_LINE_MAX = (1 << 20) - 2, GC_COL_MAX = 255 };

void drv_format_pos(Buf *b, const PosTab *pt, Pos pos, bool columns)
{
    Position p = postab_resolve_gc(pt, pos);
    if (!p.filename) {
        buf_puts(b, "<unknown line number>");
        return;
    }
    uint32_t line = p.line, col = p.col;
    if (line >= GC_LINE_MAX) {
        line = GC_LINE_MAX;
        col = 0;
    }
    buf_printf(b, "%s:%u", p.filename, line);
    if (columns && col > 0 && col < GC_COL_MAX)
        buf_printf(b, ":%u", col);
}

static int diag_cmp(const void *a, const void *b)
{
    const Diag *x = a, *y = b;
    if (x->pos != y->pos)
        return x->pos < y->pos ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void drv_format_errors(Buf *out, const Diag *list, uint32_t n, const PosTab *pt, const DrvGcFlags *flags)
{
    if (n == 0)
        return;
    /* base.ErrorfAt: without -e the tenth error flushes the queue (sorted)
     * and ends the compilation with "POS: too many errors" */
    bool limited = flags->e == 0 && n >= 10;
    uint32_t k = limited ? 10 : n;
    Diag *sorted = xmalloc(sizeof(Diag) * k);
    for (uint32_t i = 0; i < k; i++) {
        sorted[i] = list[i];
        sorted[i].seq = i;
    }
    qsort(sorted, k, sizeof(Diag), diag_cmp);
    bool columns = flags->C == 0;
    Buf line = {0}, prev = {0};
    for (uint32_t i = 0; i < k; i++) {
        buf_reset(&line);
        drv_format_pos(&line, pt, sorted[i].pos, columns);
        buf_printf(&line, ": %s\n", sorted[i].msg);
        /* FlushErrors: identical consecutive lines print once */
        if (i > 0 && line.len == prev.len && memcmp(line.data, prev.data, line.len) == 0)
            continue;
        buf_put(out, line.data, line.len);
        buf_reset(&prev);
        buf_put(&prev, line.data, line.len);
    }
    if (limited) {
        drv_format_pos(out, pt, list[9].pos, columns);
        buf_puts(out, ": too many errors\n");
    }
    buf_free(&line);
    buf_free(&prev);
    free(sorted);
}

/* Prints the diagnostics in [from, to) of the program as gc does. */
static void print_errors(Drv *d, uint32_t from, uint32_t to, const DrvGcFlags *flags, FILE *out)
{
    Buf b = {0};
    drv_format_errors(&b, d->ld.diags.list + from, to - from, &d->ld.pos, flags);
    fwrite(b.data ? b.data : "", 1, b.len, out);
    buf_free(&b);
}

/* ---- command-line files ------------------------------------------------------- */

static const char *map_import(const DrvImportCfg *cfg, const char *path)
{
    if (cfg)
        for (uint32_t i = 0; i < cfg->map_from.len; i++)
            if (strcmp(cfg->map_from.items[i], path) == 0)
                return cfg->map_to.items[i];
    return path;
}

static bool has_packagefile(const DrvImportCfg *cfg, const char *path)
{
    for (uint32_t i = 0; i < cfg->pkgfile.len; i++)
        if (strcmp(cfg->pkgfile.items[i], path) == 0)
            return true;
    return false;
}

LdPackage *drv_load_files(Drv *d, const DrvGcFlags *flags, const DrvImportCfg *cfg,
                          const char *const *files, uint32_t nfiles, FILE *out, int *status)
{
    LdProgram *ld = &d->ld;
    Arena *a = &ld->arena;
    *status = 0;
    LdFilesConfig fc = {flags->pkgpath, files, nfiles, flags->std, flags->runtime, flags->lang};
    LdPackage *pkg = ld_parse_files(ld, &fc, out);
    uint32_t nparse = ld->diags.len;
    if (pkg->failed) {
        /* unreadable files (already reported) or syntax errors: gc stops */
        print_errors(d, 0, nparse, flags, out);
        *status = 2;
        return NULL;
    }

    /* the imports as gc resolves them; with an -importcfg, a path without
     * a packagefile line cannot be imported at all */
    pkg->import_fail_reason = cfg ? "open : no such file or directory" : "file not found";
    if (cfg && cfg->map_from.len) {
        pkg->importmap_from = cfg->map_from;
        pkg->importmap_to = cfg->map_to;
    }
    const char **patterns = ARENA_ARRAY(a, const char *, pkg->imports.len + 1);
    uint32_t npat = 0;
    for (uint32_t i = 0; i < pkg->imports.len; i++) {
        const char *path = map_import(cfg, pkg->imports.items[i]);
        if (strcmp(path, "unsafe") == 0 || (cfg && !has_packagefile(cfg, path)))
            continue;
        patterns[npat++] = path;
    }
    LdConfig lc;
    memset(&lc, 0, sizeof lc);
    lc.patterns = patterns;
    lc.npatterns = npat;
    lc.no_default = true;
    if (!ld_list(ld, &lc)) {
        *status = 2;
        return NULL;
    }
    ld_add_package(ld, pkg);

    /* dependencies from source: gc would read their export data, so an
     * error here is goesc's own problem, reported apart */
    for (uint32_t i = 0; i + 1 < ld->npkgs; i++)
        ld_process_package(ld, ld->pkgs[i], LD_CHECK);
    uint32_t ndeps = ld->diags.len;
    ld_process_package(ld, pkg, LD_CHECK);
    if (ndeps > nparse) {
        fflush(out);
        fprintf(stderr, "goesc: errors in dependencies (gc would read them from export data):\n");
        print_errors(d, nparse, ndeps, flags, stderr);
    }
    uint32_t nlocal = nparse + (ld->diags.len - ndeps);
    if (nlocal > 0) {
        Diag *list = xmalloc(sizeof(Diag) * nlocal);
        memcpy(list, ld->diags.list, sizeof(Diag) * nparse);
        memcpy(list + nparse, ld->diags.list + ndeps, sizeof(Diag) * (ld->diags.len - ndeps));
        Buf b = {0};
        drv_format_errors(&b, list, nlocal, &ld->pos, flags);
        fwrite(b.data ? b.data : "", 1, b.len, out);
        buf_free(&b);
        free(list);
        *status = 2;
        return NULL;
    }
    return pkg;
}

/* ---- the pipeline ---------------------------------------------------------------- */

static void ensure_ir(Drv *d)
{
    if (d->ir_ready)
        return;
    /* the IR shares the checker's environment, positions and names; its
     * errors (gc's, e.g. -+ escapes) join the program's diagnostics */
    ir_program_init(&d->ir, d->ld.env, &d->ld.pos, &d->ld.syms, &d->ld.diags);
    d->ir_ready = true;
}

/* Whether the package has IR: checked without errors, and not unsafe
 * (which has no files). */
/* go build's symabis step for a package with assembly: `go tool asm
 * -gensymabis` over its .s files, with an empty go_asm.h as go build
 * writes (cmd/go/internal/work gc.go symabis).  Returns the file's path
 * in *dir (a temporary directory the caller removes), or NULL (after a
 * message) when the assembler fails. */
/* The .s files go build assembles with go tool asm: in a package using
 * cgo, gcc gets them all, except in runtime/cgo, where only the gcc_*
 * files go to gcc (cmd/go/internal/work exec.go). */
static bool go_asm_file(const LdPackage *pkg, const char *f)
{
    if (pkg->cgo_files.len == 0)
        return true;
    return strcmp(pkg->path, "runtime/cgo") == 0 && strncmp(f, "gcc_", 4) != 0;
}

static const char *gen_symabis(Drv *d, const LdPackage *pkg, char *dir, size_t dirlen)
{
    uint32_t nasm = 0;
    for (uint32_t i = 0; i < pkg->s_files.len; i++)
        nasm += go_asm_file(pkg, pkg->s_files.items[i]);
    dir[0] = 0;
    if (nasm == 0)
        return NULL;
    snprintf(dir, dirlen, "%s/goesc-symabis-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir)) {
        fprintf(stderr, "goesc: %s: cannot create a temporary directory for symabis\n", pkg->path);
        dir[0] = 0;
        return NULL;
    }
    Arena *a = &d->ld.arena;
    const char *hdr = arena_printf(a, "%s/go_asm.h", dir);
    FILE *f = fopen(hdr, "w");
    if (f)
        fclose(f);
    const char *out = arena_printf(a, "%s/symabis", dir);
    uint32_t n = 0, cap = 20 + pkg->s_files.len;
    const char **argv = ARENA_ARRAY(a, const char *, cap);
    argv[n++] = "go";
    argv[n++] = "tool";
    argv[n++] = "asm";
    argv[n++] = "-p";
    argv[n++] = pkg->path;
    argv[n++] = "-I";
    argv[n++] = dir;
    argv[n++] = "-I";
    argv[n++] = arena_printf(a, "%s/pkg/include", d->ld.goroot ? d->ld.goroot : "");
    argv[n++] = "-D";
    argv[n++] = arena_printf(a, "GOOS_%s", d->ld.goos ? d->ld.goos : "");
    argv[n++] = "-D";
    argv[n++] = arena_printf(a, "GOARCH_%s", d->ld.goarch ? d->ld.goarch : "");
    if (d->ld.goarch && strcmp(d->ld.goarch, "amd64") == 0 && d->ld.goamd64 && d->ld.goamd64[0]) {
        argv[n++] = "-D";
        argv[n++] = arena_printf(a, "GOAMD64_%s", d->ld.goamd64);
    }
    argv[n++] = "-gensymabis";
    argv[n++] = "-o";
    argv[n++] = out;
    for (uint32_t i = 0; i < pkg->s_files.len; i++)
        if (go_asm_file(pkg, pkg->s_files.items[i]))
            argv[n++] = arena_printf(a, "%s/%s", pkg->dir, pkg->s_files.items[i]);
    argv[n] = NULL;
    Buf sink = {0};
    int st = ld_run((char *const *)argv, &sink, NULL);
    buf_free(&sink);
    if (st != 0) {
        fprintf(stderr, "goesc: %s: go tool asm -gensymabis failed (exit status %d)\n", pkg->path, st);
        return NULL;
    }
    return out;
}

static void remove_symabis(char *dir)
{
    if (!dir[0])
        return;
    char path[4200];
    snprintf(path, sizeof path, "%s/go_asm.h", dir);
    remove(path);
    snprintf(path, sizeof path, "%s/symabis", dir);
    remove(path);
    remove(dir);
}

static bool lowerable(const Drv *d, const LdPackage *pkg)
{
    return pkg->checked && !pkg->failed && pkg->types && d->ld.env && pkg->nfiles > 0;
}

IrPackage *drv_lower(Drv *d, LdPackage *pkg, const DrvGcFlags *flags)
{
    if (!lowerable(d, pkg))
        return NULL;
    ensure_ir(d);
    double t0 = ld_cpu_now();
    d->ir.nocolumns = flags->C > 0;
    d->ir.trimpath = flags->trimpath;
    IrConfig ic = drv_ir_config(flags);
    /* gc's order (docs/escape-ir.md §1, src/ir/passes.h): range-over-func
     * rewritten on the checked syntax, lowering, then devirtualize,
     * loopvar, staticinit, deadlocals */
    ir_rangefunc_rewrite(d->ld.env, pkg->types, pkg->files, pkg->nfiles, NULL, NULL);
    char tmp[4096] = "";
    if (!ic.symabis && pkg->s_files.len > 0 && !pkg->cmdline_files)
        ic.symabis = gen_symabis(d, pkg, tmp, sizeof tmp);
    IrPackage *ip = ir_build_package(&d->ir, &ic, pkg->types, pkg->files, pkg->nfiles);
    remove_symabis(tmp);
    if (ip) {
        ip->std = flags->std;
        ip->runtime = flags->runtime;
        ir_run_passes(&d->ir, ip, &ic, d->ir.quiet ? 0 : flags->m);
    }
    d->t_ir += ld_cpu_now() - t0;
    return ip;
}

IrPackage *drv_analyze(Drv *d, LdPackage *pkg, const DrvGcFlags *flags, bool quiet)
{
    if (!lowerable(d, pkg))
        return NULL;
    ensure_ir(d);
    bool was_quiet = d->ir.quiet;
    /* lowering may print too (devirtualization messages come first) */
    d->ir.quiet = quiet;
    IrPackage *ip = drv_lower(d, pkg, flags);
    if (ip) {
        double t0 = ld_cpu_now();
        EscConfig ec = drv_esc_config(flags);
        if (quiet)
            ec.m = 0;
        esc_analyze_package(&d->ir, ip, &ec);
        double t1 = ld_cpu_now();
        d->t_esc += t1 - t0;
        /* the backend's walk prints after all escape messages */
        WkConfig wc = {quiet ? 0 : flags->m};
        wk_package(&d->ir, ip, &wc);
        d->t_walk += ld_cpu_now() - t1;
        drv_taint_dump(d, ip);
        /* gc's importers read this package's tags from its export data */
        if (pkg->export_file)
            drv_apply_export_tags(d, ip, pkg, stderr);
    }
    d->ir.quiet = was_quiet;
    return ip;
}
