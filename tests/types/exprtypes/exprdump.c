/*
 * exprdump PATTERNS: loads and type-checks packages as `goesc types` does and
 * prints, for every expression with a recorded type, one line as the Go
 * tool ./exprtypes prints go/types' Info.Types:
 *
 *     /abs/file.go:LINE:COL: TYPE [= VALUE]
 *
 * COL is where go/ast starts the expression (which differs from
 * syntax.StartPos for slice expressions and function types); TYPE is
 * types.TypeString with package paths, VALUE a constant's ExactString.
 * Unsorted.  Differences that are by design (types2 is not go/types) are
 * normalized here or in exprtypes; see run.sh.
 */
#include "load/load.h"
#include "types/check.h"

#include <string.h>

typedef struct Dump {
    const PosTab *pt;
    TyEnv *env;
    PtrMap skip;   /* nodes not to print */
    Buf out;
} Dump;

/* go/ast's Pos() of the corresponding node */
static Pos go_start(const PosTab *pt, const SynNode *n)
{
    for (;;) {
        switch (n->kind) {
        case SYN_SLICE_EXPR:
            n = ((const SynSliceExpr *)n)->x;
            continue;
        case SYN_SELECTOR_EXPR:
            n = ((const SynSelectorExpr *)n)->x;
            continue;
        case SYN_INDEX_EXPR:
            n = ((const SynIndexExpr *)n)->x;
            continue;
        case SYN_ASSERT_EXPR:
            n = ((const SynAssertExpr *)n)->x;
            continue;
        case SYN_CALL_EXPR:
            n = ((const SynCallExpr *)n)->fun;
            continue;
        case SYN_KEY_VALUE_EXPR:
            n = ((const SynKeyValueExpr *)n)->key;
            continue;
        case SYN_COMPOSITE_LIT:
            if (!((const SynCompositeLit *)n)->type)
                return n->pos;
            n = ((const SynCompositeLit *)n)->type;
            continue;
        case SYN_OPERATION:
            if (!((const SynOperation *)n)->y)
                return n->pos;
            n = ((const SynOperation *)n)->x;
            continue;
        case SYN_FUNC_TYPE: {
            /* go/ast: at "func" (if there is one) */
            const SrcFile *f = postab_file(pt, n->pos);
            uint32_t off = n->pos - f->base;
            if (off >= 4 && memcmp(f->data + off - 4, "func", 4) == 0)
                return n->pos - 4;
            return n->pos;
        }
        default:
            return n->pos;
        }
    }
}

static bool visit(SynNode *n, void *ud)
{
    Dump *d = ud;
    /* types2 records `for range array` as the constant len(array) */
    if (n->kind == SYN_RANGE_CLAUSE && ((SynRangeClause *)n)->x)
        ptrmap_put(&d->skip, PMKEY(((SynRangeClause *)n)->x), (void *)1);
    if (!n->info || n->kind >= SYN_EMPTY_STMT || ptrmap_get(&d->skip, PMKEY(n)))
        return true;
    TyTV *tv = ty_tv(n);
    if (tv->mode == TY_MODE_INVALID)
        return true;
    Position p = postab_resolve(d->pt, go_start(d->pt, n));
    buf_printf(&d->out, "%s:%u:%u: ", p.filename, p.line, p.col);
    if (n->kind == SYN_NAME && tv->obj && tv->obj->kind == TY_OBJ_NIL)
        buf_puts(&d->out, "untyped nil"); /* go/types keeps nil untyped */
    else if (tv->type)
        ty_type_string(d->env, &d->out, tv->type, NULL, NULL);
    else
        buf_puts(&d->out, "()"); /* no value: (*Tuple)(nil) */
    if (tv->mode == TY_MODE_CONSTANT) {
        buf_puts(&d->out, " = ");
        ty_const_fmt_exact(&d->out, tv->val);
    }
    buf_putc(&d->out, '\n');
    return true;
}

int main(int argc, char **argv)
{
    LdProgram prog;
    ld_program_init(&prog);
    LdConfig conf = {NULL, NULL, 0, (const char *const *)argv + 1, (uint32_t)argc - 1};
    if (!ld_list(&prog, &conf))
        return 2;
    if (ld_process(&prog, LD_CHECK) > 0) {
        diags_sort(&prog.diags);
        diags_print(&prog.diags, &prog.pos, stderr);
    }
    Dump d;
    memset(&d, 0, sizeof d);
    d.pt = &prog.pos;
    d.env = prog.env;
    for (uint32_t i = 0; i < prog.npkgs; i++) {
        const LdPackage *p = prog.pkgs[i];
        if (p->dep_only || !p->checked)
            continue;
        for (uint32_t j = 0; j < p->nfiles; j++)
            syn_walk(&p->files[j]->n, visit, NULL, &d);
    }
    fputs(buf_str(&d.out), stdout);
    buf_free(&d.out);
    ptrmap_free(&d.skip);
    ld_program_free(&prog);
    return 0;
}
