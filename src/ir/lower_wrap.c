/* Method wrappers (noder.MakeWrappers, docs/escape-ir.md §1.5).
 *
 * gc compiles, for the types its reader met while reading the package,
 * the methods that reflection and interface tables need but the source
 * does not declare:
 *   - (*T).M for a method M of T with a value receiver;
 *   - T.M and (*T).M for methods promoted from embedded fields;
 *   - I.M(i I, args) for the methods of an interface type I.
 * Each body calls the method (and returns its results).  They are
 * analyzed like other functions, after everything else in Target.Funcs;
 * as Wrapper/Dupok functions they print no -m verdicts, but -m=2 prints
 * the flows of their parameters.
 *
 * Method values x.M make T.M-fm wrappers (wrapMethodValue), in the
 * order the reader met them: func(params) { return .this.M(params) }.
 *
 * Which types (reader.needWrapper, MakeWrappers): the package-level
 * non-generic named types declared in the package, in source order (gc:
 * in the order its reader reads them, which for most packages is the
 * same); then the types the bodies read, in reading order: shape types,
 * function-local types, instances of generic types (T[int]'s (*T).M and
 * promoted methods; a shaped instance's wrappers take and pass .dict),
 * unnamed structs with embedded fields and interface literals, also in
 * shaped code.  An instance met while reading an imported declaration
 * (gc's haveWrapperTypes: the imported package made them) gets none.
 * A not-in-heap T also gets (**T).M (its *T is not pointer-shaped), and
 * package runtime error.Error.  ABI wrappers (lower_abi.c) and the .eq
 * functions (alg.c) are not method wrappers.
 */
#include "lower.h"

#include "../types/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_exported_name(const Sym *s)
{
    /* Go's IsExported: the first character is an upper-case letter */
    if (!s || s->len == 0)
        return false;
    unsigned char c = (unsigned char)s->name[0];
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    int w;
    return uni_is_upper(utf8_decode((const unsigned char *)s->name, s->len, &w));
}

/* types.Sym.Less: exported names first, then by name, then (unexported)
 * by package path. */
static int method_cmp(const void *a, const void *b)
{
    const TySelection *x = a, *y = b;
    const Sym *sx = x->obj->name, *sy = y->obj->name;
    bool ex = is_exported_name(sx), ey = is_exported_name(sy);
    if (ex != ey)
        return ex ? -1 : 1;
    size_t n = sx->len < sy->len ? sx->len : sy->len;
    int c = memcmp(sx->name, sy->name, n);
    if (c == 0 && sx->len != sy->len)
        c = sx->len < sy->len ? -1 : 1;
    if (c != 0)
        return c;
    if (!ex) {
        const char *px = x->obj->pkg ? x->obj->pkg->path : "";
        const char *py = y->obj->pkg ? y->obj->pkg->path : "";
        return strcmp(px, py);
    }
    return 0;
}

static bool is_ptr(TyType *t)
{
    t = t ? ty_unalias(t) : NULL;
    return t && t->kind == TY_POINTER;
}

static TyType *ptr_elem(TyType *t) { return TY_AS(TyPointer, ty_unalias(t))->base; }

/* A copy of a parameter for the wrapper's signature (the wrapper's own
 * variable, with the method's name and position). */
static TyObject *copy_var(Lower *lw, TyObject *v, TyType *t)
{
    /* unnamed and blank ones become ~pN/~rN of the local package */
    bool named = v && v->name && v->name->len > 0 && !lw_sym_is_blank(v->name);
    return ty_new_var(lw->env, TY_PARAM_VAR, v ? v->pos : NOPOS, named ? v->pkg : lw->pkg->types,
                      named ? v->name : sym_intern(lw->p->syms, "", 0), t);
}

/* copies of a tuple's variables; unnamed ones get package pkg (the
 * wrapper symbol's: NULL for the local package) */
static TyTuple *copy_tuple(Lower *lw, TyTuple *tp, TyPackage *pkg)
{
    if (!tp || tp->len == 0)
        return tp;
    TyObject **vars = ARENA_ARRAY(lw->a, TyObject *, tp->len);
    for (uint32_t i = 0; i < tp->len; i++) {
        vars[i] = copy_var(lw, tp->vars[i], tp->vars[i]->type);
        if (pkg && vars[i]->name->len == 0)
            vars[i]->pkg = pkg;
    }
    return ty_new_tuple(lw->env, vars, tp->len);
}

/* if recv == nil { runtime.panicwrap() }: the nicer panic of a *T
 * wrapper of T's own method (the runtime function is gc's, declared here
 * as the range-over-func rewrite declares its runtime functions). */
static IrNode *panicwrap_check(Lower *lw, IrNode *recv)
{
    if (!lw->panicwrap) {
        TyPackage *rt = ty_new_package(lw->env, "runtime", "runtime");
        lw->panicwrap = ty_new_func(lw->env, NOPOS, rt, sym_cstr(lw->p->syms, "panicwrap"), lw->empty_sig);
    }
    IrNode *eq = ir_new(lw->p, IR_OEQ, NOPOS, &lw->env->basic[TY_BOOL]->t);
    eq->x = recv;
    eq->y = ir_new(lw->p, IR_ONIL, NOPOS, recv->type);
    IrNode *call = ir_new(lw->p, IR_OCALLFUNC, NOPOS, NULL);
    call->x = &lw_global(lw, lw->panicwrap)->n;
    IrNode *ifs = ir_new(lw->p, IR_OIF, NOPOS, NULL);
    ifs->x = eq;
    ir_list_push(lw->p, &ifs->body, call);
    return ifs;
}

/* addTailCall's body for wrapper fn: calls method m (signature msig) on
 * the receiver x of type typ with fn's parameters from dcl[first], and
 * returns its results.  tail: an OTAILCALL (fn is then not a Wrapper). */
static void wrapper_call(Lower *lw, IrFunc *fn, IrNode *x, TyType *typ, TyObject *m, TySignature *msig,
                         uint32_t first, bool tail)
{
    IrNode *call;
    if (ty_is_interface(typ)) {
        IrNode *dot = ir_new(lw->p, IR_ODOTINTER, NOPOS, m->type);
        dot->x = x;
        dot->sym = m;
        call = ir_new(lw->p, IR_OCALLINTER, NOPOS, NULL);
        call->x = dot;
    } else {
        TyType *rt = msig->recv ? msig->recv->type : NULL;
        if (rt && is_ptr(typ) && !is_ptr(rt)) {
            IrNode *d = ir_new(lw->p, IR_ODEREF, NOPOS, rt);
            d->x = x;
            d->flags |= IR_F_IMPLICIT;
            x = d;
            typ = rt;
        } else if (rt && is_ptr(rt) && !is_ptr(typ)) {
            x = lw_addr(lw, x, NOPOS, true);
            typ = rt;
        }
        IrNode *me = ir_new(lw->p, IR_OMETHEXPR, NOPOS, lw_method_type(lw, msig, typ, NOPOS));
        me->x = ir_new(lw->p, IR_OTYPE, NOPOS, typ);
        me->sym = m;
        /* a method of a generic type's instance: its stenciled method */
        if (lw_is_instance(typ)) {
            TyObject *im = lw_instance_method(lw, typ, m);
            if (im)
                me->sym = im;
        }
        call = ir_new(lw->p, IR_OCALLFUNC, NOPOS, NULL);
        call->x = me;
        ir_list_push(lw->p, &call->list, x);
    }
    TyTuple *res = msig->results;
    if (res && res->len == 1)
        call->type = res->vars[0]->type;
    else if (res && res->len > 1)
        call->type = &res->t;
    for (uint32_t i = first; i < fn->nparams; i++)
        ir_list_push(lw->p, &call->list, fn->dcl.items[i]);
    if (msig->variadic)
        call->flags |= IR_F_ISDDD;
    if (tail) {
        IrNode *tc = ir_new(lw->p, IR_OTAILCALL, NOPOS, NULL);
        tc->x = call;
        call->flags |= IR_F_NOINLINE;
        ir_list_push(lw->p, &fn->body, tc);
        fn->fflags &= ~IR_FN_WRAPPER;
    } else if (res && res->len > 1) {
        /* typecheck.RewriteMultiValueCall: t1, t2 = call; return t1, t2 */
        IrNode *ret = ir_new(lw->p, IR_ORETURN, NOPOS, NULL);
        IrNode *as = ir_new(lw->p, IR_OAS2FUNC, NOPOS, NULL);
        ir_list_push(lw->p, &as->rlist, call);
        for (uint32_t i = 0; i < res->len; i++) {
            IrName *tmp = lw_temp(lw, NOPOS, res->vars[i]->type);
            tmp->defn = as;
            IrNode *d = ir_new(lw->p, IR_ODCL, NOPOS, NULL);
            d->x = &tmp->n;
            ir_list_push(lw->p, &as->init, d);
            ir_list_push(lw->p, &as->list, &tmp->n);
            ir_list_push(lw->p, &ret->list, &tmp->n);
        }
        ir_list_push(lw->p, &ret->init, as);
        ir_list_push(lw->p, &fn->body, ret);
    } else if (res && res->len > 0) {
        IrNode *ret = ir_new(lw->p, IR_ORETURN, NOPOS, NULL);
        ir_list_push(lw->p, &ret->list, call);
        ir_list_push(lw->p, &fn->body, ret);
    } else {
        ir_list_push(lw->p, &fn->body, call);
    }
}

/* objabi.PathToPrefix: a package path as symbol names spell it (control
 * characters, space, %, " and non-ASCII bytes, and dots after the last
 * slash, as %xx) */
static void put_path_prefix(Buf *b, const char *path)
{
    const char *slash = strrchr(path, '/');
    for (const char *p = path; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c <= ' ' || (c == '.' && (!slash || p > slash)) || c == '%' || c == '"' || c >= 0x7F)
            buf_printf(b, "%%%02x", c);
        else
            buf_putc(b, (char)c);
    }
}

/* ir.MethodSymSuffix's method part: ".M", or ".PKGPATH.m" for an
 * unexported method of a package other than rpkg, the receiver's */
static void put_method_part(Buf *b, TyObject *m, const TyPackage *rpkg)
{
    if (!is_exported_name(m->name) && m->pkg && m->pkg != rpkg) {
        buf_putc(b, '.');
        put_path_prefix(b, m->pkg->path);
    }
    buf_putc(b, '.');
    buf_puts(b, m->name->name);
}

/* The type whose wrappers are made: its symbol's name and package (an
 * unnamed type: its link string, gc's "go" package, NULL here). */
typedef struct WrapBase {
    TyType *t;
    const char *name;
    TyPackage *pkg;
} WrapBase;

/* methodWrapper: W.M calling method sel of tb (W = tb or *tb). */
static TyPackage *go_package(Lower *lw)
{
    if (!lw->go_pkg)
        lw->go_pkg = ty_new_package(lw->env, "go", ""); /* types.Pkgs.Go: prints as nothing */
    return lw->go_pkg;
}

/* derefs: W is tb (0), *tb (1) or **tb (2, the interface wrappers of a
 * not-in-heap type, whose *T is not pointer-shaped) */
static void method_wrapper(Lower *lw, const WrapBase *tb, TyType *W, int derefs, const TySelection *sel)
{
    bool ptr = derefs > 0;
    TyObject *m = sel->obj;
    TySignature *msig = ty_as_signature(m->type);
    if (!msig)
        return;
    /* promoted from an embedded shaped instance (in a shape struct): the
     * shaped method, whose .dict (after the receiver) the wrapper takes
     * and passes on */
    {
        bool via_ptr;
        TyType *end = sel->nindex > 1 ? lw_embedded_path(W, sel->index, sel->nindex - 1, &via_ptr) : W;
        if (end && !ty_is_interface(end)) {
            TyObject *sm = lw_shaped_method(lw, end, m);
            TySignature *ssig = sm ? ty_as_signature(sm->type) : NULL;
            if (ssig) {
                m = sm;
                msig = ssig;
            }
        }
    }
    const char *tname = tb->name;
    Buf nb = {0};
    /* **T has no symbol: its wrappers are in the "go" package */
    TyPackage *rpkg = derefs == 2 ? go_package(lw) : tb->pkg;
    buf_printf(&nb, derefs == 2 ? "(**%s)" : ptr ? "(*%s)" : "%s", tname);
    put_method_part(&nb, m, rpkg);
    const char *linkname = arena_strdup(lw->a, buf_str(&nb));
    buf_free(&nb);
    /* unnamed parameters belong to the wrapper symbol's package (a
     * shape type's: go.shape.~p0) */
    TyPackage *upkg = rpkg != lw->pkg->types ? rpkg : NULL;
    TyObject *recv = copy_var(lw, msig->recv, W);
    if (upkg && recv->name->len == 0)
        recv->pkg = upkg;
    /* an interface method's receiver has no position */
    if (msig->recv && ty_is_interface(msig->recv->type))
        recv->pos = NOPOS;
    TySignature *wsig = ty_new_signature(lw->env, recv, copy_tuple(lw, msig->params, upkg),
                                         copy_tuple(lw, msig->results, upkg), msig->variadic);
    IrFunc *fn = lw_new_func(lw, NULL, linkname, wsig, NOPOS);
    fn->fflags |= IR_FN_WRAPPER | IR_FN_DUPOK;
    fn->nname->pkg = upkg; /* the symbol's package (NULL: local) */

    LowerFn lf;
    lw_push_fn(lw, &lf, fn);
    /* the receiver, along the embedded fields */
    IrNode *x = fn->dcl.items[0];
    TyType *typ = W;
    TyType *welem = derefs == 2 ? ptr_elem(W) : tb->t;
    if (ptr && msig->recv && ty_identical(msig->recv->type, welem))
        ir_list_push(lw->p, &fn->body, panicwrap_check(lw, x));
    if (derefs == 2) {
        IrNode *d = ir_new(lw->p, IR_ODEREF, NOPOS, welem);
        d->x = x;
        d->flags |= IR_F_IMPLICIT;
        x = d;
        typ = welem;
    }
    for (uint32_t i = 0; i + 1 < sel->nindex; i++) {
        x = lw_dot_field(lw, x, sel->index[i], NOPOS, true);
        typ = x->type;
    }
    /* addTailCall: a *T wrapper of a promoted pointer method tail-calls
     * it (gc prefers OTAILCALL unless the method can be inlined, which
     * it cannot under -l) and is Dupok but not Wrapper */
    TyType *mrecv = msig->recv ? msig->recv->type : NULL;
    bool tail = ptr && mrecv && is_ptr(mrecv) && sel->nindex > 1 && !ty_is_interface(typ);
    wrapper_call(lw, fn, x, typ, m, msig, 1, tail);
    lw_pop_fn(lw);
    ir_package_add_func(lw->p, lw->pkg, fn);
}

TySelection *lw_sorted_method_set(Lower *lw, TyType *t, uint32_t *n)
{
    TySelection *ms = ty_method_set(lw->env, t, n);
    if (*n == 0)
        return NULL;
    TySelection *sorted = malloc(sizeof *sorted * *n);
    memcpy(sorted, ms, sizeof *sorted * *n);
    qsort(sorted, *n, sizeof *sorted, method_cmp);
    return sorted;
}

/* wrapType for a type read by the package. */
static void wrap_base(Lower *lw, const WrapBase *T)
{
    TyEnv *env = lw->env;
    bool iface = ty_is_interface(T->t);
    /* gc's AllMethods after CalcMethods: every method of *T (of I for an
     * interface), sorted by name */
    uint32_t n = 0;
    TySelection *sorted = lw_sorted_method_set(lw, iface ? T->t : ty_new_pointer(env, T->t), &n);
    for (uint32_t i = 0; i < n; i++) {
        TySelection *sel = &sorted[i];
        TySignature *msig = ty_as_signature(sel->obj->type);
        if (!msig || !sel->obj->name || lw_sym_is_blank(sel->obj->name))
            continue;
        TyType *wrappee = msig->recv ? msig->recv->type : NULL;
        if (iface) {
            method_wrapper(lw, T, T->t, 0, sel);
            continue;
        }
        bool via_ptr;
        TyType *end = lw_embedded_path(T->t, sel->index, sel->nindex - 1, &via_ptr);
        bool iface_method = end && ty_is_interface(end);
        /* T.M: IsMethodApplicable, and not the method itself */
        bool applicable = !wrappee || !is_ptr(wrappee) || iface_method || via_ptr;
        if (applicable && !(wrappee && ty_identical(wrappee, T->t)))
            method_wrapper(lw, T, T->t, 0, sel);
        /* (*T).M */
        TyType *pt = ty_new_pointer(env, T->t);
        if (!(wrappee && ty_identical(wrappee, pt)))
            method_wrapper(lw, T, pt, 1, sel);
        /* (**T).M for a not-in-heap T */
        if (ir_type_not_in_heap(T->t))
            method_wrapper(lw, T, ty_new_pointer(env, pt), 2, sel);
    }
    free(sorted);
}

static void wrap_type(Lower *lw, TyNamed *T)
{
    WrapBase b = {&T->t, T->obj->name->name, T->obj->pkg};
    uint32_t gen = T->obj->pkg == lw->pkg->types ? ir_local_type_gen(T->obj) : 0;
    if (gen)
        b.name = arena_printf(lw->a, "%s\xc2\xb7%u", b.name, gen); /* T·N */
    if (T->targs.len) {
        /* an instance: Box[int], the type arguments' link strings */
        Buf nb = {0};
        buf_printf(&nb, "%s[", b.name);
        for (uint32_t i = 0; i < T->targs.len; i++) {
            if (i)
                buf_putc(&nb, ',');
            ir_fmt_type_link(&nb, lw->p, NULL, T->targs.items[i]);
        }
        buf_putc(&nb, ']');
        b.name = arena_strdup(lw->a, buf_str(&nb));
        buf_free(&nb);
    }
    wrap_base(lw, &b);
}

/* an unnamed struct or interface type: its symbol is its link string in
 * gc's "go" package */
static void wrap_unnamed(Lower *lw, TyType *t)
{
    WrapBase b = {t, lw_type_link_sym(lw, t)->name, go_package(lw)};
    wrap_base(lw, &b);
}

void lw_note_method_value(Lower *lw, TyType *rcvr, TyObject *m)
{
    if (!rcvr || !m || !m->name)
        return;
    LwMethodValue *r = ARENA_NEW(lw->a, LwMethodValue);
    r->rcvr = rcvr;
    r->m = m;
    ptrvec_push(&lw->method_values, r);
}

/* ir.MethodSymSuffix(rcvr, m, "-fm"): "(*T).M-fm", "T.M-fm", with T the
 * receiver type's symbol name (instances: "Box[int]", link strings of
 * the type arguments) or an unnamed type's link string; *pkg is the
 * symbol's package (the receiver type's, else gc's "go" package: NULL). */
static const char *fm_name(Lower *lw, TyType *rcvr, TyObject *m, TyPackage **pkg)
{
    TyType *t = ty_unalias(rcvr);
    bool ptr = false;
    if (t && t->kind == TY_POINTER && !ty_as_named(t)) {
        TyType *e = ty_unalias(TY_AS(TyPointer, t)->base);
        if (e && e->kind == TY_NAMED) {
            ptr = true;
            t = e;
        }
    }
    Buf b = {0};
    if (ptr)
        buf_puts(&b, "(*");
    *pkg = NULL;
    if (t && t->kind == TY_NAMED) {
        TyNamed *n = TY_AS(TyNamed, t);
        *pkg = n->obj->pkg;
        buf_puts(&b, n->obj->name->name);
        if (n->targs.len) {
            buf_putc(&b, '[');
            for (uint32_t i = 0; i < n->targs.len; i++) {
                if (i)
                    buf_putc(&b, ',');
                ir_fmt_type_link(&b, lw->p, NULL, n->targs.items[i]);
            }
            buf_putc(&b, ']');
        }
    } else {
        ir_fmt_type_link(&b, lw->p, NULL, rcvr);
    }
    if (ptr)
        buf_puts(&b, ")");
    put_method_part(&b, m, *pkg);
    buf_puts(&b, "-fm");
    const char *s = arena_strdup(lw->a, buf_str(&b));
    buf_free(&b);
    return s;
}

/* wrapMethodValue: func(params) results { return .this.M(params) }, with
 * the receiver in the hidden parameter .this (a closure variable of a
 * function that is not a closure: ir.NewHiddenParam). */
static void method_value_wrapper(Lower *lw, TyType *rcvr, TyObject *m, const char *linkname, TyPackage *pkg)
{
    TySignature *msig = ty_as_signature(m->type);
    if (!msig)
        return;
    TySignature *wsig = ty_new_signature(lw->env, NULL, copy_tuple(lw, msig->params, pkg),
                                         copy_tuple(lw, msig->results, pkg), msig->variadic);
    IrFunc *fn = lw_new_func(lw, NULL, linkname, wsig, NOPOS);
    fn->fflags |= IR_FN_WRAPPER | IR_FN_DUPOK;
    fn->nname->pkg = pkg; /* the symbol's package (NULL: local) */
    IrName *fake = ir_new_name(lw->p, NOPOS, sym_cstr(lw->p->syms, ".this"), IR_PPARAM, rcvr);
    fake->nflags |= IR_N_BYVAL;
    LowerFn lf;
    lw_push_fn(lw, &lf, fn);
    IrName *self = lw_closure_var(lw, fn, NOPOS, fake);
    self->nflags |= IR_N_BYVAL;
    wrapper_call(lw, fn, &self->n, rcvr, m, msig, 0, false);
    lw_pop_fn(lw);
    ir_package_add_func(lw->p, lw->pkg, fn);
}

static void make_method_value_wrappers(Lower *lw)
{
    PtrMap seen = {0};
    for (uint32_t i = 0; i < lw->method_values.len; i++) {
        LwMethodValue *r = lw->method_values.data[i];
        TyPackage *pkg;
        const char *name = fm_name(lw, r->rcvr, r->m, &pkg);
        /* the symbol's Uniq flag, per package of the symbol */
        const Sym *key = sym_cstr(lw->p->syms, arena_printf(lw->a, "%s.%s", pkg ? pkg->path : "go", name));
        if (ptrmap_get(&seen, PMKEY(key)))
            continue;
        ptrmap_put(&seen, PMKEY(key), (void *)1);
        method_value_wrapper(lw, r->rcvr, r->m, name, pkg == lw->pkg->types ? NULL : pkg);
    }
    ptrmap_free(&seen);
    ptrvec_free(&lw->method_values);
}

void lw_make_wrappers(Lower *lw)
{
    /* the types read, in reading order: the package's named types, shape
     * types (their sym is in go.shape: NeedEmit holds for them),
     * function-local types, instances, unnamed structs and interfaces */
    PtrMap seen = {0}; /* MakeWrappers' seen: types by link string */
    for (uint32_t i = 0; i < lw->wrap_have.cap; i++)
        if (lw->wrap_have.keys[i])
            ptrmap_put(&seen, PMKEY(lw_type_link_sym(lw, (TyType *)(uintptr_t)lw->wrap_have.keys[i])), (void *)1);
    for (uint32_t i = 0; i < lw->wrapper_types.len; i++) {
        TyType *t = lw->wrapper_types.data[i];
        const Sym *key = lw_type_link_sym(lw, t);
        if (ptrmap_get(&seen, PMKEY(key)))
            continue;
        ptrmap_put(&seen, PMKEY(key), (void *)1);
        if (t->kind == TY_NAMED)
            wrap_type(lw, (TyNamed *)t);
        else
            wrap_unnamed(lw, t);
    }
    /* always error.Error (#29304); NeedEmit holds for it in runtime only */
    const char *path = lw->pkg->types->path;
    TyNamed *err = ty_as_named(lw->env->error_type);
    if (err && path && strcmp(path, "runtime") == 0) {
        if (!ptrmap_get(&seen, PMKEY(lw_type_link_sym(lw, &err->t))))
            wrap_type(lw, err);
    }
    ptrmap_free(&seen);
    ptrvec_free(&lw->wrapper_types);
    make_method_value_wrappers(lw);
}
