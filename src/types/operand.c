/*
 * Operands (types2 operand.go): their printed form in error messages,
 * constants from basic literals, and assignability.
 */
#include "check.h"

#include <string.h>

/* types2 reports errors "at" an operand at the start of its expression
 * (errors.go atPos: syntax.StartPos), not at the node's own position. */
Pos ck_operand_pos(const Operand *x) { return x->expr ? syn_start_pos(x->expr) : NOPOS; }

static const char *const mode_names[] = {
    [TY_MODE_INVALID] = "invalid operand",
    [TY_MODE_NOVALUE] = "no value",
    [TY_MODE_BUILTIN] = "built-in",
    [TY_MODE_TYPEXPR] = "type",
    [TY_MODE_CONSTANT] = "constant",
    [TY_MODE_VARIABLE] = "variable",
    [TY_MODE_MAPINDEX] = "map index expression",
    [TY_MODE_VALUE] = "value",
    [TY_MODE_NILVALUE] = "nil",
    [TY_MODE_COMMAOK] = "comma, ok expression",
    [TY_MODE_COMMAERR] = "comma, error expression",
    [TY_MODE_CGOFUNC] = "cgo function",
};

const char *ty_composite_kind(TyType *t)
{
    TyType *u = ty_under(t);
    if (!u)
        return "";
    switch (u->kind) {
    case TY_ARRAY: return "array";
    case TY_SLICE: return "slice";
    case TY_STRUCT: return "struct";
    case TY_POINTER: return "pointer";
    case TY_SIGNATURE: return "func";
    case TY_INTERFACE: return "interface";
    case TY_MAP: return "map";
    case TY_CHAN: return "chan";
    case TY_TUPLE: return "tuple";
    case TY_UNION: return "union";
    default: return "";
    }
}

/* The underlying type without resolving anything (types2 safeUnderlying):
 * printing must not trigger type checking. */
static TyType *safe_underlying(TyType *t)
{
    t = ty_unalias(t);
    if (t && t->kind == TY_NAMED) {
        TyNamed *n = TY_AS(TyNamed, t);
        return n->underlying ? n->underlying : t;
    }
    return ty_under(t);
}

/* types2 hasEmptyTypeset: only when the bound's type set is known. */
static bool has_empty_typeset(TyTypeParam *tp)
{
    if (!tp->bound)
        return false;
    TyType *u = safe_underlying(tp->bound);
    if (!u || u->kind != TY_INTERFACE)
        return false;
    TyInterface *it = TY_AS(TyInterface, u);
    return it->tset && ty_typeset_is_empty(it->tset);
}

void ck_operand_string(Checker *ck, Buf *b, const Operand *x)
{
    TyEnv *env = ck->env;
    if (x->mode == TY_MODE_NILVALUE) {
        if (!x->type || x->type == ty_typ(env, TY_INVALID))
            buf_puts(b, "nil (with invalid type)");
        else if (x->type == ty_typ(env, TY_UNTYPED_NIL))
            buf_puts(b, "nil");
        else
            buf_printf(b, "nil (of type %s)", ck_tstr(ck, x->type));
        return;
    }

    const char *expr = "";
    if (x->expr) {
        expr = ck_estr(ck, x->expr);
    } else {
        switch (x->mode) {
        case TY_MODE_BUILTIN:
            expr = ty_builtin_name(x->id);
            break;
        case TY_MODE_TYPEXPR:
            expr = ck_tstr(ck, x->type);
            break;
        case TY_MODE_CONSTANT:
            expr = ty_const_str(&ck->tmp, x->val);
            break;
        default:
            break;
        }
    }
    if (expr[0]) {
        buf_puts(b, expr);
        buf_puts(b, " (");
    }

    bool has_type = false;
    switch (x->mode) {
    case TY_MODE_INVALID:
    case TY_MODE_NOVALUE:
    case TY_MODE_BUILTIN:
    case TY_MODE_TYPEXPR:
        break;
    default:
        if (x->type) {
            if (ty_is_untyped(x->type)) {
                buf_puts(b, TY_AS(TyBasic, x->type)->name);
                buf_putc(b, ' ');
                break;
            }
            has_type = true;
        }
    }

    buf_puts(b, x->mode < sizeof mode_names / sizeof mode_names[0] ? mode_names[x->mode] : "?");

    if (x->mode == TY_MODE_CONSTANT) {
        const char *s = ty_const_str(&ck->tmp, x->val);
        if (strcmp(s, expr) != 0) {
            buf_putc(b, ' ');
            buf_puts(b, s);
        }
    }

    if (has_type) {
        if (ty_is_valid(x->type)) {
            const char *desc = ty_is_generic(x->type) ? "generic " : "";
            /* describe the structure of named types and aliases ("int32
             * type MyInt", "struct type S"); for a type parameter its
             * constraint instead */
            TyTypeParam *tpar = ty_as_typeparam(x->type);
            const char *what = "";
            if (!tpar && (x->type->kind == TY_ALIAS || x->type->kind == TY_NAMED)) {
                what = ty_composite_kind(x->type);
                if (!what[0]) {
                    TyType *u = ty_under(x->type);
                    what = u && u->kind == TY_BASIC ? TY_AS(TyBasic, u)->name : "";
                }
            }
            buf_printf(b, " of %s%s%stype %s", desc, what, what[0] ? " " : "", ck_tstr(ck, x->type));
            if (tpar) {
                buf_printf(b, " constrained by %s", ck_tstr(ck, tpar->bound));
                if (has_empty_typeset(tpar))
                    buf_puts(b, " with empty type set");
            }
        } else {
            buf_puts(b, " with invalid type");
        }
    }

    if (expr[0])
        buf_putc(b, ')');
}

const char *ck_ostr(Checker *ck, const Operand *x)
{
    Buf b = {0};
    ck_operand_string(ck, &b, x);
    char *s = arena_strndup(&ck->tmp, buf_str(&b), b.len);
    buf_free(&b);
    return s;
}

void ck_operand_set_const(Checker *ck, Operand *x, SynLitKind k, const char *lit, uint32_t n)
{
    TyBasicKind kind;
    switch (k) {
    case SYN_INT_LIT: kind = TY_UNTYPED_INT; break;
    case SYN_FLOAT_LIT: kind = TY_UNTYPED_FLOAT; break;
    case SYN_IMAG_LIT: kind = TY_UNTYPED_COMPLEX; break;
    case SYN_RUNE_LIT: kind = TY_UNTYPED_RUNE; break;
    default: kind = TY_UNTYPED_STRING; break;
    }
    /* constant values outlive the check (they are recorded on nodes and
     * kept in objects), so they live in the env's arena */
    TyConst val = ty_const_from_literal(ck->a, lit, n, (TyConstLit)k);
    if (ty_const_is_unknown(val)) {
        x->mode = TY_MODE_INVALID;
        x->type = ty_typ(ck->env, TY_INVALID);
        return;
    }
    x->mode = TY_MODE_CONSTANT;
    x->type = ty_typ(ck->env, kind);
    x->val = val;
}

bool ck_operand_is_nil(Checker *ck, const Operand *x)
{
    (void)ck;
    return x->mode == TY_MODE_NILVALUE;
}

/* ---- assignability ------------------------------------------------------------------ */

static bool is_interface_ptr(TyType *t)
{
    TyType *u = ty_under(t);
    return u && u->kind == TY_POINTER && ty_is_interface(TY_AS(TyPointer, u)->base);
}

typedef struct AssignCtx {
    Checker *ck;
    Operand *x;
    TyType *T, *origT;
    TyTypeParam *tp;   /* the type parameter whose terms are visited */
    const char **cause;
    bool ok;
} AssignCtx;

/* untyped x assignable to a term of the type parameter T */
static bool untyped_to_term(void *ud, TyType *t)
{
    AssignCtx *c = ud;
    if (!t)
        return false;
    TyConst v;
    int code;
    /* a tilde term has the same underlying type: nothing special to do */
    return ck_implicit_type_and_value(c->ck, c->x, t, &v, &code) != NULL;
}

static void add_cause(AssignCtx *c, const char *msg)
{
    if (!c->cause)
        return;
    if (*c->cause && (*c->cause)[0])
        msg = ck_sprintf(c->ck, "%s\n\t%s", msg, *c->cause);
    *c->cause = msg;
}

/* x (of a type without name) assignable to each term of T */
static bool value_to_term(void *ud, TyType *t)
{
    AssignCtx *c = ud;
    if (!t) {
        c->ok = false;
        return false;
    }
    c->ok = ck_assignable_to(c->ck, c->x, t, c->cause);
    if (!c->ok) {
        Checker *ck = c->ck;
        add_cause(c, ck_sprintf(ck, "cannot assign %s to %s (in %s)", ck_tstr(ck, c->x->type), ck_tstr(ck, t),
                                ck_tstr(ck, &c->tp->t)));
        return false;
    }
    return true;
}

/* each term of x's type parameter type assignable to T */
static bool term_to_value(void *ud, TyType *t)
{
    AssignCtx *c = ud;
    if (!t) {
        c->ok = false;
        return false;
    }
    Operand y = *c->x;
    y.type = t;
    c->ok = ck_assignable_to(c->ck, &y, c->T, c->cause);
    if (!c->ok) {
        Checker *ck = c->ck;
        add_cause(c, ck_sprintf(ck, "cannot assign %s (in %s) to %s", ck_tstr(ck, t), ck_tstr(ck, &c->tp->t),
                                ck_tstr(ck, c->origT)));
        return false;
    }
    return true;
}

bool ck_assignable_to(Checker *ck, Operand *x, TyType *T, const char **cause)
{
    if (x->mode == TY_MODE_INVALID || !ty_is_valid(T))
        return true; /* avoid follow-on errors */

    TyType *origT = T;
    TyType *V = ty_unalias(x->type);
    T = ty_unalias(T);

    if (ty_identical(V, T))
        return true;

    TyType *Vu = ty_under(V);
    TyType *Tu = ty_under(T);
    TyTypeParam *Vp = V->kind == TY_TYPEPARAM ? TY_AS(TyTypeParam, V) : NULL;
    TyTypeParam *Tp = T->kind == TY_TYPEPARAM ? TY_AS(TyTypeParam, T) : NULL;

    /* an untyped value representable by a value of type T (for a type
     * parameter: by each specific type in its type set) */
    if (ty_is_untyped(Vu)) {
        if (Tp) {
            AssignCtx c = {ck, x, T, origT, Tp, NULL, false};
            return ck_tparam_is(ck, Tp, untyped_to_term, &c);
        }
        TyConst v;
        int code;
        return ck_implicit_type_and_value(ck, x, T, &v, &code) != NULL;
    }

    /* identical underlying types, at least one of them not named, and no
     * type parameters */
    if (ty_identical(Vu, Tu) && (!ty_has_name(V) || !ty_has_name(T)) && !Vp && !Tp)
        return true;

    /* T is an interface (not a type parameter) and V implements it; also
     * for a pointer to an interface, to get implements' error cause */
    if ((Tu->kind == TY_INTERFACE && !Tp) || is_interface_ptr(Tu)) {
        if (ck_implements(ck, V, T, false, cause))
            return true;
        /* a type parameter V may still be assignable */
        if (!Vp)
            return false;
        if (cause)
            *cause = "";
    }

    /* V is an interface: a missing type assertion may be the problem */
    if (Vu->kind == TY_INTERFACE && !Vp) {
        if (ck_implements(ck, T, V, false, NULL)) {
            if (cause)
                *cause = "need type assertion";
            return false;
        }
    }

    /* a bidirectional channel is assignable to a channel type with the
     * same element type if one of them is not named */
    if (Vu->kind == TY_CHAN && TY_AS(TyChan, Vu)->dir == TY_SEND_RECV) {
        if (Tu->kind == TY_CHAN && ty_identical(TY_AS(TyChan, Vu)->elem, TY_AS(TyChan, Tu)->elem))
            return !ty_has_name(V) || !ty_has_name(T);
    }

    if (!Vp && !Tp)
        return false;

    /* V without a name and T a type parameter: x must be assignable to
     * each specific type in T's type set */
    if (!ty_has_name(V) && Tp) {
        AssignCtx c = {ck, x, T, origT, Tp, cause, false};
        ck_tparam_is(ck, Tp, value_to_term, &c);
        return c.ok;
    }

    /* V a type parameter and T without a name: each specific type of V's
     * type set must be assignable to T */
    if (Vp && !ty_has_name(T)) {
        AssignCtx c = {ck, x, T, origT, Vp, cause, false};
        ck_tparam_is(ck, Vp, term_to_value, &c);
        return c.ok;
    }
    return false;
}
