/*
 * Interface types (types2 interface.go): explicit methods and embedded
 * elements; the type set is computed later (typeset.c).
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>

/* types2 sorts interface methods: exported before unexported, then by
 * name, then (unexported) by package path. */
static int cmp_methods(const void *a, const void *b)
{
    const TyObject *x = *(TyObject *const *)a, *y = *(TyObject *const *)b;
    if (x == y)
        return 0;
    bool ex = ty_obj_exported(x), ey = ty_obj_exported(y);
    if (ex != ey)
        return ex ? -1 : 1;
    int c = strcmp(x->name->name, y->name->name);
    if (c != 0 || ex)
        return c;
    const char *px = x->pkg ? x->pkg->path : "", *py = y->pkg ? y->pkg->path : "";
    return strcmp(px, py);
}

void ty_sort_methods(TyObject **list, uint32_t n)
{
    if (n > 1)
        qsort(list, n, sizeof(TyObject *), cmp_methods);
}

typedef struct TypesetArg {
    TyInterface *it;
    Pos pos;
} TypesetArg;

static void typeset_later(Checker *ck, void *arg)
{
    TypesetArg *a = arg;
    ty_compute_interface_typeset(ck, a->pos, a->it);
}

void ck_interface_type(Checker *ck, TyInterface *ityp, SynInterfaceType *iface, TyObject *def)
{
    TyEnv *env = ck->env;
    uint32_t n = iface->methods.len;
    TyObject **methods = ARENA_ARRAY(ck->a, TyObject *, n ? n : 1);
    TyType **embeddeds = ARENA_ARRAY(ck->a, TyType *, n ? n : 1);
    Pos *embedpos = ARENA_ARRAY(ck->a, Pos, n ? n : 1);
    uint32_t nm = 0, ne = 0;
    for (uint32_t i = 0; i < n; i++) {
        SynField *f = (SynField *)iface->methods.items[i];
        if (!f->name) {
            embedpos[ne] = ck_at(f->type);
            embeddeds[ne++] = ck_parse_union(ck, f->type);
            continue;
        }
        if (f->name->value == ck->sym_blank) {
            ck_error(ck, f->name->n.pos, "methods must have a unique non-blank name");
            continue;
        }
        TyType *typ = ck_typ(ck, f->type);
        if (typ->kind != TY_SIGNATURE) {
            if (ty_is_valid(typ))
                ck_errorf(ck, ck_at(f->type), "invalid syntax tree: %s is not a method signature",
                          ck_tstr(ck, typ));
            continue;
        }
        TySignature *sig = TY_AS(TySignature, typ);
        /* the receiver is the interface, or the named type it defines */
        TyType *recv_typ = &ityp->t;
        if (def && def->type && ty_as_named(def->type))
            recv_typ = def->type;
        sig->recv = ty_new_var(env, TY_RECV_VAR, f->name->n.pos, ck->pkg, sym_cstr(ck->syms, ""), recv_typ);
        TyObject *m = ty_new_func(env, f->name->n.pos, ck->pkg, f->name->value, sig);
        ck_record_def(ck, f->name, m);
        methods[nm++] = m;
    }
    ityp->methods = methods;
    ityp->nmethods = nm;
    ityp->embeddeds = embeddeds;
    ityp->embedpos = embedpos;
    ityp->nembeddeds = ne;
    ityp->complete = true;
    if (nm == 0 && ne == 0) {
        ityp->tset = ty_interface_typeset(env, TY_AS(TyInterface, env->empty_interface));
        return;
    }
    ty_sort_methods(ityp->methods, nm);
    TypesetArg *a = ARENA_NEW(&ck->tmp, TypesetArg);
    a->it = ityp;
    a->pos = iface->n.pos;
    ck_later(ck, typeset_later, a);
}
