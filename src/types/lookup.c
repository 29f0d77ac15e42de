/*
 * Field and method lookup (types2 lookup.go) and the error texts for
 * failed lookups (errsupport.go).
 *
 * ty_lookup_field_or_method searches breadth-first through embedded
 * fields: at each depth all embedded types are examined; a name found
 * twice at the shallowest depth where it occurs is ambiguous (reported
 * as obj == NULL with an index), and an embedded type seen at a shallower
 * depth hides its copies further down.  Methods with pointer receivers
 * are found only through a pointer or on addressable values; otherwise
 * the result is obj == NULL, indirect == true.
 *
 * The search state (frontier of embedded types and their index paths) is
 * scratch memory on the C heap; only the final index path is copied into
 * the env's arena.
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>

/* ---- names ---------------------------------------------------------------------- */

static bool is_blank(const Sym *name) { return name->len == 1 && name->name[0] == '_'; }

/* Go's isExported: the first rune is an upper-case letter. */
static bool name_exported(const char *s, size_t n)
{
    if (n == 0)
        return false;
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    int w;
    int32_t r = utf8_decode((const unsigned char *)s, n, &w);
    return uni_is_upper(r);
}

static int32_t ascii_lower(int32_t r) { return r >= 'A' && r <= 'Z' ? r + ('a' - 'A') : r; }

/* strings.EqualFold restricted to ASCII case folding: other runes must be
 * equal.  (Only error messages depend on case-insensitive matches, and
 * identifiers that differ only in non-ASCII case are vanishingly rare.) */
static bool equal_fold(const Sym *a, const Sym *b)
{
    if (a == b)
        return true;
    const unsigned char *s = (const unsigned char *)a->name, *t = (const unsigned char *)b->name;
    size_t i = 0, j = 0;
    while (i < a->len && j < b->len) {
        int ws, wt;
        int32_t r = utf8_decode(s + i, a->len - i, &ws);
        int32_t q = utf8_decode(t + j, b->len - j, &wt);
        if (ascii_lower(r) != ascii_lower(q))
            return false;
        i += (size_t)ws;
        j += (size_t)wt;
    }
    return i == a->len && j == b->len;
}

static bool same_pkg(const TyPackage *a, const TyPackage *b)
{
    if (!a || !b)
        return a == b;
    return a == b || strcmp(a->path, b->path) == 0;
}

/* types2 object.sameId: with fold_case, names equal up to case match
 * regardless of package. */
static bool same_id(const TyObject *o, const TyPackage *pkg, const Sym *name, bool fold_case)
{
    if (fold_case && equal_fold(o->name, name))
        return true;
    if (o->name != name)
        return false;
    if (name_exported(o->name->name, o->name->len))
        return true;
    return same_pkg(o->pkg, pkg);
}

/* Func.hasPtrRecv: from the receiver once the signature is set up, else
 * from what the resolver saw in the declaration. */
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

/* Named.lookupMethod: index of the method in the origin's list, and the
 * method of n itself (instantiated lazily for instances). */
static TyObject *named_lookup_method(TyEnv *env, TyNamed *n, TyPackage *pkg, const Sym *name,
                                     bool fold_case, uint32_t *index)
{
    TyNamed *orig = n->orig;
    if (is_blank(name))
        return NULL;
    if (!(same_pkg(orig->obj->pkg, pkg) || name_exported(name->name, name->len) || fold_case))
        return NULL;
    for (uint32_t i = 0; i < orig->nmethods; i++) {
        TyObject *m = orig->methods[i];
        if (fold_case ? equal_fold(m->name, name) : m->name == name) {
            *index = i;
            return n == orig ? m : ty_named_method(env, n, i);
        }
    }
    return NULL;
}

/* _TypeSet.LookupMethod on an interface's type set. */
static TyObject *iface_lookup_method(TyEnv *env, TyInterface *it, TyPackage *pkg, const Sym *name,
                                     bool fold_case, uint32_t *index)
{
    if (is_blank(name))
        return NULL;
    TyTypeSet *ts = ty_interface_typeset(env, it);
    uint32_t n = ty_typeset_num_methods(ts);
    for (uint32_t i = 0; i < n; i++) {
        TyObject *m = ty_typeset_method(ts, i);
        if (same_id(m, pkg, name, fold_case)) {
            *index = i;
            return m;
        }
    }
    return NULL;
}

int ty_field_index(TyObject **fields, uint32_t n, TyPackage *pkg, const Sym *name, bool fold_case)
{
    if (is_blank(name))
        return -1;
    for (uint32_t i = 0; i < n; i++)
        if (same_id(fields[i], pkg, name, fold_case))
            return (int)i;
    return -1;
}

/* ---- the search --------------------------------------------------------------------- */

/* Index paths live in one growing pool; a path is (offset, length). */
typedef struct Pool {
    uint32_t *p;
    size_t len, cap;
} Pool;

static uint32_t pool_concat(Pool *pl, uint32_t off, uint32_t n, uint32_t i)
{
    if (pl->len + n + 1 > pl->cap) {
        size_t cap = pl->cap ? pl->cap * 2 : 64;
        while (cap < pl->len + n + 1)
            cap *= 2;
        pl->p = xrealloc(pl->p, cap * sizeof(uint32_t));
        pl->cap = cap;
    }
    uint32_t at = (uint32_t)pl->len;
    if (n)
        memmove(pl->p + at, pl->p + off, n * sizeof(uint32_t));
    pl->p[at + n] = i;
    pl->len += n + 1;
    return at;
}

typedef struct Embedded {
    TyType *typ;
    uint32_t off, n;    /* index path of embedded fields leading here */
    bool indirect;      /* a pointer indirection on the path */
    bool multiples;     /* typ appears more than once at this depth */
} Embedded;

typedef struct EVec {
    Embedded *e;
    uint32_t len, cap;
} EVec;

static void evec_push(EVec *v, Embedded e)
{
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 8;
        v->e = xrealloc(v->e, v->cap * sizeof(Embedded));
    }
    v->e[v->len++] = e;
}

/* Merges entries of identical types into one marked as multiples
 * (types2 consolidateMultiples). */
static void consolidate_multiples(EVec *v)
{
    if (v->len <= 1)
        return;
    uint32_t n = 0;
    for (uint32_t i = 0; i < v->len; i++) {
        Embedded e = v->e[i];
        bool found = false;
        for (uint32_t j = 0; j < n; j++) {
            if (v->e[j].typ == e.typ || ty_identical(v->e[j].typ, e.typ)) {
                v->e[j].multiples = true;
                found = true;
                break;
            }
        }
        if (!found)
            v->e[n++] = e;
    }
    v->len = n;
}

typedef struct Search {
    TyEnv *env;
    Pool pool;
    TyNamed **seen;     /* named types met so far (by identity) */
    uint32_t nseen, capseen;
} Search;

static bool seen_lookup_add(Search *s, TyNamed *n)
{
    for (uint32_t i = 0; i < s->nseen; i++)
        if (s->seen[i] == n || ty_identical(&s->seen[i]->t, &n->t))
            return true;
    if (s->nseen == s->capseen) {
        s->capseen = s->capseen ? s->capseen * 2 : 8;
        s->seen = xrealloc(s->seen, s->capseen * sizeof(TyNamed *));
    }
    s->seen[s->nseen++] = n;
    return false;
}

/* lookupFieldOrMethodImpl: does not find fields of the base type of a
 * defined pointer type (callers handle that). */
static LookupResult lookup_impl(TyEnv *env, TyType *T, bool addressable, TyPackage *pkg,
                                const Sym *name, bool fold_case)
{
    LookupResult r;
    memset(&r, 0, sizeof r);
    if (is_blank(name))
        return r; /* blank fields and methods are never found */

    /* deref must not look at the underlying type: a defined pointer type's
     * base methods are not T's */
    bool isptr;
    TyType *typ = ty_deref(T, &isptr);
    /* *I where I is an interface (or type parameter) has no methods */
    if (isptr && ty_as_interface(typ))
        return r;

    Search s;
    memset(&s, 0, sizeof s);
    s.env = env;
    EVec current = {0}, next = {0};
    evec_push(&current, (Embedded){typ, 0, 0, isptr, false});

    TyObject *obj = NULL;
    uint32_t off = 0, n = 0;   /* index path of the result */
    bool indirect = false;
    bool collision = false;

    while (current.len > 0) {
        next.len = 0;
        for (uint32_t k = 0; k < current.len; k++) {
            Embedded e = current.e[k];
            TyType *t = e.typ;
            TyNamed *named = ty_as_named(t);
            if (named) {
                /* a type seen at a shallower depth shadows this one */
                if (seen_lookup_add(&s, named))
                    continue;
                uint32_t i;
                TyObject *m = named_lookup_method(env, named, pkg, name, fold_case, &i);
                if (m) {
                    off = pool_concat(&s.pool, e.off, e.n, i);
                    n = e.n + 1;
                    if (obj || e.multiples) {
                        collision = true;
                        goto done;
                    }
                    obj = m;
                    indirect = e.indirect;
                    continue; /* no field or interface method can match too */
                }
            }
            TyType *u = ty_under(t);
            if (!u)
                continue;
            if (u->kind == TY_STRUCT) {
                TyStruct *st = TY_AS(TyStruct, u);
                for (uint32_t i = 0; i < st->nfields; i++) {
                    TyObject *f = st->fields[i];
                    if (same_id(f, pkg, name, fold_case)) {
                        off = pool_concat(&s.pool, e.off, e.n, i);
                        n = e.n + 1;
                        if (obj || e.multiples) {
                            collision = true;
                            goto done;
                        }
                        obj = f;
                        indirect = e.indirect;
                        continue;
                    }
                    /* embedded fields are searched at the next depth, but
                     * only while nothing matched at this one */
                    if (!obj && (f->flags & TY_OF_EMBEDDED)) {
                        bool fptr;
                        TyType *ft = ty_deref(f->type, &fptr);
                        uint32_t foff = pool_concat(&s.pool, e.off, e.n, i);
                        evec_push(&next, (Embedded){ft, foff, e.n + 1, e.indirect || fptr, e.multiples});
                    }
                }
            } else if (u->kind == TY_INTERFACE) {
                /* the interface may be a type parameter's constraint */
                uint32_t i;
                TyObject *m = iface_lookup_method(env, TY_AS(TyInterface, u), pkg, name, fold_case, &i);
                if (m) {
                    off = pool_concat(&s.pool, e.off, e.n, i);
                    n = e.n + 1;
                    if (obj || e.multiples) {
                        collision = true;
                        goto done;
                    }
                    obj = m;
                    indirect = e.indirect;
                }
            }
        }
        if (obj) {
            /* spec: x.m() with a pointer method needs &x: x must be
             * addressable or reached through a pointer */
            if (obj->kind == TY_OBJ_FUNC && has_ptr_recv(obj) && !indirect && !addressable) {
                obj = NULL;
                n = 0;
                indirect = true;
            }
            goto done;
        }
        consolidate_multiples(&next);
        EVec tmp = current;
        current = next;
        next = tmp;
    }
    n = 0; /* not found */

done:
    if (collision) {
        obj = NULL;
        indirect = false;
    }
    r.obj = obj;
    r.indirect = indirect;
    if (n) {
        r.nindex = n;
        r.index = arena_memdup(&env->arena, s.pool.p + off, n * sizeof(uint32_t));
    }
    free(current.e);
    free(next.e);
    free(s.pool.p);
    free(s.seen);
    return r;
}

LookupResult ty_lookup_field_or_method(TyEnv *env, TyType *T, bool addressable, TyPackage *pkg,
                                       const Sym *name, bool fold_case)
{
    /* Methods cannot be declared on defined pointer types: look into the
     * underlying pointer type, but a method found there is not T's
     * (go.dev/issue/8590). */
    if (ty_as_named(T)) {
        TyType *u = ty_under(T);
        if (u && u->kind == TY_POINTER) {
            LookupResult r = lookup_impl(env, u, false, pkg, name, fold_case);
            if (r.obj && r.obj->kind == TY_OBJ_FUNC) {
                memset(&r, 0, sizeof r);
            }
            return r;
        }
    }
    /* (types2 would also look for fields in the core type of a type
     * parameter, but that is disabled: go.dev/issue/51576) */
    return lookup_impl(env, T, addressable, pkg, name, fold_case);
}

/* ---- missing methods -------------------------------------------------------------------- */

bool ty_is_interface_ptr(TyType *t)
{
    TyType *u = ty_under(t);
    /* (types2 IsInterface: type parameters count too) */
    return u && u->kind == TY_POINTER && ty_as_interface(TY_AS(TyPointer, u)->base) != NULL;
}

const char *ck_interface_ptr_error(Checker *ck, TyType *t)
{
    TyType *u = ty_under(t);
    if (ty_is_typeparam(TY_AS(TyPointer, u)->base))
        return ck_sprintf(ck, "type %s is pointer to type parameter, not type parameter", ck_tstr(ck, t));
    return ck_sprintf(ck, "type %s is pointer to interface, not interface", ck_tstr(ck, t));
}

static const char *ck_qualifier(void *ud, const TyPackage *pkg)
{
    Checker *ck = ud;
    return ck_pkg_qualifier(ck, pkg);
}

const char *ck_func_string(Checker *ck, TyObject *f, bool pkg_info)
{
    Buf b = {0};
    buf_put(&b, f->name->name, f->name->len);
    if (f->type && f->type->kind == TY_SIGNATURE) {
        if (pkg_info)
            /* no qualifier: full package paths, and pkgInfo annotations */
            ty_write_signature_ex(ck->env, &b, TY_AS(TySignature, f->type), NULL, NULL, false, true);
        else
            ty_write_signature_ex(ck->env, &b, TY_AS(TySignature, f->type), ck_qualifier, ck, false, false);
    }
    char *s = arena_strndup(&ck->tmp, buf_str(&b), b.len);
    buf_free(&b);
    return s;
}

static bool identical_fn(void *ud, TyType *x, TyType *y)
{
    (void)ud;
    return ty_identical(x, y);
}

enum { MM_OK, MM_NOT_FOUND, MM_WRONG_NAME, MM_UNEXPORTED, MM_WRONG_SIG, MM_AMBIG_SEL, MM_PTR_RECV, MM_FIELD };

TyObject *ck_missing_method_ex(Checker *ck, TyType *V, TyType *T, bool static_, TyEquivFn eq, void *ud,
                               bool *wrong_type, const char **cause)
{
    TyEnv *env = ck->env;
    if (wrong_type)
        *wrong_type = false;
    if (!eq)
        eq = identical_fn;
    TyInterface *tit = ty_as_interface(T);
    if (!tit)
        return NULL;
    TyTypeSet *tts = ty_interface_typeset(env, tit);
    uint32_t nm = ty_typeset_num_methods(tts);
    if (nm == 0)
        return NULL;

    int state = MM_OK;
    TyObject *m = NULL; /* method of T we try to implement */
    TyObject *f = NULL; /* method of V, if found */

    TyInterface *vit = ty_as_interface(V);
    if (vit) {
        for (uint32_t i = 0; i < nm; i++) {
            m = ty_typeset_method(tts, i);
            uint32_t idx;
            f = iface_lookup_method(env, vit, m->pkg, m->name, false, &idx);
            if (!f) {
                if (!static_)
                    continue;
                state = MM_NOT_FOUND;
                break;
            }
            if (!eq(ud, f->type, m->type)) {
                state = MM_WRONG_SIG;
                break;
            }
        }
    } else {
        for (uint32_t i = 0; i < nm; i++) {
            m = ty_typeset_method(tts, i);
            LookupResult r = lookup_impl(env, V, false, m->pkg, m->name, false);
            if (!r.obj) {
                if (r.nindex) {
                    state = MM_AMBIG_SEL;
                } else if (r.indirect) {
                    state = MM_PTR_RECV;
                } else {
                    state = MM_NOT_FOUND;
                    LookupResult alt = lookup_impl(env, V, false, m->pkg, m->name, true);
                    f = alt.obj && alt.obj->kind == TY_OBJ_FUNC ? alt.obj : NULL;
                    if (f)
                        state = f->name == m->name ? MM_UNEXPORTED : MM_WRONG_NAME;
                }
                break;
            }
            f = r.obj->kind == TY_OBJ_FUNC ? r.obj : NULL;
            if (!f) {
                state = MM_FIELD;
                break;
            }
            /* methods may not have a fully set up signature yet */
            ck_obj_decl(ck, f);
            if (!eq(ud, f->type, m->type)) {
                state = MM_WRONG_SIG;
                break;
            }
        }
    }

    if (state == MM_OK)
        return NULL;

    if (cause) {
        if (f)
            ck_obj_decl(ck, f); /* formatted below: needs its signature */
        const char *mname = m->name->name;
        switch (state) {
        case MM_NOT_FOUND:
            if (ty_is_interface_ptr(V))
                *cause = ck_sprintf(ck, "(%s)", ck_interface_ptr_error(ck, V));
            else if (ty_is_interface_ptr(T))
                *cause = ck_sprintf(ck, "(%s)", ck_interface_ptr_error(ck, T));
            else
                *cause = ck_sprintf(ck, "(missing method %s)", mname);
            break;
        case MM_WRONG_NAME:
            *cause = ck_sprintf(ck, "(missing method %s)\n\t\thave %s\n\t\twant %s", mname,
                                ck_func_string(ck, f, false), ck_func_string(ck, m, false));
            break;
        case MM_UNEXPORTED:
            *cause = ck_sprintf(ck, "(unexported method %s)", mname);
            break;
        case MM_WRONG_SIG: {
            const char *fs = ck_func_string(ck, f, false), *ms = ck_func_string(ck, m, false);
            if (strcmp(fs, ms) == 0) {
                /* don't say "want Foo, have Foo": add package information
                 * (go.dev/issue/54258) */
                fs = ck_func_string(ck, f, true);
                ms = ck_func_string(ck, m, true);
            }
            if (strcmp(fs, ms) == 0) {
                /* probably different type parameters with the same name
                 * (go.dev/issue/61685) */
                *cause = ck_sprintf(ck, "(wrong type for method %s)", mname);
                break;
            }
            *cause = ck_sprintf(ck, "(wrong type for method %s)\n\t\thave %s\n\t\twant %s", mname, fs, ms);
            break;
        }
        case MM_AMBIG_SEL:
            *cause = ck_sprintf(ck, "(ambiguous selector %s.%s)", ck_tstr(ck, V), mname);
            break;
        case MM_PTR_RECV:
            *cause = ck_sprintf(ck, "(method %s has pointer receiver)", mname);
            break;
        case MM_FIELD:
            *cause = ck_sprintf(ck, "(%s.%s is a field, not a method)", ck_tstr(ck, V), mname);
            break;
        default:
            break;
        }
    }
    if (wrong_type)
        *wrong_type = state == MM_WRONG_SIG || state == MM_PTR_RECV;
    return m;
}

TyObject *ck_missing_method(Checker *ck, TyType *V, TyType *T, bool static_, bool *wrong_type,
                            const char **cause)
{
    return ck_missing_method_ex(ck, V, T, static_, NULL, NULL, wrong_type, cause);
}

/* A struct (or pointer to struct) with embedded fields of invalid types,
 * directly or indirectly: its method set cannot be known.  seen holds the
 * structs examined so far (types2 keeps a map: each struct once). */
typedef struct StructSet {
    TyStruct **v;
    uint32_t n, cap;
} StructSet;

static bool has_invalid_embedded(TyType *T, StructSet *seen)
{
    TyStruct *s = ty_deref_struct_ptr(T);
    if (!s) {
        TyType *u = ty_under(T);
        s = u && u->kind == TY_STRUCT ? TY_AS(TyStruct, u) : NULL;
    }
    if (!s)
        return false;
    for (uint32_t i = 0; i < seen->n; i++)
        if (seen->v[i] == s)
            return false;
    if (seen->n == seen->cap) {
        seen->cap = seen->cap ? seen->cap * 2 : 8;
        seen->v = xrealloc(seen->v, seen->cap * sizeof *seen->v);
    }
    seen->v[seen->n++] = s;
    for (uint32_t i = 0; i < s->nfields; i++) {
        TyObject *f = s->fields[i];
        if ((f->flags & TY_OF_EMBEDDED) && (!ty_is_valid(f->type) || has_invalid_embedded(f->type, seen)))
            return true;
    }
    return false;
}

bool ty_has_invalid_embedded_fields(TyType *T)
{
    StructSet seen = {NULL, 0, 0};
    bool r = has_invalid_embedded(T, &seen);
    free(seen.v);
    return r;
}

bool ck_has_all_methods(Checker *ck, TyType *V, TyType *T, bool static_, TyEquivFn eq, void *ud,
                        const char **cause)
{
    if (!ty_is_valid(V))
        return true; /* nothing is known about V: assume it implements T */
    TyObject *m = ck_missing_method_ex(ck, V, T, static_, eq, ud, NULL, cause);
    return !m || ty_has_invalid_embedded_fields(V);
}

bool ck_assertable_to(Checker *ck, TyType *V, TyType *T, const char **cause)
{
    /* spec: if T is an interface, x.(T) asserts that the dynamic type of x
     * implements T: nothing to check statically */
    if (ty_as_interface(T)) /* types2 IsInterface: type parameters too */
        return true;
    return ck_has_all_methods(ck, T, V, false, NULL, NULL, cause);
}

/* ---- lookup errors (errsupport.go) ---------------------------------------------------- */

/* s without its first UTF-8 character, as errsupport.go's tail computes
 * it: a string of one character is returned whole. */
static const char *tail(const char *s, size_t n)
{
    if (n == 0)
        return s;
    int w;
    utf8_decode((const unsigned char *)s, n, &w);
    return (size_t)w < n ? s + w : s;
}

const char *ck_lookup_error(Checker *ck, TyType *typ, const Sym *sel, TyObject *obj, bool struct_lit)
{
    enum { MISSING, MISSPELLED, UNEXPORTED, INACCESSIBLE } e = MISSING;
    const char *alt = "";
    if (obj) {
        alt = obj->name->name;
        bool sel_exp = name_exported(sel->name, sel->len);
        bool alt_exp = name_exported(obj->name->name, obj->name->len);
        bool same_tail = strcmp(tail(sel->name, sel->len), tail(alt, obj->name->len)) == 0;
        if (obj->pkg == ck->pkg) {
            e = MISSPELLED;
        } else if (sel_exp) {
            if (alt_exp)
                e = MISSPELLED;
            else if (same_tail)
                e = UNEXPORTED;
        } else if (alt_exp) {
            if (same_tail)
                e = MISSPELLED;
        } else if (obj->name == sel) {
            e = INACCESSIBLE;
        }
    }
    const char *ts = ck_tstr(ck, typ);
    if (struct_lit) {
        switch (e) {
        case MISSING:
            return ck_sprintf(ck, "unknown field %s in struct literal of type %s", sel->name, ts);
        case MISSPELLED:
            return ck_sprintf(ck, "unknown field %s in struct literal of type %s, but does have %s", sel->name, ts,
                              alt);
        case UNEXPORTED:
            return ck_sprintf(ck, "unknown field %s in struct literal of type %s, but does have unexported %s",
                              sel->name, ts, alt);
        case INACCESSIBLE:
            return ck_sprintf(ck, "cannot refer to unexported field %s in struct literal of type %s", alt, ts);
        }
    }
    const char *what = "object";
    if (obj && obj->kind == TY_OBJ_VAR)
        what = "field";
    else if (obj && obj->kind == TY_OBJ_FUNC)
        what = "method";
    switch (e) {
    case MISSING:
        return ck_sprintf(ck, "type %s has no field or method %s", ts, sel->name);
    case MISSPELLED:
        return ck_sprintf(ck, "type %s has no field or method %s, but does have %s %s", ts, sel->name, what, alt);
    case UNEXPORTED:
        return ck_sprintf(ck, "type %s has no field or method %s, but does have unexported %s %s", ts, sel->name,
                          what, alt);
    case INACCESSIBLE:
        return ck_sprintf(ck, "cannot refer to unexported %s %s", what, alt);
    }
    return "";
}
