/*
 * Statements: gc's unified IR writer (noder/writer.go: stmts, stmt1,
 * assignStmt, forStmt, ifStmt, switchStmt, selectStmt, staticBool,
 * terminates) and reader (noder/reader.go: the same names), followed by
 * what typecheck.Stmt changes (typecheck/stmt.go: tcSelect's OSELRECV2
 * forms, normalizeGoDeferCall).  The writer's decisions are made on the
 * syntax tree (dead code after terminating statements, static
 * conditions, constant switches) and the reader's shapes are built from
 * the result, in the writer's order, so that temporaries, locals and
 * closure variables come in gc's order.  Statement shapes: lower.h.
 */
#include "lower.h"

#include <string.h>

static IrNode *new_node(Lower *lw, IrOp op, Pos pos) { return ir_new(lw->p, op, pos, NULL); }

static void push(Lower *lw, IrList *l, IrNode *n)
{
    if (n)
        ir_list_push(lw->p, l, n);
}

static void push_all(Lower *lw, IrList *dst, const IrList *src)
{
    for (uint32_t i = 0; i < src->len; i++)
        ir_list_push(lw->p, dst, src->items[i]);
}

static IrNode *new_dcl(Lower *lw, Pos pos, IrName *n)
{
    IrNode *d = new_node(lw, IR_ODCL, pos);
    d->x = &n->n;
    return d;
}

/* reader's block(): no statement, the statement, or an OBLOCK at the
 * first statement's position */
static IrNode *block_of(Lower *lw, IrList *stmts)
{
    if (stmts->len == 0)
        return NULL;
    if (stmts->len == 1)
        return stmts->items[0];
    IrNode *b = new_node(lw, IR_OBLOCK, stmts->items[0]->pos);
    b->list = *stmts;
    return b;
}

/* reader.stmt(): one (optional) statement as a single node */
static IrNode *stmt_node(Lower *lw, SynNode *s)
{
    IrList l = {0};
    if (s)
        lw_stmt(lw, s, &l);
    return block_of(lw, &l);
}

static TyType *type_of(SynNode *e)
{
    TyTV *tv = e ? ty_tv(e) : NULL;
    return tv ? tv->type : NULL;
}

static bool is_const_expr(SynNode *e)
{
    TyTV *tv = e ? ty_tv(e) : NULL;
    return tv && tv->mode == TY_MODE_CONSTANT && !ty_const_is_unknown(tv->val);
}

static bool is_nil_expr(SynNode *e)
{
    TyTV *tv = e ? ty_tv(e) : NULL;
    if (!tv)
        return false;
    if (tv->mode == TY_MODE_NILVALUE)
        return true;
    return tv->type && tv->type->kind == TY_BASIC && ((TyBasic *)tv->type)->bkind == TY_UNTYPED_NIL;
}

/* syntax.UnpackListExpr */
SynNode **lw_unpack_list(Lower *lw, SynNode *e, uint32_t *n)
{
    if (!e) {
        *n = 0;
        return NULL;
    }
    if (e->kind == SYN_LIST_EXPR) {
        SynListExpr *l = (SynListExpr *)e;
        *n = l->elems.len;
        return l->elems.items;
    }
    SynNode **one = ARENA_ARRAY(lw->a, SynNode *, 1);
    one[0] = e;
    *n = 1;
    return one;
}

static bool is_blank_name(SynNode *e)
{
    return e->kind == SYN_NAME && ((SynName *)e)->value->len == 1 && ((SynName *)e)->value->name[0] == '_';
}

/* ---- static conditions and termination (writer) ---------------------------- */

static SynNode *with_operands(Lower *lw, SynOperation *o, SynNode *x, SynNode *y)
{
    if (x == o->x && y == o->y)
        return &o->n;
    SynOperation *c = ARENA_NEW(lw->a, SynOperation);
    *c = *o;
    c->x = x;
    c->y = y;
    return &c->n;
}

int lw_static_bool(Lower *lw, SynNode **ep)
{
    SynNode *e = *ep;
    TyTV *tv = ty_tv(e);
    if (tv && tv->mode == TY_MODE_CONSTANT && ty_const_kind(tv->val) == TY_CONST_BOOL)
        return ty_const_bool_val(tv->val) ? 1 : -1;
    if (e->kind != SYN_OPERATION)
        return 0;
    SynOperation *o = (SynOperation *)e;
    SynNode *x = o->x, *y = o->y;
    switch (o->n.op) {
    case SYN_NOT: {
        /* as gc: the operand's static value, not its negation (a static
         * operand of ! is always constant or parenthesized, so this
         * only ever answers 0 for a non-constant !) */
        if (y)
            return 0;
        int v = lw_static_bool(lw, &x);
        *ep = with_operands(lw, o, x, y);
        return v;
    }
    case SYN_ANDAND:
    case SYN_OROR: {
        bool and = o->n.op == SYN_ANDAND;
        int xv = lw_static_bool(lw, &x);
        if (and ? xv < 0 : xv > 0) {
            *ep = x;
            return xv;
        }
        int yv = lw_static_bool(lw, &y);
        if (and ? (xv > 0 || yv < 0) : (xv < 0 || yv > 0)) {
            if (is_const_expr(x))
                *ep = y;
            else
                *ep = with_operands(lw, o, x, y);
            return yv;
        }
        *ep = with_operands(lw, o, x, y);
        return 0;
    }
    default:
        return 0;
    }
}

static SynNode *last_non_empty(SynList list)
{
    for (uint32_t i = list.len; i > 0; i--)
        if (list.items[i - 1]->kind != SYN_EMPTY_STMT)
            return list.items[i - 1];
    return NULL;
}

static bool is_builtin_call(SynNode *fun, const char *name)
{
    fun = syn_unparen(fun);
    if (fun->kind != SYN_NAME || strcmp(((SynName *)fun)->value->name, name) != 0)
        return false;
    TyTV *tv = ty_tv(fun);
    return tv && tv->mode == TY_MODE_BUILTIN;
}

/* pkgWriter.terminates */
bool lw_terminates(Lower *lw, SynNode *s)
{
    if (!s)
        return false;
    switch (s->kind) {
    case SYN_BRANCH_STMT:
        return s->op == SYN_GOTO;
    case SYN_RETURN_STMT:
        return true;
    case SYN_EXPR_STMT: {
        SynNode *x = syn_unparen(((SynExprStmt *)s)->x);
        return x->kind == SYN_CALL_EXPR && is_builtin_call(((SynCallExpr *)x)->fun, "panic");
    }
    case SYN_IF_STMT: {
        SynIfStmt *is = (SynIfStmt *)s;
        SynNode *cond = is->cond;
        int v = cond ? lw_static_bool(lw, &cond) : 0;
        return (v < 0 || lw_terminates(lw, &is->then->n)) && (v > 0 || lw_terminates(lw, is->els));
    }
    case SYN_BLOCK_STMT:
        return lw_terminates(lw, last_non_empty(((SynBlockStmt *)s)->list));
    default:
        return false;
    }
}

/* writer.stmts: statements after a terminating one are dropped, except
 * from the last labeled statement on (a goto may reach them). */
void lw_live_stmts(Lower *lw, SynList list, void (*f)(void *ctx, SynNode *s), void *ctx)
{
    int64_t last_label = -1;
    for (uint32_t i = 0; i < list.len; i++)
        if (list.items[i]->kind == SYN_LABELED_STMT)
            last_label = i;
    bool dead = false;
    for (uint32_t i = 0; i < list.len; i++) {
        SynNode *s = list.items[i];
        if (dead && (int64_t)i > last_label && s->kind != SYN_LABELED_STMT)
            continue;
        f(ctx, s);
        dead = lw_terminates(lw, s);
    }
}

typedef struct StmtOut {
    Lower *lw;
    IrList *out;
} StmtOut;

static void lower_one(void *ctx, SynNode *s)
{
    StmtOut *o = ctx;
    lw_stmt(o->lw, s, o->out);
}

void lw_stmts(Lower *lw, SynList list, IrList *out)
{
    StmtOut o = {lw, out};
    lw_live_stmts(lw, list, lower_one, &o);
}

/* ---- labels and loop variables ------------------------------------------------ */

static IrName *label_name(Lower *lw, SynName *name)
{
    if (!name)
        return NULL;
    IrName *n = ptrmap_get(&lw->fn->labels, PMKEY(name->value));
    if (!n) {
        n = ir_new_name(lw->p, name->n.pos, name->value, IR_PXXX, NULL);
        ptrmap_put(&lw->fn->labels, PMKEY(name->value), n);
    }
    return n;
}

/* reader.stmt1: a loop, switch or select right after a label is that
 * label's statement */
static IrName *current_label(IrList *out)
{
    if (out->len > 0 && out->items[out->len - 1]->op == IR_OLABEL)
        return out->items[out->len - 1]->label;
    return NULL;
}

/* types2's FileVersions: a //go:build version selects the file's version
 * (never below go1.21); otherwise the package's. */
static const char *file_version(Lower *lw, Pos pos)
{
    SrcFile *sf = postab_file(lw->p->pos, pos);
    const char *v = lw->pkg->types ? lw->pkg->types->goversion : NULL;
    for (uint32_t i = 0; sf && i < lw->pkg->nfiles; i++) {
        SynFile *f = lw->pkg->files[i];
        if (f && f->src == sf) {
            int fv = ty_version_minor(f->goversion);
            if (fv >= 0)
                v = fv < 21 ? "go1.21" : f->goversion;
            break;
        }
    }
    return v;
}

/* writer.distinctVars: per-iteration loop variables (go1.22) */
static bool distinct_vars(Lower *lw, Pos pos)
{
    int lv = lw->conf ? lw->conf->loopvar : 0;
    const char *v = file_version(lw, pos);
    bool is122 = !v || !v[0] || ty_version_minor(v) >= 22;
    return is122 || (lv > 0 && lv != 3);
}

/* ---- assignments -------------------------------------------------------------- */

/* writer.assign / reader.assign: the destination of an assignment.  A
 * name declared here becomes a new local (and gc's base.Pos moves to
 * it); *dst gets the type the value is converted to (NULL: none). */
static IrNode *assignee(Lower *lw, SynNode *e, TyType **dst, IrName **def)
{
    *def = NULL;
    SynNode *u = syn_unparen(e);
    if (u->kind == SYN_NAME) {
        if (is_blank_name(u)) {
            *dst = NULL;
            return lw_blank(lw, u->pos, NULL);
        }
        TyTV *tv = ty_tv(u);
        if (tv && (tv->flags & TY_TV_DEF) && tv->obj && tv->obj->kind == TY_OBJ_VAR) {
            TyObject *obj = tv->obj;
            lw->fn->base_pos = obj->pos; /* reader.assign's setBasePos */
            IrName *n = lw_new_local(lw, obj, obj->pos, obj->type);
            *def = n;
            *dst = obj->type;
            return &n->n;
        }
        TyObject *used = tv ? ty_tv_used(tv) : NULL;
        *dst = used && used->kind == TY_OBJ_VAR ? used->type : type_of(e);
        return lw_lvalue(lw, u);
    }
    *dst = type_of(e);
    return lw_lvalue(lw, u);
}

/* writer.multiExpr / reader.multiExpr: the values of an assignment,
 * return or similar, converted to dst[i] (NULL: as is). */
static IrNode **multi_values(Lower *lw, Pos pos, SynNode **rhs, uint32_t nrhs, TyType **dst, uint32_t ndst,
                             uint32_t *nout)
{
    if (nrhs == 1) {
        TyType *t = type_of(rhs[0]);
        if (t && t->kind == TY_TUPLE && ((TyTuple *)t)->len > 1) {
            *nout = ndst;
            return lw_multi_expr(lw, rhs[0], pos, dst, ndst);
        }
    }
    *nout = nrhs;
    if (nrhs == 0)
        return NULL;
    IrNode **vals = ARENA_ARRAY(lw->a, IrNode *, nrhs);
    for (uint32_t i = 0; i < nrhs; i++) {
        TyType *d = i < ndst ? dst[i] : NULL;
        vals[i] = d ? lw_expr_to(lw, rhs[i], d) : lw_expr(lw, rhs[i]);
    }
    return vals;
}

/* reader.initDefn: the declared names get ODCLs in the statement's init
 * and the statement as their Defn */
static bool init_defn(Lower *lw, IrNode *defn, IrName **names, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        names[i]->defn = defn;
        ir_list_push(lw->p, &defn->init, new_dcl(lw, names[i]->n.pos, names[i]));
    }
    return n > 0;
}

/* writer.assignStmt + reader stmtAssign: `lhs = rhs`, `lhs := rhs` and
 * `var lhs [T] [= rhs]` */
static void assign_stmt(Lower *lw, Pos pos, SynNode **lhs, uint32_t nlhs, SynNode **rhs, uint32_t nrhs,
                        IrList *out)
{
    IrNode **l = ARENA_ARRAY(lw->a, IrNode *, nlhs ? nlhs : 1);
    TyType **dst = ARENA_ARRAY(lw->a, TyType *, nlhs ? nlhs : 1);
    IrName **names = ARENA_ARRAY(lw->a, IrName *, nlhs ? nlhs : 1);
    uint32_t nnames = 0;
    for (uint32_t i = 0; i < nlhs; i++) {
        IrName *def;
        l[i] = assignee(lw, lhs[i], &dst[i], &def);
        if (def)
            names[nnames++] = def;
    }
    uint32_t nvals;
    IrNode **vals = multi_values(lw, pos, rhs, nrhs, dst, nlhs, &nvals);

    if (nvals == 0) {
        /* var x T: zero-initialization, not a definition */
        for (uint32_t i = 0; i < nnames; i++) {
            IrNode *as = new_node(lw, IR_OAS, pos);
            as->x = &names[i]->n;
            ir_list_push(lw->p, &as->init, new_dcl(lw, pos, names[i]));
            push(lw, out, as);
        }
        return;
    }
    IrNode *as;
    if (nlhs == 1 && nvals == 1) {
        as = new_node(lw, IR_OAS, pos);
        as->x = l[0];
        as->y = vals[0];
    } else {
        as = new_node(lw, IR_OAS2, pos);
        for (uint32_t i = 0; i < nlhs; i++)
            ir_list_push(lw->p, &as->list, l[i]);
        for (uint32_t i = 0; i < nvals; i++)
            ir_list_push(lw->p, &as->rlist, vals[i]);
    }
    if (init_defn(lw, as, names, nnames))
        as->flags |= IR_F_DEF;
    push(lw, out, as);
}

/* ir.NewOne: the 1 of x++ */
static IrNode *one_of(Lower *lw, Pos pos, TyType *t)
{
    TyConst v;
    if (t && ty_is_float(t))
        v = ty_const_float64(lw->a, 1);
    else if (t && ty_is_complex(t))
        v = ty_const_make_complex(lw->a, ty_const_float64(lw->a, 1), ty_const_float64(lw->a, 0));
    else
        v = ty_const_int64(1);
    return lw_const(lw, pos, t, v);
}

static void assign_op_stmt(Lower *lw, SynAssignStmt *s, IrList *out)
{
    IrNode *x = lw_lvalue(lw, s->lhs);
    IrNode *n = new_node(lw, IR_OASOP, s->n.pos);
    n->aux = (uint32_t)lw_binary_op((SynOp)s->n.op);
    n->x = x;
    if (!s->rhs) {
        n->flags |= IR_F_INCDEC;
        n->y = one_of(lw, s->n.pos, x->type);
    } else if (s->n.op == SYN_SHL || s->n.op == SYN_SHR) {
        n->y = lw_expr(lw, s->rhs);
    } else {
        TyType *t = type_of(s->lhs);
        n->y = t ? lw_expr_to(lw, s->rhs, t) : lw_expr(lw, s->rhs);
    }
    push(lw, out, n);
}

/* ---- if, for, range ----------------------------------------------------------------- */

/* writer.ifStmt + reader.ifStmt: a statically decided condition turns
 * the statement into a block of its init, `_ = cond` (unless the
 * condition is a literal) and the arm that is taken. */
static IrNode *if_stmt(Lower *lw, SynIfStmt *s)
{
    SynNode *cond = s->cond;
    int sc = lw_static_bool(lw, &cond);
    IrList init = {0}, then = {0}, els = {0};
    if (s->init)
        lw_stmt(lw, s->init, &init);
    IrNode *c = lw_expr(lw, cond);
    if (sc >= 0)
        lw_stmts(lw, s->then->list, &then);
    if (sc <= 0 && s->els)
        lw_stmt(lw, s->els, &els);
    if (sc != 0) {
        if (c->op != IR_OLITERAL) {
            IrNode *as = new_node(lw, IR_OAS, s->n.pos);
            as->x = lw_blank(lw, s->n.pos, NULL);
            as->y = c;
            push(lw, &init, as);
        }
        push_all(lw, &init, &then);
        push_all(lw, &init, &els);
        return block_of(lw, &init);
    }
    IrNode *n = new_node(lw, IR_OIF, s->n.pos);
    n->init = init;
    n->x = c;
    n->body = then;
    n->els = els;
    return n;
}

static bool is_false_literal(IrNode *n)
{
    return n && n->op == IR_OLITERAL && ty_const_kind(n->val) == TY_CONST_BOOL && !ty_const_bool_val(n->val);
}

static IrNode *range_stmt(Lower *lw, SynForStmt *s, SynRangeClause *rc, IrName *label)
{
    IrNode *n = new_node(lw, IR_ORANGE, rc->n.pos);
    n->label = label;
    uint32_t nlhs;
    SynNode **lhs = lw_unpack_list(lw, rc->lhs, &nlhs);
    IrName *names[2];
    uint32_t nnames = 0;
    for (uint32_t i = 0; i < nlhs && i < 2; i++) {
        TyType *dst;
        IrName *def;
        IrNode *k = assignee(lw, lhs[i], &dst, &def);
        if (def)
            names[nnames++] = def;
        if (i == 0)
            n->y = k;
        else
            n->z = k;
    }
    if (init_defn(lw, n, names, nnames))
        n->flags |= IR_F_DEF;
    TyType *xt = type_of(rc->x);
    if (xt && ty_as_signature(xt))
        diags_add(lw->p->diags, rc->n.pos, "goesc: range over function is not supported yet");
    n->x = lw_expr(lw, rc->x);
    lw_stmts(lw, s->body->list, &n->body);
    if (distinct_vars(lw, s->n.pos))
        n->flags |= IR_F_DISTINCTVARS;
    return n;
}

/* writer.forStmt + reader.forStmt: `for init; false; post {}` is just
 * its init. */
static IrNode *for_stmt(Lower *lw, SynForStmt *s, IrName *label)
{
    if (s->init && s->init->kind == SYN_RANGE_CLAUSE)
        return range_stmt(lw, s, (SynRangeClause *)s->init, label);
    SynNode *cond = s->cond, *post = s->post;
    bool dead = false;
    if (cond && lw_static_bool(lw, &cond) < 0) {
        post = NULL;
        dead = true;
    }
    IrNode *init = stmt_node(lw, s->init);
    IrNode *c = cond ? lw_expr(lw, cond) : NULL;
    IrNode *p = stmt_node(lw, post);
    IrList body = {0};
    if (!dead)
        lw_stmts(lw, s->body->list, &body);
    bool distinct = distinct_vars(lw, s->n.pos);
    if (is_false_literal(c))
        return init;
    IrNode *n = new_node(lw, IR_OFOR, s->n.pos);
    push(lw, &n->init, init);
    n->x = c;
    push(lw, &n->els, p);
    n->body = body;
    n->label = label;
    if (distinct)
        n->flags |= IR_F_DISTINCTVARS;
    return n;
}

/* ---- switch ------------------------------------------------------------------------ */

/* noder.typeExprEndPos: where gc puts a type switch clause variable */
static Pos type_expr_end_pos(SynNode *e)
{
    for (;;) {
        switch (e->kind) {
        case SYN_NAME:
            return e->pos;
        case SYN_SELECTOR_EXPR:
            return ((SynSelectorExpr *)e)->x->pos;
        case SYN_PAREN_EXPR:
            e = ((SynParenExpr *)e)->x;
            break;
        case SYN_OPERATION:
            e = ((SynOperation *)e)->x;
            break;
        case SYN_ARRAY_TYPE:
            e = ((SynArrayType *)e)->elem;
            break;
        case SYN_CHAN_TYPE:
            e = ((SynChanType *)e)->elem;
            break;
        case SYN_DOTS_TYPE:
            e = ((SynDotsType *)e)->elem;
            break;
        case SYN_MAP_TYPE:
            e = ((SynMapType *)e)->value;
            break;
        case SYN_SLICE_TYPE:
            e = ((SynSliceType *)e)->elem;
            break;
        case SYN_INTERFACE_TYPE: {
            SynList m = ((SynInterfaceType *)e)->methods;
            if (m.len == 0)
                return e->pos;
            e = ((SynField *)m.items[m.len - 1])->type;
            break;
        }
        case SYN_FUNC_TYPE: {
            SynFuncType *ft = (SynFuncType *)e;
            SynList l = ft->results.len ? ft->results : ft->params;
            if (l.len == 0)
                return e->pos;
            e = ((SynField *)l.items[l.len - 1])->type;
            break;
        }
        case SYN_INDEX_EXPR: {
            SynNode *ix = ((SynIndexExpr *)e)->index;
            if (ix->kind == SYN_LIST_EXPR) {
                SynListExpr *le = (SynListExpr *)ix;
                ix = le->elems.items[le->elems.len - 1];
            }
            e = ix;
            break;
        }
        default:
            return e->pos;
        }
    }
}

/* ir.TypeNode: named types are their declaration's name; other types
 * have no position */
static IrNode *type_node(Lower *lw, TyType *t)
{
    Pos pos = NOPOS;
    TyType *u = t ? ty_unalias(t) : NULL;
    if (u && u->kind == TY_NAMED && ((TyNamed *)u)->obj && ((TyNamed *)u)->obj->pkg)
        pos = ((TyNamed *)u)->obj->pos;
    return ir_new(lw->p, IR_OTYPE, pos, t);
}



bool lw_has_fallthrough(SynList body)
{
    SynNode *s = last_non_empty(body);
    while (s && s->kind == SYN_LABELED_STMT)
        s = ((SynLabeledStmt *)s)->stmt;
    return s && s->kind == SYN_BRANCH_STMT && s->op == SYN_FALLTHROUGH;
}

uint32_t lw_expr_switch(Lower *lw, SynSwitchStmt *s, LwClause *cl, SynNode **tagp, TyType **tag_typep,
                        bool *tag_is_chanp)
{
    TyType *tag_type = NULL;
    bool tag_is_chan = false;
    SynNode *tag = s->tag;
    uint32_t ncl = s->body.len;
    TyConst tagval;
    bool have_val = false;
    if (tag) {
        TyTV *tv = ty_tv(tag);
        tag_type = tv ? tv->type : NULL;
        if (tv && tv->mode == TY_MODE_CONSTANT && !ty_const_is_unknown(tv->val)) {
            tagval = tv->val;
            have_val = true;
        }
        TyType *u = tag_type ? ty_under(tag_type) : NULL;
        tag_is_chan = u && u->kind == TY_CHAN;
    } else {
        tag_type = ty_typ(lw->env, TY_BOOL);
        tagval = ty_const_bool(true);
        have_val = true;
    }
    if (have_val) {
        /* a constant tag: find the clause always taken */
        int64_t target = -1;
        bool give_up = false;
        for (uint32_t i = 0; i < ncl && !give_up; i++) {
            SynCaseClause *c = cl[i].c;
            if (!c->cases)
                target = i;
            uint32_t nc;
            SynNode **cases = lw_unpack_list(lw, c->cases, &nc);
            bool found = false;
            for (uint32_t k = 0; k < nc; k++) {
                TyTV *ctv = ty_tv(cases[k]);
                if (!ctv || ctv->mode != TY_MODE_CONSTANT || ty_const_is_unknown(ctv->val)) {
                    give_up = true;
                    break;
                }
                if (ty_const_compare(tagval, TY_OP_EQL, ctv->val)) {
                    target = i;
                    found = true;
                    break;
                }
            }
            if (found)
                break;
        }
        if (!give_up && !(target >= 0 && lw_has_fallthrough(cl[target].c->body))) {
            if (target >= 0) {
                cl[0] = cl[target];
                cl[0].as_default = true;
                ncl = 1;
            } else {
                ncl = 0;
            }
            tag = NULL;
            tag_type = ty_typ(lw->env, TY_BOOL);
        }
    }
    if (!tag_is_chan) {
        bool to_any = false;
        for (uint32_t i = 0; i < ncl && !to_any; i++) {
            if (cl[i].as_default)
                continue;
            uint32_t nc;
            SynNode **cases = lw_unpack_list(lw, cl[i].c->cases, &nc);
            for (uint32_t k = 0; k < nc && !to_any; k++) {
                TyType *ct = type_of(cases[k]);
                if (!lw_assignable(lw, ct, tag_type) &&
                    ((ct && ty_is_interface(ct)) || (tag_type && ty_is_interface(tag_type))))
                    to_any = true;
            }
        }
        if (to_any)
            tag_type = lw->env->empty_interface;
    }
    *tagp = tag;
    *tag_typep = tag_type;
    *tag_is_chanp = tag_is_chan;
    return ncl;
}

static IrNode *switch_stmt(Lower *lw, SynSwitchStmt *s, IrName *label)
{
    IrNode *n = new_node(lw, IR_OSWITCH, s->n.pos);
    n->label = label;
    push(lw, &n->init, stmt_node(lw, s->init));

    LwClause *cl = ARENA_ARRAY(lw->a, LwClause, s->body.len ? s->body.len : 1);
    uint32_t ncl = s->body.len;
    for (uint32_t i = 0; i < ncl; i++) {
        cl[i].c = (SynCaseClause *)s->body.items[i];
        cl[i].as_default = false;
    }

    bool typesw = s->tag && s->tag->kind == SYN_TYPE_SWITCH_GUARD;
    IrNode *tagnode = NULL;
    TyType *tag_type = NULL;
    bool tag_is_chan = false;
    if (typesw) {
        SynTypeSwitchGuard *g = (SynTypeSwitchGuard *)s->tag;
        IrNode *tsw = new_node(lw, IR_OTYPESW, g->n.pos);
        if (g->lhs) {
            IrName *id = ir_new_name(lw->p, g->lhs->n.pos, g->lhs->value, IR_PXXX, NULL);
            tsw->y = &id->n;
        }
        tsw->x = lw_expr(lw, g->x);
        tagnode = tsw;
    } else {
        SynNode *tag;
        ncl = lw_expr_switch(lw, s, cl, &tag, &tag_type, &tag_is_chan);
        if (tag)
            tagnode = tag_type ? lw_expr_to(lw, tag, tag_type) : lw_expr(lw, tag);
    }
    n->x = tagnode;

    for (uint32_t i = 0; i < ncl; i++) {
        SynCaseClause *c = cl[i].c;
        IrNode *cc = new_node(lw, IR_OCASE, c->n.pos);
        uint32_t nc = 0;
        SynNode **cases = cl[i].as_default ? NULL : lw_unpack_list(lw, c->cases, &nc);
        for (uint32_t k = 0; k < nc; k++) {
            IrNode *v;
            if (typesw) {
                /* writer.exprType: a case of a non-empty interface asks
                 * for the itab */
                if (!is_nil_expr(cases[k]))
                    lw_itab(lw, type_of(cases[k]), tagnode->x->type);
                v = is_nil_expr(cases[k]) ? ir_new(lw->p, IR_ONIL, NOPOS, type_of(cases[k]))
                                          : type_node(lw, type_of(cases[k]));
            } else {
                TyType *t = tag_is_chan ? NULL : tag_type;
                v = t ? lw_expr_to(lw, cases[k], t) : lw_expr(lw, cases[k]);
            }
            ir_list_push(lw->p, &cc->list, v);
        }
        if (typesw) {
            TyTV *ctv = ty_tv(&c->n);
            if (ctv && (ctv->flags & TY_TV_IMPLICIT) && ctv->obj) {
                /* the clause's own variable: no ODCL, Defn = the guard */
                Pos vpos = nc > 0 ? type_expr_end_pos(cases[nc - 1]) : c->n.pos;
                IrName *v = lw_new_local(lw, ctv->obj, vpos, ctv->obj->type);
                v->defn = tagnode;
                cc->x = &v->n;
            }
        }
        lw_stmts(lw, c->body, &cc->body);
        ir_list_push(lw->p, &n->list, cc);
    }
    return n;
}

/* ---- select ------------------------------------------------------------------------ */

/* tcSelect's oselrecv2: a receive becomes `dst, _ = <-c` */
static IrNode *selrecv2(Lower *lw, Pos pos, IrNode *dst, IrNode *recv, bool def, IrList *init)
{
    IrNode *n = new_node(lw, IR_OSELRECV2, pos);
    ir_list_push(lw->p, &n->list, dst);
    ir_list_push(lw->p, &n->list, lw_blank(lw, pos, NULL));
    ir_list_push(lw->p, &n->rlist, recv);
    if (def)
        n->flags |= IR_F_DEF;
    n->init = *init;
    memset(init, 0, sizeof *init);
    return n;
}

static IrNode *select_stmt(Lower *lw, SynSelectStmt *s, IrName *label)
{
    IrNode *n = new_node(lw, IR_OSELECT, s->n.pos);
    n->label = label;
    for (uint32_t i = 0; i < s->body.len; i++) {
        SynCommClause *c = (SynCommClause *)s->body.items[i];
        Pos cpos = c->n.pos;
        IrNode *comm = stmt_node(lw, c->comm);
        IrList body = {0};
        lw_stmts(lw, c->body, &body);
        IrList pre = {0}; /* statements moved to the front of the body */

        /* reader: `case x = <-c` needing an interface conversion becomes
         * `case tmp := <-c: x = tmp; ...` */
        if (comm && comm->op == IR_OAS && !(comm->flags & IR_F_DEF) && comm->y &&
            comm->y->op == IR_OCONVIFACE && comm->y->x && comm->y->x->op == IR_ORECV) {
            IrNode *conv = comm->y, *recv = conv->x;
            IrName *tmp = lw_temp(lw, cpos, recv->type);
            IrNode *tas = new_node(lw, IR_OAS, cpos);
            tas->x = &tmp->n;
            tas->y = recv;
            tas->flags |= IR_F_DEF;
            ir_list_push(lw->p, &tas->init, new_dcl(lw, cpos, tmp));
            conv->x = &tmp->n;
            push(lw, &pre, comm);
            comm = tas;
        }
        /* reader: the comma-ok receive's OAS2RECV, made by multiExpr in
         * the first value's init, is the comm; the assignment from its
         * temps starts the body */
        if (comm && comm->op == IR_OAS2 && comm->rlist.len > 0 && comm->rlist.items[0]->init.len == 1) {
            IrNode *first = comm->rlist.items[0];
            IrNode *recv2 = first->init.items[0];
            memset(&first->init, 0, sizeof first->init);
            push(lw, &pre, comm);
            comm = recv2;
        }
        /* typecheck.tcSelect */
        if (comm) {
            switch (comm->op) {
            case IR_ORECV: {
                IrList init = comm->init;
                memset(&comm->init, 0, sizeof comm->init);
                comm = selrecv2(lw, comm->pos, lw_blank(lw, comm->pos, NULL), comm, false, &init);
                break;
            }
            case IR_OAS: {
                IrNode *r = comm->y;
                if (r && (r->op == IR_OCONVNOP || r->op == IR_OCONVIFACE) && (r->flags & IR_F_IMPLICIT))
                    r = r->x;
                comm = selrecv2(lw, comm->pos, comm->x, r, comm->flags & IR_F_DEF, &comm->init);
                break;
            }
            case IR_OAS2RECV:
                comm->op = IR_OSELRECV2;
                break;
            default:
                break;
            }
        }
        IrNode *cc = new_node(lw, IR_OCASE, cpos);
        cc->x = comm;
        push_all(lw, &cc->body, &pre);
        push_all(lw, &cc->body, &body);
        ir_list_push(lw->p, &n->list, cc);
    }
    return n;
}

/* ---- go and defer ---------------------------------------------------------------- */

static TySignature *fun_sig(IrNode *fun)
{
    return fun && fun->type ? ty_as_signature(fun->type) : NULL;
}

static bool is_kind(TyType *t, TyBasicKind k)
{
    TyType *u = t ? ty_under(t) : NULL;
    return u && u->kind == TY_BASIC && ((TyBasic *)u)->bkind == k;
}

typedef struct ArgPtrs {
    IrNode ***items;
    uint32_t len, cap;
} ArgPtrs;

static void argps_push(Lower *lw, ArgPtrs *a, IrNode **p)
{
    if (a->len == a->cap) {
        uint32_t cap = a->cap ? a->cap * 2 : 8;
        IrNode ***items = ARENA_ARRAY(lw->a, IrNode **, cap);
        if (a->len)
            memcpy(items, a->items, sizeof(IrNode **) * a->len);
        a->items = items;
        a->cap = cap;
    }
    a->items[a->len++] = p;
}

/* normalizeGoDeferCall's visit: the operands that must be evaluated at
 * the statement; the rest can be evaluated inside the wrapper */
static void visit_operand(Lower *lw, ArgPtrs *a, IrNode **argp)
{
    IrNode *arg = *argp;
    if (!arg)
        return;
    switch (arg->op) {
    case IR_OLITERAL:
    case IR_ONIL:
    case IR_OMETHEXPR:
    case IR_ONEW:
        return;
    case IR_ONAME:
        if (((IrName *)arg)->class == IR_PFUNC)
            return; /* a global function */
        break;
    case IR_OADDR:
        if (arg->x && arg->x->op == IR_OLINKSYMOFFSET)
            return; /* address of a global symbol */
        break;
    case IR_OCONVNOP:
        /* uintptr(unsafe.Pointer(x)): x is saved, the conversion is done
         * in the wrapper */
        if (is_kind(arg->type, TY_UINTPTR) && arg->x && is_kind(arg->x->type, TY_UNSAFE_POINTER)) {
            visit_operand(lw, a, &arg->x);
            return;
        }
        break;
    case IR_OARRAYLIT:
    case IR_OSLICELIT:
    case IR_OSTRUCTLIT:
        for (uint32_t i = 0; i < arg->list.len; i++) {
            IrNode *el = arg->list.items[i];
            if (el->op == IR_OKEY)
                visit_operand(lw, a, &el->y);
            else if (el->op == IR_OSTRUCTKEY)
                visit_operand(lw, a, &el->x);
            else
                visit_operand(lw, a, &arg->list.items[i]);
        }
        return;
    default:
        break;
    }
    argps_push(lw, a, argp);
}

static void visit_list(Lower *lw, ArgPtrs *a, IrList *l)
{
    for (uint32_t i = 0; i < l->len; i++)
        visit_operand(lw, a, &l->items[i]);
}

/* ir.HasUniquePos */
static bool has_unique_pos(IrNode *n)
{
    if (n->op == IR_ONAME)
        return false;
    return ir_pos_known(n->pos);
}

IrNode *lw_go_defer_call(Lower *lw, Pos pos, IrOp op, IrNode *call, IrList *init)
{
    push_all(lw, init, &call->init);
    memset(&call->init, 0, sizeof call->init);

    if (call->op == IR_OCALLFUNC) {
        TySignature *sig = fun_sig(call->x);
        if (sig && (sig->recv ? 1u : 0u) + sig->params->len + sig->results->len == 0)
            return call; /* already func() */
    }

    IrFunc *w = lw_new_closure(lw, op, lw->empty_sig, pos);
    w->fflags |= IR_FN_WRAPPER;

    ArgPtrs argps = {0};
    switch (call->op) {
    case IR_OCALLFUNC:
        visit_operand(lw, &argps, &call->x);
        visit_list(lw, &argps, &call->list);
        break;
    case IR_OCALLINTER:
        /* the receiver first: the OCHECKNIL below uses it */
        if (call->x && call->x->x)
            argps_push(lw, &argps, &call->x->x);
        visit_list(lw, &argps, &call->list);
        break;
    case IR_OAPPEND:
    case IR_ODELETE:
    case IR_OPRINT:
    case IR_OPRINTLN:
    case IR_ORECOVER:
        visit_list(lw, &argps, &call->list);
        break;
    case IR_OCOPY:
        visit_operand(lw, &argps, &call->x);
        visit_operand(lw, &argps, &call->y);
        break;
    case IR_OCLEAR:
    case IR_OCLOSE:
    case IR_OPANIC:
        visit_operand(lw, &argps, &call->x);
        break;
    default:
        diags_add(lw->p->diags, pos, "internal error: goesc lowering: unexpected %s in go/defer",
                  ir_op_name((IrOp)call->op));
        break;
    }

    if (argps.len > 0) {
        IrNode *as = new_node(lw, IR_OAS2, pos);
        for (uint32_t i = 0; i < argps.len; i++) {
            IrNode *arg = *argps.items[i];
            Pos apos = has_unique_pos(arg) ? arg->pos : pos;
            IrName *tmp = lw_temp(lw, apos, arg->type);
            ir_list_push(lw->p, init, new_dcl(lw, apos, tmp));
            tmp->defn = as;
            ir_list_push(lw->p, &as->list, &tmp->n);
            ir_list_push(lw->p, &as->rlist, arg);
            *argps.items[i] = &lw_closure_var(lw, w, apos, tmp)->n;
        }
        ir_list_push(lw->p, init, as);
        if (call->op == IR_OCALLINTER) {
            IrNode *iface = as->list.items[0];
            IrNode *itab = ir_new(lw->p, IR_OITAB, iface->pos,
                                  ty_new_pointer(lw->env, ty_typ(lw->env, TY_UINTPTR)));
            itab->x = iface;
            IrNode *chk = new_node(lw, IR_OCHECKNIL, pos);
            chk->x = itab;
            ir_list_push(lw->p, init, chk);
        }
    }
    ir_list_push(lw->p, &w->body, call);

    IrNode *nc = ir_new(lw->p, IR_OCALLFUNC, call->pos, NULL);
    nc->x = w->oclosure;
    return nc;
}

/* ---- function literals ------------------------------------------------------------ */

IrNode *lw_func_lit(Lower *lw, SynFuncLit *e)
{
    TyType *t = type_of(&e->n);
    TySignature *sig = t ? ty_as_signature(t) : NULL;
    if (!sig)
        sig = lw->empty_sig;
    /* the range-over-func rewrite marks the loop bodies it makes */
    IrOp why = (e->n.flags & SYN_F_RANGEBODY) ? IR_ORANGE : IR_OCLOSURE;
    IrFunc *fn = lw_new_closure(lw, why, sig, e->n.pos);
    lw_func_body(lw, fn, e->body);
    lw_capture_dict(lw, fn);
    return fn->oclosure;
}

/* ---- statements ---------------------------------------------------------------------- */

static void return_stmt(Lower *lw, SynReturnStmt *s, IrList *out)
{
    IrNode *n = new_node(lw, IR_ORETURN, s->n.pos);
    TySignature *sig = lw->fn->fn->sig;
    uint32_t nres = sig ? sig->results->len : 0;
    TyType **dst = ARENA_ARRAY(lw->a, TyType *, nres ? nres : 1);
    for (uint32_t i = 0; i < nres; i++)
        dst[i] = sig->results->vars[i]->type;
    uint32_t nr, nvals;
    SynNode **rs = lw_unpack_list(lw, s->results, &nr);
    IrNode **vals = multi_values(lw, s->n.pos, rs, nr, dst, nres, &nvals);
    for (uint32_t i = 0; i < nvals; i++)
        ir_list_push(lw->p, &n->list, vals[i]);
    push(lw, out, n);
}

static void branch_stmt(Lower *lw, SynBranchStmt *s, IrList *out)
{
    IrOp op = IR_OBREAK;
    switch (s->n.op) {
    case SYN_CONTINUE: op = IR_OCONTINUE; break;
    case SYN_FALLTHROUGH: op = IR_OFALL; break;
    case SYN_GOTO: op = IR_OGOTO; break;
    default: break;
    }
    IrNode *n = new_node(lw, op, s->n.pos);
    n->label = label_name(lw, s->label);
    push(lw, out, n);
}

static void call_stmt(Lower *lw, SynCallStmt *s, IrList *out)
{
    IrOp op = s->n.op == SYN_GO ? IR_OGO : IR_ODEFER;
    IrNode *call = lw_expr(lw, s->call);
    IrNode *n = new_node(lw, op, s->n.pos);
    if (op == IR_ODEFER && s->defer_at)
        n->y = lw_expr(lw, s->defer_at); /* writer: after the call */
    IrNode *nc = lw_go_defer_call(lw, s->n.pos, op, call, &n->init);
    nc->flags |= IR_F_GODEFER;
    n->x = nc;
    push(lw, out, n);
}

static void send_stmt(Lower *lw, SynSendStmt *s, IrList *out)
{
    IrNode *n = new_node(lw, IR_OSEND, s->n.pos);
    n->x = lw_expr(lw, s->chan);
    TyType *ct = type_of(s->chan);
    TyType *u = ct ? ty_under(ct) : NULL;
    TyType *elem = u && u->kind == TY_CHAN ? ((TyChan *)u)->elem : NULL;
    n->y = elem ? lw_expr_to(lw, s->value, elem) : lw_expr(lw, s->value);
    push(lw, out, n);
}

static void decl_stmt(Lower *lw, SynDeclStmt *s, IrList *out)
{
    for (uint32_t i = 0; i < s->decls.len; i++) {
        SynNode *d = s->decls.items[i];
        if (d->kind != SYN_VAR_DECL)
            continue;
        SynVarDecl *vd = (SynVarDecl *)d;
        uint32_t nv;
        SynNode **vals = lw_unpack_list(lw, vd->values, &nv);
        assign_stmt(lw, vd->n.pos, vd->names.items, vd->names.len, vals, nv, out);
    }
}

void lw_stmt(Lower *lw, SynNode *s, IrList *out)
{
    switch (s->kind) {
    case SYN_EMPTY_STMT:
        return;
    case SYN_ASSIGN_STMT: {
        SynAssignStmt *as = (SynAssignStmt *)s;
        if (!as->rhs || (as->n.op != SYN_OP_NONE && as->n.op != SYN_DEF)) {
            assign_op_stmt(lw, as, out);
        } else {
            uint32_t nl, nr;
            SynNode **l = lw_unpack_list(lw, as->lhs, &nl);
            SynNode **r = lw_unpack_list(lw, as->rhs, &nr);
            assign_stmt(lw, as->n.pos, l, nl, r, nr, out);
        }
        return;
    }
    case SYN_BLOCK_STMT:
        lw_stmts(lw, ((SynBlockStmt *)s)->list, out);
        return;
    case SYN_BRANCH_STMT:
        branch_stmt(lw, (SynBranchStmt *)s, out);
        return;
    case SYN_CALL_STMT:
        call_stmt(lw, (SynCallStmt *)s, out);
        return;
    case SYN_DECL_STMT:
        decl_stmt(lw, (SynDeclStmt *)s, out);
        return;
    case SYN_EXPR_STMT:
        push(lw, out, lw_expr(lw, ((SynExprStmt *)s)->x));
        return;
    case SYN_FOR_STMT:
        push(lw, out, for_stmt(lw, (SynForStmt *)s, current_label(out)));
        return;
    case SYN_IF_STMT:
        push(lw, out, if_stmt(lw, (SynIfStmt *)s));
        return;
    case SYN_LABELED_STMT: {
        SynLabeledStmt *ls = (SynLabeledStmt *)s;
        if (is_blank_name(&ls->label->n)) {
            /* typecheck: the label _ is an empty block (and labels nothing) */
            push(lw, out, new_node(lw, IR_OBLOCK, s->pos));
        } else {
            IrNode *n = new_node(lw, IR_OLABEL, s->pos);
            n->label = label_name(lw, ls->label);
            push(lw, out, n);
        }
        if (ls->stmt)
            lw_stmt(lw, ls->stmt, out);
        return;
    }
    case SYN_RETURN_STMT:
        return_stmt(lw, (SynReturnStmt *)s, out);
        return;
    case SYN_SELECT_STMT:
        push(lw, out, select_stmt(lw, (SynSelectStmt *)s, current_label(out)));
        return;
    case SYN_SEND_STMT:
        send_stmt(lw, (SynSendStmt *)s, out);
        return;
    case SYN_SWITCH_STMT:
        push(lw, out, switch_stmt(lw, (SynSwitchStmt *)s, current_label(out)));
        return;
    default:
        diags_add(lw->p->diags, s->pos, "internal error: goesc lowering: unexpected statement %s",
                  syn_kind_name((SynKind)s->kind));
        return;
    }
}
