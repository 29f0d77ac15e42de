/*
 * Expressions (types2 expr.go): the dispatch over expression kinds, unary
 * and binary operations, shifts and comparisons, and the machinery for
 * untyped values.
 *
 * Expressions are checked top down by ck_raw_expr, which records every
 * expression's type and value at the end.  Untyped expressions (constants,
 * comparisons, non-constant shifts of untyped constants) are not recorded
 * right away: their type may still change on the way up, when the value is
 * assigned or used.  They are remembered in ck->untyped; ck_update_expr_type
 * walks down an expression once its type is known and records the final
 * types (constant sub-expressions keep their untyped types; only roots are
 * converted).  Whatever is still untyped at the end of the package is
 * recorded with its untyped type (ck_record_untyped).
 *
 * Error positions follow types2: errors "at" an operand or expression are
 * reported at the start of the expression (syntax.StartPos).
 */
#include "check.h"

#include <string.h>


/* ---- type sets (types2 under.go) ------------------------------------------------------ */

typedef struct IsAdapter {
    bool (*f)(void *ud, TyType *t);
    void *ud;
} IsAdapter;

static bool is_adapter(void *ud, bool tilde, TyType *t)
{
    (void)tilde;
    IsAdapter *a = ud;
    return a->f(a->ud, t);
}

bool ck_tparam_is(Checker *ck, TyTypeParam *tp, bool (*f)(void *ud, TyType *t), void *ud)
{
    TyEnv *env = ck->env;
    TyTypeSet *ts = ty_interface_typeset(env, ty_typeparam_iface(env, tp));
    /* no specific terms (all types, or none at all): f(nil) */
    if (!ts || ty_typeset_is_empty(ts) || ty_typeset_is_all(ts))
        return f(ud, NULL);
    IsAdapter a = {f, ud};
    return ty_typeset_each_term(ts, is_adapter, &a);
}

typedef struct AllAdapter {
    bool (*f)(void *ud, TyType *t, TyType *u);
    void *ud;
} AllAdapter;

static bool all_adapter(void *ud, TyType *t)
{
    AllAdapter *a = ud;
    return a->f(a->ud, t, t ? ty_under(t) : NULL);
}

bool ck_typeset_all(Checker *ck, TyType *t, bool (*f)(void *ud, TyType *t, TyType *u), void *ud)
{
    TyTypeParam *tp = ty_as_typeparam(t);
    if (tp) {
        AllAdapter a = {f, ud};
        return ck_tparam_is(ck, tp, all_adapter, &a);
    }
    return f(ud, t, ty_under(t));
}

typedef struct CommonUnder {
    Checker *ck;
    CkTypeCond cond;
    void *ud;
    TyType *ct, *cu;   /* first type and the common underlying type */
    const char *err;
} CommonUnder;

static bool common_under_step(void *ud, TyType *t, TyType *u)
{
    CommonUnder *c = ud;
    Checker *ck = c->ck;
    if (c->cond) {
        const char *err = c->cond(ck, c->ud, t, u);
        if (err) {
            c->err = err;
            return false;
        }
    }
    if (!u) {
        c->err = "no specific type";
        return false;
    }
    if (!c->cu) {
        c->ct = t;
        c->cu = u;
        return true;
    }
    /* channels must agree on element types; the most restricted direction
     * wins, and send-only and receive-only conflict */
    if (c->cu->kind == TY_CHAN && u->kind == TY_CHAN) {
        TyChan *chu = TY_AS(TyChan, c->cu), *ch = TY_AS(TyChan, u);
        if (!ty_identical(chu->elem, ch->elem)) {
            c->err = ck_sprintf(ck, "channels %s and %s have different element types", ck_tstr(ck, c->ct),
                                ck_tstr(ck, t));
            return false;
        }
        if (chu->dir == ch->dir) {
            /* nothing to do */
        } else if (chu->dir == TY_SEND_RECV) {
            c->ct = t;
            c->cu = u;
        } else if (ch->dir != TY_SEND_RECV) {
            c->err = ck_sprintf(ck, "channels %s and %s have conflicting directions", ck_tstr(ck, c->ct),
                                ck_tstr(ck, t));
            return false;
        }
        return true;
    }
    if (!ty_identical(c->cu, u)) {
        c->err = ck_sprintf(ck, "%s and %s have different underlying types", ck_tstr(ck, c->ct), ck_tstr(ck, t));
        return false;
    }
    return true;
}

TyType *ck_common_under(Checker *ck, TyType *t, CkTypeCond cond, void *ud, const char **err)
{
    CommonUnder c = {ck, cond, ud, NULL, NULL, NULL};
    if (!ck_typeset_all(ck, t, common_under_step, &c)) {
        if (err)
            *err = c.err ? c.err : "";
        return NULL;
    }
    if (err)
        *err = NULL;
    return c.cu;
}

/* ---- predicates ---------------------------------------------------------------------- */

static bool all_info(TyType *t, unsigned info) { return ty_all_basic_info(t, info); }
static bool all_numeric(TyType *t) { return all_info(t, TY_IS_NUMERIC); }
static bool all_integer(TyType *t) { return all_info(t, TY_IS_INTEGER); }
static bool all_unsigned(TyType *t) { return all_info(t, TY_IS_UNSIGNED); }
static bool all_boolean(TyType *t) { return all_info(t, TY_IS_BOOLEAN); }
static bool all_string(TyType *t) { return all_info(t, TY_IS_STRING); }
static bool all_ordered(TyType *t) { return all_info(t, TY_IS_ORDERED); }
static bool all_numeric_or_string(TyType *t) { return all_info(t, TY_IS_NUMERIC | TY_IS_STRING); }

static bool is_untyped_numeric(TyType *t)
{
    return t && t->kind == TY_BASIC && (TY_AS(TyBasic, t)->info & TY_IS_UNTYPED) &&
           (TY_AS(TyBasic, t)->info & TY_IS_NUMERIC);
}

static bool is_pointer(TyType *t)
{
    TyType *u = ty_under(t);
    return u && u->kind == TY_POINTER;
}

/* the larger of two untyped types (types2 maxType), or NULL */
static TyType *max_type(TyType *x, TyType *y)
{
    if (x == y)
        return x;
    if (is_untyped_numeric(x) && is_untyped_numeric(y))
        return TY_AS(TyBasic, x)->bkind > TY_AS(TyBasic, y)->bkind ? x : y;
    return NULL;
}

static bool is_comparison(SynOp op)
{
    return op == SYN_EQL || op == SYN_NEQ || op == SYN_LSS || op == SYN_LEQ || op == SYN_GTR || op == SYN_GEQ;
}

static bool is_shift(SynOp op) { return op == SYN_SHL || op == SYN_SHR; }

static TyConstOp const_op(SynOp op)
{
    switch (op) {
    case SYN_NOT: return TY_OP_NOT;
    case SYN_OROR: return TY_OP_LOR;
    case SYN_ANDAND: return TY_OP_LAND;
    case SYN_EQL: return TY_OP_EQL;
    case SYN_NEQ: return TY_OP_NEQ;
    case SYN_LSS: return TY_OP_LSS;
    case SYN_LEQ: return TY_OP_LEQ;
    case SYN_GTR: return TY_OP_GTR;
    case SYN_GEQ: return TY_OP_GEQ;
    case SYN_ADD: return TY_OP_ADD;
    case SYN_SUB: return TY_OP_SUB;
    case SYN_OR: return TY_OP_OR;
    case SYN_XOR: return TY_OP_XOR;
    case SYN_MUL: return TY_OP_MUL;
    case SYN_DIV: return TY_OP_QUO;
    case SYN_REM: return TY_OP_REM;
    case SYN_AND: return TY_OP_AND;
    case SYN_ANDNOT: return TY_OP_AND_NOT;
    case SYN_SHL: return TY_OP_SHL;
    case SYN_SHR: return TY_OP_SHR;
    default: return (TyConstOp)0;
    }
}

/* The position of the operator of an operation, else the start of x
 * (types2 opPos). */
static Pos op_pos(const SynNode *x)
{
    if (!x)
        return NOPOS;
    if (x->kind == SYN_OPERATION)
        return x->pos;
    return syn_start_pos(x);
}

/* ---- versions ------------------------------------------------------------------------ */

bool ck_verify_version(Checker *ck, Pos pos, int minor, const char *what)
{
    if (ck_allow_version(ck, minor))
        return true;
    /* ck_error adds where the version came from */
    ck_errorf(ck, pos, "%s requires go1.%d or later", what, minor);
    return false;
}

/* ---- recording ------------------------------------------------------------------------- */

void ck_record_operand(Checker *ck, Operand *x)
{
    TyType *typ;
    const TyConst *val = NULL;
    switch (x->mode) {
    case TY_MODE_INVALID:
        typ = ty_typ(ck->env, TY_INVALID);
        break;
    case TY_MODE_NOVALUE:
        typ = NULL; /* go/types: (*Tuple)(nil) */
        break;
    case TY_MODE_CONSTANT:
        typ = x->type;
        val = &x->val;
        break;
    default:
        typ = x->type;
        break;
    }
    if (!x->expr)
        return;
    if (typ && ty_is_untyped(typ))
        /* the final type is not known yet */
        ck_remember_untyped(ck, x->expr, false, (TyMode)x->mode, TY_AS(TyBasic, typ), val);
    else
        ck_record_type_and_value(ck, x->expr, (TyMode)x->mode, typ, val);
}

void ck_update_expr_val(Checker *ck, SynNode *x, TyConst val)
{
    ExprInfo *info = x ? ptrmap_get(&ck->untyped, PMKEY(x)) : NULL;
    if (info)
        info->val = val;
}

void ck_update_expr_type(Checker *ck, SynNode *x, TyType *typ, bool final)
{
    if (!x)
        return;
    ExprInfo *old = ptrmap_get(&ck->untyped, PMKEY(x));
    if (!old)
        return;
    bool isconst = old->mode == TY_MODE_CONSTANT;

    /* update the operands of x as needed */
    switch (x->kind) {
    case SYN_CALL_EXPR:      /* untyped constant results (complex, ...): the
                                calls update their arguments themselves */
    case SYN_NAME:
    case SYN_BASIC_LIT:
    case SYN_SELECTOR_EXPR:  /* imported untyped constant */
        break;
    case SYN_PAREN_EXPR:
        ck_update_expr_type(ck, ((SynParenExpr *)x)->x, typ, final);
        break;
    case SYN_OPERATION: {
        SynOperation *e = (SynOperation *)x;
        /* the operands of constant expressions were constants: they are
         * never materialized and keep their untyped types */
        if (isconst)
            break;
        if (!e->y) {
            if (x->op == SYN_MUL)
                return;
            ck_update_expr_type(ck, e->x, typ, final);
            break;
        }
        if (is_comparison((SynOp)x->op)) {
            /* the result type does not depend on the operand types, which
             * have their final types already */
        } else if (is_shift((SynOp)x->op)) {
            /* the result type depends only on the lhs */
            ck_update_expr_type(ck, e->x, typ, final);
        } else {
            ck_update_expr_type(ck, e->x, typ, final);
            ck_update_expr_type(ck, e->y, typ, final);
        }
        break;
    }
    default:
        /* never untyped (composite and function literals, index
         * expressions, types ...) */
        return;
    }

    /* not final and still untyped: just update the recorded type */
    if (!final && ty_is_untyped(typ)) {
        old->type = TY_AS(TyBasic, ty_under(typ));
        return;
    }

    /* the final type: x is no longer untyped */
    ExprInfo info = *old;
    ptrmap_put(&ck->untyped, PMKEY(x), NULL);

    if (info.islhs) {
        /* the lhs of a shift must be an integer in the end; a constant
         * lhs is already known to be representable as an integer but must
         * fit the specific type (go.dev/issue/22969), below */
        if (!all_integer(typ)) {
            ck_errorf(ck, ck_at(x), "invalid operation: shifted operand %s (type %s) must be integer", ck_estr(ck, x),
                      ck_tstr(ck, typ));
            return;
        }
    }
    if (isconst) {
        /* a constant must be representable as a value of typ */
        Operand c = {info.mode, x, &info.type->t, info.val, 0};
        ck_convert_untyped(ck, &c, typ);
        if (c.mode == TY_MODE_INVALID)
            return;
    }
    ck_record_type_and_value(ck, x, (TyMode)info.mode, typ, &info.val);
}

/* ---- implicit conversions of untyped values -------------------------------------------- */

typedef struct ImplicitCtx {
    Checker *ck;
    Operand *x;
} ImplicitCtx;

static bool implicit_ok_under(void *ud, TyType *t, TyType *u)
{
    (void)t;
    ImplicitCtx *c = ud;
    if (!u)
        return false;
    TyConst v;
    int code;
    return ck_implicit_type_and_value(c->ck, c->x, u, &v, &code) != NULL;
}

/* types2 Interface.Empty: the type set of all types */
static bool is_empty_interface(TyEnv *env, TyInterface *it)
{
    TyTypeSet *ts = ty_interface_typeset(env, it);
    return ts && ty_typeset_is_all(ts) && ty_typeset_num_methods(ts) == 0 && !ty_typeset_comparable(ts, false);
}

TyType *ck_implicit_type_and_value(Checker *ck, Operand *x, TyType *target, TyConst *val, int *code)
{
    TyEnv *env = ck->env;
    *val = ty_const_unknown(); /* unknown: no new value */
    *code = 0;
    if (x->mode == TY_MODE_INVALID || ty_is_typed(x->type) || !ty_is_valid(target))
        return x->type;
    /* x is untyped */

    if (ty_is_untyped(target)) {
        TyType *m = max_type(x->type, target);
        if (m)
            return m;
        *code = CK_INVALID_UNTYPED_CONVERSION;
        return NULL;
    }

    if (ck_operand_is_nil(ck, x)) {
        if (ty_has_nil(target))
            return target;
        *code = CK_INVALID_UNTYPED_CONVERSION;
        return NULL;
    }

    TyType *u = ty_under(target);
    if (u && u->kind == TY_BASIC) {
        if (x->mode == TY_MODE_CONSTANT) {
            TyConst v;
            if (!ck_representable(ck, x, TY_AS(TyBasic, u), &v, code))
                return NULL;
            *val = v;
            return target;
        }
        /* non-constant untyped values: results of comparisons (untyped
         * bool), delayed rhs operands of shifts, and nil */
        bool ok;
        switch (TY_AS(TyBasic, x->type)->bkind) {
        case TY_UNTYPED_BOOL:
            ok = ty_is_boolean(target);
            break;
        case TY_UNTYPED_INT:
        case TY_UNTYPED_RUNE:
        case TY_UNTYPED_FLOAT:
        case TY_UNTYPED_COMPLEX:
            ok = ty_is_numeric(target);
            break;
        case TY_UNTYPED_STRING:
            ok = ty_is_string(target);
            break;
        default:
            ok = false;
            break;
        }
        if (!ok) {
            *code = CK_INVALID_UNTYPED_CONVERSION;
            return NULL;
        }
        return target;
    }
    if (u && u->kind == TY_INTERFACE) {
        if (ty_is_typeparam(target)) {
            /* x must be convertible to each type in the type set */
            ImplicitCtx c = {ck, x};
            if (!ck_typeset_all(ck, target, implicit_ok_under, &c)) {
                *code = CK_INVALID_UNTYPED_CONVERSION;
                return NULL;
            }
            return target;
        }
        /* values must have concrete dynamic types: use the default type
         * rather than the (empty) interface; nil was handled above */
        if (!is_empty_interface(env, TY_AS(TyInterface, u))) {
            *code = CK_INVALID_UNTYPED_CONVERSION;
            return NULL;
        }
        return ty_default_type(env, x->type);
    }
    *code = CK_INVALID_UNTYPED_CONVERSION;
    return NULL;
}

/* ---- comparisons ------------------------------------------------------------------------ */

typedef struct SeenType {
    TyType *t;
    struct SeenType *prev;
} SeenType;

/* types2 comparableType with dynamic set: NULL if T is comparable, else
 * the reason ("" if there is nothing to say).  The messages name types as
 * the checker does (ty_comparable_ex's causes use full package paths). */
static const char *comparable_cause(Checker *ck, TyType *T, SeenType *seen)
{
    for (SeenType *s = seen; s; s = s->prev)
        if (s->t == T)
            return NULL;
    SeenType me = {T, seen};
    TyType *u = ty_under(T);
    if (!u)
        return "";
    switch (u->kind) {
    case TY_BASIC:
        /* invalid types count as comparable, to avoid follow-on errors */
        return TY_AS(TyBasic, u)->bkind == TY_UNTYPED_NIL ? "" : NULL;
    case TY_POINTER:
    case TY_CHAN:
        return NULL;
    case TY_STRUCT: {
        TyStruct *st = TY_AS(TyStruct, u);
        for (uint32_t i = 0; i < st->nfields; i++)
            if (comparable_cause(ck, st->fields[i]->type, &me))
                return ck_sprintf(ck, "struct containing %s cannot be compared", ck_tstr(ck, st->fields[i]->type));
        return NULL;
    }
    case TY_ARRAY:
        if (comparable_cause(ck, TY_AS(TyArray, u)->elem, &me))
            return ck_sprintf(ck, "%s cannot be compared", ck_tstr(ck, T));
        return NULL;
    case TY_INTERFACE: {
        if (!ty_is_typeparam(T))
            return NULL; /* dynamic: interfaces are comparable */
        TyTypeSet *ts = ty_interface_typeset(ck->env, TY_AS(TyInterface, u));
        if (ty_typeset_comparable(ts, false))
            return NULL;
        return ty_typeset_is_empty(ts) ? "empty type set" : "incomparable types in type set";
    }
    default:
        return "";
    }
}

/* A more specific reason why typ is not comparable, or "" (types2
 * incomparableCause). */
static const char *incomparable_cause(Checker *ck, TyType *typ)
{
    TyType *u = ty_under(typ);
    if (u && (u->kind == TY_SLICE || u->kind == TY_SIGNATURE || u->kind == TY_MAP))
        return ck_sprintf(ck, "%s can only be compared to nil", ty_composite_kind(typ));
    const char *cause = comparable_cause(ck, typ, NULL);
    return cause ? cause : "";
}

static bool comparable_dyn(Checker *ck, TyType *t) { return ty_comparable_ex(ck->env, t, true, NULL, NULL); }

void ck_comparison(Checker *ck, Operand *x, Operand *y, SynOp op, bool switch_case)
{
    /* avoid spurious errors with invalid types (go.dev/issue/54405) */
    if (!ty_is_valid(x->type) || !ty_is_valid(y->type)) {
        x->mode = TY_MODE_INVALID;
        return;
    }
    if (switch_case)
        op = SYN_EQL;

    Operand *errop = x;      /* operand for which the error is reported */
    const char *cause = "";

    /* the first operand must be assignable to the type of the second, or
     * vice versa */
    bool ok = ck_assignable_to(ck, x, y->type, NULL);
    if (!ok)
        ok = ck_assignable_to(ck, y, x->type, NULL);
    if (!ok) {
        /* only the 2nd operand tells that there is a mismatch */
        errop = y;
        cause = ck_sprintf(ck, "mismatched types %s and %s", ck_tstr(ck, x->type), ck_tstr(ck, y->type));
        goto error;
    }

    switch (op) {
    case SYN_EQL:
    case SYN_NEQ:
        if (ck_operand_is_nil(ck, x) || ck_operand_is_nil(ck, y)) {
            /* the other operand's type must have nil (only nil == nil
             * fails here) */
            TyType *typ = ck_operand_is_nil(ck, x) ? y->type : x->type;
            if (!ty_has_nil(typ)) {
                errop = y;
                goto error;
            }
        } else if (!comparable_dyn(ck, x->type)) {
            errop = x;
            cause = incomparable_cause(ck, x->type);
            goto error;
        } else if (!comparable_dyn(ck, y->type)) {
            errop = y;
            cause = incomparable_cause(ck, y->type);
            goto error;
        }
        break;
    case SYN_LSS:
    case SYN_LEQ:
    case SYN_GTR:
    case SYN_GEQ:
        if (!all_ordered(x->type)) {
            errop = x;
            goto error;
        }
        if (!all_ordered(y->type)) {
            errop = y;
            goto error;
        }
        break;
    default:
        break;
    }

    if (x->mode == TY_MODE_CONSTANT && y->mode == TY_MODE_CONSTANT) {
        /* the operands are never materialized: their types stay */
        x->val = ty_const_bool(ty_const_compare(x->val, const_op(op), y->val));
    } else {
        /* the operands get their final (default) types: they are
         * materialized at run time */
        x->mode = TY_MODE_VALUE;
        ck_update_expr_type(ck, x->expr, ty_default_type(ck->env, x->type), true);
        ck_update_expr_type(ck, y->expr, ty_default_type(ck->env, y->type), true);
    }
    /* comparisons yield an untyped boolean */
    x->type = ty_typ(ck->env, TY_UNTYPED_BOOL);
    return;

error:
    if (!cause[0]) {
        if (ty_is_typeparam(x->type) || ty_is_typeparam(y->type)) {
            if (!ty_is_typeparam(x->type))
                errop = y;
            cause = ck_sprintf(ck, "type parameter %s cannot use operator %s", ck_tstr(ck, errop->type),
                               syn_op_string(op));
        } else {
            const char *what = ty_composite_kind(errop->type);
            if (!what[0])
                what = ck_tstr(ck, errop->type);
            cause = ck_sprintf(ck, "operator %s not defined on %s", syn_op_string(op), what);
        }
    }
    if (switch_case)
        ck_errorf(ck, ck_operand_pos(x), "invalid case %s in switch on %s (%s)", ck_estr(ck, x->expr), ck_estr(ck, y->expr),
                  cause);
    else
        ck_errorf(ck, ck_operand_pos(errop), "invalid operation: %s %s %s (%s)", ck_estr(ck, x->expr), syn_op_string(op),
                  ck_estr(ck, y->expr), cause);
    x->mode = TY_MODE_INVALID;
}

/* ---- shifts ----------------------------------------------------------------------------- */

/* e is the shift expression; it may be NULL for x <<= y. */
static void shift(Checker *ck, Operand *x, Operand *y, SynNode *e, SynOp op)
{
    TyEnv *env = ck->env;
    TyConst xval = ty_const_unknown();
    bool has_xval = false;
    if (x->mode == TY_MODE_CONSTANT) {
        xval = ty_const_to_int(ck->a, x->val);
        has_xval = true;
    }

    if (!(all_integer(x->type) ||
          (ty_is_untyped(x->type) && has_xval && ty_const_kind(xval) == TY_CONST_INT))) {
        /* the lhs is neither an integer nor an untyped constant
         * representable as one: no chance */
        ck_errorf(ck, ck_operand_pos(x), "invalid operation: shifted operand %s must be integer", ck_ostr(ck, x));
        x->mode = TY_MODE_INVALID;
        return;
    }

    /* the rhs must be of integer type or an untyped constant representable
     * by a uint; constants are checked but not converted (go.dev/issue/47243) */
    TyConst yval = ty_const_unknown();
    if (y->mode == TY_MODE_CONSTANT) {
        /* a good message for negative counts (-1, 1.0, but not -1.1) */
        yval = ty_const_to_int(ck->a, y->val);
        if (ty_const_kind(yval) == TY_CONST_INT && ty_const_sign(yval) < 0) {
            ck_errorf(ck, ck_operand_pos(y), "invalid operation: negative shift count %s", ck_ostr(ck, y));
            x->mode = TY_MODE_INVALID;
            return;
        }
        if (ty_is_untyped(y->type)) {
            /* here rather than below: untyped integers count as integers
             * (go.dev/issue/43697) */
            ck_check_representable(ck, y, ty_basic(env, TY_UINT));
            if (y->mode == TY_MODE_INVALID) {
                x->mode = TY_MODE_INVALID;
                return;
            }
        }
    } else if (all_integer(y->type)) {
        if (!all_unsigned(y->type) && !ck_allow_version(ck, 13)) {
            const char *what = ck_sprintf(ck, "invalid operation: signed shift count %s", ck_ostr(ck, y));
            if (!ck_verify_version(ck, ck_operand_pos(y), 13, what)) {
                x->mode = TY_MODE_INVALID;
                return;
            }
        }
    } else if (ty_is_untyped(y->type)) {
        /* incorrect, but what types2 does (go.dev/issue/47410) */
        ck_convert_untyped(ck, y, ty_typ(env, TY_UINT));
        if (y->mode == TY_MODE_INVALID) {
            x->mode = TY_MODE_INVALID;
            return;
        }
    } else {
        ck_errorf(ck, ck_operand_pos(y), "invalid operation: shift count %s must be integer", ck_ostr(ck, y));
        x->mode = TY_MODE_INVALID;
        return;
    }

    if (x->mode == TY_MODE_CONSTANT) {
        if (y->mode == TY_MODE_CONSTANT) {
            /* unknown operands give an unknown result (of integer type) */
            if (ty_const_is_unknown(x->val) || ty_const_is_unknown(y->val)) {
                x->val = ty_const_unknown();
                if (!ty_is_integer(x->type))
                    x->type = ty_typ(env, TY_UNTYPED_INT);
                return;
            }
            /* constant shift counts are bounded, so that the smallest
             * float64 can be expressed (go.dev/issue/44057) */
            enum { SHIFT_BOUND = 1023 - 1 + 52 };
            bool exact;
            uint64_t s = ty_const_uint64_val(yval, &exact);
            if (!exact || s > SHIFT_BOUND) {
                ck_errorf(ck, ck_operand_pos(y), "invalid operation: invalid shift count %s", ck_ostr(ck, y));
                x->mode = TY_MODE_INVALID;
                return;
            }
            /* an untyped non-integer constant lhs (2.0) representable as an
             * integer: the result is an integer */
            if (!ty_is_integer(x->type))
                x->type = ty_typ(env, TY_UNTYPED_INT);
            x->val = ty_const_shift(ck->a, xval, const_op(op), s);
            x->expr = e;
            ck_overflow(ck, x, op_pos(x->expr));
            return;
        }

        if (ty_is_untyped(x->type)) {
            /* a non-constant shift of an untyped constant: the constant gets
             * the type it would have without the shift.  Delay the check
             * until the final type is known by marking the lhs (it may be
             * missing from the map in invalid programs that evaluate an
             * expression twice, go.dev/issue/11347). */
            ExprInfo *info = x->expr ? ptrmap_get(&ck->untyped, PMKEY(x->expr)) : NULL;
            if (info)
                info->islhs = true;
            x->mode = TY_MODE_VALUE;
            return;
        }
    }

    /* a non-constant shift: the lhs must be an integer */
    if (!all_integer(x->type)) {
        ck_errorf(ck, ck_operand_pos(x), "invalid operation: shifted operand %s must be integer", ck_ostr(ck, x));
        x->mode = TY_MODE_INVALID;
        return;
    }
    x->mode = TY_MODE_VALUE;
}

/* ---- binary operations ------------------------------------------------------------------- */

/* types2 matchTypes: convert untyped operands to each other's types where
 * that may make them match; x->mode is invalid on failure. */
static bool may_convert(Checker *ck, Operand *x, Operand *y)
{
    if (ty_is_typed(x->type) && ty_is_typed(y->type))
        return false;
    /* numeric types convert only to numeric types */
    if (all_numeric(x->type) != all_numeric(y->type))
        return false;
    /* an untyped operand may convert to its default type when paired with
     * an (empty) interface */
    if (ty_is_interface(x->type) || ty_is_interface(y->type))
        return true;
    if (all_boolean(x->type) != all_boolean(y->type))
        return false;
    if (all_string(x->type) != all_string(y->type))
        return false;
    if (ck_operand_is_nil(ck, x))
        return ty_has_nil(y->type);
    if (ck_operand_is_nil(ck, y))
        return ty_has_nil(x->type);
    /* untyped operands never convert to pointers */
    if (is_pointer(x->type) || is_pointer(y->type))
        return false;
    return true;
}

void ck_match_types(Checker *ck, Operand *x, Operand *y)
{
    if (!may_convert(ck, x, y))
        return;
    ck_convert_untyped(ck, x, y->type);
    if (x->mode == TY_MODE_INVALID)
        return;
    ck_convert_untyped(ck, y, x->type);
    if (y->mode == TY_MODE_INVALID)
        x->mode = TY_MODE_INVALID;
}

static bool binary_op_ok(SynOp op, TyType *t)
{
    switch (op) {
    case SYN_ADD: return all_numeric_or_string(t);
    case SYN_SUB:
    case SYN_MUL:
    case SYN_DIV: return all_numeric(t);
    case SYN_REM:
    case SYN_AND:
    case SYN_OR:
    case SYN_XOR:
    case SYN_ANDNOT: return all_integer(t);
    case SYN_ANDAND:
    case SYN_OROR: return all_boolean(t);
    default: return false;
    }
}

void ck_binary(Checker *ck, Operand *x, SynNode *e, SynNode *lhs, SynNode *rhs, SynOp op)
{
    Operand y;
    memset(&y, 0, sizeof y);
    ck_expr(ck, NULL, x, lhs);
    ck_expr(ck, NULL, &y, rhs);

    if (x->mode == TY_MODE_INVALID)
        return;
    if (y.mode == TY_MODE_INVALID) {
        x->mode = TY_MODE_INVALID;
        x->expr = y.expr;
        return;
    }

    if (is_shift(op)) {
        shift(ck, x, &y, e, op);
        return;
    }

    ck_match_types(ck, x, &y);
    if (x->mode == TY_MODE_INVALID)
        return;

    if (is_comparison(op)) {
        ck_comparison(ck, x, &y, op, false);
        return;
    }

    if (!ty_identical(x->type, y.type)) {
        /* report only with valid types (else reported before) */
        if (ty_is_valid(x->type) && ty_is_valid(y.type)) {
            if (e)
                ck_errorf(ck, ck_operand_pos(x), "invalid operation: %s (mismatched types %s and %s)", ck_estr(ck, e),
                          ck_tstr(ck, x->type), ck_tstr(ck, y.type));
            else
                ck_errorf(ck, ck_operand_pos(x), "invalid operation: %s %s= %s (mismatched types %s and %s)",
                          ck_estr(ck, lhs), syn_op_string(op), ck_estr(ck, rhs), ck_tstr(ck, x->type),
                          ck_tstr(ck, y.type));
        }
        x->mode = TY_MODE_INVALID;
        return;
    }

    if (!binary_op_ok(op, x->type)) {
        ck_errorf(ck, ck_operand_pos(x), "invalid operation: operator %s not defined on %s", syn_op_string(op),
                  ck_ostr(ck, x));
        x->mode = TY_MODE_INVALID;
        return;
    }

    if (op == SYN_DIV || op == SYN_REM) {
        /* zero divisors */
        if ((x->mode == TY_MODE_CONSTANT || all_integer(x->type)) && y.mode == TY_MODE_CONSTANT &&
            ty_const_sign(y.val) == 0) {
            ck_error(ck, ck_operand_pos(&y), "invalid operation: division by zero");
            x->mode = TY_MODE_INVALID;
            return;
        }
        /* divisor underflow in complex division (go.dev/issue/20227) */
        if (x->mode == TY_MODE_CONSTANT && y.mode == TY_MODE_CONSTANT && ty_is_complex(x->type)) {
            TyConst re = ty_const_real(y.val), im = ty_const_imag(y.val);
            TyConst re2 = ty_const_binary(ck->a, re, TY_OP_MUL, re);
            TyConst im2 = ty_const_binary(ck->a, im, TY_OP_MUL, im);
            if (ty_const_sign(re2) == 0 && ty_const_sign(im2) == 0) {
                ck_error(ck, ck_operand_pos(&y), "invalid operation: division by zero");
                x->mode = TY_MODE_INVALID;
                return;
            }
        }
    }

    if (x->mode == TY_MODE_CONSTANT && y.mode == TY_MODE_CONSTANT) {
        /* unknown operands give an unknown result */
        if (ty_const_is_unknown(x->val) || ty_const_is_unknown(y.val)) {
            x->val = ty_const_unknown();
            return;
        }
        /* integer division for integer operands */
        TyConstOp cop = const_op(op);
        if (op == SYN_DIV && ty_is_integer(x->type))
            cop = TY_OP_QUO_INT;
        x->val = ty_const_binary(ck->a, x->val, cop, y.val);
        x->expr = e;
        ck_overflow(ck, x, op_pos(x->expr));
        return;
    }
    x->mode = TY_MODE_VALUE;
}

/* ---- unary operations -------------------------------------------------------------------- */

typedef struct ChanCond {
    bool recv;
} ChanCond;

static const char *chan_cond(Checker *ck, void *ud, TyType *t, TyType *u)
{
    ChanCond *c = ud;
    if (!u)
        return "no specific channel type";
    if (u->kind != TY_CHAN)
        return ck_sprintf(ck, "non-channel %s", ck_tstr(ck, t));
    TyChan *ch = TY_AS(TyChan, u);
    if (c->recv && ch->dir == TY_SEND_ONLY)
        return ck_sprintf(ck, "send-only channel %s", ck_tstr(ck, t));
    if (!c->recv && ch->dir == TY_RECV_ONLY)
        return ck_sprintf(ck, "receive-only channel %s", ck_tstr(ck, t));
    return NULL;
}

TyType *ck_chan_elem(Checker *ck, Pos pos, Operand *x, bool recv)
{
    ChanCond c = {recv};
    const char *cause = NULL;
    TyType *u = ck_common_under(ck, x->type, chan_cond, &c, &cause);
    if (u)
        return TY_AS(TyChan, u)->elem;
    if (!cause)
        cause = "";
    /* for other than type parameters only the non-channel and wrong
     * direction errors are possible */
    bool tp = ty_is_typeparam(x->type);
    if (recv) {
        if (tp)
            ck_errorf(ck, pos, "invalid operation: cannot receive from %s: %s", ck_ostr(ck, x), cause);
        else
            ck_errorf(ck, pos, "invalid operation: cannot receive from %s %s", cause, ck_ostr(ck, x));
    } else {
        if (tp)
            ck_errorf(ck, pos, "invalid operation: cannot send to %s: %s", ck_ostr(ck, x), cause);
        else
            ck_errorf(ck, pos, "invalid operation: cannot send to %s %s", cause, ck_ostr(ck, x));
    }
    return NULL;
}

static void unary(Checker *ck, Operand *x, SynOperation *e)
{
    ck_expr(ck, NULL, x, e->x);
    if (x->mode == TY_MODE_INVALID)
        return;

    SynOp op = (SynOp)e->n.op;
    switch (op) {
    case SYN_AND:
        /* composite literals are an exception to the addressability
         * requirement */
        if (syn_unparen(e->x)->kind != SYN_COMPOSITE_LIT && x->mode != TY_MODE_VARIABLE) {
            ck_errorf(ck, ck_operand_pos(x), "invalid operation: cannot take address of %s", ck_ostr(ck, x));
            x->mode = TY_MODE_INVALID;
            return;
        }
        x->mode = TY_MODE_VALUE;
        x->type = ty_new_pointer(ck->env, x->type);
        return;
    case SYN_RECV: {
        TyType *elem = ck_chan_elem(ck, ck_operand_pos(x), x, true);
        if (elem) {
            x->mode = TY_MODE_COMMAOK;
            x->type = elem;
            ck->e.has_call_or_recv = true;
            return;
        }
        x->mode = TY_MODE_INVALID;
        return;
    }
    case SYN_TILDE:
        /* a better position and message than the operator check below */
        if (!all_integer(x->type)) {
            ck_error(ck, ck_at(&e->n), "cannot use ~ outside of interface or type constraint");
            x->mode = TY_MODE_INVALID;
            return;
        }
        ck_error(ck, ck_at(&e->n), "cannot use ~ outside of interface or type constraint (use ^ for bitwise complement)");
        op = SYN_XOR;
        break;
    default:
        break;
    }

    bool ok;
    switch (op) {
    case SYN_ADD:
    case SYN_SUB: ok = all_numeric(x->type); break;
    case SYN_XOR: ok = all_integer(x->type); break;
    case SYN_NOT: ok = all_boolean(x->type); break;
    default:
        ck_errorf(ck, ck_operand_pos(x), "invalid syntax tree: unknown operator %s", syn_op_string(op));
        x->mode = TY_MODE_INVALID;
        return;
    }
    if (!ok) {
        ck_errorf(ck, ck_operand_pos(x), "invalid operation: operator %s not defined on %s", syn_op_string(op),
                  ck_ostr(ck, x));
        x->mode = TY_MODE_INVALID;
        return;
    }

    if (x->mode == TY_MODE_CONSTANT) {
        /* nothing to do for unknown values (and no overflow error) */
        if (ty_const_is_unknown(x->val))
            return;
        unsigned prec = 0;
        if (ty_is_unsigned(x->type))
            prec = (unsigned)(ty_sizeof(ck->env, x->type) * 8);
        x->val = ty_const_unary(ck->a, const_op(op), x->val, prec);
        x->expr = &e->n;
        ck_overflow(ck, x, op_pos(x->expr));
        return;
    }
    x->mode = TY_MODE_VALUE;
}

/* ---- pointer indirection ---------------------------------------------------------------- */

typedef struct DerefCtx {
    Checker *ck;
    Operand *x;
    TyType *base;
} DerefCtx;

static bool deref_step(void *ud, TyType *t, TyType *u)
{
    (void)t;
    DerefCtx *c = ud;
    Checker *ck = c->ck;
    if (!u || u->kind != TY_POINTER) {
        ck_errorf(ck, ck_operand_pos(c->x), "invalid operation: cannot indirect %s", ck_ostr(ck, c->x));
        return false;
    }
    TyType *b = TY_AS(TyPointer, u)->base;
    if (c->base && !ty_identical(b, c->base)) {
        ck_errorf(ck, ck_operand_pos(c->x), "invalid operation: pointers of %s must have identical base types",
                  ck_ostr(ck, c->x));
        return false;
    }
    c->base = b;
    return true;
}

/* ---- the expression checker ------------------------------------------------------------- */

Target *ck_new_target(Target *buf, TyType *typ, const char *desc)
{
    if (!typ)
        return NULL;
    TySignature *sig = ty_as_signature(typ);
    if (!sig)
        return NULL;
    buf->sig = sig;
    buf->desc = desc;
    return buf;
}

/* A generic type, or a generic function whose type arguments cannot be
 * inferred from the target T, is an error here (types2 nonGeneric). */
void ck_non_generic(Checker *ck, Target *T, Operand *x)
{
    if (x->mode == TY_MODE_INVALID || x->mode == TY_MODE_NOVALUE || !x->type)
        return;
    const char *what = NULL;
    switch (x->type->kind) {
    case TY_ALIAS:
    case TY_NAMED:
        if (ty_is_generic(x->type))
            what = "type";
        break;
    case TY_SIGNATURE:
        if (TY_AS(TySignature, x->type)->tparams.len > 0) {
            if (T) {
                /* reverse type inference */
                ck_func_inst(ck, T, x->expr ? x->expr->pos : NOPOS, x, NULL, true);
                return;
            }
            what = "function";
        }
        break;
    default:
        break;
    }
    if (what) {
        ck_errorf(ck, ck_at(x->expr), "cannot use generic %s %s without instantiation", what, ck_estr(ck, x->expr));
        x->mode = TY_MODE_INVALID;
        x->type = ty_typ(ck->env, TY_INVALID);
    }
}

/* A type whose size depends on a type being declared is a cycle, e.g.
 * type T [unsafe.Sizeof(T{})]int (types2 pendingType). */
static void pending_type(Checker *ck, Operand *x)
{
    if (x->mode == TY_MODE_INVALID || x->mode == TY_MODE_NOVALUE || !x->type)
        return;
    if (!ck_finite_size(ck, x->type)) {
        x->mode = TY_MODE_INVALID;
        x->type = ty_typ(ck->env, TY_INVALID);
    }
}

void ck_type_assertion(Checker *ck, SynNode *e, Operand *x, TyType *T, bool type_switch)
{
    const char *cause = "";
    if (ck_assertable_to(ck, x->type, T, &cause))
        return;
    if (!cause)
        cause = "";
    if (type_switch)
        ck_errorf(ck, ck_at(e), "impossible type switch case: %s\n\t%s cannot have dynamic type %s %s", ck_estr(ck, e),
                  ck_ostr(ck, x), ck_tstr(ck, T), cause);
    else
        ck_errorf(ck, ck_at(e), "impossible type assertion: %s\n\t%s does not implement %s %s", ck_estr(ck, e),
                  ck_tstr(ck, T), ck_tstr(ck, x->type), cause);
}

static ExprKind expr_internal(Checker *ck, Target *T, Operand *x, SynNode *e, TyType *hint)
{
    TyEnv *env = ck->env;
    /* a valid state in case of errors (go.dev/issue/5770) */
    x->mode = TY_MODE_INVALID;
    x->type = ty_typ(env, TY_INVALID);

    switch (e->kind) {
    case SYN_BAD_EXPR:
        goto error; /* reported by the parser */

    case SYN_NAME:
        ck_ident(ck, x, (SynName *)e, false);
        break;

    case SYN_DOTS_TYPE:
        /* handled where valid */
        ck_error(ck, ck_at(e), "invalid syntax tree: invalid use of ...");
        goto error;

    case SYN_BASIC_LIT:
        if (e->flags & SYN_F_BAD)
            goto error; /* reported by the parser */
        ck_basic_lit(ck, x, (SynBasicLit *)e);
        if (x->mode == TY_MODE_INVALID)
            goto error;
        break;

    case SYN_FUNC_LIT:
        ck_func_lit(ck, x, (SynFuncLit *)e);
        if (x->mode == TY_MODE_INVALID)
            goto error;
        break;

    case SYN_COMPOSITE_LIT:
        ck_composite_lit(ck, x, (SynCompositeLit *)e, hint);
        if (x->mode == TY_MODE_INVALID)
            goto error;
        break;

    case SYN_PAREN_EXPR: {
        /* type inference doesn't go past parentheses (no target) */
        ExprKind kind = ck_raw_expr(ck, NULL, x, ((SynParenExpr *)e)->x, NULL, false);
        x->expr = e;
        return kind;
    }

    case SYN_SELECTOR_EXPR:
        ck_selector(ck, x, (SynSelectorExpr *)e, NULL, false);
        break;

    case SYN_INDEX_EXPR:
        if (ck_index_expr(ck, x, (SynIndexExpr *)e))
            ck_func_inst(ck, T, e->pos, x, (SynIndexExpr *)e, true);
        if (x->mode == TY_MODE_INVALID)
            goto error;
        break;

    case SYN_SLICE_EXPR:
        ck_slice_expr(ck, x, (SynSliceExpr *)e);
        if (x->mode == TY_MODE_INVALID)
            goto error;
        break;

    case SYN_ASSERT_EXPR: {
        SynAssertExpr *a = (SynAssertExpr *)e;
        ck_expr(ck, NULL, x, a->x);
        if (x->mode == TY_MODE_INVALID)
            goto error;
        /* x.(type) is a TypeSwitchGuard */
        if (!a->type) {
            ck_error(ck, ck_at(e), "invalid syntax tree: invalid use of AssertExpr");
            goto error;
        }
        if (ty_is_typeparam(x->type)) {
            ck_errorf(ck, ck_operand_pos(x), "invalid operation: cannot use type assertion on type parameter value %s",
                      ck_ostr(ck, x));
            goto error;
        }
        if (!ty_as_interface(x->type)) {
            ck_errorf(ck, ck_operand_pos(x), "invalid operation: %s is not an interface", ck_ostr(ck, x));
            goto error;
        }
        TyType *t = ck_var_type(ck, a->type);
        if (!ty_is_valid(t))
            goto error;
        ck_type_assertion(ck, e, x, t, false);
        x->mode = TY_MODE_COMMAOK;
        x->type = t;
        break;
    }

    case SYN_TYPE_SWITCH_GUARD: {
        /* handled in type switches */
        ck_error(ck, ck_at(e), "invalid syntax tree: use of .(type) outside type switch");
        SynNode *gx = ((SynTypeSwitchGuard *)e)->x;
        ck_use(ck, &gx, 1);
        goto error;
    }

    case SYN_CALL_EXPR:
        return ck_call_expr(ck, x, (SynCallExpr *)e);

    case SYN_LIST_EXPR:
        /* catch-all for unexpected expression lists */
        ck_error(ck, ck_at(e), "invalid syntax tree: unexpected list of expressions");
        goto error;

    case SYN_OPERATION: {
        SynOperation *o = (SynOperation *)e;
        if (!o->y) {
            if (e->op == SYN_MUL) {
                /* pointer indirection, or a pointer type */
                ck_expr_or_type(ck, x, o->x, false);
                switch (x->mode) {
                case TY_MODE_INVALID:
                    goto error;
                case TY_MODE_TYPEXPR:
                    ck_valid_var_type(ck, o->x, x->type);
                    x->type = ty_new_pointer(env, x->type);
                    break;
                default: {
                    DerefCtx c = {ck, x, NULL};
                    if (!ck_typeset_all(ck, x->type, deref_step, &c))
                        goto error;
                    x->mode = TY_MODE_VARIABLE;
                    x->type = c.base;
                    break;
                }
                }
                break;
            }
            unary(ck, x, o);
            if (x->mode == TY_MODE_INVALID)
                goto error;
            if (e->op == SYN_RECV) {
                x->expr = e;
                return EK_STATEMENT; /* receives may appear in statement context */
            }
            break;
        }
        ck_binary(ck, x, e, o->x, o->y, (SynOp)e->op);
        if (x->mode == TY_MODE_INVALID)
            goto error;
        break;
    }

    case SYN_KEY_VALUE_EXPR:
        /* handled in composite literals */
        ck_error(ck, ck_at(e), "invalid syntax tree: no key:value expected");
        goto error;

    case SYN_ARRAY_TYPE:
    case SYN_SLICE_TYPE:
    case SYN_STRUCT_TYPE:
    case SYN_FUNC_TYPE:
    case SYN_INTERFACE_TYPE:
    case SYN_MAP_TYPE:
    case SYN_CHAN_TYPE:
        x->mode = TY_MODE_TYPEXPR;
        x->type = ck_typ(ck, e);
        break;

    default:
        ck_errorf(ck, ck_at(e), "invalid syntax tree: unexpected %s", syn_kind_name((SynKind)e->kind));
        goto error;
    }

    x->expr = e;
    return EK_EXPRESSION;

error:
    x->mode = TY_MODE_INVALID;
    x->expr = e;
    return EK_STATEMENT; /* avoid follow-on errors */
}

ExprKind ck_raw_expr(Checker *ck, Target *T, Operand *x, SynNode *e, TyType *hint, bool allow_generic)
{
    ExprKind kind = expr_internal(ck, T, x, e, hint);
    if (!allow_generic)
        ck_non_generic(ck, T, x);
    pending_type(ck, x);
    ck_record_operand(ck, x);
    return kind;
}

void ck_exclude(Checker *ck, Operand *x, unsigned modeset)
{
    if (!(modeset & (1u << x->mode)))
        return;
    const char *fmt;
    switch (x->mode) {
    case TY_MODE_NOVALUE:
        fmt = (modeset & (1u << TY_MODE_TYPEXPR)) ? "%s used as value" : "%s used as value or type";
        break;
    case TY_MODE_BUILTIN:
        fmt = "%s must be called";
        break;
    case TY_MODE_TYPEXPR:
        fmt = "%s is not an expression";
        break;
    default:
        return;
    }
    ck_errorf(ck, ck_operand_pos(x), fmt, ck_ostr(ck, x));
    x->mode = TY_MODE_INVALID;
}

void ck_single_value(Checker *ck, Operand *x)
{
    /* tuples are never named */
    if (x->mode == TY_MODE_VALUE && x->type && x->type->kind == TY_TUPLE) {
        ck_errorf(ck, ck_operand_pos(x), "multiple-value %s in single-value context", ck_ostr(ck, x));
        x->mode = TY_MODE_INVALID;
    }
}

enum { NOT_A_VALUE = 1u << TY_MODE_NOVALUE | 1u << TY_MODE_BUILTIN | 1u << TY_MODE_TYPEXPR };

void ck_expr(Checker *ck, Target *T, Operand *x, SynNode *e)
{
    ck_raw_expr(ck, T, x, e, NULL, false);
    ck_exclude(ck, x, NOT_A_VALUE);
    ck_single_value(ck, x);
}

void ck_generic_expr(Checker *ck, Operand *x, SynNode *e)
{
    ck_raw_expr(ck, NULL, x, e, NULL, true);
    ck_exclude(ck, x, NOT_A_VALUE);
    ck_single_value(ck, x);
}

void ck_expr_with_hint(Checker *ck, Operand *x, SynNode *e, TyType *hint)
{
    ck_raw_expr(ck, NULL, x, e, hint, false);
    ck_exclude(ck, x, NOT_A_VALUE);
    ck_single_value(ck, x);
}

void ck_expr_or_type(Checker *ck, Operand *x, SynNode *e, bool allow_generic)
{
    ck_raw_expr(ck, NULL, x, e, NULL, allow_generic);
    ck_exclude(ck, x, 1u << TY_MODE_NOVALUE);
    ck_single_value(ck, x);
}

uint32_t ck_multi_expr(Checker *ck, SynNode *e, bool allow_comma_ok, Operand **list, bool *comma_ok)
{
    Operand x;
    memset(&x, 0, sizeof x);
    ck_raw_expr(ck, NULL, &x, e, NULL, false);
    ck_exclude(ck, &x, NOT_A_VALUE);
    if (comma_ok)
        *comma_ok = false;

    if (x.mode != TY_MODE_INVALID && x.type && x.type->kind == TY_TUPLE) {
        /* multiple values */
        TyTuple *t = TY_AS(TyTuple, x.type);
        Operand *l = ARENA_ARRAY(&ck->tmp, Operand, t->len ? t->len : 1);
        for (uint32_t i = 0; i < t->len; i++) {
            l[i].mode = TY_MODE_VALUE;
            l[i].expr = e;
            l[i].type = t->vars[i]->type;
        }
        *list = l;
        return t->len;
    }

    /* exactly one (possibly invalid or comma-ok) value */
    Operand *l = ARENA_ARRAY(&ck->tmp, Operand, 2);
    l[0] = x;
    *list = l;
    if (allow_comma_ok &&
        (x.mode == TY_MODE_MAPINDEX || x.mode == TY_MODE_COMMAOK || x.mode == TY_MODE_COMMAERR)) {
        l[1].mode = TY_MODE_VALUE;
        l[1].expr = e;
        l[1].type = x.mode == TY_MODE_COMMAERR ? ck->env->error_type : ty_typ(ck->env, TY_UNTYPED_BOOL);
        if (comma_ok)
            *comma_ok = true;
        return 2;
    }
    return 1;
}

uint32_t ck_expr_list(Checker *ck, SynNode **elist, uint32_t n, Operand **list)
{
    if (n == 1)
        return ck_multi_expr(ck, elist[0], false, list, NULL);
    Operand *l = ARENA_ARRAY(&ck->tmp, Operand, n ? n : 1);
    for (uint32_t i = 0; i < n; i++)
        ck_expr(ck, NULL, &l[i], elist[i]);
    *list = l;
    return n;
}

/* ---- use ------------------------------------------------------------------------------------ */

static bool use1(Checker *ck, SynNode *e, bool lhs)
{
    Operand x;
    memset(&x, 0, sizeof x);
    x.mode = TY_MODE_VALUE; /* anything but invalid */
    SynNode *n = e ? syn_unparen(e) : NULL;
    if (!n)
        return true;
    switch (n->kind) {
    case SYN_NAME: {
        SynName *id = (SynName *)n;
        if (id->value == ck->sym_blank)
            break; /* no error for evaluating _ */
        /* an identifier on the lhs of an assignment is not a use of the
         * variable: restore its mark afterwards (only for this package's
         * variables: others are shared with other checks) */
        TyObject *v = NULL;
        bool used = false;
        if (lhs) {
            TyObject *obj = ck_lookup(ck, id->value);
            if (obj && obj->kind == TY_OBJ_VAR && obj->pkg == ck->pkg) {
                v = obj;
                used = (v->flags & TY_OF_USED) != 0;
            }
        }
        ck_expr_or_type(ck, &x, n, true);
        if (v) {
            if (used)
                v->flags |= TY_OF_USED;
            else
                v->flags &= (uint8_t)~TY_OF_USED;
        }
        break;
    }
    case SYN_LIST_EXPR: {
        SynListExpr *l = (SynListExpr *)n;
        bool ok = true;
        for (uint32_t i = 0; i < l->elems.len; i++)
            if (!use1(ck, l->elems.items[i], lhs))
                ok = false;
        return ok;
    }
    default:
        ck_raw_expr(ck, NULL, &x, e, NULL, true);
        break;
    }
    return x.mode != TY_MODE_INVALID;
}

bool ck_use(Checker *ck, SynNode **args, uint32_t n)
{
    bool ok = true;
    for (uint32_t i = 0; i < n; i++)
        if (!use1(ck, args[i], false))
            ok = false;
    return ok;
}

bool ck_use_lhs(Checker *ck, SynNode **args, uint32_t n)
{
    bool ok = true;
    for (uint32_t i = 0; i < n; i++)
        if (!use1(ck, args[i], true))
            ok = false;
    return ok;
}
