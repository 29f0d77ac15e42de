/* goesc types: load packages through the go command, parse and type-check
 * them, report errors; optionally list every identifier's object. */
#include "cli.h"
#include "../load/load.h"

#include <stdlib.h>
#include <string.h>

typedef struct TypesJob {
    bool objects, timings, list, parse_only;
    PtrVec flags;       /* go list build flags (char *, owned) */
    PtrVec patterns;    /* char *, not owned */
} TypesJob;

static void print_timings(const LdProgram *prog, double total, double objects)
{
    const LdStats *s = &prog->stats;
    fprintf(stderr,
            "goesc types: %u packages, %llu files, %llu lines, %.1f MB\n"
            "  go list+env %.3fs wall, %.3fs cpu (cpu times from here on)\n"
            "  json        %.3fs\n"
            "  read        %.3fs\n"
            "  parse       %.3fs\n"
            "  check       %.3fs\n"
            "  objects     %.3fs\n"
            "  goesc total %.3fs\n",
            prog->npkgs, (unsigned long long)s->nfiles, (unsigned long long)s->nlines,
            (double)s->nbytes / 1e6, s->golist, s->golist_cpu, s->json, s->read, s->parse,
            s->check, objects, total);
}

/* --list: the packages in the order they are processed. */
static void print_list(const LdProgram *prog, FILE *out)
{
    for (uint32_t i = 0; i < prog->npkgs; i++) {
        const LdPackage *p = prog->pkgs[i];
        fprintf(out, "%s %s%s", p->import_path, p->goversion, p->dep_only ? " dep" : "");
        for (uint32_t j = 0; j < p->go_files.len; j++)
            fprintf(out, " %s", p->go_files.items[j]);
        for (uint32_t j = 0; j < p->cgo_files.len; j++)
            fprintf(out, " %s", p->cgo_files.items[j]);
        fputc('\n', out);
    }
}

static int run_types(void *arg)
{
    TypesJob *job = arg;
    double t0 = ld_cpu_now();
    LdProgram prog;
    ld_program_init(&prog);
    LdConfig conf = {NULL, (const char *const *)job->flags.data, job->flags.len,
                     (const char *const *)job->patterns.data, job->patterns.len, false};
    int status = 0;
    double tobj = 0;
    if (!ld_list(&prog, &conf)) {
        status = 1;
        goto done;
    }
    /* like go build: problems loading packages stop everything */
    if (ld_list_errors(&prog, stderr) > 0) {
        status = 1;
        goto done;
    }
    if (job->list)
        print_list(&prog, stdout);
    if (ld_process(&prog, job->parse_only ? LD_PARSE : LD_CHECK) > 0) {
        status = 1;
        diags_sort(&prog.diags);
        fflush(stdout);
        diags_print(&prog.diags, &prog.pos, stderr);
    }
    if (job->objects && !job->parse_only) {
        double t1 = ld_cpu_now();
        cli_print_objects(&prog, stdout);
        tobj = ld_cpu_now() - t1;
    }
done:
    if (job->timings)
        print_timings(&prog, ld_cpu_now() - t0, tobj);
    ld_program_free(&prog);
    return status;
}

static void usage_types(FILE *out)
{
    fputs("usage: goesc types [--objects] [--list] [--parse-only] [--timings] [-tags=TAGS] [PACKAGES]\n"
          "  --objects     print every identifier's object (typesoracle's format)\n"
          "  --list        print the packages in dependency order: PATH LANG [dep] FILES\n"
          "  --parse-only  parse, do not type-check\n"
          "  --timings     print time spent per phase to stderr\n"
          "  -tags=TAGS    build tags, passed to go list\n",
          out);
}

int cli_types(int argc, char **argv)
{
    TypesJob job;
    memset(&job, 0, sizeof job);
    int status = 2;
    int i = 0;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (a[1] == '-' && a[2] != 0)
            a++; /* --flag == -flag */
        if (strcmp(a, "-objects") == 0) {
            job.objects = true;
        } else if (strcmp(a, "-timings") == 0) {
            job.timings = true;
        } else if (strcmp(a, "-list") == 0) {
            job.list = true;
        } else if (strcmp(a, "-parse-only") == 0) {
            job.parse_only = true;
        } else if (strncmp(a, "-tags=", 6) == 0) {
            ptrvec_push(&job.flags, xstrdup(a));
        } else if (strcmp(a, "-tags") == 0 && i + 1 < argc) {
            Buf b = {0};
            buf_printf(&b, "-tags=%s", argv[++i]);
            ptrvec_push(&job.flags, b.data ? b.data : xstrdup("-tags="));
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "-help") == 0) {
            usage_types(stdout);
            status = 0;
            goto out;
        } else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else {
            fprintf(stderr, "goesc types: unknown flag %s\n", argv[i]);
            usage_types(stderr);
            goto out;
        }
    }
    for (; i < argc; i++)
        ptrvec_push(&job.patterns, argv[i]);
    status = cli_run_big_stack(run_types, &job);
out:
    for (uint32_t k = 0; k < job.flags.len; k++)
        free(job.flags.data[k]);
    ptrvec_free(&job.flags);
    ptrvec_free(&job.patterns);
    return status;
}
