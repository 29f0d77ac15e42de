/*
 * Range statements (types2 range.go): what may be ranged over, with which
 * key and value types, and the declaration of (or assignment to) the
 * iteration variables.
 *
 * Type parameters are ranged over through their type set's common
 * underlying type (ck_common_under).
 */
#include "check.h"

#include <string.h>

/* ---- range clauses ------------------------------------------------------------------ */

/* types2 arrayPtrDeref: *[N]T -> [N]T, anything else unchanged */
static TyType *array_ptr_deref(TyType *t)
{
    TyType *p = ty_unalias(t);
    if (p && p->kind == TY_POINTER) {
        TyType *a = ty_under(TY_AS(TyPointer, p)->base);
        if (a && a->kind == TY_ARRAY)
            return a;
    }
    return t;
}

static const char *recv_cond(Checker *ck, void *ud, TyType *t, TyType *u)
{
    (void)ud;
    /* a channel must permit receive operations */
    if (u && u->kind == TY_CHAN && TY_AS(TyChan, u)->dir == TY_SEND_ONLY)
        return ck_sprintf(ck, "receive from send-only channel %s", ck_tstr(ck, t));
    return NULL;
}

/* The key and value types of ranging over orig (types2 rangeKeyVal); NULL
 * for absent ones.  Returns false (with a cause, or NULL) if orig cannot
 * be ranged over. */
static bool range_key_val(Checker *ck, TyType *orig, TyType **key, TyType **val, const char **cause,
                          bool *version_err)
{
    *version_err = false;
    TyEnv *env = ck->env;
    *key = *val = NULL;
    *cause = NULL;
    const char *err = NULL;
    TyType *rtyp = ck_common_under(ck, orig, recv_cond, NULL, &err);
    if (!rtyp) {
        *key = *val = ty_typ(env, TY_INVALID);
        *cause = err;
        return false;
    }
    TyType *typ = array_ptr_deref(rtyp);
    const char *bad = NULL;
    switch (typ->kind) {
    case TY_BASIC:
        if (ty_is_string(typ)) {
            *key = ty_typ(env, TY_INT);
            *val = ty_typ(env, TY_RUNE); /* the 'rune' name */
            return true;
        }
        if (ty_is_integer(typ)) {
            if (!ck_allow_version(ck, 22)) {
                bad = "requires go1.22 or later";
                *version_err = true;
                break;
            }
            *key = orig;
            return true;
        }
        return false;
    case TY_ARRAY:
        *key = ty_typ(env, TY_INT);
        *val = TY_AS(TyArray, typ)->elem;
        return true;
    case TY_SLICE:
        *key = ty_typ(env, TY_INT);
        *val = TY_AS(TySlice, typ)->elem;
        return true;
    case TY_MAP:
        *key = TY_AS(TyMap, typ)->key;
        *val = TY_AS(TyMap, typ)->elem;
        return true;
    case TY_CHAN:
        *key = TY_AS(TyChan, typ)->elem;
        return true;
    case TY_SIGNATURE: {
        TySignature *sig = TY_AS(TySignature, typ);
        if (!ck_allow_version(ck, 23)) {
            bad = "requires go1.23 or later";
            *version_err = true;
            break;
        }
        if (sig->params->len != 1) {
            bad = "func must be func(yield func(...) bool): wrong argument count";
            break;
        }
        if (sig->results->len != 0) {
            bad = "func must be func(yield func(...) bool): unexpected results";
            break;
        }
        const char *uerr = NULL;
        TyType *u = ck_common_under(ck, sig->params->vars[0]->type, NULL, NULL, &uerr);
        TySignature *cb = u && u->kind == TY_SIGNATURE ? TY_AS(TySignature, u) : NULL;
        if (!cb) {
            if (uerr)
                bad = ck_sprintf(ck, "func must be func(yield func(...) bool): in yield type, %s", uerr);
            else
                bad = "func must be func(yield func(...) bool): argument is not func";
            break;
        }
        if (cb->params->len > 2) {
            bad = "func must be func(yield func(...) bool): yield func has too many parameters";
            break;
        }
        if (cb->results->len != 1 || !ty_identical(cb->results->vars[0]->type, ty_typ(env, TY_BOOL))) {
            /* go.dev/issues/71131, go.dev/issues/71164 */
            if (cb->results->len == 1 && ty_is_boolean(cb->results->vars[0]->type))
                bad = "func must be func(yield func(...) bool): yield func returns user-defined boolean, not bool";
            else
                bad = "func must be func(yield func(...) bool): yield func does not return bool";
            break;
        }
        if (cb->params->len >= 1)
            *key = cb->params->vars[0]->type;
        if (cb->params->len >= 2)
            *val = cb->params->vars[1]->type;
        return true;
    }
    default:
        return false;
    }
    *key = *val = ty_typ(env, TY_INVALID);
    *cause = bad;
    return false;
}

static bool is_int_type(TyType *t) { return t && ty_is_integer(t); }


void ck_range_stmt(Checker *ck, unsigned inner, SynForStmt *s, SynRangeClause *rc)
{
    TyEnv *env = ck->env;
    TyType *invalid = ty_typ(env, TY_INVALID);

    /* the iteration variables: key, value and (erroneous) extra */
    SynNode *skey = rc->lhs, *sval = NULL, *sextra = NULL;
    if (skey && skey->kind == SYN_LIST_EXPR) {
        SynListExpr *l = (SynListExpr *)skey;
        if (l->elems.len < 2) {
            ck_error(ck, syn_start_pos(&s->n), "invalid syntax tree: invalid lhs in range clause");
            return;
        }
        skey = l->elems.items[0];
        sval = l->elems.items[1];
        if (l->elems.len > 2)
            sextra = l->elems.items[2]; /* reported once more is known */
    }
    bool is_def = (rc->n.flags & SYN_F_DEF) != 0;
    SynNode *range_var = rc->x;

    /* spec: "The range expression x is evaluated before beginning the loop,
     * with one exception: if at most one iteration variable is present and
     * x or len(x) is constant, the range expression is not evaluated." */
    Operand x;
    memset(&x, 0, sizeof x);
    ck->e.has_call_or_recv = false;
    ck_expr(ck, NULL, &x, range_var);

    if (x.mode != TY_MODE_INVALID && !sval && !ck->e.has_call_or_recv) {
        TyType *t = array_ptr_deref(ty_under(x.type));
        if (t && t->kind == TY_ARRAY) {
            /* The range expression then counts as the constant len(x), so
             * that gc does not evaluate it; the constant goes on the
             * expression inside parentheses (go.dev/issue/73476). */
            while (range_var->kind == SYN_PAREN_EXPR)
                range_var = ((SynParenExpr *)range_var)->x;
            TyConst n = ty_const_int64(TY_AS(TyArray, t)->len);
            ck_record_type_and_value(ck, range_var, TY_MODE_CONSTANT, ty_typ(env, TY_INT), &n);
        }
    }

    TyType *key = NULL, *val = NULL;
    if (x.mode != TY_MODE_INVALID) {
        TyType *k, *v;
        const char *cause;
        bool version_err;
        bool ok = range_key_val(ck, x.type, &k, &v, &cause, &version_err);
        Pos xpos = syn_start_pos(x.expr);
        if (!ok && cause && version_err)
            ck_softf(ck, xpos, "cannot range over %s: %s", ck_ostr(ck, &x), cause);
        else if (!ok && cause)
            ck_softf(ck, xpos, "cannot range over %s: %s", ck_ostr(ck, &x), cause);
        else if (!ok)
            ck_softf(ck, xpos, "cannot range over %s", ck_ostr(ck, &x));
        else if (!k && skey)
            ck_softf(ck, syn_start_pos(skey), "range over %s permits no iteration variables", ck_ostr(ck, &x));
        else if (!v && sval)
            ck_softf(ck, syn_start_pos(sval), "range over %s permits only one iteration variable",
                     ck_ostr(ck, &x));
        else if (sextra)
            ck_softf(ck, syn_start_pos(sextra), "range clause permits at most two iteration variables");
        key = k;
        val = v;
    }

    /* The for statement's block opens after the range clause: iteration
     * variables declared with := belong to it (go.dev/issue/51437). */
    ck_open_scope(ck, &s->n, "range");

    SynNode *lhs[2] = {skey, sval};
    TyType *rhs[2] = {key, val};
    bool range_over_int = is_int_type(x.type);

    if (is_def) {
        TyObject *vars[2];
        uint32_t nvars = 0;
        for (int i = 0; i < 2; i++) {
            if (!lhs[i])
                continue;
            TyObject *obj;
            if (lhs[i]->kind == SYN_NAME) {
                SynName *ident = (SynName *)lhs[i];
                obj = ty_new_var(env, TY_LOCAL_VAR, ident->n.pos, ck->pkg, ident->value, NULL);
                ck_record_def(ck, ident, obj);
                /* _ variables don't count as new variables */
                if (ident->value != ck->sym_blank)
                    vars[nvars++] = obj;
            } else {
                ck_errorf(ck, syn_start_pos(lhs[i]), "invalid syntax tree: cannot declare %s", ck_estr(ck, lhs[i]));
                obj = ty_new_var(env, TY_LOCAL_VAR, lhs[i]->pos, ck->pkg, ck->sym_blank, NULL);
            }
            TyType *typ = rhs[i];
            if (!typ || typ == invalid) {
                /* (invalid when the version check failed) */
                obj->type = invalid;
                obj->flags |= TY_OF_USED; /* no "declared and not used" */
                continue;
            }
            if (range_over_int) {
                ck_init_var(ck, obj, &x, "range clause");
            } else {
                Operand y;
                memset(&y, 0, sizeof y);
                y.mode = TY_MODE_VALUE;
                y.expr = lhs[i]; /* there is no better rhs expression */
                y.type = typ;
                /* the error is on the variable: "assignment", not "range clause" */
                ck_init_var(ck, obj, &y, "assignment");
            }
        }
        if (nvars > 0) {
            Pos scopepos = s->body->n.pos;
            for (uint32_t i = 0; i < nvars; i++)
                ck_declare(ck, ck->e.scope, NULL, vars[i], scopepos); /* def recorded above */
        } else {
            ck_error(ck, syn_start_pos(&s->n), "no new variables on left side of :=");
        }
    } else if (skey) {
        /* ordinary assignment */
        for (int i = 0; i < 2; i++) {
            if (!lhs[i])
                continue;
            TyType *typ = rhs[i];
            if (!typ || typ == invalid)
                continue;
            if (range_over_int) {
                ck_assign_var(ck, lhs[i], NULL, &x, "range clause");
                /* an untyped x got its type from the assignment: it must be
                 * an integer (go.dev/issues/67027) */
                if (x.mode != TY_MODE_INVALID && !is_int_type(x.type))
                    ck_softf(ck, syn_start_pos(lhs[i]), "cannot use iteration variable of type %s",
                             ck_tstr(ck, x.type));
            } else {
                Operand y;
                memset(&y, 0, sizeof y);
                y.mode = TY_MODE_VALUE;
                y.expr = lhs[i];
                y.type = typ;
                ck_assign_var(ck, lhs[i], NULL, &y, "assignment");
            }
        }
    } else if (range_over_int) {
        /* Without iteration variables, a (possibly untyped) integer x must
         * still be valid: checking _ = x converts an untyped x to its
         * default type (rune or int). */
        ck_assignment(ck, &x, NULL, "range clause");
    }

    ck_stmt(ck, inner, &s->body->n);
    ck_close_scope(ck);
}
