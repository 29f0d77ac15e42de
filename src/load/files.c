/*
 * Packages made of files named on a command line, the way gc sees them
 * (goesc compile): the files form one package whatever their directory,
 * their names stay as given, and their imports are listed afterwards with
 * go list so that the dependencies can be checked from source.
 */
#include "load.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

/* Go's syscall error strings are the C library's with a lower-case first
 * letter ("no such file or directory"); gc prints them in "open F: E". */
static void go_errno_string(Buf *b, int err)
{
    const char *s = strerror(err);
    if (s[0])
        buf_putc(b, (char)tolower((unsigned char)s[0]));
    buf_puts(b, s[0] ? s + 1 : "");
}

/* The value of an import path literal, or NULL when it is not a plain
 * literal (the checker reports those). */
static const char *import_path_value(Arena *a, const SynBasicLit *lit)
{
    if (!lit || lit->len < 2)
        return NULL;
    const char *s = lit->value;
    uint32_t n = lit->len;
    if (s[0] == '`' && s[n - 1] == '`') {
        Buf b = {0};
        for (uint32_t i = 1; i + 1 < n; i++)
            if (s[i] != '\r')
                buf_putc(&b, s[i]);
        const char *v = arena_strdup(a, buf_str(&b));
        buf_free(&b);
        return v[0] ? v : NULL;
    }
    if (s[0] != '"' || s[n - 1] != '"' || n == 2)
        return NULL;
    /* escapes are rare enough in import paths to leave them to the
     * checker, which reports the path as it decodes it */
    if (memchr(s, '\\', n))
        return NULL;
    return arena_strndup(a, s + 1, n - 2);
}

static void collect_imports(LdProgram *prog, LdPackage *p)
{
    Arena *a = &prog->arena;
    PtrVec paths = {0};
    for (uint32_t i = 0; i < p->nfiles; i++) {
        SynFile *f = p->files[i];
        for (uint32_t j = 0; j < f->decls.len; j++) {
            SynNode *d = f->decls.items[j];
            if (d->kind != SYN_IMPORT_DECL)
                continue;
            const char *path = import_path_value(a, ((SynImportDecl *)d)->path);
            if (!path || strcmp(path, "C") == 0)
                continue;
            bool seen = false;
            for (uint32_t k = 0; k < paths.len && !seen; k++)
                seen = strcmp(paths.data[k], path) == 0;
            if (!seen)
                ptrvec_push(&paths, (void *)path);
        }
    }
    p->imports.items = ARENA_ARRAY(a, const char *, paths.len ? paths.len : 1);
    for (uint32_t k = 0; k < paths.len; k++)
        p->imports.items[p->imports.len++] = paths.data[k];
    ptrvec_free(&paths);
}

LdPackage *ld_parse_files(LdProgram *prog, const LdFilesConfig *conf, FILE *errout)
{
    Arena *a = &prog->arena;
    LdPackage *p = ARENA_NEW(a, LdPackage);
    p->import_path = arena_strdup(a, conf->import_path);
    p->path = p->import_path;
    p->name = "";
    p->dir = "";
    p->cmdline_files = true;
    p->standard = conf->std;
    p->runtime = conf->runtime;
    p->goversion = conf->goversion ? arena_strdup(a, conf->goversion) : NULL;
    p->go_files.items = ARENA_ARRAY(a, const char *, conf->nfiles ? conf->nfiles : 1);
    /* gc opens every file before parsing any; one that cannot be opened
     * ends the compilation with "open NAME: REASON" */
    bool ok = true;
    for (uint32_t i = 0; i < conf->nfiles; i++) {
        const char *name = conf->files[i];
        int fd = open(name, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            Buf b = {0};
            buf_printf(&b, "open %s: ", name);
            go_errno_string(&b, errno);
            fprintf(errout, "%s\n", buf_str(&b));
            buf_free(&b);
            ok = false;
            continue;
        }
        close(fd);
        p->go_files.items[p->go_files.len++] = arena_strdup(a, name);
    }
    if (!ok) {
        p->failed = true;
        p->parsed = true;
        p->nerrors++;
        return p;
    }
    uint32_t d0 = prog->diags.len;
    ld_process_package(prog, p, LD_PARSE);
    /* as in ld_process_package: only syntax errors proper (or a file
     * without a package clause) stop gc before type checking; the package
     * is checked later, by a second ld_process_package */
    bool fatal = p->nfiles < p->go_files.len;
    for (uint32_t i = d0; i < prog->diags.len && !fatal; i++)
        fatal = strncmp(prog->diags.list[i].msg, "syntax error", 12) == 0;
    p->failed = fatal;
    collect_imports(prog, p);
    if (p->nfiles > 0 && p->files[0]->pkgname)
        p->name = p->files[0]->pkgname->value->name;
    return p;
}

void ld_add_package(LdProgram *prog, LdPackage *pkg)
{
    Arena *a = &prog->arena;
    LdPackage **pkgs = ARENA_ARRAY(a, LdPackage *, prog->npkgs + 1);
    if (prog->npkgs)
        memcpy(pkgs, prog->pkgs, sizeof(LdPackage *) * prog->npkgs);
    pkg->index = prog->npkgs;
    pkgs[prog->npkgs++] = pkg;
    prog->pkgs = pkgs;
    /* the listed packages keep their paths (a dependency cannot be the
     * package being compiled: gc would report an import cycle) */
    Sym *s = (Sym *)sym_cstr(&prog->paths, pkg->import_path);
    if (!s->aux)
        s->aux = pkg;
    if (!pkg->goversion)
        pkg->goversion = ld_lang_version(a, prog->goversion);
    if (pkg->imports.len) {
        pkg->import_pkgs = ARENA_ARRAY(a, LdPackage *, pkg->imports.len);
        for (uint32_t j = 0; j < pkg->imports.len; j++) {
            const char *path = pkg->imports.items[j];
            for (uint32_t k = 0; k < pkg->importmap_from.len; k++)
                if (strcmp(pkg->importmap_from.items[k], path) == 0) {
                    path = pkg->importmap_to.items[k];
                    break;
                }
            pkg->import_pkgs[j] = ld_lookup(prog, path);
        }
    }
}
