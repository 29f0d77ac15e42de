/*
 * The universe scope and package unsafe: predeclared types, constants,
 * nil and the builtin functions (types2 universe.go).
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    TyBasicKind kind, as;
    uint16_t info;
    const char *name;
} basics[] = {
    {TY_INVALID, TY_INVALID, 0, "invalid type"},
    {TY_BOOL, TY_BOOL, TY_IS_BOOLEAN, "bool"},
    {TY_INT, TY_INT, TY_IS_INTEGER, "int"},
    {TY_INT8, TY_INT8, TY_IS_INTEGER, "int8"},
    {TY_INT16, TY_INT16, TY_IS_INTEGER, "int16"},
    {TY_INT32, TY_INT32, TY_IS_INTEGER, "int32"},
    {TY_INT64, TY_INT64, TY_IS_INTEGER, "int64"},
    {TY_UINT, TY_UINT, TY_IS_INTEGER | TY_IS_UNSIGNED, "uint"},
    {TY_UINT8, TY_UINT8, TY_IS_INTEGER | TY_IS_UNSIGNED, "uint8"},
    {TY_UINT16, TY_UINT16, TY_IS_INTEGER | TY_IS_UNSIGNED, "uint16"},
    {TY_UINT32, TY_UINT32, TY_IS_INTEGER | TY_IS_UNSIGNED, "uint32"},
    {TY_UINT64, TY_UINT64, TY_IS_INTEGER | TY_IS_UNSIGNED, "uint64"},
    {TY_UINTPTR, TY_UINTPTR, TY_IS_INTEGER | TY_IS_UNSIGNED, "uintptr"},
    {TY_FLOAT32, TY_FLOAT32, TY_IS_FLOAT, "float32"},
    {TY_FLOAT64, TY_FLOAT64, TY_IS_FLOAT, "float64"},
    {TY_COMPLEX64, TY_COMPLEX64, TY_IS_COMPLEX, "complex64"},
    {TY_COMPLEX128, TY_COMPLEX128, TY_IS_COMPLEX, "complex128"},
    {TY_STRING, TY_STRING, TY_IS_STRING, "string"},
    {TY_UNSAFE_POINTER, TY_UNSAFE_POINTER, 0, "Pointer"},
    {TY_UNTYPED_BOOL, TY_UNTYPED_BOOL, TY_IS_BOOLEAN | TY_IS_UNTYPED, "untyped bool"},
    {TY_UNTYPED_INT, TY_UNTYPED_INT, TY_IS_INTEGER | TY_IS_UNTYPED, "untyped int"},
    {TY_UNTYPED_RUNE, TY_UNTYPED_RUNE, TY_IS_INTEGER | TY_IS_UNTYPED, "untyped rune"},
    {TY_UNTYPED_FLOAT, TY_UNTYPED_FLOAT, TY_IS_FLOAT | TY_IS_UNTYPED, "untyped float"},
    {TY_UNTYPED_COMPLEX, TY_UNTYPED_COMPLEX, TY_IS_COMPLEX | TY_IS_UNTYPED, "untyped complex"},
    {TY_UNTYPED_STRING, TY_UNTYPED_STRING, TY_IS_STRING | TY_IS_UNTYPED, "untyped string"},
    {TY_UNTYPED_NIL, TY_UNTYPED_NIL, TY_IS_UNTYPED, "untyped nil"},
    /* byte and rune are distinct type values with the kinds of uint8 and
     * int32, so that they print under their own names */
    {TY_BYTE, TY_UINT8, TY_IS_INTEGER | TY_IS_UNSIGNED, "byte"},
    {TY_RUNE, TY_INT32, TY_IS_INTEGER, "rune"},
};

static const char *const builtin_names[TY_BI_COUNT] = {
    [TY_BI_APPEND] = "append", [TY_BI_CAP] = "cap", [TY_BI_CLEAR] = "clear",
    [TY_BI_CLOSE] = "close", [TY_BI_COMPLEX] = "complex", [TY_BI_COPY] = "copy",
    [TY_BI_DELETE] = "delete", [TY_BI_IMAG] = "imag", [TY_BI_LEN] = "len",
    [TY_BI_MAKE] = "make", [TY_BI_MAX] = "max", [TY_BI_MIN] = "min", [TY_BI_NEW] = "new",
    [TY_BI_PANIC] = "panic", [TY_BI_PRINT] = "print", [TY_BI_PRINTLN] = "println",
    [TY_BI_REAL] = "real", [TY_BI_RECOVER] = "recover", [TY_BI_ADD] = "Add",
    [TY_BI_ALIGNOF] = "Alignof", [TY_BI_OFFSETOF] = "Offsetof", [TY_BI_SIZEOF] = "Sizeof",
    [TY_BI_SLICE] = "Slice", [TY_BI_SLICEDATA] = "SliceData", [TY_BI_STRING] = "String",
    [TY_BI_STRINGDATA] = "StringData", [TY_BI_ASSERT] = "assert", [TY_BI_TRACE] = "trace",
};

const char *ty_builtin_name(TyBuiltinId id) { return builtin_names[id]; }

/* Predeclared objects with exported names belong to package unsafe. */
static void def(TyEnv *env, TyObject *obj)
{
    if (strchr(obj->name->name, ' '))
        return; /* "untyped int", "invalid type" are not declared */
    TyScope *scope = env->universe;
    if (ty_obj_exported(obj)) {
        scope = env->unsafe_pkg->scope;
        obj->pkg = env->unsafe_pkg;
    }
    if (ty_scope_insert(env, scope, obj))
        base_fatal("double declaration of predeclared identifier %s", obj->name->name);
}

TyEnv *ty_env_new(SymTab *syms, PosTab *pos, const char *goarch)
{
    TyEnv *env = xcalloc(1, sizeof *env);
    arena_init(&env->arena);
    env->syms = syms;
    env->pos = pos;
    env->sizes.goarch = goarch;
    env->sizes.wordsize = 8;
    env->sizes.maxalign = 8;
    if (strcmp(goarch, "386") == 0 || strcmp(goarch, "arm") == 0 || strcmp(goarch, "mips") == 0 ||
        strcmp(goarch, "mipsle") == 0) {
        env->sizes.wordsize = 4;
        env->sizes.maxalign = 4;
    }
    env->empty_tuple = ty_new_tuple(env, NULL, 0);

    env->universe = ty_scope_new(env, NULL, NOPOS, NOPOS, "universe");
    env->unsafe_pkg = ARENA_NEW(&env->arena, TyPackage);
    env->unsafe_pkg->path = "unsafe";
    env->unsafe_pkg->name = "unsafe";
    env->unsafe_pkg->scope = ty_scope_new(env, env->universe, NOPOS, NOPOS, "package unsafe");
    env->unsafe_pkg->complete = true;

    /* predeclared types */
    for (size_t i = 0; i < sizeof basics / sizeof basics[0]; i++) {
        TyBasic *b = arena_alloc(&env->arena, sizeof *b);
        b->t.kind = TY_BASIC;
        b->t.id = ++env->next_type_id;
        b->bkind = (uint8_t)basics[i].as;
        b->info = basics[i].info;
        b->name = basics[i].name;
        env->basic[basics[i].kind] = b;
    }
    for (size_t i = 0; i < sizeof basics / sizeof basics[0]; i++) {
        TyBasic *b = env->basic[basics[i].kind];
        def(env, ty_new_typename(env, NOPOS, NULL, sym_cstr(syms, b->name), &b->t));
    }

    /* any: an alias for interface{} */
    TyInterface *empty = ty_new_interface(env, NULL, 0, NULL, 0);
    empty->complete = true;
    env->empty_interface = &empty->t;
    TyObject *anyobj = ty_new_typename(env, NOPOS, NULL, sym_cstr(syms, "any"), NULL);
    TyAlias *any = ty_new_alias(env, anyobj, &empty->t);
    env->any_type = &any->t;
    def(env, anyobj);

    /* error: type error interface{ Error() string } */
    {
        TyObject *obj = ty_new_typename(env, NOPOS, NULL, sym_cstr(syms, "error"), NULL);
        TyNamed *typ = ty_new_named(env, obj, NULL);
        TyObject *recv = ty_new_var(env, TY_RECV_VAR, NOPOS, NULL, sym_cstr(syms, ""), &typ->t);
        TyObject *res = ty_new_var(env, TY_RESULT_VAR, NOPOS, NULL, sym_cstr(syms, ""),
                                   ty_typ(env, TY_STRING));
        TySignature *sig = ty_new_signature(env, recv, NULL, ty_new_tuple(env, &res, 1), false);
        TyObject *err = ty_new_func(env, NOPOS, NULL, sym_cstr(syms, "Error"), sig);
        TyInterface *it = ty_new_interface(env, &err, 1, NULL, 0);
        it->complete = true;
        typ->fromrhs = &it->t;
        typ->underlying = &it->t;
        env->error_type = &typ->t;
        def(env, obj);
    }

    /* comparable: an interface whose type set is all comparable types */
    {
        TyObject *obj = ty_new_typename(env, NOPOS, NULL, sym_cstr(syms, "comparable"), NULL);
        TyNamed *typ = ty_new_named(env, obj, NULL);
        TyInterface *it = ty_new_interface(env, NULL, 0, NULL, 0);
        it->complete = true;
        it->tset = ty_typeset_comparable_all(env);
        typ->fromrhs = &it->t;
        typ->underlying = &it->t;
        env->comparable_type = &typ->t;
        def(env, obj);
    }

    /* constants */
    def(env, ty_new_const(env, NOPOS, NULL, sym_cstr(syms, "true"), ty_typ(env, TY_UNTYPED_BOOL),
                          ty_const_bool(true)));
    def(env, ty_new_const(env, NOPOS, NULL, sym_cstr(syms, "false"), ty_typ(env, TY_UNTYPED_BOOL),
                          ty_const_bool(false)));
    env->universe_iota = ty_new_const(env, NOPOS, NULL, sym_cstr(syms, "iota"),
                                      ty_typ(env, TY_UNTYPED_INT), ty_const_int64(0));
    def(env, env->universe_iota);

    /* nil */
    env->nil_obj = ty_new_obj(env, TY_OBJ_NIL, NOPOS, NULL, sym_cstr(syms, "nil"),
                              ty_typ(env, TY_UNTYPED_NIL));
    def(env, env->nil_obj);

    /* builtin functions (assert and trace exist only in types2's tests) */
    for (int id = 0; id < TY_BI_COUNT; id++) {
        TyObject *o = ty_new_obj(env, TY_OBJ_BUILTIN, NOPOS, NULL,
                                 sym_cstr(syms, builtin_names[id]), ty_typ(env, TY_INVALID));
        o->u.builtin = (TyBuiltinId)id;
        env->builtins[id] = o;
        if (id != TY_BI_ASSERT && id != TY_BI_TRACE)
            def(env, o);
    }

    env->universe_byte = ty_scope_lookup(env->universe, sym_cstr(syms, "byte"));
    env->universe_rune = ty_scope_lookup(env->universe, sym_cstr(syms, "rune"));
    return env;
}

void ty_env_free(TyEnv *env)
{
    ptrmap_free(&env->instances);
    ptrmap_free(&env->sigcache);
    arena_free(&env->arena);
    free(env);
}
