/* Unit tests of the escape analysis pieces that do not need lowered IR:
 * the tag encoding, the batch order (Tarjan over hand-built functions),
 * and the solver on hand-built location graphs. */
#include "unit.h"

#include "escape/esc.h"

#include <string.h>

/* ---- tags -------------------------------------------------------------------------- */

UNIT_TEST(leaks_encode)
{
    Arena a;
    arena_init(&a);
    EscLeaks l;
    memset(&l, 0, sizeof l);
    CHECK_STR(esc_leaks_encode(&a, &l), "esc:");
    esc_leaks_add(&l, ESC_LEAK_HEAP, 0);
    CHECK_STR(esc_leaks_encode(&a, &l), "");
    memset(&l, 0, sizeof l);
    esc_leaks_add(&l, ESC_LEAK_MUTATOR, 0);
    esc_leaks_add(&l, ESC_LEAK_CALLEE, 0);
    CHECK_STR(esc_leaks_encode(&a, &l), "esc:000101");
    memset(&l, 0, sizeof l);
    esc_leaks_add(&l, ESC_LEAK_RESULT0 + 1, 3);
    esc_leaks_add(&l, ESC_LEAK_RESULT0 + 1, 5); /* the minimum is kept */
    CHECK_STR(esc_leaks_encode(&a, &l), "esc:0000000004");
    esc_leaks_add(&l, ESC_LEAK_HEAP, 400); /* capped at 255 */
    CHECK_INT(l.b[0], 255);

    EscLeaks p = esc_leaks_parse("esc:0000000004");
    CHECK_INT(esc_leaks_get(&p, ESC_LEAK_HEAP), -1);
    CHECK_INT(esc_leaks_get(&p, ESC_LEAK_RESULT0 + 1), 3);
    p = esc_leaks_parse("");
    CHECK_INT(esc_leaks_get(&p, ESC_LEAK_HEAP), 0);
    p = esc_leaks_parse_gc("esc:\x00\x02", 6);
    CHECK_INT(esc_leaks_get(&p, ESC_LEAK_HEAP), -1);
    CHECK_INT(esc_leaks_get(&p, ESC_LEAK_MUTATOR), 1);
    CHECK_STR(esc_tag_from_gc(&a, "esc:\x00\x01\x01", 7), "esc:000101");
    CHECK_STR(esc_tag_from_gc(&a, "", 0), "");
    arena_free(&a);
}

UNIT_TEST(leaks_optimize)
{
    EscLeaks l;
    memset(&l, 0, sizeof l);
    esc_leaks_add(&l, ESC_LEAK_HEAP, 1);
    esc_leaks_add(&l, ESC_LEAK_RESULT0, 0);
    esc_leaks_add(&l, ESC_LEAK_RESULT0 + 1, 1);
    esc_leaks_add(&l, ESC_LEAK_MUTATOR, 2);
    esc_leaks_optimize(&l);
    CHECK_INT(esc_leaks_get(&l, ESC_LEAK_HEAP), 1);
    CHECK_INT(esc_leaks_get(&l, ESC_LEAK_RESULT0), 0);
    CHECK_INT(esc_leaks_get(&l, ESC_LEAK_RESULT0 + 1), -1);
    CHECK_INT(esc_leaks_get(&l, ESC_LEAK_MUTATOR), -1);
}

/* ---- batch order ------------------------------------------------------------------- */

typedef struct World {
    IrProgram prog;
    SymTab syms;
    IrPackage pkg;
    Buf order;
} World;

static void world_init(World *w)
{
    memset(w, 0, sizeof *w);
    symtab_init(&w->syms);
    ir_program_init(&w->prog, NULL, NULL, &w->syms, NULL);
}

static void world_free(World *w)
{
    buf_free(&w->order);
    ir_program_free(&w->prog);
    symtab_free(&w->syms);
}

static IrFunc *new_func(World *w, const char *name)
{
    IrFunc *fn = ARENA_NEW(&w->prog.arena, IrFunc);
    fn->linkname = name;
    ir_package_add_func(&w->prog, &w->pkg, fn);
    return fn;
}

/* fn's body gets a call statement of callee */
static void add_call(World *w, IrFunc *fn, IrFunc *callee)
{
    IrName *nm = ir_new_name(&w->prog, NOPOS, sym_cstr(&w->syms, callee->linkname), IR_PFUNC, NULL);
    nm->func = callee;
    IrNode *call = ir_new(&w->prog, IR_OCALLFUNC, NOPOS, NULL);
    call->x = &nm->n;
    ir_list_push(&w->prog, &fn->body, call);
}

/* fn's body gets `_ = func literal` of lit; with capture, lit captures a
 * variable (so it is a closure) */
static void add_closure(World *w, IrFunc *fn, IrFunc *lit, bool capture)
{
    IrNode *clo = ir_new(&w->prog, IR_OCLOSURE, NOPOS, NULL);
    clo->func = lit;
    lit->oclosure = clo;
    lit->closure_parent = fn;
    if (capture) {
        IrName *cv = ir_new_name(&w->prog, NOPOS, sym_cstr(&w->syms, "x"), IR_PAUTOHEAP, NULL);
        cv->nflags |= IR_N_CLOSUREVAR;
        ir_list_push(&w->prog, &lit->closurevars, &cv->n);
    }
    IrNode *as = ir_new(&w->prog, IR_OAS, NOPOS, NULL);
    as->y = clo;
    ir_list_push(&w->prog, &fn->body, as);
}

static void record_batch(EscState *st, IrFunc **fns, uint32_t n)
{
    World *w = (World *)((char *)st->prog - offsetof(World, prog));
    for (uint32_t i = 0; i < n; i++)
        buf_printf(&w->order, "%s%s", i ? " " : "", fns[i]->linkname);
    buf_putc(&w->order, '|');
}

static const char *batches(World *w)
{
    EscConfig conf;
    memset(&conf, 0, sizeof conf);
    EscState st;
    memset(&st, 0, sizeof st);
    st.prog = &w->prog;
    st.pkg = &w->pkg;
    st.conf = &conf;
    st.analyze = record_batch;
    for (uint32_t i = 0; i < w->pkg.nfn; i++)
        ptrmap_put(&st.pkgfuncs, PMKEY(w->pkg.fn[i]), w->pkg.fn[i]);
    esc_visit_funcs_bottom_up(&st);
    ptrmap_free(&st.pkgfuncs);
    return buf_str(&w->order);
}

UNIT_TEST(scc_recursive)
{
    World w;
    world_init(&w);
    IrFunc *h = new_func(&w, "h"), *f = new_func(&w, "f"), *g = new_func(&w, "g");
    add_call(&w, h, f);
    add_call(&w, f, g);
    add_call(&w, g, f);
    CHECK_STR(batches(&w), "f g|h|");
    world_free(&w);
}

UNIT_TEST(scc_order)
{
    World w;
    world_init(&w);
    /* roots in Target.Funcs order; callees first; a callee reached from
     * an earlier root is analyzed with it */
    IrFunc *a = new_func(&w, "a"), *b = new_func(&w, "b"), *c = new_func(&w, "c"), *d = new_func(&w, "d");
    add_call(&w, a, c);
    add_call(&w, a, b);
    add_call(&w, b, d);
    add_call(&w, c, a);
    CHECK_STR(batches(&w), "d|b|a c|");
    world_free(&w);
}

UNIT_TEST(scc_closures)
{
    World w;
    world_init(&w);
    IrFunc *p = new_func(&w, "p"), *c = new_func(&w, "p.func1"), *q = new_func(&w, "q");
    add_closure(&w, p, c, true);
    add_call(&w, c, q);
    CHECK_STR(batches(&w), "q|p p.func1|");
    world_free(&w);

    /* a literal without captures is not a closure: its own batch, first */
    world_init(&w);
    p = new_func(&w, "p");
    c = new_func(&w, "p.func1");
    q = new_func(&w, "q");
    add_closure(&w, p, c, false);
    add_call(&w, c, q);
    CHECK_STR(batches(&w), "q|p.func1|p|");
    world_free(&w);
}

/* ---- the solver ---------------------------------------------------------------------- */

typedef struct Graph {
    World w;
    EscConfig conf;
    EscState st;
    EscBatch *b;
    IrFunc *fn;
    Esc e;
} Graph;

static void graph_init(Graph *g)
{
    memset(g, 0, sizeof *g);
    world_init(&g->w);
    g->st.prog = &g->w.prog;
    g->st.pkg = &g->w.pkg;
    g->st.conf = &g->conf;
    g->b = xcalloc(1, sizeof *g->b);
    g->b->st = &g->st;
    g->b->prog = &g->w.prog;
    arena_init(&g->b->arena);
    g->b->heap_loc.attrs = ESC_ATTR_ALL;
    g->b->mutator_loc.attrs = ESC_ATTR_MUTATES;
    g->b->callee_loc.attrs = ESC_ATTR_CALLS;
    g->fn = new_func(&g->w, "f");
    g->e.b = g->b;
    g->e.curfn = g->fn;
    g->e.loop_depth = 1;
}

static void graph_free(Graph *g)
{
    arena_free(&g->b->arena);
    free(g->b);
    buf_free(&g->st.scratch);
    world_free(&g->w);
}

static EscLoc *name_loc(Graph *g, const char *name, IrClass cls)
{
    IrName *nm = ir_new_name(&g->w.prog, NOPOS, sym_cstr(&g->w.syms, name), cls, NULL);
    nm->curfn = g->fn;
    return esc_new_loc(&g->e, &nm->n, true);
}

static void edge(Graph *g, EscLoc *dst, EscLoc *src, int derefs)
{
    EscHole k = esc_hole(dst);
    k = esc_shift(k, derefs);
    esc_flow(g->b, k, src);
}

UNIT_TEST(solve_address_to_heap)
{
    Graph g;
    graph_init(&g);
    EscLoc *x = name_loc(&g, "x", IR_PAUTO), *q = name_loc(&g, "q", IR_PAUTO);
    EscLoc *y = name_loc(&g, "y", IR_PAUTO), *z = name_loc(&g, "z", IR_PAUTO);
    edge(&g, q, x, -1);            /* q = &x */
    edge(&g, &g.b->heap_loc, q, 0); /* sink = q */
    edge(&g, y, z, -1);            /* y = &z */
    esc_walk_all(g.b);
    CHECK(esc_has_attr(x, ESC_ATTR_ESCAPES));
    CHECK(!esc_has_attr(q, ESC_ATTR_ESCAPES));
    CHECK(!esc_has_attr(z, ESC_ATTR_ESCAPES));
    graph_free(&g);
}

UNIT_TEST(solve_loop_depth)
{
    Graph g;
    graph_init(&g);
    EscLoc *l = name_loc(&g, "l", IR_PAUTO);
    g.e.loop_depth = 2;
    EscLoc *inner = esc_new_loc(&g.e, NULL, false); /* new(int) inside a loop */
    EscLoc *v = name_loc(&g, "v", IR_PAUTO);
    g.e.loop_depth = 1;
    edge(&g, l, inner, -1); /* l = new(int) */
    EscLoc *w2 = name_loc(&g, "w", IR_PAUTO);
    edge(&g, v, w2, -1); /* v (inner) = &w (outer): fine */
    esc_walk_all(g.b);
    CHECK(esc_has_attr(inner, ESC_ATTR_ESCAPES));
    CHECK(!esc_has_attr(w2, ESC_ATTR_ESCAPES));
    graph_free(&g);
}

UNIT_TEST(solve_param_leaks)
{
    Graph g;
    graph_init(&g);
    EscLoc *p = name_loc(&g, "p", IR_PPARAM), *q = name_loc(&g, "q", IR_PPARAM);
    EscLoc *r = name_loc(&g, "r", IR_PPARAMOUT);
    r->result_index = 1;
    EscLoc *t = name_loc(&g, "t", IR_PAUTO);
    edge(&g, r, p, 1);              /* r = *p */
    edge(&g, t, q, 0);              /* t = q */
    edge(&g, &g.b->heap_loc, t, 2); /* sink = **t */
    edge(&g, &g.b->mutator_loc, q, 0);
    esc_walk_all(g.b);
    CHECK(p->param);
    CHECK_INT(esc_leaks_get(&p->param_esc, ESC_LEAK_RESULT0), 1);
    CHECK_INT(esc_leaks_get(&p->param_esc, ESC_LEAK_HEAP), -1);
    CHECK_INT(esc_leaks_get(&q->param_esc, ESC_LEAK_HEAP), 2);
    CHECK_INT(esc_leaks_get(&q->param_esc, ESC_LEAK_MUTATOR), 0);
    CHECK(!esc_has_attr(q, ESC_ATTR_ESCAPES));
    graph_free(&g);
}

UNIT_SUITE(escape) = {
    UNIT_CASE(leaks_encode),
    UNIT_CASE(leaks_optimize),
    UNIT_CASE(scc_recursive),
    UNIT_CASE(scc_order),
    UNIT_CASE(scc_closures),
    UNIT_CASE(solve_address_to_heap),
    UNIT_CASE(solve_loop_depth),
    UNIT_CASE(solve_param_leaks),
    UNIT_END,
};
