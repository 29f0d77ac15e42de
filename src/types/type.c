/*
 * Type constructors, objects, and the simplest questions about types
 * (underlying type, alias resolution, basic-type predicates).
 */
#include "check.h"

#include <string.h>

static void *new_type(TyEnv *env, TyKind k, size_t size)
{
    TyType *t = arena_alloc(&env->arena, size);
    t->kind = (uint8_t)k;
    t->id = ++env->next_type_id;
    return t;
}

TyType *ty_new_array(TyEnv *env, TyType *elem, int64_t len)
{
    TyArray *t = new_type(env, TY_ARRAY, sizeof *t);
    t->elem = elem;
    t->len = len;
    return &t->t;
}

TyType *ty_new_slice(TyEnv *env, TyType *elem)
{
    TySlice *t = new_type(env, TY_SLICE, sizeof *t);
    t->elem = elem;
    return &t->t;
}

TyType *ty_new_pointer(TyEnv *env, TyType *base)
{
    TyPointer *t = new_type(env, TY_POINTER, sizeof *t);
    t->base = base;
    return &t->t;
}

TyType *ty_new_map(TyEnv *env, TyType *key, TyType *elem)
{
    TyMap *t = new_type(env, TY_MAP, sizeof *t);
    t->key = key;
    t->elem = elem;
    return &t->t;
}

TyType *ty_new_chan(TyEnv *env, TyChanDir dir, TyType *elem)
{
    TyChan *t = new_type(env, TY_CHAN, sizeof *t);
    t->dir = (uint8_t)dir;
    t->elem = elem;
    return &t->t;
}

TyTuple *ty_new_tuple(TyEnv *env, TyObject **vars, uint32_t n)
{
    if (n == 0 && env->empty_tuple)
        return env->empty_tuple;
    TyTuple *t = new_type(env, TY_TUPLE, sizeof *t);
    t->len = n;
    t->vars = n ? arena_memdup(&env->arena, vars, sizeof(TyObject *) * n) : NULL;
    return t;
}

TySignature *ty_new_signature(TyEnv *env, TyObject *recv, TyTuple *params, TyTuple *results,
                              bool variadic)
{
    TySignature *s = new_type(env, TY_SIGNATURE, sizeof *s);
    s->recv = recv;
    s->params = params ? params : ty_new_tuple(env, NULL, 0);
    s->results = results ? results : ty_new_tuple(env, NULL, 0);
    s->variadic = variadic;
    return s;
}

TyStruct *ty_new_struct(TyEnv *env, TyObject **fields, const char **tags, uint32_t n)
{
    TyStruct *s = new_type(env, TY_STRUCT, sizeof *s);
    s->nfields = n;
    s->fields = n ? arena_memdup(&env->arena, fields, sizeof(TyObject *) * n) : NULL;
    s->tags = tags && n ? arena_memdup(&env->arena, tags, sizeof(char *) * n) : NULL;
    return s;
}

TyInterface *ty_new_interface(TyEnv *env, TyObject **methods, uint32_t nm, TyType **embeddeds,
                              uint32_t ne)
{
    TyInterface *t = new_type(env, TY_INTERFACE, sizeof *t);
    t->env = env;
    t->nmethods = nm;
    t->methods = nm ? arena_memdup(&env->arena, methods, sizeof(TyObject *) * nm) : NULL;
    t->nembeddeds = ne;
    t->embeddeds = ne ? arena_memdup(&env->arena, embeddeds, sizeof(TyType *) * ne) : NULL;
    return t;
}

TyNamed *ty_new_named(TyEnv *env, TyObject *obj, TyType *underlying)
{
    TyNamed *n = new_type(env, TY_NAMED, sizeof *n);
    n->obj = obj;
    n->orig = n;
    n->env = env;
    n->fromrhs = underlying;
    if (underlying && underlying->kind != TY_NAMED && underlying->kind != TY_ALIAS)
        n->underlying = underlying;
    if (obj && !obj->type)
        obj->type = &n->t;
    return n;
}

TyTypeParam *ty_new_typeparam(TyEnv *env, TyObject *obj, TyType *constraint)
{
    TyTypeParam *t = new_type(env, TY_TYPEPARAM, sizeof *t);
    t->obj = obj;
    t->env = env;
    t->uid = ++env->next_tparam_id;
    t->bound = constraint;
    if (obj && !obj->type)
        obj->type = &t->t;
    return t;
}

TyUnion *ty_new_union(TyEnv *env, TyTerm *terms, uint32_t n)
{
    TyUnion *u = new_type(env, TY_UNION, sizeof *u);
    u->nterms = n;
    u->terms = n ? arena_memdup(&env->arena, terms, sizeof(TyTerm) * n) : NULL;
    return u;
}

TyAlias *ty_new_alias(TyEnv *env, TyObject *obj, TyType *rhs)
{
    TyAlias *a = new_type(env, TY_ALIAS, sizeof *a);
    a->obj = obj;
    a->orig = a;
    a->fromrhs = rhs;
    if (rhs)
        a->actual = ty_unalias(rhs);
    if (obj && !obj->type)
        obj->type = &a->t;
    return a;
}

void ty_named_add_method(TyEnv *env, TyNamed *n, TyObject *m)
{
    if (n->nmethods == n->capmethods) {
        uint32_t cap = n->capmethods ? n->capmethods * 2 : 4;
        TyObject **ms = ARENA_ARRAY(&env->arena, TyObject *, cap);
        if (n->nmethods)
            memcpy(ms, n->methods, sizeof(TyObject *) * n->nmethods);
        n->methods = ms;
        n->capmethods = cap;
    }
    n->methods[n->nmethods++] = m;
}

/* ---- objects ------------------------------------------------------------------ */

TyObject *ty_new_obj(TyEnv *env, TyObjKind kind, Pos pos, TyPackage *pkg, const Sym *name, TyType *t)
{
    TyObject *o = ARENA_NEW(&env->arena, TyObject);
    o->kind = (uint8_t)kind;
    o->pos = pos;
    o->pkg = pkg;
    o->name = name;
    o->type = t;
    return o;
}

TyObject *ty_new_var(TyEnv *env, TyVarKind vk, Pos pos, TyPackage *pkg, const Sym *name, TyType *t)
{
    TyObject *o = ty_new_obj(env, TY_OBJ_VAR, pos, pkg, name, t);
    o->varkind = (uint8_t)vk;
    return o;
}

TyObject *ty_new_const(TyEnv *env, Pos pos, TyPackage *pkg, const Sym *name, TyType *t, TyConst val)
{
    TyObject *o = ty_new_obj(env, TY_OBJ_CONST, pos, pkg, name, t);
    o->u.val = val;
    return o;
}

TyObject *ty_new_typename(TyEnv *env, Pos pos, TyPackage *pkg, const Sym *name, TyType *t)
{
    return ty_new_obj(env, TY_OBJ_TYPENAME, pos, pkg, name, t);
}

TyObject *ty_new_func(TyEnv *env, Pos pos, TyPackage *pkg, const Sym *name, TySignature *sig)
{
    return ty_new_obj(env, TY_OBJ_FUNC, pos, pkg, name, sig ? &sig->t : NULL);
}

TyObject *ty_new_pkgname(TyEnv *env, Pos pos, TyPackage *pkg, const Sym *name, TyPackage *imported)
{
    TyObject *o = ty_new_obj(env, TY_OBJ_PKGNAME, pos, pkg, name, &env->basic[TY_INVALID]->t);
    o->u.imported = imported;
    return o;
}

TyObject *ty_new_label(TyEnv *env, Pos pos, TyPackage *pkg, const Sym *name)
{
    return ty_new_obj(env, TY_OBJ_LABEL, pos, pkg, name, &env->basic[TY_INVALID]->t);
}

TyPackage *ty_new_package(TyEnv *env, const char *path, const char *name)
{
    TyPackage *p = ARENA_NEW(&env->arena, TyPackage);
    p->path = arena_strdup(&env->arena, path);
    p->name = arena_strdup(&env->arena, name);
    char *comment = arena_printf(&env->arena, "package %s", path);
    p->scope = ty_scope_new(env, env->universe, NOPOS, NOPOS, comment);
    return p;
}

bool ty_obj_exported(const TyObject *o)
{
    /* an identifier is exported if it starts with an upper-case letter */
    const unsigned char *s = (const unsigned char *)o->name->name;
    if (s[0] < 0x80)
        return s[0] >= 'A' && s[0] <= 'Z';
    int w;
    int32_t r = utf8_decode(s, o->name->len, &w);
    /* unicode.IsUpper: letters that are upper case.  Letters are enough
     * for identifiers; upper-case letters outside ASCII are rare. */
    return uni_is_letter(r) && uni_is_upper(r);
}

bool ty_same_id(const TyObject *o, const TyPackage *pkg, const Sym *name)
{
    if (o->name != name)
        return false;
    if (ty_obj_exported(o))
        return true;
    /* unexported names from different packages are different */
    if (!o->pkg || !pkg)
        return o->pkg == pkg;
    return o->pkg == pkg || strcmp(o->pkg->path, pkg->path) == 0;
}

void ty_obj_id(Buf *b, const TyObject *o)
{
    if (!ty_obj_exported(o) && o->pkg) {
        buf_puts(b, o->pkg->path);
        buf_putc(b, '.');
    }
    buf_put(b, o->name->name, o->name->len);
}

bool ty_is_alias_obj(TyObject *o)
{
    if (o->kind != TY_OBJ_TYPENAME || !o->type)
        return false;
    TyType *t = o->type;
    switch (t->kind) {
    case TY_ALIAS:
        return TY_AS(TyAlias, t)->obj == o;
    case TY_BASIC:
        /* byte and rune, and unsafe.Pointer's "Pointer" aside, basic type
         * names are their types' own */
        return o->pkg != NULL || TY_AS(TyBasic, t)->name != o->name->name;
    case TY_NAMED:
        return TY_AS(TyNamed, t)->obj != o;
    case TY_TYPEPARAM:
        return TY_AS(TyTypeParam, t)->obj != o;
    default:
        return true;
    }
}

/* ---- underlying types ------------------------------------------------------------ */

TyType *ty_unalias(TyType *t)
{
    while (t && t->kind == TY_ALIAS) {
        TyAlias *a = TY_AS(TyAlias, t);
        if (a->actual)
            return a->actual;
        t = a->fromrhs;
    }
    return t;
}

TyType *ty_under(TyType *t)
{
    if (!t)
        return NULL;
    t = ty_unalias(t);
    if (!t)
        return NULL;
    switch (t->kind) {
    case TY_NAMED: {
        TyNamed *n = TY_AS(TyNamed, t);
        if (n->underlying)
            return n->underlying;
        return ty_named_underlying(n->env, n);
    }
    case TY_TYPEPARAM: {
        TyTypeParam *tp = TY_AS(TyTypeParam, t);
        return &ty_typeparam_iface(tp->env, tp)->t;
    }
    default:
        return t;
    }
}

TyBasic *ty_basic(TyEnv *env, TyBasicKind k) { return env->basic[k]; }
TyType *ty_typ(TyEnv *env, TyBasicKind k) { return &env->basic[k]->t; }

static TyBasic *as_basic(TyType *t)
{
    TyType *u = ty_under(t);
    return u && u->kind == TY_BASIC ? TY_AS(TyBasic, u) : NULL;
}

bool ty_is_basic_info(TyType *t, unsigned info)
{
    TyBasic *b = as_basic(t);
    return b && (b->info & info) != 0;
}

bool ty_is_valid(TyType *t)
{
    t = ty_unalias(t);
    return t && !(t->kind == TY_BASIC && TY_AS(TyBasic, t)->bkind == TY_INVALID);
}

bool ty_is_untyped(TyType *t)
{
    /* named types and aliases never denote untyped types */
    return t && t->kind == TY_BASIC && (TY_AS(TyBasic, t)->info & TY_IS_UNTYPED);
}

bool ty_is_typed(TyType *t) { return !ty_is_untyped(t); }

bool ty_is_boolean(TyType *t) { return ty_is_basic_info(t, TY_IS_BOOLEAN); }
bool ty_is_integer(TyType *t) { return ty_is_basic_info(t, TY_IS_INTEGER); }
bool ty_is_unsigned(TyType *t) { return ty_is_basic_info(t, TY_IS_UNSIGNED); }
bool ty_is_float(TyType *t) { return ty_is_basic_info(t, TY_IS_FLOAT); }
bool ty_is_complex(TyType *t) { return ty_is_basic_info(t, TY_IS_COMPLEX); }
bool ty_is_numeric(TyType *t) { return ty_is_basic_info(t, TY_IS_NUMERIC); }
bool ty_is_string(TyType *t) { return ty_is_basic_info(t, TY_IS_STRING); }
bool ty_is_integer_or_float(TyType *t) { return ty_is_basic_info(t, TY_IS_INTEGER | TY_IS_FLOAT); }
bool ty_is_const_type(TyType *t) { return ty_is_basic_info(t, TY_IS_CONST_TYPE); }

bool ty_is_typeparam(TyType *t)
{
    t = ty_unalias(t);
    return t && t->kind == TY_TYPEPARAM;
}

TyTypeParam *ty_as_typeparam(TyType *t)
{
    t = ty_unalias(t);
    return t && t->kind == TY_TYPEPARAM ? TY_AS(TyTypeParam, t) : NULL;
}

TyNamed *ty_as_named(TyType *t)
{
    t = ty_unalias(t);
    return t && t->kind == TY_NAMED ? TY_AS(TyNamed, t) : NULL;
}

TyInterface *ty_as_interface(TyType *t)
{
    TyType *u = ty_under(t);
    return u && u->kind == TY_INTERFACE ? TY_AS(TyInterface, u) : NULL;
}

TySignature *ty_as_signature(TyType *t)
{
    TyType *u = ty_under(t);
    return u && u->kind == TY_SIGNATURE ? TY_AS(TySignature, u) : NULL;
}

bool ty_is_interface(TyType *t)
{
    /* a type parameter's underlying type is its constraint interface, but
     * a type parameter is not an interface */
    return !ty_is_typeparam(t) && ty_as_interface(t) != NULL;
}

bool ty_has_name(TyType *t)
{
    t = ty_unalias(t);
    return t && (t->kind == TY_BASIC || t->kind == TY_NAMED || t->kind == TY_TYPEPARAM);
}

bool ty_is_named(TyType *t) { return ty_has_name(t); }

bool ty_is_generic(TyType *t)
{
    if (t && t->kind == TY_ALIAS) {
        TyAlias *a = TY_AS(TyAlias, t);
        if (a->tparams.len > 0 && a->targs.len == 0)
            return true;
    }
    TyNamed *n = ty_as_named(t);
    return n && n->obj && n->orig == n && n->tparams.len > 0;
}

TyType *ty_deref(TyType *t, bool *isptr)
{
    TyType *u = ty_unalias(t);
    if (u && u->kind == TY_POINTER) {
        if (isptr)
            *isptr = true;
        return TY_AS(TyPointer, u)->base;
    }
    if (isptr)
        *isptr = false;
    return t;
}

TyStruct *ty_deref_struct_ptr(TyType *t)
{
    TyType *u = ty_under(t);
    if (u && u->kind == TY_POINTER) {
        TyType *b = ty_under(TY_AS(TyPointer, u)->base);
        if (b && b->kind == TY_STRUCT)
            return TY_AS(TyStruct, b);
    }
    return NULL;
}

TyType *ty_default_type(TyEnv *env, TyType *t)
{
    if (t && t->kind == TY_BASIC) {
        switch (TY_AS(TyBasic, t)->bkind) {
        case TY_UNTYPED_BOOL: return ty_typ(env, TY_BOOL);
        case TY_UNTYPED_INT: return ty_typ(env, TY_INT);
        case TY_UNTYPED_RUNE: return &env->basic[TY_RUNE]->t;
        case TY_UNTYPED_FLOAT: return ty_typ(env, TY_FLOAT64);
        case TY_UNTYPED_COMPLEX: return ty_typ(env, TY_COMPLEX128);
        case TY_UNTYPED_STRING: return ty_typ(env, TY_STRING);
        default: break;
        }
    }
    return t;
}


bool ty_all_basic_info(TyType *t, unsigned info)
{
    TyTypeParam *tp = ty_as_typeparam(t);
    if (!tp)
        return ty_is_basic_info(t, info);
    return ty_typeparam_all_terms_basic(tp, info);
}

static bool term_is_basic(void *ud, bool tilde, TyType *t)
{
    (void)tilde;
    return t && ty_is_basic_info(t, *(unsigned *)ud);
}

/* types2 TypeParam.is: every specific term of tp's type set satisfies the
 * predicate (a type set without specific terms does not). */
bool ty_typeparam_all_terms_basic(TyTypeParam *tp, unsigned info)
{
    TyInterface *it = ty_typeparam_iface(tp->env, tp);
    return ty_typeset_each_term(ty_interface_typeset(tp->env, it), term_is_basic, &info);
}
