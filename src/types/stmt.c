/*
 * Statements and function bodies (types2 stmt.go).
 *
 * A function body is checked in its own environment (the signature's scope
 * is the top scope, the signature gives the results).  Statements are
 * checked in source order; function literals met inside a statement are
 * checked right after that statement (their bodies are delayed actions), so
 * that they see the variables declared before them but report "declared and
 * not used" only once the enclosing function is done.
 *
 * gc's parser checks labels and the placement of break/continue/goto/
 * fallthrough (types2 runs with IgnoreBranchErrors), so no branch errors are
 * reported here; labels.c still records label objects as go/types does.
 *
 * Error positions follow types2's atPos: the start of the node or of the
 * operand's expression (syntax.StartPos).
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>



/* An error with a second, positioned line ("\n\tPOS: msg2"), as types2's
 * multi-part errors read in gc's output. */
static void error2(Checker *ck, Pos pos, const char *msg, Pos pos2, const char *msg2)
{
    Buf b = {0};
    buf_puts(&b, msg);
    buf_puts(&b, "\n\t");
    if (pos2 != NOPOS) {
        syn_pos_string(&b, ck->env->pos, pos2);
        buf_puts(&b, ": ");
    }
    buf_puts(&b, msg2);
    ck_error(ck, pos, buf_str(&b));
    buf_free(&b);
}

static const char *pos_str(Checker *ck, Pos p)
{
    Buf b = {0};
    syn_pos_string(&b, ck->env->pos, p);
    const char *s = arena_strndup(&ck->tmp, buf_str(&b), b.len);
    buf_free(&b);
    return s;
}

/* ---- function bodies ---------------------------------------------------------- */

static int cmp_obj_pos(const void *a, const void *b)
{
    const TyObject *x = *(TyObject *const *)a, *y = *(TyObject *const *)b;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Reports the unused variables of scope and its nested block scopes
 * (function literals report their own), each scope's in source order. */
static void usage(Checker *ck, TyScope *scope)
{
    TyObject **unused = NULL;
    uint32_t n = 0;
    for (uint32_t i = 0; i < scope->cap; i++) {
        TyObject *o = scope->slots[i];
        if (!o || o->kind != TY_OBJ_VAR || (o->flags & TY_OF_USED))
            continue;
        if (o->varkind == TY_RECV_VAR || o->varkind == TY_PARAM_VAR || o->varkind == TY_RESULT_VAR)
            continue;
        if (!unused)
            unused = ARENA_ARRAY(&ck->tmp, TyObject *, scope->nelems);
        unused[n++] = o;
    }
    if (n > 1)
        qsort(unused, n, sizeof *unused, cmp_obj_pos);
    for (uint32_t i = 0; i < n; i++)
        ck_softf(ck, unused[i]->pos, "declared and not used: %s", unused[i]->name->name);
    for (uint32_t i = 0; i < scope->nchildren; i++)
        if (!scope->children[i]->isfunc)
            usage(ck, scope->children[i]);
}

void ck_func_body(Checker *ck, DeclInfo *decl, const Sym *name, TySignature *sig, SynBlockStmt *body,
                  const TyConst *iota)
{
    (void)name;
    /* The body gets a fresh environment; the version is the one of the
     * file being checked (set by the delayed action's runner). */
    CkEnv saved = ck->e;
    memset(&ck->e, 0, sizeof ck->e);
    ck->e.decl = decl;
    ck->e.scope = sig->scope;
    ck->e.version = saved.version;
    if (iota) {
        ck->e.has_iota = true;
        ck->e.iota = *iota;
    }
    ck->e.sig = sig;
    /* panic calls of this body (builtins.c records them when the function
     * has results): the termination check needs them */
    PtrMap panics = {0};
    ck->e.is_panic = &panics;

    ck_stmt_list(ck, 0, body->list);

    if (ck->e.has_label)
        ck_labels(ck, body);

    if (sig->results && sig->results->len > 0 && !ck_is_terminating(ck, &body->n, NULL))
        ck_error(ck, body->rbrace, "missing return");

    /* spec: "Implementation restriction: A compiler may make it illegal to
     * declare a variable inside a function body if the variable is never
     * used." */
    usage(ck, sig->scope);

    ptrmap_free(&panics);
    ck->e = saved;
}

/* ---- statement lists ------------------------------------------------------------- */

static uint32_t trim_trailing_empty(SynList list)
{
    uint32_t n = list.len;
    while (n > 0 && list.items[n - 1]->kind == SYN_EMPTY_STMT)
        n--;
    return n;
}

void ck_stmt_list(Checker *ck, unsigned ctxt, SynList list)
{
    bool ok = (ctxt & CK_FALLTHROUGH_OK) != 0;
    unsigned inner = ctxt & ~(unsigned)CK_FALLTHROUGH_OK;
    /* trailing empty statements are invisible to the fallthrough analysis */
    uint32_t n = trim_trailing_empty(list);
    for (uint32_t i = 0; i < n; i++) {
        unsigned c = inner;
        if (ok && i + 1 == n)
            c |= CK_FALLTHROUGH_OK;
        ck_stmt(ck, c, list.items[i]);
    }
}

static void simple_stmt(Checker *ck, SynNode *s)
{
    if (s)
        ck_stmt(ck, 0, s);
}

static void multiple_defaults(Checker *ck, SynList list)
{
    SynNode *first = NULL;
    for (uint32_t i = 0; i < list.len; i++) {
        SynNode *c = list.items[i];
        SynNode *cases = c->kind == SYN_CASE_CLAUSE ? ((SynCaseClause *)c)->cases : ((SynCommClause *)c)->comm;
        if (cases)
            continue;
        if (first)
            ck_errorf(ck, ck_at(c), "multiple defaults (first at %s)", pos_str(ck, first->pos));
        else
            first = c;
    }
}

/* ---- go and defer ------------------------------------------------------------------ */

static void suspended_call(Checker *ck, const char *keyword, SynNode *call)
{
    if (call->kind != SYN_CALL_EXPR) {
        ck_errorf(ck, ck_at(call), "expression in %s must be function call", keyword);
        ck_use(ck, &call, 1);
        return;
    }
    Operand x;
    memset(&x, 0, sizeof x);
    const char *msg;
    switch (ck_raw_expr(ck, NULL, &x, call, NULL, false)) {
    case EK_CONVERSION:
        msg = "requires function call, not conversion";
        break;
    case EK_EXPRESSION:
        msg = "discards result of";
        break;
    default:
        return;
    }
    ck_errorf(ck, ck_operand_pos(&x), "%s %s %s", keyword, msg, ck_ostr(ck, &x));
}

/* ---- expression switches ---------------------------------------------------------- */

/* A case value as the Go value gc compares duplicates by (types2 goVal):
 * integers (as int64, or uint64 beyond), floats exactly representable as
 * float64, and strings; other values are not checked. */
typedef struct CaseVal {
    struct CaseVal *next;
    uint8_t tag; /* 1 int64, 2 uint64, 3 float64, 4 string */
    uint64_t bits;
    double f;
    const char *s;
    size_t n;
    Pos pos;      /* the previous case (operand.Pos: the expression's pos) */
    TyType *type;
} CaseVal;

static bool go_val(Checker *ck, TyConst v, CaseVal *cv)
{
    bool exact;
    switch (ty_const_kind(v)) {
    case TY_CONST_INT: {
        int64_t i = ty_const_int64_val(v, &exact);
        if (exact) {
            cv->tag = 1;
            cv->bits = (uint64_t)i;
            return true;
        }
        uint64_t u = ty_const_uint64_val(v, &exact);
        if (exact) {
            cv->tag = 2;
            cv->bits = u;
            return true;
        }
        return false;
    }
    case TY_CONST_FLOAT: {
        double f = ty_const_float64_val(v, &exact);
        if (!exact)
            return false;
        cv->tag = 3;
        cv->f = f;
        memcpy(&cv->bits, &f, sizeof f);
        if (f == 0)
            cv->bits = 0; /* +0 == -0 as map keys */
        return true;
    }
    case TY_CONST_STRING:
        cv->tag = 4;
        cv->s = ty_const_string_val(&ck->tmp, v, &cv->n);
        cv->bits = hash_bytes(cv->s, cv->n);
        return true;
    default:
        return false;
    }
}

static bool same_val(const CaseVal *a, const CaseVal *b)
{
    if (a->tag != b->tag)
        return false;
    switch (a->tag) {
    case 3:
        return a->f == b->f;
    case 4:
        return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
    default:
        return a->bits == b->bits;
    }
}

static uint64_t case_key(const CaseVal *cv)
{
    uint64_t h = (cv->bits ^ ((uint64_t)cv->tag << 56)) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
    return h ? h : 1;
}

static void case_values(Checker *ck, Operand *x, SynNode **values, uint32_t n, PtrMap *seen)
{
    for (uint32_t i = 0; i < n; i++) {
        Operand v;
        memset(&v, 0, sizeof v);
        ck_expr(ck, NULL, &v, values[i]);
        if (x->mode == TY_MODE_INVALID || v.mode == TY_MODE_INVALID)
            continue;
        ck_convert_untyped(ck, &v, x->type);
        if (v.mode == TY_MODE_INVALID)
            continue;
        /* comparing v against x puts error positions at the case values */
        Operand res = v;
        ck_comparison(ck, &res, x, SYN_EQL, true);
        if (res.mode == TY_MODE_INVALID || v.mode != TY_MODE_CONSTANT)
            continue;
        CaseVal cv;
        memset(&cv, 0, sizeof cv);
        if (!go_val(ck, v.val, &cv))
            continue;
        uint64_t key = case_key(&cv);
        CaseVal **slot = (CaseVal **)ptrmap_slot(seen, key);
        bool dup = false;
        for (CaseVal *p = *slot; p; p = p->next) {
            if (same_val(p, &cv) && ty_identical(v.type, p->type)) {
                error2(ck, ck_operand_pos(&v), ck_sprintf(ck, "duplicate case %s in expression switch", ck_ostr(ck, &v)),
                       p->pos, "previous case");
                dup = true;
                break;
            }
        }
        if (dup)
            continue;
        CaseVal *e = ARENA_NEW(&ck->tmp, CaseVal);
        *e = cv;
        e->pos = v.expr ? v.expr->pos : NOPOS;
        e->type = v.type;
        e->next = *slot;
        *slot = e;
    }
}

static void switch_stmt(Checker *ck, unsigned inner, SynSwitchStmt *s)
{
    Operand x;
    memset(&x, 0, sizeof x);
    if (s->tag) {
        ck_expr(ck, NULL, &x, s->tag);
        /* assigning x to an invisible temporary (as a compiler would) gives
         * all the relevant checks */
        ck_assignment(ck, &x, NULL, "switch expression");
        if (x.mode != TY_MODE_INVALID && !ty_comparable(x.type) && !ty_has_nil(x.type)) {
            ck_errorf(ck, ck_operand_pos(&x), "cannot switch on %s (%s is not comparable)", ck_ostr(ck, &x),
                      ck_tstr(ck, x.type));
            x.mode = TY_MODE_INVALID;
        }
    } else {
        /* spec: "A missing switch expression is equivalent to the boolean
         * value true." */
        x.mode = TY_MODE_CONSTANT;
        x.type = ty_typ(ck->env, TY_BOOL);
        x.val = ty_const_bool(true);
        SynName *t = ARENA_NEW(ck->a, SynName);
        t->n.kind = SYN_NAME;
        t->n.pos = s->body.len > 0 ? s->body.items[0]->pos : s->rbrace;
        t->value = sym_cstr(ck->syms, "true");
        x.expr = &t->n;
    }

    multiple_defaults(ck, s->body);

    PtrMap seen = {0};
    for (uint32_t i = 0; i < s->body.len; i++) {
        SynCaseClause *clause = (SynCaseClause *)s->body.items[i];
        unsigned c = inner;
        if (i + 1 < s->body.len)
            c |= CK_FALLTHROUGH_OK;
        else
            c |= CK_FINAL_SWITCH_CASE;
        uint32_t n;
        SynNode **cases = syn_unpack_list(&clause->cases, &n);
        case_values(ck, &x, cases, n, &seen);
        ck_open_scope(ck, &clause->n, "case");
        ck_stmt_list(ck, c, clause->body);
        ck_close_scope(ck);
    }
    ptrmap_free(&seen);
}

/* ---- type switches ---------------------------------------------------------------- */

/* Whether e denotes the predeclared nil (only spelled as such, possibly in
 * parentheses). */
static bool is_nil(Checker *ck, SynNode *e)
{
    SynNode *x = syn_unparen(e);
    if (x->kind != SYN_NAME)
        return false;
    TyObject *o = ck_lookup(ck, ((SynName *)x)->value);
    return o && o->kind == TY_OBJ_NIL;
}

typedef struct SeenType {
    TyType *type; /* NULL: nil */
    SynNode *e;
} SeenType;

/* Checks the types of a type switch case against the guard x (NULL if
 * invalid) and returns the type of the clause's variable: the case type if
 * there is exactly one (not nil), else the guard's type. */
static TyType *case_types(Checker *ck, Operand *x, SynNode **types, uint32_t n, PtrVec *seen)
{
    TyType *T = NULL;
    for (uint32_t i = 0; i < n; i++) {
        SynNode *e = types[i];
        if (is_nil(ck, e)) {
            T = NULL;
            Operand dummy;
            memset(&dummy, 0, sizeof dummy);
            ck_expr(ck, NULL, &dummy, e); /* for the usual recordings */
        } else {
            T = ck_var_type(ck, e);
            if (!ty_is_valid(T))
                continue;
        }
        bool dup = false;
        for (uint32_t j = 0; j < seen->len; j++) {
            SeenType *st = seen->data[j];
            if ((!T && !st->type) || (T && st->type && ty_identical(T, st->type))) {
                /* "case" rather than "type" because of the nil case */
                const char *ts = T ? ck_tstr(ck, T) : "nil";
                error2(ck, ck_at(e), ck_sprintf(ck, "duplicate case %s in type switch", ts), ck_at(st->e),
                       "previous case");
                dup = true;
                break;
            }
        }
        if (dup)
            continue;
        SeenType *st = ARENA_NEW(&ck->tmp, SeenType);
        st->type = T;
        st->e = e;
        ptrvec_push(seen, st);
        if (x && T)
            ck_type_assertion(ck, e, x, T, true);
    }
    if (n != 1 || !T)
        T = x ? x->type : ty_typ(ck->env, TY_INVALID);
    return T;
}

static void type_switch_stmt(Checker *ck, unsigned inner, SynSwitchStmt *s, SynTypeSwitchGuard *guard)
{
    SynName *lhs = guard->lhs;
    if (lhs) {
        if (lhs->value == ck->sym_blank) {
            /* _ := x.(type) is an invalid short variable declaration */
            ck_softf(ck, lhs->n.pos, "no new variable on left side of :=");
            lhs = NULL; /* no "declared and not used" below */
        } else {
            /* the variable is declared implicitly in each clause */
            ck_record_def(ck, lhs, NULL);
        }
    }

    Operand x;
    memset(&x, 0, sizeof x);
    Operand *sx = NULL; /* the guard's operand; NULL if invalid */
    ck_expr(ck, NULL, &x, guard->x);
    if (x.mode != TY_MODE_INVALID) {
        if (ty_is_typeparam(x.type))
            ck_errorf(ck, ck_operand_pos(&x), "cannot use type switch on type parameter value %s", ck_ostr(ck, &x));
        else if (ty_is_interface(x.type))
            sx = &x;
        else
            ck_errorf(ck, ck_operand_pos(&x), "%s is not an interface", ck_ostr(ck, &x));
    }

    multiple_defaults(ck, s->body);

    PtrVec lhs_vars = {0};
    PtrVec seen = {0};
    for (uint32_t i = 0; i < s->body.len; i++) {
        SynCaseClause *clause = (SynCaseClause *)s->body.items[i];
        uint32_t n;
        SynNode **cases = syn_unpack_list(&clause->cases, &n);
        TyType *T = case_types(ck, sx, cases, n, &seen);
        ck_open_scope(ck, &clause->n, "case");
        if (lhs) {
            TyObject *obj = ty_new_var(ck->env, TY_LOCAL_VAR, lhs->n.pos, ck->pkg, lhs->value, T);
            obj->flags |= TY_OF_IMPLICIT;
            ck_declare(ck, ck->e.scope, NULL, obj, clause->colon);
            ck_record_implicit(ck, &clause->n, obj);
            /* for "declared and not used", the clauses' variables act as one */
            ptrvec_push(&lhs_vars, obj);
        }
        ck_stmt_list(ck, inner, clause->body);
        ck_close_scope(ck);
    }

    if (lhs) {
        bool used = false;
        for (uint32_t i = 0; i < lhs_vars.len; i++) {
            TyObject *v = lhs_vars.data[i];
            if (v->flags & TY_OF_USED)
                used = true;
            v->flags |= TY_OF_USED; /* no second report by usage() */
        }
        if (!used)
            ck_softf(ck, lhs->n.pos, "%s declared and not used", lhs->value->name);
    }
    ptrvec_free(&lhs_vars);
    ptrvec_free(&seen);
}

/* ---- select ------------------------------------------------------------------------- */

static bool is_recv(SynNode *x)
{
    x = syn_unparen(x);
    return x->kind == SYN_OPERATION && x->op == SYN_RECV && !((SynOperation *)x)->y;
}

static void select_stmt(Checker *ck, unsigned inner, SynSelectStmt *s)
{
    multiple_defaults(ck, s->body);
    for (uint32_t i = 0; i < s->body.len; i++) {
        SynCommClause *clause = (SynCommClause *)s->body.items[i];
        if (!clause)
            continue;
        /* the comm must be a send, a receive (possibly with assignment), or
         * nothing (default) */
        bool valid = false;
        SynNode *rhs = NULL;
        SynNode *comm = clause->comm;
        if (!comm || comm->kind == SYN_SEND_STMT) {
            valid = true;
        } else if (comm->kind == SYN_ASSIGN_STMT) {
            SynAssignStmt *as = (SynAssignStmt *)comm;
            if (as->rhs && as->rhs->kind != SYN_LIST_EXPR)
                rhs = as->rhs;
        } else if (comm->kind == SYN_EXPR_STMT) {
            rhs = ((SynExprStmt *)comm)->x;
        }
        if (rhs && is_recv(rhs))
            valid = true;
        if (!valid) {
            ck_error(ck, ck_at(comm), "select case must be send or receive (possibly with assignment)");
            continue;
        }
        ck_open_scope(ck, &clause->n, "case");
        if (comm)
            ck_stmt(ck, inner, comm);
        ck_stmt_list(ck, inner, clause->body);
        ck_close_scope(ck);
    }
}

/* ---- return ------------------------------------------------------------------------- */

static void return_stmt(Checker *ck, SynReturnStmt *s)
{
    TyTuple *res = ck->e.sig ? ck->e.sig->results : NULL;
    uint32_t nres = res ? res->len : 0;
    uint32_t n;
    SynNode **results = syn_unpack_list(&s->results, &n);
    if (n == 0 && nres > 0 && res->vars[0]->name && res->vars[0]->name->len > 0) {
        /* named results: a bare return returns them, which is not allowed
         * where another entity of the same name shadows one (spec:
         * implementation restriction) */
        for (uint32_t i = 0; i < nres; i++) {
            TyObject *obj = res->vars[i];
            TyObject *alt = ck_lookup(ck, obj->name);
            if (alt && alt != obj)
                error2(ck, ck_at(&s->n), ck_sprintf(ck, "result parameter %s not in scope at return", obj->name->name),
                       alt->pos, ck_sprintf(ck, "inner declaration of %s", ck_objstr(ck, obj)));
        }
        return;
    }
    ck_init_vars(ck, nres > 0 ? res->vars : NULL, nres, results, n, &s->n);
}

/* ---- assignments ------------------------------------------------------------------- */

static void assign_stmt(Checker *ck, SynAssignStmt *s)
{
    if (!s->rhs) {
        /* x++ or x-- (the lhs is single-valued) */
        Operand x;
        memset(&x, 0, sizeof x);
        ck_expr(ck, NULL, &x, s->lhs);
        if (x.mode == TY_MODE_INVALID)
            return;
        if (!ty_all_basic_info(x.type, TY_IS_NUMERIC)) {
            const char *op = syn_op_string((SynOp)s->n.op);
            ck_errorf(ck, ck_at(s->lhs), "invalid operation: %s%s%s (non-numeric type %s)", ck_estr(ck, s->lhs), op, op,
                      ck_tstr(ck, x.type));
            return;
        }
        ck_assign_var(ck, s->lhs, NULL, &x, "assignment");
        return;
    }

    uint32_t nl, nr;
    SynNode **lhs = syn_unpack_list(&s->lhs, &nl);
    SynNode **rhs = syn_unpack_list(&s->rhs, &nr);
    switch (s->n.op) {
    case SYN_OP_NONE:
        ck_assign_vars(ck, lhs, nl, rhs, nr);
        return;
    case SYN_DEF:
        ck_short_var_decl(ck, &s->n, lhs, nl, rhs, nr);
        return;
    default:
        break;
    }
    /* assignment operations */
    if (nl != 1 || nr != 1) {
        ck_errorf(ck, ck_at(&s->n), "assignment operation %s requires single-valued expressions",
                  syn_op_string((SynOp)s->n.op));
        return;
    }
    Operand x;
    memset(&x, 0, sizeof x);
    ck_binary(ck, &x, NULL, lhs[0], rhs[0], (SynOp)s->n.op);
    ck_assign_var(ck, lhs[0], NULL, &x, "assignment");
}

/* ---- statements ---------------------------------------------------------------------- */

static void cond_expr(Checker *ck, SynNode *cond, const char *what)
{
    Operand x;
    memset(&x, 0, sizeof x);
    ck_expr(ck, NULL, &x, cond);
    if (x.mode != TY_MODE_INVALID && !ty_all_basic_info(x.type, TY_IS_BOOLEAN))
        ck_errorf(ck, ck_at(cond), "non-boolean condition in %s statement", what);
}

static void for_stmt(Checker *ck, unsigned inner, SynForStmt *s)
{
    if (s->init && s->init->kind == SYN_RANGE_CLAUSE) {
        ck_range_stmt(ck, inner, s, (SynRangeClause *)s->init);
        return;
    }
    ck_open_scope(ck, &s->n, "for");
    simple_stmt(ck, s->init);
    if (s->cond)
        cond_expr(ck, s->cond, "for");
    simple_stmt(ck, s->post);
    /* spec: "The init statement may be a short variable declaration, but
     * the post statement must not."  The parser reported it; avoid
     * follow-on errors. */
    if (s->post && s->post->kind == SYN_ASSIGN_STMT && s->post->op == SYN_DEF)
        ck_use(ck, &((SynAssignStmt *)s->post)->lhs, 1);
    ck_stmt(ck, inner, &s->body->n);
    ck_close_scope(ck);
}

static void stmt(Checker *ck, unsigned ctxt, SynNode *s)
{
    /* context of the statements of inner blocks */
    unsigned inner = ctxt & ~(unsigned)(CK_FALLTHROUGH_OK | CK_FINAL_SWITCH_CASE | CK_IN_TYPE_SWITCH);

    switch (s->kind) {
    case SYN_EMPTY_STMT:
        break;

    case SYN_DECL_STMT:
        ck_decl_stmt(ck, ((SynDeclStmt *)s)->decls);
        break;

    case SYN_LABELED_STMT:
        ck->e.has_label = true;
        ck_stmt(ck, ctxt, ((SynLabeledStmt *)s)->stmt);
        break;

    case SYN_EXPR_STMT: {
        /* spec: "With the exception of specific built-in functions, function
         * and method calls and receive operations can appear in statement
         * context.  Such statements may be parenthesized." */
        Operand x;
        memset(&x, 0, sizeof x);
        ExprKind kind = ck_raw_expr(ck, NULL, &x, ((SynExprStmt *)s)->x, NULL, false);
        const char *msg;
        switch (x.mode) {
        case TY_MODE_BUILTIN:
            msg = "must be called";
            break;
        case TY_MODE_TYPEXPR:
            msg = "is not an expression";
            break;
        default:
            if (kind == EK_STATEMENT)
                return;
            msg = "is not used";
            break;
        }
        ck_errorf(ck, ck_operand_pos(&x), "%s %s", ck_ostr(ck, &x), msg);
        break;
    }

    case SYN_SEND_STMT: {
        SynSendStmt *ss = (SynSendStmt *)s;
        Operand ch, val;
        memset(&ch, 0, sizeof ch);
        memset(&val, 0, sizeof val);
        ck_expr(ck, NULL, &ch, ss->chan);
        ck_expr(ck, NULL, &val, ss->value);
        if (ch.mode == TY_MODE_INVALID || val.mode == TY_MODE_INVALID)
            return;
        TyType *elem = ck_chan_elem(ck, ck_at(s), &ch, false);
        if (elem)
            ck_assignment(ck, &val, elem, "send");
        break;
    }

    case SYN_ASSIGN_STMT:
        assign_stmt(ck, (SynAssignStmt *)s);
        break;

    case SYN_CALL_STMT:
        suspended_call(ck, s->op == SYN_DEFER ? "defer" : "go", ((SynCallStmt *)s)->call);
        break;

    case SYN_RETURN_STMT:
        return_stmt(ck, (SynReturnStmt *)s);
        break;

    case SYN_BRANCH_STMT:
        /* Labeled branches are resolved by labels.c; misplaced branches are
         * reported by gc's parser (types2 IgnoreBranchErrors). */
        if (((SynBranchStmt *)s)->label)
            ck->e.has_label = true;
        break;

    case SYN_BLOCK_STMT:
        ck_open_scope(ck, s, "block");
        ck_stmt_list(ck, inner, ((SynBlockStmt *)s)->list);
        ck_close_scope(ck);
        break;

    case SYN_IF_STMT: {
        SynIfStmt *is = (SynIfStmt *)s;
        ck_open_scope(ck, s, "if");
        simple_stmt(ck, is->init);
        cond_expr(ck, is->cond, "if");
        ck_stmt(ck, inner, &is->then->n);
        if (is->els) {
            if (is->els->kind == SYN_IF_STMT || is->els->kind == SYN_BLOCK_STMT)
                ck_stmt(ck, inner, is->els);
            else
                ck_error(ck, ck_at(is->els), "invalid syntax tree: invalid else branch in if statement");
        }
        ck_close_scope(ck);
        break;
    }

    case SYN_SWITCH_STMT: {
        SynSwitchStmt *ss = (SynSwitchStmt *)s;
        inner |= CK_BREAK_OK;
        ck_open_scope(ck, s, "switch");
        simple_stmt(ck, ss->init);
        if (ss->tag && ss->tag->kind == SYN_TYPE_SWITCH_GUARD)
            type_switch_stmt(ck, inner | CK_IN_TYPE_SWITCH, ss, (SynTypeSwitchGuard *)ss->tag);
        else
            switch_stmt(ck, inner, ss);
        ck_close_scope(ck);
        break;
    }

    case SYN_SELECT_STMT:
        select_stmt(ck, inner | CK_BREAK_OK, (SynSelectStmt *)s);
        break;

    case SYN_FOR_STMT:
        for_stmt(ck, inner | CK_BREAK_OK | CK_CONTINUE_OK, (SynForStmt *)s);
        break;

    default:
        ck_error(ck, ck_at(s), "invalid syntax tree: invalid statement");
        break;
    }
}

void ck_stmt(Checker *ck, unsigned ctxt, SynNode *s)
{
    /* function literals collected in s are checked once s is done (types2
     * processes them before the scope changes again) */
    uint32_t top = ck->delayed.len;
    stmt(ck, ctxt, s);
    ck_process_delayed(ck, top);
}
