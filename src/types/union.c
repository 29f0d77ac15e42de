/*
 * Union type expressions in interfaces and constraints (types2 union.go),
 * and the implicit interface of a constraint literal (decl.go bound).
 *
 * A union A | ~B | C is checked in two steps: the terms are typed at once,
 * but their validity (no ~ on interfaces or on types that are not their own
 * underlying type, no methods or comparable in unions, no overlapping
 * terms) can only be judged once all types are set up, so it is checked in
 * a delayed action.
 */
#include "generics.h"

#include <string.h>

enum { MAX_TERM_COUNT = 100 };

/* parseTilde: the term for x (~T or T); type parameters are not allowed */
static TyTerm parse_tilde(Checker *ck, SynNode *tx)
{
    SynNode *x = tx;
    bool tilde = false;
    if (x->kind == SYN_OPERATION && x->op == SYN_TILDE && !((SynOperation *)x)->y) {
        x = ((SynOperation *)x)->x;
        tilde = true;
    }
    TyType *typ = ck_typ(ck, x);
    if (ty_is_typeparam(typ)) {
        if (tilde)
            ck_errorf(ck, syn_start_pos(x), "type in term %s cannot be a type parameter", ck_estr(ck, tx));
        else
            ck_error(ck, syn_start_pos(x), "term cannot be a type parameter");
        typ = ty_typ(ck->env, TY_INVALID);
    }
    TyTerm t = {tilde, typ};
    if (tilde) {
        TyUnion *u = ty_new_union(ck->env, &t, 1);
        ck_record_type_and_value(ck, tx, TY_MODE_TYPEXPR, &u->t, NULL);
    }
    return t;
}

/* flattenUnion: the operators (blist) and leaves (tlist) of A | B | C */
static void flatten_union(SynNode *x, PtrVec *blist, PtrVec *tlist)
{
    if (x->kind == SYN_OPERATION && x->op == SYN_OR && ((SynOperation *)x)->y) {
        SynOperation *o = (SynOperation *)x;
        flatten_union(o->x, blist, tlist);
        ptrvec_push(blist, o);
        x = o->y;
    }
    ptrvec_push(tlist, x);
}

/* overlappingTerm: the index of a term in terms[0:n) that is not disjoint
 * from y (terms of interface type don't count), or -1 */
static int overlapping_term(TyTerm *terms, uint32_t n, TyTerm *y)
{
    for (uint32_t i = 0; i < n; i++) {
        if (gx_is_iface(terms[i].type))
            continue;
        if (!gx_term_disjoint(&terms[i], y))
            return (int)i;
    }
    return -1;
}

typedef struct UnionCheck {
    TyTerm *terms;
    SynNode **tlist;
    uint32_t n;
} UnionCheck;

/* Terms are written as types2's Term.String does: without qualifier. */
static const char *term_str(Checker *ck, TyTerm *t)
{
    Buf b = {0};
    gx_term_string(ck->env, &b, t->tilde, t->type);
    char *s = arena_strndup(&ck->tmp, buf_str(&b), b.len);
    buf_free(&b);
    return s;
}

static void check_union_later(Checker *ck, void *arg)
{
    UnionCheck *c = arg;
    for (uint32_t i = 0; i < c->n; i++) {
        TyTerm *t = &c->terms[i];
        if (!ty_is_valid(t->type))
            continue;
        Pos at = syn_start_pos(c->tlist[i]);
        TyType *u = ty_under(t->type);
        TyInterface *f = u && u->kind == TY_INTERFACE ? TY_AS(TyInterface, u) : NULL;
        if (t->tilde) {
            if (f) {
                ck_errorf(ck, at, "invalid use of ~ (%s is an interface)", ck_tstr(ck, t->type));
                continue;
            }
            if (!ty_identical(u, t->type)) {
                ck_errorf(ck, at, "invalid use of ~ (underlying type of %s is %s)", ck_tstr(ck, t->type),
                          ck_tstr(ck, u));
                continue;
            }
        }
        /* interfaces in unions may have neither methods nor comparable;
         * they are exempt from the overlap rule */
        if (f) {
            TyTypeSet *ts = gx_iface_tset(f);
            if (ts->nmethods != 0) {
                const char *s = term_str(ck, t);
                ck_errorf(ck, at, "cannot use %s in union (%s contains methods)", s, s);
            } else if (t->type == ck->env->comparable_type) {
                ck_error(ck, at, "cannot use comparable in union");
            } else if (ts->comparable) {
                const char *s = term_str(ck, t);
                ck_errorf(ck, at, "cannot use %s in union (%s embeds comparable)", s, s);
            }
            continue;
        }
        /* overlapping terms such as a|a, a|~a, ~a|~a, and ~a|A */
        int j = overlapping_term(c->terms, i, t);
        if (j >= 0)
            ck_softf(ck, at, "overlapping terms %s and %s", term_str(ck, t), term_str(ck, &c->terms[j]));
    }
}

TyType *ck_parse_union(Checker *ck, SynNode *uexpr)
{
    PtrVec blist = {0}, tlist = {0};
    flatten_union(uexpr, &blist, &tlist);

    TyTerm *terms = ARENA_ARRAY(ck->a, TyTerm, tlist.len);
    uint32_t n = 0;
    TyType *u = NULL;
    for (uint32_t i = 0; i < tlist.len; i++) {
        SynNode *x = tlist.data[i];
        TyTerm term = parse_tilde(ck, x);
        if (tlist.len == 1 && !term.tilde) {
            /* a single type: all checks were done by parse_tilde */
            ptrvec_free(&blist);
            ptrvec_free(&tlist);
            return term.type;
        }
        if (n >= MAX_TERM_COUNT) {
            if (ty_is_valid(u)) {
                ck_errorf(ck, syn_start_pos(x),
                          "cannot handle more than %d union terms (implementation limitation)", MAX_TERM_COUNT);
                u = ty_typ(ck->env, TY_INVALID);
            }
        } else {
            terms[n++] = term;
            u = &ty_new_union(ck->env, terms, n)->t;
        }
        /* each | records the union of the terms up to it */
        if (i > 0)
            ck_record_type_and_value(ck, blist.data[i - 1], TY_MODE_TYPEXPR, u, NULL);
    }
    ptrvec_free(&blist);
    if (!ty_is_valid(u)) {
        ptrvec_free(&tlist);
        return u;
    }
    UnionCheck *c = ARENA_NEW(&ck->tmp, UnionCheck);
    c->terms = terms;
    c->n = n;
    c->tlist = arena_memdup(&ck->tmp, tlist.data, sizeof(SynNode *) * tlist.len);
    ptrvec_free(&tlist);
    ck_later(ck, check_union_later, c);
    return u;
}

/* decl.go bound: a constraint literal ~T or A|B stands for interface{~T}
 * or interface{A|B}, marked implicit. */
TyType *ck_implicit_interface(Checker *ck, SynNode *x)
{
    SynField *f = ARENA_NEW(&ck->tmp, SynField);
    f->n.kind = SYN_FIELD;
    f->n.pos = x->pos;
    f->type = x;
    SynInterfaceType *e = ARENA_NEW(&ck->tmp, SynInterfaceType);
    e->n.kind = SYN_INTERFACE_TYPE;
    e->n.pos = NOPOS;   /* a synthetic node, as types2's */
    SynNode **items = ARENA_ARRAY(&ck->tmp, SynNode *, 1);
    items[0] = &f->n;
    e->methods.items = items;
    e->methods.len = 1;
    TyInterface *it = ty_new_interface(ck->env, NULL, 0, NULL, 0);
    ck_interface_type(ck, it, e, NULL);
    it->implicit = true;
    return &it->t;
}
