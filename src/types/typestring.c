/*
 * Types and objects as text, exactly as go/types' TypeString and
 * ObjectString write them (the oracle's output and types2's messages
 * depend on every byte).
 */
#include "check.h"

#include <string.h>

typedef struct Writer {
    Buf *b;
    TyQualifier qual;
    void *ud;
    bool param_names;
    bool pkg_info;      /* annotate the first unexported struct field with its package */
    bool types2;        /* types2's spelling (compiler messages) instead of go/types' */
    TyType *seen[64];   /* types being written (cycle guard) */
    uint32_t nseen;
    TyEnv *env;
} Writer;

static void wtyp(Writer *w, TyType *t);

static void write_error(Writer *w, const char *msg)
{
    buf_putc(w->b, '<');
    buf_puts(w->b, msg);
    buf_putc(w->b, '>');
}

static void package_prefix(Writer *w, const TyPackage *pkg)
{
    if (!pkg)
        return;
    const char *s = w->qual ? w->qual(w->ud, pkg) : pkg->path;
    if (s && s[0]) {
        buf_puts(w->b, s);
        buf_putc(w->b, '.');
    }
}

static void type_name(Writer *w, TyObject *obj)
{
    package_prefix(w, obj->pkg);
    buf_put(w->b, obj->name->name, obj->name->len);
}

static void type_list(Writer *w, TyTypeList l)
{
    buf_putc(w->b, '[');
    for (uint32_t i = 0; i < l.len; i++) {
        if (i > 0)
            buf_puts(w->b, ", ");
        wtyp(w, l.items[i]);
    }
    buf_putc(w->b, ']');
}

static void tparam_list(Writer *w, TyTParamList l)
{
    buf_putc(w->b, '[');
    TyType *prev = NULL;
    for (uint32_t i = 0; i < l.len; i++) {
        TyTypeParam *tp = l.items[i];
        if (i > 0) {
            if (tp->bound != prev) {
                buf_putc(w->b, ' ');
                wtyp(w, prev);
            }
            buf_puts(w->b, ", ");
        }
        prev = tp->bound;
        wtyp(w, &tp->t);
    }
    if (prev) {
        buf_putc(w->b, ' ');
        wtyp(w, prev);
    }
    buf_putc(w->b, ']');
}

static void tuple(Writer *w, TyTuple *tup, bool variadic)
{
    buf_putc(w->b, '(');
    if (tup) {
        for (uint32_t i = 0; i < tup->len; i++) {
            TyObject *v = tup->vars[i];
            if (i > 0)
                buf_puts(w->b, ", ");
            if (v->name && v->name->len && w->param_names) {
                buf_put(w->b, v->name->name, v->name->len);
                buf_putc(w->b, ' ');
            }
            TyType *t = v->type;
            if (variadic && i == tup->len - 1) {
                if (t && t->kind == TY_SLICE) {
                    buf_puts(w->b, "...");
                    wtyp(w, TY_AS(TySlice, t)->elem);
                } else {
                    wtyp(w, t);
                    buf_puts(w->b, "...");
                }
            } else {
                wtyp(w, t);
            }
        }
    }
    buf_putc(w->b, ')');
}

static void signature(Writer *w, TySignature *sig)
{
    if (sig->tparams.len)
        tparam_list(w, sig->tparams);
    tuple(w, sig->params, sig->variadic);
    uint32_t n = sig->results ? sig->results->len : 0;
    if (n == 0)
        return;
    buf_putc(w->b, ' ');
    TyObject *r0 = sig->results->vars[0];
    if (n == 1 && (!r0->name || r0->name->len == 0)) {
        wtyp(w, r0->type);
        return;
    }
    tuple(w, sig->results, false);
}

static bool is_exported_name(const char *s)
{
    return s[0] >= 'A' && s[0] <= 'Z';
}

static void wtyp(Writer *w, TyType *t)
{
    if (!t) {
        write_error(w, "nil");
        return;
    }
    for (uint32_t i = 0; i < w->nseen; i++) {
        if (w->seen[i] == t) {
            buf_puts(w->b, "<cycle to ");
            switch (t->kind) {
            case TY_NAMED: buf_puts(w->b, "Named"); break;
            case TY_INTERFACE: buf_puts(w->b, "Interface"); break;
            default: buf_puts(w->b, "type"); break;
            }
            buf_putc(w->b, '>');
            return;
        }
    }
    bool pushed = false;
    if (w->nseen < 64) {
        w->seen[w->nseen++] = t;
        pushed = true;
    }

    switch (t->kind) {
    case TY_BASIC: {
        TyBasic *b = TY_AS(TyBasic, t);
        if (b->bkind == TY_UNSAFE_POINTER && is_exported_name(b->name) && w->env) {
            /* unsafe.Pointer prints with its package */
            TyObject *obj = ty_scope_lookup(w->env->unsafe_pkg->scope, sym_cstr(w->env->syms, b->name));
            if (obj && obj->kind == TY_OBJ_TYPENAME) {
                type_name(w, obj);
                break;
            }
        }
        buf_puts(w->b, b->name);
        break;
    }
    case TY_ARRAY:
        buf_printf(w->b, "[%lld]", (long long)TY_AS(TyArray, t)->len);
        wtyp(w, TY_AS(TyArray, t)->elem);
        break;
    case TY_SLICE:
        buf_puts(w->b, "[]");
        wtyp(w, TY_AS(TySlice, t)->elem);
        break;
    case TY_STRUCT: {
        TyStruct *s = TY_AS(TyStruct, t);
        buf_puts(w->b, "struct{");
        for (uint32_t i = 0; i < s->nfields; i++) {
            TyObject *f = s->fields[i];
            if (i > 0)
                buf_puts(w->b, "; ");
            bool annotate = false;
            if (!w->qual && w->pkg_info && !ty_obj_exported(f)) {
                annotate = true;
                w->pkg_info = false; /* only once */
            }
            if (!(f->flags & TY_OF_EMBEDDED)) {
                buf_put(w->b, f->name->name, f->name->len);
                buf_putc(w->b, ' ');
            }
            wtyp(w, f->type);
            if (annotate && f->pkg) {
                buf_puts(w->b, " /* package ");
                buf_puts(w->b, f->pkg->path);
                buf_puts(w->b, " */ ");
            }
            if (s->tags && s->tags[i] && s->tags[i][0]) {
                buf_putc(w->b, ' ');
                buf_quote_go(w->b, s->tags[i], strlen(s->tags[i]));
            }
        }
        buf_putc(w->b, '}');
        break;
    }
    case TY_POINTER:
        buf_putc(w->b, '*');
        wtyp(w, TY_AS(TyPointer, t)->base);
        break;
    case TY_TUPLE:
        tuple(w, TY_AS(TyTuple, t), false);
        break;
    case TY_SIGNATURE:
        buf_puts(w->b, "func");
        signature(w, TY_AS(TySignature, t));
        break;
    case TY_UNION: {
        TyUnion *u = TY_AS(TyUnion, t);
        if (u->nterms == 0) {
            write_error(w, "empty union");
            break;
        }
        for (uint32_t i = 0; i < u->nterms; i++) {
            if (i > 0)
                buf_puts(w->b, " | "); /* termSep */
            if (u->terms[i].tilde)
                buf_putc(w->b, '~');
            wtyp(w, u->terms[i].type);
        }
        break;
    }
    case TY_INTERFACE: {
        TyInterface *it = TY_AS(TyInterface, t);
        if (w->env) {
            if (t == w->env->empty_interface) {
                buf_puts(w->b, "any");
                break;
            }
            if (t == TY_AS(TyNamed, w->env->comparable_type)->underlying) {
                buf_puts(w->b, "interface{comparable}");
                break;
            }
        }
        if (it->implicit) {
            if (it->nmethods == 0 && it->nembeddeds == 1) {
                wtyp(w, it->embeddeds[0]);
                break;
            }
            buf_puts(w->b, "/* implicit */ ");
        }
        buf_puts(w->b, "interface{");
        bool first = true;
        for (uint32_t i = 0; i < it->nmethods; i++) {
            if (!first)
                buf_puts(w->b, "; ");
            first = false;
            TyObject *m = it->methods[i];
            buf_put(w->b, m->name->name, m->name->len);
            signature(w, TY_AS(TySignature, m->type));
        }
        for (uint32_t i = 0; i < it->nembeddeds; i++) {
            if (!first)
                buf_puts(w->b, "; ");
            first = false;
            wtyp(w, it->embeddeds[i]);
        }
        buf_putc(w->b, '}');
        break;
    }
    case TY_MAP:
        buf_puts(w->b, "map[");
        wtyp(w, TY_AS(TyMap, t)->key);
        buf_putc(w->b, ']');
        wtyp(w, TY_AS(TyMap, t)->elem);
        break;
    case TY_CHAN: {
        TyChan *c = TY_AS(TyChan, t);
        bool parens = false;
        switch (c->dir) {
        case TY_SEND_RECV:
            buf_puts(w->b, "chan ");
            if (c->elem && c->elem->kind == TY_CHAN && TY_AS(TyChan, c->elem)->dir == TY_RECV_ONLY)
                parens = true;
            break;
        case TY_SEND_ONLY:
            buf_puts(w->b, "chan<- ");
            break;
        default:
            buf_puts(w->b, "<-chan ");
            break;
        }
        if (parens)
            buf_putc(w->b, '(');
        wtyp(w, c->elem);
        if (parens)
            buf_putc(w->b, ')');
        break;
    }
    case TY_NAMED: {
        TyNamed *n = TY_AS(TyNamed, t);
        type_name(w, n->obj);
        if (n->orig != n)
            type_list(w, n->targs);
        else if (n->tparams.len)
            tparam_list(w, n->tparams);
        break;
    }
    case TY_TYPEPARAM: {
        TyTypeParam *tp = TY_AS(TyTypeParam, t);
        if (!tp->obj) {
            write_error(w, "unnamed type parameter");
            break;
        }
        buf_put(w->b, tp->obj->name->name, tp->obj->name->len);
        if (w->env && ty_scope_lookup(w->env->universe, tp->obj->name)) {
            if (w->types2) {
                Buf p = {0};
                syn_pos_string(&p, w->env->pos, tp->obj->pos);
                buf_printf(w->b, " /* with %s declared at %s */", tp->obj->name->name, buf_str(&p));
                buf_free(&p);
            } else {
                buf_puts(w->b, "/* type parameter */");
            }
        }
        break;
    }
    case TY_ALIAS: {
        TyAlias *a = TY_AS(TyAlias, t);
        type_name(w, a->obj);
        if (a->targs.len)
            type_list(w, a->targs);
        else if (a->tparams.len)
            tparam_list(w, a->tparams);
        break;
    }
    default:
        write_error(w, "unknown type");
        break;
    }
    if (pushed)
        w->nseen--;
}

static void writer_init(Writer *w, TyEnv *env, Buf *b, TyQualifier qual, void *ud)
{
    memset(w, 0, sizeof *w);
    w->b = b;
    w->qual = qual;
    w->ud = ud;
    w->param_names = true;
    w->env = env;
}

void ty_type_string(TyEnv *env, Buf *b, TyType *t, TyQualifier qual, void *ud)
{
    Writer w;
    writer_init(&w, env, b, qual, ud);
    wtyp(&w, t);
}

void ty_type_string_types2(TyEnv *env, Buf *b, TyType *t, TyQualifier qual, void *ud)
{
    Writer w;
    writer_init(&w, env, b, qual, ud);
    w.types2 = true;
    wtyp(&w, t);
}

void ty_write_signature_ex(TyEnv *env, Buf *b, TySignature *sig, TyQualifier qual, void *ud, bool param_names,
                           bool pkg_info)
{
    Writer w;
    writer_init(&w, env, b, qual, ud);
    w.types2 = true;
    w.param_names = param_names;
    w.pkg_info = pkg_info;
    signature(&w, sig);
}

static void func_name(Writer *w, TyObject *f)
{
    TySignature *sig = f->type && f->type->kind == TY_SIGNATURE ? TY_AS(TySignature, f->type) : NULL;
    if (sig) {
        if (sig->recv) {
            buf_putc(w->b, '(');
            if (sig->recv->type && sig->recv->type->kind == TY_INTERFACE)
                buf_puts(w->b, "interface"); /* don't print the interface in full */
            else
                wtyp(w, sig->recv->type);
            buf_puts(w->b, ").");
        } else {
            package_prefix(w, f->pkg);
        }
    }
    buf_put(w->b, f->name->name, f->name->len);
}

/* types2 ObjectString (writeObject), in types2's spelling. */
void ty_obj_string(TyEnv *env, Buf *b, TyObject *obj, TyQualifier qual, void *ud)
{
    Writer w;
    writer_init(&w, env, b, qual, ud);
    w.types2 = true;
    TyType *typ = obj->type;
    bool istname = false;
    switch (obj->kind) {
    case TY_OBJ_PKGNAME:
        buf_printf(b, "package %s", obj->name->name);
        if (obj->u.imported && obj->u.imported->path[0] &&
            strcmp(obj->u.imported->path, obj->name->name) != 0) {
            buf_puts(b, " (");
            buf_quote_go(b, obj->u.imported->path, strlen(obj->u.imported->path));
            buf_putc(b, ')');
        }
        return;
    case TY_OBJ_CONST:
        buf_puts(b, "const");
        break;
    case TY_OBJ_TYPENAME:
        istname = true;
        buf_puts(b, "type");
        if (typ && ty_is_typeparam(typ))
            buf_puts(b, " parameter");
        break;
    case TY_OBJ_VAR:
        buf_puts(b, obj->varkind == TY_FIELD_VAR ? "field" : "var");
        break;
    case TY_OBJ_FUNC:
        buf_puts(b, "func ");
        func_name(&w, obj);
        if (typ && typ->kind == TY_SIGNATURE)
            signature(&w, TY_AS(TySignature, typ));
        return;
    case TY_OBJ_LABEL:
        buf_puts(b, "label");
        typ = NULL;
        break;
    case TY_OBJ_BUILTIN:
        buf_puts(b, "builtin");
        typ = NULL;
        break;
    case TY_OBJ_NIL:
        buf_puts(b, "nil");
        return;
    default:
        return;
    }
    buf_putc(b, ' ');
    /* package-level objects are qualified */
    if (obj->pkg && ty_scope_lookup(obj->pkg->scope, obj->name) == obj)
        package_prefix(&w, obj->pkg);
    buf_put(b, obj->name->name, obj->name->len);
    if (!typ)
        return;
    if (istname) {
        if (typ->kind == TY_BASIC)
            return;
        if (typ->kind == TY_NAMED && TY_AS(TyNamed, typ)->tparams.len)
            tparam_list(&w, TY_AS(TyNamed, typ)->tparams);
        else if (typ->kind == TY_ALIAS && TY_AS(TyAlias, typ)->tparams.len)
            tparam_list(&w, TY_AS(TyAlias, typ)->tparams);
        if (ty_is_alias_obj(obj)) {
            buf_puts(b, " =");
            if (typ->kind == TY_ALIAS)
                typ = TY_AS(TyAlias, typ)->fromrhs;
        } else if (typ->kind == TY_TYPEPARAM) {
            typ = TY_AS(TyTypeParam, typ)->bound;
        } else {
            typ = ty_under(typ);
        }
    }
    buf_putc(b, ' ');
    /* "type any = interface{}", not "= any" */
    if (env && obj->parent == env->universe && strcmp(obj->name->name, "any") == 0) {
        buf_puts(b, "interface{}");
        return;
    }
    wtyp(&w, typ);
}

void ty_signature_string(TyEnv *env, Buf *b, TySignature *sig, TyQualifier qual, void *ud)
{
    Writer w;
    memset(&w, 0, sizeof w);
    w.b = b;
    w.qual = qual;
    w.ud = ud;
    w.param_names = true;
    w.env = env;
    signature(&w, sig);
}
