/*
 * Package initialization order (types2 initorder.go).
 *
 * Package-level constants, variables and functions form a dependency graph
 * (DeclInfo.deps: the package objects a declaration's initializer or body
 * refers to).  Functions are removed from the graph, each dependency path
 * through functions becoming a direct edge, since calls among functions
 * may be cyclic without harm.  The remaining nodes are then emitted one by
 * one, always the one with the fewest outstanding dependencies (constants
 * first, then by source order): in a valid program that node has none;
 * otherwise there is an initialization cycle, which is reported.
 *
 * The variables with initializers, in that order, are stored on the
 * package (TyPackage.inits): gc emits package initialization in this
 * order, and the escape analysis of the init function follows it.
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>

typedef struct Node {
    TyObject *obj;
    DeclInfo *decl;
    bool isfunc, isconst;
    uint32_t *succ, nsucc, capsucc;  /* dependencies (node indices), distinct */
    uint32_t *pred, npred, cappred;  /* dependents */
    int64_t index;                   /* position in the heap; -1: popped */
    uint32_t ndeps;                  /* outstanding dependencies */
    uint32_t mark;                   /* DFS / dedup stamp */
} Node;

typedef struct Graph {
    Checker *ck;
    Node *nodes;
    uint32_t n;
    PtrMap idx;                      /* object -> node index + 1 */
} Graph;

static void push_u32(uint32_t **a, uint32_t *n, uint32_t *cap, uint32_t v)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 4;
        *a = xrealloc(*a, sizeof(uint32_t) * *cap);
    }
    (*a)[(*n)++] = v;
}

static int64_t node_of(Graph *g, TyObject *obj)
{
    uintptr_t i = (uintptr_t)ptrmap_get(&g->idx, PMKEY(obj));
    return i ? (int64_t)i - 1 : -1;
}

/* Builds the graph of constants and variables, with function nodes
 * eliminated: a -> b iff a depends on b directly or through a chain of
 * functions (types2 dependencyGraph; removing function nodes one by one
 * there yields the same edges). */
static void build_graph(Graph *g)
{
    Checker *ck = g->ck;
    g->nodes = xcalloc(ck->objlist.len + 1, sizeof(Node));
    for (uint32_t i = 0; i < ck->objlist.len; i++) {
        TyObject *obj = ck->objlist.data[i];
        if (obj->kind != TY_OBJ_CONST && obj->kind != TY_OBJ_VAR && obj->kind != TY_OBJ_FUNC)
            continue;
        Node *n = &g->nodes[g->n];
        n->obj = obj;
        n->decl = ptrmap_get(&ck->objmap, PMKEY(obj));
        n->isfunc = obj->kind == TY_OBJ_FUNC;
        n->isconst = obj->kind == TY_OBJ_CONST;
        ptrmap_put(&g->idx, PMKEY(obj), (void *)(uintptr_t)(g->n + 1));
        g->n++;
    }

    uint32_t stamp = 0;
    uint32_t *stack = NULL, nstack = 0, capstack = 0;
    /* seen[] marks functions visited from the current node; nodes' mark
     * fields dedup its successors */
    uint32_t *seen = xcalloc(g->n + 1, sizeof(uint32_t));
    for (uint32_t a = 0; a < g->n; a++) {
        Node *na = &g->nodes[a];
        if (na->isfunc || !na->decl)
            continue;
        stamp++;
        nstack = 0;
        /* the direct dependencies first, then those reached through functions */
        for (uint32_t pass = 0;; pass++) {
            DeclInfo *d;
            if (pass == 0) {
                d = na->decl;
            } else {
                if (nstack == 0)
                    break;
                d = g->nodes[stack[--nstack]].decl;
                if (!d)
                    continue;
            }
            for (uint32_t k = 0; k < d->deplist.len; k++) {
                int64_t j = node_of(g, d->deplist.data[k]);
                if (j < 0)
                    continue;
                Node *nb = &g->nodes[j];
                if (nb->isfunc) {
                    if (seen[j] != stamp) {
                        seen[j] = stamp;
                        push_u32(&stack, &nstack, &capstack, (uint32_t)j);
                    }
                } else if (nb->mark != stamp) {
                    nb->mark = stamp;
                    push_u32(&na->succ, &na->nsucc, &na->capsucc, (uint32_t)j);
                    push_u32(&nb->pred, &nb->npred, &nb->cappred, a);
                }
            }
        }
    }
    free(seen);
    free(stack);
}

/* ---- priority queue --------------------------------------------------------------- */

typedef struct Heap {
    Node *nodes;
    uint32_t *h;   /* node indices */
    uint32_t n;
} Heap;

/* constants before everything else (go.dev/issue/66575), then by number
 * of outstanding dependencies, then by source order */
static bool less(Heap *q, uint32_t i, uint32_t j)
{
    Node *x = &q->nodes[q->h[i]], *y = &q->nodes[q->h[j]];
    if (x->isconst != y->isconst)
        return x->isconst;
    return x->ndeps < y->ndeps || (x->ndeps == y->ndeps && x->obj->order < y->obj->order);
}

static void swap(Heap *q, uint32_t i, uint32_t j)
{
    uint32_t t = q->h[i];
    q->h[i] = q->h[j];
    q->h[j] = t;
    q->nodes[q->h[i]].index = i;
    q->nodes[q->h[j]].index = j;
}

static void up(Heap *q, uint32_t i)
{
    while (i > 0) {
        uint32_t p = (i - 1) / 2;
        if (!less(q, i, p))
            break;
        swap(q, i, p);
        i = p;
    }
}

static void down(Heap *q, uint32_t i)
{
    for (;;) {
        uint32_t l = 2 * i + 1, m = i;
        if (l < q->n && less(q, l, m))
            m = l;
        if (l + 1 < q->n && less(q, l + 1, m))
            m = l + 1;
        if (m == i)
            return;
        swap(q, i, m);
        i = m;
    }
}

static uint32_t pop(Heap *q)
{
    uint32_t top = q->h[0];
    swap(q, 0, q->n - 1);
    q->n--;
    if (q->n > 0)
        down(q, 0);
    q->nodes[top].index = -1;
    return top;
}

/* ---- cycles ---------------------------------------------------------------------- */

static int cmp_order(const void *a, const void *b)
{
    const TyObject *x = *(TyObject *const *)a, *y = *(TyObject *const *)b;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* A path of dependencies from `from` to `to`, reversed ({to, ..., from's
 * successor}), appended to path; false if there is none (types2
 * findPath, with dependencies visited in source order). */
static bool find_path(Checker *ck, TyObject *from, TyObject *to, PtrMap *seen, PtrVec *path)
{
    if (ptrmap_get(seen, PMKEY(from)))
        return false;
    ptrmap_put(seen, PMKEY(from), from);
    DeclInfo *d = ptrmap_get(&ck->objmap, PMKEY(from));
    if (!d || d->deplist.len == 0)
        return false;
    uint32_t n = 0;
    TyObject **deps = xmalloc(sizeof(TyObject *) * d->deplist.len);
    for (uint32_t i = 0; i < d->deplist.len; i++) {
        TyObject *o = d->deplist.data[i];
        if (ptrmap_get(&ck->objmap, PMKEY(o)))
            deps[n++] = o;
    }
    qsort(deps, n, sizeof *deps, cmp_order);
    bool found = false;
    for (uint32_t i = 0; i < n && !found; i++) {
        if (deps[i] == to) {
            ptrvec_push(path, deps[i]);
            found = true;
        } else if (find_path(ck, deps[i], to, seen, path)) {
            ptrvec_push(path, deps[i]);
            found = true;
        }
    }
    free(deps);
    return found;
}

static void report_cycle(Checker *ck, TyObject **cycle, uint32_t n)
{
    TyObject *obj = cycle[0];
    if (n == 1) {
        ck_errorf(ck, obj->pos, "initialization cycle: %s refers to itself", obj->name->name);
        return;
    }
    Buf b = {0};
    buf_printf(&b, "initialization cycle for %s", obj->name->name);
    /* "cycle[i] refers to cycle[j]" for (i,j) = (0,n-1), (n-1,n-2), ..., (1,0) */
    for (uint32_t j = n; j-- > 0;) {
        TyObject *next = cycle[j];
        buf_puts(&b, "\n\t");
        syn_pos_string(&b, ck->env->pos, obj->pos);
        buf_printf(&b, ": %s refers to %s", obj->name->name, next->name->name);
        obj = next;
    }
    ck_error(ck, cycle[0]->pos, buf_str(&b));
    buf_free(&b);
}

/* ---- the order -------------------------------------------------------------------- */

void ck_init_order(Checker *ck)
{
    Graph g;
    memset(&g, 0, sizeof g);
    g.ck = ck;
    build_graph(&g);

    Heap q;
    q.nodes = g.nodes;
    q.n = 0;
    q.h = xmalloc(sizeof(uint32_t) * (g.n + 1));
    for (uint32_t i = 0; i < g.n; i++) {
        Node *n = &g.nodes[i];
        if (n->isfunc)
            continue;
        n->ndeps = n->nsucc;
        n->index = q.n;
        q.h[q.n++] = i;
    }
    for (uint32_t i = q.n / 2 + 1; i-- > 0;)
        if (i < q.n)
            down(&q, i);

    PtrVec inits = {0};  /* DeclInfo* emitted, in order */
    PtrMap emitted = {0};
    while (q.n > 0) {
        Node *n = &g.nodes[pop(&q)];
        if (n->ndeps > 0) {
            /* n still depends on others: a cycle.  If n is not on it
             * (n -> b -> c -> b), nothing is reported now: the cycle is
             * reported when one of its nodes comes up, and that breaks it. */
            PtrMap seen = {0};
            PtrVec path = {0};
            if (find_path(ck, n->obj, n->obj, &seen, &path))
                report_cycle(ck, (TyObject **)path.data, path.len);
            ptrvec_free(&path);
            ptrmap_free(&seen);
        }
        for (uint32_t i = 0; i < n->npred; i++) {
            Node *p = &g.nodes[n->pred[i]];
            p->ndeps--;
            if (p->index >= 0) {
                up(&q, (uint32_t)p->index);
            }
        }
        /* variables with initializers only; the variables of an n:1
         * declaration (a, b = f()) share one initializer, emitted once */
        if (n->obj->kind != TY_OBJ_VAR || !n->decl || !n->decl->init)
            continue;
        if (ptrmap_get(&emitted, PMKEY(n->decl)))
            continue;
        ptrmap_put(&emitted, PMKEY(n->decl), n->decl);
        ptrvec_push(&inits, n);
    }

    TyPackage *pkg = ck->pkg;
    pkg->ninits = inits.len;
    pkg->inits = inits.len ? ARENA_ARRAY(ck->a, TyInitializer, inits.len) : NULL;
    for (uint32_t i = 0; i < inits.len; i++) {
        Node *n = inits.data[i];
        DeclInfo *d = n->decl;
        TyInitializer *in = &pkg->inits[i];
        if (d->lhs && d->nlhs > 0) {
            in->nlhs = d->nlhs;
            in->lhs = arena_memdup(ck->a, d->lhs, sizeof(TyObject *) * d->nlhs);
        } else {
            in->nlhs = 1;
            in->lhs = ARENA_NEW(ck->a, TyObject *);
            in->lhs[0] = n->obj;
        }
        in->rhs = d->init;
    }

    ptrvec_free(&inits);
    ptrmap_free(&emitted);
    for (uint32_t i = 0; i < g.n; i++) {
        free(g.nodes[i].succ);
        free(g.nodes[i].pred);
    }
    free(g.nodes);
    free(q.h);
    ptrmap_free(&g.idx);
}
