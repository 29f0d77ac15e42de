/*
 * The range-over-func rewrite (gc's rangefunc.Rewrite, rangefunc/rewrite.go;
 * docs/escape-ir.md §2.12), on goesc's checked syntax trees, before
 * lowering.
 *
 *   for x := range f { body }
 *
 * becomes (with the misuse checks gc enables by default)
 *
 *   {
 *       var #next int                       (if needed: outermost loop only)
 *       var #defers = runtime.deferrangefunc()   (if a defer is inside)
 *       var #state1 = abi.RF_READY
 *       var #yield1 = func(x T) bool {      (a FuncLit marked SYN_F_RANGEBODY)
 *           var #tmpState = #state1
 *           #state1 = abi.RF_PANIC
 *           if #tmpState != abi.RF_READY { runtime.panicrangestate(#tmpState) }
 *           body   (break/continue/return/goto rewritten, defers get DeferAt)
 *           #state1 = abi.RF_READY
 *           return true
 *       }
 *       f(#yield1)
 *       if #state1 == abi.RF_PANIC { panic(runtime.panicrangestate(abi.RF_MISSING_PANIC)) }
 *       #state1 = abi.RF_EXHAUSTED
 *       checks of #next
 *   }
 *
 * Everything follows rewrite.go statement by statement, so that the
 * synthetic variables (#next, #stateN, #yieldN, #pN, #rvN, #defers,
 * #tmpState, #r), their declaration order, the positions (gc's setPos
 * fills in only nodes without a position; many stay without one) and the
 * statement shapes are gc's.  Type information is recorded in each new
 * node's TyTV as rewrite.go records it in types2.Info:
 *   - names: TY_TV_DEF / TY_TV_USE with the object, mode VALUE (VARIABLE
 *     for variables), type = the object's type; `true`/`false` are uses of
 *     the universe constants with their untyped bool type and no value
 *     (gc's writer then converts them implicitly to bool);
 *   - integer literals: mode CONSTANT, type int, the value;
 *   - comparisons: mode VALUE, type bool;
 *   - runtime.panicrangestate / runtime.deferrangefunc: a name with
 *     TY_TV_RUNTIME_HELPER whose obj is a function of a fake package
 *     "runtime" (the lowering makes a PFUNC runtime name of it);
 *   - the body FuncLit: its type is the signature (params: the range
 *     variables for :=, else new #pN variables; result #r), and its
 *     FuncType has no fields: the lowering takes the parameters from the
 *     signature;
 *   - the call f(#yield1) carries no type (gc records none either); it is
 *     recorded here as mode NOVALUE, type NULL.
 * Results of the enclosing function that a rewritten return assigns are
 * given names #rvN when they had none (types2 RenameResult): the result
 * object's name changes and its SynField gets a SynName.
 */
#include "passes.h"

#include "../types/check.h"

#include <stdio.h>
#include <string.h>

/* internal/abi.RF_State */
enum { RF_DONE = 0, RF_READY = 1, RF_PANIC = 2, RF_EXHAUSTED = 3, RF_MISSING_PANIC = 4 };

/* perLoopStep: each loop level uses two #next codes (break, continue). */
enum { PER_LOOP_STEP = 2 };

/* The package-wide context. */
typedef struct Rf {
    TyEnv *env;
    TyPackage *pkg;
    Arena *a;
    SymTab *syms;
    TyObject *any, *bool_, *int_, *true_, *false_;
    TyObject *deferrangefunc, *panicrangestate;
    uint32_t nloops;
    IrRangeFuncDump dump;
    void *dump_ud;
} Rf;

typedef struct Branch {
    uint8_t tok;          /* SYN_BREAK, SYN_CONTINUE, SYN_GOTO */
    const Sym *label;
} Branch;

typedef struct BranchNext {
    Branch b;
    int next;
} BranchNext;

/* One range-over-func loop being converted (forLoop). */
typedef struct ForLoop {
    SynForStmt *nfor;
    TyObject *state_var;
    SynVarDecl *state_decl;
    int depth;            /* outermost 1 */
    bool check_ret, check_break, check_continue;
    Branch *check_branch;
    uint32_t nbranch, capbranch;
} ForLoop;

/* The rewriter of one function body (rewriter). */
typedef struct Rw {
    Rf *rf;
    TySignature *sig;
    SynFuncType *outer;
    SynBlockStmt *body;
    /* branch numbering, computed on demand */
    bool have_next;
    BranchNext *bnext;
    uint32_t nbnext;
    PtrMap label_loop;    /* label Sym* -> SynForStmt* (absent: none) */
    /* nodes being visited, and the range-over-func loops among them */
    PtrVec stack;
    PtrVec for_stack;     /* ForLoop* */
    PtrMap rewritten;     /* SynForStmt* -> replacement statement */
    /* declarations of the outermost loop in a nest */
    SynDeclStmt *decl_stmt;
    TyObject *next_var;
    TyObject *defers;
    int state_var_count;
    int body_closure_count;
    bool started;         /* a loop was started (gc's forStack != nil) */
} Rw;

static void rewrite_func(Rf *rf, SynFuncType *typ, SynBlockStmt *body, TySignature *sig);

/* ---- node construction ------------------------------------------------------------------ */

static void *new_node(Rf *rf, size_t size, SynKind k, Pos pos)
{
    SynNode *n = arena_alloc(rf->a, size);
    memset(n, 0, size);
    n->kind = (uint8_t)k;
    n->pos = pos;
    return n;
}

#define NEW(rf, T, K, pos) ((T *)new_node((rf), sizeof(T), (K), (pos)))

static TyTV *new_tv(Rf *rf, SynNode *n, TyMode mode, TyType *t)
{
    TyTV *tv = ARENA_NEW(rf->a, TyTV);
    memset(tv, 0, sizeof *tv);
    tv->mode = (uint8_t)mode;
    tv->type = t;
    n->info = tv;
    return tv;
}

static SynList list_of(Rf *rf, SynNode **items, uint32_t n)
{
    SynList l;
    l.items = n ? ARENA_ARRAY(rf->a, SynNode *, n) : NULL;
    if (n)
        memcpy(l.items, items, sizeof(SynNode *) * n);
    l.len = n;
    return l;
}

static void list_append(Rf *rf, SynList *l, SynNode *n)
{
    SynNode **items = ARENA_ARRAY(rf->a, SynNode *, l->len + 1);
    if (l->len)
        memcpy(items, l->items, sizeof(SynNode *) * l->len);
    items[l->len++] = n;
    l->items = items;
}

static SynName *new_name(Rf *rf, Pos pos, const Sym *name)
{
    SynName *n = NEW(rf, SynName, SYN_NAME, pos);
    n->value = name;
    return n;
}

static TyMode use_mode(TyObject *obj)
{
    return obj->kind == TY_OBJ_VAR ? TY_MODE_VARIABLE : TY_MODE_VALUE;
}

/* useObj: a reference to obj, without a position. */
static SynNode *use_obj(Rf *rf, TyObject *obj)
{
    SynName *n = new_name(rf, NOPOS, obj->name);
    TyTV *tv = new_tv(rf, &n->n, use_mode(obj), obj->type);
    tv->obj = obj;
    tv->flags = TY_TV_USE;
    return &n->n;
}

/* useList: one use, or a ListExpr of uses. */
static SynNode *use_list(Rf *rf, TyObject **objs, uint32_t n)
{
    if (n == 1)
        return use_obj(rf, objs[0]);
    SynListExpr *l = NEW(rf, SynListExpr, SYN_LIST_EXPR, NOPOS);
    for (uint32_t i = 0; i < n; i++)
        list_append(rf, &l->elems, use_obj(rf, objs[i]));
    return &l->n;
}

static SynNode *int_const(Rf *rf, int c)
{
    char buf[16];
    int len = snprintf(buf, sizeof buf, "%d", c);
    SynBasicLit *lit = NEW(rf, SynBasicLit, SYN_BASIC_LIT, NOPOS);
    lit->n.op = SYN_INT_LIT;
    lit->value = arena_strndup(rf->a, buf, (size_t)len);
    lit->len = (uint32_t)len;
    TyTV *tv = new_tv(rf, &lit->n, TY_MODE_CONSTANT, rf->int_->type);
    tv->val = ty_const_int64(c);
    return &lit->n;
}

static SynNode *cond(Rf *rf, SynOp op, SynNode *x, SynNode *y)
{
    SynOperation *o = NEW(rf, SynOperation, SYN_OPERATION, NOPOS);
    o->n.op = (uint8_t)op;
    o->x = x;
    o->y = y;
    new_tv(rf, &o->n, TY_MODE_VALUE, rf->bool_->type);
    return &o->n;
}

static SynNode *assign(Rf *rf, SynNode *lhs, SynNode *rhs)
{
    SynAssignStmt *as = NEW(rf, SynAssignStmt, SYN_ASSIGN_STMT, NOPOS);
    as->lhs = lhs;
    as->rhs = rhs;
    return &as->n;
}

static SynNode *ret_stmt(Rf *rf, SynNode *results)
{
    SynReturnStmt *r = NEW(rf, SynReturnStmt, SYN_RETURN_STMT, NOPOS);
    r->results = results;
    return &r->n;
}

static SynBlockStmt *block(Rf *rf, SynNode **stmts, uint32_t n)
{
    SynBlockStmt *b = NEW(rf, SynBlockStmt, SYN_BLOCK_STMT, NOPOS);
    b->list = list_of(rf, stmts, n);
    return b;
}

static SynNode *if_stmt(Rf *rf, SynNode *c, SynBlockStmt *then)
{
    SynIfStmt *s = NEW(rf, SynIfStmt, SYN_IF_STMT, NOPOS);
    s->cond = c;
    s->then = then;
    return &s->n;
}

/* runtimeSym: a reference to a helper of the fake runtime package. */
static SynNode *runtime_sym(Rf *rf, TyObject *fn)
{
    Buf b = {0};
    buf_printf(&b, "runtime.%s", fn->name->name);
    SynName *n = new_name(rf, NOPOS, sym_cstr(rf->syms, buf_str(&b)));
    buf_free(&b);
    TyTV *tv = new_tv(rf, &n->n, TY_MODE_VALUE, fn->type);
    tv->obj = fn;
    tv->flags = TY_TV_USE | TY_TV_RUNTIME_HELPER;
    return &n->n;
}

static SynNode *call_panic(Rf *rf, SynNode *arg)
{
    SynCallExpr *c = NEW(rf, SynCallExpr, SYN_CALL_EXPR, NOPOS);
    c->fun = runtime_sym(rf, rf->panicrangestate);
    c->args = list_of(rf, &arg, 1);
    new_tv(rf, &c->n, TY_MODE_VALUE, NULL); /* setValueType(call, nil) */
    SynExprStmt *s = NEW(rf, SynExprStmt, SYN_EXPR_STMT, NOPOS);
    s->x = &c->n;
    return &s->n;
}

/* makeVarName: a new local variable and its defining name. */
static TyObject *make_var_name(Rf *rf, Pos pos, const char *name, TyType *t, SynName **out)
{
    const Sym *s = sym_cstr(rf->syms, name);
    TyObject *obj = ty_new_var(rf->env, TY_LOCAL_VAR, pos, rf->pkg, s, t);
    SynName *n = new_name(rf, pos, s);
    TyTV *tv = new_tv(rf, &n->n, TY_MODE_VARIABLE, t);
    tv->obj = obj;
    tv->flags = TY_TV_DEF;
    *out = n;
    return obj;
}

static SynVarDecl *var_decl(Rf *rf, SynName *n, SynNode *init)
{
    SynVarDecl *d = NEW(rf, SynVarDecl, SYN_VAR_DECL, NOPOS);
    SynNode *nn = &n->n;
    d->names = list_of(rf, &nn, 1);
    d->values = init; /* the type is ignored */
    return d;
}

/* declSingleVar: `var name = init` in a DeclStmt of its own.  The
 * statement (and so the object) has no position yet. */
static SynDeclStmt *decl_single_var(Rf *rf, const char *name, TyType *t, SynNode *init, TyObject **obj)
{
    SynDeclStmt *stmt = NEW(rf, SynDeclStmt, SYN_DECL_STMT, NOPOS);
    SynName *n;
    *obj = make_var_name(rf, stmt->n.pos, name, t, &n);
    SynNode *d = &var_decl(rf, n, init)->n;
    stmt->decls = list_of(rf, &d, 1);
    return stmt;
}

/* setPos: gives pos to the nodes of x's top structure that have none,
 * stopping at nodes that have one. */
static bool set_pos_pre(SynNode *n, void *ud)
{
    if (n->pos != NOPOS)
        return false;
    n->pos = *(Pos *)ud;
    if (n->kind == SYN_BLOCK_STMT && ((SynBlockStmt *)n)->rbrace == NOPOS)
        ((SynBlockStmt *)n)->rbrace = n->pos;
    return true;
}

static void set_pos(SynNode *x, Pos pos)
{
    if (x)
        syn_walk(x, set_pos_pre, NULL, &pos);
}

/* ---- the rewriter -------------------------------------------------------------------------- */

static ForLoop *top_loop(Rw *r) { return r->for_stack.data[r->for_stack.len - 1]; }
static ForLoop *loop_at(Rw *r, int i) { return r->for_stack.data[i]; }

/* declOuterVar: a variable declared with the outermost loop of the nest. */
static TyObject *decl_outer_var(Rw *r, const char *name, TyType *t, SynNode *init)
{
    Rf *rf = r->rf;
    if (!r->decl_stmt)
        r->decl_stmt = NEW(rf, SynDeclStmt, SYN_DECL_STMT, NOPOS);
    SynName *n;
    TyObject *obj = make_var_name(rf, r->decl_stmt->n.pos, name, t, &n);
    list_append(rf, &r->decl_stmt->decls, &var_decl(rf, n, init)->n);
    return obj;
}

static SynNode *next_ref(Rw *r)
{
    if (!r->next_var)
        r->next_var = decl_outer_var(r, "#next", r->rf->int_->type, NULL);
    return use_obj(r->rf, r->next_var);
}

static SynNode *set_state_at(Rw *r, int index, int val)
{
    ForLoop *loop = loop_at(r, index);
    return assign(r->rf, use_obj(r->rf, loop->state_var), int_const(r->rf, val));
}

static SynNode *set_state(Rw *r, int val, Pos pos)
{
    SynNode *s = set_state_at(r, (int)r->for_stack.len - 1, val);
    set_pos(s, pos);
    return s;
}

/* A SynForStmt whose range expression is a function: for ... range f. */
static SynForStmt *for_range_func(SynNode *n)
{
    if (n->kind != SYN_FOR_STMT)
        return NULL;
    SynForStmt *f = (SynForStmt *)n;
    if (!f->init || f->init->kind != SYN_RANGE_CLAUSE)
        return NULL;
    SynNode *x = ((SynRangeClause *)f->init)->x;
    TyTV *tv = x ? ty_tv(x) : NULL;
    if (!tv || !tv->type)
        return NULL;
    TyType *ct = ty_core_type(tv->type);
    return ct && ct->kind == TY_SIGNATURE ? f : NULL;
}

static void state_var(Rw *r, Pos pos, ForLoop *loop)
{
    Rf *rf = r->rf;
    char buf[32];
    snprintf(buf, sizeof buf, "#state%d", ++r->state_var_count);
    const Sym *s = sym_cstr(rf->syms, buf);
    TyObject *obj = ty_new_var(rf->env, TY_LOCAL_VAR, pos, rf->pkg, s, rf->int_->type);
    SynName *n = new_name(rf, pos, s);
    TyTV *tv = new_tv(rf, &n->n, TY_MODE_VALUE, rf->int_->type);
    tv->obj = obj;
    tv->flags = TY_TV_DEF;
    loop->state_var = obj;
    loop->state_decl = var_decl(rf, n, int_const(rf, RF_READY));
}

static void start_loop(Rw *r, ForLoop *loop)
{
    /* checkFuncMisuse (-d=rangefunccheck) is on by default */
    state_var(r, loop->nfor->n.pos, loop);
}

/* editDefer: attach the #defers token to a defer in a loop body. */
static SynNode *edit_defer(Rw *r, SynCallStmt *x)
{
    Rf *rf = r->rf;
    if (!r->defers) {
        SynCallExpr *init = NEW(rf, SynCallExpr, SYN_CALL_EXPR, NOPOS);
        init->fun = runtime_sym(rf, rf->deferrangefunc);
        /* rewrite.go records any; gc's IR types the call with the runtime
         * function's result, interface{}, which is what is recorded here */
        new_tv(rf, &init->n, TY_MODE_VALUE, TY_AS(TySignature, rf->deferrangefunc->type)->results->vars[0]->type);
        r->defers = decl_outer_var(r, "#defers", rf->any->type, &init->n);
    }
    x->defer_at = use_obj(rf, r->defers);
    set_pos(x->defer_at, x->n.pos);
    return &x->n;
}

/* RenameResult: result i of the enclosing function gets the name #rv<i+1>. */
static void generate_param_name(Rw *r, SynField **results, uint32_t i)
{
    Rf *rf = r->rf;
    SynField *a = results[i];
    TyObject *obj = r->sig->results->vars[i];
    Pos pos = a->n.pos;
    char buf[32];
    snprintf(buf, sizeof buf, "#rv%u", i + 1);
    obj->name = sym_cstr(rf->syms, buf);
    if (r->sig->scope)
        ty_scope_insert(rf->env, r->sig->scope, obj);
    obj->scopepos = pos;
    SynName *n = new_name(rf, pos, obj->name);
    TyTV *tv = new_tv(rf, &n->n, TY_MODE_VALUE, a->type && ty_tv(a->type) ? ty_tv(a->type)->type : obj->type);
    tv->obj = obj;
    tv->flags = TY_TV_DEF;
    a->name = n;
}

/* editReturn: return [results] -> { [#rv... = results]; #next = -1;
 * #stateN = DONE; return false } */
static SynNode *edit_return(Rw *r, SynReturnStmt *x)
{
    Rf *rf = r->rf;
    SynBlockStmt *bl = block(rf, NULL, 0);
    if (x->results) {
        SynList *rl = &r->outer->results;
        SynField **fields = (SynField **)rl->items;
        for (uint32_t i = 0; i < rl->len; i++) {
            SynField *a = fields[i];
            if (!a->name || (a->name->value->len == 1 && a->name->value->name[0] == '_'))
                generate_param_name(r, fields, i);
        }
        TyObject **objs = ARENA_ARRAY(rf->a, TyObject *, rl->len ? rl->len : 1);
        for (uint32_t i = 0; i < rl->len; i++) {
            TyTV *tv = ty_tv(&fields[i]->name->n);
            objs[i] = tv ? tv->obj : r->sig->results->vars[i];
        }
        list_append(rf, &bl->list, assign(rf, use_list(rf, objs, rl->len), x->results));
        x->results = NULL;
    }
    for (uint32_t i = 0; i < r->for_stack.len; i++)
        loop_at(r, (int)i)->check_ret = true;
    list_append(rf, &bl->list, assign(rf, next_ref(r), int_const(rf, -1)));
    list_append(rf, &bl->list, set_state(r, RF_DONE, x->n.pos));
    list_append(rf, &bl->list, ret_stmt(rf, use_obj(rf, rf->false_)));
    set_pos(&bl->n, x->n.pos);
    return &bl->n;
}

/* computeBranchNext: numbers the labels of the body (in Inspect order,
 * over the body as it is now) and finds the range-over-func loop each
 * label is declared in. */
typedef struct BranchScan {
    Rw *r;
    PtrVec stack;
    PtrVec for_stack;
    PtrVec labels;
} BranchScan;

static bool scan_pre(SynNode *n, void *ud)
{
    BranchScan *bs = ud;
    ptrvec_push(&bs->stack, n);
    SynForStmt *nfor = for_range_func(n);
    if (nfor)
        ptrvec_push(&bs->for_stack, nfor);
    if (n->kind == SYN_LABELED_STMT) {
        const Sym *l = ((SynLabeledStmt *)n)->label->value;
        ptrvec_push(&bs->labels, (void *)l);
        void *f = bs->for_stack.data[bs->for_stack.len - 1];
        /* a NULL loop is stored as the Rw itself (ptrmap values are non-NULL) */
        ptrmap_put(&bs->r->label_loop, PMKEY(l), f ? f : (void *)bs->r);
    }
    return true;
}

static bool scan_post(SynNode *n, void *ud)
{
    BranchScan *bs = ud;
    bs->stack.len--;
    if (n == bs->for_stack.data[bs->for_stack.len - 1])
        bs->for_stack.len--;
    return true;
}

static void compute_branch_next(Rw *r)
{
    if (r->have_next)
        return;
    r->have_next = true;
    BranchScan bs = {r, {0}, {0}, {0}};
    ptrvec_push(&bs.for_stack, NULL);
    syn_walk(&r->body->n, scan_pre, scan_post, &bs);
    int used = -1; /* returns use -1 */
    r->bnext = ARENA_ARRAY(r->rf->a, BranchNext, bs.labels.len * 3 + 1);
    for (uint32_t i = 0; i < bs.labels.len; i++) {
        const Sym *l = bs.labels.data[i];
        used -= 3;
        BranchNext b = {{SYN_BREAK, l}, used};
        BranchNext c = {{SYN_CONTINUE, l}, used + 1};
        BranchNext g = {{SYN_GOTO, l}, used + 2};
        /* a later label of the same name overwrites (map semantics) */
        BranchNext *add[3] = {&b, &c, &g};
        for (int k = 0; k < 3; k++) {
            uint32_t j = 0;
            while (j < r->nbnext && !(r->bnext[j].b.tok == add[k]->b.tok && r->bnext[j].b.label == l))
                j++;
            r->bnext[j] = *add[k];
            if (j == r->nbnext)
                r->nbnext++;
        }
    }
    ptrvec_free(&bs.stack);
    ptrvec_free(&bs.for_stack);
    ptrvec_free(&bs.labels);
}

static int branch_next(Rw *r, uint8_t tok, const Sym *label)
{
    for (uint32_t j = 0; j < r->nbnext; j++)
        if (r->bnext[j].b.tok == tok && r->bnext[j].b.label == label)
            return r->bnext[j].next;
    return 0;
}

static SynForStmt *label_loop(Rw *r, const Sym *label)
{
    void *v = ptrmap_get(&r->label_loop, PMKEY(label));
    return v == (void *)r ? NULL : v;
}

static void add_check_branch(Rf *rf, ForLoop *loop, Branch b)
{
    if (loop->nbranch == loop->capbranch) {
        uint32_t cap = loop->capbranch ? loop->capbranch * 2 : 4;
        Branch *v = ARENA_ARRAY(rf->a, Branch, cap);
        if (loop->nbranch)
            memcpy(v, loop->check_branch, sizeof *v * loop->nbranch);
        loop->check_branch = v;
        loop->capbranch = cap;
    }
    loop->check_branch[loop->nbranch++] = b;
}

/* editBranch */
static SynNode *edit_branch(Rw *r, SynBranchStmt *x)
{
    Rf *rf = r->rf;
    uint8_t tok = x->n.op;
    if (tok == SYN_FALLTHROUGH)
        return &x->n;
    SynNode *targ = x->target;
    int n = (int)r->for_stack.len;
    int i = n - 1;
    if (!x->label && &loop_at(r, i)->nfor->n != targ)
        return &x->n; /* an unlabeled break/continue inside the loop body */
    while (i >= 0 && &loop_at(r, i)->nfor->n != targ)
        i--;
    int exit_from = i + 1;

    int next;
    SynNode *ret;
    if (tok == SYN_GOTO || i < 0) {
        /* goto, or break/continue of a labeled statement that is not a
         * range-over-func loop */
        compute_branch_next(r);
        SynForStmt *nfor = top_loop(r)->nfor;
        const Sym *label = x->label->value;
        SynForStmt *ltarg = label_loop(r, label);
        if (nfor == ltarg)
            return &x->n; /* the label is in the innermost loop */
        next = branch_next(r, tok, label);
        int k = n - 1;
        while (k >= 0 && loop_at(r, k)->nfor != ltarg)
            k--;
        exit_from = k + 1;
        Branch b = {tok, label};
        add_check_branch(rf, loop_at(r, exit_from), b);
        for (int j = exit_from + 1; j < n; j++)
            loop_at(r, j)->check_ret = true;
        ret = ret_stmt(rf, use_obj(rf, rf->false_));
    } else {
        if (exit_from == n) {
            /* a simple break or continue of this loop */
            int state;
            if (tok == SYN_CONTINUE) {
                ret = ret_stmt(rf, use_obj(rf, rf->true_));
                state = RF_READY;
            } else {
                ret = ret_stmt(rf, use_obj(rf, rf->false_));
                state = RF_DONE;
            }
            SynNode *stmts[2] = {set_state(r, state, x->n.pos), ret};
            SynBlockStmt *bl = block(rf, stmts, 2);
            set_pos(&bl->n, x->n.pos);
            return &bl->n;
        }
        ret = ret_stmt(rf, use_obj(rf, rf->false_));
        if (tok == SYN_CONTINUE) {
            loop_at(r, exit_from)->check_continue = true;
        } else {
            exit_from = i;
            loop_at(r, exit_from)->check_break = true;
        }
        for (int j = exit_from + 1; j < n; j++)
            loop_at(r, j)->check_break = true;
        next = PER_LOOP_STEP * (i + 1);
        if (tok == SYN_CONTINUE)
            next--;
    }
    SynNode *as = assign(rf, next_ref(r), int_const(rf, next));
    SynBlockStmt *bl = block(rf, &as, 1);
    list_append(rf, &bl->list, set_state(r, RF_DONE, x->n.pos));
    list_append(rf, &bl->list, ret);
    set_pos(&bl->n, x->n.pos);
    return &bl->n;
}

/* editStmt: the replacement of a statement of a list. */
static SynNode *edit_stmt(Rw *r, SynNode *x)
{
    if (!x)
        return x;
    if (x->kind == SYN_FOR_STMT) {
        SynNode *s = ptrmap_get(&r->rewritten, PMKEY(x));
        if (s)
            return s;
    }
    if (r->for_stack.len > 0) {
        switch (x->kind) {
        case SYN_BRANCH_STMT:
            return edit_branch(r, (SynBranchStmt *)x);
        case SYN_CALL_STMT:
            if (x->op == SYN_DEFER)
                return edit_defer(r, (SynCallStmt *)x);
            break;
        case SYN_RETURN_STMT:
            return edit_return(r, (SynReturnStmt *)x);
        default:
            break;
        }
    }
    return x;
}

/* bodyFunc: the loop body as a func literal passed to the iterator. */
static SynFuncLit *body_func(Rw *r, SynList body, SynNode **lhs, uint32_t nlhs, bool def, TySignature *ftyp,
                             Pos start, Pos end)
{
    Rf *rf = r->rf;
    TyObject *res = ty_new_var(rf->env, TY_RESULT_VAR, start, NULL, sym_cstr(rf->syms, "#r"), rf->bool_->type);
    SynFuncLit *fl = NEW(rf, SynFuncLit, SYN_FUNC_LIT, NOPOS);
    fl->n.flags |= SYN_F_RANGEBODY;
    fl->type = NEW(rf, SynFuncType, SYN_FUNC_TYPE, NOPOS);
    fl->body = block(rf, NULL, 0);
    fl->body->rbrace = end;
    set_pos(&fl->n, start);

    uint32_t np = ftyp->params->len;
    TyObject **params = ARENA_ARRAY(rf->a, TyObject *, np ? np : 1);
    for (uint32_t i = 0; i < np; i++) {
        TyType *t = ftyp->params->vars[i]->type;
        TyObject *pv = NULL;
        if (i < nlhs && def) {
            /* the range variable itself is the parameter */
            TyTV *tv = lhs[i]->kind == SYN_NAME ? ty_tv(lhs[i]) : NULL;
            pv = tv ? tv->obj : NULL;
        }
        if (!pv) {
            char buf[32];
            snprintf(buf, sizeof buf, "#p%u", i + 1);
            pv = ty_new_var(rf->env, TY_PARAM_VAR, start, rf->pkg, sym_cstr(rf->syms, buf), t);
            if (i < nlhs && !def) {
                SynNode *x = lhs[i];
                SynAssignStmt *as = (SynAssignStmt *)assign(rf, x, use_obj(rf, pv));
                as->n.pos = x->pos;
                set_pos(as->rhs, x->pos);
                list_append(rf, &fl->body->list, &as->n);
            }
        }
        params[i] = pv;
    }
    TySignature *sig = ty_new_signature(rf->env, NULL, ty_new_tuple(rf->env, params, np),
                                        ty_new_tuple(rf->env, &res, 1), false);
    new_tv(rf, &fl->n, TY_MODE_VALUE, &sig->t);

    ForLoop *loop = top_loop(r);
    /* #tmpState := #stateN; #stateN = PANIC; if #tmpState != READY { panicrangestate(#tmpState) } */
    TyObject *tmp;
    SynDeclStmt *tmp_decl = decl_single_var(rf, "#tmpState", rf->int_->type, use_obj(rf, loop->state_var), &tmp);
    list_append(rf, &fl->body->list, &tmp_decl->n);
    list_append(rf, &fl->body->list, set_state(r, RF_PANIC, start));
    SynNode *panic = call_panic(rf, use_obj(rf, tmp));
    SynNode *nif = if_stmt(rf, cond(rf, SYN_NEQ, use_obj(rf, tmp), int_const(rf, RF_READY)), block(rf, &panic, 1));
    set_pos(nif, start);
    list_append(rf, &fl->body->list, nif);

    for (uint32_t i = 0; i < body.len; i++)
        list_append(rf, &fl->body->list, body.items[i]);

    list_append(rf, &fl->body->list, set_state(r, RF_READY, end));
    SynNode *ret = ret_stmt(rf, use_obj(rf, rf->true_));
    ret->pos = end;
    list_append(rf, &fl->body->list, ret);
    return fl;
}

/* ifNext: if #next op c { [#next = 0;] thens... } */
static SynNode *if_next(Rw *r, SynOp op, int c, bool zero_next, SynNode **thens, uint32_t nthens)
{
    Rf *rf = r->rf;
    SynBlockStmt *then = block(rf, NULL, 0);
    if (zero_next)
        list_append(rf, &then->list, assign(rf, next_ref(r), int_const(rf, 0)));
    for (uint32_t i = 0; i < nthens; i++)
        list_append(rf, &then->list, thens[i]);
    return if_stmt(rf, cond(rf, op, next_ref(r), int_const(rf, c)), then);
}

/* checks: what to do with #next after the iterator returns. */
static SynList checks(Rw *r, ForLoop *loop, Pos pos)
{
    Rf *rf = r->rf;
    SynList list = {NULL, 0};
    for (uint32_t i = 0; i < loop->nbranch; i++) {
        Branch br = loop->check_branch[i];
        bool did = false;
        for (uint32_t j = 0; j < i; j++)
            if (loop->check_branch[j].tok == br.tok && loop->check_branch[j].label == br.label)
                did = true;
        if (did)
            continue;
        SynBranchStmt *b = NEW(rf, SynBranchStmt, SYN_BRANCH_STMT, NOPOS);
        b->n.op = br.tok;
        b->label = new_name(rf, NOPOS, br.label);
        SynNode *bn = &b->n;
        list_append(rf, &list, if_next(r, SYN_EQL, branch_next(r, br.tok, br.label), true, &bn, 1));
    }
    int cur_loop = loop->depth - 1;
    int cur_index = cur_loop - 1;
    if (r->for_stack.len == 1) {
        if (loop->check_ret) {
            SynNode *rs = ret_stmt(rf, NULL);
            list_append(rf, &list, if_next(r, SYN_EQL, -1, false, &rs, 1));
        }
    } else {
        if (loop->check_ret) {
            /* also stops for gotos handled by outer loops */
            SynNode *t[2] = {set_state_at(r, cur_index, RF_DONE), ret_stmt(rf, use_obj(rf, rf->false_))};
            list_append(rf, &list, if_next(r, SYN_LSS, 0, false, t, 2));
        }
        int depth_step = PER_LOOP_STEP * cur_loop;
        SynNode *p = call_panic(rf, int_const(rf, RF_DONE));
        list_append(rf, &list, if_next(r, SYN_GTR, depth_step, false, &p, 1));
        if (loop->check_continue) {
            SynNode *t[2] = {set_state_at(r, cur_index, RF_READY), ret_stmt(rf, use_obj(rf, rf->true_))};
            list_append(rf, &list, if_next(r, SYN_EQL, depth_step - 1, true, t, 2));
        }
        if (loop->check_break) {
            SynNode *t[2] = {set_state_at(r, cur_index, RF_DONE), ret_stmt(rf, use_obj(rf, rf->false_))};
            list_append(rf, &list, if_next(r, SYN_EQL, depth_step, true, t, 2));
        }
        if (loop->check_continue || loop->check_break) {
            SynNode *t[2] = {set_state_at(r, cur_index, RF_DONE), ret_stmt(rf, use_obj(rf, rf->false_))};
            list_append(rf, &list, if_next(r, SYN_GTR, 0, false, t, 2));
        }
    }
    for (uint32_t i = 0; i < list.len; i++)
        set_pos(list.items[i], pos);
    return list;
}

/* endLoop: builds the block that replaces the loop. */
static void end_loop(Rw *r, ForLoop *loop)
{
    Rf *rf = r->rf;
    SynForStmt *nfor = loop->nfor;
    Pos start = nfor->n.pos, end = nfor->body->rbrace;
    SynRangeClause *rc = (SynRangeClause *)nfor->init;
    TySignature *rfunc = TY_AS(TySignature, ty_core_type(ty_tv(rc->x)->type));
    TySignature *ftyp = TY_AS(TySignature, ty_core_type(rfunc->params->vars[0]->type));

    r->body_closure_count++;
    uint32_t nlhs = 0;
    SynNode **lhs = rc->lhs ? syn_unpack_list(&rc->lhs, &nlhs) : NULL;
    SynFuncLit *clo = body_func(r, nfor->body->list, lhs, nlhs, (rc->n.flags & SYN_F_DEF) != 0, ftyp, start, end);
    char buf[32];
    snprintf(buf, sizeof buf, "#yield%d", r->body_closure_count);
    TyObject *clo_var;
    SynDeclStmt *clo_decl = decl_single_var(rf, buf, ty_tv(&clo->n)->type, &clo->n, &clo_var);
    set_pos(&clo_decl->n, start);

    /* X(bodyFunc) */
    SynCallExpr *call = NEW(rf, SynCallExpr, SYN_CALL_EXPR, NOPOS);
    call->fun = rc->x;
    SynNode *arg = use_obj(rf, clo_var);
    call->args = list_of(rf, &arg, 1);
    new_tv(rf, &call->n, TY_MODE_NOVALUE, NULL);
    SynExprStmt *cs = NEW(rf, SynExprStmt, SYN_EXPR_STMT, NOPOS);
    cs->x = &call->n;
    set_pos(&cs->n, start);

    SynList chk = checks(r, loop, end);

    SynBlockStmt *bl = block(rf, NULL, 0);
    bl->rbrace = end;
    set_pos(&bl->n, start);
    if (r->for_stack.len == 1 && r->decl_stmt) {
        set_pos(&r->decl_stmt->n, start);
        list_append(rf, &bl->list, &r->decl_stmt->n);
    }
    SynDeclStmt *sd = NEW(rf, SynDeclStmt, SYN_DECL_STMT, NOPOS);
    SynNode *sdn = &loop->state_decl->n;
    sd->decls = list_of(rf, &sdn, 1);
    set_pos(&sd->n, start);
    list_append(rf, &bl->list, &sd->n);
    list_append(rf, &bl->list, &clo_decl->n);
    list_append(rf, &bl->list, &cs->n);

    /* the iterator returned: a swallowed panic, then EXHAUSTED */
    SynNode *p = call_panic(rf, int_const(rf, RF_MISSING_PANIC));
    SynNode *nif = if_stmt(rf, cond(rf, SYN_EQL, use_obj(rf, loop->state_var), int_const(rf, RF_PANIC)),
                           block(rf, &p, 1));
    set_pos(nif, end);
    list_append(rf, &bl->list, nif);
    list_append(rf, &bl->list, set_state(r, RF_EXHAUSTED, end));
    for (uint32_t i = 0; i < chk.len; i++)
        list_append(rf, &bl->list, chk.items[i]);

    if (r->for_stack.len == 1) {
        r->decl_stmt = NULL;
        r->next_var = NULL;
        r->defers = NULL;
    }
    ptrmap_put(&r->rewritten, PMKEY(nfor), bl);
    rf->nloops++;
}

/* inspect: pre-visit (gc's Inspect callback with n != nil) */
static bool inspect_pre(SynNode *n, void *ud)
{
    Rw *r = ud;
    if (n->kind == SYN_FUNC_LIT) {
        SynFuncLit *fl = (SynFuncLit *)n;
        TyTV *tv = ty_tv(n);
        rewrite_func(r->rf, fl->type, fl->body, tv && tv->type ? ty_as_signature(tv->type) : NULL);
        return false;
    }
    ptrvec_push(&r->stack, n);
    SynForStmt *nfor = for_range_func(n);
    if (nfor) {
        ForLoop *loop = ARENA_NEW(r->rf->a, ForLoop);
        memset(loop, 0, sizeof *loop);
        loop->nfor = nfor;
        loop->depth = 1 + (int)r->for_stack.len;
        ptrvec_push(&r->for_stack, loop);
        r->started = true;
        start_loop(r, loop);
    }
    return true;
}

static void edit_list(Rw *r, SynList *l)
{
    for (uint32_t i = 0; i < l->len; i++)
        l->items[i] = edit_stmt(r, l->items[i]);
}

/* inspect: post-visit (gc's Inspect callback with n == nil) */
static bool inspect_post(SynNode *n, void *ud)
{
    Rw *r = ud;
    switch (n->kind) {
    case SYN_BLOCK_STMT:
        edit_list(r, &((SynBlockStmt *)n)->list);
        break;
    case SYN_CASE_CLAUSE:
        edit_list(r, &((SynCaseClause *)n)->body);
        break;
    case SYN_COMM_CLAUSE:
        edit_list(r, &((SynCommClause *)n)->body);
        break;
    case SYN_LABELED_STMT:
        ((SynLabeledStmt *)n)->stmt = edit_stmt(r, ((SynLabeledStmt *)n)->stmt);
        break;
    default:
        break;
    }
    if (r->for_stack.len > 0 && r->stack.data[r->stack.len - 1] == &top_loop(r)->nfor->n) {
        end_loop(r, top_loop(r));
        r->for_stack.len--;
    }
    r->stack.len--;
    return true;
}

/* What the rewrite leaves without a position has none in gc either
 * (syntax.Pos{}, src.NoXPos after the noder): it is marked unknown, which
 * is printed differently from the IR's autogenerated NOPOS. */
static bool unknown_pos_pre(SynNode *n, void *ud)
{
    (void)ud;
    if (n->pos == NOPOS)
        n->pos = IR_POS_UNKNOWN;
    if (n->kind == SYN_BLOCK_STMT && ((SynBlockStmt *)n)->rbrace == NOPOS)
        ((SynBlockStmt *)n)->rbrace = IR_POS_UNKNOWN;
    if (n->kind == SYN_NAME) {
        TyTV *tv = ty_tv(n);
        if (tv && tv->obj && (tv->flags & TY_TV_DEF) && tv->obj->pos == NOPOS)
            tv->obj->pos = IR_POS_UNKNOWN;
    }
    return true;
}

static void rewrite_func(Rf *rf, SynFuncType *typ, SynBlockStmt *body, TySignature *sig)
{
    if (!body || !sig)
        return;
    Rw r;
    memset(&r, 0, sizeof r);
    r.rf = rf;
    r.sig = sig;
    r.outer = typ;
    r.body = body;
    syn_walk(&body->n, inspect_pre, inspect_post, &r);
    if (r.started)
        syn_walk(&body->n, unknown_pos_pre, NULL, NULL);
    if (r.started && rf->dump)
        rf->dump(rf->dump_ud, body);
    ptrvec_free(&r.stack);
    ptrvec_free(&r.for_stack);
    ptrmap_free(&r.rewritten);
    ptrmap_free(&r.label_loop);
}

/* Rewrite's file-level Inspect: function declarations and literals. */
static bool file_pre(SynNode *n, void *ud)
{
    Rf *rf = ud;
    if (n->kind == SYN_FUNC_DECL) {
        SynFuncDecl *fd = (SynFuncDecl *)n;
        TyTV *tv = fd->name ? ty_tv(&fd->name->n) : NULL;
        TyObject *obj = tv ? tv->obj : NULL;
        rewrite_func(rf, fd->type, fd->body, obj && obj->type ? ty_as_signature(obj->type) : NULL);
        return false;
    }
    if (n->kind == SYN_FUNC_LIT) {
        SynFuncLit *fl = (SynFuncLit *)n;
        TyTV *tv = ty_tv(n);
        rewrite_func(rf, fl->type, fl->body, tv && tv->type ? ty_as_signature(tv->type) : NULL);
        return false;
    }
    return true;
}

/* The fake runtime package of rewrite.go (runtimePkg).  gc's reader then
 * uses the runtime's own declarations (typecheck.LookupRuntime), whose
 * deferrangefunc returns interface{} (printed so, not as any). */
static void make_runtime(Rf *rf)
{
    TyEnv *env = rf->env;
    TyPackage *rt = ty_new_package(env, "runtime", "runtime");
    TyType *eface = env->empty_interface ? env->empty_interface : rf->any->type;
    TyObject *extra = ty_new_var(env, TY_RESULT_VAR, NOPOS, rt, sym_cstr(rf->syms, "extra"), eface);
    TySignature *s1 = ty_new_signature(env, NULL, env->empty_tuple, ty_new_tuple(env, &extra, 1), false);
    rf->deferrangefunc = ty_new_func(env, NOPOS, rt, sym_cstr(rf->syms, "deferrangefunc"), s1);
    TyObject *state = ty_new_var(env, TY_PARAM_VAR, NOPOS, rt, sym_cstr(rf->syms, "state"), rf->int_->type);
    TySignature *s2 = ty_new_signature(env, NULL, ty_new_tuple(env, &state, 1), env->empty_tuple, false);
    rf->panicrangestate = ty_new_func(env, NOPOS, rt, sym_cstr(rf->syms, "panicrangestate"), s2);
}

uint32_t ir_rangefunc_rewrite(TyEnv *env, TyPackage *pkg, SynFile **files, uint32_t nfiles,
                              IrRangeFuncDump dump, void *dump_ud)
{
    Rf rf;
    memset(&rf, 0, sizeof rf);
    rf.dump = dump;
    rf.dump_ud = dump_ud;
    rf.env = env;
    rf.pkg = pkg;
    rf.a = &env->arena;
    rf.syms = env->syms;
    rf.any = ty_scope_lookup(env->universe, sym_cstr(env->syms, "any"));
    rf.bool_ = ty_scope_lookup(env->universe, sym_cstr(env->syms, "bool"));
    rf.int_ = ty_scope_lookup(env->universe, sym_cstr(env->syms, "int"));
    rf.true_ = ty_scope_lookup(env->universe, sym_cstr(env->syms, "true"));
    rf.false_ = ty_scope_lookup(env->universe, sym_cstr(env->syms, "false"));
    make_runtime(&rf);
    for (uint32_t i = 0; i < nfiles; i++)
        if (files[i])
            syn_walk(&files[i]->n, file_pre, NULL, &rf);
    return rf.nloops;
}
