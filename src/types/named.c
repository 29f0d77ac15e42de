/*
 * Named types (types2 named.go): underlying types, instances and their
 * lazy expansion, and cleanup at the end of a package.
 *
 * The underlying type of a declared type follows the chain of its
 * declaration's right-hand sides through named and alias types (type A B;
 * type B C; type C struct{...}) until a type literal or predeclared type is
 * found, and then is set for every named type on the chain (types2
 * resolveUnderlying).  Direct cycles (type A B; type B A) are reported
 * before (cycles.c for package-level types, validtype.c for local ones);
 * here a cycle or a type whose declaration is still in progress yields the
 * invalid type, as in types2.
 *
 * An instance T[A] gets its RHS by substituting A in T's RHS when its
 * underlying type is first needed ("expansion"); its methods are
 * instantiated one by one when first asked for.
 */
#include "generics.h"

#include <stdlib.h>
#include <string.h>

TyNamed *gx_new_named_instance(Checker *ck, TyEnv *env, Pos pos, TyNamed *orig, TyTypeList targs)
{
    TyNamed *n = ty_new_named(env, orig->obj, NULL);
    n->orig = orig;
    n->targs.len = targs.len;
    n->targs.items = arena_memdup(&env->arena, targs.items, sizeof(TyType *) * (targs.len ? targs.len : 1));
    n->tparams = orig->tparams;
    n->instpos = pos;
    n->check = ck;
    if (ck) {
        n->state |= GX_NAMED_CLEANUP;
        gx_needs_cleanup(ck, n);
    }
    return n;
}

/* expandRHS: the RHS of an instance, from its origin's.  Returns false if
 * the origin's declaration is not done yet (nothing is changed then). */
static bool expand_rhs(TyEnv *env, TyNamed *n)
{
    if (n->state & GX_NAMED_EXPANDED)
        return true;
    TyNamed *orig = n->orig;
    if (n->targs.len != orig->tparams.len) {
        n->fromrhs = ty_typ(env, TY_INVALID);
        n->state |= GX_NAMED_EXPANDED;
        return true;
    }
    if (!orig->fromrhs)
        return false;
    Checker *ck = n->check;
    SubstMap m = {.from = orig->tparams.items, .to = n->targs.items, .len = orig->tparams.len};
    TyType *rhs = gx_subst(ck, env, n->instpos, orig->fromrhs, m, n);

    /* interface methods with the origin as receiver get the instance */
    if (rhs->kind == TY_INTERFACE) {
        TyInterface *it = TY_AS(TyInterface, rhs);
        bool copied;
        uint32_t nm = it->nmethods;
        TyObject **methods = gx_replace_recv_type(env, it->methods, nm, &orig->t, &n->t, &copied);
        if (copied) {
            if (rhs == orig->fromrhs) {
                /* not substituted: make a new interface for the instance */
                TyInterface *crafted = ty_new_interface(env, NULL, 0, it->embeddeds, it->nembeddeds);
                crafted->complete = true;
                crafted->check = ck;
                gx_needs_cleanup(ck, crafted);
                it = crafted;
                rhs = &crafted->t;
            }
            it->methods = methods;
            it->nmethods = nm;
            it->tset = NULL; /* recomputed with the new methods */
        }
    }
    n->fromrhs = rhs;
    n->state |= GX_NAMED_EXPANDED;
    return true;
}

/* resolveUnderlying.  With eager set (right after a declaration), give up
 * quietly, leaving the type to lazy resolution, when the chain reaches a
 * type whose declaration is not done yet or a cycle.  Returns the
 * underlying type, or NULL if eager resolution gave up. */
static TyType *resolve(TyEnv *env, TyNamed *n, bool eager)
{
    TyNamed *pathbuf[16], **path = pathbuf;
    uint32_t npath = 0, cappath = 16;
    TyType *u = NULL;
    bool cache = true;
    TyType *rhs = &n->t;
    while (!u) {
        if (!rhs) {
            if (eager)
                goto giveup;
            u = ty_typ(env, TY_INVALID);
            break;
        }
        switch (rhs->kind) {
        case TY_ALIAS:
            rhs = ty_unalias(rhs);
            break;
        case TY_NAMED: {
            TyNamed *t = TY_AS(TyNamed, rhs);
            if (t->underlying) {
                u = t->underlying;
                break;
            }
            bool cycle = false;
            for (uint32_t i = 0; i < npath; i++)
                if (path[i] == t)
                    cycle = true;
            if (cycle) {
                /* reported elsewhere */
                if (eager)
                    goto giveup;
                u = ty_typ(env, TY_INVALID);
                break;
            }
            if (npath == cappath) {
                cappath *= 2;
                TyNamed **np = xmalloc(sizeof(TyNamed *) * cappath);
                memcpy(np, path, sizeof(TyNamed *) * npath);
                if (path != pathbuf)
                    free(path);
                path = np;
            }
            path[npath++] = t;
            if (t->orig != t && !expand_rhs(env, t)) {
                /* an instance of a type still being declared */
                if (eager)
                    goto giveup;
                u = ty_typ(env, TY_INVALID);
                cache = false;
                break;
            }
            rhs = t->fromrhs;
            break;
        }
        default:
            u = rhs;
            break;
        }
    }
    if (cache)
        for (uint32_t i = 0; i < npath; i++)
            if (!path[i]->underlying)
                path[i]->underlying = u;
    if (path != pathbuf)
        free(path);
    return u;
giveup:
    if (path != pathbuf)
        free(path);
    return NULL;
}

TyType *ty_named_underlying(TyEnv *env, TyNamed *n)
{
    if (n->underlying)
        return n->underlying;
    return resolve(env ? env : n->env, n, false);
}

void ty_named_resolve(TyEnv *env, TyNamed *n)
{
    if (!n->underlying)
        resolve(env ? env : n->env, n, true);
}

void ty_named_expand(TyEnv *env, TyNamed *n) { ty_named_underlying(env, n); }

uint32_t ty_named_num_methods(TyNamed *n) { return n->orig->nmethods; }

static bool has_ptr_recv(TyObject *f)
{
    TyType *t = f->type;
    if (t && t->kind == TY_SIGNATURE && TY_AS(TySignature, t)->recv) {
        bool isptr;
        ty_deref(TY_AS(TySignature, t)->recv->type, &isptr);
        return isptr;
    }
    return (f->flags & TY_OF_PTRRECV) != 0;
}

/* expandMethod: the i'th method of the origin, with the instance's type
 * arguments for the receiver's type parameters. */
static TyObject *expand_method(TyEnv *env, TyNamed *n, uint32_t i)
{
    TyNamed *orig = n->orig;
    TyObject *origm = orig->methods[i];
    Checker *ck = n->check;
    if (ck)
        ck_obj_decl(ck, origm); /* the method's signature must be set up */
    if (!origm->type || origm->type->kind != TY_SIGNATURE)
        return origm;
    TySignature *osig = TY_AS(TySignature, origm->type);
    /* the origin method itself if the instance is the receiver's own
     * (as for m in func (r T[_]) m() { r.m() }) */
    if (osig->recv && ty_deref(osig->recv->type, NULL) == &n->t)
        return origm;
    TySignature *sig = osig;
    /* substitute only if parameters and arguments correspond (they may
     * not in invalid code) */
    if (osig->rparams.len == n->targs.len) {
        SubstMap m = {.from = osig->rparams.items, .to = n->targs.items, .len = n->targs.len};
        sig = TY_AS(TySignature, gx_subst(ck, env, origm->pos, &osig->t, m, n));
    }
    if (sig == osig) {
        /* a new signature to hold the instantiated receiver */
        sig = ARENA_NEW(&env->arena, TySignature);
        *sig = *osig;
        sig->t.id = ++env->next_type_id;
    }
    TyType *rtyp = has_ptr_recv(origm) ? ty_new_pointer(env, &n->t) : &n->t;
    if (osig->recv)
        sig->recv = gx_clone_var(env, osig->recv, rtyp);
    return gx_clone_func(env, origm, &sig->t);
}

TyObject *ty_named_method(TyEnv *env, TyNamed *n, uint32_t i)
{
    if (!env)
        env = n->env;
    TyNamed *orig = n->orig;
    if (orig == n)
        return n->methods[i];
    if (n->capmethods < orig->nmethods) {
        /* the origin may have got more methods since (instances can be
         * created before the methods are collected) */
        TyObject **ms = ARENA_ARRAY(&env->arena, TyObject *, orig->nmethods);
        if (n->nmethods)
            memcpy(ms, n->methods, sizeof(TyObject *) * n->nmethods);
        n->methods = ms;
        n->capmethods = orig->nmethods;
    }
    if (n->nmethods < orig->nmethods)
        n->nmethods = orig->nmethods;
    if (!n->methods[i]) {
        n->methods[i] = expand_method(env, n, i);
        n->expanded++;
    }
    return n->methods[i];
}

/* ---- cleanup ---------------------------------------------------------------------------- */

void ty_cleanup(TyEnv *env, void *cleaner)
{
    TyType *t = cleaner;
    switch (t->kind) {
    case TY_NAMED: {
        TyNamed *n = TY_AS(TyNamed, t);
        /* instances may keep a missing underlying type: they expand
         * lazily; all other types must have one */
        if (n->orig == n)
            ty_named_underlying(env, n);
        n->check = NULL;
        break;
    }
    case TY_TYPEPARAM: {
        TyTypeParam *tp = TY_AS(TyTypeParam, t);
        ty_typeparam_iface(env, tp); /* may update the bound: do it now */
        tp->check = NULL;
        break;
    }
    case TY_INTERFACE: {
        TyInterface *it = TY_AS(TyInterface, t);
        ty_compute_interface_typeset(it->check, NOPOS, it);
        it->check = NULL;
        it->embedpos = NULL;
        break;
    }
    case TY_ALIAS: {
        TyAlias *a = TY_AS(TyAlias, t);
        if (!a->actual) {
            a->actual = ty_unalias(a->fromrhs);
            if (!a->actual)
                a->actual = ty_typ(env, TY_INVALID);
        }
        break;
    }
    default:
        break;
    }
}
