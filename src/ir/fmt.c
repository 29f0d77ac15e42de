/*
 * Printing of types and nodes as gc prints them in -m messages and -m=2
 * notes (types/fmt.go tconv, ir/fmt.go exprFmt/stmtFmt).
 *
 * The rules follow gc, not go/types: `interface {}` with a space, struct
 * fields as `struct { a int; B string "tag" }`, function types without
 * parameter names, instantiated types as their mangled symbol
 * (`Box[*p.T]`, type arguments in link-string form), implicit conversions,
 * & and * skipped in expressions, `... argument` for the implicit slice of
 * a variadic call, `for loop` / `switch statement` for compound statements.
 *
 * Two places where gc's behaviour differs from its comments and we follow
 * the behaviour:
 *  - types.NumImport is never incremented in go1.26, so an imported package
 *    is always qualified by its name, never by its quoted path;
 *  - an unexported interface method switches the rest of that interface
 *    (and the method's own signature) to link-string mode, so
 *    `interface { p.m(p.T); N() }` keeps the prefix for later names.
 */
#include "irfmt.h"

#include "../types/check.h"

#include <string.h>

/* ---- types ------------------------------------------------------------------ */

typedef struct Tfmt {
    Buf *b;
    IrProgram *p;
    TyEnv *env;
    const TyPackage *local;
} Tfmt;

bool irfmt_exported(const char *name)
{
    int w;
    int32_t r = utf8_decode((const unsigned char *)name, strlen(name), &w);
    return uni_is_upper(r);
}

void irfmt_path_prefix(Buf *b, const char *path)
{
    static const char hex[] = "0123456789abcdef";
    /* types.NewPkg: the shape package keeps its name unescaped, so that
     * shape types read go.shape.int inside instantiated names */
    if (strcmp(path, "go.shape") == 0) {
        buf_puts(b, path);
        return;
    }
    const char *slash = strrchr(path, '/');
    for (const char *s = path; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c <= ' ' || (c == '.' && (!slash || s > slash)) || c == '%' || c == '"' || c >= 0x7F) {
            buf_putc(b, '%');
            buf_putc(b, hex[c >> 4]);
            buf_putc(b, hex[c & 0xF]);
        } else {
            buf_putc(b, (char)c);
        }
    }
}

const char *irfmt_pkg_name(const TyPackage *pkg, const TyPackage *local)
{
    if (!pkg)
        pkg = local;
    return pkg && pkg->name ? pkg->name : "";
}

static bool is_any(TyEnv *env, TyType *t)
{
    if (t == env->any_type)
        return true;
    if (t->kind == TY_ALIAS) {
        TyObject *o = TY_AS(TyAlias, t)->obj;
        return o && !o->pkg && strcmp(o->name->name, "any") == 0;
    }
    return false;
}

TyType *irfmt_gc_type(TyEnv *env, TyType *t)
{
    while (t && t->kind == TY_ALIAS && !is_any(env, t)) {
        TyAlias *a = TY_AS(TyAlias, t);
        /* instances of generic aliases: the substituted type */
        t = a->targs.len || !a->fromrhs ? a->actual : a->fromrhs;
    }
    return t;
}

static bool is_error(TyEnv *env, TyType *t) { return t == env->error_type; }

bool irfmt_type_has_sym(TyEnv *env, TyType *t)
{
    t = irfmt_gc_type(env, t);
    if (!t)
        return false;
    switch (t->kind) {
    case TY_ALIAS: /* any */
    case TY_BASIC:
    case TY_NAMED:
    case TY_TYPEPARAM:
        return true;
    default:
        return false;
    }
}

/* pkgqual: writes the qualifier and a '.' (nothing when none is needed) */
static void pkgqual(Tfmt *f, const TyPackage *pkg, int verb, IrFmtMode mode)
{
    if (verb == 'S')
        return;
    if (!pkg) {
        /* the universe (gc's BuiltinPkg, named "" with path "go.builtin") */
        if (mode == IR_FMT_TYPEID)
            buf_puts(f->b, "go.builtin.");
        return;
    }
    switch (mode) {
    case IR_FMT_GO:
        if (pkg == f->local)
            return;
        buf_puts(f->b, pkg->name);
        break;
    case IR_FMT_DEBUG:
    case IR_FMT_TYPEIDNAME:
        buf_puts(f->b, pkg->name);
        break;
    case IR_FMT_TYPEID:
        irfmt_path_prefix(f->b, pkg->path);
        break;
    }
    buf_putc(f->b, '.');
}

static void tconv(Tfmt *f, TyType *t, int verb, IrFmtMode mode);

static const char *basic_name(TyEnv *env, TyBasic *b, IrFmtMode mode)
{
    if ((TyType *)b == (TyType *)env->basic[TY_BYTE])
        return mode == IR_FMT_TYPEID || mode == IR_FMT_TYPEIDNAME ? "uint8" : "byte";
    if ((TyType *)b == (TyType *)env->basic[TY_RUNE])
        return mode == IR_FMT_TYPEID || mode == IR_FMT_TYPEIDNAME ? "int32" : "rune";
    switch (b->bkind) {
    case TY_UNTYPED_BOOL: return "untyped bool";
    case TY_UNTYPED_INT: return "untyped int";
    case TY_UNTYPED_RUNE: return "untyped rune";
    case TY_UNTYPED_FLOAT: return "untyped float";
    case TY_UNTYPED_COMPLEX: return "untyped complex";
    case TY_UNTYPED_STRING: return "untyped string";
    case TY_UNTYPED_NIL: return "nil";
    case TY_INVALID: return "<T>";
    default: return b->name;
    }
}

/* gc's Kind.String() for the debug "KIND-" prefix */
static const char *kind_name(TyType *t)
{
    switch (t->kind) {
    case TY_ARRAY: return "ARRAY";
    case TY_SLICE: return "SLICE";
    case TY_STRUCT:
    case TY_TUPLE: return "STRUCT";
    case TY_POINTER: return "PTR";
    case TY_SIGNATURE: return "FUNC";
    case TY_INTERFACE: return "INTER";
    case TY_MAP: return "MAP";
    case TY_CHAN: return "CHAN";
    case TY_BASIC: return "UNSAFEPTR";
    default: return "Txxx";
    }
}

/* Function-local defined types are named "T·N" in gc, N numbering the
 * package's local type declarations in source order from 1 (the unified
 * IR writer's declCollector); only link strings keep the suffix.  The
 * number is 1 + the local type declarations before o, counted over the
 * package's scopes (positions grow with the package's file order). */
static void count_local_types(const TyScope *s, const TyObject *o, uint32_t *before)
{
    for (uint32_t i = 0; i < s->cap; i++) {
        TyObject *x = s->slots ? s->slots[i] : NULL;
        if (x && x->kind == TY_OBJ_TYPENAME && !ty_is_alias_obj(x) && x->pos < o->pos &&
            !(x->type && x->type->kind == TY_TYPEPARAM))
            (*before)++;
    }
    for (uint32_t i = 0; i < s->nchildren; i++)
        count_local_types(s->children[i], o, before);
}

uint32_t ir_local_type_gen(const TyObject *o)
{
    if (!o->pkg || !o->pkg->scope || !o->parent || o->parent == o->pkg->scope)
        return 0;
    uint32_t before = 0;
    /* the package scope's children are the file scopes, which hold only
     * imports; local types live below them */
    const TyScope *ps = o->pkg->scope;
    for (uint32_t i = 0; i < ps->nchildren; i++)
        count_local_types(ps->children[i], o, &before);
    return before + 1;
}

static void named_sym(Tfmt *f, TyNamed *n, int verb, IrFmtMode mode)
{
    TyObject *o = n->obj;
    pkgqual(f, o->pkg, verb, mode);
    const char *name = o->name->name;
    size_t len = strlen(name);
    if (mode != IR_FMT_TYPEID) {
        /* types.SplitVargenSuffix: outside link strings a trailing "·N"
         * of the name is not printed (a shape named after a local type,
         * go.shape.[]p.T·4, prints go.shape.[]p.T) */
        size_t i = len;
        while (i > 0 && name[i - 1] >= '0' && name[i - 1] <= '9')
            i--;
        if (i < len && i >= 2 && (unsigned char)name[i - 2] == 0xc2 && (unsigned char)name[i - 1] == 0xb7)
            len = i - 2;
    }
    buf_put(f->b, name, len);
    uint32_t gen = mode == IR_FMT_TYPEID ? ir_local_type_gen(o) : 0;
    if (n->targs.len) {
        /* reader.mangle: the type arguments' link strings */
        buf_putc(f->b, '[');
        for (uint32_t i = 0; i < n->targs.len; i++) {
            if (i)
                buf_putc(f->b, ',');
            tconv(f, n->targs.items[i], 0, IR_FMT_TYPEID);
        }
        buf_putc(f->b, ']');
    }
    if (gen)
        buf_printf(f->b, "\xc2\xb7%u", gen); /* "·N" */
}


/* formatParams: no names (fmtGo / link modes, the only ones that get here) */
static void format_params(Tfmt *f, TyTuple *params, bool variadic, IrFmtMode mode)
{
    buf_putc(f->b, '(');
    uint32_t n = params ? params->len : 0;
    for (uint32_t i = 0; i < n; i++) {
        if (i)
            buf_puts(f->b, ", ");
        TyType *pt = params->vars[i]->type;
        if (variadic && i == n - 1) {
            buf_puts(f->b, "...");
            TyType *u = ty_under(pt);
            tconv(f, u && u->kind == TY_SLICE ? TY_AS(TySlice, u)->elem : pt, 0, mode);
        } else {
            tconv(f, pt, 0, mode);
        }
    }
    buf_putc(f->b, ')');
}

static void format_func(Tfmt *f, TySignature *sig, int verb, IrFmtMode mode)
{
    if (verb != 'S') {
        if (sig->recv) {
            buf_puts(f->b, "method(");
            TyType *rt = sig->recv->type;
            /* interface methods have gc's fake receiver *struct {}
             * (not the I.M wrappers, whose receiver is a parameter) */
            if (ty_is_interface(rt) && sig->recv->varkind != TY_PARAM_VAR)
                buf_puts(f->b, "*struct {}");
            else
                tconv(f, rt, 0, mode);
            buf_puts(f->b, ") ");
        }
        buf_puts(f->b, "func");
    }
    format_params(f, sig->params, sig->variadic, mode);
    uint32_t nr = sig->results ? sig->results->len : 0;
    if (nr == 1) {
        buf_putc(f->b, ' ');
        tconv(f, sig->results->vars[0]->type, 0, mode);
    } else if (nr > 1) {
        buf_putc(f->b, ' ');
        format_params(f, sig->results, false, mode);
    }
}

/* the name of the type symbol an embedded field's type denotes when it
 * is the field's own symbol: gc compares symbols, and the predeclared
 * types' are in the builtin package, never the field's (so an embedded
 * int is "p.int = int") */
static const char *embedded_type_name(TyEnv *env, TyType *t)
{
    t = irfmt_gc_type(env, t);
    if (t && t->kind == TY_POINTER)
        t = irfmt_gc_type(env, TY_AS(TyPointer, t)->base);
    if (!t || t->kind != TY_NAMED)
        return NULL;
    /* an instance's symbol is mangled ("node[int]"): never the field's
     * name; error is predeclared */
    TyNamed *n = TY_AS(TyNamed, t);
    if (n->targs.len || !n->obj->pkg)
        return NULL;
    return n->obj->name->name;
}

/* fldconv with verb 'L' for a struct field (or a result of a tuple) */
static void struct_field(Tfmt *f, TyObject *fld, const char *tag, IrFmtMode mode)
{
    const char *name = fld->name && fld->name->name[0] ? fld->name->name : NULL;
    const char *sep = " ";
    if (fld->flags & TY_OF_EMBEDDED) {
        if (mode == IR_FMT_TYPEID) {
            sep = " = ";
            const char *tn = embedded_type_name(f->env, fld->type);
            if (tn && name && strcmp(tn, name) == 0)
                name = NULL;
        } else {
            name = NULL;
        }
    }
    if (name) {
        if (!irfmt_exported(name) && mode != IR_FMT_TYPEIDNAME)
            pkgqual(f, fld->pkg, 0, mode);
        buf_puts(f->b, name);
        buf_puts(f->b, sep);
    }
    tconv(f, fld->type, 0, mode);
    if (tag && tag[0]) {
        buf_putc(f->b, ' ');
        ty_quote_string(f->b, tag, strlen(tag));
    }
}

static void tconv(Tfmt *f, TyType *t, int verb, IrFmtMode mode)
{
    Buf *b = f->b;
    t = irfmt_gc_type(f->env, t);
    if (!t) {
        buf_puts(b, "<T>");
        return;
    }
    if (t->kind == TY_ALIAS) { /* any */
        if (mode == IR_FMT_TYPEID || mode == IR_FMT_TYPEIDNAME)
            buf_puts(b, "interface {}");
        else
            buf_puts(b, "any");
        return;
    }
    if (is_error(f->env, t)) {
        buf_puts(b, "error");
        return;
    }
    if (t->kind == TY_NAMED && verb != 'L') {
        named_sym(f, TY_AS(TyNamed, t), verb == 'S' ? 'S' : 'v', mode);
        return;
    }
    if (t->kind == TY_TYPEPARAM) {
        TyObject *o = TY_AS(TyTypeParam, t)->obj;
        buf_puts(b, o ? o->name->name : "<T>");
        return;
    }
    if (t->kind == TY_NAMED) /* %L: the underlying type */
        t = irfmt_gc_type(f->env, ty_under(t));
    if (t->kind == TY_BASIC && TY_AS(TyBasic, t)->bkind != TY_UNSAFE_POINTER) {
        buf_puts(b, basic_name(f->env, TY_AS(TyBasic, t), mode));
        return;
    }
    if (mode == IR_FMT_DEBUG) {
        buf_puts(b, kind_name(t));
        buf_putc(b, '-');
        tconv(f, t, 'v', IR_FMT_GO);
        return;
    }
    switch (t->kind) {
    case TY_BASIC:
        buf_puts(b, "unsafe.Pointer");
        break;
    case TY_POINTER:
        buf_putc(b, '*');
        if ((mode == IR_FMT_TYPEID || mode == IR_FMT_TYPEIDNAME) && verb == 'S')
            tconv(f, TY_AS(TyPointer, t)->base, 'S', mode);
        else
            tconv(f, TY_AS(TyPointer, t)->base, 'v', mode);
        break;
    case TY_ARRAY:
        buf_printf(b, "[%lld]", (long long)TY_AS(TyArray, t)->len);
        tconv(f, TY_AS(TyArray, t)->elem, 0, mode);
        break;
    case TY_SLICE:
        buf_puts(b, "[]");
        tconv(f, TY_AS(TySlice, t)->elem, 0, mode);
        break;
    case TY_CHAN: {
        TyChan *c = TY_AS(TyChan, t);
        if (c->dir == TY_RECV_ONLY) {
            buf_puts(b, "<-chan ");
            tconv(f, c->elem, 0, mode);
        } else if (c->dir == TY_SEND_ONLY) {
            buf_puts(b, "chan<- ");
            tconv(f, c->elem, 0, mode);
        } else {
            buf_puts(b, "chan ");
            TyType *e = irfmt_gc_type(f->env, c->elem);
            /* chan (<-chan T): without parentheses it would read chan<- */
            if (e && e->kind == TY_CHAN && TY_AS(TyChan, e)->dir == TY_RECV_ONLY) {
                buf_putc(b, '(');
                tconv(f, e, 0, mode);
                buf_putc(b, ')');
            } else {
                tconv(f, c->elem, 0, mode);
            }
        }
        break;
    }
    case TY_MAP:
        buf_puts(b, "map[");
        tconv(f, TY_AS(TyMap, t)->key, 0, mode);
        buf_putc(b, ']');
        tconv(f, TY_AS(TyMap, t)->elem, 0, mode);
        break;
    case TY_INTERFACE: {
        TyTypeSet *ts = ty_interface_typeset(f->env, TY_AS(TyInterface, t));
        uint32_t n = ts ? ty_typeset_num_methods(ts) : 0;
        if (n == 0) {
            buf_puts(b, "interface {}");
            break;
        }
        buf_puts(b, "interface {");
        IrFmtMode m = mode;
        for (uint32_t i = 0; i < n; i++) {
            TyObject *meth = ty_typeset_method(ts, i);
            if (i)
                buf_putc(b, ';');
            buf_putc(b, ' ');
            if (irfmt_exported(meth->name->name)) {
                buf_puts(b, meth->name->name);
            } else {
                if (m != IR_FMT_TYPEIDNAME)
                    m = IR_FMT_TYPEID;
                pkgqual(f, meth->pkg, 'v', m);
                buf_puts(b, meth->name->name);
            }
            tconv(f, meth->type, 'S', m);
        }
        buf_puts(b, " }");
        break;
    }
    case TY_SIGNATURE:
        format_func(f, TY_AS(TySignature, t), verb, mode);
        break;
    case TY_STRUCT: {
        TyStruct *s = TY_AS(TyStruct, t);
        buf_puts(b, "struct {");
        for (uint32_t i = 0; i < s->nfields; i++) {
            if (i)
                buf_putc(b, ';');
            buf_putc(b, ' ');
            struct_field(f, s->fields[i], s->tags ? s->tags[i] : NULL, mode);
        }
        if (s->nfields)
            buf_putc(b, ' ');
        buf_putc(b, '}');
        break;
    }
    case TY_TUPLE: {
        /* the results of a multi-value call: gc's funarg struct */
        TyTuple *tu = TY_AS(TyTuple, t);
        buf_puts(b, "struct {");
        for (uint32_t i = 0; i < tu->len; i++) {
            if (i)
                buf_putc(b, ';');
            buf_putc(b, ' ');
            struct_field(f, tu->vars[i], NULL, mode);
        }
        if (tu->len)
            buf_putc(b, ' ');
        buf_putc(b, '}');
        break;
    }
    default:
        buf_puts(b, "Txxx");
        break;
    }
}

void irfmt_type(Buf *b, IrProgram *p, const TyPackage *local, TyType *t, int verb, IrFmtMode mode)
{
    Tfmt f = {b, p, p->env, local};
    tconv(&f, t, verb, mode);
}

void ir_fmt_type(Buf *b, IrProgram *p, const TyPackage *local, TyType *t)
{
    irfmt_type(b, p, local, t, 0, IR_FMT_GO);
}

void ir_fmt_type_link(Buf *b, IrProgram *p, const TyPackage *local, TyType *t)
{
    irfmt_type(b, p, local, t, 0, IR_FMT_TYPEID);
}

/* ---- nodes ------------------------------------------------------------------ */

typedef struct Nfmt {
    Buf *b;
    IrProgram *p;
    const TyPackage *local;
} Nfmt;

/* ir.OpPrec: -1 statements, 0 everything without an entry */
static int op_prec(IrOp op)
{
    switch (op) {
    case IR_OAPPEND: case IR_OBYTES2STR: case IR_OARRAYLIT: case IR_OSLICELIT:
    case IR_ORUNES2STR: case IR_OCALLFUNC: case IR_OCALLINTER: case IR_OCALLMETH:
    case IR_OCAP: case IR_OCLEAR: case IR_OCLOSE: case IR_OCONVIFACE: case IR_OCONVNOP:
    case IR_OCONV: case IR_OCOPY: case IR_ODELETE: case IR_OLEN: case IR_OLITERAL:
    case IR_OMAKESLICE: case IR_OMAPLIT: case IR_OMAX: case IR_OMIN: case IR_ONAME:
    case IR_ONEW: case IR_ONIL: case IR_OPANIC: case IR_OPRINTLN: case IR_OPRINT:
    case IR_ORUNESTR: case IR_OSLICE2ARR: case IR_OSLICE2ARRPTR: case IR_OSTR2BYTES:
    case IR_OSTR2RUNES: case IR_OSTRUCTLIT: case IR_OTYPE: case IR_OUNSAFEADD:
    case IR_OUNSAFESLICE: case IR_OUNSAFESLICEDATA: case IR_OUNSAFESTRING:
    case IR_OUNSAFESTRINGDATA: case IR_OINDEXMAP: case IR_OINDEX: case IR_OSLICE:
    case IR_OSLICESTR: case IR_OSLICEARR: case IR_OSLICE3: case IR_OSLICE3ARR:
    case IR_ODOTINTER: case IR_ODOTMETH: case IR_ODOTPTR: case IR_ODOTTYPE2:
    case IR_ODOTTYPE: case IR_ODOT: case IR_OMETHVALUE: case IR_OMETHEXPR:
        return 8;
    case IR_OPLUS: case IR_ONOT: case IR_OBITNOT: case IR_ONEG: case IR_OADDR:
    case IR_ODEREF: case IR_ORECV:
        return 7;
    case IR_OMUL: case IR_ODIV: case IR_OMOD: case IR_OLSH: case IR_ORSH: case IR_OAND:
    case IR_OANDNOT:
        return 6;
    case IR_OADD: case IR_OSUB: case IR_OOR: case IR_OXOR:
        return 5;
    case IR_OEQ: case IR_OLT: case IR_OLE: case IR_OGE: case IR_OGT: case IR_ONE:
        return 4;
    case IR_OSEND:
        return 3;
    case IR_OANDAND:
        return 2;
    case IR_OOROR:
        return 1;
    case IR_OAS: case IR_OAS2: case IR_OAS2DOTTYPE: case IR_OAS2FUNC: case IR_OAS2MAPR:
    case IR_OAS2RECV: case IR_OASOP: case IR_OBLOCK: case IR_OBREAK: case IR_OCASE:
    case IR_OCONTINUE: case IR_ODCL: case IR_ODEFER: case IR_OFALL: case IR_OFOR:
    case IR_OGOTO: case IR_OIF: case IR_OLABEL: case IR_OGO: case IR_ORANGE:
    case IR_ORETURN: case IR_OSELECT: case IR_OSWITCH:
        return -1;
    default:
        return 0;
    }
}

/* ir.OpNames: the Go spelling of an op, else NULL */
static const char *op_go_name(IrOp op)
{
    switch (op) {
    case IR_OADDR: return "&";
    case IR_OADD: return "+";
    case IR_OADDSTR: return "+";
    case IR_OANDAND: return "&&";
    case IR_OANDNOT: return "&^";
    case IR_OAND: return "&";
    case IR_OAPPEND: return "append";
    case IR_OAS: return "=";
    case IR_OAS2: return "=";
    case IR_OBREAK: return "break";
    case IR_OCAP: return "cap";
    case IR_OCASE: return "case";
    case IR_OCLEAR: return "clear";
    case IR_OCLOSE: return "close";
    case IR_OCOMPLEX: return "complex";
    case IR_OBITNOT: return "^";
    case IR_OCONTINUE: return "continue";
    case IR_OCOPY: return "copy";
    case IR_ODELETE: return "delete";
    case IR_ODEFER: return "defer";
    case IR_ODIV: return "/";
    case IR_OEQ: return "==";
    case IR_OFALL: return "fallthrough";
    case IR_OFOR: return "for";
    case IR_OGE: return ">=";
    case IR_OGOTO: return "goto";
    case IR_OGT: return ">";
    case IR_OIF: return "if";
    case IR_OIMAG: return "imag";
    case IR_ODEREF: return "*";
    case IR_OLEN: return "len";
    case IR_OLE: return "<=";
    case IR_OLSH: return "<<";
    case IR_OLT: return "<";
    case IR_ONEG: return "-";
    case IR_OMAX: return "max";
    case IR_OMIN: return "min";
    case IR_OMOD: return "%";
    case IR_OMUL: return "*";
    case IR_ONEW: return "new";
    case IR_ONE: return "!=";
    case IR_ONOT: return "!";
    case IR_OOROR: return "||";
    case IR_OOR: return "|";
    case IR_OPANIC: return "panic";
    case IR_OPLUS: return "+";
    case IR_OPRINTLN: return "println";
    case IR_OPRINT: return "print";
    case IR_ORANGE: return "range";
    case IR_OREAL: return "real";
    case IR_ORECV: return "<-";
    case IR_ORECOVER: return "recover";
    case IR_ORETURN: return "return";
    case IR_ORSH: return ">>";
    case IR_OSELECT: return "select";
    case IR_OSEND: return "<-";
    case IR_OSUB: return "-";
    case IR_OSWITCH: return "switch";
    case IR_OUNSAFEADD: return "unsafe.Add";
    case IR_OUNSAFESLICE: return "unsafe.Slice";
    case IR_OUNSAFESLICEDATA: return "unsafe.SliceData";
    case IR_OUNSAFESTRING: return "unsafe.String";
    case IR_OUNSAFESTRINGDATA: return "unsafe.StringData";
    case IR_OXOR: return "^";
    default: return NULL;
    }
}

/* Op.GoString: the Go spelling, else the debug name */
static const char *op_go_string(IrOp op)
{
    const char *s = op_go_name(op);
    return s ? s : ir_op_name(op);
}

static bool is_implicit(const IrNode *n) { return n && (n->flags & IR_F_IMPLICIT); }

static void fmt_node(Nfmt *f, const IrNode *n);
static void expr_fmt(Nfmt *f, const IrNode *n, int prec);

static void fmt_type(Nfmt *f, TyType *t) { irfmt_type(f->b, f->p, f->local, t, 0, IR_FMT_GO); }

/* %.v of a list: comma separated; %v: semicolon separated */
static void fmt_list(Nfmt *f, const IrList *l, const char *sep)
{
    for (uint32_t i = 0; i < l->len; i++) {
        if (i)
            buf_puts(f->b, sep);
        fmt_node(f, l->items[i]);
    }
}

/* A name as %v prints its symbol: names of another package's objects are
 * qualified by the package name; generated names (temporaries, ~r0, #state)
 * belong to the local package. */
static void fmt_name(Nfmt *f, const IrName *nm)
{
    const char *s = nm->sym ? nm->sym->name : "<S>";
    if (s[0] == '~' && s[1] == 'b') {
        buf_putc(f->b, '_');
        return;
    }
    const TyObject *o = nm->obj ? nm->obj : nm->fobj;
    const TyPackage *pkg = o ? o->pkg : nm->pkg;
    if (pkg && pkg != f->local && pkg->name && pkg->name[0]) { /* not gc's "go" package */
        buf_puts(f->b, pkg->name);
        buf_putc(f->b, '.');
    }
    buf_puts(f->b, s);
}

static const char *sel_name(const IrNode *n)
{
    return n->sym && n->sym->name ? n->sym->name->name : NULL;
}

static bool is_rune_type(TyEnv *env, TyType *t)
{
    return t == (TyType *)env->basic[TY_RUNE] || t == (TyType *)env->basic[TY_UNTYPED_RUNE];
}

/* the predeclared type a constant of this kind defaults to, or its untyped
 * type: these are not written around the value */
static bool is_default_const_type(TyEnv *env, TyType *t, TyConstKind k)
{
    static const TyBasicKind def[] = {
        [TY_CONST_BOOL] = TY_BOOL, [TY_CONST_STRING] = TY_STRING, [TY_CONST_INT] = TY_INT,
        [TY_CONST_FLOAT] = TY_FLOAT64, [TY_CONST_COMPLEX] = TY_COMPLEX128};
    static const TyBasicKind untyped[] = {
        [TY_CONST_BOOL] = TY_UNTYPED_BOOL, [TY_CONST_STRING] = TY_UNTYPED_STRING,
        [TY_CONST_INT] = TY_UNTYPED_INT, [TY_CONST_FLOAT] = TY_UNTYPED_FLOAT,
        [TY_CONST_COMPLEX] = TY_UNTYPED_COMPLEX};
    if (k == TY_CONST_UNKNOWN)
        return false;
    return t == (TyType *)env->basic[def[k]] || t == (TyType *)env->basic[untyped[k]];
}

static void fmt_literal(Nfmt *f, const IrNode *n)
{
    TyEnv *env = f->p->env;
    TyType *t = irfmt_gc_type(env, n->type);
    if (t && is_rune_type(env, t) && ty_const_kind(n->val) == TY_CONST_INT) {
        bool exact;
        uint64_t x = ty_const_uint64_val(n->val, &exact);
        if (exact && ty_const_sign(n->val) >= 0 && x <= 0x10FFFF) {
            ty_quote_rune(f->b, (int32_t)x);
            return;
        }
    }
    if (!t || is_default_const_type(env, t, ty_const_kind(n->val))) {
        ty_const_fmt(f->b, n->val);
        return;
    }
    fmt_type(f, t);
    buf_putc(f->b, '(');
    ty_const_fmt(f->b, n->val);
    buf_putc(f->b, ')');
}

/* A slice's bounds: list = {Low, High, Max}, NULL when absent. */
static const IrNode *slice_bound(const IrNode *n, uint32_t k) { return k < n->list.len ? n->list.items[k] : NULL; }

static bool is_slice3(IrOp op) { return op == IR_OSLICE3 || op == IR_OSLICE3ARR; }

static void expr_fmt(Nfmt *f, const IrNode *n, int prec)
{
    Buf *b = f->b;
    /* skip the implicit operations typechecking introduced */
    while (n && is_implicit(n) &&
           (n->op == IR_OADDR || n->op == IR_ODEREF || n->op == IR_OCONV || n->op == IR_OCONVNOP ||
            n->op == IR_OCONVIFACE))
        n = n->x;
    if (!n) {
        buf_puts(b, "<nil>");
        return;
    }
    IrOp op = (IrOp)n->op;
    int nprec = op_prec(op);
    if (op == IR_OTYPE && n->type) {
        TyType *t = irfmt_gc_type(f->p->env, n->type);
        if (t && t->kind == TY_POINTER)
            nprec = 7;
    }
    if (prec > nprec) {
        buf_putc(b, '(');
        fmt_node(f, n);
        buf_putc(b, ')');
        return;
    }

    switch (op) {
    case IR_ONIL:
        buf_puts(b, "nil");
        break;
    case IR_OLITERAL:
        fmt_literal(f, n);
        break;
    case IR_ONAME:
        fmt_name(f, (const IrName *)n);
        break;
    case IR_OLINKSYMOFFSET:
        buf_putc(b, '(');
        fmt_type(f, n->type);
        buf_puts(b, ")(");
        if (n->label && n->label->sym)
            buf_puts(b, n->label->sym->name);
        buf_printf(b, "@%u)", n->aux);
        break;
    case IR_OTYPE:
        fmt_type(f, n->type);
        break;
    case IR_OCLOSURE:
        buf_puts(b, "func literal");
        break;
    case IR_OPTRLIT:
        buf_putc(b, '&');
        fmt_node(f, n->x);
        break;
    case IR_OSTRUCTLIT:
    case IR_OARRAYLIT:
    case IR_OSLICELIT:
    case IR_OMAPLIT:
        if (is_implicit(n)) {
            buf_puts(b, "... argument");
            break;
        }
        fmt_type(f, n->type);
        buf_puts(b, n->list.len ? "{...}" : "{}");
        break;
    case IR_OKEY:
        if (n->x)
            fmt_node(f, n->x);
        buf_putc(b, ':');
        if (n->y)
            fmt_node(f, n->y);
        break;
    case IR_OSTRUCTKEY:
        if (sel_name(n))
            buf_puts(b, sel_name(n));
        buf_putc(b, ':');
        fmt_node(f, n->x);
        break;
    case IR_ODOT:
    case IR_ODOTPTR:
    case IR_ODOTINTER:
    case IR_ODOTMETH:
    case IR_OMETHVALUE:
    case IR_OMETHEXPR:
        expr_fmt(f, n->x, nprec);
        if (!sel_name(n)) {
            buf_puts(b, ".<nil>");
            break;
        }
        buf_putc(b, '.');
        buf_puts(b, sel_name(n));
        break;
    case IR_ODOTTYPE:
    case IR_ODOTTYPE2:
        expr_fmt(f, n->x, nprec);
        buf_puts(b, ".(");
        fmt_type(f, n->type);
        buf_putc(b, ')');
        break;
    case IR_OINDEX:
    case IR_OINDEXMAP:
        expr_fmt(f, n->x, nprec);
        buf_putc(b, '[');
        fmt_node(f, n->y);
        buf_putc(b, ']');
        break;
    case IR_OSLICE:
    case IR_OSLICESTR:
    case IR_OSLICEARR:
    case IR_OSLICE3:
    case IR_OSLICE3ARR:
        expr_fmt(f, n->x, nprec);
        buf_putc(b, '[');
        if (slice_bound(n, 0))
            fmt_node(f, slice_bound(n, 0));
        buf_putc(b, ':');
        if (slice_bound(n, 1))
            fmt_node(f, slice_bound(n, 1));
        if (is_slice3(op)) {
            buf_putc(b, ':');
            if (slice_bound(n, 2))
                fmt_node(f, slice_bound(n, 2));
        }
        buf_putc(b, ']');
        break;
    case IR_OCOMPLEX:
    case IR_OCOPY:
    case IR_OUNSAFEADD:
    case IR_OUNSAFESLICE:
        buf_puts(b, op_go_string(op));
        buf_putc(b, '(');
        fmt_node(f, n->x);
        buf_puts(b, ", ");
        fmt_node(f, n->y);
        buf_putc(b, ')');
        break;
    case IR_OCONV:
    case IR_OCONVIFACE:
    case IR_OCONVNOP:
    case IR_OBYTES2STR:
    case IR_ORUNES2STR:
    case IR_OSTR2BYTES:
    case IR_OSTR2RUNES:
    case IR_ORUNESTR:
    case IR_OSLICE2ARR:
    case IR_OSLICE2ARRPTR:
        if (!n->type || !irfmt_type_has_sym(f->p->env, n->type)) {
            buf_putc(b, '(');
            fmt_type(f, n->type);
            buf_putc(b, ')');
        } else {
            fmt_type(f, n->type);
        }
        buf_putc(b, '(');
        fmt_node(f, n->x);
        buf_putc(b, ')');
        break;
    case IR_OREAL:
    case IR_OIMAG:
    case IR_OCAP:
    case IR_OCLEAR:
    case IR_OCLOSE:
    case IR_OLEN:
    case IR_ONEW:
    case IR_OPANIC:
        buf_puts(b, op_go_string(op));
        buf_putc(b, '(');
        if (op == IR_ONEW && !n->x) {
            /* new(T) without a type operand: the element type */
            TyType *t = irfmt_gc_type(f->p->env, n->type);
            fmt_type(f, t && t->kind == TY_POINTER ? TY_AS(TyPointer, t)->base : t);
        } else {
            fmt_node(f, n->x);
        }
        buf_putc(b, ')');
        break;
    case IR_OAPPEND:
    case IR_ODELETE:
    case IR_OMAX:
    case IR_OMIN:
    case IR_ORECOVER:
    case IR_OPRINT:
    case IR_OPRINTLN:
        buf_puts(b, op_go_string(op));
        buf_putc(b, '(');
        fmt_list(f, &n->list, ", ");
        if (n->flags & IR_F_ISDDD)
            buf_puts(b, "...");
        buf_putc(b, ')');
        break;
    case IR_OCALLFUNC:
    case IR_OCALLINTER:
    case IR_OCALLMETH:
        expr_fmt(f, n->x, nprec);
        buf_putc(b, '(');
        fmt_list(f, &n->list, ", ");
        if (n->flags & IR_F_ISDDD)
            buf_puts(b, "...");
        buf_putc(b, ')');
        break;
    case IR_OMAKESLICE:
    case IR_OMAKEMAP:
    case IR_OMAKECHAN:
        buf_puts(b, "make(");
        fmt_type(f, n->type);
        if (n->y) {
            buf_puts(b, ", ");
            fmt_node(f, n->x);
            buf_puts(b, ", ");
            fmt_node(f, n->y);
        } else if (n->x && (op == IR_OMAKESLICE || !n->x->type || ty_is_typed(n->x->type))) {
            buf_puts(b, ", ");
            fmt_node(f, n->x);
        }
        buf_putc(b, ')');
        break;
    case IR_OPLUS:
    case IR_ONEG:
    case IR_OBITNOT:
    case IR_ONOT:
    case IR_ORECV:
    case IR_OADDR:
        buf_puts(b, op_go_string(op));
        if (n->x && n->x->op == n->op)
            buf_putc(b, ' ');
        expr_fmt(f, n->x, nprec + 1);
        break;
    case IR_ODEREF:
        buf_putc(b, '*');
        expr_fmt(f, n->x, nprec + 1);
        break;
    case IR_OADD: case IR_OAND: case IR_OANDNOT: case IR_ODIV: case IR_OEQ: case IR_OGE:
    case IR_OGT: case IR_OLE: case IR_OLT: case IR_OLSH: case IR_OMOD: case IR_OMUL:
    case IR_ONE: case IR_OOR: case IR_ORSH: case IR_OSUB: case IR_OXOR: case IR_OANDAND:
    case IR_OOROR:
        expr_fmt(f, n->x, nprec);
        buf_putc(b, ' ');
        buf_puts(b, op_go_string(op));
        buf_putc(b, ' ');
        expr_fmt(f, n->y, nprec + 1);
        break;
    case IR_OSEND:
        expr_fmt(f, n->x, nprec);
        buf_puts(b, " <- ");
        expr_fmt(f, n->y, nprec + 1);
        break;
    case IR_OADDSTR:
        for (uint32_t i = 0; i < n->list.len; i++) {
            if (i)
                buf_puts(b, " + ");
            expr_fmt(f, n->list.items[i], nprec);
        }
        break;
    default:
        buf_puts(b, "<node ");
        buf_puts(b, op_go_string(op));
        buf_putc(b, '>');
        break;
    }
}

static void fmt_label(Nfmt *f, const IrNode *n)
{
    if (n->label && n->label->sym)
        buf_puts(f->b, n->label->sym->name);
    else if (n->sym && n->sym->name)
        buf_puts(f->b, n->sym->name->name);
}

static bool has_label(const IrNode *n) { return (n->label && n->label->sym) || (n->sym && n->sym->name); }

static void stmt_fmt(Nfmt *f, const IrNode *n)
{
    Buf *b = f->b;
    switch ((IrOp)n->op) {
    case IR_ODCL: {
        const IrName *x = (const IrName *)n->x;
        buf_puts(b, "var ");
        if (x)
            fmt_name(f, x);
        else
            buf_puts(b, "<S>");
        buf_putc(b, ' ');
        fmt_type(f, x ? x->n.type : NULL);
        break;
    }
    case IR_OAS:
        fmt_node(f, n->x);
        buf_puts(b, (n->flags & IR_F_DEF) ? " := " : " = ");
        fmt_node(f, n->y);
        break;
    case IR_OASOP:
        if (n->flags & IR_F_INCDEC) {
            fmt_node(f, n->x);
            buf_puts(b, n->aux == IR_OADD ? "++" : "--");
            break;
        }
        fmt_node(f, n->x);
        buf_putc(b, ' ');
        buf_puts(b, op_go_string((IrOp)n->aux));
        buf_puts(b, "= ");
        fmt_node(f, n->y);
        break;
    case IR_OAS2:
    case IR_OAS2DOTTYPE:
    case IR_OAS2FUNC:
    case IR_OAS2MAPR:
    case IR_OAS2RECV:
        fmt_list(f, &n->list, ", ");
        buf_puts(b, (n->flags & IR_F_DEF) ? " := " : " = ");
        fmt_list(f, &n->rlist, ", ");
        break;
    case IR_OBLOCK:
        fmt_list(f, &n->list, "; ");
        break;
    case IR_ORETURN:
        buf_puts(b, "return ");
        fmt_list(f, &n->list, ", ");
        break;
    case IR_OGO:
        buf_puts(b, "go ");
        fmt_node(f, n->x);
        break;
    case IR_ODEFER:
        buf_puts(b, "defer ");
        fmt_node(f, n->x);
        break;
    case IR_OIF:
        /* "simple init": exactly one init statement without its own init */
        if (n->init.len == 1 && n->init.items[0]->init.len == 0) {
            buf_puts(b, "if ");
            fmt_node(f, n->init.items[0]);
            buf_puts(b, "; ");
        } else {
            buf_puts(b, "if ");
        }
        fmt_node(f, n->x);
        buf_puts(b, " { ");
        fmt_list(f, &n->body, "; ");
        buf_puts(b, " }");
        if (n->els.len) {
            buf_puts(b, " else { ");
            fmt_list(f, &n->els, "; ");
            buf_puts(b, " }");
        }
        break;
    case IR_OFOR:
    case IR_ORANGE:
        buf_puts(b, "for loop");
        break;
    case IR_OSELECT:
        buf_puts(b, "select statement");
        break;
    case IR_OSWITCH:
        buf_puts(b, "switch statement");
        break;
    case IR_OCASE:
        if (n->list.len) {
            buf_puts(b, "case ");
            fmt_list(f, &n->list, ", ");
        } else {
            buf_puts(b, "default");
        }
        buf_puts(b, ": ");
        fmt_list(f, &n->body, "; ");
        break;
    case IR_OBREAK:
    case IR_OCONTINUE:
    case IR_OGOTO:
    case IR_OFALL:
        buf_puts(b, op_go_string((IrOp)n->op));
        if (has_label(n)) {
            buf_putc(b, ' ');
            fmt_label(f, n);
        }
        break;
    case IR_OLABEL:
        fmt_label(f, n);
        buf_puts(b, ": ");
        break;
    default:
        break;
    }
}

/* fmtNode: statements by stmtFmt, everything else by exprFmt at precedence 0 */
static void fmt_node(Nfmt *f, const IrNode *n)
{
    if (!n) {
        buf_puts(f->b, "<nil>");
        return;
    }
    if (op_prec((IrOp)n->op) < 0) {
        stmt_fmt(f, n);
        return;
    }
    expr_fmt(f, n, 0);
}

void ir_fmt_node(Buf *b, IrProgram *p, const TyPackage *local, const IrNode *n)
{
    Nfmt f = {b, p, local};
    fmt_node(&f, n);
}
