/*
 * Generic code (docs/escape-ir.md §2.15): gc compiles each instantiation
 * a package uses as a *shaped* function F[go.shape.int] (type arguments
 * replaced by shape types, an extra .dict parameter after the receiver)
 * plus a non-shaped wrapper F[int] that tail-calls it with its runtime
 * dictionary; calls in user code call the shaped function directly.  All
 * of them are Dupok.
 *
 * The shaped body is the generic body lowered by the ordinary lowering
 * code: before lowering it, every type-checker record (TyTV) of the
 * generic declaration's syntax is replaced by a copy substituted under
 * the type-parameter -> shape map (locals and parameters whose types
 * change get cloned objects), and the originals are put back afterwards.
 * Two marks in the copies tell the lowering where gc uses the dictionary:
 * LW_TV_DERIVED (the record's type mentioned a type parameter: new(T),
 * x.(T) and type-switch cases become ODYNAMICTYPE / ODYNAMICDOTTYPE) and
 * LW_TV_TPMETHOD (a method selected on a type parameter: a call through
 * the dictionary's method-expression word, a dynamic call).
 *
 * Which instantiations a package compiles follows gc's reader: whenever it
 * reads a type (declarations, the types of the IR it builds, transitively
 * through named types' underlying types and method signatures) an
 * instance of a generic type has all its methods instantiated (wrappers,
 * and through todoDicts the shaped type's methods); a reference to an
 * instantiated function reads the wrapper and the shaped function.  Bodies
 * go on the same LIFO stack as the package's own (gc's todoBodies) and an
 * instantiation joins Target.Funcs when its body has been read.
 */
#include "lower.h"
#include "../types/generics.h"

#include <string.h>

/* ---- small helpers ------------------------------------------------------------- */

static TyType *under(TyType *t) { return t ? ty_under(t) : NULL; }

static bool is_shape(TyType *t)
{
    t = t ? ty_unalias(t) : NULL;
    if (!t || t->kind != TY_NAMED)
        return false;
    TyObject *o = TY_AS(TyNamed, t)->obj;
    return o && o->pkg && o->pkg->path && strcmp(o->pkg->path, "go.shape") == 0;
}

bool lw_type_mentions(TyType *t, bool (*leaf)(TyType *), unsigned what, int depth)
{
    bool with_recv = (what & LW_TM_RECV) != 0;
    if (!t || depth > 64)
        return false;
    t = ty_unalias(t);
    if (leaf(t))
        return true;
#define SUB(x) lw_type_mentions((x), leaf, what, depth + 1)
    switch (t->kind) {
    case TY_NAMED: {
        TyNamed *n = TY_AS(TyNamed, t);
        for (uint32_t i = 0; i < n->targs.len; i++)
            if (SUB(n->targs.items[i]))
                return true;
        return false;
    }
    case TY_POINTER: return SUB(TY_AS(TyPointer, t)->base);
    case TY_SLICE: return SUB(TY_AS(TySlice, t)->elem);
    case TY_ARRAY: return SUB(TY_AS(TyArray, t)->elem);
    case TY_CHAN: return SUB(TY_AS(TyChan, t)->elem);
    case TY_MAP: return SUB(TY_AS(TyMap, t)->key) || SUB(TY_AS(TyMap, t)->elem);
    case TY_STRUCT: {
        TyStruct *st = TY_AS(TyStruct, t);
        for (uint32_t i = 0; i < st->nfields; i++)
            if (SUB(st->fields[i]->type))
                return true;
        return false;
    }
    case TY_TUPLE: {
        TyTuple *tu = TY_AS(TyTuple, t);
        for (uint32_t i = 0; i < tu->len; i++)
            if (SUB(tu->vars[i]->type))
                return true;
        return false;
    }
    case TY_SIGNATURE: {
        TySignature *sg = TY_AS(TySignature, t);
        return (with_recv && sg->recv && SUB(sg->recv->type)) || SUB(&sg->params->t) || SUB(&sg->results->t);
    }
    case TY_INTERFACE: {
        /* (a method's receiver is the interface itself: walking it again
         * would only repeat this, exponentially in the methods) */
        TyInterface *it = TY_AS(TyInterface, t);
        for (uint32_t i = 0; i < it->nmethods; i++)
            if (lw_type_mentions(it->methods[i]->type, leaf, what & ~LW_TM_RECV, depth + 1))
                return true;
        for (uint32_t i = 0; (what & LW_TM_ELEMS) && i < it->nembeddeds; i++)
            if (SUB(it->embeddeds[i]))
                return true;
        return false;
    }
    case TY_UNION: {
        TyUnion *u = TY_AS(TyUnion, t);
        for (uint32_t i = 0; (what & LW_TM_ELEMS) && i < u->nterms; i++)
            if (SUB(u->terms[i].type))
                return true;
        return false;
    }
    default:
        return false;
    }
#undef SUB
}

static bool is_tparam(TyType *t) { return t->kind == TY_TYPEPARAM; }
static bool mentions_tparam(TyType *t, int depth);
static void read_type(Lower *lw, TyType *t, int depth);

/* types.Type.HasShape */
bool lw_is_shape(TyType *t) { return is_shape(t); }

bool lw_has_shape(TyType *t) { return lw_type_mentions(t, is_shape, LW_TM_RECV, 0); }

static bool targs_have_shape(TyTypeList targs)
{
    for (uint32_t i = 0; i < targs.len; i++)
        if (lw_has_shape(targs.items[i]))
            return true;
    return false;
}

/* the type parameter's constraint is a basic interface (methods only) */
static bool basic_constraint(Lower *lw, TyTypeParam *tp)
{
    TyInterface *it = tp->bound ? ty_as_interface(tp->bound) : NULL;
    if (!it)
        return false;
    TyTypeSet *ts = ty_interface_typeset(lw->env, it);
    return ts && gx_typeset_is_method_set(ts);
}

/* ---- shapes (reader.shapify) --------------------------------------------------- */

static TyTypeList reshape_targs(void *ctx, TyNamed *orig, TyTypeList targs);

TyType *lw_shapify(Lower *lw, TyType *targ, bool basic)
{
    IrProgram *p = lw->p;
    targ = ty_unalias(targ);
    TyType *u = under(targ);
    if (!u)
        return targ;
    bool ptrshape = basic && u->kind == TY_POINTER && !ir_type_not_in_heap(TY_AS(TyPointer, u)->base);
    if (ptrshape) {
        TyType *elem = TY_AS(TyPointer, u)->base;
        if (!is_shape(elem) && lw_has_shape(elem))
            return targ;
        u = ty_new_pointer(lw->env, ty_typ(lw->env, TY_UINT8));
    }
    if (u->kind == TY_INTERFACE && targ->kind == TY_NAMED && TY_AS(TyNamed, targ)->targs.len && lw_has_shape(targ))
        return targ;
    if (!ptrshape && targ->kind == TY_NAMED) {
        /* a shaped instance's underlying type as the reader makes it: its
         * instances shapified, but for itself (being read) */
        TyNamed *tn = TY_AS(TyNamed, targ);
        TyNamed *orig = tn->orig;
        if (orig && orig != tn && orig->underlying && tn->targs.len == orig->tparams.len &&
            targs_have_shape(tn->targs)) {
            SubstMap m = {.from = orig->tparams.items, .to = tn->targs.items, .len = tn->targs.len,
                          .targs_hook = reshape_targs, .hook_ctx = lw};
            ptrvec_push(&lw->forw, tn);
            TyType *u2 = gx_subst(NULL, lw->env, NOPOS, orig->underlying, m, NULL);
            lw->forw.len--;
            if (u2)
                u = u2;
        }
    }
    Buf b = {0};
    ir_fmt_type_link(&b, p, NULL, u);
    /* long names are hashed (base.Debug.MaxShapeLen, 500 by default):
     * hex of cmd/internal/hash.Sum32, SHA-256 with its first byte
     * inverted */
    if (b.len > 500) {
        unsigned char sum[32];
        sha256_sum(b.data, b.len, sum);
        sum[0] ^= 0xff;
        buf_reset(&b);
        for (int i = 0; i < 32; i++)
            buf_printf(&b, "%02x", sum[i]);
    }
    const Sym *name = sym_cstr(p->syms, buf_str(&b));
    buf_free(&b);
    TyType *s = ptrmap_get(&p->shapes, PMKEY(name));
    if (s)
        return s;
    if (!p->shape_pkg)
        p->shape_pkg = ty_new_package(lw->env, "go.shape", "go.shape");
    TyObject *obj = ty_new_typename(lw->env, NOPOS, p->shape_pkg, name, NULL);
    TyNamed *n = ty_new_named(lw->env, obj, u);
    n->underlying = u;
    ptrmap_put(&p->shapes, PMKEY(name), &n->t);
    return &n->t;
}

/* ---- instantiation contexts --------------------------------------------------- */

struct LwInst {
    SubstMap map;          /* type parameters -> shape types */
    PtrMap types;          /* TyType* -> substituted */
    PtrMap objs;           /* TyObject* -> clone with substituted type */
    PtrVec saved;          /* SynNode*, TyTV* pairs to restore */
    TyObject *dictobj;     /* the .dict parameter's object */
    const LwDict *dict;    /* its layout */
    IrFunc *fn;            /* the shaped function */
};

static TyTypeList shapify_list(Lower *lw, TyTParamList tps, TyTypeList targs);

/* reader.objDictIdx: an instance any of whose type arguments has a shape
 * is a shaped instance: all its type arguments are shapified
 * (atomic.Pointer[entry[go.shape.int]] is atomic.Pointer[go.shape.struct {...}]) */
static TyTypeList reshape_targs(void *ctx, TyNamed *orig, TyTypeList targs)
{
    Lower *lw = ctx;
    if (!targs_have_shape(targs))
        return targs;
    /* shapify leaves alone a type argument still being read (a TFORW,
     * lw->forw): a recursive instance's own fields keep it, so gc has
     * both (*Pointer[entry[go.shape.int]]).Load and
     * (*Pointer[go.shape.struct {...}]).Load */
    TyTypeList r = {ARENA_ARRAY(lw->a, TyType *, targs.len ? targs.len : 1), targs.len};
    for (uint32_t i = 0; i < targs.len; i++) {
        bool forw = false;
        for (uint32_t k = 0; k < lw->forw.len && !forw; k++)
            forw = targs.items[i] == lw->forw.data[k];
        r.items[i] = forw ? targs.items[i]
                          : lw_shapify(lw, targs.items[i],
                                       i < orig->tparams.len && basic_constraint(lw, orig->tparams.items[i]));
    }
    return r;
}

TyType *lw_subst(Lower *lw, TyType *t)
{
    LwInst *in = lw->inst;
    if (!in || !t || in->map.len == 0)
        return t;
    void **slot = ptrmap_slot(&in->types, PMKEY(t));
    if (*slot)
        return *slot;
    SubstMap m = in->map;
    m.targs_hook = reshape_targs;
    m.hook_ctx = lw;
    TyType *r = gx_subst(NULL, lw->env, NOPOS, t, m, NULL);
    *slot = r;
    return r;
}

static TyObject *subst_obj(Lower *lw, TyObject *o)
{
    LwInst *in = lw->inst;
    if (!o || !in)
        return o;
    if (o->kind != TY_OBJ_VAR)
        return o;
    switch (o->varkind) {
    case TY_LOCAL_VAR:
    case TY_PARAM_VAR:
    case TY_RESULT_VAR:
    case TY_RECV_VAR:
        break;
    default:
        return o;
    }
    void **slot = ptrmap_slot(&in->objs, PMKEY(o));
    if (*slot)
        return *slot;
    TyType *t = lw_subst(lw, o->type);
    TyObject *c = t == o->type ? o : gx_clone_var(lw->env, o, t);
    *slot = c;
    return c;
}

static TyType *recv_base(TyType *t)
{
    t = t ? ty_unalias(t) : NULL;
    if (t && t->kind == TY_POINTER)
        t = ty_unalias(TY_AS(TyPointer, t)->base);
    return t;
}

static TySelection *subst_sel(Lower *lw, TySelection *sel, uint8_t *flags)
{
    TySelection *s = ARENA_NEW(lw->a, TySelection);
    *s = *sel;
    s->recv = lw_subst(lw, sel->recv);
    if (sel->obj && sel->obj->kind == TY_OBJ_FUNC) {
        TyType *rb = recv_base(sel->recv);
        if (sel->kind != TY_FIELD_VAL && rb && rb->kind == TY_TYPEPARAM && sel->nindex == 1) {
            *flags |= LW_TV_TPMETHOD;
        } else {
            void **slot = ptrmap_slot(&lw->inst->objs, PMKEY(sel->obj));
            if (!*slot) {
                TyType *t = lw_subst(lw, sel->obj->type);
                *slot = t == sel->obj->type ? sel->obj : gx_clone_func(lw->env, sel->obj, t);
            }
            s->obj = *slot;
        }
    }
    return s;
}

static TyTuple *subst_vars_of(Lower *lw, TyTuple *t, bool *changed)
{
    if (!t || t->len == 0)
        return t;
    TyObject **vars = ARENA_ARRAY(lw->a, TyObject *, t->len);
    bool ch = false;
    for (uint32_t i = 0; i < t->len; i++) {
        vars[i] = subst_obj(lw, t->vars[i]);
        ch |= vars[i] != t->vars[i];
    }
    if (!ch)
        return t;
    *changed = true;
    return ty_new_tuple(lw->env, vars, t->len);
}

/* A function literal's signature: its parameters are the objects its
 * body's records use (cloned as subst_obj clones them). */
static TyType *subst_lit_sig(Lower *lw, TyType *t)
{
    TySignature *sig = TY_AS(TySignature, t);
    bool changed = false;
    TyTuple *params = subst_vars_of(lw, sig->params, &changed);
    TyTuple *results = subst_vars_of(lw, sig->results, &changed);
    if (!changed)
        return t;
    return &ty_new_signature(lw->env, NULL, params, results, sig->variadic)->t;
}

static bool swap_pre(SynNode *n, void *ud)
{
    Lower *lw = ud;
    TyTV *tv = n->info;
    if (!tv)
        return true;
    TyTV *c = ARENA_NEW(lw->a, TyTV);
    *c = *tv;
    if (n->kind == SYN_FUNC_LIT && tv->type && tv->type->kind == TY_SIGNATURE)
        c->type = subst_lit_sig(lw, tv->type);
    else
        c->type = lw_subst(lw, tv->type);
    if (c->type != tv->type)
        c->flags |= LW_TV_DERIVED;
    c->obj = subst_obj(lw, tv->obj);
    c->use = subst_obj(lw, tv->use);
    c->insttype = lw_subst(lw, tv->insttype);
    if (tv->targs.len) {
        c->targs.items = ARENA_ARRAY(lw->a, TyType *, tv->targs.len);
        for (uint32_t i = 0; i < tv->targs.len; i++)
            c->targs.items[i] = lw_subst(lw, tv->targs.items[i]);
    }
    if (tv->sel)
        c->sel = subst_sel(lw, tv->sel, &c->flags);
    ptrvec_push(&lw->inst->saved, n);
    ptrvec_push(&lw->inst->saved, tv);
    n->info = c;
    return true;
}

struct LwInstFn;
static void map_params(Lower *lw, struct LwInstFn *f);

static void inst_begin(Lower *lw, LwInst *in, SynNode *decl)
{
    lw->inst = in;
    syn_walk(decl, swap_pre, NULL, lw);
}

static void inst_end(Lower *lw, LwInst *in)
{
    for (uint32_t i = in->saved.len; i >= 2; i -= 2) {
        SynNode *n = in->saved.data[i - 2];
        n->info = in->saved.data[i - 1];
    }
    ptrvec_free(&in->saved);
    ptrmap_free(&in->types);
    ptrmap_free(&in->objs);
    lw->inst = NULL;
}

/* ---- instances -------------------------------------------------------------------- */

/* One instantiated function of this package: shaped or wrapper. */
typedef struct LwInstFn {
    IrFunc *fn;
    TyObject *gen;         /* the generic function or method */
    TySignature *gsig;     /* its signature */
    TyObject *dictobj;     /* shaped: the .dict parameter's object */
    TyTypeList targs;      /* wrapper of a function: its type arguments */
    TyNamed *inst;         /* method: the (shaped or not) instance */
    TyObject *fobj;        /* its own function object (OMETHEXPR sym, PFUNC fobj) */
    IrName *nname;
    /* body */
    SynFuncDecl *decl;     /* shaped: the generic declaration */
    TyTParamList from;     /* shaped: the declaration's type parameters */
    TyTypeList shapes;     /* shaped: their shapes */
    struct LwInstFn *shaped; /* wrapper: the shaped function it calls */
    IrName *dict;          /* wrapper: the runtime dictionary */
    bool method;
} LwInstFn;

static const char *mangle(Lower *lw, const char *base, TyTypeList targs)
{
    Buf b = {0};
    buf_puts(&b, base);
    buf_putc(&b, '[');
    for (uint32_t i = 0; i < targs.len; i++) {
        if (i)
            buf_putc(&b, ',');
        ir_fmt_type_link(&b, lw->p, NULL, targs.items[i]);
    }
    buf_putc(&b, ']');
    const char *s = arena_strdup(lw->a, buf_str(&b));
    buf_free(&b);
    return s;
}

static TyTypeList shapify_list(Lower *lw, TyTParamList tps, TyTypeList targs)
{
    TyTypeList r = {ARENA_ARRAY(lw->a, TyType *, targs.len ? targs.len : 1), targs.len};
    for (uint32_t i = 0; i < targs.len; i++)
        r.items[i] = lw_shapify(lw, targs.items[i], i < tps.len && basic_constraint(lw, tps.items[i]));
    return r;
}

/* the number of words of owner's runtime dictionary (dictlayout.c) */
static int64_t dict_words(Lower *lw, TyObject *owner) { return lw_dict_words(lw_dict_layout(lw, owner)); }

static TyType *dict_ptr_type(Lower *lw, TyObject *owner)
{
    return ty_new_pointer(lw->env, ty_new_array(lw->env, ty_typ(lw->env, TY_UINTPTR), dict_words(lw, owner)));
}


static void *inst_lookup(Lower *lw, TyPackage *pkg, const char *name)
{
    const Sym *key = sym_cstr(lw->p->syms, arena_printf(lw->a, "%s.%s", pkg && pkg->path ? pkg->path : "", name));
    return ptrmap_get(&lw->insts, PMKEY(key));
}

static void inst_store(Lower *lw, TyPackage *pkg, const char *name, void *v)
{
    const Sym *key = sym_cstr(lw->p->syms, arena_printf(lw->a, "%s.%s", pkg && pkg->path ? pkg->path : "", name));
    ptrmap_put(&lw->insts, PMKEY(key), v);
}

/* The runtime dictionary .dict.NAME (a PEXTERN [N]uintptr). */
static IrName *dict_global(Lower *lw, TyObject *owner, const char *name)
{
    TyPackage *pkg = owner->pkg;
    const char *dname = arena_printf(lw->a, ".dict.%s", name);
    IrName *n = inst_lookup(lw, pkg, dname);
    if (n)
        return n;
    TyType *at = ty_new_array(lw->env, ty_typ(lw->env, TY_UINTPTR), dict_words(lw, owner));
    n = ir_new_name(lw->p, NOPOS, sym_cstr(lw->p->syms, dname), IR_PEXTERN, at);
    n->nflags |= IR_N_ADDRTAKEN;
    n->pkg = pkg;
    inst_store(lw, pkg, dname, n);
    return n;
}

/* a dictionary entry's type for the instance's type arguments (NULL if
 * it cannot be made concrete) */
static TyType *dict_entry_type(Lower *lw, TyType *t, TyTParamList from, TyTypeList targs)
{
    if (from.len != targs.len)
        return NULL;
    t = ty_subst(lw->env, NOPOS, t, from, targs, NULL);
    return t && !mentions_tparam(t, 0) ? t : NULL;
}

/* reader.dictNameOf: the runtime dictionary of owner[targs] (a generic
 * function, or a generic type's TypeName) is written when first
 * referenced: its sub-dictionaries first (recursively), then its rtypes
 * are read, then its itab words, which write the type descriptors of the
 * concrete pairs (lw_itab).  Returns the dictionary's name. */
static IrName *dict_written(Lower *lw, TyObject *owner, TyTypeList targs)
{
    IrName *n = dict_global(lw, owner, mangle(lw, owner->name->name, targs));
    void **slot = ptrmap_slot(&lw->dicts_written, PMKEY(n));
    if (*slot)
        return n;
    *slot = (void *)1;
    const LwDict *d = lw_dict_layout(lw, owner);
    TyTParamList from;
    for (uint32_t i = 0; i < lw_dict_nsubs(d); i++) {
        TyTypeList sargs;
        TyObject *gen = lw_dict_sub(d, i, &sargs, &from);
        TyTypeList concrete = {ARENA_ARRAY(lw->a, TyType *, sargs.len ? sargs.len : 1), sargs.len};
        bool ok = true;
        for (uint32_t k = 0; k < sargs.len && ok; k++) {
            concrete.items[k] = dict_entry_type(lw, sargs.items[k], from, targs);
            ok = concrete.items[k] != NULL;
            if (ok)
                read_type(lw, concrete.items[k], 0);
        }
        if (ok)
            dict_written(lw, gen, concrete);
    }
    /* the rtypes are read (an instance read gets its methods) */
    for (uint32_t i = 0; i < lw_dict_nrtypes(d); i++) {
        TyType *t = lw_dict_rtype(d, i, &from);
        t = dict_entry_type(lw, t, from, targs);
        if (t)
            read_type(lw, t, 0);
    }
    for (uint32_t i = 0; i < lw_dict_nitabs(d); i++) {
        TyType *typ, *iface;
        lw_dict_itab(d, i, &typ, &iface, &from);
        typ = dict_entry_type(lw, typ, from, targs);
        iface = dict_entry_type(lw, iface, from, targs);
        if (!typ || !iface)
            continue;
        read_type(lw, typ, 0);
        read_type(lw, iface, 0);
        lw_itab(lw, typ, iface);
    }
    return n;
}

static void push_body(Lower *lw, LwInstFn *f)
{
    TodoBody *t = ARENA_NEW(lw->a, TodoBody);
    t->fn = f->fn;
    t->decl = f->decl;
    t->inst = f;
    ptrvec_push(&lw->todo, t);
}

/* A new instantiated function: params from sig (receiver, .dict when
 * dicttype is set, parameters, results). */
static LwInstFn *new_inst_fn(Lower *lw, TyObject *gen, const char *linkname, TySignature *sig, TyType *dicttype,
                             Pos pos, bool wrapper)
{
    LwInstFn *f = ARENA_NEW(lw->a, LwInstFn);
    TySignature *fsig = sig;
    TyObject *dictobj = NULL;
    if (dicttype) {
        uint32_t n = sig->params->len;
        TyObject **vars = ARENA_ARRAY(lw->a, TyObject *, n + 1);
        dictobj = ty_new_var(lw->env, TY_PARAM_VAR, pos, gen->pkg, sym_cstr(lw->p->syms, ".dict"), dicttype);
        vars[0] = dictobj;
        for (uint32_t i = 0; i < n; i++)
            vars[i + 1] = sig->params->vars[i];
        fsig = ty_new_signature(lw->env, sig->recv, ty_new_tuple(lw->env, vars, n + 1), sig->results, sig->variadic);
    }
    IrFunc *fn = lw_new_func(lw, NULL, linkname, fsig, pos);
    f->fobj = ty_new_func(lw->env, gen->pos, gen->pkg, gen->name, fsig);
    f->fobj->origin = gen;
    fn->obj = f->fobj;
    fn->fflags |= IR_FN_DUPOK;
    if (wrapper)
        fn->fflags |= IR_FN_WRAPPER;
    fn->nname->fobj = f->fobj;
    ptrmap_put(&lw->p->funcs_by_obj, PMKEY(f->fobj), fn);
    f->fn = fn;
    f->nname = fn->nname;
    f->method = sig->recv != NULL;
    f->gen = gen;
    f->gsig = ty_as_signature(gen->type);
    f->dictobj = dictobj;
    return f;
}

static SynFuncDecl *generic_decl(Lower *lw, TyObject *gen)
{
    return ptrmap_get(&lw->p->generic_decls, PMKEY(gen));
}

TyObject *lw_origin(TyObject *o)
{
    while (o && o->origin && o->origin != o)
        o = o->origin;
    return o;
}

/* The shaped function F[shapes] of generic function gen. */
static LwInstFn *shaped_func(Lower *lw, TyObject *gen, TyTypeList targs)
{
    TySignature *gsig = ty_as_signature(gen->type);
    if (!gsig || gsig->tparams.len != targs.len)
        return NULL;
    TyTypeList shapes = shapify_list(lw, gsig->tparams, targs);
    const char *name = mangle(lw, gen->name->name, shapes);
    LwInstFn *f = inst_lookup(lw, gen->pkg, name);
    if (f)
        return f;
    SynFuncDecl *d = generic_decl(lw, gen);
    if (!d)
        return NULL;
    /* the signature under the shape map, with the generic parameters'
     * objects cloned as the body's records will be */
    LwInst tmp = {0};
    tmp.map.from = gsig->tparams.items;
    tmp.map.to = shapes.items;
    tmp.map.len = shapes.len;
    LwInst *save = lw->inst;
    lw->inst = &tmp;
    TySignature *ssig = TY_AS(TySignature, lw_subst(lw, &gsig->t));
    lw->inst = save;
    ptrmap_free(&tmp.types);
    ptrmap_free(&tmp.objs);
    ssig = ty_new_signature(lw->env, NULL, ssig->params, ssig->results, ssig->variadic);
    f = new_inst_fn(lw, gen, name, ssig, dict_ptr_type(lw, gen), d->n.pos, false);
    f->decl = d;
    f->from = gsig->tparams;
    f->shapes = shapes;
    inst_store(lw, gen->pkg, name, f);
    push_body(lw, f);
    return f;
}

static LwInstFn *wrapper_func(Lower *lw, TyObject *gen, TyTypeList targs);

typedef struct TodoDict {
    TyObject *gen;     /* function, or NULL for a type */
    TyNamed *inst;
    TyTypeList targs;
} TodoDict;

/* An instance of a generic type was read: its methods, and later (todoDicts)
 * its shaped type's methods. */
static void read_named_instance(Lower *lw, TyNamed *n);

/* The function F[targs] as a non-shaped wrapper. */
static LwInstFn *wrapper_func(Lower *lw, TyObject *gen, TyTypeList targs)
{
    TySignature *gsig = ty_as_signature(gen->type);
    if (!gsig || gsig->tparams.len != targs.len)
        return NULL;
    const char *name = mangle(lw, gen->name->name, targs);
    LwInstFn *f = inst_lookup(lw, gen->pkg, name);
    if (f)
        return f;
    SynFuncDecl *d = generic_decl(lw, gen);
    if (!d)
        return NULL;
    TySignature *isig = TY_AS(TySignature, ty_subst(lw->env, NOPOS, &gsig->t, gsig->tparams, targs, NULL));
    isig = ty_new_signature(lw->env, NULL, isig->params, isig->results, isig->variadic);
    f = new_inst_fn(lw, gen, name, isig, NULL, d->n.pos, true);
    f->dict = dict_global(lw, gen, name);
    f->targs = targs;
    inst_store(lw, gen->pkg, name, f);
    push_body(lw, f);
    TodoDict *td = ARENA_NEW(lw->a, TodoDict);
    td->gen = gen;
    td->targs = targs;
    ptrvec_push(&lw->todo_dicts, td);
    return f;
}

/* ---- methods of generic types ------------------------------------------------------ */

static const char *method_name(Lower *lw, const char *tname, bool ptr, const char *m)
{
    return ptr ? arena_printf(lw->a, "(*%s).%s", tname, m) : arena_printf(lw->a, "%s.%s", tname, m);
}

static bool recv_is_ptr(TySignature *sig)
{
    TyType *rt = sig && sig->recv ? ty_unalias(sig->recv->type) : NULL;
    return rt && rt->kind == TY_POINTER;
}

/* The instantiated methods of instance n (shaped when its type arguments
 * are shapes): created (bodies pushed) the first time. */
static void instantiate_methods(Lower *lw, TyNamed *n, bool shaped)
{
    TyNamed *orig = n->orig;
    TyObject *tobj = orig->obj;
    const char *tname = mangle(lw, tobj->name->name, n->targs);
    const char *key = arena_printf(lw->a, "type %s", tname);
    if (inst_lookup(lw, tobj->pkg, key))
        return;
    inst_store(lw, tobj->pkg, key, n);
    IrName *dict = shaped ? NULL : dict_global(lw, tobj, tname);
    for (uint32_t i = 0; i < orig->nmethods; i++) {
        TyObject *gm = orig->methods[i];
        TySignature *gsig = ty_as_signature(gm->type);
        SynFuncDecl *d = generic_decl(lw, gm);
        if (!gsig || !d || gsig->rparams.len != n->targs.len || strcmp(gm->name->name, "_") == 0)
            continue;
        /* the method's signature under its receiver type parameters */
        LwInst tmp = {0};
        tmp.map.from = gsig->rparams.items;
        tmp.map.to = n->targs.items;
        tmp.map.len = n->targs.len;
        LwInst *save = lw->inst;
        lw->inst = &tmp;
        TySignature *ssig = TY_AS(TySignature, lw_subst(lw, &gsig->t));
        TyObject *recv = subst_obj(lw, gsig->recv);
        lw->inst = save;
        ptrmap_free(&tmp.types);
        ptrmap_free(&tmp.objs);
        ssig = ty_new_signature(lw->env, recv, ssig->params, ssig->results, ssig->variadic);
        const char *mname = method_name(lw, tname, recv_is_ptr(gsig), gm->name->name);
        LwInstFn *f = new_inst_fn(lw, gm, mname, ssig, shaped ? dict_ptr_type(lw, tobj) : NULL, d->n.pos, !shaped);
        f->decl = d;
        f->inst = n;
        if (shaped) {
            f->from = gsig->rparams;
            f->shapes = n->targs;
        } else {
            f->dict = dict;
        }
        inst_store(lw, tobj->pkg, mname, f);
        push_body(lw, f);
    }
}

/* The shaped instance of generic type orig for type arguments targs. */
static TyNamed *shaped_named(Lower *lw, TyNamed *n)
{
    TyNamed *orig = n->orig;
    if (targs_have_shape(n->targs))
        return n;
    TyTypeList shapes = shapify_list(lw, orig->tparams, n->targs);
    TyType *t = gx_instance(NULL, lw->env, NOPOS, &orig->t, shapes, NULL);
    TyNamed *s = t ? ty_as_named(t) : NULL;
    return s ? s : n;
}

static void read_named_instance(Lower *lw, TyNamed *n)
{
    if (ty_as_interface(&n->t))
        return;
    bool shaped = targs_have_shape(n->targs);
    instantiate_methods(lw, n, shaped);
    if (!shaped) {
        TodoDict *td = ARENA_NEW(lw->a, TodoDict);
        td->inst = n;
        ptrvec_push(&lw->todo_dicts, td);
    }
}

/* ---- reading types ---------------------------------------------------------------------- */

static bool mentions_tparam(TyType *t, int depth) { return lw_type_mentions(t, is_tparam, 0, depth); }

/* reader.objDictIdx: an instance any of whose type arguments has a
 * shape is the shaped instance: its type arguments shapified, except one
 * still being read (a TFORW: entry[K]'s own field
 * atomic.Pointer[entry[go.shape.int]] keeps it). */
static TyNamed *reshaped_instance(Lower *lw, TyNamed *n)
{
    if (!targs_have_shape(n->targs))
        return n;
    TyTypeList r = shapify_list(lw, n->orig->tparams, n->targs);
    bool same = true;
    for (uint32_t i = 0; i < r.len; i++) {
        for (uint32_t k = 0; k < lw->forw.len; k++)
            if (n->targs.items[i] == lw->forw.data[k])
                r.items[i] = n->targs.items[i];
        if (r.items[i] != n->targs.items[i])
            same = false;
    }
    if (same)
        return n;
    TyType *t = gx_instance(NULL, lw->env, NOPOS, &n->orig->t, r, NULL);
    TyNamed *s = t ? ty_as_named(t) : NULL;
    return s ? s : n;
}

static void read_type_u(Lower *lw, TyType *t, int depth, bool under_named);

static void read_type(Lower *lw, TyType *t, int depth) { read_type_u(lw, t, depth, false); }

/* under_named: t is a named type's underlying type */
static void read_type_u(Lower *lw, TyType *t, int depth, bool under_named)
{
    if (!t || depth > 200)
        return;
    /* reader.needWrapper from an imported declaration: the wrappers
     * exist (gc's haveWrapperTypes, which win over needed ones) */
    if (lw->imported_ctx && t->kind == TY_NAMED && TY_AS(TyNamed, t)->targs.len)
        ptrmap_put(&lw->wrap_have, PMKEY(t), (void *)1);
    void **slot = ptrmap_slot(&lw->types_read, PMKEY(t));
    if (*slot)
        return;
    *slot = t;
    switch (t->kind) {
    case TY_ALIAS: {
        TyAlias *a = TY_AS(TyAlias, t);
        read_type(lw, a->actual, depth + 1);
        return;
    }
    case TY_POINTER: read_type(lw, TY_AS(TyPointer, t)->base, depth + 1); return;
    case TY_SLICE: read_type(lw, TY_AS(TySlice, t)->elem, depth + 1); return;
    case TY_ARRAY: read_type(lw, TY_AS(TyArray, t)->elem, depth + 1); return;
    case TY_CHAN: read_type(lw, TY_AS(TyChan, t)->elem, depth + 1); return;
    case TY_MAP:
        read_type(lw, TY_AS(TyMap, t)->key, depth + 1);
        read_type(lw, TY_AS(TyMap, t)->elem, depth + 1);
        return;
    case TY_STRUCT: {
        TyStruct *s = TY_AS(TyStruct, t);
        bool embeds = false;
        for (uint32_t i = 0; i < s->nfields; i++) {
            read_type(lw, s->fields[i]->type, depth + 1);
            embeds |= (s->fields[i]->flags & TY_OF_EMBEDDED) != 0;
        }
        /* reader.needWrapper: an unnamed struct with promoted methods
         * (not a named type's underlying type) */
        if (embeds && !under_named && !mentions_tparam(t, 0))
            ptrvec_push(&lw->wrapper_types, t);
        return;
    }
    case TY_TUPLE: {
        TyTuple *tu = TY_AS(TyTuple, t);
        for (uint32_t i = 0; i < tu->len; i++)
            read_type(lw, tu->vars[i]->type, depth + 1);
        return;
    }
    case TY_SIGNATURE: {
        TySignature *s = TY_AS(TySignature, t);
        if (s->tparams.len || s->rparams.len)
            return;
        read_type(lw, &s->params->t, depth + 1);
        read_type(lw, &s->results->t, depth + 1);
        return;
    }
    case TY_INTERFACE: {
        TyInterface *it = TY_AS(TyInterface, t);
        for (uint32_t i = 0; i < it->nmethods; i++)
            read_type(lw, it->methods[i]->type, depth + 1);
        for (uint32_t i = 0; i < it->nembeddeds; i++)
            read_type(lw, it->embeddeds[i], depth + 1);
        /* reader.needWrapper: an interface literal's I.M wrappers */
        if ((it->nmethods || it->nembeddeds) && !under_named && !mentions_tparam(t, 0))
            ptrvec_push(&lw->wrapper_types, t);
        return;
    }
    case TY_NAMED: {
        TyNamed *n = TY_AS(TyNamed, t);
        if (n->orig != n && n->orig->tparams.len) {
            if (mentions_tparam(&n->t, 0))
                return;
            for (uint32_t i = 0; i < n->targs.len; i++)
                read_type(lw, n->targs.items[i], depth + 1);
            TyNamed *r = reshaped_instance(lw, n);
            if (r != n) {
                read_type(lw, &r->t, depth + 1);
                return;
            }
            ptrvec_push(&lw->forw, n);
            read_type_u(lw, ty_named_underlying(lw->env, n), depth + 1, true);
            lw->forw.len--;
            read_named_instance(lw, n);
            /* reader.needWrapper: an instance's wrappers are made where
             * it is instantiated */
            if (!lw->imported_ctx)
                ptrvec_push(&lw->wrapper_types, n);
            return;
        }
        if (n->tparams.len)
            return; /* the generic type itself */
        bool save = lw->imported_ctx;
        if (n->obj && n->obj->pkg && n->obj->pkg != lw->pkg->types && !is_shape(&n->t))
            lw->imported_ctx = true; /* its declaration, by its package's reader */
        read_type_u(lw, ty_named_underlying(lw->env, n), depth + 1, true);
        for (uint32_t i = 0; i < n->nmethods; i++)
            read_type(lw, n->methods[i]->type, depth + 1);
        lw->imported_ctx = save;
        /* reader.needWrapper, once the type's underlying type and methods
         * are read: shape types, the package's own named types (package-
         * level, or function-local outside shaped code) */
        TyObject *o = n->obj;
        if (is_shape(&n->t))
            ptrvec_push(&lw->wrapper_types, n);
        else if (o && o->pkg == lw->pkg->types && o->name && !lw_sym_is_blank(o->name) &&
                 (o->parent == o->pkg->scope || (!lw->inst && o->parent && ir_local_type_gen(o) > 0)))
            ptrvec_push(&lw->wrapper_types, n);
        return;
    }
    default:
        return;
    }
}

void lw_read_type(Lower *lw, TyType *t) { read_type(lw, t, 0); }

static void type_hook(void *ud, TyType *t) { read_type(ud, t, 0); }

void lw_generic_begin(Lower *lw)
{
    lw->p->type_hook = type_hook;
    lw->p->type_hook_ud = lw;
}

void lw_generic_end(Lower *lw)
{
    lw->p->type_hook = NULL;
    lw->p->type_hook_ud = NULL;
    ptrmap_free(&lw->insts);
    ptrmap_free(&lw->types_read);
    ptrvec_free(&lw->todo_dicts);
    ptrvec_free(&lw->forw);
}

/* ---- the body loop (readBodies) ----------------------------------------------------- */

static void wrapper_body(Lower *lw, LwInstFn *f);

void lw_read_bodies(Lower *lw)
{
    for (;;) {
        if (lw->todo_dicts.len > 0) {
            TodoDict *td = lw->todo_dicts.data[--lw->todo_dicts.len];
            if (td->gen) {
                LwInstFn *w = wrapper_func(lw, td->gen, td->targs);
                LwInstFn *s = shaped_func(lw, td->gen, td->targs);
                if (w)
                    w->shaped = s;
            } else {
                TyNamed *s = shaped_named(lw, td->inst);
                if (s != td->inst)
                    read_type(lw, &s->t, 0);
            }
            continue;
        }
        if (lw->todo.len == 0)
            break;
        TodoBody *t = lw->todo.data[--lw->todo.len];
        if (!t->inst) {
            lw_func_body(lw, t->fn, t->decl->body);
            continue;
        }
        LwInstFn *f = t->inst;
        if (f->fn->fflags & IR_FN_WRAPPER) {
            wrapper_body(lw, f);
        } else {
            LwInst in = {0};
            in.map.from = f->from.items;
            in.map.to = f->shapes.items;
            in.map.len = f->shapes.len;
            in.fn = f->fn;
            LwInst *save = lw->inst;
            IrFunc *fn = f->fn;
            in.dictobj = f->dictobj;
            /* the layout comes from the declaration's own records, which
             * inst_begin swaps */
            in.dict = lw_dict_layout(lw, f->method ? f->inst->orig->obj : f->gen);
            /* the generic parameters' objects are the function's own */
            lw->inst = &in;
            map_params(lw, f);
            inst_begin(lw, &in, &f->decl->n);
            lw_func_body(lw, fn, f->decl->body);
            inst_end(lw, &in);
            lw->inst = save;
        }
        ir_package_add_func(lw->p, lw->pkg, f->fn);
    }
}

/* The generic declaration's receiver, parameters and results are the
 * shaped function's (Dcl order: receiver, .dict, parameters, results). */
static void map_params(Lower *lw, LwInstFn *f)
{
    TySignature *g = f->gsig;
    IrFunc *fn = f->fn;
    uint32_t k = 0;
    if (g->recv && k < fn->dcl.len)
        ptrmap_put(&lw->inst->objs, PMKEY(g->recv), ((IrName *)fn->dcl.items[k++])->obj);
    k++; /* .dict */
    for (uint32_t i = 0; i < g->params->len && k < fn->dcl.len; i++)
        ptrmap_put(&lw->inst->objs, PMKEY(g->params->vars[i]), ((IrName *)fn->dcl.items[k++])->obj);
    for (uint32_t i = 0; i < g->results->len && k < fn->dcl.len; i++)
        ptrmap_put(&lw->inst->objs, PMKEY(g->results->vars[i]), ((IrName *)fn->dcl.items[k++])->obj);
}

/* ---- references ------------------------------------------------------------------------ */

/* .dict[i] as type t (reader.dictWord + a conversion), i the word the
 * writer gave site in the current instantiation's dictionary */
static IrNode *dict_word(Lower *lw, Pos pos, SynNode *site, TyType *t)
{
    LwInst *in = lw->inst;
    int64_t idx = in ? lw_dict_site(in->dict, site) : -1;
    if (idx < 0)
        idx = 0;
    TyType *uptr = ty_typ(lw->env, TY_UINTPTR);
    IrNode *d;
    if (in && in->dictobj) {
        d = &lw_name(lw, in->dictobj, pos)->n;
    } else {
        d = ir_new(lw->p, IR_ONIL, pos, ty_new_pointer(lw->env, ty_new_array(lw->env, uptr, 1)));
    }
    IrNode *deref = ir_new(lw->p, IR_ODEREF, pos, lw_elem(d->type));
    deref->x = d;
    deref->flags |= IR_F_IMPLICIT;
    IrNode *ix = ir_new(lw->p, IR_OINDEX, pos, uptr);
    ix->x = deref;
    ix->y = lw_const(lw, pos, ty_typ(lw->env, TY_INT), ty_const_int64(idx));
    IrNode *c = ir_new(lw->p, IR_OCONVNOP, pos, t);
    c->x = ix;
    return c;
}

bool lw_func_inst(Lower *lw, TyObject *gen, TyTypeList targs, Pos pos, SynNode *site, IrNode **base,
                  IrNode **dict, IrNode **wrapper)
{
    gen = lw_origin(gen);
    bool dynamic = targs_have_shape(targs);
    LwInstFn *w = dynamic ? NULL : wrapper_func(lw, gen, targs);
    LwInstFn *s = shaped_func(lw, gen, targs);
    if (!s)
        return false;
    *base = &s->nname->n;
    if (dynamic)
        *dict = dict_word(lw, pos, site, dict_ptr_type(lw, gen));
    else
        *dict = lw_addr(lw, &dict_written(lw, gen, targs)->n, pos, false);
    if (wrapper)
        *wrapper = w ? &w->nname->n : NULL;
    return true;
}

/* typecheck.NewMethodType of a shaped method: the receiver first */
static TyType *methexpr_type(Lower *lw, TySignature *sig, Pos pos)
{
    uint32_t n = sig->params->len;
    TyObject **vars = ARENA_ARRAY(lw->a, TyObject *, n + 1);
    vars[0] = sig->recv ? sig->recv
                        : ty_new_var(lw->env, TY_PARAM_VAR, pos, NULL, sym_intern(lw->p->syms, "", 0),
                                     ty_typ(lw->env, TY_INVALID));
    for (uint32_t i = 0; i < n; i++)
        vars[i + 1] = sig->params->vars[i];
    return &ty_new_signature(lw->env, NULL, ty_new_tuple(lw->env, vars, n + 1), sig->results, sig->variadic)->t;
}

static LwInstFn *find_method(Lower *lw, TyNamed *n, const char *mname)
{
    TyObject *tobj = n->orig->obj;
    const char *tname = mangle(lw, tobj->name->name, n->targs);
    LwInstFn *f = inst_lookup(lw, tobj->pkg, method_name(lw, tname, true, mname));
    if (!f)
        f = inst_lookup(lw, tobj->pkg, method_name(lw, tname, false, mname));
    return f;
}

static IrNode *methexpr_of(Lower *lw, LwInstFn *m, Pos pos)
{
    TySignature *sig = m->fn->sig;
    IrNode *n = ir_new(lw->p, IR_OMETHEXPR, pos, methexpr_type(lw, sig, pos));
    n->x = ir_new(lw->p, IR_OTYPE, NOPOS, sig->recv ? sig->recv->type : NULL);
    n->sym = m->fobj;
    return n;
}

IrNode *lw_generic_method(Lower *lw, TyType *recv, TyObject *m, Pos pos, SynNode *site, IrNode **dict)
{
    TyNamed *n = ty_as_named(recv_base(recv));
    if (!n || n->orig == n)
        return NULL;
    lw_read_type(lw, &n->t);
    TyNamed *s = shaped_named(lw, n);
    if (s != n)
        lw_read_type(lw, &s->t);
    instantiate_methods(lw, s, true);
    LwInstFn *f = find_method(lw, s, m->name->name);
    if (!f)
        return NULL;
    if (targs_have_shape(n->targs))
        *dict = dict_word(lw, pos, site, f->dictobj ? f->dictobj->type : dict_ptr_type(lw, n->orig->obj));
    else
        *dict = lw_addr(lw, &dict_written(lw, n->orig->obj, n->targs)->n, pos, false);
    return methexpr_of(lw, f, pos);
}

IrNode *lw_tparam_method(Lower *lw, TyType *recv, TyObject *m, Pos pos, SynNode *site)
{
    TySignature *msig = ty_as_signature(lw_subst(lw, m->type));
    if (!msig)
        return NULL;
    TyObject *r = ty_new_var(lw->env, TY_PARAM_VAR, pos, NULL, sym_intern(lw->p->syms, "", 0), recv);
    TySignature *rs = ty_new_signature(lw->env, r, msig->params, msig->results, msig->variadic);
    TyType *ft = methexpr_type(lw, rs, pos);
    IrNode *word = dict_word(lw, pos, site, ty_typ(lw->env, TY_UINTPTR));
    IrNode *ix = word->x; /* the OINDEX */
    IrNode *addr = lw_addr(lw, ix, pos, false);
    IrNode *c = ir_new(lw->p, IR_OCONVNOP, pos, ft);
    c->x = addr;
    return c;
}

/* reader.callShaped: the wrapper's body tail-calls the shaped function
 * with the runtime dictionary. */
static void wrapper_body(Lower *lw, LwInstFn *f)
{
    IrFunc *fn = f->fn;
    LwInstFn *s = NULL;
    if (f->method) {
        TyNamed *sn = shaped_named(lw, f->inst);
        instantiate_methods(lw, sn, true);
        s = find_method(lw, sn, f->gen->name->name);
    } else {
        s = f->shaped ? f->shaped : shaped_func(lw, f->gen, f->targs);
    }
    if (!s)
        return;
    LowerFn lf;
    lw_push_fn(lw, &lf, fn);
    Pos pos = fn->pos;
    TySignature *ssig = s->fn->sig;
    IrNode *call = ir_new(lw->p, IR_OCALLFUNC, pos, lw_result_type(ssig));
    call->x = f->method ? methexpr_of(lw, s, pos) : &s->nname->n;
    uint32_t k = 0;
    if (f->method && fn->nparams > 0)
        ir_list_push(lw->p, &call->list, fn->dcl.items[k++]);
    if (f->method)
        dict_written(lw, f->inst->orig->obj, f->inst->targs);
    else
        dict_written(lw, f->gen, f->targs);
    ir_list_push(lw->p, &call->list, lw_addr(lw, &f->dict->n, pos, false));
    for (; k < fn->nparams; k++)
        ir_list_push(lw->p, &call->list, fn->dcl.items[k]);
    if (ssig->variadic)
        call->flags |= IR_F_ISDDD;
    lw_return_call(lw, fn, call, ssig, pos);
    lw_pop_fn(lw);
}

/* reader.tempCopy: tmp := x in init; the temp's Defn is a second
 * assignment with Def */
static IrName *temp_copy(Lower *lw, Pos pos, IrNode *x, IrList *init)
{
    IrName *tmp = lw_temp(lw, pos, x->type);
    IrNode *d = ir_new(lw->p, IR_ODCL, pos, NULL);
    d->x = &tmp->n;
    ir_list_push(lw->p, init, d);
    IrNode *as = ir_new(lw->p, IR_OAS, pos, NULL);
    as->x = &tmp->n;
    as->y = x;
    ir_list_push(lw->p, init, as);
    IrNode *defn = ir_new(lw->p, IR_OAS, pos, NULL);
    defn->x = &tmp->n;
    defn->y = x;
    defn->flags |= IR_F_DEF;
    tmp->defn = defn;
    return tmp;
}

TyObject *lw_shaped_method(Lower *lw, TyType *recvt, TyObject *m)
{
    TyNamed *n = ty_as_named(recv_base(recvt));
    if (!n || n->orig == n || !m || !m->name || !targs_have_shape(n->targs))
        return NULL;
    LwInstFn *f = find_method(lw, n, m->name->name);
    return f && !(f->fn->fflags & IR_FN_WRAPPER) ? f->fobj : NULL;
}

TyObject *lw_instance_method(Lower *lw, TyType *recvt, TyObject *m)
{
    TyNamed *n = ty_as_named(recv_base(recvt));
    if (!n || n->orig == n || !m || !m->name || targs_have_shape(n->targs))
        return NULL;
    /* only a lookup: the wrappers are made after all reading */
    LwInstFn *w = find_method(lw, n, m->name->name);
    return w ? w->fobj : NULL;
}

/* syntheticSig: sig's parameters after the first skip ones and its
 * results, renamed (unnamed when named is false), at the autogenerated
 * position */
static TySignature *synthetic_sig(Lower *lw, TySignature *sig, uint32_t skip, bool named)
{
    const Sym *empty = sym_intern(lw->p->syms, "", 0);
    uint32_t n = sig->params->len > skip ? sig->params->len - skip : 0;
    TyObject **vars = ARENA_ARRAY(lw->a, TyObject *, n ? n : 1);
    for (uint32_t i = 0; i < n; i++) {
        TyObject *v = sig->params->vars[i + skip];
        vars[i] = ty_new_var(lw->env, TY_PARAM_VAR, NOPOS, named ? v->pkg : NULL, named ? v->name : empty, v->type);
    }
    TyObject **res = ARENA_ARRAY(lw->a, TyObject *, sig->results->len ? sig->results->len : 1);
    for (uint32_t i = 0; i < sig->results->len; i++) {
        TyObject *v = sig->results->vars[i];
        res[i] = ty_new_var(lw->env, TY_PARAM_VAR, NOPOS, named ? v->pkg : NULL, named ? v->name : empty, v->type);
    }
    return ty_new_signature(lw->env, NULL, ty_new_tuple(lw->env, vars, n), ty_new_tuple(lw->env, res, sig->results->len),
                            sig->variadic);
}

/* reader.curry and syntheticClosure: func(params) results { return
 * callee(caps..., params...) }, a Wrapper closure whose parameters are
 * the callee's after the curried ones (syntheticSig: named keeps their
 * names); the callee and the curried values are evaluated where the
 * closure is, into temporaries the closure captures (the closure's
 * init), except a callee that is a function or method expression, which
 * the body names directly.  With iface_check, an interface receiver
 * (caps[0]) is nil-checked there.  The body is syntheticTailCall's (a
 * call with several results returns through temporaries). */
static IrNode *curry(Lower *lw, Pos pos, IrNode *callee, IrNode **caps, uint32_t ncap, bool named,
                     bool iface_check)
{
    TySignature *csig = ty_as_signature(callee->type);
    if (!csig)
        return NULL;
    IrList init = {0};
    IrNode *vals[3] = {callee, ncap > 0 ? caps[0] : NULL, ncap > 1 ? caps[1] : NULL};
    IrName *tmps[3] = {NULL, NULL, NULL};
    for (uint32_t i = 0; i <= ncap; i++) {
        IrNode *v = vals[i];
        if (i == 0 && (v->op == IR_OMETHEXPR || (v->op == IR_ONAME && ((IrName *)v)->class == IR_PFUNC)))
            continue;
        tmps[i] = temp_copy(lw, pos, v, &init);
        if (iface_check && i == 1 && v->type && ty_is_interface(v->type)) {
            IrNode *itab = ir_new(lw->p, IR_OITAB, pos, ty_typ(lw->env, TY_UINTPTR));
            itab->x = &tmps[i]->n;
            IrNode *chk = ir_new(lw->p, IR_OCHECKNIL, pos, NULL);
            chk->x = itab;
            ir_list_push(lw->p, &init, chk);
        }
    }
    TySignature *vsig = synthetic_sig(lw, csig, ncap, named);
    IrFunc *fn = lw_new_closure(lw, IR_OCLOSURE, vsig, pos);
    fn->fflags |= IR_FN_WRAPPER;
    LowerFn lf;
    lw_push_fn(lw, &lf, fn);
    for (uint32_t i = 0; i <= ncap; i++)
        if (tmps[i])
            vals[i] = &lw_closure_var(lw, fn, pos, tmps[i])->n;
    IrNode *call = ir_new(lw->p, IR_OCALLFUNC, pos, lw_result_type(csig));
    call->x = vals[0];
    for (uint32_t i = 1; i <= ncap; i++)
        ir_list_push(lw->p, &call->list, vals[i]);
    for (uint32_t k = 0; k < fn->nparams; k++)
        ir_list_push(lw->p, &call->list, fn->dcl.items[k]);
    if (vsig->variadic)
        call->flags |= IR_F_ISDDD;
    lw_return_call(lw, fn, call, csig, pos);
    lw_pop_fn(lw);
    IrNode *clo = fn->oclosure;
    for (uint32_t i = 0; i < init.len; i++)
        ir_list_push(lw->p, &clo->init, init.items[i]);
    return clo;
}

IrNode *lw_tparam_method_value(Lower *lw, IrNode *recv, TyObject *m, Pos pos, SynNode *site)
{
    IrNode *fn = lw_tparam_method(lw, recv->type, m, pos, site);
    return fn ? curry(lw, pos, fn, &recv, 1, false, true) : NULL;
}

IrNode *lw_func_inst_value(Lower *lw, IrNode *base, IrNode *dict, Pos pos)
{
    /* the shaped function's own parameters (after .dict), with names */
    TySignature *bsig = ty_as_signature(base->type);
    if (!bsig || bsig->params->len == 0)
        return base;
    IrNode *clo = curry(lw, pos, base, &dict, 1, true, false);
    return clo ? clo : base;
}

IrNode *lw_generic_method_expr(Lower *lw, const LwMethodExpr *me, Pos pos, SynNode *site)
{
    IrNode *dict = NULL;
    IrNode *shaped = lw_generic_method(lw, me->recv, me->m, pos, site, &dict);
    if (!shaped)
        return NULL;
    TyNamed *n = ty_as_named(recv_base(me->recv));
    if (!targs_have_shape(n->targs)) {
        /* a static dictionary: the method expression of the type as
         * written, calling the stenciled method (or, for *T or promoted
         * methods, the wrapper MakeWrappers makes) */
        IrNode *x = ir_new(lw->p, IR_OMETHEXPR, pos, me->type);
        x->x = ir_new(lw->p, IR_OTYPE, NOPOS, me->written);
        TyObject *im = lw_instance_method(lw, me->recv, me->m);
        x->sym = im ? im : me->m;
        return x;
    }
    /* reader.methodExprWrap: func(recv T, params) results { return
     * shaped(recv', dict, params) }, recv' after the implicit field
     * steps and * or &; the parameters are the method expression
     * type's (NewMethodType: unnamed), at the autogenerated position */
    const Sym *empty = sym_intern(lw->p->syms, "", 0);
    TySignature *ssig = ty_as_signature(shaped->type);
    if (!ssig || ssig->params->len < 2)
        return NULL;
    uint32_t np = ssig->params->len - 1;
    TyObject **vars = ARENA_ARRAY(lw->a, TyObject *, np);
    for (uint32_t i = 0, k = 0; i < ssig->params->len; i++) {
        if (i == 1)
            continue;
        TyObject *v = ssig->params->vars[i];
        vars[k++] = ty_new_var(lw->env, TY_PARAM_VAR, NOPOS, NULL, empty, i == 0 ? me->written : v->type);
    }
    TyObject **res = ARENA_ARRAY(lw->a, TyObject *, ssig->results->len ? ssig->results->len : 1);
    for (uint32_t i = 0; i < ssig->results->len; i++)
        res[i] = ty_new_var(lw->env, TY_PARAM_VAR, NOPOS, NULL, empty, ssig->results->vars[i]->type);
    TySignature *vsig = ty_new_signature(lw->env, NULL, ty_new_tuple(lw->env, vars, np),
                                         ty_new_tuple(lw->env, res, ssig->results->len), ssig->variadic);
    IrList init = {0};
    IrName *tdict = temp_copy(lw, pos, dict, &init);
    IrFunc *fn = lw_new_closure(lw, IR_OCLOSURE, vsig, pos);
    fn->fflags |= IR_FN_WRAPPER;
    LowerFn lf;
    lw_push_fn(lw, &lf, fn);
    IrNode *arg = fn->dcl.items[0];
    for (uint32_t i = 0; i < me->nimplicit; i++)
        arg = lw_dot_field(lw, arg, me->implicits[i], pos, true);
    if (me->deref) {
        IrNode *d = ir_new(lw->p, IR_ODEREF, pos, lw_elem(arg->type));
        d->x = arg;
        d->flags |= IR_F_IMPLICIT;
        arg = d;
    } else if (me->addr) {
        arg = lw_addr(lw, arg, pos, true);
    }
    IrNode *call = ir_new(lw->p, IR_OCALLFUNC, pos, lw_result_type(ssig));
    call->x = shaped;
    ir_list_push(lw->p, &call->list, arg);
    ir_list_push(lw->p, &call->list, &lw_closure_var(lw, fn, pos, tdict)->n);
    for (uint32_t k = 1; k < fn->nparams; k++)
        ir_list_push(lw->p, &call->list, fn->dcl.items[k]);
    if (vsig->variadic)
        call->flags |= IR_F_ISDDD;
    TySignature *csig = ty_new_signature(lw->env, NULL, ssig->params, ssig->results, ssig->variadic);
    lw_return_call(lw, fn, call, csig, pos);
    lw_pop_fn(lw);
    IrNode *clo = fn->oclosure;
    for (uint32_t i = 0; i < init.len; i++)
        ir_list_push(lw->p, &clo->init, init.items[i]);
    return clo;
}

IrNode *lw_generic_method_value(Lower *lw, IrNode *recv, TyType *recvt, TyObject *m, TyType *vt, Pos pos,
                                SynNode *site)
{
    TyNamed *n = ty_as_named(recv_base(recvt));
    if (!n || n->orig == n)
        return NULL;
    lw_read_type(lw, &n->t);
    if (!targs_have_shape(n->targs)) {
        /* a static dictionary: the method value of the stenciled wrapper */
        instantiate_methods(lw, n, false);
        LwInstFn *w = find_method(lw, n, m->name->name);
        if (!w)
            return NULL;
        IrNode *mv = ir_new(lw->p, IR_OMETHVALUE, pos, vt);
        mv->x = recv;
        mv->sym = w->fobj;
        lw_note_method_value(lw, recvt, w->fobj);
        return mv;
    }
    /* reader.curry: a wrapper closure capturing the receiver and the
     * dictionary, calling the shaped method */
    IrNode *dict = NULL;
    IrNode *callee = lw_generic_method(lw, recvt, m, pos, site, &dict);
    if (!callee)
        return NULL;
    IrNode *caps[2] = {recv, dict};
    return curry(lw, pos, callee, caps, 2, false, true);
}

/* reader.funcLit: a function literal in shaped code captures the
 * dictionary, unconditionally and last, at the .dict parameter's
 * position (goesc creates closure variables at their first use, so a
 * capture made by a use inside the body moves to the end). */
void lw_capture_dict(Lower *lw, IrFunc *fn)
{
    LwInst *in = lw->inst;
    if (!in || !in->dictobj)
        return;
    IrList *cv = &fn->closurevars;
    for (uint32_t i = 0; i < cv->len; i++) {
        IrName *c = (IrName *)cv->items[i];
        if (c->obj != in->dictobj)
            continue;
        memmove(&cv->items[i], &cv->items[i + 1], (cv->len - i - 1) * sizeof cv->items[0]);
        cv->items[cv->len - 1] = &c->n;
        c->n.pos = ir_canonical(c)->n.pos;
        return;
    }
    IrName *outer = lw_name(lw, in->dictobj, NOPOS);
    lw_closure_var(lw, fn, ir_canonical(outer)->n.pos, outer);
}
