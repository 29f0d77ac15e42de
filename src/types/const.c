/*
 * Untyped constant operands (types2 const.go): overflow checks after
 * constant operations, representability of constants in basic types (with
 * rounding of floating-point values), and the implicit conversion of
 * untyped operands.  The arithmetic itself is go/constant's (constant.h).
 */
#include "check.h"

#include <string.h>

/* The constant target for a basic type, with int, uint and uintptr
 * narrowed on 32-bit targets (ty_const_representable assumes 64 bits). */
static TyConstTarget const_target(Checker *ck, TyBasic *typ)
{
    TyConstTarget t = (TyConstTarget)typ->bkind;
    if (ck->env->sizes.wordsize == 4) {
        if (t == TY_CT_INT)
            t = TY_CT_INT32;
        else if (t == TY_CT_UINT || t == TY_CT_UINTPTR)
            t = TY_CT_UINT32;
    }
    return t;
}

/* The name of an operation that may overflow, for "constant %s overflow"
 * (types2 opName). */
static const char *op_name(const SynNode *x)
{
    if (!x || x->kind != SYN_OPERATION)
        return "";
    const SynOperation *e = (const SynOperation *)x;
    if (!e->y)
        return x->op == SYN_XOR ? "bitwise complement" : "";
    switch (x->op) {
    case SYN_ADD: return "addition";
    case SYN_SUB: return "subtraction";
    case SYN_XOR: return "bitwise XOR";
    case SYN_MUL: return "multiplication";
    case SYN_SHL: return "shift";
    default: return "";
    }
}

void ck_overflow(Checker *ck, Operand *x, Pos op_pos)
{
    if (ty_const_is_unknown(x->val)) {
        /* go/constant does not tell what went wrong */
        ck_error(ck, op_pos, "constant result is not representable");
        return;
    }
    /* typed constants must be representable in their type after each
     * operation (type parameters are never constant types) */
    if (ty_is_typed(x->type)) {
        TyType *u = ty_under(x->type);
        if (u && u->kind == TY_BASIC)
            ck_check_representable(ck, x, TY_AS(TyBasic, u));
        return;
    }
    /* untyped integers must not grow arbitrarily */
    if (ty_const_kind(x->val) == TY_CONST_INT && ty_const_bitlen(x->val) > TY_CONST_PREC) {
        const char *op = op_name(x->expr);
        ck_errorf(ck, op_pos, "constant %s%soverflow", op, op[0] ? " " : "");
        x->val = ty_const_unknown();
    }
}

bool ck_representable_const(Checker *ck, TyConst x, TyBasic *typ, TyConst *rounded)
{
    return ty_const_representable(ck->a, x, const_target(ck, typ), rounded);
}

/* types2 representation: the value of constant x as a value of typ, or a
 * code saying why there is none.  Reports nothing. */
bool ck_representable(Checker *ck, Operand *x, TyBasic *typ, TyConst *rounded, int *code)
{
    TyConst v = x->val;
    if (ck_representable_const(ck, x->val, typ, &v)) {
        if (rounded)
            *rounded = v;
        return true;
    }
    int c = CK_INVALID_CONST_VAL;
    if (ty_is_numeric(x->type) && ty_is_numeric(&typ->t)) {
        /* integer -> integer, float -> float: overflows;
         * float -> integer: truncated */
        if (!ty_is_integer(x->type) && ty_is_integer(&typ->t))
            c = CK_TRUNCATED_FLOAT;
        else
            c = CK_NUMERIC_OVERFLOW;
    }
    if (code)
        *code = c;
    return false;
}

void ck_invalid_conversion(Checker *ck, int code, Operand *x, TyType *target)
{
    const char *xs = ck_ostr(ck, x), *ts = ck_tstr(ck, target);
    Pos pos = ck_operand_pos(x);
    switch (code) {
    case CK_TRUNCATED_FLOAT:
        ck_errorf(ck, pos, "%s truncated to %s", xs, ts);
        break;
    case CK_NUMERIC_OVERFLOW:
        ck_errorf(ck, pos, "%s overflows %s", xs, ts);
        break;
    default:
        ck_errorf(ck, pos, "cannot convert %s to type %s", xs, ts);
        break;
    }
}

void ck_check_representable(Checker *ck, Operand *x, TyBasic *typ)
{
    TyConst v;
    int code = 0;
    if (!ck_representable(ck, x, typ, &v, &code)) {
        ck_invalid_conversion(ck, code, x, &typ->t);
        x->mode = TY_MODE_INVALID;
        return;
    }
    x->val = v;
}

void ck_convert_untyped(Checker *ck, Operand *x, TyType *target)
{
    TyConst val;
    int code = 0;
    TyType *t = ck_implicit_type_and_value(ck, x, target, &val, &code);
    if (!t) {
        TyType *tt = target;
        if (!ty_is_typeparam(target)) {
            /* don't resolve anything while reporting */
            TyType *u = ty_unalias(target);
            if (u && u->kind == TY_NAMED)
                tt = TY_AS(TyNamed, u)->underlying ? TY_AS(TyNamed, u)->underlying : u;
            else
                tt = ty_under(target);
        }
        ck_invalid_conversion(ck, code, x, tt);
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
