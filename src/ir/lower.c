/*
 * The lowering driver: packages in gc's Target.Funcs order, the synthetic
 * package initializer, functions with their Dcl, names (globals, locals,
 * closure variables) and temporaries.
 *
 * gc does this in noder/reader.go (pkgInit, pkgInitOrder, pkgDecls,
 * funcBody, declareParams, addLocal/useLocal, funcLit, readBodies), in
 * ir/func.go (NewClosureFunc, closureName, DeclareParams) and in
 * typecheck (DeclFunc, TempAt).  The unified IR writer decides which
 * outer variables a function literal captures, in first-use order; here a
 * closure variable is created at its first use instead (lw_name), which
 * gives the same list: a use inside a nested literal makes every literal
 * in between capture the variable at that same point and position, as the
 * writer does when it registers the inner literal's captures in the outer
 * one.
 */
#include "lower.h"

#include "../types/generics.h"

#include <string.h>

/* ---- names ------------------------------------------------------------------- */

static bool is_global_var(const TyObject *obj)
{
    if (obj->kind != TY_OBJ_VAR)
        return false;
    if (obj->varkind == TY_PACKAGE_VAR)
        return true;
    return obj->pkg && obj->parent && obj->parent == obj->pkg->scope;
}

/* a generic function or method, or an instantiated one (gc reads those
 * with a dictionary: reader.hasTypeParams) */
static bool generic_related(const TyObject *obj)
{
    if (obj->origin && obj->origin != obj)
        return true;
    TySignature *sig = obj->kind == TY_OBJ_FUNC ? ty_as_signature(obj->type) : NULL;
    if (!sig)
        return false;
    return sig->tparams.len || sig->rparams.len || (sig->recv && lw_is_instance(sig->recv->type));
}

IrName *lw_global(Lower *lw, TyObject *obj)
{
    IrName *n = ptrmap_get(&lw->p->globals, PMKEY(obj));
    /* reading the object reads its type (names are shared by the
     * packages of a run; the types read are per package); an imported
     * object's with the imported package's reader */
    bool save = lw->imported_ctx;
    if (obj->pkg && obj->pkg != lw->pkg->types && !generic_related(obj))
        lw->imported_ctx = true;
    lw_read_type(lw, obj->type);
    lw->imported_ctx = save;
    if (n)
        return n;
    IrClass cls = obj->kind == TY_OBJ_FUNC ? IR_PFUNC : IR_PEXTERN;
    n = ir_new_name(lw->p, obj->pos, obj->name, cls, obj->type);
    n->obj = obj;
    if (cls == IR_PFUNC) {
        n->fobj = obj;
        n->func = ptrmap_get(&lw->p->funcs_by_obj, PMKEY(obj));
    }
    /* a package-level `_` is a real PEXTERN variable (ir.IsBlank still
     * holds for it, by its name); IR_N_BLANK is for ir.BlankNode only */
    ptrmap_put(&lw->p->globals, PMKEY(obj), n);
    return n;
}

IrName *lw_closure_var(Lower *lw, IrFunc *fn, Pos pos, IrName *outer)
{
    IrName *c = ir_new_name(lw->p, pos, outer->sym, IR_PAUTOHEAP, outer->n.type);
    c->curfn = fn;
    c->nflags |= IR_N_CLOSUREVAR;
    c->defn = &ir_canonical(outer)->n;
    c->outer = outer;
    c->obj = outer->obj;
    ir_list_push(lw->p, &fn->closurevars, &c->n);
    return c;
}

/* The variable obj as function lf sees it: its own, or a closure
 * variable chained through every enclosing literal up to the declaring
 * function (created with the position of this first use). */
static IrName *local_name(Lower *lw, LowerFn *lf, TyObject *obj, Pos use_pos)
{
    IrName *n = ptrmap_get(&lf->vars, PMKEY(obj));
    if (n)
        return n;
    if (!lf->outer) {
        diags_add(lw->p->diags, use_pos, "internal error: goesc lowering: no variable %s in %s",
                  obj->name ? obj->name->name : "?", lf->fn->linkname);
        n = ir_new_name(lw->p, use_pos, obj->name, IR_PAUTO, obj->type);
        n->curfn = lf->fn;
        n->obj = obj;
        ptrmap_put(&lf->vars, PMKEY(obj), n);
        return n;
    }
    IrName *o = local_name(lw, lf->outer, obj, use_pos);
    n = lw_closure_var(lw, lf->fn, use_pos, o);
    ptrmap_put(&lf->vars, PMKEY(obj), n);
    return n;
}

IrName *lw_name(Lower *lw, TyObject *obj, Pos use_pos)
{
    if (obj->kind == TY_OBJ_FUNC || is_global_var(obj))
        return lw_global(lw, obj);
    return local_name(lw, lw->fn, obj, use_pos);
}

IrName *lw_new_local(Lower *lw, TyObject *obj, Pos pos, TyType *t)
{
    IrFunc *fn = lw->fn->fn;
    const Sym *sym = obj && obj->name ? obj->name : lw->sym_blank;
    IrName *n = ir_new_name(lw->p, pos, sym, IR_PAUTO, t);
    n->curfn = fn;
    n->obj = obj;
    if (lw_sym_is_blank(sym))
        n->nflags |= IR_N_BLANK;
    ir_list_push(lw->p, &fn->dcl, &n->n);
    if (obj)
        ptrmap_put(&lw->fn->vars, PMKEY(obj), n);
    return n;
}

IrName *lw_temp(Lower *lw, Pos pos, TyType *t)
{
    IrFunc *fn = lw->fn->fn;
    char buf[32];
    snprintf(buf, sizeof buf, ".autotmp_%u", fn->dcl.len);
    IrName *n = ir_new_name(lw->p, pos, sym_cstr(lw->p->syms, buf), IR_PAUTO, t);
    n->curfn = fn;
    n->nflags |= IR_N_AUTOTEMP | IR_N_USED;
    ir_list_push(lw->p, &fn->dcl, &n->n);
    return n;
}

IrNode *lw_blank(Lower *lw, Pos pos, TyType *t)
{
    (void)pos;
    (void)t;
    IrName *n = ir_new_name(lw->p, NOPOS, lw->sym_blank, IR_PXXX, NULL);
    n->nflags |= IR_N_BLANK;
    return &n->n;
}

/* ---- functions ------------------------------------------------------------------ */

/* One receiver/parameter/result of a new function (ir.Func.DeclareParams):
 * unnamed and blank ones are called ~pN / ~rN, N counting from the
 * receiver for parameters and from 0 for results. */
static IrName *declare_param(Lower *lw, IrFunc *fn, TyObject *v, IrClass cls, const char *prefix,
                             uint32_t i)
{
    const Sym *sym = v->name;
    if (!sym || sym->len == 0 || lw_sym_is_blank(sym)) {
        char buf[32];
        snprintf(buf, sizeof buf, "%s%u", prefix, i);
        sym = sym_cstr(lw->p->syms, buf);
    }
    IrName *n = ir_new_name(lw->p, v->pos, sym, cls, v->type);
    n->curfn = fn;
    n->obj = v;
    ir_list_push(lw->p, &fn->dcl, &n->n);
    return n;
}

IrFunc *lw_new_func(Lower *lw, TyObject *obj, const char *linkname, TySignature *sig, Pos pos)
{
    IrFunc *fn = ARENA_NEW(lw->a, IrFunc);
    fn->obj = obj;
    fn->sig = sig;
    fn->linkname = linkname;
    fn->pos = pos;
    const Sym *sym = sym_cstr(lw->p->syms, linkname);
    IrName *nn;
    if (obj) {
        nn = lw_global(lw, obj);
        nn->sym = sym; /* methods: T.M, (*T).M; init functions: init.N */
        nn->func = fn;
        ptrmap_put(&lw->p->funcs_by_obj, PMKEY(obj), fn);
    } else {
        nn = ir_new_name(lw->p, pos, sym, IR_PFUNC, &sig->t);
        nn->func = fn;
    }
    fn->nname = nn;

    uint32_t i = 0;
    if (sig->recv)
        declare_param(lw, fn, sig->recv, IR_PPARAM, "~p", i++);
    for (uint32_t k = 0; k < sig->params->len; k++)
        declare_param(lw, fn, sig->params->vars[k], IR_PPARAM, "~p", i++);
    fn->nparams = i;
    for (uint32_t k = 0; k < sig->results->len; k++)
        declare_param(lw, fn, sig->results->vars[k], IR_PPARAMOUT, "~r", k);
    fn->nresults = sig->results->len;
    return fn;
}

/* ir.closureName: inside a range-over-func body, names are made as if
 * the closure were in the function the loop is in */
static const char *closure_name(Lower *lw, IrFunc *outer, IrOp why)
{
    if (outer->oclosure && outer->range_parent)
        outer = outer->range_parent;
    const char *suffix = ".";
    uint32_t *gen = &outer->nclosures;
    switch (why) {
    case IR_OCLOSURE:
        if (!outer->oclosure)
            suffix = ".func";
        break;
    case IR_ORANGE:
        suffix = "-range";
        gen = &outer->nrangelits;
        break;
    case IR_OGO:
        suffix = ".gowrap";
        gen = &outer->nwrappers;
        break;
    case IR_ODEFER:
        suffix = ".deferwrap";
        gen = &outer->nwrappers;
        break;
    default:
        break;
    }
    ++*gen;
    return arena_printf(lw->a, "%s%s%u", outer->linkname, suffix, *gen);
}

IrFunc *lw_new_closure(Lower *lw, IrOp why, TySignature *sig, Pos pos)
{
    IrFunc *outer = lw->fn->fn;
    IrFunc *fn = lw_new_func(lw, NULL, closure_name(lw, outer, why), sig, pos);
    fn->fflags |= outer->fflags & IR_FN_DUPOK;
    fn->closure_parent = outer;
    if (why == IR_ORANGE)
        fn->range_parent = outer->oclosure && outer->range_parent ? outer->range_parent : outer;
    IrNode *clo = ir_new(lw->p, IR_OCLOSURE, pos, &sig->t);
    clo->func = fn;
    fn->oclosure = clo;
    ir_package_add_func(lw->p, lw->pkg, fn);
    return fn;
}

void lw_push_fn(Lower *lw, LowerFn *lf, IrFunc *fn)
{
    memset(lf, 0, sizeof *lf);
    lf->fn = fn;
    lf->outer = lw->fn;
    for (uint32_t i = 0; i < fn->nparams + fn->nresults && i < fn->dcl.len; i++) {
        IrName *n = (IrName *)fn->dcl.items[i];
        if (n->obj)
            ptrmap_put(&lf->vars, PMKEY(n->obj), n);
    }
    lw->fn = lf;
}

void lw_pop_fn(Lower *lw)
{
    LowerFn *lf = lw->fn;
    ptrmap_free(&lf->vars);
    ptrmap_free(&lf->labels);
    lw->fn = lf->outer;
}

void lw_func_body(Lower *lw, IrFunc *fn, SynBlockStmt *body)
{
    /* a fresh LowerFn: base_pos NOPOS is the function's position, as
     * ir.WithFunc sets and restores base.Pos */
    LowerFn lf;
    lw_push_fn(lw, &lf, fn);
    if (!body) {
        fn->fflags |= IR_FN_BODYLESS;
    } else {
        lw_stmts(lw, body->list, &fn->body);
        /* reader.funcBody: an empty body is one empty block, which is how
         * gc tells `func f() {}` from a function without a body; it is
         * at base.Pos (ir.NewBlockStmt without a position) */
        if (fn->body.len == 0)
            ir_list_push(lw->p, &fn->body, ir_new(lw->p, IR_OBLOCK, lw_base_pos(lw), NULL));
        fn->endpos = body->rbrace;
    }
    lw_pop_fn(lw);
}

/* ---- the package initializer -------------------------------------------------- */

/* typecheck.assign for an N:1 package-level initializer `a, b = rhs`:
 * the op follows the right-hand side; a call whose results need
 * conversions goes through temps (typecheck.RewriteMultiValueCall). */
static IrNode *init_multi_assign(Lower *lw, Pos pos, IrName **lhs, uint32_t nlhs, IrNode *rhs)
{
    IrNode *as = ir_new(lw->p, IR_OAS2, pos, NULL);
    for (uint32_t i = 0; i < nlhs; i++)
        ir_list_push(lw->p, &as->list, &lhs[i]->n);
    ir_list_push(lw->p, &as->rlist, rhs);
    switch (rhs->op) {
    case IR_OINDEXMAP:
        as->op = IR_OAS2MAPR;
        return as;
    case IR_ORECV:
        as->op = IR_OAS2RECV;
        return as;
    case IR_ODOTTYPE:
        as->op = IR_OAS2DOTTYPE;
        rhs->op = IR_ODOTTYPE2;
        return as;
    case IR_ODYNAMICDOTTYPE:
        as->op = IR_OAS2DOTTYPE;
        rhs->op = IR_ODYNAMICDOTTYPE2;
        return as;
    default:
        break;
    }
    as->op = IR_OAS2FUNC;
    TyType *rt = rhs->type;
    if (!rt || rt->kind != TY_TUPLE)
        return as;
    TyTuple *tup = (TyTuple *)rt;
    bool mismatched = false;
    for (uint32_t i = 0; i < nlhs && i < tup->len; i++)
        if (!ty_identical(lhs[i]->n.type, tup->vars[i]->type))
            mismatched = true;
    if (!mismatched)
        return as;
    IrNode *call = ir_new(lw->p, IR_OAS2FUNC, pos, NULL);
    ir_list_push(lw->p, &call->rlist, rhs);
    as->op = IR_OAS2;
    as->rlist.len = 0;
    for (uint32_t i = 0; i < tup->len; i++) {
        IrName *t = lw_temp(lw, pos, tup->vars[i]->type);
        IrNode *d = ir_new(lw->p, IR_ODCL, pos, NULL);
        d->x = &t->n;
        ir_list_push(lw->p, &call->init, d);
        ir_list_push(lw->p, &call->list, &t->n);
        t->defn = call;
    }
    ir_list_push(lw->p, &as->init, call);
    for (uint32_t i = 0; i < tup->len && i < nlhs; i++)
        ir_list_push(lw->p, &as->rlist, lw_implicit_conv(lw, call->list.items[i], lhs[i]->n.type, pos));
    return as;
}

/* reader.pkgInitOrder: package-level initializers in types2's init order
 * become the body of the synthetic "init", whose closures are named
 * init.funcN.  The implicit conversion to the variable's type is
 * typecheck's (AssignConv at base.Pos, the variable's position): the
 * writer writes the right-hand side as is. */
static void lower_pkg_init(Lower *lw)
{
    TyPackage *pkg = lw->pkg->types;
    IrFunc *fn = lw_new_func(lw, NULL, "init", lw->empty_sig, NOPOS);
    fn->fflags |= IR_FN_PKGINIT;
    lw->initfn = fn;
    ir_package_add_func(lw->p, lw->pkg, fn);

    LowerFn lf;
    lw_push_fn(lw, &lf, fn);
    for (uint32_t i = 0; i < pkg->ninits; i++) {
        TyInitializer *in = &pkg->inits[i];
        if (in->nlhs == 0 || !in->rhs)
            continue;
        IrName **lhs = ARENA_ARRAY(lw->a, IrName *, in->nlhs);
        for (uint32_t j = 0; j < in->nlhs; j++)
            lhs[j] = lw_global(lw, in->lhs[j]);
        IrNode *rhs = lw_expr(lw, in->rhs);
        Pos pos = lhs[0]->n.pos;
        IrNode *as;
        if (in->nlhs == 1) {
            as = ir_new(lw->p, IR_OAS, pos, NULL);
            as->x = &lhs[0]->n;
            as->y = lw_implicit_conv(lw, rhs, lhs[0]->n.type, pos);
        } else {
            /* a comma-ok right-hand side is typed with its pair */
            if (rhs->type && rhs->type->kind == TY_TUPLE && rhs->op != IR_OCALLFUNC &&
                rhs->op != IR_OCALLINTER && ((TyTuple *)rhs->type)->len > 0)
                rhs->type = ((TyTuple *)rhs->type)->vars[0]->type;
            as = init_multi_assign(lw, pos, lhs, in->nlhs, rhs);
        }
        for (uint32_t j = 0; j < in->nlhs; j++)
            lhs[j]->defn = as;
        ir_list_push(lw->p, &fn->body, as);
    }
    lw_pop_fn(lw);
}

/* ---- declared functions -------------------------------------------------------- */

/* gc's symbol of a method: T.M or (*T).M */
static const char *method_linkname(Lower *lw, TySignature *sig, const Sym *name)
{
    TyType *rt = ty_unalias(sig->recv->type);
    bool ptr = false;
    if (rt->kind == TY_POINTER) {
        ptr = true;
        rt = ty_unalias(((TyPointer *)rt)->base);
    }
    const char *tname = "?";
    if (rt->kind == TY_NAMED && ((TyNamed *)rt)->obj && ((TyNamed *)rt)->obj->name)
        tname = ((TyNamed *)rt)->obj->name->name;
    return ptr ? arena_printf(lw->a, "(*%s).%s", tname, name->name)
               : arena_printf(lw->a, "%s.%s", tname, name->name);
}

/* an interface usable only as a type parameter bound (not a method
 * set: type terms or comparable), whose declaration the writer skips */
static bool constraint_only(Lower *lw, TyType *t)
{
    TyInterface *it = t ? ty_as_interface(t) : NULL;
    if (!it)
        return false;
    TyTypeSet *ts = ty_interface_typeset(lw->env, it);
    return ts && (ts->comparable || !gx_terms_is_all(ts->terms));
}

/* reader.pkgDecls, declFunc and declMethod: every function and method
 * that is compiled gets its IrFunc now, in declaration order; its body
 * is read later (todoBodies). */
static void declare_func(Lower *lw, SynFuncDecl *d, uint32_t *ninit)
{
    if (lw_sym_is_blank(d->name->value))
        return; /* never compiled */
    TyTV *tv = ty_tv(&d->name->n);
    TyObject *obj = tv ? tv->obj : NULL;
    if (!obj || obj->kind != TY_OBJ_FUNC || !obj->type || obj->type->kind != TY_SIGNATURE)
        return;
    TySignature *sig = (TySignature *)obj->type;
    if (sig->tparams.len || sig->rparams.len)
        return; /* generic: only instantiations are compiled */
    lw_read_type(lw, obj->type); /* reading the declaration reads its signature */
    const char *linkname;
    if (sig->recv)
        linkname = method_linkname(lw, sig, obj->name);
    else if (strcmp(obj->name->name, "init") == 0)
        linkname = arena_printf(lw->a, "init.%u", (*ninit)++); /* noder.Renameinit */
    else
        linkname = obj->name->name;
    IrFunc *fn = lw_new_func(lw, obj, linkname, sig, d->n.pos);
    if (d->pragma)
        fn->pragma = d->pragma->flags;
    if (!d->body)
        fn->fflags |= IR_FN_BODYLESS;
    ir_package_add_func(lw->p, lw->pkg, fn);
    TodoBody *t = ARENA_NEW(lw->a, TodoBody);
    t->fn = fn;
    t->decl = d;
    ptrvec_push(&lw->todo, t);
}

IrPackage *ir_build_package(IrProgram *prog, const IrConfig *conf, TyPackage *pkg, SynFile **files,
                            uint32_t nfiles)
{
    IrPackage *ip = ARENA_NEW(&prog->arena, IrPackage);
    ip->types = pkg;
    ip->files = files;
    ip->nfiles = nfiles;

    Lower lw;
    memset(&lw, 0, sizeof lw);
    lw.p = prog;
    lw.pkg = ip;
    lw.conf = conf;
    lw.env = prog->env;
    lw.a = &prog->arena;
    lw.sym_blank = sym_cstr(prog->syms, "_");
    lw.empty_sig = ty_new_signature(prog->env, NULL, prog->env->empty_tuple, prog->env->empty_tuple, false);

    /* generic declarations, whose bodies instantiations lower */
    for (uint32_t i = 0; i < nfiles; i++) {
        SynFile *f = files[i];
        for (uint32_t k = 0; f && k < f->decls.len; k++) {
            SynNode *d = f->decls.items[k];
            if (d->kind != SYN_FUNC_DECL)
                continue;
            SynFuncDecl *fd = (SynFuncDecl *)d;
            TyTV *tv = ty_tv(&fd->name->n);
            TyObject *obj = tv ? tv->obj : NULL;
            TySignature *sig = obj && obj->kind == TY_OBJ_FUNC ? ty_as_signature(obj->type) : NULL;
            if (sig && (sig->tparams.len || sig->rparams.len) && fd->body)
                ptrmap_put(&prog->generic_decls, PMKEY(obj), fd);
        }
    }
    lw_generic_begin(&lw);

    /* 1. the package initializer and its closures */
    if (pkg->ninits > 0)
        lower_pkg_init(&lw);

    /* 2. declared functions and methods, file by file */
    uint32_t ninit = 0;
    for (uint32_t i = 0; i < nfiles; i++) {
        SynFile *f = files[i];
        if (!f)
            continue;
        for (uint32_t k = 0; k < f->decls.len; k++) {
            SynNode *d = f->decls.items[k];
            if (d->kind == SYN_FUNC_DECL) {
                declare_func(&lw, (SynFuncDecl *)d, &ninit);
            } else if (d->kind == SYN_TYPE_DECL) {
                /* pkgDecls reads the package's (non-generic) types */
                SynTypeDecl *td = (SynTypeDecl *)d;
                TyTV *tv = ty_tv(&td->name->n);
                if (tv && tv->obj && td->tparams.len == 0 && !constraint_only(&lw, tv->obj->type))
                    lw_read_type(&lw, tv->obj->type);
            } else if (d->kind == SYN_VAR_DECL) {
                SynVarDecl *vd = (SynVarDecl *)d;
                for (uint32_t j = 0; j < vd->names.len; j++) {
                    TyTV *tv = ty_tv(vd->names.items[j]);
                    if (tv && tv->obj)
                        lw_read_type(&lw, tv->obj->type);
                }
            }
        }
    }

    /* 3. their bodies, last first as gc's readBodies pops todoBodies;
     * closures are appended to Target.Funcs as they are met */
    lw_read_bodies(&lw);

    /* 4. method wrappers (reading their types may still consult the
     * generic state, so it is released after them) */
    lw_make_wrappers(&lw);
    lw_generic_end(&lw);
    /* 5. ABI wrappers (gc makes them after staticinit, which adds no
     * functions) */
    uint32_t before_abi = ip->nfn;
    lw_abi_wrappers(&lw, files, nfiles);
    ip->nabi = ip->nfn - before_abi;
    ptrvec_free(&lw.todo);
    ptrmap_free(&lw.objs_read);
    ptrmap_free(&lw.dicts_written);
    ptrmap_free(&lw.wrap_have);
    return ip;
}
