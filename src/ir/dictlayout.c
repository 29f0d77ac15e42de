/*
 * The layout of gc's runtime dictionaries (noder/writer.go writerDict,
 * reader.go readerDict).
 *
 * A shaped function's `.dict` parameter has type *[N]uintptr, and shaped
 * code reaches the dictionaries of the generic code it calls through it:
 * `(*[N]uintptr)(.dict[i])`.  Both numbers appear in -m=2 flow lines, so
 * they must be gc's.  gc's writer builds one dictionary per generic
 * declaration (a generic type and all its methods share one) while it
 * writes the declaration's bodies, and the dictionary is four sections in
 * this order, each numbered in the order the writer first meets its
 * entries:
 *
 *   method expressions   a method of a type parameter (x.M with x of type
 *                        T), keyed by the parameter's index and the method
 *   sub-dictionaries     an instantiation whose type arguments mention the
 *                        type parameters (G[T], Box[*T].M), keyed by the
 *                        generic object and its type arguments
 *   rtypes               a *runtime._type of such a "derived" type: every
 *                        parameter and local of one, map index and range,
 *                        make, append, new, assertions, conversions
 *   itabs                a (type, interface) pair of which one side is
 *                        derived: every conversion between distinct types,
 *                        type switch cases on non-empty interfaces
 *
 * Type arguments themselves take no words.  Entries are deduplicated by
 * the *identity of the checker's type objects*, not by type identity: the
 * writer keys its type table on types2.Type pointers, so the two `*T` of
 * `func G[T any](x *T) *T` are two rtypes.  goesc's checker allocates a
 * type object where types2 does (each evaluation of a type expression,
 * each substitution), so its pointers serve as the same keys.
 *
 * This file walks a generic declaration's checked syntax the way the
 * writer does (the same statements, the same dead-code and constant-
 * condition rules as lower_stmt.c) and notes only what adds dictionary
 * entries.  It reads the declaration's original records, so it must run
 * before an instantiation replaces them (lower_generic.c computes the
 * layout before it lowers a shaped body).  The walk after the range-over-
 * func rewrite sees the rewritten syntax, as gc's writer does.
 */
#include "lower.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One dictionary, built once per generic declaration (owner: the generic
 * function, or the TypeName of a generic type). */
typedef struct SubKey {
    TyObject *gen;
    TyTypeList targs;
    TyTParamList tparams; /* of the generic function whose body has it */
} SubKey;

typedef struct ItabKey {
    TyType *typ, *iface;
    TyTParamList tparams;
} ItabKey;

typedef struct RtypeKey {
    TyType *t;
    TyTParamList tparams;
} RtypeKey;

struct LwDict {
    uint32_t nmexpr, nsub, nrtype, nitab;
    SubKey *subs;          /* the sub-dictionaries and itabs, for writing */
    ItabKey *itabs;        /* the dictionary (arena) */
    RtypeKey *rtypes;
    /* SynNode* of a call's function or a selector -> (index << 1 | is a
     * sub-dictionary) + 1 */
    PtrMap site;
};

typedef struct MexprKey {
    uint32_t tparam;
    const Sym *name;
    TyPackage *pkg;
} MexprKey;

typedef struct DW {
    Lower *lw;
    LwDict *d;
    PtrMap rtypes;         /* TyType* -> index + 1 */
    PtrMap vars;           /* TyObject* of a variable -> its type's rtype index + 1 */
    MexprKey *mexprs;
    SubKey *subs;
    ItabKey *itabs;
    RtypeKey *rtype_list;
    uint32_t capm, caps, capi, capr;
    TySignature *sig;      /* the function whose body is walked */
    TyTParamList tparams;  /* the type parameters of the generic one */
    TyType *panic_param;   /* types2's &emptyInterface (panic's parameter) */
} DW;

/* ---- types ----------------------------------------------------------------------- */

static bool is_global_obj(const TyObject *o)
{
    return !o->pkg || !o->pkg->scope || o->parent == o->pkg->scope;
}

/* pkgWriter.typIdx strips aliases declared inside functions */
static TyType *tkey(TyType *t)
{
    while (t && t->kind == TY_ALIAS && TY_AS(TyAlias, t)->obj && !is_global_obj(TY_AS(TyAlias, t)->obj))
        t = TY_AS(TyAlias, t)->fromrhs;
    return t;
}

/* a type parameter, or a type declared inside a generic function (it
 * has implicit type parameters): what makes a type derived */
static bool derived_leaf(TyType *t)
{
    if (t->kind == TY_TYPEPARAM)
        return true;
    TyObject *o = t->kind == TY_NAMED ? TY_AS(TyNamed, t)->obj : NULL;
    return o && !is_global_obj(o);
}

/* The type's identity depends on the declaration's type parameters
 * (writer.derived): as the writer writes types, named types by their
 * type arguments, interfaces with their embedded elements. */
static bool derived(TyType *t)
{
    t = tkey(t);
    return t && lw_type_mentions(t, derived_leaf, LW_TM_ELEMS, 0);
}

static bool any_derived(TyTypeList l)
{
    for (uint32_t i = 0; i < l.len; i++)
        if (derived(l.items[i]))
            return true;
    return false;
}

/* ---- entries --------------------------------------------------------------------- */

#define GROW(w, arr, cap, n)                                                        \
    do {                                                                            \
        if ((n) == (cap)) {                                                         \
            uint32_t nc = (cap) ? (cap) * 2 : 8;                                    \
            void *na = arena_alloc((w)->lw->a, nc * sizeof *(arr));                 \
            if (n)                                                                  \
                memcpy(na, (arr), (n) * sizeof *(arr));                             \
            (arr) = na;                                                             \
            (cap) = nc;                                                             \
        }                                                                           \
    } while (0)

/* writer.rtypeInfo */
static void rtype_info(DW *w, TyType *t)
{
    t = tkey(t);
    if (!t || !derived(t))
        return;
    void **slot = ptrmap_slot(&w->rtypes, PMKEY(t));
    if (*slot)
        return;
    GROW(w, w->rtype_list, w->capr, w->d->nrtype);
    w->rtype_list[w->d->nrtype] = (RtypeKey){t, w->tparams};
    *slot = (void *)(uintptr_t)++w->d->nrtype;
}

static TyType *default_type(DW *w, TyType *t) { return t ? ty_default_type(w->lw->env, t) : NULL; }

/* writer.rtype */
static void rtype(DW *w, TyType *t) { rtype_info(w, default_type(w, t)); }

/* writer.itab / convRTTI: both sides' rtypes, then the pair */
static void itab(DW *w, TyType *typ, TyType *iface)
{
    typ = tkey(default_type(w, typ));
    iface = tkey(default_type(w, iface));
    rtype_info(w, typ);
    rtype_info(w, iface);
    if (!derived(typ) && !derived(iface))
        return;
    for (uint32_t i = 0; i < w->d->nitab; i++)
        if (w->itabs[i].typ == typ && w->itabs[i].iface == iface)
            return;
    GROW(w, w->itabs, w->capi, w->d->nitab);
    w->itabs[w->d->nitab++] = (ItabKey){typ, iface, w->tparams};
}

static void note_site(DW *w, SynNode *site, uint32_t idx, bool sub)
{
    if (site)
        ptrmap_put(&w->d->site, PMKEY(site), (void *)(uintptr_t)(((uintptr_t)idx << 1 | sub) + 1));
}

static bool same_targs(TyTypeList a, TyTypeList b)
{
    if (a.len != b.len)
        return false;
    for (uint32_t i = 0; i < a.len; i++)
        if (tkey(a.items[i]) != tkey(b.items[i]))
            return false;
    return true;
}

/* writer.subdictIdx for an instantiation with derived type arguments */
static void subdict(DW *w, SynNode *site, TyObject *gen, TyTypeList targs)
{
    if (!any_derived(targs))
        return;
    for (uint32_t i = 0; i < w->d->nsub; i++)
        if (w->subs[i].gen == gen && same_targs(w->subs[i].targs, targs)) {
            note_site(w, site, i, true);
            return;
        }
    GROW(w, w->subs, w->caps, w->d->nsub);
    w->subs[w->d->nsub] = (SubKey){gen, targs, w->tparams};
    note_site(w, site, w->d->nsub++, true);
}

/* writer.methodExpr: recv is the receiver's type after implicit field
 * steps, & and * */
static void method_expr(DW *w, SynNode *site, TyType *recv, TyObject *m)
{
    TyType *u = recv ? ty_unalias(recv) : NULL;
    if (!u)
        return;
    if (u->kind == TY_TYPEPARAM) {
        MexprKey k = {TY_AS(TyTypeParam, u)->index, m->name, m->pkg};
        for (uint32_t i = 0; i < w->d->nmexpr; i++) {
            MexprKey *o = &w->mexprs[i];
            if (o->tparam == k.tparam && o->name == k.name && o->pkg == k.pkg) {
                note_site(w, site, i, false);
                return;
            }
        }
        GROW(w, w->mexprs, w->capm, w->d->nmexpr);
        w->mexprs[w->d->nmexpr] = k;
        note_site(w, site, w->d->nmexpr++, false);
        return;
    }
    if (ty_is_interface(u))
        return;
    if (u->kind == TY_POINTER)
        u = ty_unalias(TY_AS(TyPointer, u)->base);
    if (u->kind != TY_NAMED)
        return;
    TyNamed *n = TY_AS(TyNamed, u);
    if (n->targs.len)
        subdict(w, site, n->orig->obj, n->targs);
}

/* ---- expressions ------------------------------------------------------------------- */

static void expr(DW *w, SynNode *e);
static void stmts(DW *w, SynList list);
static void stmt(DW *w, SynNode *s);

static TyType *type_of(SynNode *e)
{
    TyTV *tv = e ? ty_tv(e) : NULL;
    return tv ? tv->type : NULL;
}

static void opt_expr(DW *w, SynNode *e)
{
    if (e)
        expr(w, e);
}

/* writer.convertExpr: implicit no-op conversions are left out */
static void convert_expr(DW *w, TyType *dst, SynNode *e, bool implicit)
{
    TyType *src = type_of(syn_unparen(e));
    bool identical = !dst || (src && ty_identical(src, dst));
    if (!(implicit && identical))
        itab(w, src, dst);
    expr(w, e);
}

static void implicit_conv(DW *w, TyType *dst, SynNode *e) { convert_expr(w, dst, e, true); }

/* writer.exprType */
static void expr_type(DW *w, TyType *iface, SynNode *texpr)
{
    TyType *t = type_of(texpr);
    TyInterface *it = iface ? ty_as_interface(iface) : NULL;
    if (it && ty_typeset_num_methods(ty_interface_typeset(w->lw->env, it)) > 0)
        itab(w, t, iface);
    else
        rtype(w, t);
}

/* lookupObj: the object an identifier (possibly qualified, possibly
 * instantiated) denotes, and its record (type arguments) */
static TyObject *lookup_obj(SynNode *e, TyTV **idtv)
{
    if (e->kind == SYN_INDEX_EXPR) {
        SynIndexExpr *ix = (SynIndexExpr *)e;
        if (ix->index->kind != SYN_LIST_EXPR) {
            TyTV *itv = ty_tv(ix->index);
            if (!itv || itv->mode != TY_MODE_TYPEXPR)
                return NULL; /* a normal index expression */
        }
        e = syn_unparen(ix->x);
    }
    return lw_lookup_obj(e, idtv);
}

/* the receiver's type after the selection's implicit field steps and the
 * & or * the method needs (writer.recvExpr) */
static TyType *recv_type(TyType *typ, TySelection *sel)
{
    typ = lw_embedded_path(typ, sel->index, sel->nindex ? sel->nindex - 1 : 0, NULL);
    if (!typ)
        return NULL;
    TySignature *ms = ty_as_signature(sel->obj->type);
    TyType *recv = ms && ms->recv ? ms->recv->type : NULL;
    if (recv && (lw_is_ptr_to(typ, recv) || lw_is_ptr_to(recv, typ)))
        typ = recv;
    return typ;
}

static void selector(DW *w, SynSelectorExpr *e)
{
    TyTV *tv = ty_tv(&e->n);
    TySelection *sel = tv ? tv->sel : NULL;
    if (!sel || sel->kind == TY_FIELD_VAL) {
        expr(w, e->x);
        return;
    }
    if (sel->kind == TY_METHOD_VAL) {
        expr(w, e->x);
        method_expr(w, &e->n, recv_type(type_of(syn_unparen(e->x)), sel), sel->obj);
        return;
    }
    /* T.M: the receiver type is the type expression's */
    method_expr(w, &e->n, recv_type(type_of(e->x), sel), sel->obj);
}

static TyType *map_core(TyType *t)
{
    TyType *c = t ? ty_core_type(t) : NULL;
    return c && c->kind == TY_MAP ? c : NULL;
}

static TyType *slice_elem(TyType *t)
{
    TyType *c = t ? ty_core_type(t) : NULL;
    return c && c->kind == TY_SLICE ? TY_AS(TySlice, c)->elem : NULL;
}

static TyType *tuple_first(TyType *t)
{
    if (t && t->kind == TY_TUPLE)
        return TY_AS(TyTuple, t)->len ? TY_AS(TyTuple, t)->vars[0]->type : NULL;
    return t;
}

static int builtin_of(SynNode *fun)
{
    if (fun->kind == SYN_SELECTOR_EXPR)
        fun = &((SynSelectorExpr *)fun)->sel->n;
    TyTV *tv = fun->kind == SYN_NAME ? ty_tv(fun) : NULL;
    TyObject *o = tv ? ty_tv_used(tv) : NULL;
    return o && o->kind == TY_OBJ_BUILTIN ? (int)o->u.builtin : -1;
}

/* writer.multiExpr: values exprs[0..n) assigned to dst(i) (ndst of them,
 * dst NULL for the blank identifier); a single multi-valued expression
 * converts each of its values */
typedef TyType *DstFn(void *ctx, uint32_t i);

static void multi_expr(DW *w, DstFn *dst, void *ctx, uint32_t ndst, SynNode **exprs, uint32_t n)
{
    if (n == 1) {
        SynNode *e = syn_unparen(exprs[0]);
        TyTV *tv = ty_tv(e);
        TyType *t = tv ? tv->type : NULL;
        bool tuple = t && t->kind == TY_TUPLE && TY_AS(TyTuple, t)->len > 1;
        bool commaok = !tuple && ndst == 2 && tv &&
                       (tv->mode == TY_MODE_COMMAOK || tv->mode == TY_MODE_MAPINDEX);
        if (tuple || commaok) {
            expr(w, e);
            uint32_t len = tuple ? TY_AS(TyTuple, t)->len : 2;
            for (uint32_t i = 0; i < len; i++) {
                TyType *src = tuple ? TY_AS(TyTuple, t)->vars[i]->type
                                    : i == 0 ? t : ty_typ(w->lw->env, TY_BOOL);
                TyType *d = i < ndst ? dst(ctx, i) : NULL;
                if (d && src && !ty_identical(src, d))
                    itab(w, src, d);
            }
            return;
        }
    }
    for (uint32_t i = 0; i < n; i++)
        implicit_conv(w, i < ndst ? dst(ctx, i) : NULL, exprs[i]);
}

typedef struct CallDst {
    TySignature *sig;
    bool dots;
    TyType *only;   /* every parameter has this type (panic) */
} CallDst;

static TyType *call_dst(void *ctx, uint32_t i)
{
    CallDst *c = ctx;
    if (c->only)
        return c->only;
    if (!c->sig)
        return NULL;
    uint32_t np = c->sig->params->len;
    if (c->sig->variadic && !c->dots && i + 1 >= np) {
        TyType *last = np ? c->sig->params->vars[np - 1]->type : NULL;
        TyType *u = last ? ty_under(last) : NULL;
        return u && u->kind == TY_SLICE ? TY_AS(TySlice, u)->elem : NULL;
    }
    return i < np ? c->sig->params->vars[i]->type : NULL;
}

static void call(DW *w, SynCallExpr *e)
{
    SynNode *fun = syn_unparen(e->fun);
    TyTV *ftv = ty_tv(e->fun);
    if (!ftv)
        return;
    if (ftv->mode == TY_MODE_TYPEXPR) {
        if (e->args.len == 1)
            convert_expr(w, ftv->type, e->args.items[0], false);
        return;
    }
    TyType *after = NULL; /* the rtype written after the arguments */
    CallDst cd = {0};
    cd.dots = (e->n.flags & SYN_F_HASDOTS) != 0;
    if (ftv->mode == TY_MODE_BUILTIN) {
        TyType *rt = type_of(&e->n);
        switch (builtin_of(fun)) {
        case TY_BI_MAKE:
            if (e->args.len) {
                expr_type(w, NULL, e->args.items[0]);
                for (uint32_t i = 1; i < e->args.len; i++)
                    expr(w, e->args.items[i]);
                TyType *c = rt ? ty_core_type(rt) : NULL;
                if (c && (c->kind == TY_CHAN || c->kind == TY_MAP))
                    rtype(w, rt);
                else if (c && c->kind == TY_SLICE)
                    rtype(w, TY_AS(TySlice, c)->elem);
            }
            return;
        case TY_BI_NEW:
            if (e->args.len) {
                TyTV *atv = ty_tv(e->args.items[0]);
                if (atv && atv->mode == TY_MODE_TYPEXPR)
                    expr_type(w, NULL, e->args.items[0]);
                else
                    expr(w, e->args.items[0]);
            }
            return;
        case TY_BI_SIZEOF:
        case TY_BI_ALIGNOF:
        case TY_BI_OFFSETOF:
            return;
        case TY_BI_APPEND:
        case TY_BI_SLICE:
            after = slice_elem(rt);
            break;
        case TY_BI_COPY:
            after = e->args.len ? slice_elem(tuple_first(type_of(syn_unparen(e->args.items[0])))) : NULL;
            break;
        case TY_BI_DELETE:
            after = e->args.len ? tuple_first(type_of(syn_unparen(e->args.items[0]))) : NULL;
            break;
        case TY_BI_PANIC:
            cd.only = w->panic_param;
            break;
        default:
            break;
        }
        /* the other builtins' recorded signatures take their arguments'
         * own types (types2 makeSig): no conversions */
        if (!cd.only) {
            for (uint32_t i = 0; i < e->args.len; i++)
                expr(w, e->args.items[i]);
            if (after)
                rtype(w, after);
            return;
        }
    } else {
        TyTV *stv = fun->kind == SYN_SELECTOR_EXPR ? ty_tv(fun) : NULL;
        TySelection *sel = stv ? stv->sel : NULL;
        TyTV *idtv = NULL;
        TyObject *obj;
        if (sel && sel->kind == TY_METHOD_VAL) {
            SynSelectorExpr *s = (SynSelectorExpr *)fun;
            expr(w, s->x);
            method_expr(w, fun, recv_type(type_of(syn_unparen(s->x)), sel), sel->obj);
        } else if ((obj = lookup_obj(fun, &idtv)) && idtv->targs.len && obj->kind == TY_OBJ_FUNC) {
            subdict(w, fun, lw_origin(obj), idtv->targs);
        } else {
            expr(w, fun);
        }
        TyType *c = ftv->type ? ty_core_type(ftv->type) : NULL;
        cd.sig = c && c->kind == TY_SIGNATURE ? TY_AS(TySignature, c) : NULL;
    }
    uint32_t ndst = cd.only ? e->args.len : cd.sig ? UINT32_MAX : 0;
    multi_expr(w, call_dst, &cd, ndst, e->args.items, e->args.len);
    if (after)
        rtype(w, after);
}

static void composite_lit(DW *w, SynCompositeLit *e)
{
    TyType *typ = type_of(&e->n);
    TyType *c = typ ? ty_core_type(typ) : NULL;
    if (c && c->kind == TY_POINTER) {
        typ = TY_AS(TyPointer, c)->base;
        c = ty_core_type(typ);
    }
    TyType *key = NULL, *elem = NULL;
    TyStruct *st = NULL;
    if (c) {
        switch (c->kind) {
        case TY_ARRAY: elem = TY_AS(TyArray, c)->elem; break;
        case TY_SLICE: elem = TY_AS(TySlice, c)->elem; break;
        case TY_MAP:
            rtype(w, typ);
            key = TY_AS(TyMap, c)->key;
            elem = TY_AS(TyMap, c)->elem;
            break;
        case TY_STRUCT: st = TY_AS(TyStruct, c); break;
        default: break;
        }
    }
    for (uint32_t i = 0; i < e->elems.len; i++) {
        SynNode *el = e->elems.items[i];
        TyType *et = elem;
        if (st) {
            uint32_t fi = i;
            if (el->kind == SYN_KEY_VALUE_EXPR) {
                SynKeyValueExpr *kv = (SynKeyValueExpr *)el;
                TyTV *ktv = ty_tv(kv->key);
                TyObject *f = ktv ? ty_tv_used(ktv) : NULL;
                fi = UINT32_MAX;
                for (uint32_t k = 0; f && k < st->nfields; k++)
                    if (st->fields[k] == f || (st->fields[k]->name == f->name && st->fields[k]->pkg == f->pkg))
                        fi = k;
                el = kv->value;
            }
            et = fi < st->nfields ? st->fields[fi]->type : NULL;
        } else if (el->kind == SYN_KEY_VALUE_EXPR) {
            SynKeyValueExpr *kv = (SynKeyValueExpr *)el;
            implicit_conv(w, key, kv->key);
            el = kv->value;
        }
        implicit_conv(w, et, el);
    }
}

/* writer.addLocal's varDictIndex: a variable of a derived type names its
 * type's rtype word (gc's Name.DictIndex, set when the layout is done) */
static void add_local(DW *w, TyObject *v)
{
    if (!v)
        return;
    rtype_info(w, v->type);
    TyType *t = tkey(v->type);
    uintptr_t idx = t ? (uintptr_t)ptrmap_get(&w->rtypes, PMKEY(t)) : 0;
    if (idx)
        ptrmap_put(&w->vars, PMKEY(v), (void *)idx);
}

static void declare_params(DW *w, TySignature *sig)
{
    if (sig->recv)
        add_local(w, sig->recv);
    for (uint32_t i = 0; sig->params && i < sig->params->len; i++)
        add_local(w, sig->params->vars[i]);
    for (uint32_t i = 0; sig->results && i < sig->results->len; i++)
        add_local(w, sig->results->vars[i]);
}

static void body(DW *w, TySignature *sig, SynBlockStmt *b)
{
    TySignature *save = w->sig;
    w->sig = sig;
    declare_params(w, sig);
    if (b)
        stmts(w, b->list);
    w->sig = save;
}

static void expr(DW *w, SynNode *e)
{
    if (!e)
        return;
    e = syn_unparen(e);
    TyTV *tv = ty_tv(e);
    if (tv && tv->mode == TY_MODE_CONSTANT && !ty_const_is_unknown(tv->val))
        return;
    TyTV *idtv = NULL;
    TyObject *obj = lookup_obj(e, &idtv);
    if (obj) {
        if (idtv->targs.len && obj->kind == TY_OBJ_FUNC)
            subdict(w, e, lw_origin(obj), idtv->targs);
        return;
    }
    switch (e->kind) {
    case SYN_COMPOSITE_LIT:
        composite_lit(w, (SynCompositeLit *)e);
        return;
    case SYN_FUNC_LIT: {
        TySignature *sig = tv && tv->type ? ty_as_signature(tv->type) : NULL;
        if (sig)
            body(w, sig, ((SynFuncLit *)e)->body);
        return;
    }
    case SYN_SELECTOR_EXPR:
        selector(w, (SynSelectorExpr *)e);
        return;
    case SYN_INDEX_EXPR: {
        SynIndexExpr *ix = (SynIndexExpr *)e;
        TyType *xt = type_of(syn_unparen(ix->x));
        TyType *m = map_core(xt);
        expr(w, ix->x);
        implicit_conv(w, m ? TY_AS(TyMap, m)->key : NULL, ix->index);
        if (m)
            rtype(w, xt);
        return;
    }
    case SYN_SLICE_EXPR: {
        SynSliceExpr *s = (SynSliceExpr *)e;
        expr(w, s->x);
        for (int i = 0; i < 3; i++)
            opt_expr(w, s->index[i]);
        return;
    }
    case SYN_ASSERT_EXPR: {
        SynAssertExpr *a = (SynAssertExpr *)e;
        TyType *iface = type_of(syn_unparen(a->x));
        expr(w, a->x);
        expr_type(w, iface, a->type);
        rtype(w, iface);
        return;
    }
    case SYN_OPERATION: {
        SynOperation *o = (SynOperation *)e;
        if (!o->y) {
            expr(w, o->x);
            return;
        }
        TyType *common = NULL;
        if (o->n.op != SYN_SHL && o->n.op != SYN_SHR) {
            TyType *xt = type_of(syn_unparen(o->x)), *yt = type_of(syn_unparen(o->y));
            if (lw_assignable(w->lw, xt, yt))
                common = yt;
            else if (lw_assignable(w->lw, yt, xt))
                common = xt;
        }
        implicit_conv(w, common, o->x);
        implicit_conv(w, common, o->y);
        return;
    }
    case SYN_CALL_EXPR:
        call(w, (SynCallExpr *)e);
        return;
    default:
        return;
    }
}

/* ---- statements ------------------------------------------------------------------- */

static bool is_blank(SynNode *e)
{
    return e->kind == SYN_NAME && ((SynName *)e)->value->len == 1 && ((SynName *)e)->value->name[0] == '_';
}

/* the object a name defines here, if it does */
static TyObject *def_of(SynNode *e)
{
    if (e->kind != SYN_NAME)
        return NULL;
    TyTV *tv = ty_tv(e);
    return tv && (tv->flags & TY_TV_DEF) && tv->obj && tv->obj->kind == TY_OBJ_VAR ? tv->obj : NULL;
}

/* writer.assign */
static void assign(DW *w, SynNode *e)
{
    e = syn_unparen(e);
    if (is_blank(e))
        return;
    TyObject *d = def_of(e);
    if (d) {
        add_local(w, d);
        return;
    }
    expr(w, e);
}

typedef struct AssignDst {
    SynNode **lhs;
    uint32_t n;
} AssignDst;

static TyType *assign_dst(void *ctx, uint32_t i)
{
    AssignDst *a = ctx;
    if (i >= a->n)
        return NULL;
    SynNode *d = syn_unparen(a->lhs[i]);
    if (d->kind == SYN_NAME) {
        if (is_blank(d))
            return NULL;
        TyTV *tv = ty_tv(d);
        TyObject *o = tv ? ((tv->flags & TY_TV_DEF) ? tv->obj : ty_tv_used(tv)) : NULL;
        if (!o && tv)
            o = ty_tv_used(tv);
        if (o && o->kind == TY_OBJ_VAR)
            return o->type;
    }
    return type_of(d);
}

static void assign_stmt(DW *w, SynNode *lhs0, SynNode *rhs0)
{
    uint32_t nl, nr;
    SynNode **lhs = lw_unpack_list(w->lw, lhs0, &nl);
    SynNode **rhs = lw_unpack_list(w->lw, rhs0, &nr);
    for (uint32_t i = 0; i < nl; i++)
        assign(w, lhs[i]);
    AssignDst ad = {lhs, nl};
    multi_expr(w, assign_dst, &ad, nl, rhs, nr);
}

typedef struct ResultDst {
    TySignature *sig;
} ResultDst;

static TyType *result_dst(void *ctx, uint32_t i)
{
    ResultDst *r = ctx;
    return r->sig && i < r->sig->results->len ? r->sig->results->vars[i]->type : NULL;
}

static TyType *array_ptr_deref(TyType *t)
{
    TyType *u = t ? ty_unalias(t) : NULL;
    if (u && u->kind == TY_POINTER) {
        TyType *a = ty_under(TY_AS(TyPointer, u)->base);
        if (a && a->kind == TY_ARRAY)
            return a;
    }
    return t;
}

/* types2.RangeKeyVal */
static void range_key_val(DW *w, TyType *orig, TyType **key, TyType **val)
{
    *key = *val = NULL;
    TyType *c = orig ? ty_core_type(orig) : NULL;
    c = array_ptr_deref(c);
    if (!c)
        return;
    c = ty_under(c);
    switch (c->kind) {
    case TY_BASIC:
        if (TY_AS(TyBasic, c)->info & TY_IS_STRING) {
            *key = ty_typ(w->lw->env, TY_INT);
            *val = &w->lw->env->basic[TY_RUNE]->t;
        } else if (TY_AS(TyBasic, c)->info & TY_IS_INTEGER) {
            *key = orig;
        }
        return;
    case TY_ARRAY:
        *key = ty_typ(w->lw->env, TY_INT);
        *val = TY_AS(TyArray, c)->elem;
        return;
    case TY_SLICE:
        *key = ty_typ(w->lw->env, TY_INT);
        *val = TY_AS(TySlice, c)->elem;
        return;
    case TY_MAP:
        *key = TY_AS(TyMap, c)->key;
        *val = TY_AS(TyMap, c)->elem;
        return;
    case TY_CHAN:
        *key = TY_AS(TyChan, c)->elem;
        return;
    default:
        return;
    }
}

static void range_stmt(DW *w, SynForStmt *s, SynRangeClause *rc)
{
    uint32_t nl;
    SynNode **lhs = lw_unpack_list(w->lw, rc->lhs, &nl);
    for (uint32_t i = 0; i < nl; i++)
        assign(w, lhs[i]);
    expr(w, rc->x);
    TyType *xt = type_of(syn_unparen(rc->x));
    if (map_core(xt))
        rtype(w, xt);
    TyType *kv[2];
    range_key_val(w, xt, &kv[0], &kv[1]);
    for (uint32_t i = 0; i < 2 && i < nl; i++) {
        SynNode *d = syn_unparen(lhs[i]);
        if (is_blank(d))
            continue;
        TyObject *def = (rc->n.flags & SYN_F_DEF) ? def_of(d) : NULL;
        TyType *dt = def ? def->type : type_of(d);
        itab(w, kv[i], dt);
    }
    stmts(w, s->body->list);
}

static void switch_stmt(DW *w, SynSwitchStmt *s)
{
    stmt(w, s->init);
    uint32_t ncl = s->body.len;
    SynCaseClause **cl = ARENA_ARRAY(w->lw->a, SynCaseClause *, ncl ? ncl : 1);
    for (uint32_t i = 0; i < ncl; i++)
        cl[i] = (SynCaseClause *)s->body.items[i];
    if (s->tag && s->tag->kind == SYN_TYPE_SWITCH_GUARD) {
        SynTypeSwitchGuard *g = (SynTypeSwitchGuard *)s->tag;
        TyType *iface = type_of(syn_unparen(g->x));
        expr(w, g->x);
        for (uint32_t i = 0; i < ncl; i++) {
            uint32_t nc;
            SynNode **cases = lw_unpack_list(w->lw, cl[i]->cases, &nc);
            for (uint32_t k = 0; k < nc; k++) {
                TyTV *ctv = ty_tv(cases[k]);
                if (ctv && (ctv->mode == TY_MODE_NILVALUE ||
                            (ctv->type && ctv->type->kind == TY_BASIC &&
                             TY_AS(TyBasic, ctv->type)->bkind == TY_UNTYPED_NIL)))
                    continue;
                expr_type(w, iface, cases[k]);
            }
            TyTV *ctv = ty_tv(&cl[i]->n);
            if (ctv && (ctv->flags & TY_TV_IMPLICIT) && ctv->obj)
                add_local(w, ctv->obj);
            stmts(w, cl[i]->body);
        }
        return;
    }
    LwClause *lc = ARENA_ARRAY(w->lw->a, LwClause, ncl ? ncl : 1);
    for (uint32_t i = 0; i < ncl; i++)
        lc[i] = (LwClause){cl[i], false};
    SynNode *tag;
    TyType *tag_type;
    bool tag_is_chan;
    ncl = lw_expr_switch(w->lw, s, lc, &tag, &tag_type, &tag_is_chan);
    /* the cases need `any`: types2.NewInterfaceType(nil, nil), a type
     * object of its own */
    if (tag_type == w->lw->env->empty_interface)
        tag_type = &ty_new_interface(w->lw->env, NULL, 0, NULL, 0)->t;
    if (tag)
        implicit_conv(w, tag_type, tag);
    for (uint32_t i = 0; i < ncl; i++) {
        uint32_t nc = 0;
        SynNode **cases = lc[i].as_default ? NULL : lw_unpack_list(w->lw, lc[i].c->cases, &nc);
        for (uint32_t k = 0; k < nc; k++)
            implicit_conv(w, tag_is_chan ? NULL : tag_type, cases[k]);
        stmts(w, lc[i].c->body);
    }
}

static void stmt(DW *w, SynNode *s)
{
    if (!s)
        return;
    switch (s->kind) {
    case SYN_ASSIGN_STMT: {
        SynAssignStmt *a = (SynAssignStmt *)s;
        if (!a->rhs) {
            expr(w, a->lhs);
        } else if (a->n.op != SYN_OP_NONE && a->n.op != SYN_DEF) {
            expr(w, a->lhs);
            TyType *t = a->n.op != SYN_SHL && a->n.op != SYN_SHR ? type_of(syn_unparen(a->lhs)) : NULL;
            implicit_conv(w, t, a->rhs);
        } else {
            assign_stmt(w, a->lhs, a->rhs);
        }
        return;
    }
    case SYN_BLOCK_STMT:
        stmts(w, ((SynBlockStmt *)s)->list);
        return;
    case SYN_CALL_STMT:
        expr(w, ((SynCallStmt *)s)->call);
        opt_expr(w, ((SynCallStmt *)s)->defer_at);
        return;
    case SYN_DECL_STMT: {
        SynDeclStmt *d = (SynDeclStmt *)s;
        for (uint32_t i = 0; i < d->decls.len; i++) {
            if (d->decls.items[i]->kind != SYN_VAR_DECL)
                continue;
            SynVarDecl *vd = (SynVarDecl *)d->decls.items[i];
            for (uint32_t k = 0; k < vd->names.len; k++)
                assign(w, vd->names.items[k]);
            AssignDst ad = {vd->names.items, vd->names.len};
            uint32_t nr;
            SynNode **rhs = lw_unpack_list(w->lw, vd->values, &nr);
            multi_expr(w, assign_dst, &ad, vd->names.len, rhs, nr);
        }
        return;
    }
    case SYN_EXPR_STMT:
        expr(w, ((SynExprStmt *)s)->x);
        return;
    case SYN_FOR_STMT: {
        SynForStmt *f = (SynForStmt *)s;
        if (f->init && f->init->kind == SYN_RANGE_CLAUSE) {
            range_stmt(w, f, (SynRangeClause *)f->init);
            return;
        }
        SynNode *cond = f->cond, *post = f->post;
        bool dead = false;
        if (cond && lw_static_bool(w->lw, &cond) < 0) {
            post = NULL;
            dead = true;
        }
        stmt(w, f->init);
        opt_expr(w, cond);
        stmt(w, post);
        if (!dead)
            stmts(w, f->body->list);
        return;
    }
    case SYN_IF_STMT: {
        SynIfStmt *is = (SynIfStmt *)s;
        SynNode *cond = is->cond;
        int v = cond ? lw_static_bool(w->lw, &cond) : 0;
        stmt(w, is->init);
        opt_expr(w, cond);
        if (v >= 0)
            stmts(w, is->then->list);
        if (v <= 0)
            stmt(w, is->els);
        return;
    }
    case SYN_LABELED_STMT:
        stmt(w, ((SynLabeledStmt *)s)->stmt);
        return;
    case SYN_RETURN_STMT: {
        SynReturnStmt *r = (SynReturnStmt *)s;
        uint32_t n;
        SynNode **res = lw_unpack_list(w->lw, r->results, &n);
        ResultDst rd = {w->sig};
        multi_expr(w, result_dst, &rd, w->sig ? w->sig->results->len : 0, res, n);
        return;
    }
    case SYN_SELECT_STMT: {
        SynSelectStmt *sel = (SynSelectStmt *)s;
        for (uint32_t i = 0; i < sel->body.len; i++) {
            SynCommClause *c = (SynCommClause *)sel->body.items[i];
            stmt(w, c->comm);
            stmts(w, c->body);
        }
        return;
    }
    case SYN_SEND_STMT: {
        SynSendStmt *ss = (SynSendStmt *)s;
        TyType *ct = type_of(syn_unparen(ss->chan));
        TyType *c = ct ? ty_core_type(ct) : NULL;
        expr(w, ss->chan);
        implicit_conv(w, c && c->kind == TY_CHAN ? TY_AS(TyChan, c)->elem : NULL, ss->value);
        return;
    }
    case SYN_SWITCH_STMT:
        switch_stmt(w, (SynSwitchStmt *)s);
        return;
    default:
        return;
    }
}

/* writer.stmts: the same dead-code rule as the lowering */
static void stmt_cb(void *ctx, SynNode *s) { stmt(ctx, s); }

static void stmts(DW *w, SynList list) { lw_live_stmts(w->lw, list, stmt_cb, w); }

/* ---- layouts ------------------------------------------------------------------------- */

static SynFuncDecl *decl_of(Lower *lw, TyObject *f)
{
    return ptrmap_get(&lw->p->generic_decls, PMKEY(f));
}

static void walk_func(DW *w, TyObject *f)
{
    TySignature *sig = ty_as_signature(f->type);
    if (!sig)
        return;
    SynFuncDecl *d = decl_of(w->lw, f);
    w->tparams = sig->recv ? sig->rparams : sig->tparams;
    body(w, sig, d ? d->body : NULL);
}

/* GOESC_DICT=1: each layout on stderr, for comparing with what gc's
 * messages show (a debugging aid, like GOESC_TAINT) */
static void dump_layout(DW *w, TyObject *owner)
{
    LwDict *d = w->d;
    TyEnv *env = w->lw->env;
    Buf b = {0};
    fprintf(stderr, "dict %s.%s: %u mexpr %u sub %u rtype %u itab\n", owner->pkg ? owner->pkg->path : "",
            owner->name->name, d->nmexpr, d->nsub, d->nrtype, d->nitab);
    for (uint32_t i = 0; i < d->nsub; i++) {
        buf_reset(&b);
        for (uint32_t k = 0; k < w->subs[i].targs.len; k++) {
            if (k)
                buf_putc(&b, ',');
            ty_type_string(env, &b, w->subs[i].targs.items[k], NULL, NULL);
        }
        fprintf(stderr, "  sub %u %s[%s]\n", i, w->subs[i].gen->name->name, buf_str(&b));
    }
    for (uint32_t i = 0; i < w->rtypes.cap; i++) {
        if (!w->rtypes.keys[i])
            continue;
        buf_reset(&b);
        ty_type_string(env, &b, (TyType *)(uintptr_t)w->rtypes.keys[i], NULL, NULL);
        fprintf(stderr, "  rtype %u %s\n", (unsigned)((uintptr_t)w->rtypes.vals[i] - 1), buf_str(&b));
    }
    for (uint32_t i = 0; i < d->nitab; i++) {
        buf_reset(&b);
        ty_type_string(env, &b, w->itabs[i].typ, NULL, NULL);
        buf_puts(&b, " -> ");
        ty_type_string(env, &b, w->itabs[i].iface, NULL, NULL);
        fprintf(stderr, "  itab %u %s\n", i, buf_str(&b));
    }
    buf_free(&b);
}

const LwDict *lw_dict_layout(Lower *lw, TyObject *owner)
{
    owner = lw_origin(owner);
    if (!owner)
        return NULL;
    IrProgram *p = lw->p;
    LwDict *d = ptrmap_get(&p->dict_layouts, PMKEY(owner));
    if (d)
        return d;
    d = ARENA_NEW(lw->a, LwDict);
    memset(d, 0, sizeof *d);
    ptrmap_put(&p->dict_layouts, PMKEY(owner), d);
    DW w;
    memset(&w, 0, sizeof w);
    w.lw = lw;
    w.d = d;
    w.panic_param = &ty_new_interface(lw->env, NULL, 0, NULL, 0)->t;
    if (owner->kind == TY_OBJ_FUNC) {
        walk_func(&w, owner);
    } else if (owner->kind == TY_OBJ_TYPENAME) {
        TyNamed *n = ty_as_named(owner->type);
        for (uint32_t i = 0; n && i < n->orig->nmethods; i++)
            walk_func(&w, n->orig->methods[i]);
    }
    if (getenv("GOESC_DICT"))
        dump_layout(&w, owner);
    d->subs = w.subs;
    d->itabs = w.itabs;
    d->rtypes = w.rtype_list;
    /* reader.varDictIndex: 1 + the rtypes section's offset + the index */
    for (uint32_t i = 0; i < w.vars.cap; i++)
        if (w.vars.keys[i])
            ptrmap_put(&p->dict_var_index, w.vars.keys[i],
                       (void *)(uintptr_t)(d->nmexpr + d->nsub + (uintptr_t)w.vars.vals[i]));
    ptrmap_free(&w.vars);
    ptrmap_free(&w.rtypes);
    return d;
}

int64_t lw_dict_words(const LwDict *d)
{
    return d ? (int64_t)d->nmexpr + d->nsub + d->nrtype + d->nitab : 1;
}

int64_t lw_dict_site(const LwDict *d, SynNode *site)
{
    uintptr_t v = d && site ? (uintptr_t)ptrmap_get(&d->site, PMKEY(site)) : 0;
    if (!v)
        return -1;
    v--;
    return (v & 1) ? (int64_t)d->nmexpr + (int64_t)(v >> 1) : (int64_t)(v >> 1);
}

void ir_dict_layouts_free(IrProgram *p)
{
    ptrmap_free(&p->dict_var_index);
    PtrMap *m = &p->dict_layouts;
    for (uint32_t i = 0; i < m->cap; i++)
        if (m->keys[i])
            ptrmap_free(&((LwDict *)m->vals[i])->site);
    ptrmap_free(m);
}

uint32_t lw_dict_nsubs(const LwDict *d) { return d ? d->nsub : 0; }

uint32_t lw_dict_nitabs(const LwDict *d) { return d ? d->nitab : 0; }

uint32_t lw_dict_nrtypes(const LwDict *d) { return d ? d->nrtype : 0; }

TyType *lw_dict_rtype(const LwDict *d, uint32_t i, TyTParamList *tparams)
{
    *tparams = d->rtypes[i].tparams;
    return d->rtypes[i].t;
}

TyObject *lw_dict_sub(const LwDict *d, uint32_t i, TyTypeList *targs, TyTParamList *tparams)
{
    *targs = d->subs[i].targs;
    *tparams = d->subs[i].tparams;
    return d->subs[i].gen;
}

void lw_dict_itab(const LwDict *d, uint32_t i, TyType **typ, TyType **iface, TyTParamList *tparams)
{
    *typ = d->itabs[i].typ;
    *iface = d->itabs[i].iface;
    *tparams = d->itabs[i].tparams;
}
