/*
 * Type sets of interfaces (types2 typeset.go, with termlist.go and
 * typeterm.go folded in), the constraint interface of a type parameter
 * (typeparam.go), and common underlying ("core") types (under.go).
 *
 * A type set is computed lazily, when first needed, and stored in the
 * interface.  While an interface is still being set up (not complete) its
 * type set is taken to be the set of all types and not stored, as types2
 * does, so that the full set is computed once the interface is complete.
 */
#include "generics.h"

#include <stdlib.h>
#include <string.h>

static const TyTerm all_term = {false, NULL};
const TyTermList gx_all_terms = {(TyTerm *)&all_term, 1};

/* ---- terms ------------------------------------------------------------------- */

/* x ∩ y == ∅ for terms with types (typeterm.go disjoint) */
bool gx_term_disjoint(const TyTerm *x, const TyTerm *y)
{
    TyType *ux = y->tilde ? ty_under(x->type) : x->type;
    TyType *uy = x->tilde ? ty_under(y->type) : y->type;
    return !ty_identical(ux, uy);
}

bool gx_term_includes(const TyTerm *x, TyType *t)
{
    if (!x->type)
        return true;
    TyType *u = x->tilde ? ty_under(t) : t;
    return ty_identical(x->type, u);
}

static bool term_subset(const TyTerm *x, const TyTerm *y)
{
    if (!y->type)
        return true;
    if (!x->type)
        return false;
    if (gx_term_disjoint(x, y))
        return false;
    return !x->tilde || y->tilde;
}

/* x ∪ y: one term (returns 1, *r) or two (returns 2: x and y) */
static int term_union(const TyTerm *x, const TyTerm *y, TyTerm *r)
{
    if (!x->type) {
        *r = *x;
        return 1;
    }
    if (!y->type) {
        *r = *y;
        return 1;
    }
    if (gx_term_disjoint(x, y))
        return 2;
    *r = (x->tilde || !y->tilde) ? *x : *y;
    return 1;
}

/* x ∩ y: false if empty */
static bool term_intersect(const TyTerm *x, const TyTerm *y, TyTerm *r)
{
    if (!x->type) {
        *r = *y;
        return true;
    }
    if (!y->type) {
        *r = *x;
        return true;
    }
    if (gx_term_disjoint(x, y))
        return false;
    *r = (!x->tilde || y->tilde) ? *x : *y;
    return true;
}

void gx_term_string(TyEnv *env, Buf *b, bool tilde, TyType *t)
{
    if (!t) {
        buf_puts(b, "𝓤");
        return;
    }
    if (tilde)
        buf_putc(b, '~');
    ty_type_string(env, b, t, NULL, NULL);
}

/* ---- term lists ------------------------------------------------------------------ */

bool gx_terms_is_all(TyTermList l)
{
    for (uint32_t i = 0; i < l.len; i++)
        if (!l.terms[i].type)
            return true;
    return false;
}

/* The normal form of a list (termlist.norm): the same quadratic merge as
 * types2, so that the order of the terms is the same. */
static TyTermList terms_norm(Arena *a, const TyTerm *xl, uint32_t n)
{
    TyTermList r = {NULL, 0};
    if (n == 0)
        return r;
    bool usedbuf[16];
    bool *used = n <= 16 ? usedbuf : xcalloc(n, sizeof(bool));
    memset(used, 0, n * sizeof(bool));
    r.terms = ARENA_ARRAY(a, TyTerm, n);
    for (uint32_t i = 0; i < n; i++) {
        if (used[i])
            continue;
        TyTerm xi = xl[i];
        for (uint32_t j = i + 1; j < n; j++) {
            if (used[j])
                continue;
            TyTerm u;
            if (term_union(&xi, &xl[j], &u) == 1) {
                if (!u.type) {
                    /* 𝓤 absorbs everything */
                    if (used != usedbuf)
                        free(used);
                    return gx_all_terms;
                }
                xi = u;
                used[j] = true;
            }
        }
        r.terms[r.len++] = xi;
    }
    if (used != usedbuf)
        free(used);
    return r;
}

TyTermList gx_terms_union(Arena *a, TyTermList x, TyTermList y)
{
    uint32_t n = x.len + y.len;
    if (n == 0)
        return x;
    TyTerm *all = ARENA_ARRAY(a, TyTerm, n);
    if (x.len)
        memcpy(all, x.terms, sizeof(TyTerm) * x.len);
    if (y.len)
        memcpy(all + x.len, y.terms, sizeof(TyTerm) * y.len);
    return terms_norm(a, all, n);
}

TyTermList gx_terms_intersect(Arena *a, TyTermList x, TyTermList y)
{
    TyTermList r = {NULL, 0};
    if (x.len == 0 || y.len == 0)
        return r;
    TyTerm *rl = ARENA_ARRAY(a, TyTerm, x.len * y.len);
    uint32_t n = 0;
    for (uint32_t i = 0; i < x.len; i++)
        for (uint32_t j = 0; j < y.len; j++)
            if (term_intersect(&x.terms[i], &y.terms[j], &rl[n]))
                n++;
    return terms_norm(a, rl, n);
}

static bool terms_superset_of(TyTermList xl, const TyTerm *y)
{
    for (uint32_t i = 0; i < xl.len; i++)
        if (term_subset(y, &xl.terms[i]))
            return true;
    return false;
}

bool gx_terms_subset(TyTermList x, TyTermList y)
{
    if (y.len == 0)
        return x.len == 0;
    for (uint32_t i = 0; i < x.len; i++)
        if (!terms_superset_of(y, &x.terms[i]))
            return false;
    return true;
}

bool gx_terms_equal(TyTermList x, TyTermList y)
{
    return gx_terms_subset(x, y) && gx_terms_subset(y, x);
}

bool gx_terms_includes(TyTermList l, TyType *t)
{
    for (uint32_t i = 0; i < l.len; i++)
        if (gx_term_includes(&l.terms[i], t))
            return true;
    return false;
}

void gx_terms_string(TyEnv *env, Buf *b, TyTermList l)
{
    if (l.len == 0) {
        buf_puts(b, "∅");
        return;
    }
    for (uint32_t i = 0; i < l.len; i++) {
        if (i > 0)
            buf_puts(b, " | ");
        gx_term_string(env, b, l.terms[i].tilde, l.terms[i].type);
    }
}

/* ---- type set accessors ------------------------------------------------------------ */

bool ty_typeset_is_empty(const TyTypeSet *s) { return s->terms.len == 0; }

bool gx_typeset_is_method_set(const TyTypeSet *s) { return !s->comparable && gx_terms_is_all(s->terms); }

bool ty_typeset_is_all(const TyTypeSet *s) { return gx_typeset_is_method_set(s) && s->nmethods == 0; }

bool gx_typeset_has_terms(const TyTypeSet *s) { return s->terms.len != 0 && !gx_terms_is_all(s->terms); }

uint32_t ty_typeset_num_methods(const TyTypeSet *s) { return s->nmethods; }

TyObject *ty_typeset_method(const TyTypeSet *s, uint32_t i) { return s->methods[i]; }

bool ty_typeset_comparable(const TyTypeSet *s, bool spec)
{
    if (gx_terms_is_all(s->terms))
        return s->comparable;
    if (!gx_typeset_has_terms(s))
        return false; /* is(f) with no specific terms: f(nil) */
    for (uint32_t i = 0; i < s->terms.len; i++)
        if (!ty_comparable_ex(NULL, s->terms.terms[i].type, spec, NULL, NULL))
            return false;
    return true;
}

bool ty_typeset_comparable_fn(const TyTypeSet *s, bool (*term_ok)(void *ud, TyType *t), void *ud)
{
    if (gx_terms_is_all(s->terms))
        return s->comparable;
    if (!gx_typeset_has_terms(s))
        return false;
    for (uint32_t i = 0; i < s->terms.len; i++)
        if (!term_ok(ud, s->terms.terms[i].type))
            return false;
    return true;
}

bool ty_typeset_comparable_bit(const TyTypeSet *s) { return s->comparable; }

bool ty_typeset_same_terms(const TyTypeSet *a, const TyTypeSet *b)
{
    return a->comparable == b->comparable && gx_terms_equal(a->terms, b->terms);
}

bool ty_typeset_each_term(const TyTypeSet *s, bool (*f)(void *ud, bool tilde, TyType *t), void *ud)
{
    if (!gx_typeset_has_terms(s))
        return f(ud, false, NULL);
    for (uint32_t i = 0; i < s->terms.len; i++)
        if (!f(ud, s->terms.terms[i].tilde, s->terms.terms[i].type))
            return false;
    return true;
}

TyTypeSet *ty_typeset_comparable_all(TyEnv *env)
{
    TyTypeSet *s = ARENA_NEW(&env->arena, TyTypeSet);
    s->terms = gx_all_terms;
    s->comparable = true;
    return s;
}

TyTypeSet *gx_iface_tset(TyInterface *it) { return ty_compute_interface_typeset(it->check, NOPOS, it); }

bool gx_iface_empty(TyInterface *it) { return ty_typeset_is_all(gx_iface_tset(it)); }

TyTypeSet *ty_interface_typeset(TyEnv *env, TyInterface *it)
{
    (void)env;
    return ty_compute_interface_typeset(it->check, NOPOS, it);
}

bool ty_interface_is_method_set(TyEnv *env, TyInterface *it)
{
    (void)env;
    return gx_typeset_is_method_set(gx_iface_tset(it));
}

/* ---- computing type sets --------------------------------------------------------------- */

/* intersectTermLists: the intersection of two term lists with their
 * comparable bits (which are meaningful only for 𝓤 lists) */
static TyTermList intersect_term_lists(TyEnv *env, TyTermList x, bool xcomp, TyTermList y, bool ycomp,
                                       bool *comp)
{
    TyTermList terms = gx_terms_intersect(&env->arena, x, y);
    bool c = xcomp || ycomp;
    if (c && !gx_terms_is_all(terms)) {
        /* only keep the comparable terms (in a new list: the result of
         * intersect may be shared) */
        TyTerm *kept = ARENA_ARRAY(&env->arena, TyTerm, terms.len ? terms.len : 1);
        uint32_t n = 0;
        for (uint32_t i = 0; i < terms.len; i++)
            if (ty_comparable_ex(env, terms.terms[i].type, false, NULL, NULL))
                kept[n++] = terms.terms[i];
        terms.terms = kept;
        terms.len = n;
        if (!gx_terms_is_all(terms))
            c = false;
    }
    *comp = c;
    return terms;
}

enum { MAX_TERM_COUNT = 100 };

TyTypeSet *gx_union_typeset(Checker *ck, Arena *a, PtrMap *cache, Pos pos, TyUnion *u)
{
    TyTypeSet *s = ptrmap_get(cache, PMKEY(u));
    if (s)
        return s;
    /* a placeholder against infinite recursion */
    s = ARENA_NEW(a, TyTypeSet);
    ptrmap_put(cache, PMKEY(u), s);
    TyTermList all = {NULL, 0};
    for (uint32_t i = 0; i < u->nterms; i++) {
        TyTerm *t = &u->terms[i];
        TyTermList terms = {NULL, 0};
        TyType *tu = ty_under(t->type);
        if (tu && tu->kind == TY_INTERFACE) {
            terms = ty_compute_interface_typeset(ck, pos, TY_AS(TyInterface, tu))->terms;
        } else if (!ty_is_valid(tu)) {
            continue;
        } else if (t->tilde && !ty_identical(t->type, tu)) {
            /* no type has t->type as underlying type: ∅ */
            continue;
        } else {
            terms.terms = t;
            terms.len = 1;
        }
        all = gx_terms_union(a, all, terms);
        if (all.len > MAX_TERM_COUNT) {
            if (ck)
                ck_errorf(ck, pos, "cannot handle more than %d union terms (implementation limitation)",
                          MAX_TERM_COUNT);
            TyTypeSet *inv = ARENA_NEW(a, TyTypeSet);
            inv->invalid = true;
            ptrmap_put(cache, PMKEY(u), inv);
            return inv;
        }
    }
    s->terms = all;
    return s;
}

bool ty_union_typesets_equal(TyUnion *x, TyUnion *y)
{
    /* types2 identical: computed without checker, in scratch memory */
    Arena a;
    arena_init(&a);
    PtrMap cache = {0};
    TyTypeSet *xs = gx_union_typeset(NULL, &a, &cache, NOPOS, x);
    TyTypeSet *ys = gx_union_typeset(NULL, &a, &cache, NOPOS, y);
    bool eq = gx_terms_equal(xs->terms, ys->terms);
    ptrmap_free(&cache);
    arena_free(&a);
    return eq;
}

static bool is_imported_constraint(Checker *ck, TyType *t)
{
    TyNamed *n = ty_as_named(t);
    if (!n || !n->obj->pkg || n->obj->pkg == ck->pkg)
        return false;
    TyInterface *it = ty_as_interface(t);
    return it && !gx_typeset_is_method_set(gx_iface_tset(it));
}

typedef struct DupMethod {
    Pos pos, otherpos;
    TyObject *m, *other;
} DupMethod;

static void report_dup_method(Checker *ck, Pos pos, const Sym *name, Pos otherpos)
{
    Buf b = {0};
    buf_printf(&b, "duplicate method %s", name->name);
    if (otherpos != NOPOS) {
        buf_puts(&b, "\n\t");
        syn_pos_string(&b, ck->env->pos, otherpos);
        buf_printf(&b, ": other declaration of method %s", name->name);
    } else {
        buf_printf(&b, "\n\tother declaration of method %s", name->name);
    }
    ck_error(ck, pos, buf_str(&b));
    buf_free(&b);
}

static void dup_method_later(Checker *ck, void *arg)
{
    DupMethod *d = arg;
    if ((d->pos != NOPOS && !ck_allow_version(ck, 14)) || !ty_identical(d->m->type, d->other->type))
        report_dup_method(ck, d->pos, d->m->name, d->otherpos);
}

typedef struct MethodSet {
    TyObject **list;
    Pos *pos;
    uint32_t len, cap;
} MethodSet;

static void add_method(Checker *ck, TyEnv *env, MethodSet *ms, Pos pos, TyObject *m, bool explicit_)
{
    for (uint32_t i = 0; i < ms->len; i++) {
        TyObject *other = ms->list[i];
        if (!ty_same_id(other, m->pkg, m->name))
            continue;
        if (!ck)
            return;
        if (explicit_) {
            report_dup_method(ck, pos, m->name, ms->pos[i]);
        } else {
            /* a method embedded twice: its signatures must be identical,
             * which can be checked only once all types are set up */
            DupMethod *d = ARENA_NEW(&ck->tmp, DupMethod);
            d->pos = pos;
            d->otherpos = ms->pos[i];
            d->m = m;
            d->other = other;
            ck_later(ck, dup_method_later, d);
        }
        return;
    }
    if (ms->len == ms->cap) {
        uint32_t cap = ms->cap ? ms->cap * 2 : 8;
        ms->list = xrealloc(ms->list, sizeof(TyObject *) * cap);
        ms->pos = xrealloc(ms->pos, sizeof(Pos) * cap);
        ms->cap = cap;
    }
    (void)env;
    ms->list[ms->len] = m;
    ms->pos[ms->len++] = pos;
}

TyTypeSet *ty_compute_interface_typeset(Checker *ck, Pos pos, TyInterface *it)
{
    if (it->tset)
        return it->tset;
    TyEnv *env = it->env;
    if (!it->complete) {
        /* not set up yet: don't compute (and store) a partial type set */
        TyTypeSet *top = ARENA_NEW(&env->arena, TyTypeSet);
        top->terms = gx_all_terms;
        return top;
    }
    (void)pos;

    /* an infinitely expanding interface (through a cycle) is reported by
     * validType; mark the interface as done against endless recursion */
    TyTypeSet *s = ARENA_NEW(&env->arena, TyTypeSet);
    s->terms = gx_all_terms;
    it->tset = s;

    PtrMap local = {0};
    PtrMap *unions = ck ? &ck->union_typesets : &local;

    MethodSet ms = {NULL, NULL, 0, 0};
    for (uint32_t i = 0; i < it->nmethods; i++)
        add_method(ck, env, &ms, it->methods[i]->pos, it->methods[i], true);

    TyTermList all = gx_all_terms;
    bool allcomp = false;
    for (uint32_t i = 0; i < it->nembeddeds; i++) {
        TyType *typ = it->embeddeds[i];
        /* no embedding positions for interfaces from other packages (after
         * their cleanup): no version checks then */
        Pos epos = it->embedpos ? it->embedpos[i] : NOPOS;
        bool comparable = false;
        TyTermList terms = {NULL, 0};
        TyType *u = ty_under(typ);
        if (u && u->kind == TY_INTERFACE) {
            TyTypeSet *ts = ty_compute_interface_typeset(ck, epos, TY_AS(TyInterface, u));
            if (epos != NOPOS && ck && is_imported_constraint(ck, typ) && !ck_allow_version(ck, 18)) {
                ck_verify_version(ck, epos, 18,
                                  ck_sprintf(ck, "embedding constraint interface %s", ck_tstr(ck, typ)));
                continue;
            }
            comparable = ts->comparable;
            for (uint32_t j = 0; j < ts->nmethods; j++)
                add_method(ck, env, &ms, epos, ts->methods[j], false);
            terms = ts->terms;
        } else if (u && u->kind == TY_UNION) {
            if (epos != NOPOS && ck && !ck_allow_version(ck, 18)) {
                ck_verify_version(ck, epos, 18,
                                  ck_sprintf(ck, "embedding interface element %s", ck_tstr(ck, u)));
                continue;
            }
            TyTypeSet *ts = gx_union_typeset(ck, &env->arena, unions, epos, TY_AS(TyUnion, u));
            if (ts->invalid)
                continue;
            terms = ts->terms;
        } else {
            if (!ty_is_valid(u))
                continue;
            if (epos != NOPOS && ck && !ck_allow_version(ck, 18)) {
                ck_verify_version(ck, epos, 18,
                                  ck_sprintf(ck, "embedding non-interface type %s", ck_tstr(ck, typ)));
                continue;
            }
            TyTerm *t = ARENA_NEW(&env->arena, TyTerm);
            t->type = typ;
            terms.terms = t;
            terms.len = 1;
        }
        /* the type set is the intersection of the elements' type sets */
        all = intersect_term_lists(env, all, allcomp, terms, comparable, &allcomp);
    }
    if (!ck)
        ptrmap_free(&local);

    s->comparable = allcomp;
    if (ms.len) {
        ty_sort_methods(ms.list, ms.len);
        s->methods = arena_memdup(&env->arena, ms.list, sizeof(TyObject *) * ms.len);
        s->nmethods = ms.len;
    }
    s->terms = all;
    free(ms.list);
    free(ms.pos);
    return s;
}

/* ---- type parameters ---------------------------------------------------------------- */

TyInterface *ty_typeparam_iface(TyEnv *env, TyTypeParam *tp)
{
    TyType *bound = tp->bound;
    TyInterface *empty = TY_AS(TyInterface, tp->env->empty_interface);
    (void)env;
    TyType *u = ty_under(bound);
    if (!u || !ty_is_valid(u))
        return empty; /* error reported elsewhere (or bound not set yet) */
    TyInterface *ityp = NULL;
    if (u->kind == TY_INTERFACE) {
        if (ty_is_typeparam(bound))
            return empty; /* error reported in collectTypeParams */
        ityp = TY_AS(TyInterface, u);
    }
    if (!ityp) {
        /* a non-interface constraint T means interface{T} */
        ityp = ty_new_interface(tp->env, NULL, 0, &bound, 1);
        ityp->implicit = true;
        ityp->complete = true;
        tp->bound = &ityp->t;
    }
    if (!ityp->tset) {
        Pos pos = tp->obj ? tp->obj->pos : NOPOS;
        TyNamed *n = ty_as_named(bound);
        if (n)
            pos = n->obj->pos;
        ty_compute_interface_typeset(tp->check, pos, ityp);
    }
    tp->iface = ityp;
    return ityp;
}

/* The (type, underlying type) pairs of t's type set (under.go typeset):
 * for a type parameter the specific terms of its constraint, (NULL, NULL)
 * if there are none; for other types (t, under(t)).  Returns the number of
 * pairs; *pairs points into the env arena (or to a single pair in buf). */
typedef struct TUPair {
    TyType *t, *u;
} TUPair;

static uint32_t typeset_pairs(TyType *t, TUPair *buf, TUPair **pairs)
{
    TyTypeParam *tp = ty_as_typeparam(t);
    *pairs = buf;
    if (!tp) {
        buf->t = t;
        buf->u = ty_under(t);
        return 1;
    }
    TyTypeSet *s = gx_iface_tset(ty_typeparam_iface(tp->env, tp));
    if (!gx_typeset_has_terms(s)) {
        buf->t = buf->u = NULL;
        return 1;
    }
    if (s->terms.len > 1)
        *pairs = ARENA_ARRAY(&tp->env->arena, TUPair, s->terms.len);
    for (uint32_t i = 0; i < s->terms.len; i++) {
        TyTerm *term = &s->terms.terms[i];
        /* for ~x terms, x is its own underlying type */
        (*pairs)[i].t = term->type;
        (*pairs)[i].u = term->tilde ? ty_unalias(term->type) : ty_under(term->type);
    }
    return s->terms.len;
}

bool ty_typeparam_all_under(TyTypeParam *tp, bool (*pred)(TyType *u))
{
    TUPair buf, *pairs;
    uint32_t n = typeset_pairs(&tp->t, &buf, &pairs);
    for (uint32_t i = 0; i < n; i++)
        if (!pred(pairs[i].u))
            return false;
    return true;
}

/* ---- common underlying types (under.go) ------------------------------------------------ */

const char *gx_tstr(Checker *ck, TyEnv *env, TyType *t)
{
    if (ck)
        return ck_tstr(ck, t);
    Buf b = {0};
    ty_type_string(env, &b, t, NULL, NULL);
    char *s = arena_strndup(&env->arena, buf_str(&b), b.len);
    buf_free(&b);
    return s;
}

/* commonUnder(t, nil): without a checker and without error messages (the
 * callers who need the messages use ck_common_under, expr.c) */
TyType *ty_core_type(TyType *t)
{
    if (!t)
        return NULL;
    TUPair buf, *pairs;
    uint32_t n = typeset_pairs(t, &buf, &pairs);
    TyType *cu = NULL;
    for (uint32_t i = 0; i < n; i++) {
        TyType *u = pairs[i].u;
        if (!u)
            return NULL;
        if (!cu) {
            cu = u;
            continue;
        }
        /* channels must agree in element type; the most restricted
         * direction wins */
        if (cu->kind == TY_CHAN && u->kind == TY_CHAN) {
            TyChan *chu = TY_AS(TyChan, cu), *ch = TY_AS(TyChan, u);
            if (!ty_identical(chu->elem, ch->elem))
                return NULL;
            if (chu->dir == ch->dir) {
                /* nothing to do */
            } else if (chu->dir == TY_SEND_RECV) {
                cu = u;
            } else if (ch->dir != TY_SEND_RECV) {
                return NULL;
            }
            continue;
        }
        if (!ty_identical(cu, u))
            return NULL;
    }
    return cu;
}

/* types2 (before go1.25) coreString: like the core type, but []byte and
 * string count as the same; if a string was seen the result is string. */
TyType *ty_core_string(TyType *t)
{
    TyTypeParam *tp = ty_as_typeparam(t);
    if (!tp)
        return ty_under(t);
    TUPair buf, *pairs;
    uint32_t n = typeset_pairs(t, &buf, &pairs);
    TyEnv *env = tp->env;
    TyType *su = NULL;
    bool has_string = false;
    for (uint32_t i = 0; i < n; i++) {
        TyType *u = pairs[i].u;
        if (!u)
            return NULL;
        if (ty_is_string(u)) {
            u = ty_new_slice(env, &env->basic[TY_BYTE]->t);
            has_string = true;
        }
        if (su) {
            /* match: identical, or channels differing in direction only */
            if (ty_identical(su, u)) {
                /* keep su */
            } else if (su->kind == TY_CHAN && u->kind == TY_CHAN &&
                       ty_identical(TY_AS(TyChan, su)->elem, TY_AS(TyChan, u)->elem)) {
                TyChan *x = TY_AS(TyChan, su), *y = TY_AS(TyChan, u);
                if (x->dir == TY_SEND_RECV)
                    su = u;
                else if (y->dir != TY_SEND_RECV && y->dir != x->dir)
                    return NULL;
            } else {
                return NULL;
            }
        } else {
            su = u;
        }
    }
    if (has_string)
        return ty_typ(env, TY_STRING);
    return su;
}

/* ---- small predicates shared by the generics files -------------------------------------- */

bool gx_is_iface(TyType *t) { return ty_as_interface(t) != NULL; }

bool gx_is_type_lit(TyType *t)
{
    t = ty_unalias(t);
    return t && t->kind != TY_NAMED && t->kind != TY_TYPEPARAM;
}

int gx_tparam_index(TyTParamList l, TyTypeParam *tp)
{
    for (uint32_t i = 0; i < l.len; i++)
        if (l.items[i] == tp)
            return (int)i;
    return -1;
}
