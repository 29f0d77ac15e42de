/* goesc compile: a drop-in for `go tool compile` as far as its diagnostics
 * go.  The files form one package; its imports are checked from source
 * (through go list, or an -importcfg's mapping) and analyzed quietly,
 * dependencies first, so that their escape tags exist (replaced by the
 * tags in their export data, as gc reads them); then the package
 * is analyzed with the flags given.  Everything gc prints goes where gc
 * prints it: errors and -m messages on stdout, usage problems on stderr;
 * the exit status is gc's (0, or 2 after errors or bad usage). */
#include "cli.h"
#include "../driver/driver.h"

#include <stdlib.h>
#include <string.h>

typedef struct CompileJob {
    DrvGcFlags flags;
    const char *const *files;
    uint32_t nfiles;
    bool timings;
    bool show_dep_errors;
    bool source_tags;   /* --source-tags: no export data */
} CompileJob;

/* gc reads its imports' export data, and with it their escape tags: the
 * files of an -importcfg's packagefile lines, or else what go list
 * -export gives (go build's default flags). */
static void find_exports(const CompileJob *job, Drv *d, const DrvImportCfg *cfg, const LdPackage *pkg)
{
    LdPackage **list = xcalloc(d->ld.npkgs + 1, sizeof *list);
    uint32_t n = 0;
    for (uint32_t i = 0; i < d->ld.npkgs; i++) {
        LdPackage *p = d->ld.pkgs[i];
        if (p == pkg || strcmp(p->import_path, "unsafe") == 0 || p->error)
            continue;
        if (!cfg) {
            list[n++] = p;
            continue;
        }
        for (uint32_t j = 0; j < cfg->pkgfile.len; j++)
            if (strcmp(cfg->pkgfile.items[j], p->import_path) == 0)
                p->export_file = cfg->pkgfile_file.items[j];
    }
    if (n)
        drv_list_exports(d, NULL, 0, list, n, stderr);
    free(list);
}

static int run_compile(void *arg)
{
    CompileJob *job = arg;
    const DrvGcFlags *fl = &job->flags;
    double t0 = ld_cpu_now();
    Drv d;
    drv_init(&d);
    int status = 0;
    DrvImportCfg cfg;
    if (fl->importcfg && !drv_read_importcfg(&d.ld.arena, fl->importcfg, &cfg, stderr)) {
        /* log.Fatalf in gc */
        status = 1;
        goto done;
    }
    LdPackage *pkg = drv_load_files(&d, fl, fl->importcfg ? &cfg : NULL, job->files, job->nfiles, stdout, &status);
    if (!pkg)
        goto done;
    double t1 = ld_cpu_now();

    /* dependencies first, quietly, each with the flags go build would have
     * compiled it with; then the package itself */
    if (!job->source_tags)
        find_exports(job, &d, fl->importcfg ? &cfg : NULL, pkg);
    uint32_t ndep0 = d.ld.diags.len;
    for (uint32_t i = 0; i < d.ld.npkgs; i++) {
        LdPackage *p = d.ld.pkgs[i];
        if (p == pkg)
            continue;
        DrvGcFlags df;
        drv_default_flags(p, &df);
        drv_analyze(&d, p, &df, true);
    }
    uint32_t nerr = d.ld.diags.len;
    /* errors analyzing dependencies are goesc's limitations (gc compiled
     * them without a word): shown only on request, since everything goesc
     * compile prints is compared with gc's output */
    if (job->show_dep_errors && nerr > ndep0) {
        fflush(stdout);
        fprintf(stderr, "goesc: dependencies not analyzed completely:\n");
        Buf b = {0};
        drv_format_errors(&b, d.ld.diags.list + ndep0, nerr - ndep0, &d.ld.pos, fl);
        fwrite(b.data ? b.data : "", 1, b.len, stderr);
        buf_free(&b);
    }
    /* the dependencies' output (there should be none) is not gc's */
    if (d.ir_ready)
        buf_reset(&d.ir.out);
    drv_analyze(&d, pkg, fl, fl->m == 0);
    if (d.ir_ready && d.ir.out.len)
        fwrite(d.ir.out.data, 1, d.ir.out.len, stdout);
    /* errors printed among the messages (-+ escapes, NotInHeap) */
    if (d.ir_ready && d.ir.nerrors_out)
        status = 2;
    if (d.ld.diags.len > nerr) {
        /* errors of the analysis (-+: "x escapes to heap, not allowed in
         * runtime"); gc flushes them sorted, after the messages */
        Buf b = {0};
        drv_format_errors(&b, d.ld.diags.list + nerr, d.ld.diags.len - nerr, &d.ld.pos, fl);
        fwrite(b.data ? b.data : "", 1, b.len, stdout);
        buf_free(&b);
        status = 2;
    }
    if (job->timings) {
        fflush(stdout);
        fprintf(stderr,
                "goesc compile: %u packages\n"
                "  go list+env %.3fs wall, %.3fs cpu (cpu times from here on)\n"
                "  parse       %.3fs\n"
                "  check       %.3fs\n"
                "  lower       %.3fs\n"
                "  escape      %.3fs\n"
                "  walk        %.3fs\n"
                "  goesc total %.3fs (load %.3fs)\n",
                d.ld.npkgs, d.ld.stats.golist, d.ld.stats.golist_cpu, d.ld.stats.parse, d.ld.stats.check,
                d.t_ir, d.t_esc, d.t_walk, ld_cpu_now() - t0, t1 - t0);
    }
done:
    fflush(stdout);
    drv_free(&d);
    return status;
}

int cli_compile(int argc, char **argv)
{
    CompileJob job;
    memset(&job, 0, sizeof job);
    drv_gcflags_init(&job.flags);
    /* goesc's own flags (not gc's), anywhere: --timings (where the time
     * went), --show-dep-errors (why dependencies were not analyzed
     * completely), --source-tags (dependencies' escape tags computed
     * from source rather than read from their export data) */
    char **args = xmalloc(sizeof(char *) * (size_t)(argc + 1));
    int n = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--timings") == 0)
            job.timings = true;
        else if (strcmp(argv[i], "--show-dep-errors") == 0)
            job.show_dep_errors = true;
        else if (strcmp(argv[i], "--source-tags") == 0)
            job.source_tags = true;
        else
            args[n++] = argv[i];
    }
    int status = 2;
    int first = drv_gcflags_parse(&job.flags, n, args, stderr);
    if (first < 0)
        goto out;
    if (job.flags.version) {
        /* objabi's -V: "compile version go1.26.8"; goesc names itself */
        printf("compile version goesc (go tool compile drop-in for escape analysis)\n");
        status = 0;
        goto out;
    }
    if (first >= n) {
        drv_gc_usage(stderr);
        goto out;
    }
    job.files = (const char *const *)args + first;
    job.nfiles = (uint32_t)(n - first);
    status = cli_run_big_stack(run_compile, &job);
out:
    free(args);
    return status;
}
