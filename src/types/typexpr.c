/*
 * Type expressions (types2 typexpr.go): identifiers, the conversion of
 * type syntax into types, instantiated types and array lengths.
 */
#include "check.h"

#include <string.h>

/* Marks the declaration being checked as depending on obj (for init
 * order), if obj is a package-level object. */
void ck_add_decl_dep(Checker *ck, TyObject *obj)
{
    if (!ck->e.decl)
        return;
    if (!ptrmap_get(&ck->objmap, PMKEY(obj)))
        return; /* not a package-level object */
    ck_decl_add_dep(ck, ck->e.decl, obj);
}

/* types2 objectKind: how an object is described in messages. */
const char *ck_object_kind(TyObject *o)
{
    switch (o->kind) {
    case TY_OBJ_PKGNAME: return "package name";
    case TY_OBJ_CONST: return "constant";
    case TY_OBJ_TYPENAME:
        if (ty_is_alias_obj(o))
            return "type alias";
        if (o->type && o->type->kind == TY_TYPEPARAM)
            return "type parameter";
        return "defined type";
    case TY_OBJ_VAR:
        switch (o->varkind) {
        case TY_PACKAGE_VAR: return "package-level variable";
        case TY_LOCAL_VAR: return "local variable";
        case TY_RECV_VAR: return "receiver";
        case TY_PARAM_VAR: return "parameter";
        case TY_RESULT_VAR: return "result variable";
        case TY_FIELD_VAR: return "struct field";
        default: return "variable";
        }
    case TY_OBJ_FUNC:
        if (o->type && o->type->kind == TY_SIGNATURE && TY_AS(TySignature, o->type)->recv)
            return "method";
        return "function";
    case TY_OBJ_LABEL: return "label";
    case TY_OBJ_BUILTIN: return "built-in function";
    case TY_OBJ_NIL: return "untyped nil";
    default: return "object";
    }
}

/* The scope in which name is found, walking outwards from the current
 * scope (types2 lookupScope: positions play no role; objects are declared
 * only once their declarations have been checked). */
static TyObject *lookup_scope(Checker *ck, const Sym *name, TyScope **found)
{
    for (TyScope *s = ck->e.scope; s; s = s->parent) {
        TyObject *o = ty_scope_lookup(s, name);
        if (o) {
            *found = s;
            return o;
        }
    }
    *found = NULL;
    return NULL;
}

TyObject *ck_lookup(Checker *ck, const Sym *name)
{
    TyScope *s;
    return lookup_scope(ck, name, &s);
}

static bool valid_name(const Sym *name)
{
    /* names made up by the parser for errors are "_" or empty */
    return name->len > 0;
}

void ck_ident(Checker *ck, Operand *x, SynName *e, bool want_type)
{
    x->mode = TY_MODE_INVALID;
    x->expr = &e->n;
    TyEnv *env = ck->env;

    TyScope *scope;
    TyObject *obj = lookup_scope(ck, e->value, &scope);
    if (!obj) {
        if (e->value == ck->sym_blank)
            ck_error(ck, e->n.pos, "cannot use _ as value or type");
        else if (valid_name(e->value))
            ck_errorf(ck, e->n.pos, "undefined: %s", e->value->name);
        return;
    }
    if (scope == env->universe && obj->kind == TY_OBJ_TYPENAME &&
        (obj->type == env->comparable_type || obj->type == env->any_type)) {
        if (!ck_allow_version(ck, 18)) {
            ck_errorf(ck, e->n.pos, "predeclared %s requires go1.18 or later", e->value->name);
            return;
        }
    }

    ck_record_use(ck, e, obj);

    bool got_type = obj->kind == TY_OBJ_TYPENAME;
    if (!got_type && want_type) {
        ck_errorf(ck, e->n.pos, "%s (%s) is not a type", obj->name->name, ck_object_kind(obj));
        if (obj->kind == TY_OBJ_VAR && obj->pkg == ck->pkg)
            obj->flags |= TY_OF_USED;
        return;
    }

    TyType *typ = obj->type;
    if (!typ || (got_type && want_type && obj->pkg == ck->pkg)) {
        ck_obj_decl(ck, obj);
        typ = obj->type;
    }
    if (!typ)
        typ = ty_typ(env, TY_INVALID);

    /* a use of a dot-imported object uses the import */
    if (ck->dot_import_map.len) {
        TyObject *pkgname = ptrmap_get(&ck->dot_import_map, ck_dot_key(scope, obj));
        if (pkgname)
            pkgname->flags |= TY_OF_USED;
    }

    switch (obj->kind) {
    case TY_OBJ_PKGNAME:
        ck_errorf(ck, e->n.pos, "use of package %s not in selector", obj->name->name);
        return;
    case TY_OBJ_CONST:
        ck_add_decl_dep(ck, obj);
        if (!ty_is_valid(typ))
            return;
        if (obj == env->universe_iota) {
            if (!ck->e.has_iota) {
                ck_error(ck, e->n.pos, "cannot use iota outside constant declaration");
                return;
            }
            x->val = ck->e.iota;
        } else {
            x->val = obj->u.val;
        }
        x->mode = TY_MODE_CONSTANT;
        break;
    case TY_OBJ_TYPENAME:
        x->mode = TY_MODE_TYPEXPR;
        break;
    case TY_OBJ_VAR:
        if (obj->pkg == ck->pkg)
            obj->flags |= TY_OF_USED;
        ck_add_decl_dep(ck, obj);
        if (!ty_is_valid(typ))
            return;
        x->mode = TY_MODE_VARIABLE;
        break;
    case TY_OBJ_FUNC:
        ck_add_decl_dep(ck, obj);
        x->mode = TY_MODE_VALUE;
        break;
    case TY_OBJ_BUILTIN:
        x->id = obj->u.builtin;
        x->mode = TY_MODE_BUILTIN;
        break;
    case TY_OBJ_NIL:
        x->mode = TY_MODE_NILVALUE;
        break;
    default:
        return;
    }
    x->type = typ;
}

TyType *ck_typ(Checker *ck, SynNode *e) { return ck_defined_type(ck, e, NULL); }

typedef struct VarTypeArg {
    SynNode *e;
    TyType *typ;
} VarTypeArg;

static void valid_var_type_later(Checker *ck, void *arg)
{
    VarTypeArg *a = arg;
    TyInterface *it = ty_as_interface(a->typ);
    if (!it)
        return;
    Pos pos = syn_start_pos(a->e);
    TyTypeSet *ts = ty_compute_interface_typeset(ck, pos, it);
    if (!ty_interface_is_method_set(ck->env, it)) {
        if (ty_typeset_comparable_bit(ts))
            ck_softf(ck, pos,
                     "cannot use type %s outside a type constraint: interface is (or embeds) comparable",
                     ck_tstr(ck, a->typ));
        else
            ck_softf(ck, pos, "cannot use type %s outside a type constraint: interface contains type constraints",
                     ck_tstr(ck, a->typ));
    }
}

/* A variable's type may not be a constraint interface (checked once the
 * interface is complete). */
void ck_valid_var_type(Checker *ck, SynNode *e, TyType *typ)
{
    if (ty_is_typeparam(typ))
        return;
    VarTypeArg *a = ARENA_NEW(&ck->tmp, VarTypeArg);
    a->e = e;
    a->typ = typ;
    ck_later(ck, valid_var_type_later, a);
}

TyType *ck_var_type(Checker *ck, SynNode *e)
{
    TyType *t = ck_defined_type(ck, e, NULL);
    ck_valid_var_type(ck, e, t);
    return t;
}

TyType *ck_defined_type(Checker *ck, SynNode *e, TyObject *def)
{
    TyType *t = ck_typ_internal(ck, e, def);
    if (ty_is_generic(t)) {
        ck_errorf(ck, ck_at(e), "cannot use generic type %s without instantiation", ck_tstr(ck, t));
        t = ty_typ(ck->env, TY_INVALID);
    }
    ck_record_type_and_value(ck, e, TY_MODE_TYPEXPR, t, NULL);
    return t;
}

TyType *ck_generic_type(Checker *ck, SynNode *e, const char **cause)
{
    TyType *t = ck_typ_internal(ck, e, NULL);
    if (ty_is_valid(t) && !ty_is_generic(t)) {
        if (cause)
            *cause = ck_sprintf(ck, "%s is not a generic type", ck_tstr(ck, t));
        t = ty_typ(ck->env, TY_INVALID);
    }
    ck_record_type_and_value(ck, e, TY_MODE_TYPEXPR, t, NULL);
    return t;
}

typedef struct MapKeyArg {
    SynNode *e;
    TyMap *typ;
} MapKeyArg;

static void check_map_key_later(Checker *ck, void *arg)
{
    MapKeyArg *a = arg;
    TyType *key = a->typ->key;
    if (!ty_comparable(key)) {
        const char *why = ty_is_typeparam(key) ? " (missing comparable constraint)" : "";
        ck_errorf(ck, ck_at(a->e), "invalid map key type %s%s", ck_tstr(ck, key), why);
    }
}

static TyType *not_a_type(Checker *ck, Operand *x)
{
    switch (x->mode) {
    case TY_MODE_TYPEXPR:
        return x->type;
    case TY_MODE_INVALID:
        break;
    case TY_MODE_NOVALUE:
        ck_errorf(ck, ck_operand_pos(x), "%s used as type", ck_ostr(ck, x));
        break;
    default:
        ck_errorf(ck, ck_operand_pos(x), "%s is not a type", ck_ostr(ck, x));
        break;
    }
    return NULL;
}

TyType *ck_typ_internal(Checker *ck, SynNode *e0, TyObject *def)
{
    TyEnv *env = ck->env;
    switch (e0->kind) {
    case SYN_BAD_EXPR:
        break;
    case SYN_NAME: {
        Operand x;
        memset(&x, 0, sizeof x);
        ck_ident(ck, &x, (SynName *)e0, true);
        TyType *t = not_a_type(ck, &x);
        if (t)
            return t;
        break;
    }
    case SYN_SELECTOR_EXPR: {
        Operand x;
        memset(&x, 0, sizeof x);
        ck_selector(ck, &x, (SynSelectorExpr *)e0, def, true);
        TyType *t = not_a_type(ck, &x);
        if (t)
            return t;
        break;
    }
    case SYN_INDEX_EXPR: {
        SynIndexExpr *e = (SynIndexExpr *)e0;
        if (!ck_allow_version(ck, 18))
            ck_errorf(ck, ck_at(e0), "type instantiation requires go1.18 or later");
        SynList xlist;
        if (e->index->kind == SYN_LIST_EXPR) {
            xlist = ((SynListExpr *)e->index)->elems;
        } else {
            xlist.items = &e->index;
            xlist.len = 1;
        }
        return ck_instantiated_type(ck, e->x, xlist);
    }
    case SYN_PAREN_EXPR:
        return ck_defined_type(ck, ((SynParenExpr *)e0)->x, def);
    case SYN_ARRAY_TYPE: {
        SynArrayType *e = (SynArrayType *)e0;
        int64_t len;
        if (e->len) {
            len = ck_array_length(ck, e->len);
        } else {
            ck_error(ck, ck_at(e0), "invalid use of [...] array (outside a composite literal)");
            len = -1;
        }
        TyType *elem = ck_var_type(ck, e->elem);
        if (len >= 0)
            return ty_new_array(env, elem, len);
        break;
    }
    case SYN_SLICE_TYPE:
        return ty_new_slice(env, ck_var_type(ck, ((SynSliceType *)e0)->elem));
    case SYN_DOTS_TYPE:
        ck_error(ck, ck_at(e0), "invalid use of ...");
        break;
    case SYN_STRUCT_TYPE: {
        TyStruct *s = ty_new_struct(env, NULL, NULL, 0);
        ck_struct_type(ck, s, (SynStructType *)e0);
        return &s->t;
    }
    case SYN_OPERATION: {
        SynOperation *e = (SynOperation *)e0;
        if (e->n.op == SYN_MUL && !e->y) {
            TyPointer *p = TY_AS(TyPointer, ty_new_pointer(env, ty_typ(env, TY_INVALID)));
            p->base = ck_var_type(ck, e->x);
            if (!ty_is_valid(p->base))
                return ty_typ(env, TY_INVALID);
            return &p->t;
        }
        ck_errorf(ck, ck_at(e0), "%s is not a type", ck_estr(ck, e0));
        ck_use(ck, &e0, 1);
        break;
    }
    case SYN_FUNC_TYPE: {
        TySignature *sig = ty_new_signature(env, NULL, NULL, NULL, false);
        SynList none = {NULL, 0};
        ck_func_type(ck, sig, NULL, none, (SynFuncType *)e0);
        return &sig->t;
    }
    case SYN_INTERFACE_TYPE: {
        TyInterface *it = ty_new_interface(env, NULL, 0, NULL, 0);
        it->check = ck;
        ck_needs_cleanup(ck, it);
        ck_interface_type(ck, it, (SynInterfaceType *)e0, def);
        return &it->t;
    }
    case SYN_MAP_TYPE: {
        SynMapType *e = (SynMapType *)e0;
        TyMap *m = TY_AS(TyMap, ty_new_map(env, NULL, NULL));
        m->key = ck_var_type(ck, e->key);
        m->elem = ck_var_type(ck, e->value);
        MapKeyArg *a = ARENA_NEW(&ck->tmp, MapKeyArg);
        a->e = e->key;
        a->typ = m;
        ck_later(ck, check_map_key_later, a);
        return &m->t;
    }
    case SYN_CHAN_TYPE: {
        SynChanType *e = (SynChanType *)e0;
        TyChanDir dir = TY_SEND_RECV;
        if (e->n.op == SYN_CHAN_SEND)
            dir = TY_SEND_ONLY;
        else if (e->n.op == SYN_CHAN_RECV)
            dir = TY_RECV_ONLY;
        TyChan *c = TY_AS(TyChan, ty_new_chan(env, dir, NULL));
        c->elem = ck_var_type(ck, e->elem);
        return &c->t;
    }
    default:
        ck_errorf(ck, ck_at(e0), "%s is not a type", ck_estr(ck, e0));
        ck_use(ck, &e0, 1);
        break;
    }
    return ty_typ(env, TY_INVALID);
}

typedef struct VerifyInstArg {
    SynNode *x;
    SynList xlist;
    TyTypeList targs;
    TyType *inst;
} VerifyInstArg;

static void verify_instance_later(Checker *ck, void *arg)
{
    VerifyInstArg *a = arg;
    ck_record_instance(ck, a->x, a->targs, a->inst);
    ck_verify_instance(ck, a->x->pos, a->inst, a->targs, a->xlist);
}

TyType *ck_instantiated_type(Checker *ck, SynNode *x, SynList xlist)
{
    const char *cause = NULL;
    TyType *typ = ck_generic_type(ck, x, &cause);
    if (cause) {
        Buf b = {0};
        buf_puts(&b, ck_estr(ck, x));
        buf_putc(&b, '[');
        for (uint32_t i = 0; i < xlist.len; i++) {
            if (i > 0)
                buf_puts(&b, ", ");
            buf_puts(&b, ck_estr(ck, xlist.items[i]));
        }
        buf_putc(&b, ']');
        ck_errorf(ck, ck_at(x), "invalid operation: %s (%s)", buf_str(&b), cause);
        buf_free(&b);
    }
    if (!ty_is_valid(typ))
        return typ;
    TyTypeList targs = ck_type_list(ck, xlist);
    if (!targs.items)
        return ty_typ(ck->env, TY_INVALID);
    TyType *inst = ck_instantiate(ck, x->pos, typ, targs, NULL);
    if (!inst || (inst->kind != TY_NAMED && inst->kind != TY_ALIAS))
        return ty_typ(ck->env, TY_INVALID);
    VerifyInstArg *a = ARENA_NEW(&ck->tmp, VerifyInstArg);
    a->x = x;
    a->xlist = xlist;
    a->targs = targs;
    a->inst = inst;
    ck_later(ck, verify_instance_later, a);
    return inst;
}

int64_t ck_array_length(Checker *ck, SynNode *e)
{
    /* a name that is not a constant: probably a missing type constraint in
     * a generic type declaration (type T[P any] [P]int) */
    if (e->kind == SYN_NAME) {
        SynName *name = (SynName *)e;
        TyObject *obj = ck_lookup(ck, name->value);
        if (!obj) {
            ck_errorf(ck, e->pos, "undefined array length %s or missing type constraint", name->value->name);
            return -1;
        }
        if (obj->kind != TY_OBJ_CONST) {
            ck_errorf(ck, e->pos, "invalid array length %s", name->value->name);
            return -1;
        }
    }
    Operand x;
    memset(&x, 0, sizeof x);
    ck_expr(ck, NULL, &x, e);
    if (x.mode != TY_MODE_CONSTANT) {
        if (x.mode != TY_MODE_INVALID)
            ck_errorf(ck, ck_operand_pos(&x), "array length %s must be constant", ck_ostr(ck, &x));
        return -1;
    }
    if (ty_is_untyped(x.type) || ty_is_integer(x.type)) {
        TyConst v = ty_const_to_int(&ck->tmp, x.val);
        if (ty_const_kind(v) == TY_CONST_INT) {
            Operand tmp = x;
            tmp.val = v;
            if (ck_representable(ck, &tmp, ty_basic(ck->env, TY_INT), NULL, NULL)) {
                bool exact;
                int64_t n = ty_const_int64_val(v, &exact);
                if (exact && n >= 0)
                    return n;
            }
        }
    }
    if (ty_is_integer(x.type))
        ck_errorf(ck, ck_operand_pos(&x), "invalid array length %s", ck_ostr(ck, &x));
    else
        ck_errorf(ck, ck_operand_pos(&x), "array length %s must be integer", ck_ostr(ck, &x));
    return -1;
}

TyTypeList ck_type_list(Checker *ck, SynList list)
{
    TyTypeList res;
    res.len = list.len;
    res.items = ARENA_ARRAY(ck->a, TyType *, list.len ? list.len : 1);
    bool ok = true;
    for (uint32_t i = 0; i < list.len; i++) {
        TyType *t = ck_var_type(ck, list.items[i]);
        if (!ty_is_valid(t))
            ok = false;
        res.items[i] = t;
    }
    if (!ok) {
        res.items = NULL;
        res.len = 0;
    }
    return res;
}
