/*
 * Declarations (types2 decl.go): object declaration with cycle detection,
 * constants, variables, type declarations (defined types, aliases, type
 * parameter lists), method collection, functions, and local declarations.
 *
 * Package-level objects are checked lazily: a use of an object whose type
 * is not known yet checks its declaration on the spot (ck_obj_decl).  The
 * path of objects being checked (ck->objpath) detects cycles; whether a
 * cycle is an error depends on what it goes through (values only: fine,
 * e.g. functions referring to each other; a type definition: fine, e.g.
 * type T struct{ next *T }; otherwise invalid).
 */
#include "check.h"

#include <string.h>

void ck_open_scope(Checker *ck, SynNode *node, const char *comment)
{
    TyScope *s = ty_scope_new(ck->env, ck->e.scope, node->pos, syn_end_pos(node), comment);
    ck_record_scope(ck, node, s);
    ck->e.scope = s;
}

void ck_close_scope(Checker *ck) { ck->e.scope = ck->e.scope->parent; }

void ck_declare(Checker *ck, TyScope *scope, SynName *id, TyObject *obj, Pos scopepos)
{
    if (obj->name != ck->sym_blank) {
        TyObject *alt = ty_scope_insert(ck->env, scope, obj);
        if (alt) {
            ck_error_alt(ck, obj->pos, ck_sprintf(ck, "%s redeclared in this block", obj->name->name), alt);
            return;
        }
        obj->scopepos = scopepos;
    }
    if (id)
        ck_record_def(ck, id, obj);
}

static void push_obj(Checker *ck, TyObject *obj)
{
    ptrmap_put(&ck->objpath_idx, PMKEY(obj), (void *)(uintptr_t)(ck->objpath.len + 1));
    ptrvec_push(&ck->objpath, obj);
}

static void pop_obj(Checker *ck)
{
    TyObject *obj = ck->objpath.data[--ck->objpath.len];
    ptrmap_put(&ck->objpath_idx, PMKEY(obj), NULL);
}

void ck_push_obj(Checker *ck, TyObject *obj) { push_obj(ck, obj); }
void ck_pop_obj(Checker *ck) { pop_obj(ck); }

static void obj_name(Checker *ck, Buf *b, TyObject *o)
{
    const char *q = o->pkg ? ck_pkg_qualifier(ck, o->pkg) : "";
    if (q[0]) {
        buf_puts(b, q);
        buf_putc(b, '.');
    }
    buf_puts(b, o->name->name);
}

void ck_cycle_error(Checker *ck, TyObject **cycle, uint32_t n, uint32_t start)
{
    TyObject *obj = cycle[start];
    bool istype = obj->kind == TY_OBJ_TYPENAME;
    if (istype && obj->type && obj->type->kind == TY_ALIAS)
        TY_AS(TyAlias, obj->type)->fromrhs = ty_typ(ck->env, TY_INVALID);
    Buf b = {0};
    obj_name(ck, &b, obj);
    if (n == 1) {
        if (istype)
            ck_errorf(ck, obj->pos, "invalid recursive type: %s refers to itself", buf_str(&b));
        else
            ck_errorf(ck, obj->pos, "invalid cycle in declaration: %s refers to itself", buf_str(&b));
        buf_free(&b);
        return;
    }
    Buf msg = {0};
    if (istype)
        buf_printf(&msg, "invalid recursive type %s", buf_str(&b));
    else
        buf_printf(&msg, "invalid cycle in declaration of %s", buf_str(&b));
    /* one line per step, each at the position of the referring object */
    for (uint32_t i = 0; i < n; i++) {
        TyObject *next = cycle[(start + i + 1) % n];
        buf_puts(&msg, "\n\t");
        if (obj->pos != NOPOS) {
            syn_pos_string(&msg, ck->env->pos, obj->pos);
            buf_puts(&msg, ": ");
        }
        obj_name(ck, &msg, obj);
        buf_puts(&msg, " refers to ");
        obj_name(ck, &msg, next);
        obj = next;
    }
    ck_error(ck, cycle[start]->pos, buf_str(&msg));
    buf_free(&msg);
    buf_free(&b);
}

static bool valid_cycle(Checker *ck, TyObject *obj)
{
    uint32_t start = (uint32_t)(uintptr_t)ptrmap_get(&ck->objpath_idx, PMKEY(obj)) - 1;
    TyObject **cycle = (TyObject **)ck->objpath.data + start;
    uint32_t n = ck->objpath.len - start;
    uint32_t nval = 0, ndef = 0;
    for (uint32_t i = 0; i < n; i++) {
        TyObject *o = cycle[i];
        switch (o->kind) {
        case TY_OBJ_CONST:
        case TY_OBJ_VAR:
            nval++;
            break;
        case TY_OBJ_TYPENAME: {
            if (ck->e.in_tparam_list && o->type && ty_is_generic(o->type))
                return true; /* a cycle through a type parameter list */
            DeclInfo *d = ptrmap_get(&ck->objmap, PMKEY(o));
            bool alias = d ? (d->tdecl->n.flags & SYN_F_ALIAS) != 0 : ty_is_alias_obj(o);
            if (!alias)
                ndef++;
            break;
        }
        default:
            break;
        }
    }
    if (nval == n)
        return true; /* cycles of values only (e.g. functions) are fine */
    if (nval == 0 && ndef > 0)
        return true; /* a type definition terminates the cycle */
    /* report at the object that appears first in the source */
    uint32_t first = 0;
    for (uint32_t i = 1; i < n; i++)
        if (cycle[i]->pos < cycle[first]->pos)
            first = i;
    ck_cycle_error(ck, cycle, n, first);
    return false;
}

static void const_decl(Checker *ck, TyObject *obj, SynNode *typ, SynNode *init, bool inherited);
static void var_decl(Checker *ck, TyObject *obj, TyObject **lhs, uint32_t nlhs, SynNode *typ, SynNode *init);
static void type_decl(Checker *ck, TyObject *obj, SynTypeDecl *tdecl);
static void func_decl(Checker *ck, TyObject *obj, DeclInfo *d);

void ck_obj_decl(Checker *ck, TyObject *obj)
{
    if (ptrmap_get(&ck->objpath_idx, PMKEY(obj))) {
        /* obj is being declared: a cycle */
        switch (obj->kind) {
        case TY_OBJ_CONST:
        case TY_OBJ_VAR:
            if (!valid_cycle(ck, obj) || !obj->type)
                obj->type = ty_typ(ck->env, TY_INVALID);
            break;
        case TY_OBJ_TYPENAME:
            if (!valid_cycle(ck, obj))
                obj->type = ty_typ(ck->env, TY_INVALID);
            break;
        case TY_OBJ_FUNC:
            valid_cycle(ck, obj);
            break;
        default:
            break;
        }
        return;
    }
    if (obj->type)
        return; /* already checked */

    DeclInfo *d = ptrmap_get(&ck->objmap, PMKEY(obj));
    if (!d)
        return;
    push_obj(ck, obj);
    CkEnv saved = ck->e;
    memset(&ck->e, 0, sizeof ck->e);
    ck->e.scope = d->file;
    ck->e.version = d->version;

    switch (obj->kind) {
    case TY_OBJ_CONST:
        ck->e.decl = d;
        const_decl(ck, obj, d->vtyp, d->init, d->inherited);
        break;
    case TY_OBJ_VAR:
        ck->e.decl = d;
        var_decl(ck, obj, d->lhs, d->nlhs, d->vtyp, d->init);
        break;
    case TY_OBJ_TYPENAME:
        type_decl(ck, obj, d->tdecl);
        ck_collect_methods(ck, obj);
        break;
    case TY_OBJ_FUNC:
        func_decl(ck, obj, d);
        break;
    default:
        break;
    }
    ck->e = saved;
    pop_obj(ck);
}

static void const_decl(Checker *ck, TyObject *obj, SynNode *typ, SynNode *init, bool inherited)
{
    bool saved_has_iota = ck->e.has_iota;
    TyConst saved_iota = ck->e.iota;
    Pos saved_errpos = ck->e.errpos;
    ck->e.has_iota = true;
    ck->e.iota = obj->u.val;
    ck->e.errpos = NOPOS;
    obj->u.val = ty_const_unknown();

    if (typ) {
        TyType *t = ck_typ(ck, typ);
        if (!ty_is_const_type(t)) {
            if (ty_is_valid(ty_under(t)))
                ck_errorf(ck, ck_at(typ), "invalid constant type %s", ck_tstr(ck, t));
            obj->type = ty_typ(ck->env, TY_INVALID);
            goto out;
        }
        obj->type = t;
    }
    Operand x;
    memset(&x, 0, sizeof x);
    if (init) {
        if (inherited)
            ck->e.errpos = obj->pos; /* errors are reported at the constant */
        ck_expr(ck, NULL, &x, init);
    }
    ck_init_const(ck, obj, &x);
out:
    ck->e.has_iota = saved_has_iota;
    ck->e.iota = saved_iota;
    ck->e.errpos = saved_errpos;
}

static void var_decl(Checker *ck, TyObject *obj, TyObject **lhs, uint32_t nlhs, SynNode *typ, SynNode *init)
{
    if (typ)
        obj->type = ck_var_type(ck, typ);
    if (!init) {
        if (!typ)
            obj->type = ty_typ(ck->env, TY_INVALID);
        return;
    }
    if (!lhs || nlhs == 1) {
        Operand x;
        memset(&x, 0, sizeof x);
        Target T = {NULL, obj->name->name};
        TySignature *sig = obj->type ? ty_as_signature(obj->type) : NULL;
        T.sig = sig;
        ck_expr(ck, sig ? &T : NULL, &x, init);
        ck_init_var(ck, obj, &x, "variable declaration");
        return;
    }
    /* n:1: all variables are declared by one initialization */
    if (typ)
        for (uint32_t i = 0; i < nlhs; i++)
            lhs[i]->type = obj->type;
    ck_init_vars(ck, lhs, nlhs, &init, 1, NULL);
}

static bool is_imported_constraint(Checker *ck, TyType *t)
{
    TyNamed *n = ty_as_named(t);
    if (!n || n->obj->pkg == ck->pkg || !n->obj->pkg)
        return false;
    TyInterface *it = ty_as_interface(t);
    return it && !ty_interface_is_method_set(ck->env, it);
}

typedef struct ValidTypeArg {
    TyObject *obj;
    TyType *rhs;
    SynNode *texpr;
    bool version_err;
} ValidTypeArg;

static void valid_type_later(Checker *ck, void *arg)
{
    ValidTypeArg *a = arg;
    TyNamed *t = ty_as_named(a->obj->type);
    if (t && a->obj->type->kind == TY_NAMED)
        ck_valid_type(ck, t);
    if (!a->version_err && a->rhs && is_imported_constraint(ck, a->rhs) && !ck_allow_version(ck, 18))
        ck_errorf(ck, ck_at(a->texpr), "using type constraint %s requires go1.18 or later",
                  ck_tstr(ck, a->rhs));
}

static bool verify_version(Checker *ck, SynNode *at, int minor, const char *what)
{
    if (ck_allow_version(ck, minor))
        return true;
    ck_errorf(ck, ck_at(at), "%s requires go1.%d or later", what, minor);
    return false;
}

static void type_decl(Checker *ck, TyObject *obj, SynTypeDecl *tdecl)
{
    TyEnv *env = ck->env;
    ValidTypeArg *va = ARENA_NEW(&ck->tmp, ValidTypeArg);
    va->obj = obj;
    va->texpr = tdecl->type;
    ck_later(ck, valid_type_later, va);

    SynNode *tparam0 = tdecl->tparams.len ? tdecl->tparams.items[0] : NULL;
    if (tdecl->n.flags & SYN_F_ALIAS) {
        if (tparam0 && !verify_version(ck, tparam0, 23, "generic type alias"))
            va->version_err = true;
        if (!va->version_err && !verify_version(ck, &tdecl->n, 9, "type alias"))
            va->version_err = true;
        TyAlias *alias = ty_new_alias(env, obj, NULL);
        obj->type = &alias->t;
        TyScope *outer = ck->e.scope;
        if (tparam0) {
            ck_open_scope(ck, &tdecl->n, "type parameters");
            ck_collect_type_params(ck, &alias->tparams, tdecl->tparams);
        }
        TyType *rhs = ck_defined_type(ck, tdecl->type, obj);
        alias->fromrhs = rhs;
        alias->actual = ty_unalias(rhs);
        va->rhs = rhs;
        if (rhs->kind == TY_TYPEPARAM && alias->tparams.len) {
            for (uint32_t i = 0; i < alias->tparams.len; i++) {
                if (&alias->tparams.items[i]->t == rhs) {
                    ck_error(ck, ck_at(tdecl->type),
                             "cannot use type parameter declared in alias declaration as RHS");
                    alias->fromrhs = ty_typ(env, TY_INVALID);
                    alias->actual = alias->fromrhs;
                    break;
                }
            }
        }
        if (!alias->fromrhs) {
            alias->fromrhs = ty_typ(env, TY_INVALID);
            alias->actual = alias->fromrhs;
        }
        ck->e.scope = outer;
        return;
    }

    if (tparam0 && !verify_version(ck, tparam0, 18, "type parameter"))
        va->version_err = true;
    TyNamed *named = ty_new_named(env, obj, NULL);
    obj->type = &named->t;
    named->check = ck;
    TyScope *outer = ck->e.scope;
    if (tdecl->tparams.len) {
        ck_open_scope(ck, &tdecl->n, "type parameters");
        ck_collect_type_params(ck, &named->tparams, tdecl->tparams);
    }
    TyType *rhs = ck_defined_type(ck, tdecl->type, obj);
    named->fromrhs = rhs;
    va->rhs = rhs;
    if (ty_is_typeparam(rhs)) {
        ck_error(ck, ck_at(tdecl->type), "cannot use a type parameter as RHS in type declaration");
        named->fromrhs = ty_typ(env, TY_INVALID);
    }
    /* resolve the underlying type now (chains of named types are followed) */
    ty_named_resolve(env, named);
    named->check = NULL;
    ck->e.scope = outer;
}

static TyType *bound(Checker *ck, SynNode *x)
{
    /* ~T and A|B as a constraint are shorthand for interface{~T}, ... */
    if (x->kind == SYN_OPERATION && (x->op == SYN_TILDE || x->op == SYN_OR)) {
        TyType *t = ck_implicit_interface(ck, x);
        return t;
    }
    return ck_typ(ck, x);
}

TyTypeParam *ck_declare_type_param(Checker *ck, SynName *name, Pos scopepos)
{
    TyObject *tname = ty_new_typename(ck->env, name->n.pos, ck->pkg, name->value, NULL);
    TyTypeParam *tpar = ty_new_typeparam(ck->env, tname, ty_typ(ck->env, TY_INVALID));
    tpar->check = ck;
    ck_needs_cleanup(ck, tpar); /* tpar->check must not outlive the checker */
    ck_declare(ck, ck->e.scope, name, tname, scopepos);
    return tpar;
}

void ck_collect_type_params(Checker *ck, TyTParamList *dst, SynList list)
{
    TyTypeParam **tparams = ARENA_ARRAY(ck->a, TyTypeParam *, list.len);
    if (list.len > 0) {
        /* all type parameters are in scope in the whole list */
        Pos scopepos = list.items[0]->pos;
        for (uint32_t i = 0; i < list.len; i++) {
            SynField *f = (SynField *)list.items[i];
            tparams[i] = ck_declare_type_param(ck, f->name, scopepos);
        }
    }
    for (uint32_t i = 0; i < list.len; i++)
        tparams[i]->index = i;
    dst->items = tparams;
    dst->len = list.len;

    bool saved = ck->e.in_tparam_list;
    ck->e.in_tparam_list = true;
    TyType *b = NULL;
    for (uint32_t i = 0; i < list.len; i++) {
        SynField *f = (SynField *)list.items[i];
        if (i == 0 || f->type != ((SynField *)list.items[i - 1])->type) {
            b = bound(ck, f->type);
            if (ty_is_typeparam(b)) {
                ck_error(ck, ck_at(f->type), "cannot use a type parameter as constraint");
                b = ty_typ(ck->env, TY_INVALID);
            }
        }
        tparams[i]->bound = b;
    }
    ck->e.in_tparam_list = saved;
}

typedef struct FieldUniq {
    TyNamed *base;
} FieldUniq;

static void check_field_uniqueness(Checker *ck, void *arg)
{
    TyNamed *base = ((FieldUniq *)arg)->base;
    TyType *u = ty_under(&base->t);
    if (!u || u->kind != TY_STRUCT)
        return;
    TyStruct *s = TY_AS(TyStruct, u);
    for (uint32_t i = 0; i < s->nfields; i++) {
        TyObject *fld = s->fields[i];
        if (fld->name == ck->sym_blank)
            continue;
        for (uint32_t j = 0; j < base->nmethods; j++) {
            TyObject *m = base->methods[j];
            if (ty_same_id(m, fld->pkg, fld->name)) {
                ck_error_alt(ck, m->pos, ck_sprintf(ck, "field and method with the same name %s", fld->name->name),
                             fld);
                break;
            }
        }
    }
}

void ck_collect_methods(Checker *ck, TyObject *obj)
{
    PtrVec *methods = ptrmap_get(&ck->methods, PMKEY(obj));
    if (!methods)
        return;
    ptrmap_put(&ck->methods, PMKEY(obj), NULL);
    TyNamed *base = obj->type && obj->type->kind == TY_NAMED ? TY_AS(TyNamed, obj->type) : NULL;
    if (base) {
        FieldUniq *fu = ARENA_NEW(&ck->tmp, FieldUniq);
        fu->base = base;
        ck_later(ck, check_field_uniqueness, fu);
    }
    for (uint32_t i = 0; i < methods->len; i++) {
        TyObject *m = methods->data[i];
        TyObject *alt = NULL;
        if (base)
            for (uint32_t j = 0; j < base->nmethods; j++)
                if (ty_same_id(base->methods[j], m->pkg, m->name)) {
                    alt = base->methods[j];
                    break;
                }
        if (alt) {
            Buf b = {0};
            syn_pos_string(&b, ck->env->pos, alt->pos);
            ck_errorf(ck, m->pos, "method %s.%s already declared at %s", obj->name->name, m->name->name,
                      buf_str(&b));
            buf_free(&b);
            continue;
        }
        if (base)
            ty_named_add_method(ck->env, base, m);
    }
    ptrvec_free(methods);
}

/* ---- functions ------------------------------------------------------------------ */

typedef struct FuncBodyArg {
    DeclInfo *decl;
    TyObject *obj;
    TySignature *sig;
    SynBlockStmt *body;
} FuncBodyArg;

static void func_body_later(Checker *ck, void *arg)
{
    FuncBodyArg *a = arg;
    ck_func_body(ck, a->decl, a->obj->name, a->sig, a->body, NULL);
}

static void func_decl(Checker *ck, TyObject *obj, DeclInfo *d)
{
    TySignature *sig = ty_new_signature(ck->env, NULL, NULL, NULL, false);
    obj->type = &sig->t; /* guards against cycles */
    SynFuncDecl *fdecl = d->fdecl;
    ck_func_type(ck, sig, fdecl->recv, fdecl->tparams, fdecl->type);
    sig->scope->pos = fdecl->n.pos;
    sig->scope->end = syn_end_pos(&fdecl->n);
    if (fdecl->tparams.len && !fdecl->body)
        ck_softf(ck, fdecl->n.pos, "generic function is missing function body");
    if (!ck->conf->ignore_func_bodies && fdecl->body) {
        FuncBodyArg *a = ARENA_NEW(&ck->tmp, FuncBodyArg);
        a->decl = d;
        a->obj = obj;
        a->sig = sig;
        a->body = fdecl->body;
        ck_later(ck, func_body_later, a);
    }
}

/* ---- local declarations ------------------------------------------------------------ */

void ck_decl_stmt(Checker *ck, SynList list)
{
    TyEnv *env = ck->env;
    TyPackage *pkg = ck->pkg;
    int first = -1;
    SynConstDecl *last = NULL;
    SynConstDecl empty_const;
    memset(&empty_const, 0, sizeof empty_const);
    for (uint32_t index = 0; index < list.len; index++) {
        SynNode *decl = list.items[index];
        if (decl->kind != SYN_CONST_DECL)
            first = -1;
        switch (decl->kind) {
        case SYN_CONST_DECL: {
            SynConstDecl *s = (SynConstDecl *)decl;
            uint32_t top = ck->delayed.len;
            if (first < 0 || s->group == 0 || ((SynConstDecl *)list.items[index - 1])->group != s->group) {
                first = (int)index;
                last = NULL;
            }
            TyConst iota = ty_const_int64((int64_t)index - first);
            bool inherited = true;
            if (s->type || s->values) {
                last = s;
                inherited = false;
            } else if (!last) {
                last = &empty_const;
                inherited = false;
            }
            TyObject **lhs = ARENA_ARRAY(&ck->tmp, TyObject *, s->names.len);
            uint32_t nvalues;
            SynNode **values = syn_unpack_list(&last->values, &nvalues);
            for (uint32_t i = 0; i < s->names.len; i++) {
                SynName *name = (SynName *)s->names.items[i];
                TyObject *obj = ty_new_const(env, name->n.pos, pkg, name->value, NULL, iota);
                lhs[i] = obj;
                const_decl(ck, obj, last->type, i < nvalues ? values[i] : NULL, inherited);
            }
            ck_arity(ck, s->n.pos, s->names, values, nvalues, true, inherited);
            ck_process_delayed(ck, top);
            /* constants are visible after their spec ends */
            Pos scopepos = syn_end_pos(&s->n);
            for (uint32_t i = 0; i < s->names.len; i++)
                ck_declare(ck, ck->e.scope, (SynName *)s->names.items[i], lhs[i], scopepos);
            break;
        }
        case SYN_VAR_DECL: {
            SynVarDecl *s = (SynVarDecl *)decl;
            uint32_t top = ck->delayed.len;
            TyObject **lhs0 = ARENA_ARRAY(&ck->tmp, TyObject *, s->names.len);
            for (uint32_t i = 0; i < s->names.len; i++) {
                SynName *name = (SynName *)s->names.items[i];
                lhs0[i] = ty_new_var(env, TY_LOCAL_VAR, name->n.pos, pkg, name->value, NULL);
            }
            uint32_t nvalues;
            SynNode **values = syn_unpack_list(&s->values, &nvalues);
            for (uint32_t i = 0; i < s->names.len; i++) {
                TyObject **lhs = NULL;
                uint32_t nlhs = 0;
                SynNode *init = NULL;
                if (nvalues == s->names.len) {
                    init = values[i];
                } else if (nvalues == 1) {
                    lhs = lhs0;
                    nlhs = s->names.len;
                    init = values[0];
                } else if (i < nvalues) {
                    init = values[i];
                }
                var_decl(ck, lhs0[i], lhs, nlhs, s->type, init);
                if (nvalues == 1)
                    break; /* all declared by one initialization */
            }
            if (!s->type || s->values)
                ck_arity(ck, s->n.pos, s->names, values, nvalues, false, false);
            ck_process_delayed(ck, top);
            Pos scopepos = syn_end_pos(&s->n);
            for (uint32_t i = 0; i < s->names.len; i++)
                ck_declare(ck, ck->e.scope, (SynName *)s->names.items[i], lhs0[i], scopepos);
            break;
        }
        case SYN_TYPE_DECL: {
            SynTypeDecl *s = (SynTypeDecl *)decl;
            TyObject *obj = ty_new_typename(env, s->name->n.pos, pkg, s->name->value, NULL);
            /* the type is in scope in its own declaration (recursive types) */
            ck_declare(ck, ck->e.scope, s->name, obj, s->name->n.pos);
            push_obj(ck, obj);
            type_decl(ck, obj, s);
            pop_obj(ck);
            break;
        }
        default:
            break;
        }
    }
}
