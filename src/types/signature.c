/*
 * Function types (types2 signature.go): receivers (including generic
 * receivers with their implicit type parameters), type parameters,
 * parameters and results, and the receiver validity check.
 */
#include "check.h"

#include <string.h>

typedef struct ParamList {
    SynName **names;   /* NULL entries for anonymous parameters */
    TyObject **vars;
    uint32_t n;
    bool variadic;
} ParamList;

static ParamList collect_params(Checker *ck, TyVarKind kind, SynList list)
{
    ParamList r;
    memset(&r, 0, sizeof r);
    if (list.len == 0)
        return r;
    r.names = ARENA_ARRAY(&ck->tmp, SynName *, list.len);
    r.vars = ARENA_ARRAY(ck->a, TyObject *, list.len);
    bool named = false, anonymous = false;
    TyType *typ = NULL;
    SynNode *prev = NULL;
    for (uint32_t i = 0; i < list.len; i++) {
        SynField *field = (SynField *)list.items[i];
        SynNode *ftype = field->type;
        /* fields declared together share their type node: check it once */
        if (ftype != prev) {
            prev = ftype;
            if (ftype->kind == SYN_DOTS_TYPE) {
                SynDotsType *t = (SynDotsType *)ftype;
                ftype = t->elem;
                if (kind == TY_PARAM_VAR && i == list.len - 1)
                    r.variadic = true;
                else
                    ck_error(ck, t->n.pos, "invalid syntax tree: invalid use of ...");
            }
            typ = ck_var_type(ck, ftype);
        }
        TyObject *par;
        if (field->name) {
            if (field->name->value->len == 0)
                ck_error(ck, field->name->n.pos, "invalid syntax tree: anonymous parameter");
            par = ty_new_var(ck->env, kind, field->name->n.pos, ck->pkg, field->name->value, typ);
            r.names[r.n] = field->name;
            named = true;
        } else {
            par = ty_new_var(ck->env, kind, field->n.pos, ck->pkg, sym_cstr(ck->syms, ""), typ);
            ck_record_implicit(ck, &field->n, par);
            r.names[r.n] = NULL;
            anonymous = true;
        }
        r.vars[r.n++] = par;
    }
    if (named && anonymous)
        ck_error(ck, list.items[0]->pos, "invalid syntax tree: list contains both named and anonymous parameters");
    if (r.variadic) {
        TyObject *last = r.vars[r.n - 1];
        last->type = ty_new_slice(ck->env, last->type);
        ck_record_type_and_value(ck, ((SynField *)list.items[list.len - 1])->type, TY_MODE_TYPEXPR,
                                 last->type, NULL);
    }
    return r;
}

static void declare_params(Checker *ck, ParamList *l, Pos scopepos)
{
    for (uint32_t i = 0; i < l->n; i++) {
        SynName *name = l->names[i];
        if (name && name->value->len)
            ck_declare(ck, ck->e.scope, name, l->vars[i], scopepos);
    }
}

static TyType *unpointer(TyType *t)
{
    while (t && t->kind == TY_POINTER)
        t = TY_AS(TyPointer, t)->base;
    return t;
}

typedef struct ValidRecvArg {
    SynNode *pos;
    TyObject *recv;
} ValidRecvArg;

static bool is_cgo_type_obj(Checker *ck, TyObject *obj)
{
    if (strncmp(obj->name->name, "_Ctype_", 7) == 0)
        return true;
    SrcFile *f = postab_file(ck->env->pos, obj->pos);
    if (!f)
        return false;
    const char *slash = strrchr(f->name, '/');
    return strncmp(slash ? slash + 1 : f->name, "_cgo_", 5) == 0;
}

static void valid_recv_later(Checker *ck, void *arg)
{
    ValidRecvArg *a = arg;
    bool isptr;
    TyType *rtyp = ty_deref(a->recv->type, &isptr);
    TyType *atyp = ty_unalias(rtyp);
    if (!ty_is_valid(atyp))
        return;
    Pos pos = ck_at(a->pos);
    switch (atyp->kind) {
    case TY_NAMED: {
        TyNamed *T = TY_AS(TyNamed, atyp);
        if (T->obj->pkg != ck->pkg || is_cgo_type_obj(ck, T->obj)) {
            ck_errorf(ck, pos, "cannot define new methods on non-local type %s", ck_tstr(ck, rtyp));
            break;
        }
        const char *cause = NULL;
        TyType *u = ty_under(&T->t);
        if (u->kind == TY_BASIC && TY_AS(TyBasic, u)->bkind == TY_UNSAFE_POINTER)
            cause = "unsafe.Pointer";
        else if (u->kind == TY_POINTER || u->kind == TY_INTERFACE)
            cause = "pointer or interface type";
        if (cause)
            ck_errorf(ck, pos, "invalid receiver type %s (%s)", ck_tstr(ck, rtyp), cause);
        break;
    }
    case TY_BASIC:
        ck_errorf(ck, pos, "cannot define new methods on non-local type %s", ck_tstr(ck, rtyp));
        break;
    default:
        ck_errorf(ck, pos, "invalid receiver type %s", ck_tstr(ck, a->recv->type));
        break;
    }
}

/* Records the receiver type on each parenthesized or pointer layer. */
static void record_parenthesized_recv_types(Checker *ck, SynNode *expr, TyType *typ)
{
    for (;;) {
        ck_record_type_and_value(ck, expr, TY_MODE_TYPEXPR, typ, NULL);
        if (expr->kind == SYN_PAREN_EXPR) {
            expr = ((SynParenExpr *)expr)->x;
        } else if (expr->kind == SYN_OPERATION && expr->op == SYN_MUL && !((SynOperation *)expr)->y) {
            expr = ((SynOperation *)expr)->x;
            if (!typ || typ->kind != TY_POINTER)
                return;
            typ = TY_AS(TyPointer, typ)->base;
        } else {
            return;
        }
    }
}

static TyObject *collect_recv(Checker *ck, SynField *rparam, Pos scopepos, TyTParamList *rparams)
{
    TyEnv *env = ck->env;
    bool rptr;
    SynList rtparams;
    SynNode *rbase = ck_unpack_recv(rparam->type, &rptr, &rtparams, &ck->tmp);
    TyType *recv_type = ty_typ(env, TY_INVALID);
    memset(rparams, 0, sizeof *rparams);

    if (rtparams.len == 0) {
        recv_type = ck_var_type(ck, rparam->type);
        /* an alias of an instantiated generic type cannot get methods */
        TyType *t = unpointer(recv_type);
        while (t && t->kind == TY_ALIAS) {
            TyType *base = unpointer(TY_AS(TyAlias, t)->fromrhs);
            TyNamed *g = base && base->kind == TY_NAMED ? TY_AS(TyNamed, base) : NULL;
            TyAlias *ga = base && base->kind == TY_ALIAS ? TY_AS(TyAlias, base) : NULL;
            if ((g && (g->tparams.len || g->orig->tparams.len)) || (ga && ga->tparams.len)) {
                ck_errorf(ck, ck_at(rbase), "cannot define new methods on instantiated type %s",
                          ck_tstr(ck, base));
                recv_type = ty_typ(env, TY_INVALID);
                break;
            }
            t = base;
        }
    } else {
        /* generic receiver: the type parameters are declared here */
        TyNamed *base_type = NULL;
        const char *cause = NULL;
        TyType *t = ck_generic_type(ck, rbase, &cause);
        if (ty_is_valid(t)) {
            if (t->kind == TY_NAMED)
                base_type = TY_AS(TyNamed, t);
            else if (t->kind == TY_ALIAS)
                ck_errorf(ck, ck_at(rbase), "cannot define new methods on generic alias type %s",
                          ck_tstr(ck, t));
        } else if (cause) {
            ck_errorf(ck, ck_at(rbase), "%s", cause);
        }
        TyTypeParam **tps = ARENA_ARRAY(ck->a, TyTypeParam *, rtparams.len);
        for (uint32_t i = 0; i < rtparams.len; i++) {
            SynNode *arg = rtparams.items[i];
            SynName *par;
            if (arg->kind == SYN_NAME) {
                par = (SynName *)arg;
            } else {
                if (arg->kind != SYN_BAD_EXPR)
                    ck_errorf(ck, ck_at(arg), "receiver type parameter %s must be an identifier",
                              ck_estr(ck, arg));
                par = ARENA_NEW(ck->a, SynName);
                par->n.kind = SYN_NAME;
                par->n.pos = arg->pos;
                par->value = ck->sym_blank;
            }
            TyTypeParam *tpar = ck_declare_type_param(ck, par, scopepos);
            tpar->index = i;
            tps[i] = tpar;
            ck_record_use(ck, par, tpar->obj);
            ck_record_type_and_value(ck, &par->n, TY_MODE_TYPEXPR, &tpar->t, NULL);
        }
        rparams->items = tps;
        rparams->len = rtparams.len;
        if (base_type) {
            TyTParamList btp = base_type->tparams;
            if (rtparams.len == btp.len) {
                /* the receiver's type parameters get the base type's
                 * constraints, renamed */
                TyTypeList targs = {(TyType **)tps, rtparams.len};
                for (uint32_t i = 0; i < rtparams.len; i++) {
                    ck_mono_record_canon(ck, tps[i], btp.items[i]);
                    tps[i]->bound = ty_subst(env, tps[i]->obj->pos, btp.items[i]->bound, btp, targs, NULL);
                }
            } else {
                ck_errorf(ck, ck_at(rbase), "receiver declares %u type parameter%s, but receiver base type declares %u",
                          rtparams.len, rtparams.len == 1 ? "" : "s", btp.len);
            }
            if (!ck_allow_version(ck, 18))
                ck_errorf(ck, ck_at(rbase), "type instantiation requires go1.18 or later");
            TyTypeList targs;
            targs.len = rtparams.len;
            targs.items = ARENA_ARRAY(ck->a, TyType *, rtparams.len);
            for (uint32_t i = 0; i < rtparams.len; i++)
                targs.items[i] = &tps[i]->t;
            recv_type = ck_instantiate(ck, rparam->type->pos, &base_type->t, targs, NULL);
            ck_record_instance(ck, rbase, targs, recv_type);
            if (rptr && ty_is_valid(recv_type))
                recv_type = ty_new_pointer(env, recv_type);
            record_parenthesized_recv_types(ck, rparam->type, recv_type);
        }
    }

    TyObject *recv;
    if (rparam->name && rparam->name->value->len) {
        recv = ty_new_var(env, TY_RECV_VAR, rparam->name->n.pos, ck->pkg, rparam->name->value, recv_type);
    } else {
        recv = ty_new_var(env, TY_RECV_VAR, rparam->n.pos, ck->pkg, sym_cstr(ck->syms, ""), recv_type);
        ck_record_implicit(ck, &rparam->n, recv);
    }
    ValidRecvArg *a = ARENA_NEW(&ck->tmp, ValidRecvArg);
    a->pos = rbase;
    a->recv = recv;
    ck_later(ck, valid_recv_later, a);
    return recv;
}

void ck_func_type(Checker *ck, TySignature *sig, SynField *recv_par, SynList tparams, SynFuncType *ftyp)
{
    TyScope *outer = ck->e.scope;
    ck_open_scope(ck, &ftyp->n, "function");
    ck->e.scope->isfunc = true;
    sig->scope = ck->e.scope;

    TyObject *recv = NULL;
    TyTParamList rparams = {NULL, 0};
    if (recv_par)
        recv = collect_recv(ck, recv_par, ftyp->n.pos, &rparams);
    if (tparams.len)
        ck_collect_type_params(ck, &sig->tparams, tparams);

    ParamList params = collect_params(ck, TY_PARAM_VAR, ftyp->params);
    ParamList results = collect_params(ck, TY_RESULT_VAR, ftyp->results);

    /* all parameters are in scope after the signature */
    Pos scopepos = syn_end_pos(&ftyp->n);
    if (recv && recv->name->len)
        ck_declare(ck, ck->e.scope, recv_par->name, recv, scopepos);
    declare_params(ck, &params, scopepos);
    declare_params(ck, &results, scopepos);

    sig->recv = recv;
    sig->rparams = rparams;
    sig->params = ty_new_tuple(ck->env, params.vars, params.n);
    sig->results = ty_new_tuple(ck->env, results.vars, results.n);
    sig->variadic = params.variadic;
    ck->e.scope = outer;
}
