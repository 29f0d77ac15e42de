/*
 * Direct cycles among package-level type declarations (types2 cycles.go):
 * type A B; type B = C; type C A.  A direct cycle goes from type name to
 * type name (alias or not) without any type literal in between; such types
 * have no underlying type.  They are found before the package's objects are
 * checked, the cycle is reported, and the type name at its start gets the
 * invalid type (so that checking its declaration is skipped).
 */
#include "generics.h"

void ck_direct_cycles(Checker *ck)
{
    /* pathIdx: absent (white), index+1 on the current path (grey), or
     * UINTPTR_MAX (black: done) */
    PtrMap idx = {0};
    const uintptr_t black = UINTPTR_MAX;
    PtrVec path = {0};
    for (uint32_t i = 0; i < ck->objlist.len; i++) {
        TyObject *tname = ck->objlist.data[i];
        if (tname->kind != TY_OBJ_TYPENAME)
            continue;
        path.len = 0;
        for (;;) {
            uintptr_t v = (uintptr_t)ptrmap_get(&idx, PMKEY(tname));
            if (v == black)
                break;
            if (v) {
                /* grey: a cycle on the path from v-1 */
                tname->type = ty_typ(ck->env, TY_INVALID);
                TyObject **cycle = (TyObject **)path.data + (v - 1);
                uint32_t n = path.len - (uint32_t)(v - 1);
                uint32_t first = 0;
                for (uint32_t j = 1; j < n; j++)
                    if (cycle[j]->pos < cycle[first]->pos)
                        first = j;
                ck_cycle_error(ck, cycle, n, first);
                break;
            }
            ptrmap_put(&idx, PMKEY(tname), (void *)(uintptr_t)(path.len + 1));
            ptrvec_push(&path, tname);
            /* the RHS must be a plain name of a type in the package scope
             * (other names can't lead back into the package) */
            DeclInfo *d = ptrmap_get(&ck->objmap, PMKEY(tname));
            if (!d || !d->tdecl || !d->tdecl->type || d->tdecl->type->kind != SYN_NAME)
                break;
            TyObject *next = ty_scope_lookup(ck->pkg->scope, ((SynName *)d->tdecl->type)->value);
            if (!next || next->kind != TY_OBJ_TYPENAME)
                break;
            tname = next;
        }
        for (uint32_t j = 0; j < path.len; j++)
            ptrmap_put(&idx, PMKEY(path.data[j]), (void *)black);
    }
    ptrvec_free(&path);
    ptrmap_free(&idx);
}

/* finiteSize: whether t's size is known, i.e. doesn't depend on a type
 * whose declaration is in progress (as in type T [unsafe.Sizeof(T{})]int,
 * a cycle decl.c deems valid).  Such a cycle is reported.  The result is
 * cached per named type. */
bool ck_finite_size(Checker *ck, TyType *t)
{
    t = ty_unalias(t);
    if (!t)
        return true;
    switch (t->kind) {
    case TY_NAMED: {
        TyNamed *n = TY_AS(TyNamed, t);
        if (n->state & GX_NAMED_HAS_FINITE)
            return (n->state & GX_NAMED_FINITE) != 0;
        /* instances have their own type names in types2: key them by the
         * instance, and report them at the place of instantiation */
        bool inst = n->orig != n;
        uint64_t key = inst ? PMKEY(n) : PMKEY(n->obj);
        uintptr_t i = (uintptr_t)ptrmap_get(&ck->objpath_idx, key);
        if (i) {
            TyObject **cycle = (TyObject **)ck->objpath.data + (i - 1);
            uint32_t len = ck->objpath.len - (uint32_t)(i - 1);
            uint32_t first = 0;
            for (uint32_t j = 1; j < len; j++)
                if (cycle[j]->pos < cycle[first]->pos)
                    first = j;
            ck_cycle_error(ck, cycle, len, first);
            return false;
        }
        TyObject *obj = n->obj;
        if (inst) {
            TyObject *c = ARENA_NEW(&ck->tmp, TyObject);
            *c = *obj;
            c->pos = n->instpos;
            obj = c;
        }
        ptrmap_put(&ck->objpath_idx, key, (void *)(uintptr_t)(ck->objpath.len + 1));
        ptrvec_push(&ck->objpath, obj);
        /* an unexpanded instance has no RHS yet: finite, as in types2 */
        bool finite = ck_finite_size(ck, n->fromrhs);
        ck->objpath.len--;
        ptrmap_put(&ck->objpath_idx, key, NULL);
        if (!(n->state & GX_NAMED_HAS_FINITE))
            n->state |= (uint8_t)(GX_NAMED_HAS_FINITE | (finite ? GX_NAMED_FINITE : 0));
        return finite;
    }
    case TY_ARRAY:
        /* the length is known: if invalid, an error was reported */
        return ck_finite_size(ck, TY_AS(TyArray, t)->elem);
    case TY_STRUCT: {
        TyStruct *s = TY_AS(TyStruct, t);
        for (uint32_t i = 0; i < s->nfields; i++)
            if (!ck_finite_size(ck, s->fields[i]->type))
                return false;
        return true;
    }
    default:
        return true;
    }
}
