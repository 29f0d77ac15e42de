/*
 * The checker's driver (types2 check.go): phases, delayed actions, file
 * versions, and the recording of results on syntax nodes (recording.go)
 * and errors (errors.go).
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>

/* ---- versions ---------------------------------------------------------------- */

/* The toolchain's own language version: files may not ask for more. */
enum { GO_CURRENT_MINOR = 26 };

int ty_version_minor(const char *v)
{
    /* "go1", "go1.N", "go1.N.M", "go1.NrcK" ... */
    if (!v || strncmp(v, "go1", 3) != 0)
        return -1;
    if (v[3] == 0)
        return 0;
    if (v[3] != '.')
        return -1;
    int n = 0;
    const char *p = v + 4;
    if (*p < '0' || *p > '9')
        return -1;
    while (*p >= '0' && *p <= '9') {
        n = n * 10 + (*p - '0');
        if (n > 100000)
            return -1;
        p++;
    }
    return n;
}

bool ck_allow_version(Checker *ck, int minor)
{
    int v = ty_version_minor(ck->e.version);
    return v < 0 || v >= minor; /* an unknown version allows everything */
}

/* ---- errors -------------------------------------------------------------------- */

/* gc (noder/irgen.go) completes every message saying "requires goN.M or
 * later" with where the version came from: a //go:build line of the file
 * (when that is the version in force), or the -lang flag. */
static bool version_error(const char *msg)
{
    for (const char *p = strstr(msg, "requires go"); p; p = strstr(p + 1, "requires go")) {
        const char *q = p + 11;
        if (*q < '0' || *q > '9')
            continue;
        while (*q >= '0' && *q <= '9')
            q++;
        if (*q++ != '.' || *q < '0' || *q > '9')
            continue;
        while (*q >= '0' && *q <= '9')
            q++;
        if (strncmp(q, " or later", 9) == 0)
            return true;
    }
    return false;
}

static void version_hint(Checker *ck, Buf *b, Pos pos)
{
    SrcFile *src = postab_file(ck->env->pos, pos);
    for (uint32_t i = 0; i < ck->nfiles; i++) {
        SynFile *f = ck->files[i];
        if (f->src == src) {
            if (f->goversion && f->goversion[0] && ck->file_versions[i] &&
                strcmp(f->goversion, ck->file_versions[i]) == 0) {
                buf_printf(b, " (file declares //go:build %s)", f->goversion);
                return;
            }
            break;
        }
    }
    buf_printf(b, " (-lang was set to %s; check go.mod)", ck->conf->goversion ? ck->conf->goversion : "");
}

void ck_error(Checker *ck, Pos pos, const char *msg)
{
    if (version_error(msg)) {
        Buf b = {0};
        buf_puts(&b, msg);
        version_hint(ck, &b, ck->e.errpos != NOPOS ? ck->e.errpos : pos);
        ck_error_raw(ck, pos, buf_str(&b));
        buf_free(&b);
        return;
    }
    ck_error_raw(ck, pos, msg);
}

void ck_error_raw(Checker *ck, Pos pos, const char *msg)
{
    /* Follow-on errors mentioning "invalid operand" or "invalid type"
     * (not at the start of the message) add nothing once an error was
     * reported (types2 errors.go). */
    if (ck->first_err) {
        const char *p = strstr(msg, "invalid operand");
        const char *q = strstr(msg, "invalid type");
        if ((p && p != msg) || (q && q != msg))
            return;
    }
    /* errors in an inherited constant initializer are reported at the
     * constant being declared */
    if (ck->e.errpos != NOPOS)
        pos = ck->e.errpos;
    ck->nerrors++;
    ck->first_err = true;
    if (ck->conf->diags)
        diags_add(ck->conf->diags, pos, "%s", msg);
}

void ck_error_alt(Checker *ck, Pos pos, const char *msg, TyObject *alt)
{
    if (!alt || alt->pos == NOPOS) {
        ck_error(ck, pos, msg);
        return;
    }
    Buf b = {0};
    buf_puts(&b, msg);
    buf_puts(&b, "\n\t");
    syn_pos_string(&b, ck->env->pos, alt->pos);
    buf_printf(&b, ": other declaration of %s", alt->name->name);
    ck_error(ck, pos, buf_str(&b));
    buf_free(&b);
}

void ck_errorf(Checker *ck, Pos pos, const char *fmt, ...)
{
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    ck_error(ck, pos, buf_str(&b));
    buf_free(&b);
}


char *ck_sprintf(Checker *ck, const char *fmt, ...)
{
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    char *s = arena_strndup(&ck->tmp, buf_str(&b), b.len);
    buf_free(&b);
    return s;
}

/* types2 reports errors about a node at its start (errors.go atPos:
 * syntax.StartPos); only explicit positions are used as they are. */
Pos ck_at(const SynNode *n)
{
    return n ? syn_start_pos(n) : NOPOS;
}

/* The import graph's package names -> number of distinct paths, built on
 * the first message that needs a qualifier (types2 markImports). */
static void mark_imports(Checker *ck, TyPackage *pkg, PtrMap *seen)
{
    if (ptrmap_get(seen, PMKEY(pkg)))
        return;
    ptrmap_put(seen, PMKEY(pkg), pkg);
    const Sym *name = sym_cstr(ck->syms, pkg->name);
    const Sym *path = sym_cstr(ck->syms, pkg->path);
    PtrVec **paths = (PtrVec **)ptrmap_slot(&ck->pkg_path_map, PMKEY(name));
    if (!*paths)
        *paths = ARENA_NEW(&ck->tmp, PtrVec);
    bool found = false;
    for (uint32_t i = 0; i < (*paths)->len; i++)
        if ((*paths)->data[i] == path)
            found = true;
    if (!found)
        ptrvec_push(*paths, (void *)path);
    for (uint32_t i = 0; i < pkg->nimports; i++)
        mark_imports(ck, pkg->imports[i], seen);
}

const char *ck_pkg_qualifier(Checker *ck, const TyPackage *pkg)
{
    if (pkg == ck->pkg)
        return "";
    if (!ck->pkg_path_map_built) {
        PtrMap seen = {0};
        mark_imports(ck, ck->pkg, &seen);
        ptrmap_free(&seen);
        ck->pkg_path_map_built = true;
    }
    /* a name used by several packages is ambiguous: show the quoted path */
    PtrVec *paths = ptrmap_get(&ck->pkg_path_map, PMKEY(sym_cstr(ck->syms, pkg->name)));
    if (paths && paths->len > 1) {
        Buf q = {0};
        buf_quote_go(&q, pkg->path, strlen(pkg->path));
        char *s = arena_strndup(&ck->tmp, buf_str(&q), q.len);
        buf_free(&q);
        return s;
    }
    return pkg->name;
}

static const char *msg_qualifier(void *ud, const TyPackage *pkg)
{
    return ck_pkg_qualifier((Checker *)ud, pkg);
}

const char *ck_tstr(Checker *ck, TyType *t)
{
    Buf b = {0};
    ty_type_string_types2(ck->env, &b, t, msg_qualifier, ck);
    char *s = arena_strndup(&ck->tmp, buf_str(&b), b.len);
    buf_free(&b);
    return s;
}

const char *ck_estr(Checker *ck, const SynNode *n)
{
    Buf b = {0};
    syn_string(&b, n);
    char *s = arena_strndup(&ck->tmp, buf_str(&b), b.len);
    buf_free(&b);
    return s;
}

const char *ck_objstr(Checker *ck, TyObject *o)
{
    Buf b = {0};
    ty_obj_string(ck->env, &b, o, msg_qualifier, ck);
    char *s = arena_strndup(&ck->tmp, buf_str(&b), b.len);
    buf_free(&b);
    return s;
}

/* ---- recording ---------------------------------------------------------------------- */

TyTV *ck_tv(Checker *ck, SynNode *n)
{
    if (!n->info)
        n->info = ARENA_NEW(ck->a, TyTV);
    return n->info;
}

/* An identifier can both define and use an object: the name of an
 * embedded field (struct{ io.Reader }) defines the field and uses the type
 * name, as go/types records it in both Defs and Uses. */
void ck_record_def(Checker *ck, SynName *id, TyObject *obj)
{
    TyTV *tv = ck_tv(ck, &id->n);
    if ((tv->flags & TY_TV_USE) && !(tv->flags & TY_TV_DEF))
        tv->use = tv->obj;
    tv->obj = obj;
    tv->flags |= TY_TV_DEF;
}

void ck_record_use(Checker *ck, SynName *id, TyObject *obj)
{
    TyTV *tv = ck_tv(ck, &id->n);
    if (tv->flags & TY_TV_DEF)
        tv->use = obj;
    else
        tv->obj = obj;
    tv->flags |= TY_TV_USE;
}

void ck_record_implicit(Checker *ck, SynNode *n, TyObject *obj)
{
    TyTV *tv = ck_tv(ck, n);
    tv->obj = obj;
    tv->flags |= TY_TV_IMPLICIT;
}

void ck_record_type_and_value(Checker *ck, SynNode *x, TyMode mode, TyType *t, const TyConst *val)
{
    if (mode == TY_MODE_INVALID)
        return;
    TyTV *tv = ck_tv(ck, x);
    tv->mode = (uint8_t)mode;
    tv->type = t;
    if (mode == TY_MODE_CONSTANT && val)
        tv->val = *val;
}

void ck_record_builtin_type(Checker *ck, SynNode *f, TySignature *sig)
{
    /* f is a (possibly parenthesized, possibly qualified) builtin name */
    for (;;) {
        ck_record_type_and_value(ck, f, TY_MODE_BUILTIN, &sig->t, NULL);
        if (f->kind == SYN_PAREN_EXPR)
            f = ((SynParenExpr *)f)->x;
        else
            return;
    }
}

void ck_record_comma_ok_types(Checker *ck, SynNode *x, Operand *a)
{
    if (a[0].mode == TY_MODE_INVALID)
        return;
    TyObject *vars[2];
    for (int i = 0; i < 2; i++)
        vars[i] = ty_new_var(ck->env, TY_VAR_NONE, x->pos, NULL, ck->sym_blank, a[i].type);
    /* go/types records a tuple; for our purposes the pair suffices */
    for (;;) {
        TyTV *tv = ck_tv(ck, x);
        TyTuple *t = ty_new_tuple(ck->env, vars, 2);
        vars[0]->name = sym_cstr(ck->syms, "");
        vars[1]->name = vars[0]->name;
        tv->type = &t->t;
        if (x->kind != SYN_PAREN_EXPR)
            return;
        x = ((SynParenExpr *)x)->x;
    }
}

void ck_record_instance(Checker *ck, SynNode *x, TyTypeList targs, TyType *t)
{
    /* the identifier being instantiated: x, or x.Sel, or the X of x[...] */
    SynNode *id = x;
    if (id->kind == SYN_INDEX_EXPR)
        id = ((SynIndexExpr *)id)->x;
    if (id->kind == SYN_SELECTOR_EXPR)
        id = &((SynSelectorExpr *)id)->sel->n;
    if (id->kind != SYN_NAME)
        return;
    TyTV *tv = ck_tv(ck, id);
    tv->targs = targs;
    tv->insttype = t;
}

void ck_record_selection(Checker *ck, SynSelectorExpr *x, int kind, TyType *recv, TyObject *obj,
                         uint32_t *index, uint32_t nindex, bool indirect)
{
    ck_record_use(ck, x->sel, obj);
    TySelection *s = ARENA_NEW(ck->a, TySelection);
    s->kind = (uint8_t)kind;
    s->recv = recv;
    s->obj = obj;
    s->indirect = indirect;
    s->nindex = nindex;
    s->index = nindex ? arena_memdup(ck->a, index, sizeof(uint32_t) * nindex) : NULL;
    ck_tv(ck, &x->n)->sel = s;
}

void ck_record_scope(Checker *ck, SynNode *n, TyScope *s) { ck_tv(ck, n)->scope = s; }

void ck_remember_untyped(Checker *ck, SynNode *e, bool lhs, TyMode mode, TyBasic *t, const TyConst *val)
{
    ExprInfo *info = ptrmap_get(&ck->untyped, PMKEY(e));
    if (!info) {
        info = ARENA_NEW(&ck->tmp, ExprInfo);
        ptrmap_put(&ck->untyped, PMKEY(e), info);
    }
    info->islhs = lhs;
    info->mode = (uint8_t)mode;
    info->type = t;
    info->val = val ? *val : ty_const_unknown();
}

void ck_record_untyped(Checker *ck)
{
    PtrMap *m = &ck->untyped;
    for (uint32_t i = 0; i < m->cap; i++) {
        if (!m->keys[i] || !m->vals[i])
            continue;
        SynNode *x = (SynNode *)(uintptr_t)m->keys[i];
        ExprInfo *info = m->vals[i];
        ck_record_type_and_value(ck, x, (TyMode)info->mode, &info->type->t, &info->val);
    }
}

/* ---- delayed actions -------------------------------------------------------------- */

typedef struct Delayed {
    ActionFn fn;
    void *arg;
    const char *version;
} Delayed;

void ck_later(Checker *ck, ActionFn fn, void *arg)
{
    Delayed *d = ARENA_NEW(&ck->tmp, Delayed);
    d->fn = fn;
    d->arg = arg;
    d->version = ck->e.version;
    ptrvec_push(&ck->delayed, d);
}

/* Runs delayed actions from index top on (they may add more), in FIFO
 * order, then pops them. */
void ck_process_delayed(Checker *ck, uint32_t top)
{
    const char *saved = ck->e.version;
    for (uint32_t i = top; i < ck->delayed.len; i++) {
        Delayed *d = ck->delayed.data[i];
        ck->e.version = d->version;
        d->fn(ck, d->arg);
    }
    ck->delayed.len = top;
    ck->e.version = saved;
}

/* ---- files ----------------------------------------------------------------------- */

static void init_files(Checker *ck, SynFile **files, uint32_t nfiles)
{
    TyPackage *pkg = ck->pkg;
    ck->files = arena_alloc(&ck->tmp, sizeof(SynFile *) * (nfiles + 1));
    ck->file_versions = arena_alloc(&ck->tmp, sizeof(char *) * (nfiles + 1));
    for (uint32_t i = 0; i < nfiles; i++) {
        SynFile *f = files[i];
        const Sym *name = f->pkgname->value;
        if (!pkg->name || !pkg->name[0]) {
            if (name != ck->sym_blank)
                pkg->name = arena_strdup(ck->a, name->name);
            else
                ck_error(ck, f->pkgname->n.pos, "invalid package name _");
            ck->files[ck->nfiles++] = f;
        } else if (strcmp(name->name, pkg->name) == 0) {
            ck->files[ck->nfiles++] = f;
        } else {
            ck_errorf(ck, f->n.pos, "package %s; expected package %s", name->name, pkg->name);
        }
    }
    int pkgv = ty_version_minor(ck->conf->goversion);
    if (pkgv > GO_CURRENT_MINOR && ck->nfiles > 0)
        ck_errorf(ck, ck->files[0]->n.pos,
                  "package requires newer Go version go1.%d (application built with go1.%d)", pkgv,
                  GO_CURRENT_MINOR);
    for (uint32_t i = 0; i < ck->nfiles; i++) {
        SynFile *f = ck->files[i];
        const char *v = ck->conf->goversion;
        int fv = ty_version_minor(f->goversion);
        if (fv >= 0) {
            /* a //go:build version selects the file's version, but never
             * below go1.21 (where this rule started) */
            v = fv < 21 ? "go1.21" : f->goversion;
            if (fv > GO_CURRENT_MINOR)
                ck_errorf(ck, f->pkgname->n.pos, "file requires newer Go version %s", f->goversion);
        }
        ck->file_versions[i] = v;
    }
}

TyPackage *ty_check_package(TyEnv *env, const TyConfig *conf, const char *path, SynFile **files,
                            uint32_t nfiles, uint32_t *nerrors)
{
    Checker *ck = xcalloc(1, sizeof *ck);
    ck->env = env;
    ck->conf = conf;
    ck->a = &env->arena;
    arena_init(&ck->tmp);
    ck->syms = env->syms;
    ck->sym_blank = sym_cstr(env->syms, "_");
    ck->sym_init = sym_cstr(env->syms, "init");
    ck->sym_main = sym_cstr(env->syms, "main");
    ck->sym_iota = sym_cstr(env->syms, "iota");
    ck->pkg = ty_new_package(env, path, "");
    ck->e.version = conf->goversion;

    init_files(ck, files, nfiles);
    ck_collect_objects(ck);
    ck_direct_cycles(ck);
    ck_package_objects(ck);
    ck_process_delayed(ck, 0);
    for (uint32_t i = 0; i < ck->cleaners.len; i++)
        ty_cleanup(env, ck->cleaners.data[i]);
    ck->cleaners.len = 0;
    ck_init_order(ck);
    if (!conf->ignore_func_bodies)
        ck_unused_imports(ck);
    ck_record_untyped(ck);
    /* non-monomorphizable instantiation cycles (it checks for earlier
     * errors itself, and frees its graph in any case) */
    ck_monomorph(ck);

    TyPackage *pkg = ck->pkg;
    pkg->goversion = conf->goversion;
    pkg->complete = true;
    if (nerrors)
        *nerrors = ck->nerrors;

    /* the dependency sets are on the heap (the DeclInfos themselves are in
     * ck->tmp) */
    for (uint32_t i = 0; i < ck->objmap.cap; i++) {
        DeclInfo *d = ck->objmap.keys[i] ? ck->objmap.vals[i] : NULL;
        if (d) {
            ptrmap_free(&d->deps);
            ptrvec_free(&d->deplist);
        }
    }
    ptrmap_free(&ck->objmap);
    ptrvec_free(&ck->objlist);
    ptrmap_free(&ck->impmap);
    ptrvec_free(&ck->imports);
    ptrmap_free(&ck->dot_import_map);
    ptrmap_free(&ck->broken_aliases);
    ptrmap_free(&ck->union_typesets);
    for (uint32_t i = 0; i < ck->methods.cap; i++)
        if (ck->methods.keys[i] && ck->methods.vals[i])
            ptrvec_free(ck->methods.vals[i]);
    ptrmap_free(&ck->methods);
    ptrmap_free(&ck->untyped);
    for (uint32_t i = 0; i < ck->pkg_path_map.cap; i++)
        if (ck->pkg_path_map.keys[i] && ck->pkg_path_map.vals[i])
            ptrvec_free(ck->pkg_path_map.vals[i]);
    ptrmap_free(&ck->pkg_path_map);
    ptrvec_free(&ck->delayed);
    ptrvec_free(&ck->objpath);
    ptrmap_free(&ck->objpath_idx);
    ptrvec_free(&ck->cleaners);
    buf_free(&ck->msgbuf);
    arena_free(&ck->tmp);
    free(ck);
    return pkg;
}
