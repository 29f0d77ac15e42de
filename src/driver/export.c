/* Escape tags of dependencies from gc's export data (see driver.h,
 * "export data"; the reader is load/exportdata.c). */
#include "driver.h"

#include <stdlib.h>
#include <string.h>

bool drv_list_exports(Drv *d, const char *const *flags, uint32_t nflags, LdPackage *const *pkgs, uint32_t n,
                      FILE *notes)
{
    if (n == 0)
        return true;
    LdProgram *ld = &d->ld;
    const char **argv = xcalloc(7 + (size_t)nflags + n, sizeof(char *));
    uint32_t k = 0;
    argv[k++] = "go";
    argv[k++] = "list";
    argv[k++] = "-e";
    argv[k++] = "-export";
    argv[k++] = "-f={{.ImportPath}} {{.Export}}";
    for (uint32_t i = 0; i < nflags; i++)
        argv[k++] = flags[i];
    for (uint32_t i = 0; i < n; i++)
        argv[k++] = pkgs[i]->import_path;
    argv[k] = NULL;
    Buf out = {0};
    int st = ld_run((char *const *)argv, &out, NULL);
    free(argv);
    if (st != 0) {
        fprintf(notes, "goesc: go list -export failed (exit status %d): dependencies' escape tags computed from source\n",
                st);
        buf_free(&out);
        return false;
    }
    const char *s = buf_str(&out), *end = s + out.len;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl)
            nl = end;
        const char *sp = memchr(s, ' ', (size_t)(nl - s));
        if (sp && sp + 1 < nl) {
            char *path = arena_strndup(&ld->arena, s, (size_t)(sp - s));
            LdPackage *p = ld_lookup(ld, path);
            if (p)
                p->export_file = arena_strndup(&ld->arena, sp + 1, (size_t)(nl - sp - 1));
        }
        s = nl + 1;
    }
    buf_free(&out);
    return true;
}

/* The defined type a method's receiver names ("T" for T and *T). */
static const TyNamed *recv_named(const TySignature *sig)
{
    if (!sig->recv || !sig->recv->type)
        return NULL;
    TyType *t = ty_unalias(sig->recv->type);
    if (t && t->kind == TY_POINTER)
        t = ty_unalias(((TyPointer *)t)->base);
    if (!t || t->kind != TY_NAMED)
        return NULL;
    return (const TyNamed *)t;
}

uint32_t drv_apply_export_tags(Drv *d, IrPackage *ip, LdPackage *pkg, FILE *notes)
{
    if (!ip || !pkg->export_file)
        return 0;
    IrProgram *p = &d->ir;
    LdExportTags x;
    const char *why = NULL;
    if (!ld_export_read(&x, &p->arena, pkg->path, pkg->export_file, d->ld.goarch, &why)) {
        fprintf(notes, "goesc: %s: escape tags computed from source (export data %s: %s)\n", pkg->import_path,
                pkg->export_file, why);
        ld_export_free(&x);
        return 0;
    }
    uint32_t n = 0;
    for (uint32_t i = 0; i < ip->nfn; i++) {
        IrFunc *fn = ip->fn[i];
        if (!fn->obj || !fn->sig || !fn->obj->name || fn->sig->tparams.len || fn->sig->rparams.len ||
            (fn->fflags & IR_FN_WRAPPER))
            continue;
        const char *recv = NULL;
        if (fn->sig->recv) {
            const TyNamed *nt = recv_named(fn->sig);
            if (!nt || !nt->obj || !nt->obj->name || nt->tparams.len || nt->targs.len)
                continue;
            recv = nt->obj->name->name;
        }
        const LdExportFunc *f = ld_export_lookup(&x, recv, fn->obj->name->name);
        if (!f || f->ntags != fn->nparams)
            continue;
        char **tags = ARENA_ARRAY(&p->arena, char *, f->ntags ? f->ntags : 1);
        for (uint32_t j = 0; j < f->ntags; j++) {
            /* goesc's form of gc's tag: the leak bytes in hex */
            static const char hex[] = "0123456789abcdef";
            uint32_t len = f->taglen[j];
            char *t = arena_alloc(&p->arena, 2 * (size_t)len + 1);
            memcpy(t, f->tags[j], len < 4 ? len : 4);
            for (uint32_t c = 4; c < len; c++) {
                unsigned char b = (unsigned char)f->tags[j][c];
                t[4 + 2 * (c - 4)] = hex[b >> 4];
                t[4 + 2 * (c - 4) + 1] = hex[b & 15];
            }
            t[len <= 4 ? len : 4 + 2 * (len - 4)] = 0;
            tags[j] = t;
        }
        fn->tags = tags;
        fn->esc = IR_ESC_TAGGED;
        IrTags *t = ptrmap_get(&p->tags_by_obj, PMKEY(fn->obj));
        if (!t) {
            t = ARENA_NEW(&p->arena, IrTags);
            t->pragma = fn->pragma;
            ptrmap_put(&p->tags_by_obj, PMKEY(fn->obj), t);
        }
        t->n = f->ntags;
        t->tags = (const char **)tags;
        n++;
    }
    ld_export_free(&x);
    return n;
}
