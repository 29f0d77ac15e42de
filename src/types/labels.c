/*
 * Label objects (types2/go/types labels.go).
 *
 * gc's parser already checks labels and branch targets (types2 runs with
 * IgnoreBranchErrors and skips this pass), but go/types records a Label
 * object for each label declaration and each labeled break, continue and
 * goto, and those recordings are part of what the checker must produce.
 * So this pass resolves labels exactly as labels.go does, block by block
 * (a goto may only jump to a label of its block or an enclosing one, a
 * break or continue only names an enclosing labeled statement), and
 * records definitions and uses; it reports no errors.
 */
#include "check.h"

#include <string.h>

/* Labels declared in a block and its enclosing blocks (labels.go block). */
typedef struct Block {
    struct Block *parent;
    SynLabeledStmt *lstmt;  /* labeled statement the block belongs to, or NULL */
    PtrVec labels;          /* SynLabeledStmt* declared in this block */
} Block;

typedef struct Labels {
    Checker *ck;
    PtrMap all;             /* Sym -> label object: all labels of the body */
} Labels;

static SynLabeledStmt *goto_target(Block *b, const Sym *name)
{
    for (; b; b = b->parent)
        for (uint32_t i = 0; i < b->labels.len; i++) {
            SynLabeledStmt *s = b->labels.data[i];
            if (s->label->value == name)
                return s;
        }
    return NULL;
}

static SynLabeledStmt *enclosing_target(Block *b, const Sym *name)
{
    for (; b; b = b->parent)
        if (b->lstmt && b->lstmt->label->value == name)
            return b->lstmt;
    return NULL;
}

static void block_branches(Labels *L, Block *parent, SynLabeledStmt *lstmt, SynList list, PtrVec *out);

/* Resolves the branches of s within block b; unresolved forward gotos are
 * appended to fwd. */
static void stmt_branches(Labels *L, Block *b, SynLabeledStmt *lstmt, SynNode *s, PtrVec *fwd)
{
    Checker *ck = L->ck;
    switch (s->kind) {
    case SYN_LABELED_STMT: {
        SynLabeledStmt *ls = (SynLabeledStmt *)s;
        const Sym *name = ls->label->value;
        if (name != ck->sym_blank) {
            TyObject *lbl = ty_new_label(ck->env, ls->label->n.pos, ck->pkg, name);
            void **slot = ptrmap_slot(&L->all, PMKEY(name));
            if (!*slot) {
                *slot = lbl;
                ptrvec_push(&b->labels, ls);
                ck_record_def(ck, ls->label, lbl);
            }
            /* (a duplicate label was reported by the parser; as in
             * labels.go its object still resolves the pending gotos) */
            uint32_t k = 0;
            for (uint32_t i = 0; i < fwd->len; i++) {
                SynBranchStmt *jmp = fwd->data[i];
                if (jmp->label->value == name) {
                    lbl->flags |= TY_OF_USED;
                    ck_record_use(ck, jmp->label, lbl);
                } else {
                    fwd->data[k++] = jmp;
                }
            }
            fwd->len = k;
            lstmt = ls;
        }
        stmt_branches(L, b, lstmt, ls->stmt, fwd);
        break;
    }
    case SYN_BRANCH_STMT: {
        SynBranchStmt *bs = (SynBranchStmt *)s;
        if (!bs->label)
            return;
        const Sym *name = bs->label->value;
        switch (bs->n.op) {
        case SYN_BREAK: {
            SynLabeledStmt *t = enclosing_target(b, name);
            if (!t)
                return;
            uint8_t k = t->stmt->kind;
            if (k != SYN_SWITCH_STMT && k != SYN_SELECT_STMT && k != SYN_FOR_STMT)
                return;
            break;
        }
        case SYN_CONTINUE: {
            SynLabeledStmt *t = enclosing_target(b, name);
            if (!t || t->stmt->kind != SYN_FOR_STMT)
                return;
            break;
        }
        case SYN_GOTO:
            if (!goto_target(b, name)) {
                /* the label may be declared later in this or an enclosing block */
                ptrvec_push(fwd, bs);
                return;
            }
            break;
        default:
            return;
        }
        TyObject *obj = ptrmap_get(&L->all, PMKEY(name));
        if (obj) {
            obj->flags |= TY_OF_USED;
            ck_record_use(ck, bs->label, obj);
        }
        break;
    }
    case SYN_BLOCK_STMT:
        /* unresolved forward jumps of the nested block become forward jumps
         * of this one */
        block_branches(L, b, lstmt, ((SynBlockStmt *)s)->list, fwd);
        break;
    case SYN_IF_STMT: {
        SynIfStmt *is = (SynIfStmt *)s;
        stmt_branches(L, b, lstmt, &is->then->n, fwd);
        if (is->els)
            stmt_branches(L, b, lstmt, is->els, fwd);
        break;
    }
    case SYN_SWITCH_STMT:
    case SYN_SELECT_STMT: {
        Block inner;
        memset(&inner, 0, sizeof inner);
        inner.parent = b;
        inner.lstmt = lstmt;
        SynList body = s->kind == SYN_SWITCH_STMT ? ((SynSwitchStmt *)s)->body : ((SynSelectStmt *)s)->body;
        for (uint32_t i = 0; i < body.len; i++) {
            SynNode *c = body.items[i];
            SynList l = c->kind == SYN_CASE_CLAUSE ? ((SynCaseClause *)c)->body : ((SynCommClause *)c)->body;
            block_branches(L, &inner, NULL, l, fwd);
        }
        ptrvec_free(&inner.labels);
        break;
    }
    case SYN_FOR_STMT:
        stmt_branches(L, b, lstmt, &((SynForStmt *)s)->body->n, fwd);
        break;
    default:
        break;
    }
}

/* Processes a block's statements; the block's unresolved forward jumps are
 * appended to out. */
static void block_branches(Labels *L, Block *parent, SynLabeledStmt *lstmt, SynList list, PtrVec *out)
{
    Block b;
    memset(&b, 0, sizeof b);
    b.parent = parent;
    b.lstmt = lstmt;
    PtrVec fwd = {0};
    for (uint32_t i = 0; i < list.len; i++)
        stmt_branches(L, &b, NULL, list.items[i], &fwd);
    for (uint32_t i = 0; i < fwd.len; i++)
        ptrvec_push(out, fwd.data[i]);
    ptrvec_free(&fwd);
    ptrvec_free(&b.labels);
}

void ck_labels(Checker *ck, SynBlockStmt *body)
{
    Labels L;
    memset(&L, 0, sizeof L);
    L.ck = ck;
    PtrVec fwd = {0};
    block_branches(&L, NULL, NULL, body->list, &fwd);
    /* gotos left over jump into blocks or to undeclared labels: the parser
     * reported them */
    ptrvec_free(&fwd);
    ptrmap_free(&L.all);
}
