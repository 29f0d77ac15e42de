/*
 * Instantiation cycles (types2 mono.go): generic code whose instantiation
 * would need infinitely many instances, as in
 *
 *     func f[T any]() { f[*T]() }
 *
 * cannot be compiled by monomorphization.  Every instantiation adds edges
 * to a graph whose vertices are the package's type parameters (and local
 * types of generic functions, which are implicitly parameterized by the
 * type parameters in scope): an edge from each type parameter occurring in
 * a type argument to the type parameter it is passed for, of weight 1 if
 * the argument is a composite type built from it, else 0.  A cycle of
 * positive weight is reported.  The heaviest paths are found as with
 * Bellman-Ford (on negated weights): a path of as many edges as there are
 * vertices must contain such a cycle.
 */
#include "generics.h"

#include <string.h>

typedef struct MonoVertex {
    int weight;      /* weight of the heaviest known path to this vertex */
    int pre;         /* last edge of that path, or -1 */
    uint32_t len;    /* its length */
    TyObject *obj;   /* a type parameter's or local type's type name */
} MonoVertex;

typedef struct MonoEdge {
    uint32_t dst, src;
    int weight;
    Pos pos;
    TyType *typ;     /* the type argument */
} MonoEdge;

typedef struct Mono {
    MonoVertex *v;
    uint32_t nv, capv;
    MonoEdge *e;
    uint32_t ne, cape;
    PtrMap canon;    /* receiver type parameter -> the base type's */
    PtrMap nameidx;  /* type name -> vertex index + 2 (1: no vertex) */
} Mono;

static Mono *mono_of(Checker *ck)
{
    if (!ck->mono)
        ck->mono = ARENA_NEW(&ck->tmp, Mono);
    return ck->mono;
}

static void add_edge(Checker *ck, Mono *w, uint32_t dst, uint32_t src, int weight, Pos pos, TyType *typ)
{
    if (w->ne == w->cape) {
        uint32_t cap = w->cape ? w->cape * 2 : 16;
        MonoEdge *e = ARENA_ARRAY(&ck->tmp, MonoEdge, cap);
        if (w->ne)
            memcpy(e, w->e, sizeof(MonoEdge) * w->ne);
        w->e = e;
        w->cape = cap;
    }
    MonoEdge *e = &w->e[w->ne++];
    e->dst = dst;
    e->src = src;
    e->weight = weight;
    e->pos = pos;
    e->typ = typ;
}

static uint32_t add_vertex(Checker *ck, Mono *w, TyObject *obj)
{
    if (w->nv == w->capv) {
        uint32_t cap = w->capv ? w->capv * 2 : 16;
        MonoVertex *v = ARENA_ARRAY(&ck->tmp, MonoVertex, cap);
        if (w->nv)
            memcpy(v, w->v, sizeof(MonoVertex) * w->nv);
        w->v = v;
        w->capv = cap;
    }
    MonoVertex *v = &w->v[w->nv];
    memset(v, 0, sizeof *v);
    v->pre = -1;
    v->obj = obj;
    return w->nv++;
}

void ck_mono_record_canon(Checker *ck, TyTypeParam *mpar, TyTypeParam *tpar)
{
    ptrmap_put(&mono_of(ck)->canon, PMKEY(mpar), tpar);
}

static uint32_t tparam_vertex(Checker *ck, Mono *w, TyTypeParam *tpar)
{
    TyTypeParam *c = ptrmap_get(&w->canon, PMKEY(tpar));
    if (c)
        tpar = c;
    TyObject *obj = tpar->obj;
    uintptr_t i = (uintptr_t)ptrmap_get(&w->nameidx, PMKEY(obj));
    if (i >= 2)
        return (uint32_t)(i - 2);
    uint32_t idx = add_vertex(ck, w, obj);
    ptrmap_put(&w->nameidx, PMKEY(obj), (void *)(uintptr_t)(idx + 2));
    return idx;
}

/* The vertex of a local named type of a generic function (implicitly
 * parameterized by the type parameters in scope), or -1. */
static int64_t local_named_vertex(Checker *ck, Mono *w, TyNamed *named)
{
    TyObject *obj = named->orig->obj;
    if (obj->pkg != ck->pkg)
        return -1; /* imported */
    TyScope *root = ck->pkg->scope;
    if (!obj->parent || obj->parent == root)
        return -1; /* package scope: no ambient type parameters */
    uintptr_t i = (uintptr_t)ptrmap_get(&w->nameidx, PMKEY(obj));
    if (i == 1)
        return -1;
    if (i >= 2)
        return (int64_t)(i - 2);
    int64_t idx = -1;
    for (TyScope *s = obj->parent; s && s != root; s = s->parent) {
        for (uint32_t k = 0; k < s->cap; k++) {
            TyObject *elem = s->slots[k];
            if (!elem || elem->kind != TY_OBJ_TYPENAME || ty_is_alias_obj(elem) || elem->pos >= obj->pos)
                continue;
            TyType *t = elem->type;
            if (t && t->kind == TY_TYPEPARAM) {
                if (idx < 0)
                    idx = add_vertex(ck, w, obj);
                add_edge(ck, w, (uint32_t)idx, tparam_vertex(ck, w, TY_AS(TyTypeParam, t)), 1, obj->pos, t);
            }
        }
    }
    ptrmap_put(&w->nameidx, PMKEY(obj), (void *)(uintptr_t)(idx < 0 ? 1 : idx + 2));
    return idx;
}

typedef struct Assign {
    Checker *ck;
    Mono *w;
    Pos pos;
    TyTypeParam *tpar;
    TyType *targ;
} Assign;

static void flow(Assign *a, uint32_t src, TyType *typ)
{
    int weight = typ == a->targ ? 0 : 1;
    add_edge(a->ck, a->w, tparam_vertex(a->ck, a->w, a->tpar), src, weight, a->pos, a->targ);
}

static void assign_do(Assign *a, TyType *typ)
{
    typ = ty_unalias(typ);
    if (!typ)
        return;
    switch (typ->kind) {
    case TY_TYPEPARAM:
        flow(a, tparam_vertex(a->ck, a->w, TY_AS(TyTypeParam, typ)), typ);
        break;
    case TY_NAMED: {
        TyNamed *n = TY_AS(TyNamed, typ);
        int64_t src = local_named_vertex(a->ck, a->w, n);
        if (src >= 0)
            flow(a, (uint32_t)src, typ);
        for (uint32_t i = 0; i < n->targs.len; i++)
            assign_do(a, n->targs.items[i]);
        break;
    }
    case TY_ARRAY:
        assign_do(a, TY_AS(TyArray, typ)->elem);
        break;
    case TY_CHAN:
        assign_do(a, TY_AS(TyChan, typ)->elem);
        break;
    case TY_MAP:
        assign_do(a, TY_AS(TyMap, typ)->key);
        assign_do(a, TY_AS(TyMap, typ)->elem);
        break;
    case TY_POINTER:
        assign_do(a, TY_AS(TyPointer, typ)->base);
        break;
    case TY_SLICE:
        assign_do(a, TY_AS(TySlice, typ)->elem);
        break;
    case TY_INTERFACE: {
        TyTypeSet *ts = gx_iface_tset(TY_AS(TyInterface, typ));
        for (uint32_t i = 0; i < ts->nmethods; i++)
            assign_do(a, ts->methods[i]->type);
        break;
    }
    case TY_SIGNATURE: {
        TySignature *s = TY_AS(TySignature, typ);
        for (uint32_t i = 0; i < s->params->len; i++)
            assign_do(a, s->params->vars[i]->type);
        for (uint32_t i = 0; i < s->results->len; i++)
            assign_do(a, s->results->vars[i]->type);
        break;
    }
    case TY_STRUCT: {
        TyStruct *s = TY_AS(TyStruct, typ);
        for (uint32_t i = 0; i < s->nfields; i++)
            assign_do(a, s->fields[i]->type);
        break;
    }
    default:
        break;
    }
}

void ck_mono_record_instance(Checker *ck, Pos pos, TyTParamList tparams, TyTypeList targs, SynNode **xlist,
                             uint32_t nxlist)
{
    Mono *w = mono_of(ck);
    for (uint32_t i = 0; i < tparams.len && i < targs.len; i++) {
        TyTypeParam *tpar = tparams.items[i];
        /* only type parameters of this package can be part of a cycle */
        if (tpar->obj->pkg != ck->pkg)
            continue;
        Assign a = {ck, w, i < nxlist ? syn_start_pos(xlist[i]) : pos, tpar, targs.items[i]};
        assign_do(&a, a.targ);
    }
}

static const char *rel_qualifier(void *ud, const TyPackage *pkg)
{
    return pkg == ud ? "" : pkg->path;
}

static void report_instance_loop(Checker *ck, Mono *w, uint32_t v)
{
    /* walk back along the heaviest path until a vertex repeats: that
     * vertex starts the cycle */
    uint32_t *stack = ARENA_ARRAY(&ck->tmp, uint32_t, w->nv + 1);
    bool *seen = ARENA_ARRAY(&ck->tmp, bool, w->nv);
    uint32_t n = 0;
    while (!seen[v]) {
        stack[n++] = v;
        seen[v] = true;
        v = w->e[w->v[v].pre].src;
    }
    uint32_t start = 0;
    while (stack[start] != v)
        start++;

    Buf b = {0};
    buf_puts(&b, "instantiation cycle:");
    for (uint32_t k = start; k < n; k++) {
        MonoEdge *edge = &w->e[w->v[stack[k]].pre];
        TyObject *obj = w->v[edge->dst].obj;
        buf_puts(&b, "\n\t");
        syn_pos_string(&b, ck->env->pos, edge->pos);
        buf_printf(&b, ": %s ", obj->name->name);
        /* a local type or a type parameter */
        bool named = obj->type && obj->type->kind == TY_NAMED;
        buf_puts(&b, named ? "implicitly parameterized by " : "instantiated as ");
        ty_type_string(ck->env, &b, edge->typ, rel_qualifier, ck->pkg);
    }
    ck_error(ck, w->v[v].obj->pos, buf_str(&b));
    buf_free(&b);
}

void ck_monomorph(Checker *ck)
{
    Mono *w = ck->mono;
    if (!w)
        return;
    /* only without other errors (types2: the graph may be incomplete) */
    if (!ck->first_err) {
        bool again = true;
        while (again) {
            again = false;
            for (uint32_t i = 0; i < w->ne; i++) {
                MonoEdge *edge = &w->e[i];
                MonoVertex *src = &w->v[edge->src], *dst = &w->v[edge->dst];
                int weight = src->weight + edge->weight;
                if (weight <= dst->weight)
                    continue;
                dst->pre = (int)i;
                dst->len = src->len + 1;
                if (dst->len == w->nv) {
                    report_instance_loop(ck, w, edge->dst);
                    goto done;
                }
                dst->weight = weight;
                again = true;
            }
        }
    }
done:
    ptrmap_free(&w->canon);
    ptrmap_free(&w->nameidx);
    ck->mono = NULL;
}
