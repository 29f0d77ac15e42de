/*
 * The driver (gc's escape/escape.go): one batch per strongly connected
 * component of the call graph builds the location graph from the
 * function bodies, decides closure captures, forces some allocations to
 * the heap, solves, and then tags parameters and prints the verdicts.
 *
 * Escape analysis in one paragraph (after gc): every variable and every
 * allocating expression is a location; every assignment is an edge
 * weighted by dereferences minus address-of operations.  A location whose
 * address reaches a location that outlives it (the heap, a result, a
 * variable declared outside its loop or in an enclosing function) must be
 * heap allocated.  Flows from parameters to the heap or to results are
 * summarized as tags, which calls in later batches use instead of the
 * callee's body.
 */
#include "esc.h"

#include <string.h>

/* ---- functions ---------------------------------------------------------------------- */

static void init_func(EscBatch *b, IrFunc *fn)
{
    Esc e = {b, fn, {0}, 1};
    if (fn->esc != IR_ESC_UNKNOWN)
        base_fatal("escape: unexpected function state for %s", esc_func_name(fn));
    fn->esc = IR_ESC_PLANNED;

    for (uint32_t i = 0; i < fn->dcl.len; i++)
        esc_new_loc(&e, fn->dcl.items[i], true);

    /* hidden parameters, such as a method value wrapper's .this */
    if (!fn->oclosure)
        for (uint32_t i = 0; i < fn->closurevars.len; i++)
            esc_new_loc(&e, &ir_canonical(esc_as_name(fn->closurevars.items[i]))->n, true);

    for (uint32_t i = 0; i < fn->nresults; i++) {
        IrNode *r = esc_list_at(&fn->dcl, fn->nparams + i);
        if (r)
            esc_old_loc(b, esc_as_name(r))->result_index = (int)i + 1;
    }
}

static void *label_key(IrNode *n) { return n->label ? (void *)n->label : (void *)n->sym; }

static bool label_blank(IrNode *n)
{
    const Sym *s = n->label ? n->label->sym : (n->sym ? n->sym->name : NULL);
    return s && s->len == 1 && s->name[0] == '_';
}

/* A label is the head of an unstructured loop if a goto after it jumps
 * back to it. */
static void label_visit(void *ud, IrNode *n)
{
    Esc *e = ud;
    if (n->op == IR_OLABEL) {
        if (!label_blank(n))
            ptrmap_put(&e->labels, PMKEY(label_key(n)), (void *)(uintptr_t)ESC_LABEL_NONLOOPING);
    } else if (n->op == IR_OGOTO) {
        uintptr_t st = (uintptr_t)ptrmap_get(&e->labels, PMKEY(label_key(n)));
        if (st == ESC_LABEL_NONLOOPING)
            ptrmap_put(&e->labels, PMKEY(label_key(n)), (void *)(uintptr_t)ESC_LABEL_LOOPING);
    }
}

void esc_walk_func(EscBatch *b, IrFunc *fn)
{
    Esc e = {b, fn, {0}, 1};
    fn->esc = IR_ESC_STARTED;
    esc_visit_list(&fn->body, label_visit, &e);
    esc_block(&e, &fn->body);
    ptrmap_free(&e.labels);
}

/* Decides how a closure captures each variable, now that every
 * reassignment and address-taking in the batch has been seen. */
static void flow_closure(EscBatch *b, EscHole k, IrNode *clo)
{
    EscState *st = b->st;
    IrFunc *fn = clo->func;
    if (!fn)
        return;
    for (uint32_t i = 0; i < fn->closurevars.len; i++) {
        IrName *cv = esc_as_name(fn->closurevars.items[i]);
        IrName *n = ir_canonical(cv);
        EscLoc *loc = esc_old_loc(b, cv);
        if (!loc->captured)
            base_fatal("escape: closure variable never captured: %s", cv->sym ? cv->sym->name : "?");

        /* by value: at most 128 bytes and never reassigned */
        int64_t size = esc_type_size(st, n->n.type);
        bool byval = !loc->addrtaken && !loc->reassigned && size <= 128;
        if (byval)
            n->nflags |= IR_N_BYVAL;
        else
            n->nflags = (uint16_t)((n->nflags & ~IR_N_BYVAL) | IR_N_ADDRTAKEN);

        if (st->conf->m > 1) {
            buf_reset(&st->scratch);
            esc_fmt_func(st, &st->scratch, n->curfn);
            buf_printf(&st->scratch, " capturing by %s: ", byval ? "value" : "ref");
            esc_fmt_node(st, &st->scratch, &n->n);
            buf_printf(&st->scratch, " (addr=%s assign=%s width=%lld)", loc->addrtaken ? "true" : "false",
                       loc->reassigned ? "true" : "false", (long long)size);
            esc_warn_scratch(st, n->n.pos);
        }

        EscHole kk = k;
        if (!byval)
            kk = esc_addr_hole(b, kk, &cv->n, "reference");
        esc_flow(b, esc_note(b, kk, &cv->n, "captured by a closure"), loc);
    }
}

/* ---- literal rewriting -------------------------------------------------------------- */

static void assign_temp(EscState *st, IrFunc *fn, Pos pos, IrNode *n, IrList *init)
{
    /* keep n's side effects in an otherwise unused temporary */
    IrProgram *p = st->prog;
    IrName *tmp = esc_new_temp(st, fn, pos, n->type);
    IrNode *dcl = ir_new(p, IR_ODCL, pos, NULL);
    dcl->x = &tmp->n;
    IrNode *as = ir_new(p, IR_OAS, pos, NULL);
    as->x = &tmp->n;
    as->y = n;
    ir_list_push(p, init, dcl);
    ir_list_push(p, init, as);
}

static IrNode *new_literal(EscState *st, Pos pos, TyType *t, TyConst v)
{
    IrNode *lit = ir_new(st->prog, IR_OLITERAL, pos, t);
    lit->val = v;
    return lit;
}

/* ir.ValidTypeForConst */
static bool valid_type_for_const(TyType *t, TyConst v)
{
    TyType *u = t ? ty_under(t) : NULL;
    if (!u || u->kind != TY_BASIC)
        return false;
    uint16_t info = TY_AS(TyBasic, u)->info;
    switch (ty_const_kind(v)) {
    case TY_CONST_BOOL:
        return (info & TY_IS_BOOLEAN) != 0;
    case TY_CONST_STRING:
        return (info & TY_IS_STRING) != 0;
    case TY_CONST_INT:
        return (info & TY_IS_INTEGER) != 0;
    case TY_CONST_FLOAT:
        return (info & TY_IS_FLOAT) != 0;
    case TY_CONST_COMPLEX:
        return (info & TY_IS_COMPLEX) != 0;
    default:
        return (info & (TY_IS_NUMERIC | TY_IS_STRING | TY_IS_BOOLEAN)) != 0;
    }
}

/* Replaces some non-constant operands with the literal they are known to
 * hold (since go1.25): make([]T, n) with n := 10 becomes make([]T, 10),
 * which may then be stack allocated, and x := 5; sink = x converts the
 * literal 5 (no allocation).  The messages print the rewritten nodes. */
static void rewrite_with_literals(EscBatch *b, IrNode *n, IrFunc *fn)
{
    EscState *st = b->st;
    if (!n || !fn)
        return;
    if (n->op == IR_OMAKESLICE) {
        IrNode **r = esc_make_cap_ref(n);
        if (!*r || (*r)->op == IR_OLITERAL)
            return;
        EscOracle *ro = esc_reassign_oracle(st, fn);
        IrNode *s = esc_oracle_static_value(ro, *r);
        if (!s)
            return;
        if (s->op == IR_OLITERAL) {
            if (ty_const_kind(s->val) != TY_CONST_INT)
                base_fatal("escape: unexpected BasicLit Kind");
            if (ty_const_sign(s->val) >= 0) {
                assign_temp(st, fn, n->pos, *r, &n->init);
                *r = new_literal(st, n->pos, (*r)->type, s->val);
            }
        } else if (s->op == IR_OLEN) {
            IrNode *x = esc_oracle_static_value(ro, s->x);
            if (x && x->op == IR_OSLICELIT) {
                TyType *int_type = &st->env->basic[TY_INT]->t;
                assign_temp(st, fn, n->pos, *r, &n->init);
                *r = new_literal(st, n->pos, int_type, ty_const_int64((int64_t)x->len));
            }
        }
    } else if (n->op == IR_OCONVIFACE) {
        IrNode *x = n->x;
        if (!x || x->op == IR_OLITERAL || esc_type_is_interface(x->type))
            return;
        EscOracle *ro = esc_reassign_oracle(st, fn);
        IrNode *v = esc_oracle_static_value(ro, x);
        if (v && v->op == IR_OLITERAL && valid_type_for_const(x->type, v->val)) {
            if (st->conf->debug >= 3) {
                buf_reset(&st->scratch);
                buf_puts(&st->scratch, "rewriting OCONVIFACE value from ");
                esc_fmt_node(st, &st->scratch, x);
                buf_puts(&st->scratch, " (");
                ir_fmt_type(&st->scratch, st->prog, st->pkg->types, x->type);
                buf_puts(&st->scratch, ") to ");
                esc_fmt_node(st, &st->scratch, v);
                buf_puts(&st->scratch, " (");
                ir_fmt_type(&st->scratch, st->prog, st->pkg->types, v->type);
                buf_puts(&st->scratch, ")");
                esc_warn_scratch(st, n->pos);
            }
            assign_temp(st, fn, n->pos, x, &n->init);
            n->x = new_literal(st, n->pos, x->type, v->val);
        }
    }
}

/* ---- tags and messages ------------------------------------------------------------- */

static void report_leaks(EscBatch *b, Pos pos, const char *name, EscLeaks esc, IrFunc *fn)
{
    EscState *st = b->st;
    bool warned = false;
    int x = esc_leaks_get(&esc, ESC_LEAK_HEAP);
    if (x >= 0) {
        if (x == 0)
            esc_warnf(st, pos, "leaking param: %s", name);
        else
            esc_warnf(st, pos, "leaking param content: %s", name);
        warned = true;
    }
    for (int i = 0; i < ESC_NUM_RESULTS; i++) {
        if ((x = esc_leaks_get(&esc, ESC_LEAK_RESULT0 + i)) >= 0) {
            IrNode *r = esc_list_at(&fn->dcl, fn->nparams + (uint32_t)i);
            const char *res = r && esc_as_name(r)->sym ? esc_as_name(r)->sym->name : "?";
            esc_warnf(st, pos, "leaking param: %s to result %s level=%d", name, res, x);
            warned = true;
        }
    }
    if (!st->conf->mutationscalls) {
        if (!warned)
            esc_warnf(st, pos, "%s does not escape", name);
        return;
    }
    if ((x = esc_leaks_get(&esc, ESC_LEAK_MUTATOR)) >= 0) {
        esc_warnf(st, pos, "mutates param: %s derefs=%d", name, x);
        warned = true;
    }
    if ((x = esc_leaks_get(&esc, ESC_LEAK_CALLEE)) >= 0) {
        esc_warnf(st, pos, "calls param: %s derefs=%d", name, x);
        warned = true;
    }
    if (!warned)
        esc_warnf(st, pos, "%s does not escape, mutate, or call", name);
}

/* The declared name of a parameter: NULL when unnamed (gc: Field.Sym). */
static const Sym *param_field_sym(IrName *pn)
{
    if (pn->obj) {
        const Sym *s = pn->obj->name;
        return s && s->len > 0 ? s : NULL;
    }
    /* no object: the name node's own symbol, unless internal (~p3) */
    if (pn->sym && pn->sym->len > 0 && pn->sym->name[0] != '~')
        return pn->sym;
    return NULL;
}

static bool sym_is_blank(const Sym *s) { return s && s->len == 1 && s->name[0] == '_'; }

static bool is_variadic_param(IrFunc *fn, uint32_t narg)
{
    /* narg is 1-based over receiver + params: the last param */
    return fn->sig && fn->sig->variadic && narg == fn->nparams;
}

static const char *param_tag(EscBatch *b, IrFunc *fn, uint32_t narg, IrName *pn)
{
    EscState *st = b->st;
    IrProgram *p = st->prog;
    const char *name = pn && pn->sym ? pn->sym->name : arena_printf(&b->arena, "arg#%u", narg);
    bool diagnose = st->conf->m != 0 && !(fn->fflags & (IR_FN_WRAPPER | IR_FN_DUPOK));
    TyType *t = pn ? pn->n.type : NULL;
    Pos pos = pn ? pn->n.pos : fn->pos;
    const Sym *fsym = pn ? param_field_sym(pn) : NULL;

    if (fn->fflags & IR_FN_BODYLESS) {
        /* uintptr arguments must be held live across the call (most
         * importantly for syscall.Syscall, golang.org/issue/13372); the
         * tag carries this to importing code */
        fn->pragma |= SYN_PRAGMA_UINTPTRKEEPALIVE;
        if (esc_type_is_uintptr(t)) {
            if (diagnose)
                esc_warnf(st, pos, "assuming %s is unsafe uintptr", name);
            return "";
        }
        if (!esc_type_has_pointers(t))
            return "";
        EscLeaks esc;
        memset(&esc, 0, sizeof esc);
        if (fn->pragma & SYN_PRAGMA_NOESCAPE) {
            if (diagnose && fsym)
                esc_warnf(st, pos, "%s does not escape", name);
            esc_leaks_add(&esc, ESC_LEAK_MUTATOR, 0);
            esc_leaks_add(&esc, ESC_LEAK_CALLEE, 0);
        } else {
            if (diagnose && fsym)
                esc_warnf(st, pos, "leaking param: %s", name);
            esc_leaks_add(&esc, ESC_LEAK_HEAP, 0);
        }
        return esc_leaks_encode(&p->arena, &esc);
    }

    if (fn->pragma & SYN_PRAGMA_UINTPTRESCAPES) {
        if (esc_type_is_uintptr(t)) {
            if (diagnose)
                esc_warnf(st, pos, "marking %s as escaping uintptr", name);
            return "";
        }
        if (is_variadic_param(fn, narg) && esc_type_is_uintptr(esc_type_elem(t))) {
            if (diagnose)
                esc_warnf(st, pos, "marking %s as escaping ...uintptr", name);
            return "";
        }
    }

    if (!esc_type_has_pointers(t))
        return "";

    /* unnamed parameters are unused and do not escape */
    if (!fsym || sym_is_blank(fsym)) {
        EscLeaks esc;
        memset(&esc, 0, sizeof esc);
        return esc_leaks_encode(&p->arena, &esc);
    }

    EscLoc *loc = esc_old_loc(b, pn);
    EscLeaks esc = loc->param_esc;
    esc_leaks_optimize(&esc);
    if (diagnose && !esc_has_attr(loc, ESC_ATTR_ESCAPES))
        report_leaks(b, pos, name, esc, fn);
    return esc_leaks_encode(&p->arena, &esc);
}

static void finish(EscBatch *b, IrFunc **fns, uint32_t nfns)
{
    EscState *st = b->st;
    IrProgram *p = st->prog;
    const EscConfig *conf = st->conf;

    /* parameter tags, for callers in later batches and packages */
    for (uint32_t i = 0; i < nfns; i++) {
        IrFunc *fn = fns[i];
        fn->esc = IR_ESC_TAGGED;
        uint32_t n = fn->nparams;
        char **tags = ARENA_ARRAY(&p->arena, char *, n ? n : 1);
        for (uint32_t j = 0; j < n; j++) {
            IrName *pn = j < fn->dcl.len ? esc_as_name(fn->dcl.items[j]) : NULL;
            tags[j] = (char *)param_tag(b, fn, j + 1, pn);
        }
        fn->tags = tags;
        if (fn->obj) {
            IrTags *t = ARENA_NEW(&p->arena, IrTags);
            t->n = n;
            t->tags = (const char **)tags;
            t->pragma = fn->pragma;
            ptrmap_put(&p->tags_by_obj, PMKEY(fn->obj), t);
        }
    }

    for (uint32_t i = 0; i < b->nlocs; i++) {
        EscLoc *loc = b->all_locs[i];
        IrNode *n = loc->n;
        if (!n)
            continue;
        if (n->op == IR_ONAME)
            n->esc = NULL;

        /* go/defer wrappers and synthetic method closures are silent, as
         * they have always been in gc */
        bool wrapper = n->op == IR_OCLOSURE && n->func && (n->func->fflags & IR_FN_WRAPPER);

        if (esc_has_attr(loc, ESC_ATTR_ESCAPES)) {
            if (n->op == IR_ONAME) {
                ((IrName *)n)->nflags |= IR_N_ESCHEAP;
                if (conf->runtime) {
                    buf_reset(&st->scratch);
                    esc_fmt_node(st, &st->scratch, n);
                    esc_errorf(st, n->pos, "%s escapes to heap, not allowed in runtime",
                               buf_str(&st->scratch));
                }
                if (conf->m != 0) {
                    buf_reset(&st->scratch);
                    buf_puts(&st->scratch, "moved to heap: ");
                    esc_fmt_node(st, &st->scratch, n);
                    esc_warn_scratch(st, n->pos);
                }
            } else if (conf->m != 0 && !wrapper) {
                if (n->op == IR_OAPPEND) {
                    esc_warnf(st, n->pos, "append escapes to heap");
                } else {
                    buf_reset(&st->scratch);
                    esc_fmt_node(st, &st->scratch, n);
                    buf_puts(&st->scratch, " escapes to heap");
                    esc_warn_scratch(st, n->pos);
                }
            }
            n->flags &= (uint16_t)~IR_F_NONESCAPING;
        } else {
            if (conf->m != 0 && n->op != IR_ONAME && !wrapper) {
                if (n->op == IR_OAPPEND) {
                    esc_warnf(st, n->pos, "append does not escape");
                } else {
                    buf_reset(&st->scratch);
                    esc_fmt_node(st, &st->scratch, n);
                    buf_puts(&st->scratch, " does not escape");
                    esc_warn_scratch(st, n->pos);
                }
            }
            n->flags |= IR_F_NONESCAPING;
            if (!esc_has_attr(loc, ESC_ATTR_PERSISTS) &&
                (n->op == IR_OCLOSURE || n->op == IR_OMETHVALUE || n->op == IR_OSLICELIT))
                n->flags |= IR_F_TRANSIENT;
        }

        /* a []byte(s) that is never mutated can share s's bytes */
        if (conf->zerocopy && n->op == IR_OSTR2BYTES && !esc_has_attr(loc, ESC_ATTR_MUTATES)) {
            if (conf->m >= 1)
                esc_warnf(st, n->pos, "zero-copy string->[]byte conversion");
        }
    }
}

/* ---- batches ---------------------------------------------------------------------------- */

void esc_batch(EscState *st, IrFunc **fns, uint32_t nfns)
{
    EscBatch *b = xcalloc(1, sizeof *b);
    b->st = st;
    b->prog = st->prog;
    arena_init(&b->arena);
    b->notes = st->conf->m >= 2;
    b->heap_loc.attrs = ESC_ATTR_ALL;
    b->mutator_loc.attrs = ESC_ATTR_MUTATES;
    b->callee_loc.attrs = ESC_ATTR_CALLS;

    /* the data-flow graph, from the bodies */
    for (uint32_t i = 0; i < nfns; i++)
        init_func(b, fns[i]);
    for (uint32_t i = 0; i < nfns; i++)
        if (!esc_is_closure(fns[i]))
            esc_walk_func(b, fns[i]);

    /* every reassignment and address-taking has been seen: decide how
     * closures capture */
    for (uint32_t i = 0; i < b->nclosures; i++)
        flow_closure(b, b->closures[i].k, b->closures[i].clo);
    b->nclosures = 0;

    for (uint32_t i = 0; i < b->nlocs; i++) {
        EscLoc *loc = b->all_locs[i];
        rewrite_with_literals(b, loc->n, loc->curfn);
        const char *why = esc_heap_alloc_reason(st, loc->n);
        if (*why)
            esc_flow(b, esc_addr_hole(b, esc_heap_hole(b), loc->n, why), loc);
    }

    esc_walk_all(b);
    finish(b, fns, nfns);

    arena_free(&b->arena);
    free(b);
}

void esc_analyze_package(IrProgram *prog, IrPackage *pkg, const EscConfig *conf)
{
    EscState st;
    memset(&st, 0, sizeof st);
    st.prog = prog;
    st.pkg = pkg;
    st.conf = conf;
    st.env = prog->env;
    st.analyze = esc_batch;
    for (uint32_t i = 0; i < pkg->nfn; i++)
        ptrmap_put(&st.pkgfuncs, PMKEY(pkg->fn[i]), pkg->fn[i]);

    esc_visit_funcs_bottom_up(&st);
    esc_finish_errors(&st);

    esc_oracle_free_all(&st);
    ptrmap_free(&st.pkgfuncs);
    buf_free(&st.scratch);
}
