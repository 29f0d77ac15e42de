/*
 * Prints what goesc's checker records for the expressions of the listed
 * packages, and the method sets of their defined types (methodset.c), in
 * oracle/main.go's format (see there), for run.sh to compare.
 *
 *   driver PACKAGES
 *
 * Syntax and go/ast differ in a few node kinds: `*x` is an operation here
 * but a StarExpr there, so unary '*' is not printed.  Range expressions
 * are skipped (types2 records `for range array` as the constant len).  Everything else
 * lines up by position (calls at '(', operations at the operator,
 * selectors at the selected name).
 */
#include "types/check.h"
#include "load/load.h"

#include <stdlib.h>
#include <string.h>

typedef struct Ctx {
    LdProgram *prog;
    Buf out;
    PtrMap skip; /* range expressions (types2 records `range array` as len) */
} Ctx;

static void at(Ctx *c, Pos p)
{
    Position q = postab_resolve(&c->prog->pos, p);
    buf_printf(&c->out, "%s:%u:%u:", q.filename, q.line, q.col);
}

static void tv_string(Ctx *c, SynNode *n)
{
    TyTV *tv = ty_tv(n);
    if (!tv || tv->mode == TY_MODE_INVALID) {
        buf_puts(&c->out, " -");
        return;
    }
    int m = tv->mode;
    buf_putc(&c->out, ' ');
    if (m == TY_MODE_NOVALUE)
        buf_putc(&c->out, 'V');
    if (m == TY_MODE_TYPEXPR)
        buf_putc(&c->out, 'T');
    if (m == TY_MODE_BUILTIN)
        buf_putc(&c->out, 'B');
    if (m == TY_MODE_CONSTANT || m == TY_MODE_VARIABLE || m == TY_MODE_MAPINDEX || m == TY_MODE_VALUE ||
        m == TY_MODE_NILVALUE || m == TY_MODE_COMMAOK || m == TY_MODE_COMMAERR)
        buf_putc(&c->out, 'v');
    if (m == TY_MODE_VARIABLE)
        buf_putc(&c->out, 'A');
    if (m == TY_MODE_COMMAOK || m == TY_MODE_MAPINDEX)
        buf_putc(&c->out, 'K');
    buf_putc(&c->out, ' ');
    if (tv->type)
        ty_type_string(c->prog->env, &c->out, tv->type, NULL, NULL);
    else
        buf_puts(&c->out, m == TY_MODE_NOVALUE ? "()" : "<nil>"); /* go/types: (*Tuple)(nil) */
    if (m == TY_MODE_CONSTANT) {
        buf_puts(&c->out, " = ");
        ty_const_fmt_exact(&c->out, tv->val);
    }
}

static bool pre(SynNode *n, void *ud)
{
    Ctx *c = ud;
    if (n->kind == SYN_RANGE_CLAUSE && ((SynRangeClause *)n)->x)
        ptrmap_put(&c->skip, PMKEY(((SynRangeClause *)n)->x), n);
    if (ptrmap_get(&c->skip, PMKEY(n)))
        return true;
    switch (n->kind) {
    case SYN_CALL_EXPR: {
        SynCallExpr *e = (SynCallExpr *)n;
        at(c, n->pos);
        buf_puts(&c->out, " call");
        tv_string(c, n);
        buf_putc(&c->out, '\n');
        SynNode *fun = syn_unparen(e->fun);
        Pos key = NOPOS;
        if (fun->kind == SYN_NAME)
            key = fun->pos;
        else if (fun->kind == SYN_SELECTOR_EXPR)
            key = ((SynSelectorExpr *)fun)->sel->n.pos;
        if (key) {
            at(c, key);
            buf_puts(&c->out, " fun");
            tv_string(c, fun);
            buf_putc(&c->out, '\n');
        }
        break;
    }
    case SYN_SELECTOR_EXPR: {
        SynSelectorExpr *e = (SynSelectorExpr *)n;
        at(c, e->sel->n.pos);
        buf_puts(&c->out, " sel");
        tv_string(c, n);
        TyTV *tv = ty_tv(n);
        if (tv && tv->sel) {
            TySelection *s = tv->sel;
            buf_printf(&c->out, " | %d [", s->kind);
            for (uint32_t i = 0; i < s->nindex; i++)
                buf_printf(&c->out, i ? " %u" : "%u", s->index[i]);
            buf_printf(&c->out, "] %s ", s->indirect ? "true" : "false");
            ty_type_string(c->prog->env, &c->out, s->recv, NULL, NULL);
        }
        buf_putc(&c->out, '\n');
        break;
    }
    case SYN_BASIC_LIT:
        at(c, n->pos);
        buf_puts(&c->out, " lit");
        tv_string(c, n);
        buf_putc(&c->out, '\n');
        break;
    case SYN_OPERATION: {
        SynOperation *o = (SynOperation *)n;
        if (!o->y && n->op == SYN_MUL)
            break; /* *x: an ast.StarExpr */
        at(c, n->pos);
        buf_puts(&c->out, o->y ? " bin" : " un");
        tv_string(c, n);
        buf_putc(&c->out, '\n');
        break;
    }
    case SYN_NAME: {
        /* uses (the name of an embedded field also defines the field) */
        TyTV *tv = ty_tv(n);
        if (tv && ty_tv_used(tv)) {
            at(c, n->pos);
            buf_puts(&c->out, " id");
            tv_string(c, n);
            buf_putc(&c->out, '\n');
        }
        break;
    }
    default:
        break;
    }
    return true;
}

/* the method sets of T and *T for each non-generic defined type T */
static void method_sets(Ctx *c, TyPackage *pkg)
{
    TyEnv *env = c->prog->env;
    uint32_t n;
    TyObject **objs = ty_scope_sorted(pkg->scope, &n);
    for (uint32_t k = 0; k < n; k++) {
        TyObject *o = objs[k];
        if (o->kind != TY_OBJ_TYPENAME || !o->type || o->type->kind != TY_NAMED)
            continue;
        TyNamed *nm = TY_AS(TyNamed, o->type);
        if (nm->obj != o || nm->tparams.len)
            continue;
        TyType *ts[2] = {o->type, ty_new_pointer(env, o->type)};
        for (int j = 0; j < 2; j++) {
            at(c, o->pos);
            buf_puts(&c->out, " methods ");
            ty_type_string(env, &c->out, ts[j], NULL, NULL);
            buf_putc(&c->out, ':');
            uint32_t nsel;
            TySelection *s = ty_method_set(env, ts[j], &nsel);
            for (uint32_t i = 0; i < nsel; i++) {
                buf_printf(&c->out, " %s[", s[i].obj->name->name);
                for (uint32_t x = 0; x < s[i].nindex; x++)
                    buf_printf(&c->out, x ? " %u" : "%u", s[i].index[x]);
                buf_putc(&c->out, ']');
                if (s[i].indirect)
                    buf_putc(&c->out, '*');
            }
            buf_putc(&c->out, '\n');
        }
    }
    free(objs);
}

int main(int argc, char **argv)
{
    LdProgram prog;
    ld_program_init(&prog);
    LdConfig conf = {NULL, NULL, 0, (const char *const *)argv + 1, (uint32_t)(argc - 1)};
    if (!ld_list(&prog, &conf) || ld_list_errors(&prog, stderr) > 0)
        return 2;
    if (ld_process(&prog, LD_CHECK) > 0) {
        diags_sort(&prog.diags);
        diags_print(&prog.diags, &prog.pos, stderr);
    }
    Ctx c;
    memset(&c, 0, sizeof c);
    c.prog = &prog;
    for (uint32_t i = 0; i < prog.npkgs; i++) {
        LdPackage *p = prog.pkgs[i];
        if (p->dep_only)
            continue;
        if (p->types)
            method_sets(&c, p->types);
        for (uint32_t k = 0; k < p->nfiles; k++)
            if (p->files[k])
                syn_walk(&p->files[k]->n, pre, NULL, &c);
    }
    fwrite(c.out.data ? c.out.data : "", 1, c.out.len, stdout);
    buf_free(&c.out);
    ptrmap_free(&c.skip);
    ld_program_free(&prog);
    return 0;
}
