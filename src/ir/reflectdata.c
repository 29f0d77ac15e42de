/*
 * The runtime type descriptors gc writes while it reads a package, and
 * the functions writing them creates (reflectdata/reflect.go writeType,
 * writeITab, alg.go geneq/genhash; the bodies are in alg.c).
 *
 * Most type descriptors are written after escape analysis, but an itab
 * is written the moment the reader asks for it (reflectdata.ITabLsym),
 * and writing an itab writes the descriptors of its interface and of its
 * concrete type, recursively: the pointer type, elements, fields, the
 * types of methods and their receivers.  A struct or array type that
 * cannot be compared as plain memory (AlgType ASPECIAL: strings,
 * interfaces, floats, blank or padded fields inside) gets its equality
 * function .eq.T on the way, and the key type of a map type its hash
 * function .hash.T.  They are ordinary functions of Target.Funcs, made
 * before escape analysis runs, so gc analyzes them and -m=2 prints the
 * flows of their parameters.
 *
 * The reader asks for an itab (concrete type, non-empty interface) at:
 *   - every conversion the writer wrote (implicit or explicit, multi-
 *     value assignments and range assignments), when neither type is
 *     derived from the type parameters of the code being read;
 *   - type assertions and type-switch cases on a non-empty interface;
 *   - the itab words of a runtime dictionary when it is written, the
 *     first time the dictionary is referenced;
 * and pkginit's static initialization asks for one for a package-level
 * variable of non-empty interface type initialized with a concrete value.
 *
 * Which descriptors one package writes: writeType stops at the types
 * other packages emit (NeedEmit): named types of other packages unless
 * instantiated; the predeclared types, except in package runtime.  A
 * type is written once (its symbol's Siggen flag); gc names symbols by
 * the type's link string, which is the key here too.
 */
#include "lower.h"
#include "passes.h"

#include "../types/generics.h"

#include <stdlib.h>
#include <string.h>

struct LwReflect {
    PtrMap written;   /* Sym* of the link string -> non-NULL (Siggen) */
    PtrMap itabs;     /* Sym* "T,I" -> non-NULL */
    PtrMap algs;      /* TyType* -> LwAlg + 1 */
    PtrMap eqfuncs;   /* Sym* ".eq.T" -> IrFunc* */
    PtrMap hashfuncs; /* Sym* ".hash.T" -> IrFunc* */
    PtrMap rtfuncs;   /* Sym* name -> IrName* of a runtime function */
    TyPackage *runtime;
    TyPackage *typepkg; /* gc's "type" package of type symbols */
    bool in_runtime;  /* compiling package runtime */
};

static LwReflect *state(Lower *lw)
{
    if (!lw->pkg->reflect) {
        LwReflect *r = calloc(1, sizeof *r);
        const char *path = lw->pkg->types->path;
        r->in_runtime = path && strcmp(path, "runtime") == 0;
        lw->pkg->reflect = r;
    }
    return lw->pkg->reflect;
}

void ir_reflect_free(IrPackage *pkg)
{
    LwReflect *r = pkg->reflect;
    if (!r)
        return;
    ptrmap_free(&r->written);
    ptrmap_free(&r->itabs);
    ptrmap_free(&r->algs);
    ptrmap_free(&r->eqfuncs);
    ptrmap_free(&r->hashfuncs);
    ptrmap_free(&r->rtfuncs);
    free(r);
    pkg->reflect = NULL;
}

/* ---- gc's view of a type --------------------------------------------------------- */

static TyType *unalias(TyType *t) { return t ? ty_unalias(t) : NULL; }

static bool is_named(TyType *t) { return t && t->kind == TY_NAMED; }


/* types.Type.Sym() != nil: defined types and the predeclared ones
 * (formalType has turned any into interface{}, which has none) */
static bool has_sym(TyType *t)
{
    t = unalias(t);
    return t && (t->kind == TY_NAMED || t->kind == TY_BASIC);
}

static bool is_ptr(TyType *t) { return t && t->kind == TY_POINTER; }

static TyType *ptr_elem(TyType *t) { return unalias(TY_AS(TyPointer, t)->base); }

const Sym *lw_type_link_sym(Lower *lw, TyType *t)
{
    Buf b = {0};
    ir_fmt_type_link(&b, lw->p, NULL, t);
    const Sym *s = sym_cstr(lw->p->syms, buf_str(&b));
    buf_free(&b);
    return s;
}

/* ---- AlgType (types/size.go, alg.go) --------------------------------------------- */

static LwAlg alg_of(Lower *lw, TyType *t);

static uint32_t iface_nmethods(Lower *lw, TyType *u)
{
    TyTypeSet *ts = ty_interface_typeset(lw->env, TY_AS(TyInterface, u));
    return ts ? ts->nmethods : 0;
}

/* types.IsPaddedField: field i ends before the next one (or the end) */
bool lw_padded_field(Lower *lw, TyStruct *s, uint32_t i)
{
    int64_t end = i + 1 < s->nfields ? ty_offsetof(lw->env, s, i + 1) : ty_sizeof(lw->env, &s->t);
    return ty_offsetof(lw->env, s, i) + ty_sizeof(lw->env, s->fields[i]->type) != end;
}

static LwAlg compute_alg(Lower *lw, TyType *t)
{
    TyType *u = ty_under(t);
    switch (u ? u->kind : 0) {
    case TY_BASIC:
        switch (TY_AS(TyBasic, u)->bkind) {
        case TY_FLOAT32: return LW_ALG_FLOAT32;
        case TY_FLOAT64: return LW_ALG_FLOAT64;
        case TY_COMPLEX64: return LW_ALG_CPLX64;
        case TY_COMPLEX128: return LW_ALG_CPLX128;
        case TY_STRING: return LW_ALG_STRING;
        default: return LW_ALG_MEM;
        }
    case TY_INTERFACE:
        return iface_nmethods(lw, u) ? LW_ALG_INTER : LW_ALG_NILINTER;
    case TY_SLICE:
    case TY_MAP:
    case TY_SIGNATURE:
        return LW_ALG_NOEQ;
    case TY_ARRAY: {
        TyArray *a = TY_AS(TyArray, u);
        LwAlg e = alg_of(lw, a->elem);
        if (e == LW_ALG_MEM || e == LW_ALG_NOEQ)
            return e;
        return a->len == 0 ? LW_ALG_MEM : a->len == 1 ? e : LW_ALG_SPECIAL;
    }
    case TY_STRUCT: {
        TyStruct *s = TY_AS(TyStruct, u);
        if (s->nfields == 1 && !lw_field_is_blank(s->fields[0]))
            return alg_of(lw, s->fields[0]->type);
        LwAlg r = LW_ALG_MEM;
        for (uint32_t i = 0; i < s->nfields; i++) {
            LwAlg a = alg_of(lw, s->fields[i]->type);
            if (a == LW_ALG_NOEQ)
                return LW_ALG_NOEQ;
            if (a != LW_ALG_MEM || lw_field_is_blank(s->fields[i]) || lw_padded_field(lw, s, i))
                r = LW_ALG_SPECIAL;
        }
        return r;
    }
    default:
        /* pointers, channels, unsafe.Pointer */
        return LW_ALG_MEM;
    }
}

static LwAlg alg_of(Lower *lw, TyType *t)
{
    LwReflect *r = state(lw);
    t = unalias(t);
    uintptr_t v = (uintptr_t)ptrmap_get(&r->algs, PMKEY(t));
    if (v)
        return (LwAlg)(v - 1);
    LwAlg a = compute_alg(lw, t);
    ptrmap_put(&r->algs, PMKEY(t), (void *)(uintptr_t)(a + 1));
    return a;
}

LwAlg lw_alg(Lower *lw, TyType *t) { return alg_of(lw, t); }

/* ---- which types this package emits (NeedEmit) ---------------------------------- */

static bool is_empty_iface(Lower *lw, TyType *t)
{
    TyType *u = unalias(t);
    return u && u->kind == TY_INTERFACE && iface_nmethods(lw, u) == 0;
}

/* writtenByWriteBasicTypes: the predeclared types, their slices, any,
 * error and func(error) string, which only package runtime writes */
static bool basic_written(Lower *lw, TyType *t)
{
    TyType *err = unalias(lw->env->error_type);
    if (t->kind == TY_SIGNATURE) {
        TySignature *s = TY_AS(TySignature, t);
        if (!s->recv && s->params->len == 1 && s->results->len == 1 && unalias(s->params->vars[0]->type) == err) {
            TyType *r = unalias(s->results->vars[0]->type);
            if (r && r->kind == TY_BASIC && TY_AS(TyBasic, r)->bkind == TY_STRING)
                return true;
        }
    }
    if (t->kind == TY_SLICE)
        t = unalias(TY_AS(TySlice, t)->elem);
    if (t->kind == TY_BASIC)
        return true;
    return t == err || is_empty_iface(lw, t);
}

static bool need_emit(Lower *lw, TyType *t)
{
    if (basic_written(lw, t))
        return state(lw)->in_runtime;
    if (!is_named(t))
        return true;
    TyNamed *n = TY_AS(TyNamed, t);
    TyObject *o = n->obj;
    if (o && o->pkg == lw->pkg->types)
        return true;
    return n->targs.len > 0 || lw_is_shape(t);
}

/* ---- methods (reflectdata.methods, imethods) ---------------------------------------- */

/* types.ReceiverBaseType(t) != nil and t has no shape: the types whose
 * descriptors list methods */
static bool lists_methods(Lower *lw, TyType *t)
{
    if (lw_has_shape(t))
        return false;
    if (is_ptr(t)) {
        t = ptr_elem(t);
    } else if (is_named(t) && is_ptr(unalias(ty_under(t)))) {
        return false;
    }
    if (!t)
        return false;
    TyType *u = ty_under(t);
    if (!has_sym(t) && (!u || u->kind != TY_STRUCT))
        return false;
    return u && u->kind != TY_INTERFACE && u->kind != TY_POINTER;
}

/* the method's function type without receiver, or with recv as its first
 * parameter (typecheck.NewMethodType) */
static TyType *method_type(Lower *lw, TyObject *m, TyType *recv)
{
    TySignature *s = ty_as_signature(m->type);
    if (!s)
        return NULL;
    if (recv)
        return lw_method_type(lw, s, recv, NOPOS);
    return &ty_new_signature(lw->env, NULL, s->params, s->results, s->variadic)->t;
}

/* ---- writeType ----------------------------------------------------------------------- */

static void write_type(Lower *lw, TyType *t);

static void write_methods(Lower *lw, TyType *t)
{
    uint32_t n = 0;
    TySelection *ms = lists_methods(lw, t) ? lw_sorted_method_set(lw, t, &n) : NULL;
    /* dextratype: every method's type with the receiver, then (with the
     * method table) every method's type without it */
    for (uint32_t i = 0; i < n; i++)
        write_type(lw, method_type(lw, ms[i].obj, t));
    for (uint32_t i = 0; i < n; i++)
        write_type(lw, method_type(lw, ms[i].obj, NULL));
    free(ms);
}

static void write_type(Lower *lw, TyType *t)
{
    t = unalias(t);
    if (!t || t->kind == TY_TUPLE || t->kind == TY_TYPEPARAM || t->kind == TY_UNION)
        return;
    if (t->kind == TY_BASIC && (TY_AS(TyBasic, t)->info & TY_IS_UNTYPED))
        return;
    LwReflect *r = state(lw);
    void **slot = ptrmap_slot(&r->written, PMKEY(lw_type_link_sym(lw, t)));
    if (*slot)
        return;
    *slot = (void *)1;
    TyType *tbase = t;
    if (is_ptr(t) && ptr_elem(t) && has_sym(ptr_elem(t)))
        tbase = ptr_elem(t);
    if (!need_emit(lw, tbase))
        return;

    /* dcommontype: the equality function, then *T */
    if (alg_of(lw, t) == LW_ALG_SPECIAL)
        lw_eq_func(lw, t);
    if (!is_ptr(t))
        write_type(lw, ty_new_pointer(lw->env, t));

    TyType *u = ty_under(t);
    switch (u ? u->kind : 0) {
    case TY_ARRAY:
        write_type(lw, TY_AS(TyArray, u)->elem);
        write_type(lw, ty_new_slice(lw->env, TY_AS(TyArray, u)->elem));
        break;
    case TY_SLICE:
        write_type(lw, TY_AS(TySlice, u)->elem);
        break;
    case TY_CHAN:
        write_type(lw, TY_AS(TyChan, u)->elem);
        break;
    case TY_POINTER:
        write_type(lw, TY_AS(TyPointer, u)->base);
        break;
    case TY_SIGNATURE: {
        TySignature *s = TY_AS(TySignature, u);
        if (s->recv)
            write_type(lw, s->recv->type);
        for (uint32_t i = 0; i < s->params->len; i++)
            write_type(lw, s->params->vars[i]->type);
        for (uint32_t i = 0; i < s->results->len; i++)
            write_type(lw, s->results->vars[i]->type);
        break;
    }
    case TY_INTERFACE: {
        uint32_t n = 0;
        TySelection *ms = lw_sorted_method_set(lw, u, &n);
        for (uint32_t i = 0; i < n; i++)
            write_type(lw, method_type(lw, ms[i].obj, NULL));
        free(ms);
        break;
    }
    case TY_MAP: {
        /* writeMapType: key, element, the group type (compiler-made
         * structs of them that need no functions), the key's hash
         * function, and the underlying map type of a named one */
        TyMap *m = TY_AS(TyMap, u);
        write_type(lw, m->key);
        write_type(lw, m->elem);
        lw_hash_func(lw, m->key);
        if (u != t)
            write_type(lw, u);
        break;
    }
    case TY_STRUCT: {
        TyStruct *s = TY_AS(TyStruct, u);
        for (uint32_t i = 0; i < s->nfields; i++)
            write_type(lw, s->fields[i]->type);
        break;
    }
    default:
        break;
    }
    /* the uncommon type of a named type or one with methods */
    write_methods(lw, t);
}

void lw_itab(Lower *lw, TyType *typ, TyType *iface)
{
    typ = unalias(typ);
    iface = unalias(iface);
    if (!typ || !iface || ty_is_interface(typ) || !ty_is_interface(iface) || iface_nmethods(lw, ty_under(iface)) == 0)
        return;
    if (typ->kind == TY_BASIC && (TY_AS(TyBasic, typ)->info & TY_IS_UNTYPED))
        return;
    if (lw_has_shape(typ) || lw_has_shape(iface))
        return; /* derived: the dictionary's itab */
    LwReflect *r = state(lw);
    const char *key = arena_printf(lw->a, "%s,%s", lw_type_link_sym(lw, typ)->name, lw_type_link_sym(lw, iface)->name);
    void **slot = ptrmap_slot(&r->itabs, PMKEY(sym_cstr(lw->p->syms, key)));
    if (*slot)
        return;
    *slot = (void *)1;
    /* writeITab: the interface's descriptor, then the type's */
    write_type(lw, iface);
    write_type(lw, typ);
}

/* ---- state shared with alg.c ------------------------------------------------------------ */

IrFunc **lw_alg_func_slot(Lower *lw, bool hash, const Sym *name)
{
    LwReflect *r = state(lw);
    return (IrFunc **)ptrmap_slot(hash ? &r->hashfuncs : &r->eqfuncs, PMKEY(name));
}

TyPackage *lw_type_pkg(Lower *lw)
{
    LwReflect *r = state(lw);
    if (!r->typepkg)
        r->typepkg = ty_new_package(lw->env, "type", "type");
    return r->typepkg;
}

IrName *lw_runtime_func(Lower *lw, const char *name, TySignature *sig)
{
    LwReflect *r = state(lw);
    const Sym *s = sym_cstr(lw->p->syms, name);
    IrName **slot = (IrName **)ptrmap_slot(&r->rtfuncs, PMKEY(s));
    if (*slot || !sig)
        return *slot;
    if (!r->runtime)
        r->runtime = ty_new_package(lw->env, "runtime", "runtime");
    TyObject *f = ty_new_func(lw->env, NOPOS, r->runtime, s, sig);
    IrName *n = ir_new_name(lw->p, NOPOS, s, IR_PFUNC, &sig->t);
    n->obj = f;
    n->fobj = f;
    *slot = n;
    return n;
}

void ir_static_itab(IrProgram *prog, IrPackage *pkg, TyType *typ, TyType *iface)
{
    Lower lw;
    memset(&lw, 0, sizeof lw);
    lw.p = prog;
    lw.pkg = pkg;
    lw.env = prog->env;
    lw.a = &prog->arena;
    lw.sym_blank = sym_cstr(prog->syms, "_");
    uint32_t before = pkg->nfn;
    lw_itab(&lw, typ, iface);
    /* rotate the new functions in front of the ABI wrappers */
    uint32_t nnew = pkg->nfn - before, at = before - pkg->nabi;
    if (nnew == 0 || pkg->nabi == 0)
        return;
    IrFunc **tmp = malloc(sizeof *tmp * pkg->nabi);
    memcpy(tmp, pkg->fn + at, sizeof *tmp * pkg->nabi);
    memmove(pkg->fn + at, pkg->fn + before, sizeof *tmp * nnew);
    memcpy(pkg->fn + at + nnew, tmp, sizeof *tmp * pkg->nabi);
    free(tmp);
}
