/*
 * Reading, parsing and type-checking the listed packages, in dependency
 * order.
 */
#include "load.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reads a whole file into the arena, NUL-terminated: one fstat, then
 * (normally) one read. */
static char *read_into(Arena *a, const char *path, uint32_t *size, const char **err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *err = strerror(errno);
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *err = strerror(errno);
        close(fd);
        return NULL;
    }
    if ((uint64_t)st.st_size >= UINT32_MAX / 2) {
        *err = "file too large";
        close(fd);
        return NULL;
    }
    size_t want = (size_t)st.st_size, len = 0;
    char *data = arena_alloc(a, want + 1);
    while (len < want) {
        ssize_t n = read(fd, data + len, want - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *err = strerror(errno);
            close(fd);
            return NULL;
        }
        if (n == 0)
            break; /* shrank meanwhile: take what is there */
        len += (size_t)n;
    }
    close(fd);
    data[len] = 0;
    *size = (uint32_t)len;
    return data;
}

static bool is_unsafe(const LdPackage *p)
{
    return strcmp(p->import_path, "unsafe") == 0;
}

/* Returns the number of errors; *fatal is set when gc would stop before
 * type checking: a file without a valid package clause, or any message
 * that is a syntax error proper (noder/irgen.go checks
 * base.SyntaxErrors(); other parse-time errors, e.g. misplaced directives
 * or branch errors, are reported together with the type errors). */
static uint32_t parse_package(LdProgram *prog, LdPackage *p, bool *fatal)
{
    bool compiled = p->compiled_names != NULL;
    uint32_t total = compiled ? p->compiled_go_files.len : p->go_files.len + p->cgo_files.len;
    uint32_t errors0 = prog->diags.nerrors, nopen = 0;
    p->files = ARENA_ARRAY(&prog->arena, SynFile *, total ? total : 1);
    SynCtx ctx = {&prog->arena, &prog->syms, &prog->pos, &prog->diags, SYN_CHECK_BRANCHES,
                  /* gc's directive checks know what is being compiled */
                  true, p->standard, p->runtime};
    for (uint32_t i = 0; i < total; i++) {
        const char *name, *path, *shown;
        if (compiled) {
            /* cgo's output is read from the build cache and named as gc
             * names it (see LdPackage.compiled_names) */
            name = p->compiled_go_files.items[i];
            path = name[0] == '/' ? name : arena_printf(&prog->arena, "%s/%s", p->dir, name);
            shown = name[0] == '/' ? p->compiled_names[i] : path;
        } else {
            name = i < p->go_files.len ? p->go_files.items[i] : p->cgo_files.items[i - p->go_files.len];
            /* gc prints the names of command-line files as given */
            path = p->cmdline_files ? name : arena_printf(&prog->arena, "%s/%s", p->dir, name);
            shown = path;
        }
        double t0 = ld_cpu_now();
        uint32_t size = 0;
        const char *err = "";
        char *data = read_into(&prog->arena, path, &size, &err);
        double t1 = ld_cpu_now();
        prog->stats.read += t1 - t0;
        if (!data) {
            /* vanished since go list looked: no position to report at */
            if (!p->cmdline_files)
                fprintf(stderr, "goesc: open %s: %s\n", path, err);
            nopen++;
            continue;
        }
        SrcFile *src = postab_add(&prog->pos, shown, data, size);
        src->trimmed = shown != path;
        SynFile *f = syn_parse_file(&ctx, src, NULL);
        prog->stats.parse += ld_cpu_now() - t1;
        prog->stats.nfiles++;
        prog->stats.nbytes += size;
        prog->stats.nlines += src->nlines;
        if (f)
            p->files[p->nfiles++] = f;
        else
            *fatal = true;
    }
    p->parsed = true;
    for (uint32_t i = errors0; i < prog->diags.len; i++)
        if (strncmp(prog->diags.list[i].msg, "syntax error", 12) == 0)
            *fatal = true;
    if (nopen)
        *fatal = true;
    return prog->diags.nerrors - errors0 + nopen;
}

typedef struct ImportCtx {
    LdProgram *prog;
    LdPackage *pkg;
} ImportCtx;

static TyPackage *import_package(void *ud, const char *path)
{
    ImportCtx *c = ud;
    const LdPackage *p = c->pkg;
    for (uint32_t i = 0; i < p->importmap_from.len; i++) {
        if (strcmp(p->importmap_from.items[i], path) == 0) {
            path = p->importmap_to.items[i];
            break;
        }
    }
    if (strcmp(path, "unsafe") == 0)
        return c->prog->env->unsafe_pkg;
    LdPackage *q = ld_lookup(c->prog, path);
    /* a broken dependency of command-line files: gc could not import it */
    if (q && q->failed && c->pkg->cmdline_files)
        return NULL;
    return q ? q->types : NULL;
}

static TyEnv *ensure_env(LdProgram *prog)
{
    if (!prog->env)
        prog->env = ty_env_new(&prog->syms, &prog->pos, prog->goarch[0] ? prog->goarch : "amd64");
    return prog->env;
}

static uint32_t check_package(LdProgram *prog, LdPackage *p)
{
    TyEnv *env = ensure_env(prog);
    p->checked = true;
    if (is_unsafe(p)) {
        /* the checker provides unsafe itself */
        p->types = env->unsafe_pkg;
        return 0;
    }
    double t0 = ld_cpu_now();
    ImportCtx ic = {prog, p};
    TyConfig conf;
    memset(&conf, 0, sizeof conf);
    conf.goversion = p->goversion;
    conf.diags = &prog->diags;
    conf.importer = import_package;
    conf.importer_ud = &ic;
    /* without running cgo, C.x is typed as go/types' FakeImportC does */
    conf.fake_import_c = p->cgo_files.len > 0 && !p->compiled_names;
    conf.record = true;
    conf.import_fail_reason = p->import_fail_reason;
    uint32_t nerr = 0;
    p->types = ty_check_package(env, &conf, p->path, p->files, p->nfiles, &nerr);
    if (nerr == 0 && p->types)
        nerr = ty_check_anon_iface_cycles(env, p->files, p->nfiles, &prog->diags);
    prog->stats.check += ld_cpu_now() - t0;
    return nerr;
}

uint32_t ld_process_package(LdProgram *prog, LdPackage *p, unsigned what)
{
    if (p->failed)
        return 0;
    if (p->error) {
        p->failed = true;
        return 0;
    }
    for (uint32_t i = 0; i < p->imports.len && !p->cmdline_files; i++) {
        const LdPackage *q = p->import_pkgs[i];
        if (q && q->failed) {
            /* go build does not compile what depends on a broken package */
            p->failed = true;
            return 0;
        }
    }
    uint32_t n = 0;
    bool fatal = false;
    if (!p->parsed) {
        /* unsafe's Go file only documents it */
        if (is_unsafe(p))
            p->parsed = true;
        else
            n = parse_package(prog, p, &fatal);
    }
    if (!fatal && (what & LD_CHECK) && !p->checked) {
        uint32_t d0 = prog->diags.len;
        uint32_t nt = check_package(prog, p);
        if (nt && n == 0 && prog->lenient_cgo && p->cgo_files.len > 0 && !p->compiled_names && prog->diags.len > d0) {
            /* the fake "C": keep the first error (by position) apart */
            const Diag *first = &prog->diags.list[d0];
            for (uint32_t i = d0 + 1; i < prog->diags.len; i++)
                if (prog->diags.list[i].pos < first->pos)
                    first = &prog->diags.list[i];
            Buf b = {0};
            diags_format_pos(&b, &prog->pos, first->pos);
            buf_printf(&b, ": %s", first->msg);
            p->cgo_first_error = arena_strdup(&prog->arena, buf_str(&b));
            buf_free(&b);
            p->cgo_type_errors = nt;
            diags_truncate(&prog->diags, d0);
            nt = 0;
        }
        n += nt;
    }
    p->nerrors += n;
    if (n)
        p->failed = true;
    return n;
}

uint32_t ld_process(LdProgram *prog, unsigned what)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < prog->npkgs; i++)
        n += ld_process_package(prog, prog->pkgs[i], what);
    return n;
}
