/*
 * rfdump: checks the range-over-func rewrite (src/ir/rangefunc.c) against
 * gc.  It parses and type-checks the given files as one package without
 * imports, runs ir_rangefunc_rewrite and prints every rewritten function
 * body the way gc's -W flag does (syntax.Fdump, dumper.go: reflective,
 * one line per field, names as "value @ pos"), so that run.sh can compare
 * with `go tool compile -W=1`.
 *
 * Fields gc prints that cannot be compared are normalized on both sides by
 * run.sh (SliceExpr.Index prints pointer values).
 */
#include "ir/passes.h"
#include "types/types.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Dumper {
    Buf out;
    const PosTab *pt;
    PtrMap seen;      /* node -> line number + 1 */
    int indent;
    int line;
    char last;
} Dumper;

static void d_write(Dumper *d, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c != '\n' && d->last == '\n') {
            d->line++;
            buf_printf(&d->out, "%6d  ", d->line);
            for (int j = 0; j < d->indent; j++)
                buf_puts(&d->out, ".  ");
        }
        buf_putc(&d->out, c);
        d->last = c;
    }
}

static void d_printf(Dumper *d, const char *fmt, ...) GO_PRINTF(2, 3);
static void d_printf(Dumper *d, const char *fmt, ...)
{
    Buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    d_write(d, b.data ? b.data : "", b.len);
    buf_free(&b);
}

static void dump(Dumper *d, SynNode *n);

static void field(Dumper *d, const char *name, SynNode *n)
{
    d_printf(d, "%s: ", name);
    dump(d, n);
    d_printf(d, "\n");
}

static void field_str(Dumper *d, const char *name, const char *v)
{
    d_printf(d, "%s: %s\n", name, v);
}

static void list(Dumper *d, const char *name, const char *type, SynList l)
{
    d_printf(d, "%s: ", name);
    if (l.len == 0) {
        d_printf(d, "nil\n");
        return;
    }
    d_printf(d, "%s (%u entries) {", type, l.len);
    d->indent++;
    d_printf(d, "\n");
    for (uint32_t i = 0; i < l.len; i++) {
        d_printf(d, "%u: ", i);
        dump(d, l.items[i]);
        d_printf(d, "\n");
    }
    d->indent--;
    d_printf(d, "}\n");
}

static const char *op_str(uint8_t op)
{
    if (op == SYN_OP_NONE)
        return "Operator(0)";
    return op == SYN_DEF ? ":" : syn_op_string((SynOp)op);
}

static const char *tok_str(uint8_t t)
{
    switch (t) {
    case SYN_BREAK: return "break";
    case SYN_CONTINUE: return "continue";
    case SYN_FALLTHROUGH: return "fallthrough";
    case SYN_GOTO: return "goto";
    case SYN_GO: return "go";
    case SYN_DEFER: return "defer";
    default: return "?";
    }
}

static void decl_header(Dumper *d, uint32_t group)
{
    d_printf(d, "Group: %s\n", group ? "*syntax.Group {}" : "nil");
    d_printf(d, "Pragma: nil\n");
}

static void dump(Dumper *d, SynNode *n)
{
    if (!n) {
        d_printf(d, "nil");
        return;
    }
    if (n->kind == SYN_NAME) {
        Buf b = {0};
        syn_pos_string(&b, d->pt, n->pos);
        d_printf(d, "%s @ %s", ((SynName *)n)->value->name, buf_str(&b));
        buf_free(&b);
        return;
    }
    d_printf(d, "*");
    uintptr_t seen = (uintptr_t)ptrmap_get(&d->seen, PMKEY(n));
    if (seen) {
        d_printf(d, "(Node @ %d)", (int)(seen - 1));
        return;
    }
    ptrmap_put(&d->seen, PMKEY(n), (void *)(uintptr_t)(d->line + 1));
    d_printf(d, "syntax.%s {", syn_kind_name((SynKind)n->kind));
    d->indent++;
    d_printf(d, "\n");
    char num[32];
    switch ((SynKind)n->kind) {
    case SYN_BASIC_LIT: {
        SynBasicLit *x = (SynBasicLit *)n;
        Buf q = {0};
        buf_putc(&q, '"');
        for (uint32_t i = 0; i < x->len; i++) {
            char c = x->value[i];
            if (c == '"' || c == '\\')
                buf_putc(&q, '\\');
            buf_putc(&q, c);
        }
        buf_putc(&q, '"');
        field_str(d, "Value", buf_str(&q));
        buf_free(&q);
        snprintf(num, sizeof num, "%u", n->op);
        field_str(d, "Kind", num);
        field_str(d, "Bad", (n->flags & SYN_F_BAD) ? "true" : "false");
        break;
    }
    case SYN_COMPOSITE_LIT: {
        SynCompositeLit *x = (SynCompositeLit *)n;
        field(d, "Type", x->type);
        list(d, "ElemList", "[]syntax.Expr", x->elems);
        snprintf(num, sizeof num, "%u", x->nkeys);
        field_str(d, "NKeys", num);
        field_str(d, "Rbrace", "syntax.Pos {}");
        break;
    }
    case SYN_KEY_VALUE_EXPR:
        field(d, "Key", ((SynKeyValueExpr *)n)->key);
        field(d, "Value", ((SynKeyValueExpr *)n)->value);
        break;
    case SYN_FUNC_LIT:
        field(d, "Type", &((SynFuncLit *)n)->type->n);
        field(d, "Body", &((SynFuncLit *)n)->body->n);
        break;
    case SYN_PAREN_EXPR:
        field(d, "X", ((SynParenExpr *)n)->x);
        break;
    case SYN_SELECTOR_EXPR:
        field(d, "X", ((SynSelectorExpr *)n)->x);
        field(d, "Sel", &((SynSelectorExpr *)n)->sel->n);
        break;
    case SYN_INDEX_EXPR:
        field(d, "X", ((SynIndexExpr *)n)->x);
        field(d, "Index", ((SynIndexExpr *)n)->index);
        break;
    case SYN_SLICE_EXPR:
        field(d, "X", ((SynSliceExpr *)n)->x);
        field_str(d, "Index", "[...]");
        field_str(d, "Full", (n->flags & SYN_F_FULL) ? "true" : "false");
        break;
    case SYN_ASSERT_EXPR:
        field(d, "X", ((SynAssertExpr *)n)->x);
        field(d, "Type", ((SynAssertExpr *)n)->type);
        break;
    case SYN_TYPE_SWITCH_GUARD:
        field(d, "Lhs", (SynNode *)((SynTypeSwitchGuard *)n)->lhs);
        field(d, "X", ((SynTypeSwitchGuard *)n)->x);
        break;
    case SYN_OPERATION:
        field_str(d, "Op", op_str(n->op));
        field(d, "X", ((SynOperation *)n)->x);
        field(d, "Y", ((SynOperation *)n)->y);
        break;
    case SYN_CALL_EXPR:
        field(d, "Fun", ((SynCallExpr *)n)->fun);
        list(d, "ArgList", "[]syntax.Expr", ((SynCallExpr *)n)->args);
        field_str(d, "HasDots", (n->flags & SYN_F_HASDOTS) ? "true" : "false");
        break;
    case SYN_LIST_EXPR:
        list(d, "ElemList", "[]syntax.Expr", ((SynListExpr *)n)->elems);
        break;
    case SYN_ARRAY_TYPE:
        field(d, "Len", ((SynArrayType *)n)->len);
        field(d, "Elem", ((SynArrayType *)n)->elem);
        break;
    case SYN_SLICE_TYPE:
        field(d, "Elem", ((SynSliceType *)n)->elem);
        break;
    case SYN_DOTS_TYPE:
        field(d, "Elem", ((SynDotsType *)n)->elem);
        break;
    case SYN_STRUCT_TYPE:
        list(d, "FieldList", "[]*syntax.Field", ((SynStructType *)n)->fields);
        list(d, "TagList", "[]*syntax.BasicLit", ((SynStructType *)n)->tags);
        break;
    case SYN_FIELD:
        field(d, "Name", (SynNode *)((SynField *)n)->name);
        field(d, "Type", ((SynField *)n)->type);
        break;
    case SYN_INTERFACE_TYPE:
        list(d, "MethodList", "[]*syntax.Field", ((SynInterfaceType *)n)->methods);
        break;
    case SYN_FUNC_TYPE:
        list(d, "ParamList", "[]*syntax.Field", ((SynFuncType *)n)->params);
        list(d, "ResultList", "[]*syntax.Field", ((SynFuncType *)n)->results);
        break;
    case SYN_MAP_TYPE:
        field(d, "Key", ((SynMapType *)n)->key);
        field(d, "Value", ((SynMapType *)n)->value);
        break;
    case SYN_CHAN_TYPE:
        snprintf(num, sizeof num, "%u", n->op);
        field_str(d, "Dir", num);
        field(d, "Elem", ((SynChanType *)n)->elem);
        break;
    case SYN_LABELED_STMT:
        field(d, "Label", &((SynLabeledStmt *)n)->label->n);
        field(d, "Stmt", ((SynLabeledStmt *)n)->stmt);
        break;
    case SYN_BLOCK_STMT:
        list(d, "List", "[]syntax.Stmt", ((SynBlockStmt *)n)->list);
        field_str(d, "Rbrace", "syntax.Pos {}");
        break;
    case SYN_EXPR_STMT:
        field(d, "X", ((SynExprStmt *)n)->x);
        break;
    case SYN_SEND_STMT:
        field(d, "Chan", ((SynSendStmt *)n)->chan);
        field(d, "Value", ((SynSendStmt *)n)->value);
        break;
    case SYN_DECL_STMT:
        list(d, "DeclList", "[]syntax.Decl", ((SynDeclStmt *)n)->decls);
        break;
    case SYN_ASSIGN_STMT:
        field_str(d, "Op", op_str(n->op));
        field(d, "Lhs", ((SynAssignStmt *)n)->lhs);
        field(d, "Rhs", ((SynAssignStmt *)n)->rhs);
        break;
    case SYN_BRANCH_STMT:
        field_str(d, "Tok", tok_str(n->op));
        field(d, "Label", (SynNode *)((SynBranchStmt *)n)->label);
        field(d, "Target", ((SynBranchStmt *)n)->target);
        break;
    case SYN_CALL_STMT:
        field_str(d, "Tok", tok_str(n->op));
        field(d, "Call", ((SynCallStmt *)n)->call);
        field(d, "DeferAt", ((SynCallStmt *)n)->defer_at);
        break;
    case SYN_RETURN_STMT:
        field(d, "Results", ((SynReturnStmt *)n)->results);
        break;
    case SYN_IF_STMT:
        field(d, "Init", ((SynIfStmt *)n)->init);
        field(d, "Cond", ((SynIfStmt *)n)->cond);
        field(d, "Then", &((SynIfStmt *)n)->then->n);
        field(d, "Else", ((SynIfStmt *)n)->els);
        break;
    case SYN_FOR_STMT:
        field(d, "Init", ((SynForStmt *)n)->init);
        field(d, "Cond", ((SynForStmt *)n)->cond);
        field(d, "Post", ((SynForStmt *)n)->post);
        field(d, "Body", &((SynForStmt *)n)->body->n);
        break;
    case SYN_SWITCH_STMT:
        field(d, "Init", ((SynSwitchStmt *)n)->init);
        field(d, "Tag", ((SynSwitchStmt *)n)->tag);
        list(d, "Body", "[]*syntax.CaseClause", ((SynSwitchStmt *)n)->body);
        field_str(d, "Rbrace", "syntax.Pos {}");
        break;
    case SYN_SELECT_STMT:
        list(d, "Body", "[]*syntax.CommClause", ((SynSelectStmt *)n)->body);
        field_str(d, "Rbrace", "syntax.Pos {}");
        break;
    case SYN_RANGE_CLAUSE:
        field(d, "Lhs", ((SynRangeClause *)n)->lhs);
        field_str(d, "Def", (n->flags & SYN_F_DEF) ? "true" : "false");
        field(d, "X", ((SynRangeClause *)n)->x);
        break;
    case SYN_CASE_CLAUSE:
        field(d, "Cases", ((SynCaseClause *)n)->cases);
        list(d, "Body", "[]syntax.Stmt", ((SynCaseClause *)n)->body);
        field_str(d, "Colon", "syntax.Pos {}");
        break;
    case SYN_COMM_CLAUSE:
        field(d, "Comm", ((SynCommClause *)n)->comm);
        list(d, "Body", "[]syntax.Stmt", ((SynCommClause *)n)->body);
        field_str(d, "Colon", "syntax.Pos {}");
        break;
    case SYN_CONST_DECL:
    case SYN_VAR_DECL: {
        SynConstDecl *x = (SynConstDecl *)n;
        decl_header(d, x->group);
        list(d, "NameList", "[]*syntax.Name", x->names);
        field(d, "Type", x->type);
        field(d, "Values", x->values);
        break;
    }
    case SYN_TYPE_DECL: {
        SynTypeDecl *x = (SynTypeDecl *)n;
        decl_header(d, x->group);
        field(d, "Name", &x->name->n);
        list(d, "TParamList", "[]*syntax.Field", x->tparams);
        field_str(d, "Alias", (n->flags & SYN_F_ALIAS) ? "true" : "false");
        field(d, "Type", x->type);
        break;
    }
    default:
        break;
    }
    d->indent--;
    d_printf(d, "}");
}

static void on_dump(void *ud, SynBlockStmt *body)
{
    Dumper *d = ud;
    ptrmap_free(&d->seen);
    memset(&d->seen, 0, sizeof d->seen);
    d->line = 0;
    d->last = '\n';
    d->indent = 0;
    dump(d, &body->n);
    d_printf(d, "\n");
}

static char *read_all(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc((size_t)n + 1);
    if (fread(data, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(data);
        return NULL;
    }
    data[n] = 0;
    fclose(f);
    *size = (size_t)n;
    return data;
}

int main(int argc, char **argv)
{
    SymTab syms;
    PosTab pt;
    Arena arena;
    Diags diags = {0};
    symtab_init(&syms);
    postab_init(&pt);
    arena_init(&arena);
    diags.gc_pt = &pt;
    SynFile **files = calloc((size_t)argc, sizeof *files);
    uint32_t nfiles = 0;
    for (int i = 1; i < argc; i++) {
        size_t size;
        char *data = read_all(argv[i], &size);
        if (!data) {
            fprintf(stderr, "rfdump: cannot read %s\n", argv[i]);
            return 2;
        }
        SrcFile *src = postab_add(&pt, argv[i], data, (uint32_t)size);
        SynCtx ctx = {&arena, &syms, &pt, &diags, SYN_CHECK_BRANCHES, false, false, false};
        files[nfiles++] = syn_parse_file(&ctx, src, NULL);
    }
    TyEnv *env = ty_env_new(&syms, &pt, "amd64");
    TyConfig conf;
    memset(&conf, 0, sizeof conf);
    conf.goversion = "go1.26";
    conf.diags = &diags;
    conf.record = true;
    uint32_t nerr = 0;
    TyPackage *pkg = ty_check_package(env, &conf, "p", files, nfiles, &nerr);
    if (diags.len) {
        diags_sort(&diags);
        diags_print(&diags, &pt, stderr);
        return 1;
    }
    Dumper d;
    memset(&d, 0, sizeof d);
    d.pt = &pt;
    ir_rangefunc_rewrite(env, pkg, files, nfiles, on_dump, &d);
    fwrite(d.out.data ? d.out.data : "", 1, d.out.len, stdout);
    /* everything is released, so that LeakSanitizer runs stay quiet */
    buf_free(&d.out);
    ptrmap_free(&d.seen);
    ty_env_free(env);
    for (uint32_t i = 0; i < pt.nfiles; i++)
        free((void *)pt.files[i]->data);
    free(files);
    diags_free(&diags);
    arena_free(&arena);
    postab_free(&pt);
    symtab_free(&syms);
    return 0;
}
