/*
 * Collecting package-level objects (types2 resolver.go): file scopes,
 * imports, declarations with their DeclInfo, methods associated with their
 * receiver base types, and the order in which package objects are checked.
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>

DeclInfo *ck_new_decl_info(Checker *ck, TyScope *file, const char *version)
{
    DeclInfo *d = ARENA_NEW(&ck->tmp, DeclInfo);
    d->file = file;
    d->version = version;
    return d;
}

void ck_decl_add_dep(Checker *ck, DeclInfo *d, TyObject *obj)
{
    (void)ck;
    void **slot = ptrmap_slot(&d->deps, PMKEY(obj));
    if (!*slot) {
        *slot = obj;
        ptrvec_push(&d->deplist, obj);
    }
}

void ck_arity(Checker *ck, Pos pos, SynList names, SynNode **inits, uint32_t ninits, bool constdecl,
                  bool inherited)
{
    uint32_t l = names.len, r = ninits;
    if (l < r) {
        SynNode *n = inits[l];
        if (inherited) {
            Buf b = {0};
            syn_pos_string(&b, ck->env->pos, n->pos);
            ck_errorf(ck, pos, "extra init expr at %s", buf_str(&b));
            buf_free(&b);
        } else {
            ck_errorf(ck, ck_at(n), "extra init expr %s", ck_estr(ck, n));
        }
    } else if (l > r && (constdecl || r != 1)) {
        /* with r == 1 it may be a multi-valued call: nothing to say yet */
        SynName *n = (SynName *)names.items[r];
        ck_errorf(ck, n->n.pos, "missing init expr for %s", n->value->name);
    }
}


static bool valid_import_path(Checker *ck, SynBasicLit *lit, Buf *path)
{
    /* strconv.Unquote of the literal, then the character restrictions */
    const char *s = lit->value;
    uint32_t n = lit->len;
    Buf err = {0};
    bool ok = true;
    if (n >= 2 && s[0] == '`' && s[n - 1] == '`') {
        for (uint32_t i = 1; i + 1 < n; i++)
            if (s[i] != '\r')
                buf_putc(path, s[i]);
    } else {
        TyConst c = ty_const_from_literal(ck->a, s, n, TY_LIT_STRING);
        if (ty_const_kind(c) != TY_CONST_STRING) {
            buf_puts(&err, "invalid syntax");
            ok = false;
        } else {
            size_t len;
            const char *v = ty_const_string_val(&ck->tmp, c, &len);
            buf_put(path, v, len);
        }
    }
    if (ok && path->len == 0) {
        buf_puts(&err, "empty string");
        ok = false;
    }
    if (ok) {
        static const char illegal[] = "!\"#$%&'()*,:;<=>?[\\]^{|}`";
        for (size_t i = 0; i < path->len;) {
            int w;
            int32_t r = utf8_decode((const unsigned char *)path->data + i, path->len - i, &w);
            if (!uni_is_graphic(r) || uni_is_space(r) || (r < 0x80 && strchr(illegal, (char)r)) ||
                r == RUNE_ERROR) {
                buf_puts(&err, "invalid character ");
                buf_unicode_U(&err, r, true);
                ok = false;
                break;
            }
            i += (size_t)w;
        }
    }
    if (!ok)
        ck_errorf(ck, lit->n.pos, "invalid import path (%s)", buf_str(&err));
    buf_free(&err);
    return ok;
}

static TyPackage *import_package(Checker *ck, Pos pos, const char *path)
{
    /* impmap is keyed by the interned path */
    const Sym *key = sym_cstr(ck->syms, path);
    TyPackage *imp = ptrmap_get(&ck->impmap, PMKEY(key));
    if (imp)
        return imp;
    if (strcmp(path, "C") == 0 && ck->conf->fake_import_c) {
        imp = ty_new_package(ck->env, "C", "C");
        imp->fake = true;
    } else if (strcmp(path, "unsafe") == 0) {
        imp = ck->env->unsafe_pkg;
    } else {
        imp = ck->conf->importer ? ck->conf->importer(ck->conf->importer_ud, path) : NULL;
        if (!imp) {
            ck_errorf(ck, pos, "could not import %s (%s)", path,
                      !ck->conf->importer                ? "Config.Importer not installed"
                      : ck->conf->import_fail_reason ? ck->conf->import_fail_reason
                                                     : "package not found");
            const char *name = path;
            size_t n = strlen(path);
            while (n > 0 && path[n - 1] == '/')
                n--;
            const char *slash = NULL;
            for (size_t i = 0; i < n; i++)
                if (path[i] == '/')
                    slash = path + i;
            name = slash ? slash + 1 : path;
            char *nm = arena_strndup(ck->a, name, n - (size_t)(name - path));
            imp = ty_new_package(ck->env, path, nm);
            imp->fake = true;
        }
    }
    if (imp->complete || imp->fake) {
        ptrmap_put(&ck->impmap, PMKEY(key), imp);
        return imp;
    }
    return NULL;
}

/* Receiver base type: strips parentheses, one pointer, and type arguments
 * (whose names are returned when tparams_out is non-NULL). */
SynNode *ck_unpack_recv(SynNode *rtyp, bool *ptr, SynList *tparams_out, Arena *a)
{
    SynNode *base = syn_unparen(rtyp);
    *ptr = false;
    if (base->kind == SYN_OPERATION) {
        SynOperation *t = (SynOperation *)base;
        if (t->n.op == SYN_MUL && !t->y) {
            *ptr = true;
            base = syn_unparen(t->x);
        }
    }
    if (tparams_out)
        memset(tparams_out, 0, sizeof *tparams_out);
    if (base->kind == SYN_INDEX_EXPR) {
        SynIndexExpr *p = (SynIndexExpr *)base;
        base = p->x;
        if (tparams_out) {
            uint32_t n;
            SynNode **args;
            if (p->index->kind == SYN_LIST_EXPR) {
                n = ((SynListExpr *)p->index)->elems.len;
                args = ((SynListExpr *)p->index)->elems.items;
            } else {
                n = 1;
                args = &p->index;
            }
            tparams_out->len = n;
            tparams_out->items = ARENA_ARRAY(a, SynNode *, n);
            for (uint32_t i = 0; i < n; i++)
                tparams_out->items[i] = args[i];
        }
    }
    return base;
}

typedef struct MethodInfo {
    TyObject *obj;
    bool ptr;
    SynName *recv;
} MethodInfo;

static void declare_pkg_obj(Checker *ck, SynName *ident, TyObject *obj, DeclInfo *d)
{
    if (ident->value == ck->sym_init) {
        ck_error(ck, ident->n.pos, "cannot declare init - must be func");
        return;
    }
    if (ident->value == ck->sym_main && strcmp(ck->pkg->name, "main") == 0) {
        ck_error(ck, ident->n.pos, "cannot declare main - must be func");
        return;
    }
    ck_declare(ck, ck->pkg->scope, ident, obj, NOPOS);
    ptrmap_put(&ck->objmap, PMKEY(obj), d);
    ptrvec_push(&ck->objlist, obj);
    obj->order = ck->objlist.len;
}

/* Follows alias declarations from a receiver type name to the defined
 * type it denotes (with at most one pointer on the way). */
static TyObject *resolve_base_type_name(Checker *ck, bool ptr, SynName *name, bool *ptr_out)
{
    PtrMap seen = {0};
    TyObject *result = NULL;
    while (name) {
        TyObject *obj = ty_scope_lookup(ck->pkg->scope, name->value);
        if (!obj || obj->kind != TY_OBJ_TYPENAME)
            break;
        if (ptrmap_get(&seen, PMKEY(obj)))
            break;
        DeclInfo *d = ptrmap_get(&ck->objmap, PMKEY(obj));
        if (!d || !d->tdecl)
            break;
        SynTypeDecl *tdecl = d->tdecl;
        if (!(tdecl->n.flags & SYN_F_ALIAS)) {
            *ptr_out = ptr;
            result = obj;
            break;
        }
        if (tdecl->tparams.len)
            break; /* generic aliases cannot be receivers */
        ptrmap_put(&seen, PMKEY(obj), obj);
        SynNode *typ = syn_unparen(tdecl->type);
        if (typ->kind == SYN_OPERATION && typ->op == SYN_MUL && !((SynOperation *)typ)->y) {
            if (ptr)
                break; /* two pointers */
            ptr = true;
            typ = syn_unparen(((SynOperation *)typ)->x);
        }
        name = typ->kind == SYN_NAME ? (SynName *)typ : NULL;
    }
    ptrmap_free(&seen);
    return result;
}

void ck_collect_objects(Checker *ck)
{
    TyEnv *env = ck->env;
    TyPackage *pkg = ck->pkg;
    PtrMap pkg_imports = {0};
    PtrVec methods = {0};
    TyScope **file_scopes = arena_alloc(&ck->tmp, sizeof(TyScope *) * (ck->nfiles + 1));

    for (uint32_t fi = 0; fi < ck->nfiles; fi++) {
        SynFile *file = ck->files[fi];
        ck->e.version = ck->file_versions[fi];
        ck_record_def(ck, file->pkgname, NULL);
        TyScope *fscope = ty_scope_new(env, pkg->scope, syn_start_pos(&file->n), syn_end_pos(&file->n),
                                       file->src->name);
        file_scopes[fi] = fscope;
        ck_record_scope(ck, &file->n, fscope);

        int first = -1;              /* index of the first ConstDecl of the group */
        SynConstDecl *last = NULL;   /* last ConstDecl with init expressions */
        SynConstDecl empty_const;
        memset(&empty_const, 0, sizeof empty_const);
        for (uint32_t index = 0; index < file->decls.len; index++) {
            SynNode *decl = file->decls.items[index];
            if (decl->kind != SYN_CONST_DECL)
                first = -1;
            switch (decl->kind) {
            case SYN_IMPORT_DECL: {
                SynImportDecl *s = (SynImportDecl *)decl;
                if (!s->path || (s->path->n.flags & SYN_F_BAD))
                    continue; /* reported by the parser */
                Buf pb = {0};
                if (!valid_import_path(ck, s->path, &pb)) {
                    buf_free(&pb);
                    continue;
                }
                char *path = arena_strndup(&ck->tmp, buf_str(&pb), pb.len);
                buf_free(&pb);
                TyPackage *imp = import_package(ck, s->path->n.pos, path);
                if (!imp)
                    continue;
                const char *name = imp->name;
                if (s->local) {
                    name = s->local->value->name;
                    if (strcmp(path, "C") == 0) {
                        ck_error(ck, s->local->n.pos, "cannot rename import \"C\"");
                        continue;
                    }
                }
                if (strcmp(name, "init") == 0) {
                    ck_error(ck, s->n.pos, "cannot import package as init - init must be a func");
                    continue;
                }
                if (!ptrmap_get(&pkg_imports, PMKEY(imp))) {
                    ptrmap_put(&pkg_imports, PMKEY(imp), imp);
                    TyPackage **list = ARENA_ARRAY(ck->a, TyPackage *, pkg->nimports + 1);
                    if (pkg->nimports)
                        memcpy(list, pkg->imports, sizeof(TyPackage *) * pkg->nimports);
                    list[pkg->nimports++] = imp;
                    pkg->imports = list;
                }
                TyObject *pkgname = ty_new_pkgname(env, s->n.pos, pkg, sym_cstr(ck->syms, name), imp);
                if (s->local)
                    ck_record_def(ck, s->local, pkgname);
                else
                    ck_record_implicit(ck, &s->n, pkgname);
                if (imp->fake)
                    pkgname->flags |= TY_OF_USED;
                ptrvec_push(&ck->imports, pkgname);
                if (strcmp(name, ".") == 0) {
                    /* dot import: merge the exported objects into the file scope */
                    uint32_t n;
                    TyObject **objs = ty_scope_sorted(imp->scope, &n);
                    for (uint32_t k = 0; k < n; k++) {
                        TyObject *obj = objs[k];
                        if (!ty_obj_exported(obj))
                            continue;
                        TyObject *alt = ty_scope_lookup(fscope, obj->name);
                        if (alt) {
                            ck_error_alt(ck, s->local->n.pos,
                                         ck_sprintf(ck, "%s redeclared in this block", alt->name->name), alt);
                        } else {
                            /* the object keeps its parent (its package scope) */
                            ty_scope_insert(env, fscope, obj);
                            ptrmap_put(&ck->dot_import_map, ck_dot_key(fscope, obj), pkgname);
                        }
                    }
                    free(objs);
                } else {
                    ck_declare(ck, fscope, NULL, pkgname, NOPOS);
                }
                break;
            }
            case SYN_CONST_DECL: {
                SynConstDecl *s = (SynConstDecl *)decl;
                if (first < 0 || s->group == 0 ||
                    ((SynConstDecl *)file->decls.items[index - 1])->group != s->group) {
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
                uint32_t nvalues;
                SynNode **values = syn_unpack_list(&last->values, &nvalues);
                for (uint32_t i = 0; i < s->names.len; i++) {
                    SynName *name = (SynName *)s->names.items[i];
                    TyObject *obj = ty_new_const(env, name->n.pos, pkg, name->value, NULL, iota);
                    DeclInfo *d = ck_new_decl_info(ck, fscope, ck->e.version);
                    d->vtyp = last->type;
                    d->init = i < nvalues ? values[i] : NULL;
                    d->inherited = inherited;
                    declare_pkg_obj(ck, name, obj, d);
                }
                ck_arity(ck, s->n.pos, s->names, values, nvalues, true, inherited);
                break;
            }
            case SYN_VAR_DECL: {
                SynVarDecl *s = (SynVarDecl *)decl;
                TyObject **lhs = ARENA_ARRAY(&ck->tmp, TyObject *, s->names.len);
                DeclInfo *d1 = NULL;
                if (!s->values || s->values->kind != SYN_LIST_EXPR) {
                    /* one value (or none) for all names: one DeclInfo */
                    d1 = ck_new_decl_info(ck, fscope, ck->e.version);
                    d1->lhs = lhs;
                    d1->nlhs = s->names.len;
                    d1->vtyp = s->type;
                    d1->init = s->values;
                }
                uint32_t nvalues;
                SynNode **values = syn_unpack_list(&s->values, &nvalues);
                for (uint32_t i = 0; i < s->names.len; i++) {
                    SynName *name = (SynName *)s->names.items[i];
                    TyObject *obj = ty_new_var(env, TY_PACKAGE_VAR, name->n.pos, pkg, name->value, NULL);
                    lhs[i] = obj;
                    DeclInfo *d = d1;
                    if (!d) {
                        d = ck_new_decl_info(ck, fscope, ck->e.version);
                        d->vtyp = s->type;
                        d->init = i < nvalues ? values[i] : NULL;
                    }
                    declare_pkg_obj(ck, name, obj, d);
                }
                if (!s->type || s->values)
                    ck_arity(ck, s->n.pos, s->names, values, nvalues, false, false);
                break;
            }
            case SYN_TYPE_DECL: {
                SynTypeDecl *s = (SynTypeDecl *)decl;
                TyObject *obj = ty_new_typename(env, s->name->n.pos, pkg, s->name->value, NULL);
                DeclInfo *d = ck_new_decl_info(ck, fscope, ck->e.version);
                d->tdecl = s;
                declare_pkg_obj(ck, s->name, obj, d);
                break;
            }
            case SYN_FUNC_DECL: {
                SynFuncDecl *s = (SynFuncDecl *)decl;
                const Sym *name = s->name->value;
                TyObject *obj = ty_new_func(env, s->name->n.pos, pkg, name, NULL);
                bool tparam_err = false;
                if (!s->recv) {
                    bool ismain = name == ck->sym_main && strcmp(pkg->name, "main") == 0;
                    if (name == ck->sym_init || ismain) {
                        if (s->tparams.len) {
                            ck_softf(ck, s->tparams.items[0]->pos, "func %s must have no type parameters",
                                     name->name);
                            tparam_err = true;
                        }
                        if (s->type->params.len || s->type->results.len)
                            ck_softf(ck, s->name->n.pos,
                                     "func %s must have no arguments and no return values", name->name);
                    }
                    if (name == ck->sym_init) {
                        obj->parent = pkg->scope;
                        ck_record_def(ck, s->name, obj);
                        if (!s->body)
                            ck_softf(ck, obj->pos, "func init must have a body");
                    } else {
                        ck_declare(ck, pkg->scope, s->name, obj, NOPOS);
                    }
                } else {
                    bool ptr;
                    SynNode *base = ck_unpack_recv(s->recv->type, &ptr, NULL, NULL);
                    if (base->kind == SYN_NAME && name != ck->sym_blank) {
                        MethodInfo *m = ARENA_NEW(&ck->tmp, MethodInfo);
                        m->obj = obj;
                        m->ptr = ptr;
                        m->recv = (SynName *)base;
                        ptrvec_push(&methods, m);
                    }
                    ck_record_def(ck, s->name, obj);
                }
                if (s->tparams.len && !tparam_err && !ck_allow_version(ck, 18))
                    ck_errorf(ck, s->tparams.items[0]->pos, "type parameter requires go1.18 or later");
                DeclInfo *d = ck_new_decl_info(ck, fscope, ck->e.version);
                d->fdecl = s;
                ptrmap_put(&ck->objmap, PMKEY(obj), d);
                ptrvec_push(&ck->objlist, obj);
                obj->order = ck->objlist.len;
                break;
            }
            default:
                break;
            }
        }
    }

    /* conflicts between file-scope (import) names and package objects */
    for (uint32_t fi = 0; fi < ck->nfiles; fi++) {
        TyScope *fs = file_scopes[fi];
        uint32_t n;
        TyObject **objs = ty_scope_sorted(fs, &n);
        for (uint32_t k = 0; k < n; k++) {
            TyObject *obj = objs[k];
            TyObject *alt = ty_scope_lookup(pkg->scope, obj->name);
            if (!alt)
                continue;
            if (obj->kind == TY_OBJ_PKGNAME)
                ck_errorf(ck, alt->pos, "%s already declared through import of %s", alt->name->name,
                          ck_sprintf(ck, "package %s (\"%s\")", obj->u.imported->name, obj->u.imported->path));
            else
                ck_errorf(ck, alt->pos, "%s already declared through dot-import of %s", alt->name->name,
                          ck_sprintf(ck, "package %s (\"%s\")", obj->pkg->name, obj->pkg->path));
        }
        free(objs);
    }

    /* associate methods with their receiver base types */
    for (uint32_t i = 0; i < methods.len; i++) {
        MethodInfo *m = methods.data[i];
        bool ptr = false;
        TyObject *base = resolve_base_type_name(ck, m->ptr, m->recv, &ptr);
        if (base) {
            if (ptr)
                m->obj->flags |= TY_OF_PTRRECV;
            PtrVec **slot = (PtrVec **)ptrmap_slot(&ck->methods, PMKEY(base));
            if (!*slot)
                *slot = ARENA_NEW(&ck->tmp, PtrVec);
            ptrvec_push(*slot, m->obj);
        }
    }
    ptrvec_free(&methods);
    ptrmap_free(&pkg_imports);
}

void ck_package_objects(Checker *ck)
{
    /* methods may be declared before their receiver types are complete */
    for (uint32_t i = 0; i < ck->objlist.len; i++) {
        TyObject *obj = ck->objlist.data[i];
        if (obj->kind == TY_OBJ_TYPENAME && obj->type)
            ck_collect_methods(ck, obj);
    }
    /* Type definitions first, then aliases, then everything else: alias
     * cycles are found more reliably this way (types2 does the same). */
    PtrVec aliases = {0}, others = {0};
    for (uint32_t i = 0; i < ck->objlist.len; i++) {
        TyObject *obj = ck->objlist.data[i];
        if (obj->kind == TY_OBJ_TYPENAME) {
            DeclInfo *d = ptrmap_get(&ck->objmap, PMKEY(obj));
            if (d->tdecl->n.flags & SYN_F_ALIAS)
                ptrvec_push(&aliases, obj);
            else
                ck_obj_decl(ck, obj);
        } else {
            ptrvec_push(&others, obj);
        }
    }
    for (uint32_t i = 0; i < aliases.len; i++)
        ck_obj_decl(ck, aliases.data[i]);
    for (uint32_t i = 0; i < others.len; i++)
        ck_obj_decl(ck, others.data[i]);
    ptrvec_free(&aliases);
    ptrvec_free(&others);
}

void ck_unused_imports(Checker *ck)
{
    for (uint32_t i = 0; i < ck->imports.len; i++) {
        TyObject *obj = ck->imports.data[i];
        if (obj->name == ck->sym_blank || (obj->flags & TY_OF_USED))
            continue;
        const char *path = obj->u.imported->path;
        const char *elem = strrchr(path, '/');
        elem = elem ? elem + 1 : path;
        Buf q = {0};
        buf_quote_go(&q, path, strlen(path));
        if (obj->name->len == 0 || strcmp(obj->name->name, ".") == 0 || strcmp(obj->name->name, elem) == 0)
            ck_softf(ck, obj->pos, "%s imported and not used", buf_str(&q));
        else
            ck_softf(ck, obj->pos, "%s imported as %s and not used", buf_str(&q), obj->name->name);
        buf_free(&q);
    }
}
