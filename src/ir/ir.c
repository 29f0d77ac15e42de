/*
 * IR basics: programs, node construction, op names, warnings in gc's -m
 * format.
 */
#include "ir.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const op_names[IR_OP_COUNT] = {
    [IR_OXXX] = "XXX", [IR_ONAME] = "NAME", [IR_OLITERAL] = "LITERAL", [IR_ONIL] = "NIL",
    [IR_OTYPE] = "TYPE", [IR_OMETHEXPR] = "METHEXPR", [IR_OLINKSYMOFFSET] = "LINKSYMOFFSET",
    [IR_ODYNAMICTYPE] = "DYNAMICTYPE", [IR_OPLUS] = "PLUS", [IR_ONEG] = "NEG",
    [IR_OBITNOT] = "BITNOT", [IR_ONOT] = "NOT", [IR_OADD] = "ADD", [IR_OSUB] = "SUB",
    [IR_OOR] = "OR", [IR_OXOR] = "XOR", [IR_OMUL] = "MUL", [IR_ODIV] = "DIV", [IR_OMOD] = "MOD",
    [IR_OLSH] = "LSH", [IR_ORSH] = "RSH", [IR_OAND] = "AND", [IR_OANDNOT] = "ANDNOT",
    [IR_OEQ] = "EQ", [IR_ONE] = "NE", [IR_OLT] = "LT", [IR_OLE] = "LE", [IR_OGT] = "GT",
    [IR_OGE] = "GE", [IR_OANDAND] = "ANDAND", [IR_OOROR] = "OROR", [IR_OADDR] = "ADDR",
    [IR_ODEREF] = "DEREF", [IR_ODOT] = "DOT", [IR_ODOTPTR] = "DOTPTR", [IR_ODOTMETH] = "DOTMETH",
    [IR_ODOTINTER] = "DOTINTER", [IR_OINDEX] = "INDEX", [IR_OINDEXMAP] = "INDEXMAP",
    [IR_OSLICE] = "SLICE", [IR_OSLICEARR] = "SLICEARR", [IR_OSLICE3] = "SLICE3",
    [IR_OSLICE3ARR] = "SLICE3ARR", [IR_OSLICESTR] = "SLICESTR", [IR_ODOTTYPE] = "DOTTYPE",
    [IR_ODOTTYPE2] = "DOTTYPE2", [IR_ODYNAMICDOTTYPE] = "DYNAMICDOTTYPE",
    [IR_ODYNAMICDOTTYPE2] = "DYNAMICDOTTYPE2", [IR_OCONV] = "CONV", [IR_OCONVNOP] = "CONVNOP",
    [IR_OCONVIFACE] = "CONVIFACE", [IR_OITAB] = "ITAB", [IR_OIDATA] = "IDATA", [IR_OSPTR] = "SPTR",
    [IR_OSLICE2ARR] = "SLICE2ARR", [IR_OSLICE2ARRPTR] = "SLICE2ARRPTR",
    [IR_ORUNES2STR] = "RUNES2STR", [IR_OBYTES2STR] = "BYTES2STR", [IR_OSTR2RUNES] = "STR2RUNES",
    [IR_OSTR2BYTES] = "STR2BYTES", [IR_ORUNESTR] = "RUNESTR", [IR_OADDSTR] = "ADDSTR",
    [IR_OCALLFUNC] = "CALLFUNC", [IR_OCALLMETH] = "CALLMETH", [IR_OCALLINTER] = "CALLINTER",
    [IR_OLEN] = "LEN", [IR_OCAP] = "CAP", [IR_OMIN] = "MIN", [IR_OMAX] = "MAX",
    [IR_OCOMPLEX] = "COMPLEX", [IR_OREAL] = "REAL", [IR_OIMAG] = "IMAG", [IR_OAPPEND] = "APPEND",
    [IR_OCOPY] = "COPY", [IR_ORECOVER] = "RECOVER", [IR_OUNSAFEADD] = "UNSAFEADD",
    [IR_OUNSAFESLICE] = "UNSAFESLICE", [IR_OUNSAFESTRING] = "UNSAFESTRING",
    [IR_OUNSAFESTRINGDATA] = "UNSAFESTRINGDATA", [IR_OUNSAFESLICEDATA] = "UNSAFESLICEDATA",
    [IR_OCLEAR] = "CLEAR", [IR_OCLOSE] = "CLOSE", [IR_ODELETE] = "DELETE", [IR_OPANIC] = "PANIC",
    [IR_OPRINT] = "PRINT", [IR_OPRINTLN] = "PRINTLN", [IR_ONEW] = "NEW",
    [IR_OMAKESLICE] = "MAKESLICE", [IR_OMAKECHAN] = "MAKECHAN", [IR_OMAKEMAP] = "MAKEMAP",
    [IR_OPTRLIT] = "PTRLIT", [IR_OARRAYLIT] = "ARRAYLIT", [IR_OSLICELIT] = "SLICELIT",
    [IR_OSTRUCTLIT] = "STRUCTLIT", [IR_OMAPLIT] = "MAPLIT", [IR_OSTRUCTKEY] = "STRUCTKEY",
    [IR_OKEY] = "KEY", [IR_OCLOSURE] = "CLOSURE", [IR_OMETHVALUE] = "METHVALUE",
    [IR_ORECV] = "RECV", [IR_OSEND] = "SEND", [IR_OBLOCK] = "BLOCK", [IR_ODCL] = "DCL",
    [IR_OLABEL] = "LABEL", [IR_OIF] = "IF", [IR_OFOR] = "FOR", [IR_ORANGE] = "RANGE",
    [IR_OSWITCH] = "SWITCH", [IR_OCASE] = "CASE", [IR_OTYPESW] = "TYPESW", [IR_OSELECT] = "SELECT",
    [IR_OAS] = "AS", [IR_OASOP] = "ASOP", [IR_OAS2] = "AS2", [IR_OAS2DOTTYPE] = "AS2DOTTYPE",
    [IR_OAS2MAPR] = "AS2MAPR", [IR_OAS2RECV] = "AS2RECV", [IR_OSELRECV2] = "SELRECV2",
    [IR_OAS2FUNC] = "AS2FUNC", [IR_ORETURN] = "RETURN", [IR_OGO] = "GO", [IR_ODEFER] = "DEFER",
    [IR_OTAILCALL] = "TAILCALL", [IR_OBREAK] = "BREAK", [IR_OCONTINUE] = "CONTINUE",
    [IR_OGOTO] = "GOTO", [IR_OFALL] = "FALL", [IR_OCHECKNIL] = "CHECKNIL",
};

const char *ir_op_name(IrOp op)
{
    return op < IR_OP_COUNT && op_names[op] ? op_names[op] : "?";
}

void ir_program_init(IrProgram *p, TyEnv *env, PosTab *pos, SymTab *syms, Diags *diags)
{
    memset(p, 0, sizeof *p);
    arena_init(&p->arena);
    p->env = env;
    p->pos = pos;
    p->syms = syms;
    p->diags = diags;
}

void ir_program_free(IrProgram *p)
{
    ptrmap_free(&p->funcs_by_obj);
    ptrmap_free(&p->globals);
    ptrmap_free(&p->tags_by_obj);
    ptrmap_free(&p->shapes);
    ptrmap_free(&p->generic_decls);
    ir_dict_layouts_free(p);
    buf_free(&p->out);
    arena_free(&p->arena);
}

IrNode *ir_new(IrProgram *p, IrOp op, Pos pos, TyType *t)
{
    IrNode *n = ARENA_NEW(&p->arena, IrNode);
    n->op = (uint16_t)op;
    n->pos = pos;
    n->type = t;
    if (p->type_hook && t)
        p->type_hook(p->type_hook_ud, t);
    return n;
}

IrName *ir_new_name(IrProgram *p, Pos pos, const Sym *sym, IrClass cls, TyType *t)
{
    IrName *n = ARENA_NEW(&p->arena, IrName);
    n->n.op = IR_ONAME;
    n->n.pos = pos;
    n->n.type = t;
    n->sym = sym;
    n->class = (uint8_t)cls;
    if (p->type_hook && t)
        p->type_hook(p->type_hook_ud, t);
    return n;
}

void ir_list_push(IrProgram *p, IrList *l, IrNode *n)
{
    if (l->len == l->cap) {
        uint32_t cap = l->cap ? l->cap * 2 : 4;
        IrNode **items = ARENA_ARRAY(&p->arena, IrNode *, cap);
        if (l->len)
            memcpy(items, l->items, sizeof(IrNode *) * l->len);
        l->items = items;
        l->cap = cap;
    }
    l->items[l->len++] = n;
}

IrName *ir_canonical(IrName *n)
{
    if (n && (n->nflags & IR_N_CLOSUREVAR) && n->defn && n->defn->op == IR_ONAME)
        return (IrName *)n->defn;
    return n;
}

bool ir_is_blank(const IrNode *n)
{
    if (!n || n->op != IR_ONAME)
        return false;
    const IrName *nm = (const IrName *)n;
    return (nm->nflags & IR_N_BLANK) || (nm->sym && nm->sym->len == 1 && nm->sym->name[0] == '_');
}

IrNode *ir_outer_value(IrNode *n)
{
    for (;;) {
        switch (n->op) {
        case IR_ODOT:
        case IR_OCONVNOP:
            n = n->x;
            continue;
        case IR_OINDEX: {
            TyType *u = n->x && n->x->type ? ty_under(n->x->type) : NULL;
            if (u && u->kind == TY_ARRAY) {
                n = n->x;
                continue;
            }
            return n;
        }
        default:
            return n;
        }
    }
}

void ir_package_add_func(IrProgram *p, IrPackage *pkg, IrFunc *fn)
{
    if (pkg->nfn == pkg->capfn) {
        uint32_t cap = pkg->capfn ? pkg->capfn * 2 : 16;
        IrFunc **fns = ARENA_ARRAY(&p->arena, IrFunc *, cap);
        if (pkg->nfn)
            memcpy(fns, pkg->fn, sizeof(IrFunc *) * pkg->nfn);
        pkg->fn = fns;
        pkg->capfn = cap;
    }
    pkg->fn[pkg->nfn++] = fn;
}

/* gc prints -m positions with the file name of the unified IR, written
 * after noder.trimFilename = objabi.AbsFile(dir, name, -trimpath): a
 * relative name is joined to the working directory (os.Getwd, which
 * prefers $PWD when it names the current directory) and cleaned; an
 * absolute name is kept as written (not cleaned); //line names are not
 * joined (their base has no directory).  Then the -trimpath rewrites
 * apply, and an empty result prints as "??". */
static void join_cwd_clean(Buf *b, const char *name)
{
    Buf raw = {0};
    const char *pwd = getenv("PWD");
    struct stat s1, s2;
    if (pwd && pwd[0] == '/' && stat(pwd, &s1) == 0 && stat(".", &s2) == 0 && s1.st_dev == s2.st_dev &&
        s1.st_ino == s2.st_ino) {
        buf_puts(&raw, pwd);
    } else {
        char cwd[PATH_MAX];
        if (getcwd(cwd, sizeof cwd))
            buf_puts(&raw, cwd);
    }
    buf_putc(&raw, '/');
    buf_puts(&raw, name);
    /* split into elements and rebuild */
    const char *s = buf_str(&raw);
    size_t start = b->len;
    for (const char *q = s; *q;) {
        while (*q == '/')
            q++;
        const char *e = q;
        while (*e && *e != '/')
            e++;
        size_t n = (size_t)(e - q);
        if (n == 0)
            break;
        if (n == 1 && q[0] == '.') {
            /* skip */
        } else if (n == 2 && q[0] == '.' && q[1] == '.') {
            while (b->len > start && b->data[b->len - 1] != '/')
                b->len--;
            if (b->len > start)
                b->len--;
            b->data[b->len] = 0;
        } else {
            buf_putc(b, '/');
            buf_put(b, q, n);
        }
        q = e;
    }
    if (b->len == start)
        buf_putc(b, '/');
    buf_free(&raw);
}

/* objabi.hasPathPrefix: s == t or s starts with t and a slash (ASCII case
 * and slash/backslash folded). */
static bool has_path_prefix(const char *s, size_t sl, const char *t, size_t tl)
{
    if (tl > sl)
        return false;
    for (size_t i = 0; i < tl; i++) {
        int cs = (unsigned char)s[i], ct = (unsigned char)t[i];
        if (cs >= 'A' && cs <= 'Z')
            cs += 'a' - 'A';
        if (ct >= 'A' && ct <= 'Z')
            ct += 'a' - 'A';
        if (cs == '\\')
            cs = '/';
        if (ct == '\\')
            ct = '/';
        if (cs != ct)
            return false;
    }
    return tl >= sl || s[tl] == '/' || s[tl] == '\\';
}

/* objabi.ApplyRewrites: the first of the ;-separated "prefix" or
 * "prefix=>replacement" rewrites whose prefix matches replaces (or
 * removes, with the following slash) it. */
static void apply_rewrites(Buf *out, const char *path, const char *rewrites)
{
    size_t pl = strlen(path);
    for (const char *r = rewrites; r && *r;) {
        const char *end = strchr(r, ';');
        size_t n = end ? (size_t)(end - r) : strlen(r);
        /* the last "=>" separates prefix and replacement */
        const char *arrow = NULL;
        for (size_t i = 0; i + 1 < n; i++)
            if (r[i] == '=' && r[i + 1] == '>')
                arrow = r + i;
        size_t prefl = arrow ? (size_t)(arrow - r) : n;
        const char *repl = arrow ? arrow + 2 : "";
        size_t repll = arrow ? n - prefl - 2 : 0;
        if (prefl > 0 && has_path_prefix(path, pl, r, prefl)) {
            if (pl == prefl)
                buf_put(out, repl, repll);
            else if (repll == 0)
                buf_puts(out, path + prefl + 1);
            else {
                buf_put(out, repl, repll);
                buf_puts(out, path + prefl);
            }
            return;
        }
        r = end ? end + 1 : NULL;
    }
    buf_puts(out, path);
}

static void gc_abs_filename(Buf *b, const char *name, bool join, const char *trimpath)
{
    Buf abs = {0};
    if (join && name[0] != '/')
        join_cwd_clean(&abs, name);
    else
        buf_puts(&abs, name);
    size_t start = b->len;
    apply_rewrites(b, buf_str(&abs), trimpath);
    if (b->len == start)
        buf_puts(b, "??");
    buf_free(&abs);
}

enum { GC_LINE_MAX = (1 << 20) - 2, GC_COL_MAX = 255 };

void ir_fmt_pos(Buf *b, IrProgram *p, Pos pos)
{
    if (pos == IR_POS_UNKNOWN) {
        buf_puts(b, "<unknown line number>");
        return;
    }
    Position r = postab_resolve_gc(p->pos, pos);
    if (!r.filename) {
        buf_puts(b, "<autogenerated>:1");
        return;
    }
    /* a //line directive's file name is not made absolute; cgo's output
     * is named as gc reports it after go build's -trimpath */
    if (!r.dir && r.file->trimmed)
        buf_puts(b, r.filename);
    else
        gc_abs_filename(b, r.filename, !r.dir, p->trimpath);
    uint32_t line = r.line, col = r.col;
    if (line >= GC_LINE_MAX) {
        line = GC_LINE_MAX;
        col = 0;
    }
    buf_printf(b, ":%u", line);
    if (!p->nocolumns && col > 0 && col < GC_COL_MAX)
        buf_printf(b, ":%u", col);
}

void ir_warnf(IrProgram *p, Pos pos, const char *fmt, ...)
{
    if (p->quiet)
        return;
    /* base.WarnfAt: no position prefix when the position is unknown */
    if (pos != IR_POS_UNKNOWN) {
        ir_fmt_pos(&p->out, p, pos);
        buf_puts(&p->out, ": ");
    }
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&p->out, fmt, ap);
    va_end(ap);
    buf_putc(&p->out, '\n');
}
