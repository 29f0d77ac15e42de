/*
 * go list's package errors, printed as go build prints them
 * (cmd/go/internal/load: PackageErrors and PackageError.Error).
 */
#include "load.h"

#include <stdlib.h>
#include <string.h>

/* The resolved path an import spec names in package p. */
static const char *resolve_import(const LdPackage *p, const char *path)
{
    for (uint32_t i = 0; i < p->importmap_from.len; i++)
        if (strcmp(p->importmap_from.items[i], path) == 0)
            return p->importmap_to.items[i];
    return path;
}

/* Whether the parsed file imports `path` (resolved through p's ImportMap). */
static bool file_imports(const LdPackage *p, const SynFile *f, const char *path)
{
    for (uint32_t i = 0; i < f->decls.len; i++) {
        const SynNode *d = f->decls.items[i];
        if (d->kind != SYN_IMPORT_DECL)
            continue;
        const SynBasicLit *lit = ((const SynImportDecl *)d)->path;
        if (!lit || lit->len < 2)
            continue;
        /* "path" or `path`; escapes in import paths are not worth decoding */
        char *s = xstrndup(lit->value + 1, lit->len - 2);
        bool match = strcmp(resolve_import(p, s), path) == 0;
        free(s);
        if (match)
            return true;
    }
    return false;
}

/* The base name of the first file of `importer` (in go/build's order:
 * GoFiles and CgoFiles by name) that imports `path`, or NULL.  Only used
 * for import cycles, so the files are parsed on the side. */
static const char *first_importing_file(const LdProgram *prog, const char *importer,
                                        const char *path, Buf *name)
{
    const LdPackage *p = ld_lookup(prog, importer);
    if (!p)
        return NULL;
    Arena arena;
    SymTab syms;
    PosTab pt;
    Diags diags = {0};
    arena_init(&arena);
    symtab_init(&syms);
    postab_init(&pt);
    SynCtx ctx = {&arena, &syms, &pt, &diags, 0, false, false, false};
    const char *found = NULL;
    uint32_t i = 0, j = 0;
    while (!found && (i < p->go_files.len || j < p->cgo_files.len)) {
        const char *f;
        if (j >= p->cgo_files.len ||
            (i < p->go_files.len && strcmp(p->go_files.items[i], p->cgo_files.items[j]) < 0))
            f = p->go_files.items[i++];
        else
            f = p->cgo_files.items[j++];
        char *full = arena_printf(&arena, "%s/%s", p->dir, f);
        size_t size;
        const char *err;
        char *data = read_file(full, &size, &err);
        if (!data)
            continue;
        SrcFile *src = postab_add(&pt, full, data, (uint32_t)size);
        SynFile *sf = syn_parse_file(&ctx, src, NULL);
        if (sf && file_imports(p, sf, path)) {
            buf_reset(name);
            buf_puts(name, f);
            found = buf_str(name);
        }
        free(data);
        src->data = NULL;
    }
    diags_free(&diags);
    postab_free(&pt);
    symtab_free(&syms);
    arena_free(&arena);
    return found;
}

/* PackageError.Error. */
static void format_error(const LdProgram *prog, const LdError *e, Buf *b)
{
    /* errors gc's loader always prints with the import stack
     * (PackageError.alwaysPrintStack) */
    bool always_stack = strncmp(e->err, "use of internal package ", 24) == 0;
    /* cycles (IsImportCycle) show where each import is (PkgsWithPos) */
    bool cycle = strcmp(e->err, "import cycle not allowed") == 0;
    const LdStrings *st = &e->import_stack;
    if (e->pos[0] && (st->len == 0 || !always_stack)) {
        buf_printf(b, "%s: %s", e->pos, e->err);
        return;
    }
    if (st->len == 0) {
        buf_puts(b, e->err);
        return;
    }
    buf_puts(b, "package ");
    Buf file = {0};
    for (uint32_t i = 0; i < st->len; i++) {
        if (i > 0)
            buf_puts(b, "\n\timports ");
        buf_puts(b, st->items[i]);
        const char *f;
        if (cycle && i > 0 &&
            (f = first_importing_file(prog, st->items[i - 1], st->items[i], &file)))
            buf_printf(b, " from %s", f);
    }
    buf_free(&file);
    if (e->pos[0])
        buf_printf(b, "\n\t%s", e->pos);
    buf_printf(b, ": %s", e->err);
}

uint32_t ld_list_errors(const LdProgram *prog, FILE *out)
{
    /* go build reports the packages' own errors, in the order of go list
     * -deps; DepsErrors repeat them and are not printed */
    uint32_t n = 0;
    Buf b = {0};
    for (uint32_t i = 0; i < prog->npkgs; i++) {
        const LdPackage *p = prog->pkgs[i];
        if (!p->error)
            continue;
        buf_reset(&b);
        format_error(prog, p->error, &b);
        if (b.len == 0 || b.data[b.len - 1] != '\n')
            buf_putc(&b, '\n');
        fputs(buf_str(&b), out);
        n++;
    }
    buf_free(&b);
    return n;
}
