/*
 * goesc types --objects: one line per identifier that defines or uses an
 * object, exactly as ../shared/tools/typesoracle prints it from go/types:
 *
 *     /abs/file.go:LINE:COL: def|use NAME KIND TYPE
 *
 * Lines are sorted bytewise (Go's sort.Strings).  Positions are what
 * go/token reports: //line-adjusted, with a relative //line filename
 * joined to the directory of the file (go/scanner does that, gc does not).
 */
#include "cli.h"
#include "../load/load.h"

#include <stdlib.h>
#include <string.h>

typedef struct Line {
    const char *name;    /* file name, interned: equal names are one pointer */
    const char *rest;    /* "LINE:COL: def ..." */
    uint32_t namelen;
} Line;

typedef struct Objects {
    const PosTab *pt;
    TyEnv *env;
    SymTab names;        /* file names */
    Arena text;          /* the rests (an arena: growing never copies) */
    Line *lines;
    uint32_t nlines, cap;
    Buf tmp;
    /* the name of the last position's file and directive, cached */
    const SrcFile *last_file;
    const LineDir *last_dir;
    const Sym *last_name;
} Objects;

/* The file name go/token reports for a position. */
static const Sym *position_name(Objects *o, const Position *p)
{
    if (p->file == o->last_file && p->dir == o->last_dir && o->last_name)
        return o->last_name;
    const char *name = p->filename ? p->filename : "";
    Buf *b = &o->tmp;
    buf_reset(b);
    if (p->dir && name[0]) {
        if (name[0] != '/') {
            const char *fn = p->file->name, *slash = strrchr(fn, '/');
            if (slash)
                buf_put(b, fn, (size_t)(slash - fn + 1));
        }
        buf_puts(b, name);
        Buf c = {0};
        path_clean(&c, buf_str(b));
        buf_reset(b);
        buf_put(b, c.data, c.len);
        buf_free(&c);
    } else {
        buf_puts(b, name);
    }
    o->last_file = p->file;
    o->last_dir = p->dir;
    o->last_name = sym_intern(&o->names, b->data ? b->data : "", b->len);
    return o->last_name;
}

static void describe(TyEnv *env, Buf *b, TyObject *obj)
{
    const char *kind = "?";
    switch ((TyObjKind)obj->kind) {
    case TY_OBJ_VAR: kind = "var"; break;
    case TY_OBJ_CONST: kind = "const"; break;
    case TY_OBJ_TYPENAME: kind = "type"; break;
    case TY_OBJ_FUNC: kind = "func"; break;
    case TY_OBJ_PKGNAME: kind = "pkgname"; break;
    case TY_OBJ_LABEL: kind = "label"; break;
    case TY_OBJ_BUILTIN: kind = "builtin"; break;
    case TY_OBJ_NIL: kind = "nil"; break;
    case TY_OBJ_BAD: break;
    }
    buf_puts(b, kind);
    buf_putc(b, ' ');
    switch ((TyObjKind)obj->kind) {
    case TY_OBJ_PKGNAME:
        buf_puts(b, obj->u.imported ? obj->u.imported->path : "<nil>");
        break;
    case TY_OBJ_LABEL:
    case TY_OBJ_BUILTIN:
    case TY_OBJ_BAD:
        buf_putc(b, '-');
        break;
    default:
        if (obj->type)
            ty_type_string(env, b, obj->type, NULL, NULL);
        else
            buf_puts(b, "<nil>"); /* types.TypeString(nil) */
        break;
    }
}

static void add_line(Objects *o, SynNode *n, const char *role, TyObject *obj)
{
    Position p = postab_resolve(o->pt, n->pos);
    const Sym *name = position_name(o, &p);
    if (o->nlines == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 4096;
        o->lines = xrealloc(o->lines, sizeof(Line) * o->cap);
    }
    Line *l = &o->lines[o->nlines++];
    l->name = name->name;
    l->namelen = name->len;
    Buf *b = &o->tmp;
    buf_reset(b);
    buf_printf(b, "%u:%u: %s %s ", p.line, p.col, role, ((SynName *)n)->value->name);
    describe(o->env, b, obj);
    l->rest = arena_strndup(&o->text, b->data, b->len);
}

static bool visit(SynNode *n, void *ud)
{
    Objects *o = ud;
    if (n->kind != SYN_NAME || !n->info)
        return true;
    const TyTV *tv = ty_tv(n);
    /* go/types Defs (non-nil objects only) and Uses; an embedded field's
     * name is in both */
    if ((tv->flags & TY_TV_DEF) && tv->obj)
        add_line(o, n, "def", tv->obj);
    TyObject *used = ty_tv_used(tv);
    if (used)
        add_line(o, n, "use", used);
    return true;
}

/* Bytewise order of name ":" rest, without building the strings. */
static int line_cmp(const void *pa, const void *pb)
{
    const Line *a = pa, *b = pb;
    if (a->name != b->name) {
        /* compare the names, each followed by ':' */
        size_t n = a->namelen < b->namelen ? a->namelen : b->namelen;
        int c = memcmp(a->name, b->name, n);
        if (c != 0)
            return c;
        if (a->namelen != b->namelen) {
            /* one name is a prefix of the other: ':' meets the longer
             * name's next byte, or (if that is ':' too) the rest decides */
            unsigned char x = a->namelen > n ? (unsigned char)a->name[n] : ':';
            unsigned char y = b->namelen > n ? (unsigned char)b->name[n] : ':';
            if (x != y)
                return x < y ? -1 : 1;
            Buf fa = {0}, fb = {0};
            buf_printf(&fa, "%s:%s", a->name, a->rest);
            buf_printf(&fb, "%s:%s", b->name, b->rest);
            c = strcmp(fa.data, fb.data);
            buf_free(&fa);
            buf_free(&fb);
            return c;
        }
    }
    return strcmp(a->rest, b->rest);
}

void cli_print_objects(const LdProgram *prog, FILE *out)
{
    Objects o;
    memset(&o, 0, sizeof o);
    o.pt = &prog->pos;
    o.env = prog->env;
    arena_init(&o.text);
    symtab_init(&o.names);
    for (uint32_t i = 0; i < prog->npkgs; i++) {
        const LdPackage *p = prog->pkgs[i];
        if (p->dep_only || !p->checked)
            continue;
        for (uint32_t j = 0; j < p->nfiles; j++)
            syn_walk(&p->files[j]->n, visit, NULL, &o);
    }
    if (o.nlines > 1)
        qsort(o.lines, o.nlines, sizeof(Line), line_cmp);
    Buf b = {0};
    for (uint32_t i = 0; i < o.nlines; i++) {
        buf_put(&b, o.lines[i].name, o.lines[i].namelen);
        buf_putc(&b, ':');
        buf_puts(&b, o.lines[i].rest);
        buf_putc(&b, '\n');
        if (b.len >= 1 << 20 || i + 1 == o.nlines) {
            fwrite(b.data, 1, b.len, out);
            buf_reset(&b);
        }
    }
    buf_free(&b);
    free(o.lines);
    arena_free(&o.text);
    buf_free(&o.tmp);
    symtab_free(&o.names);
}
