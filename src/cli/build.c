/* goesc build: prints what `go build -gcflags=FLAGS PACKAGES` prints about
 * escape analysis.  Packages are listed with go list (the build flags that
 * change the listing are passed on), checked and analyzed in dependency
 * order; -gcflags apply per package as go build applies them (without a
 * pattern only to the packages named on the command line, and the last
 * matching -gcflags wins); the other packages are analyzed quietly, as
 * dependencies compiled without -m.  A package with output gets go
 * build's "# importpath" header; everything goes to stderr with paths
 * made relative the way go build shows compiler output.  Exit status 1
 * when a package has errors, 2 for usage problems. */
#include "cli.h"
#include "../driver/driver.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct PkgFlag {
    DrvPattern pattern;
    PtrVec args;        /* char * (in the arena) */
} PkgFlag;

typedef struct BuildJob {
    Arena arena;        /* patterns and split flags */
    PtrVec gcflags;     /* PkgFlag *, in command-line order */
    PtrVec listflags;   /* go list flags (char *) */
    PtrVec patterns;    /* char * */
    PtrVec raw_gcflags; /* the -gcflags values, compiled once the cwd is known */
    bool timings;
    bool show_dep_errors; /* print analysis errors of packages without -m */
    bool trimpath;        /* -trimpath */
    bool source_tags;     /* --source-tags: dependencies' tags from source only */
} BuildJob;

static void usage_build(FILE *out)
{
    fputs("usage: goesc build [-C dir] [-gcflags=[pattern=]flags]... [build flags] [packages]\n"
          "Prints what go build -gcflags=... prints about escape analysis (goesc\n"
          "does not inline: use -gcflags='-m -l' for output identical to gc's).\n"
          "Build flags that change which files are built (-tags, -mod, -modfile,\n"
          "-overlay, -race, -msan, -asan) are passed to go list; the others are\n"
          "accepted and ignored.  --timings prints where the time went;\n"
          "--show-dep-errors shows why packages compiled without -m could not be\n"
          "analyzed completely (otherwise one line sums them up).  Packages that\n"
          "no -gcflags pattern matches are compiled by go build with inlining:\n"
          "their escape tags are read from their export data (go list -export);\n"
          "--source-tags computes them from source instead.\n",
          out);
}

/* cmd/internal/quoted.Split: fields separated by white space, where a
 * field may be quoted with ' or " (no escapes). */
static bool split_quoted(Arena *a, const char *s, PtrVec *out)
{
    Buf f = {0};
    bool ok = true;
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
            s++;
        if (!*s)
            break;
        if (*s == '\'' || *s == '"') {
            char q = *s++;
            const char *end = strchr(s, q);
            if (!end) {
                ok = false;
                break;
            }
            ptrvec_push(out, arena_strndup(a, s, (size_t)(end - s)));
            s = end + 1;
            continue;
        }
        buf_reset(&f);
        while (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            buf_putc(&f, *s++);
        ptrvec_push(out, arena_strdup(a, buf_str(&f)));
    }
    buf_free(&f);
    return ok;
}

/* go build's answer to a bad command line (exit status 2) */
static void go_usage_error(void)
{
    fputs("usage: go build [-o output] [build flags] [packages]\n"
          "Run 'go help build' for details.\n",
          stderr);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* load.PerPackageFlag.set: the problem with a -gcflags value, or NULL.
 * On success *pattern (NULL: none) and *flags are set. */
static const char *parse_gcflags(Arena *a, const char *v, const char **pattern, const char **flags)
{
    while (is_space(*v))
        v++;
    size_t n = strlen(v);
    while (n > 0 && is_space(v[n - 1]))
        n--;
    char *t = arena_strndup(a, v, n);
    *pattern = NULL;
    *flags = t;
    if (*t && *t != '-') {
        char *eq = strchr(t, '=');
        if (!eq)
            return "missing =<value> in <pattern>=<value>";
        if (eq == t)
            return "missing <pattern> in <pattern>=<value>";
        if (t[0] == '\'' || t[0] == '"')
            return t[0] == '"' ? "parameter may not start with quote character \"" : "parameter may not start with quote character '";
        char *pe = eq;
        while (pe > t && is_space(pe[-1]))
            pe--;
        *pe = 0;
        *pattern = t;
        *flags = eq + 1;
    }
    PtrVec tmp = {0};
    bool ok = split_quoted(a, *flags, &tmp);
    ptrvec_free(&tmp);
    return ok ? NULL : "unterminated quoted string";
}

static void add_gcflags(BuildJob *job, const char *v, const char *cwd)
{
    PkgFlag *pf = ARENA_NEW(&job->arena, PkgFlag);
    const char *pattern, *flags;
    parse_gcflags(&job->arena, v, &pattern, &flags); /* checked when the flag was read */
    drv_pattern_init(&job->arena, &pf->pattern, pattern, cwd);
    split_quoted(&job->arena, flags, &pf->args);
    ptrvec_push(&job->gcflags, pf);
}

/* The user's gc flags for a package: the last matching -gcflags. */
static const PkgFlag *flags_for(const BuildJob *job, const LdPackage *p)
{
    const PkgFlag *r = NULL;
    for (uint32_t i = 0; i < job->gcflags.len; i++) {
        const PkgFlag *pf = job->gcflags.data[i];
        if (drv_pattern_match(&pf->pattern, p))
            r = pf;
    }
    return r;
}

/* Packages matched by no -gcflags pattern are compiled by go build with
 * its default flags, inlining included, and their importers read their
 * escape tags from that export data: list it (only when some package is
 * compiled with -m, since nothing is printed otherwise).  go build -a
 * would recompile them with the same default flags, hence the same tags:
 * goesc build has no -a and needs none. */
static void list_exports(const BuildJob *job, Drv *d)
{
    bool any_m = false;
    for (uint32_t i = 0; i < job->gcflags.len && !any_m; i++) {
        const PkgFlag *pf = job->gcflags.data[i];
        for (uint32_t j = 0; j < pf->args.len; j++) {
            const char *a = pf->args.data[j];
            if (a[0] == '-' && (a[1] == 'm' || (a[1] == '-' && a[2] == 'm')))
                any_m = true;
        }
    }
    if (!any_m)
        return;
    LdPackage **list = xcalloc(d->ld.npkgs + 1, sizeof *list);
    uint32_t n = 0;
    for (uint32_t i = 0; i < d->ld.npkgs; i++) {
        LdPackage *p = d->ld.pkgs[i];
        if (!flags_for(job, p) && strcmp(p->import_path, "unsafe") != 0 && !p->error && !p->failed)
            list[n++] = p;
    }
    drv_list_exports(d, (const char *const *)job->listflags.data, job->listflags.len, list, n, stderr);
    free(list);
}

/* Writes "# DESC\n" and the text, with go build's path rewriting. */
static void report(const LdPackage *p, const char *text, size_t len, const char *cwd)
{
    Buf b = {0};
    buf_printf(&b, "# %s\n", p->import_path);
    drv_short_paths(&b, text, len, p->dir, cwd);
    fwrite(b.data, 1, b.len, stderr);
    buf_free(&b);
}

static int run_build(void *arg)
{
    BuildJob *job = arg;
    double t0 = ld_cpu_now();
    Drv d;
    drv_init(&d);
    int status = 0;
    const char *cwd = drv_cwd(&job->arena);
    for (uint32_t i = 0; i < job->raw_gcflags.len; i++)
        add_gcflags(job, job->raw_gcflags.data[i], cwd);
    LdConfig lc;
    memset(&lc, 0, sizeof lc);
    lc.flags = (const char *const *)job->listflags.data;
    lc.nflags = job->listflags.len;
    lc.patterns = (const char *const *)job->patterns.data;
    lc.npatterns = job->patterns.len;
    if (!ld_list(&d.ld, &lc)) {
        status = 1;
        goto done;
    }
    if (ld_list_errors(&d.ld, stderr) > 0) {
        status = 1;
        goto done;
    }
    if (!job->source_tags)
        list_exports(job, &d);
    Buf text = {0};
    uint32_t ndeperr = 0;
    const LdPackage *first_deperr = NULL;
    for (uint32_t i = 0; i < d.ld.npkgs; i++) {
        LdPackage *p = d.ld.pkgs[i];
        DrvGcFlags fl;
        drv_default_flags(p, &fl);
        if (job->trimpath) {
            /* Action.trimpath: the package directory becomes its import
             * path (module@version/... for a versioned module); the object
             * directory rewrite does not concern Go files */
            const char *rdir = p->import_path;
            if (p->module_path && p->module_version && p->module_version[0] &&
                strncmp(p->import_path, p->module_path, strlen(p->module_path)) == 0)
                rdir = arena_printf(&job->arena, "%s@%s%s", p->module_path, p->module_version,
                                    p->import_path + strlen(p->module_path));
            fl.trimpath = arena_printf(&job->arena, "%s=>%s;", p->dir, rdir);
        }
        const PkgFlag *pf = flags_for(job, p);
        if (pf && pf->args.len) {
            /* gc gets go build's flags, then the user's */
            int first = drv_gcflags_parse(&fl, (int)pf->args.len, (char **)pf->args.data, stderr);
            if (first < 0) {
                status = 1;
                continue;
            }
        }
        uint32_t d0 = d.ld.diags.len;
        ld_process_package(&d.ld, p, LD_CHECK);
        buf_reset(&text);
        if (d.ld.diags.len > d0) {
            drv_format_errors(&text, d.ld.diags.list + d0, d.ld.diags.len - d0, &d.ld.pos, &fl);
            report(p, text.data, text.len, cwd);
            status = 1;
            continue;
        }
        if (p->cgo_error) {
            /* cgo failed: go build's words (header included) */
            fputs(p->cgo_error, stderr);
            if (p->cgo_error[strlen(p->cgo_error) - 1] != '\n')
                fputc('\n', stderr);
            status = 1;
            continue;
        }
        if (p->failed)
            continue; /* a dependency failed: go build does not compile it */
        bool quiet = fl.m == 0;
        if (p->cgo_type_errors && (!quiet || job->show_dep_errors)) {
            /* gc compiles cgo's output; goesc has only a fake "C" */
            fprintf(stderr,
                    "goesc: %s: %s: its cgo files, checked with a fake \"C\" package, have %u type error%s "
                    "(the first: %s)\n",
                    p->import_path, quiet ? "analyzed partially" : "not analyzed", p->cgo_type_errors,
                    p->cgo_type_errors == 1 ? "" : "s", p->cgo_first_error);
            if (!quiet) {
                status = 1;
                continue;
            }
        }
        if (d.ir_ready)
            buf_reset(&d.ir.out);
        uint32_t e0 = d.ld.diags.len;
        drv_analyze(&d, p, &fl, quiet);
        if (d.ir_ready && d.ir.out.len)
            buf_put(&text, d.ir.out.data, d.ir.out.len);
        if ((d.ld.diags.len > e0 || p->cgo_type_errors) && quiet && !job->show_dep_errors) {
            /* a package compiled without -m that the analysis could not
             * handle (gc compiles it without a word): goesc's limitation,
             * summed up at the end rather than shown as compiler output */
            if (ndeperr++ == 0)
                first_deperr = p;
        } else if (d.ld.diags.len > e0) {
            drv_format_errors(&text, d.ld.diags.list + e0, d.ld.diags.len - e0, &d.ld.pos, &fl);
            status = 1;
        }
        if (text.len)
            report(p, text.data, text.len, cwd);
    }
    buf_free(&text);
    if (ndeperr)
        fprintf(stderr,
                "goesc: %u packages compiled without -m (the first: %s) were not analyzed completely; "
                "their escape tags may be imprecise (--show-dep-errors says why)\n",
                ndeperr, first_deperr->import_path);
    if (job->timings) {
        const LdStats *s = &d.ld.stats;
        fprintf(stderr,
                "goesc build: %u packages, %llu files, %llu lines\n"
                "  go list+env %.3fs wall, %.3fs cpu (cpu times from here on)\n"
                "  parse       %.3fs\n"
                "  check       %.3fs\n"
                "  lower       %.3fs\n"
                "  escape      %.3fs\n"
                "  walk        %.3fs\n"
                "  goesc total %.3fs\n",
                d.ld.npkgs, (unsigned long long)s->nfiles, (unsigned long long)s->nlines, s->golist,
                s->golist_cpu, s->parse, s->check, d.t_ir, d.t_esc, d.t_walk, ld_cpu_now() - t0);
    }
done:
    drv_free(&d);
    return status;
}

/* go build's flags: those taking a value, and those passed to go list. */
static const char *const value_flags[] = {
    "C", "o", "p", "asmflags", "buildmode", "compiler", "gccgoflags", "gcflags", "installsuffix",
    "ldflags", "mod", "modfile", "overlay", "pkgdir", "tags", "toolexec", "coverpkg", "covermode",
    "pgo", "debug-actiongraph", "debug-deps-trace", "debug-runtime-trace", "debug-trace", NULL,
};
static const char *const bool_flags[] = {
    "a", "n", "v", "x", "work", "race", "msan", "asan", "cover", "linkshared", "modcacherw",
    "trimpath", "json", "i", "buildvcs", NULL,
};
static const char *const list_flags[] = {"tags", "mod", "modfile", "overlay", "race", "msan", "asan", NULL};

static bool in_list(const char *const *list, const char *name, size_t n)
{
    for (; *list; list++)
        if (strlen(*list) == n && memcmp(*list, name, n) == 0)
            return true;
    return false;
}

int cli_build(int argc, char **argv)
{
    BuildJob job;
    memset(&job, 0, sizeof job);
    arena_init(&job.arena);
    int status = 2;
    int i = 0;
    for (; i < argc; i++) {
        const char *a = argv[i];
        int at = i;
        if (strcmp(a, "--timings") == 0) {
            job.timings = true;
            continue;
        }
        if (strcmp(a, "--show-dep-errors") == 0) {
            job.show_dep_errors = true;
            continue;
        }
        if (strcmp(a, "--source-tags") == 0) {
            job.source_tags = true;
            continue;
        }
        if (a[0] != '-' || a[1] == 0)
            break;
        const char *name = a + 1;
        if (name[0] == '-') {
            name++;
            if (!name[0]) {
                i++;
                break;
            }
        }
        if (strcmp(name, "h") == 0 || strcmp(name, "help") == 0) {
            usage_build(stdout);
            status = 0;
            goto out;
        }
        const char *eq = strchr(name, '=');
        size_t n = eq ? (size_t)(eq - name) : strlen(name);
        const char *val = eq ? eq + 1 : NULL;
        bool takes_value = in_list(value_flags, name, n);
        if (!takes_value && !in_list(bool_flags, name, n)) {
            fprintf(stderr, "flag provided but not defined: -%.*s\n", (int)n, name);
            go_usage_error();
            goto out;
        }
        if (takes_value && !val) {
            if (i + 1 >= argc) {
                fprintf(stderr, "flag needs an argument: -%.*s\n", (int)n, name);
                go_usage_error();
                goto out;
            }
            val = argv[++i];
        }
        if (n == 1 && name[0] == 'C') {
            if (at != 0) {
                fprintf(stderr, "invalid value \"%s\" for flag -C: -C flag must be first flag on command line\n", val);
                go_usage_error();
                goto out;
            }
            if (chdir(val) != 0) {
                fprintf(stderr, "go: chdir %s: %s\n", val, strerror(errno));
                goto out;
            }
            /* the go command's working directory from here on (children
             * and drv_cwd agree on it through $PWD) */
            char cwd[4096];
            if (getcwd(cwd, sizeof cwd))
                setenv("PWD", cwd, 1);
            continue;
        }
        if (n == 7 && memcmp(name, "gcflags", 7) == 0) {
            const char *pattern, *flags;
            const char *problem = parse_gcflags(&job.arena, val, &pattern, &flags);
            if (problem) {
                fprintf(stderr, "invalid value \"%s\" for flag -gcflags: %s\n", val, problem);
                go_usage_error();
                goto out;
            }
            ptrvec_push(&job.raw_gcflags, (void *)val);
            continue;
        }
        if (n == 8 && memcmp(name, "trimpath", 8) == 0) {
            job.trimpath = !val || strcmp(val, "true") == 0 || strcmp(val, "1") == 0;
            continue;
        }
        if (in_list(list_flags, name, n)) {
            Buf b = {0};
            if (val)
                buf_printf(&b, "-%.*s=%s", (int)n, name, val);
            else
                buf_printf(&b, "-%s", name);
            ptrvec_push(&job.listflags, arena_strdup(&job.arena, buf_str(&b)));
            buf_free(&b);
        }
    }
    for (; i < argc; i++)
        ptrvec_push(&job.patterns, argv[i]);
    status = cli_run_big_stack(run_build, &job);
out:
    for (uint32_t k = 0; k < job.gcflags.len; k++)
        ptrvec_free(&((PkgFlag *)job.gcflags.data[k])->args);
    ptrvec_free(&job.gcflags);
    ptrvec_free(&job.listflags);
    ptrvec_free(&job.patterns);
    ptrvec_free(&job.raw_gcflags);
    arena_free(&job.arena);
    return status;
}
