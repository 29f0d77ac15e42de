/* A debugging aid for comparing goesc with gc on code that uses generics
 * (GOESC_TAINT=FILE, debug builds and scripts only): appends, per
 * package, the functions with their source ranges, whether they are
 * generic (gc compiles their instantiations, goesc does not yet) or met
 * something the lowering does not support (IR_FN_UNSUPPORTED), and the
 * functions each refers to.  A script can then set apart the differences
 * with gc that come from those limitations, directly or through a
 * callee's conservative tags.  Nothing here affects the analysis. */
#include "driver.h"

#include <stdlib.h>
#include <string.h>

static IrFunc *outermost(IrFunc *fn)
{
    for (;;) {
        if (fn->range_parent)
            fn = fn->range_parent;
        else if (fn->closure_parent)
            fn = fn->closure_parent;
        else
            return fn;
    }
}

static void pos_str(Drv *d, Buf *b, Pos pos)
{
    buf_reset(b);
    ir_fmt_pos(b, &d->ir, pos);
}

static void refs(Drv *d, FILE *f, Buf *b, const IrNode *n);

static void refs_list(Drv *d, FILE *f, Buf *b, const IrList *l)
{
    for (uint32_t i = 0; i < l->len; i++)
        refs(d, f, b, l->items[i]);
}

static void ref(Drv *d, FILE *f, Buf *b, const TyObject *o)
{
    if (o->origin)
        o = o->origin;
    pos_str(d, b, o->pos);
    fprintf(f, "R %s\n", buf_str(b));
}

/* The functions n refers to (calls, method expressions and values). */
static void refs(Drv *d, FILE *f, Buf *b, const IrNode *n)
{
    if (!n)
        return;
    if (n->op == IR_ONAME) {
        const IrName *nm = (const IrName *)n;
        if (nm->class == IR_PFUNC && nm->fobj)
            ref(d, f, b, nm->fobj);
        return;
    }
    if (n->sym && n->sym->kind == TY_OBJ_FUNC)
        ref(d, f, b, n->sym);
    if (n->op == IR_OCLOSURE)
        return; /* its own IrFunc, attributed to the outermost function */
    refs_list(d, f, b, &n->init);
    refs(d, f, b, n->x);
    refs(d, f, b, n->y);
    refs(d, f, b, n->z);
    refs_list(d, f, b, &n->list);
    refs_list(d, f, b, &n->rlist);
    refs_list(d, f, b, &n->body);
    refs_list(d, f, b, &n->els);
}

/* F POS ENDLINE FLAGS NAME: a function (POS: its name; flags G generic,
 * U the lowering met something unsupported in it or its closures, -
 * neither); C POS: a closure of the function at POS; each followed by
 * R POS for the functions it refers to. */
void drv_taint_dump(Drv *d, IrPackage *ip)
{
    const char *out = getenv("GOESC_TAINT");
    if (!out || !*out || !ip)
        return;
    FILE *f = fopen(out, "a");
    if (!f)
        return;
    Buf b = {0};
    for (uint32_t i = 0; i < ip->nfiles; i++) {
        SynFile *sf = ip->files[i];
        if (!sf)
            continue;
        for (uint32_t k = 0; k < sf->decls.len; k++) {
            SynNode *dn = sf->decls.items[k];
            if (dn->kind != SYN_FUNC_DECL)
                continue;
            SynFuncDecl *fd = (SynFuncDecl *)dn;
            TyTV *tv = ty_tv(&fd->name->n);
            TyObject *obj = tv ? tv->obj : NULL;
            if (!obj || !obj->type || obj->type->kind != TY_SIGNATURE)
                continue;
            TySignature *sig = (TySignature *)obj->type;
            if (!sig->tparams.len && !sig->rparams.len)
                continue;
            pos_str(d, &b, obj->pos);
            Position e = postab_resolve(d->ir.pos, fd->body ? fd->body->rbrace : obj->pos);
            fprintf(f, "F %s %u G %s\n", buf_str(&b), e.line, fd->name->value->name);
        }
    }
    PtrMap unsupported = {0};
    for (uint32_t i = 0; i < ip->nfn; i++)
        if (ip->fn[i]->fflags & IR_FN_UNSUPPORTED)
            ptrmap_put(&unsupported, PMKEY(outermost(ip->fn[i])), ip->fn[i]);
    for (uint32_t i = 0; i < ip->nfn; i++) {
        IrFunc *fn = ip->fn[i], *top = outermost(fn);
        pos_str(d, &b, top->obj ? top->obj->pos : top->pos);
        if (top == fn) {
            Position e = postab_resolve(d->ir.pos, top->endpos != NOPOS ? top->endpos : top->pos);
            fprintf(f, "F %s %u %s %s\n", buf_str(&b), e.line,
                    ptrmap_get(&unsupported, PMKEY(top)) ? "U" : "-", top->linkname);
        } else {
            fprintf(f, "C %s\n", buf_str(&b)); /* R lines below belong to it */
        }
        refs_list(d, f, &b, &fn->body);
    }
    ptrmap_free(&unsupported);
    buf_free(&b);
    fclose(f);
}
