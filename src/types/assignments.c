/*
 * Initialization and assignment checks (types2 assignments.go): values
 * assigned to typed or blank targets (with untyped values converted),
 * constant and variable initialization, n:n and n:1 assignments including
 * comma-ok forms and multi-valued calls, return statements, and short
 * variable declarations.
 */
#include "check.h"

#include <string.h>


/* types2 isValid treats a missing (nil) type as valid: only the Invalid
 * type is invalid. */
static bool valid_or_nil(TyType *t) { return !t || ty_is_valid(t); }

/* a type for messages; "<nil>" for a missing type as fmt prints it */
static const char *tstr(Checker *ck, TyType *t) { return t ? ck_tstr(ck, t) : "<nil>"; }

void ck_assignment(Checker *ck, Operand *x, TyType *T, const char *context)
{
    TyEnv *env = ck->env;
    ck_single_value(ck, x);

    switch (x->mode) {
    case TY_MODE_INVALID:
        return; /* reported before */
    case TY_MODE_NILVALUE:
    case TY_MODE_CONSTANT:
    case TY_MODE_VARIABLE:
    case TY_MODE_MAPINDEX:
    case TY_MODE_VALUE:
    case TY_MODE_COMMAOK:
    case TY_MODE_COMMAERR:
        break;
    default:
        /* possible after other errors (go.dev/issue/39634) */
        ck_errorf(ck, ck_operand_pos(x), "cannot assign %s to %s in %s", ck_ostr(ck, x), tstr(ck, T), context);
        x->mode = TY_MODE_INVALID;
        return;
    }

    if (ty_is_untyped(x->type)) {
        TyType *target = T;
        /* an untyped constant assigned to an interface or the blank
         * identifier gets its default type first; untyped nil needs a
         * typed target */
        if (ck_operand_is_nil(ck, x)) {
            if (!T) {
                ck_errorf(ck, ck_operand_pos(x), "use of untyped nil in %s", context);
                x->mode = TY_MODE_INVALID;
                return;
            }
        } else if (!T || ty_is_interface(T)) {
            target = ty_default_type(env, x->type);
        }
        TyConst val;
        int code = 0;
        TyType *t = ck_implicit_type_and_value(ck, x, target, &val, &code);
        if (code) {
            const char *suffix = code == CK_TRUNCATED_FLOAT ? " (truncated)"
                                 : code == CK_NUMERIC_OVERFLOW ? " (overflows)" : "";
            ck_errorf(ck, ck_operand_pos(x), "cannot use %s as %s value in %s%s", ck_ostr(ck, x),
                      tstr(ck, target), context, suffix);
            x->mode = TY_MODE_INVALID;
            return;
        }
        if (!ty_const_is_unknown(val)) {
            x->val = val;
            ck_update_expr_val(ck, x->expr, val);
        }
        if (t != x->type) {
            x->type = t;
            ck_update_expr_type(ck, x->expr, t, false);
        }
    }
    /* x is typed */

    /* an uninstantiated generic function cannot be assigned */
    TySignature *sig = ty_as_signature(x->type);
    if (sig && sig->tparams.len > 0) {
        ck_errorf(ck, ck_operand_pos(x), "cannot use generic function %s without instantiation in %s",
                  ck_ostr(ck, x), context);
        x->mode = TY_MODE_INVALID;
        return;
    }

    /* anything typed (or non-constant) may be assigned to _ */
    if (!T)
        return;

    const char *cause = "";
    if (!ck_assignable_to(ck, x, T, &cause)) {
        if (cause && cause[0])
            ck_errorf(ck, ck_operand_pos(x), "cannot use %s as %s value in %s: %s", ck_ostr(ck, x), ck_tstr(ck, T),
                      context, cause);
        else
            ck_errorf(ck, ck_operand_pos(x), "cannot use %s as %s value in %s", ck_ostr(ck, x), ck_tstr(ck, T),
                      context);
        x->mode = TY_MODE_INVALID;
    }
}

void ck_init_const(Checker *ck, TyObject *lhs, Operand *x)
{
    TyEnv *env = ck->env;
    if (x->mode == TY_MODE_INVALID || !valid_or_nil(x->type) || !valid_or_nil(lhs->type)) {
        if (!lhs->type)
            lhs->type = ty_typ(env, TY_INVALID);
        return;
    }
    /* the initializer must be constant */
    if (x->mode != TY_MODE_CONSTANT) {
        ck_errorf(ck, ck_operand_pos(x), "%s is not constant", ck_ostr(ck, x));
        if (!lhs->type)
            lhs->type = ty_typ(env, TY_INVALID);
        return;
    }
    /* without a declared type the constant gets the initializer's */
    if (!lhs->type)
        lhs->type = x->type;
    ck_assignment(ck, x, lhs->type, "constant declaration");
    if (x->mode == TY_MODE_INVALID)
        return;
    lhs->u.val = x->val;
}

TyType *ck_init_var(Checker *ck, TyObject *lhs, Operand *x, const char *context)
{
    TyEnv *env = ck->env;
    if (x->mode == TY_MODE_INVALID || !valid_or_nil(x->type) || !valid_or_nil(lhs->type)) {
        if (!lhs->type)
            lhs->type = ty_typ(env, TY_INVALID);
        x->mode = TY_MODE_INVALID;
        return lhs->type;
    }
    /* without a declared type the variable gets the (default) type of
     * the initializer */
    if (!lhs->type) {
        TyType *typ = x->type;
        if (ty_is_untyped(typ)) {
            if (typ == ty_typ(env, TY_UNTYPED_NIL)) {
                ck_errorf(ck, ck_operand_pos(x), "use of untyped nil in %s", context);
                lhs->type = ty_typ(env, TY_INVALID);
                x->mode = TY_MODE_INVALID;
                return lhs->type;
            }
            typ = ty_default_type(env, typ);
        }
        lhs->type = typ;
    }
    ck_assignment(ck, x, lhs->type, context);
    return lhs->type;
}

TyType *ck_lhs_var(Checker *ck, SynNode *lhs)
{
    SynNode *u = syn_unparen(lhs);
    SynName *ident = u->kind == SYN_NAME ? (SynName *)u : NULL;

    /* the blank identifier is not evaluated */
    if (ident && ident->value == ck->sym_blank) {
        ck_record_def(ck, ident, NULL);
        return NULL;
    }

    /* assigning to a variable is not a use of it: restore its mark after
     * evaluating the lhs (only for this package's variables: others are
     * shared with other checks) */
    TyObject *v = NULL;
    bool used = false;
    if (ident) {
        TyObject *obj = ck_lookup(ck, ident->value);
        if (obj && obj->kind == TY_OBJ_VAR && obj->pkg == ck->pkg) {
            v = obj;
            used = (v->flags & TY_OF_USED) != 0;
        }
    }

    Operand x;
    memset(&x, 0, sizeof x);
    ck_expr(ck, NULL, &x, lhs);

    if (v) {
        if (used)
            v->flags |= TY_OF_USED;
        else
            v->flags &= (uint8_t)~TY_OF_USED;
    }

    if (x.mode == TY_MODE_INVALID || !ty_is_valid(x.type))
        return ty_typ(ck->env, TY_INVALID);

    /* addressable, a map index expression, or _ */
    switch (x.mode) {
    case TY_MODE_VARIABLE:
    case TY_MODE_MAPINDEX:
        break;
    default:
        if (x.expr && x.expr->kind == SYN_SELECTOR_EXPR) {
            Operand op;
            memset(&op, 0, sizeof op);
            ck_expr(ck, NULL, &op, ((SynSelectorExpr *)x.expr)->x);
            if (op.mode == TY_MODE_MAPINDEX) {
                ck_errorf(ck, ck_operand_pos(&x), "cannot assign to struct field %s in map", ck_estr(ck, x.expr));
                return ty_typ(ck->env, TY_INVALID);
            }
        }
        ck_errorf(ck, ck_operand_pos(&x), "cannot assign to %s (neither addressable nor a map index expression)",
                  ck_estr(ck, x.expr));
        return ty_typ(ck->env, TY_INVALID);
    }
    return x.type;
}

void ck_assign_var(Checker *ck, SynNode *lhs, SynNode *rhs, Operand *x, const char *context)
{
    TyType *T = ck_lhs_var(ck, lhs); /* NULL for _ */
    if (!valid_or_nil(T)) {
        if (x)
            x->mode = TY_MODE_INVALID;
        else
            ck_use(ck, &rhs, 1);
        return;
    }
    Operand y;
    if (!x) {
        Target tbuf, *target = NULL;
        if (T && ty_as_signature(T))
            target = ck_new_target(&tbuf, T, ck_estr(ck, lhs));
        memset(&y, 0, sizeof y);
        x = &y;
        ck_expr(ck, target, x, rhs);
    }
    if (!T && strcmp(context, "assignment") == 0)
        context = "assignment to _ identifier";
    ck_assignment(ck, x, T, context);
}

/* ---- messages ----------------------------------------------------------------------------- */

const char *ck_types_summary(Checker *ck, TyType **list, uint32_t n, bool variadic, bool has_dots)
{
    Buf b = {0};
    buf_putc(&b, '(');
    for (uint32_t i = 0; i < n; i++) {
        TyType *t = list[i];
        const char *s;
        if (!t || !ty_is_valid(t)) {
            s = "unknown type";
        } else if (ty_is_untyped(t)) {
            /* "number" rather than a specific type requirement; otherwise
             * drop "untyped " for compactness */
            if (ty_is_numeric(t)) {
                s = "number";
            } else {
                s = TY_AS(TyBasic, t)->name;
                if (strncmp(s, "untyped ", 8) == 0)
                    s += 8;
            }
        } else {
            s = ck_tstr(ck, t);
        }
        if (i > 0)
            buf_puts(&b, ", ");
        if (i == n - 1 && variadic) {
            /* the parameter is a slice in correct code */
            TyType *u = ty_unalias(t);
            if (u && u->kind == TY_SLICE)
                s = ck_tstr(ck, TY_AS(TySlice, u)->elem);
            buf_puts(&b, "...");
            buf_puts(&b, s);
        } else {
            buf_puts(&b, s);
            if (i == n - 1 && has_dots)
                buf_puts(&b, "...");
        }
    }
    buf_putc(&b, ')');
    const char *r = arena_strndup(&ck->tmp, buf_str(&b), b.len);
    buf_free(&b);
    return r;
}

static const char *measure(Checker *ck, uint32_t x, const char *unit)
{
    return ck_sprintf(ck, "%u %s%s", x, unit, x != 1 ? "s" : "");
}

static void assign_error(Checker *ck, SynNode **rhs, uint32_t nrhs, uint32_t l, uint32_t r)
{
    const char *vars = measure(ck, l, "variable"), *vals = measure(ck, r, "value");
    SynNode *rhs0 = rhs[0];
    if (nrhs == 1) {
        SynNode *call = syn_unparen(rhs0);
        if (call->kind == SYN_CALL_EXPR) {
            ck_errorf(ck, ck_at(rhs0), "assignment mismatch: %s but %s returns %s", vars,
                      ck_estr(ck, ((SynCallExpr *)call)->fun), vals);
            return;
        }
    }
    ck_errorf(ck, ck_at(rhs0), "assignment mismatch: %s but %s", vars, vals);
}

static void return_error(Checker *ck, SynNode *ret, TyObject **lhs, uint32_t l, Operand *rhs, uint32_t r)
{
    Pos pos = ck_at(ret);
    const char *qualifier = "not enough";
    if (r > l) {
        pos = ck_operand_pos(&rhs[l]); /* at the first extra value */
        qualifier = "too many";
    } else if (r > 0) {
        pos = ck_operand_pos(&rhs[r - 1]); /* at the last value */
    }
    TyType **have = ARENA_ARRAY(&ck->tmp, TyType *, r + 1);
    for (uint32_t i = 0; i < r; i++)
        have[i] = rhs[i].type;
    TyType **want = ARENA_ARRAY(&ck->tmp, TyType *, l + 1);
    for (uint32_t i = 0; i < l; i++)
        want[i] = lhs[i]->type;
    ck_errorf(ck, pos, "%s return values\n\thave %s\n\twant %s", qualifier,
              ck_types_summary(ck, have, r, false, false), ck_types_summary(ck, want, l, false, false));
}

/* ---- initialization and assignment ---------------------------------------------------------- */

static bool is_single_call(SynNode **rhs, uint32_t nrhs)
{
    return nrhs == 1 && syn_unparen(rhs[0])->kind == SYN_CALL_EXPR;
}

static void ensure_types(Checker *ck, TyObject **lhs, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (!lhs[i]->type)
            lhs[i]->type = ty_typ(ck->env, TY_INVALID);
}

void ck_init_vars(Checker *ck, TyObject **lhs, uint32_t l, SynNode **orig_rhs, uint32_t r, SynNode *return_stmt)
{
    const char *context = return_stmt ? "return statement" : "assignment";

    /* n:n: each value is assigned to its variable.  A single call on the
     * rhs is not handled this way, for a better error message. */
    if (l == r && !is_single_call(orig_rhs, r)) {
        for (uint32_t i = 0; i < l; i++) {
            Operand x;
            memset(&x, 0, sizeof x);
            const char *desc = lhs[i]->name->name;
            if (return_stmt && !desc[0])
                desc = "result variable";
            Target tbuf;
            ck_expr(ck, ck_new_target(&tbuf, lhs[i]->type, desc), &x, orig_rhs[i]);
            ck_init_var(ck, lhs[i], &x, context);
        }
        return;
    }

    /* otherwise the rhs must be a single expression with 2 or more values */
    if (r != 1) {
        /* report a mismatch only if there are no other errors on the rhs */
        if (ck_use(ck, orig_rhs, r)) {
            if (return_stmt) {
                Operand *rhs;
                uint32_t n = ck_expr_list(ck, orig_rhs, r, &rhs);
                return_error(ck, return_stmt, lhs, l, rhs, n);
            } else {
                assign_error(ck, orig_rhs, r, l, r);
            }
        }
        ensure_types(ck, lhs, l);
        return;
    }

    Operand *rhs;
    bool comma_ok = false;
    r = ck_multi_expr(ck, orig_rhs[0], l == 2 && !return_stmt, &rhs, &comma_ok);
    if (l == r) {
        for (uint32_t i = 0; i < l; i++)
            ck_init_var(ck, lhs[i], &rhs[i], context);
        /* record the comma-ok form only if both initializations succeeded
         * (go.dev/issue/59371) */
        if (comma_ok && rhs[0].mode != TY_MODE_INVALID && rhs[1].mode != TY_MODE_INVALID)
            ck_record_comma_ok_types(ck, orig_rhs[0], rhs);
        return;
    }

    /* a mismatch; reported only if there are no other errors on the rhs */
    if (rhs[0].mode != TY_MODE_INVALID) {
        if (return_stmt)
            return_error(ck, return_stmt, lhs, l, rhs, r);
        else
            assign_error(ck, orig_rhs, 1, l, r);
    }
    ensure_types(ck, lhs, l);
}

void ck_assign_vars(Checker *ck, SynNode **lhs, uint32_t l, SynNode **orig_rhs, uint32_t r)
{
    /* n:n (but not for a single call, for a better error message) */
    if (l == r && !is_single_call(orig_rhs, r)) {
        for (uint32_t i = 0; i < l; i++)
            ck_assign_var(ck, lhs[i], orig_rhs[i], NULL, "assignment");
        return;
    }

    if (r != 1) {
        /* report a mismatch only if there are no other errors */
        bool ok_lhs = ck_use_lhs(ck, lhs, l);
        bool ok_rhs = ck_use(ck, orig_rhs, r);
        if (ok_lhs && ok_rhs)
            assign_error(ck, orig_rhs, r, l, r);
        return;
    }

    Operand *rhs;
    bool comma_ok = false;
    r = ck_multi_expr(ck, orig_rhs[0], l == 2, &rhs, &comma_ok);
    if (l == r) {
        for (uint32_t i = 0; i < l; i++)
            ck_assign_var(ck, lhs[i], NULL, &rhs[i], "assignment");
        /* only if both assignments succeeded (go.dev/issue/59371) */
        if (comma_ok && rhs[0].mode != TY_MODE_INVALID && rhs[1].mode != TY_MODE_INVALID)
            ck_record_comma_ok_types(ck, orig_rhs[0], rhs);
        return;
    }

    if (rhs[0].mode != TY_MODE_INVALID)
        assign_error(ck, orig_rhs, 1, l, r);
    ck_use_lhs(ck, lhs, l);
    /* orig_rhs[0] was evaluated already */
}

void ck_short_var_decl(Checker *ck, SynNode *pos_node, SynNode **lhs, uint32_t nlhs, SynNode **rhs, uint32_t nrhs)
{
    TyEnv *env = ck->env;
    uint32_t top = ck->delayed.len;
    TyScope *scope = ck->e.scope;

    TyObject **lhs_vars = ARENA_ARRAY(&ck->tmp, TyObject *, nlhs + 1);
    TyObject **new_vars = ARENA_ARRAY(&ck->tmp, TyObject *, nlhs + 1);
    const Sym **seen = ARENA_ARRAY(&ck->tmp, const Sym *, nlhs + 1);
    uint32_t nnew = 0, nseen = 0;
    bool has_err = false;

    for (uint32_t i = 0; i < nlhs; i++) {
        SynNode *e = lhs[i];
        if (e->kind != SYN_NAME) {
            ck_use_lhs(ck, &e, 1);
            ck_errorf(ck, ck_at(e), "non-name %s on left side of :=", ck_estr(ck, e));
            has_err = true;
            continue;
        }
        SynName *ident = (SynName *)e;
        const Sym *name = ident->value;
        if (name != ck->sym_blank) {
            bool dup = false;
            for (uint32_t j = 0; j < nseen; j++)
                if (seen[j] == name)
                    dup = true;
            if (dup) {
                ck_errorf(ck, ck_at(e), "%s repeated on left side of :=", ck_estr(ck, e));
                has_err = true;
                continue;
            }
            seen[nseen++] = name;
        }

        /* a redeclared variable: its scope starts after the declaration, so
         * look in this scope only now and insert new ones later */
        TyObject *alt = ty_scope_lookup(scope, name);
        if (alt) {
            ck_record_use(ck, ident, alt);
            if (alt->kind == TY_OBJ_VAR) {
                lhs_vars[i] = alt;
            } else {
                ck_errorf(ck, ck_at(e), "cannot assign to %s", ck_estr(ck, e));
                has_err = true;
            }
            continue;
        }

        TyObject *obj = ty_new_var(env, TY_LOCAL_VAR, ident->n.pos, ck->pkg, name, NULL);
        lhs_vars[i] = obj;
        if (name != ck->sym_blank)
            new_vars[nnew++] = obj;
        ck_record_def(ck, ident, obj);
    }

    /* dummy variables for invalid lhs expressions */
    for (uint32_t i = 0; i < nlhs; i++)
        if (!lhs_vars[i])
            lhs_vars[i] = ty_new_var(env, TY_LOCAL_VAR, lhs[i]->pos, ck->pkg, ck->sym_blank, NULL);

    ck_init_vars(ck, lhs_vars, nlhs, rhs, nrhs, NULL);

    /* function literals in the rhs are checked before the scope changes */
    ck_process_delayed(ck, top);

    if (nnew == 0 && !has_err) {
        ck_softf(ck, pos_node->pos, "no new variables on left side of :=");
        return;
    }

    /* the new variables' scopes begin at the end of the declaration */
    Pos scopepos = nrhs ? syn_end_pos(rhs[nrhs - 1]) : pos_node->pos;
    for (uint32_t i = 0; i < nnew; i++)
        ck_declare(ck, scope, NULL, new_vars[i], scopepos);
}
