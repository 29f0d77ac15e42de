/*
 * Label and branch checks for one function body (gc: syntax/branches.go):
 * misplaced break/continue/fallthrough, bad labeled break and continue,
 * unused, duplicate and undefined labels, and gotos that jump into a block
 * or over a variable declaration.  Resolved branches get their target.
 *
 * Each block of statements is processed in order.  A goto to a label not
 * yet seen is "forward": it stays pending until a label of that name is
 * declared later in the same block, or, when the block ends, it is handed
 * to the enclosing block.  Whatever is still pending at the function level
 * either names a label inside some other block or no label at all.
 */
#include "syntax_int.h"

#include <stdlib.h>
#include <string.h>

typedef struct Block Block;

/* A block of statements: a function body, a {...} block, an if or else
 * branch, a loop body or a case clause. */
struct Block {
    Block *parent;
    Pos start;
    SynLabeledStmt *lstmt; /* label of the statement owning the block */
};

typedef struct Label {
    Block *parent;         /* block declaring the label */
    SynLabeledStmt *lstmt;
    bool used;
} Label;

/* What an unlabeled break or continue (or a fallthrough) refers to. */
typedef struct Targets {
    SynNode *breaks;       /* ForStmt, SwitchStmt, SelectStmt or NULL */
    SynForStmt *continues; /* or NULL */
    int64_t case_index;    /* index of the case clause of the innermost switch, or -1 */
} Targets;

typedef struct Checker {
    SynCtx *ctx;
    PtrMap labels;         /* Sym* -> Label* */
    PtrVec order;          /* Label*, in declaration order */
} Checker;

/* gotos not resolved yet */
typedef struct GotoVec {
    SynBranchStmt **data;
    uint32_t len, cap;
} GotoVec;

static void gotos_push(GotoVec *v, SynBranchStmt *s)
{
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 8;
        v->data = xrealloc(v->data, sizeof(*v->data) * v->cap);
    }
    v->data[v->len++] = s;
}

static const char *label_name(const SynName *n) { return n->value ? n->value->name : ""; }

/* b gets a position as gc's Pos.String prints it in messages. */
static const char *pos_text(Checker *c, Buf *b, Pos p)
{
    syn_pos_string(b, c->ctx->pos, p);
    return buf_str(b);
}

/* Declares the label of s in block b; a duplicate is reported and the
 * first declaration returned. */
static Label *declare(Checker *c, Block *b, SynLabeledStmt *s)
{
    void **slot = ptrmap_slot(&c->labels, PMKEY(s->label->value));
    Label *alt = *slot;
    if (alt) {
        Buf where = {0};
        diags_add(c->ctx->diags, s->label->n.pos, "label %s already defined at %s",
                  label_name(s->label), pos_text(c, &where, alt->lstmt->label->n.pos));
        buf_free(&where);
        return alt;
    }
    Label *l = ARENA_NEW(c->ctx->arena, Label);
    l->parent = b;
    l->lstmt = s;
    *slot = l;
    ptrvec_push(&c->order, l);
    return l;
}

static Label *lookup(Checker *c, const SynName *name)
{
    return ptrmap_get(&c->labels, PMKEY(name->value));
}

/* The labeled statement a goto in block b may jump to: one declared in b
 * or an enclosing block.  Marks the label used either way. */
static SynLabeledStmt *goto_target(Checker *c, Block *b, const SynName *name)
{
    Label *l = lookup(c, name);
    if (!l)
        return NULL;
    l->used = true;
    for (; b; b = b->parent)
        if (l->parent == b)
            return l->lstmt;
    return NULL;
}

typedef enum { ENCL_UNDEFINED, ENCL_INVALID, ENCL_FOUND } EnclResult;

/* The innermost enclosing statement labeled `name`, for labeled break
 * and continue.  Marks the label used even when it is not a valid target. */
static EnclResult enclosing_target(Checker *c, Block *b, const SynName *name, SynNode **stmt)
{
    Label *l = lookup(c, name);
    if (!l)
        return ENCL_UNDEFINED;
    l->used = true;
    for (; b; b = b->parent) {
        if (b->lstmt == l->lstmt) {
            *stmt = l->lstmt->stmt;
            return ENCL_FOUND;
        }
    }
    return ENCL_INVALID;
}

/* State of one block while its statements are processed. */
typedef struct BlockState {
    Checker *c;
    Block *b;
    GotoVec fwd;           /* forward gotos still unresolved */
    GotoVec bad;           /* forward gotos preceding the last variable declaration */
    Pos var_pos;           /* last variable declaration, or NOPOS */
    const SynNode *var_name;
} BlockState;

static void block_branches(Checker *c, Block *parent, Targets ctxt, SynLabeledStmt *lstmt,
                           Pos start, SynNode **stmts, uint32_t n, GotoVec *out);

/* Forward gotos that would jump over this declaration may still leave
 * the block; remember them as potentially bad. */
static void record_var_decl(BlockState *st, Pos pos, const SynNode *name)
{
    st->var_pos = pos;
    st->var_name = name;
    st->bad.len = 0;
    for (uint32_t i = 0; i < st->fwd.len; i++)
        gotos_push(&st->bad, st->fwd.data[i]);
}

static bool jumps_over_var_decl(const BlockState *st, const SynBranchStmt *fwd)
{
    if (st->var_pos == NOPOS)
        return false;
    for (uint32_t i = 0; i < st->bad.len; i++)
        if (st->bad.data[i] == fwd)
            return true;
    return false;
}

/* Processes an inner block; its unresolved gotos become ours. */
static void inner_block(BlockState *st, Targets ctxt, SynLabeledStmt *lstmt, Pos start,
                        SynNode **stmts, uint32_t n)
{
    block_branches(st->c, st->b, ctxt, lstmt, start, stmts, n, &st->fwd);
}

static void declare_label(BlockState *st, SynLabeledStmt *s)
{
    Checker *c = st->c;
    Label *l = declare(c, st->b, s);
    const Sym *name = s->label->value;
    uint32_t keep = 0;
    for (uint32_t i = 0; i < st->fwd.len; i++) {
        SynBranchStmt *fwd = st->fwd.data[i];
        if (fwd->label->value != name) {
            st->fwd.data[keep++] = fwd;
            continue;
        }
        fwd->target = &s->n;
        l->used = true;
        if (jumps_over_var_decl(st, fwd)) {
            Buf decl = {0}, where = {0};
            syn_string(&decl, st->var_name);
            diags_add(c->ctx->diags, fwd->label->n.pos, "goto %s jumps over declaration of %s at %s",
                      label_name(fwd->label), buf_str(&decl), pos_text(c, &where, st->var_pos));
            buf_free(&decl);
            buf_free(&where);
        }
    }
    st->fwd.len = keep;
}

static void unlabeled_branch(BlockState *st, SynBranchStmt *s, Targets ctxt, bool last)
{
    Diags *d = st->c->ctx->diags;
    switch (s->n.op) {
    case SYN_BREAK:
        if (ctxt.breaks)
            s->target = ctxt.breaks;
        else
            diags_add(d, s->n.pos, "break is not in a loop, switch, or select");
        break;
    case SYN_CONTINUE:
        if (ctxt.continues)
            s->target = &ctxt.continues->n;
        else
            diags_add(d, s->n.pos, "continue is not in a loop");
        break;
    case SYN_FALLTHROUGH: {
        const char *msg = "fallthrough statement out of place";
        if (ctxt.breaks && ctxt.breaks->kind == SYN_SWITCH_STMT) {
            const SynSwitchStmt *sw = (const SynSwitchStmt *)ctxt.breaks;
            if (sw->tag && sw->tag->kind == SYN_TYPE_SWITCH_GUARD)
                msg = "cannot fallthrough in type switch";
            else if (ctxt.case_index < 0 || !last)
                ; /* nested in a block, or not the last statement */
            else if (ctxt.case_index + 1 == (int64_t)sw->body.len)
                msg = "cannot fallthrough final case in switch";
            else
                return; /* fallthrough ok */
        }
        diags_add(d, s->n.pos, "%s", msg);
        break;
    }
    default:
        break; /* a goto always has a label */
    }
}

static void labeled_branch(BlockState *st, SynBranchStmt *s)
{
    Checker *c = st->c;
    Diags *d = c->ctx->diags;
    const char *name = label_name(s->label);
    Pos at = s->label->n.pos;
    SynNode *t = NULL;
    switch (s->n.op) {
    case SYN_BREAK:
        switch (enclosing_target(c, st->b, s->label, &t)) {
        case ENCL_UNDEFINED:
            diags_add(d, at, "break label not defined: %s", name);
            break;
        case ENCL_INVALID:
            diags_add(d, at, "invalid break label %s", name);
            break;
        case ENCL_FOUND:
            if (t && (t->kind == SYN_SWITCH_STMT || t->kind == SYN_SELECT_STMT ||
                      t->kind == SYN_FOR_STMT))
                s->target = t;
            else
                diags_add(d, at, "invalid break label %s", name);
            break;
        }
        break;
    case SYN_CONTINUE:
        switch (enclosing_target(c, st->b, s->label, &t)) {
        case ENCL_UNDEFINED:
            diags_add(d, at, "continue label not defined: %s", name);
            break;
        case ENCL_INVALID:
            diags_add(d, at, "invalid continue label %s", name);
            break;
        case ENCL_FOUND:
            if (t && t->kind == SYN_FOR_STMT)
                s->target = t;
            else
                diags_add(d, at, "invalid continue label %s", name);
            break;
        }
        break;
    case SYN_GOTO: {
        SynLabeledStmt *l = goto_target(c, st->b, s->label);
        if (l)
            s->target = &l->n;
        else
            gotos_push(&st->fwd, s); /* the label may come later */
        break;
    }
    default:
        break; /* a fallthrough never has a label */
    }
}

/* One statement of the block (after its labels are declared).  lstmt is
 * the label of this statement, passed on to the blocks it owns. */
static void stmt_branches(BlockState *st, SynNode *s, Targets ctxt, SynLabeledStmt *lstmt,
                          bool last)
{
    Targets inner = {ctxt.breaks, ctxt.continues, -1};
    switch ((SynKind)s->kind) {
    case SYN_DECL_STMT: {
        const SynDeclStmt *x = (const SynDeclStmt *)s;
        for (uint32_t i = 0; i < x->decls.len; i++) {
            const SynNode *dcl = x->decls.items[i];
            if (dcl->kind == SYN_VAR_DECL) {
                const SynVarDecl *v = (const SynVarDecl *)dcl;
                record_var_decl(st, dcl->pos, v->names.len ? v->names.items[0] : NULL);
                break; /* the first one will do */
            }
        }
        break;
    }
    case SYN_BRANCH_STMT: {
        SynBranchStmt *x = (SynBranchStmt *)s;
        if (x->label)
            labeled_branch(st, x);
        else
            unlabeled_branch(st, x, ctxt, last);
        break;
    }
    case SYN_ASSIGN_STMT:
        if (s->op == SYN_DEF)
            record_var_decl(st, s->pos, ((const SynAssignStmt *)s)->lhs);
        break;
    case SYN_BLOCK_STMT: {
        SynBlockStmt *x = (SynBlockStmt *)s;
        inner_block(st, inner, lstmt, s->pos, x->list.items, x->list.len);
        break;
    }
    case SYN_IF_STMT: {
        SynIfStmt *x = (SynIfStmt *)s;
        if (x->then)
            inner_block(st, inner, lstmt, x->then->n.pos, x->then->list.items, x->then->list.len);
        if (x->els)
            inner_block(st, inner, lstmt, x->els->pos, &x->els, 1);
        break;
    }
    case SYN_FOR_STMT: {
        SynForStmt *x = (SynForStmt *)s;
        Targets loop = {s, x, -1};
        if (x->body)
            inner_block(st, loop, lstmt, x->body->n.pos, x->body->list.items, x->body->list.len);
        break;
    }
    case SYN_SWITCH_STMT: {
        SynSwitchStmt *x = (SynSwitchStmt *)s;
        Targets sw = {s, ctxt.continues, -1};
        for (uint32_t i = 0; i < x->body.len; i++) {
            SynCaseClause *cc = (SynCaseClause *)x->body.items[i];
            sw.case_index = i;
            inner_block(st, sw, lstmt, cc->n.pos, cc->body.items, cc->body.len);
        }
        break;
    }
    case SYN_SELECT_STMT: {
        SynSelectStmt *x = (SynSelectStmt *)s;
        Targets sel = {s, ctxt.continues, -1};
        for (uint32_t i = 0; i < x->body.len; i++) {
            SynCommClause *cc = (SynCommClause *)x->body.items[i];
            inner_block(st, sel, lstmt, cc->n.pos, cc->body.items, cc->body.len);
        }
        break;
    }
    default:
        break;
    }
}

/* Processes the statements of a block starting at `start`; appends the
 * gotos it cannot resolve to *out. */
static void block_branches(Checker *c, Block *parent, Targets ctxt, SynLabeledStmt *lstmt,
                           Pos start, SynNode **stmts, uint32_t n, GotoVec *out)
{
    Block *b = ARENA_NEW(c->ctx->arena, Block);
    b->parent = parent;
    b->start = start;
    b->lstmt = lstmt;
    BlockState st = {.c = c, .b = b};

    /* a fallthrough is last even if empty statements follow it */
    while (n > 0 && stmts[n - 1] && stmts[n - 1]->kind == SYN_EMPTY_STMT)
        n--;
    for (uint32_t i = 0; i < n; i++) {
        SynNode *s = stmts[i];
        SynLabeledStmt *label = NULL;
        while (s && s->kind == SYN_LABELED_STMT) {
            SynLabeledStmt *ls = (SynLabeledStmt *)s;
            if (!ls->label->value || strcmp(ls->label->value->name, "_") != 0) {
                declare_label(&st, ls);
                label = ls; /* the blank label is not declared */
            }
            s = ls->stmt;
        }
        if (s)
            stmt_branches(&st, s, ctxt, label, i + 1 == n);
    }

    for (uint32_t i = 0; i < st.fwd.len; i++)
        gotos_push(out, st.fwd.data[i]);
    free(st.fwd.data);
    free(st.bad.data);
}

void syn_check_branches(SynCtx *ctx, SynBlockStmt *body)
{
    if (!body)
        return;
    Checker c = {.ctx = ctx};
    GotoVec fwd = {0};
    Targets none = {NULL, NULL, -1};
    block_branches(&c, NULL, none, NULL, body->n.pos, body->list.items, body->list.len, &fwd);

    /* Gotos left over name labels never defined, or defined in blocks
     * they cannot reach. */
    for (uint32_t i = 0; i < fwd.len; i++) {
        SynBranchStmt *g = fwd.data[i];
        Label *l = lookup(&c, g->label);
        if (l) {
            l->used = true; /* no "defined and not used" as well */
            Buf where = {0};
            diags_add(ctx->diags, g->label->n.pos, "goto %s jumps into block starting at %s",
                      label_name(g->label), pos_text(&c, &where, l->parent->start));
            buf_free(&where);
        } else {
            diags_add(ctx->diags, g->label->n.pos, "label %s not defined", label_name(g->label));
        }
    }

    /* spec: "It is illegal to define a label that is never used." */
    for (uint32_t i = 0; i < c.order.len; i++) {
        Label *l = c.order.data[i];
        if (!l->used)
            diags_add(ctx->diags, l->lstmt->label->n.pos, "label %s defined and not used",
                      label_name(l->lstmt->label));
    }

    free(fwd.data);
    ptrmap_free(&c.labels);
    ptrvec_free(&c.order);
}
