/*
 * Struct types (types2 struct.go): fields, embedded fields, tags.
 */
#include "check.h"

#include <string.h>

/* The identifier naming an embedded field: T, *T, p.T, T[A] (or NULL). */
static SynName *embedded_field_ident(SynNode *e)
{
    switch (e->kind) {
    case SYN_NAME:
        return (SynName *)e;
    case SYN_OPERATION: {
        SynOperation *op = (SynOperation *)e;
        if (op->n.op == SYN_MUL && !op->y) {
            SynNode *base = op->x;
            /* *T but not **T */
            if (!(base->kind == SYN_OPERATION && base->op == SYN_MUL && !((SynOperation *)base)->y))
                return embedded_field_ident(op->x);
        }
        return NULL;
    }
    case SYN_SELECTOR_EXPR:
        return ((SynSelectorExpr *)e)->sel;
    case SYN_INDEX_EXPR:
        return embedded_field_ident(((SynIndexExpr *)e)->x);
    default:
        return NULL;
    }
}

static const char *field_tag(Checker *ck, SynBasicLit *t)
{
    if (!t || (t->n.flags & SYN_F_BAD))
        return "";
    if (t->n.op == SYN_STRING_LIT) {
        TyConst c = ty_const_from_literal(&ck->tmp, t->value, t->len, TY_LIT_STRING);
        if (ty_const_kind(c) == TY_CONST_STRING) {
            size_t n;
            const char *v = ty_const_string_val(ck->a, c, &n);
            return arena_strndup(ck->a, v, n);
        }
    }
    Buf q = {0};
    buf_quote_go(&q, t->value, t->len);
    ck_errorf(ck, t->n.pos, "invalid syntax tree: incorrect tag syntax: %s", buf_str(&q));
    buf_free(&q);
    return "";
}

typedef struct EmbedArg {
    TyType *typ;
    Pos pos;
} EmbedArg;

static void check_embedded_later(Checker *ck, void *arg)
{
    EmbedArg *a = arg;
    bool isptr;
    TyType *t = ty_deref(a->typ, &isptr);
    TyType *u = ty_under(t);
    if (!u)
        return;
    switch (u->kind) {
    case TY_BASIC:
        if (!ty_is_valid(t))
            return;
        if (TY_AS(TyBasic, u)->bkind == TY_UNSAFE_POINTER)
            ck_error(ck, a->pos, "embedded field type cannot be unsafe.Pointer");
        break;
    case TY_POINTER:
        ck_error(ck, a->pos, "embedded field type cannot be a pointer");
        break;
    case TY_INTERFACE:
        if (ty_is_typeparam(t)) {
            ck_error(ck, a->pos, "embedded field type cannot be a (pointer to a) type parameter");
            break;
        }
        if (isptr)
            ck_error(ck, a->pos, "embedded field type cannot be a pointer to an interface");
        break;
    default:
        break;
    }
}

void ck_struct_type(Checker *ck, TyStruct *styp, SynStructType *e)
{
    TyEnv *env = ck->env;
    uint32_t n = e->fields.len;
    if (n == 0)
        return;
    TyObject **fields = ARENA_ARRAY(ck->a, TyObject *, n);
    const char **tags = NULL;
    uint32_t nf = 0;
    TyType *typ = NULL;
    SynNode *prev = NULL;
    for (uint32_t i = 0; i < n; i++) {
        SynField *f = (SynField *)e->fields.items[i];
        if (i == 0 || f->type != prev) {
            typ = ck_var_type(ck, f->type);
            prev = f->type;
        }
        const char *tag = "";
        if (i < e->tags.len)
            tag = field_tag(ck, (SynBasicLit *)e->tags.items[i]);
        SynName *ident = f->name;
        bool embedded = false;
        Pos embed_pos = NOPOS;
        TyType *ftyp = typ;
        if (!ident) {
            embed_pos = syn_start_pos(f->type);
            ident = embedded_field_ident(f->type);
            embedded = true;
            if (!ident) {
                ck_errorf(ck, embed_pos, "invalid syntax tree: invalid embedded field type %s",
                          ck_estr(ck, f->type));
                ident = ARENA_NEW(ck->a, SynName);
                ident->n.kind = SYN_NAME;
                ident->n.pos = embed_pos;
                ident->value = ck->sym_blank;
                ftyp = ty_typ(env, TY_INVALID);
                tag = "";
            } else {
                EmbedArg *a = ARENA_NEW(&ck->tmp, EmbedArg);
                a->typ = typ;
                a->pos = embed_pos;
                ck_later(ck, check_embedded_later, a);
            }
        }
        if (tag[0] && !tags)
            tags = ARENA_ARRAY(ck->a, const char *, n);
        TyObject *fld = ty_new_var(env, TY_FIELD_VAR, ident->n.pos, ck->pkg, ident->value, ftyp);
        if (embedded)
            fld->flags |= TY_OF_EMBEDDED;
        /* names must be unique (blank fields excepted) */
        TyObject *alt = NULL;
        if (ident->value != ck->sym_blank)
            for (uint32_t k = 0; k < nf; k++)
                if (fields[k]->name == ident->value && ty_same_id(fields[k], fld->pkg, fld->name)) {
                    alt = fields[k];
                    break;
                }
        if (alt) {
            ck_error_alt(ck, ident->n.pos, ck_sprintf(ck, "%s redeclared", ident->value->name), alt);
            continue;
        }
        if (tags)
            tags[nf] = tag;
        fields[nf++] = fld;
        ck_record_def(ck, ident, fld);
    }
    if (tags)
        for (uint32_t k = 0; k < nf; k++)
            if (!tags[k])
                tags[k] = "";
    styp->fields = fields;
    styp->nfields = nf;
    styp->tags = tags;
}
