/* Unit tests of gc's printing of types and IR nodes (src/ir/fmt.c) and of
 * the gc view of types (src/ir/irtype.c).  Types come from two small
 * type-checked packages; nodes are built by hand.  Every expected string
 * is what go1.26's compiler prints (in -m / -m=2 messages, or in -W=2
 * dumps for the debug mode) for the same type or node. */
#include "unit.h"

#include "ir/irfmt.h"
#include "syntax/syntax.h"
#include "types/check.h"

#include <string.h>

static const char q_src[] =
    "package q\n"
    "type R struct{ x int }\n"
    "type S interface{ String() string }\n"
    "type Pos int\n"
    "type Hid struct{ h int; V *int }\n";

static const char p_src[] =
    "package p\n"
    "import \"example.com/q\"\n"
    "import \"unsafe\"\n"
    "type T struct{ x int }\n"
    "func (t *T) M(p *int) {}\n"
    "type I interface { M(int) string; n(); A() }\n"
    "type Box[E any] struct{ v E }\n"
    "type MyInt int\n"
    "type Alias = []int\n"
    "type AnyA = any\n"
    "var (\n"
    "  vT T; vPT *T; vI I; vAny any; vEmpty interface{}; vErr error\n"
    "  vBytes []byte; vUint8s []uint8; vRune rune; vByte byte; vInt int; vInt8 int8\n"
    "  vStr string; vF64 float64; vBool bool; vMyInt MyInt; vUP unsafe.Pointer; vUintptr uintptr\n"
    "  vMap map[rune][]byte; vC chan (<-chan int); vD <-chan chan<- int; vSend chan<- *T\n"
    "  vFn func(int, ...string) (error, bool); vFn1 func(*int) *int; vFn0 func()\n"
    "  vStruct struct { a int; B string `json:\"b\"`; T; *q.R; q.S }\n"
    "  vEmb interface{ q.S; n() }\n"
    "  vBoxT Box[*T]; vBoxB Box[[]byte]; vBoxAny Box[any]; vBoxR Box[rune]; vBoxBox Box[Box[int]]\n"
    "  vQR q.R; vQPos q.Pos; vQHid struct{ q.Hid; y int }\n"
    "  vAlias Alias; vAnyA AnyA; vArr [4]*int; vArr0 [0]*int; vPArr *[4]int\n"
    "  vEmptyStruct struct{}; vStructNoPtr struct{ a, b int }; vStructPtr struct{ a int; p *int }\n"
    "  vFnPtr *func(); vIfaceM interface{ M() }\n"
    ")\n"
    "func named() (a int, err error) { return 0, nil }\n"
    "func two() (*int, int) { return nil, 0 }\n"
    "func loc() { type L1 struct{}; type A1 = int; var _ Box[L1]; _ = A1(0)\n"
    "  f := func() { type L2 struct{}; var x Box[L2]; _ = x }; _ = f }\n"
    "var gl = func() int { type L3 int; return int(L3(1)) }()\n";

typedef struct World {
    SymTab syms;
    PosTab pos;
    TyEnv *env;
    Arena arena; /* syntax trees */
    Diags diags;
    TyPackage *q, *p;
    IrProgram prog;
    Buf b;
    bool ok;
} World;

static TyPackage *importer(void *ud, const char *path)
{
    World *w = ud;
    return strcmp(path, "example.com/q") == 0 ? w->q : NULL;
}

static TyPackage *check(World *w, const char *name, const char *path, const char *src)
{
    SrcFile *f = postab_add(&w->pos, name, src, (uint32_t)strlen(src));
    SynCtx ctx = {&w->arena, &w->syms, &w->pos, &w->diags, SYN_CHECK_BRANCHES, false, false, false};
    SynFile *sf = syn_parse_file(&ctx, f, NULL);
    TyConfig conf;
    memset(&conf, 0, sizeof conf);
    conf.goversion = "go1.26";
    conf.diags = &w->diags;
    conf.importer = importer;
    conf.importer_ud = w;
    conf.record = true;
    uint32_t nerr = 0;
    TyPackage *pkg = ty_check_package(w->env, &conf, path, &sf, 1, &nerr);
    if (nerr || w->diags.len)
        w->ok = false;
    return pkg;
}

static void world_init(World *w)
{
    memset(w, 0, sizeof *w);
    w->ok = true;
    symtab_init(&w->syms);
    postab_init(&w->pos);
    arena_init(&w->arena);
    w->env = ty_env_new(&w->syms, &w->pos, "amd64");
    w->q = check(w, "q.go", "example.com/q", q_src);
    w->p = check(w, "p.go", "p", p_src);
    ir_program_init(&w->prog, w->env, &w->pos, &w->syms, &w->diags);
}

static void world_free(World *w)
{
    buf_free(&w->b);
    ir_program_free(&w->prog);
    diags_free(&w->diags);
    ty_env_free(w->env);
    arena_free(&w->arena);
    postab_free(&w->pos);
    symtab_free(&w->syms);
}

static TyObject *obj(World *w, TyPackage *pkg, const char *name)
{
    return ty_scope_lookup(pkg->scope, sym_cstr(&w->syms, name));
}

static TyType *vt(World *w, const char *var) { return obj(w, w->p, var)->type; }

static const char *tstr(World *w, TyType *t, IrFmtMode mode)
{
    buf_reset(&w->b);
    irfmt_type(&w->b, &w->prog, w->p, t, 0, mode);
    return buf_str(&w->b);
}

/* the scope below s that declares name */
static TyScope *find_scope(TyScope *s, const Sym *name)
{
    if (ty_scope_lookup(s, name))
        return s;
    for (uint32_t i = 0; i < s->nchildren; i++) {
        TyScope *r = find_scope(s->children[i], name);
        if (r)
            return r;
    }
    return NULL;
}

#define CHECK_T(var, mode, want) CHECK_STR(tstr(&w, vt(&w, var), mode), want)

UNIT_TEST(types_go)
{
    World w;
    world_init(&w);
    CHECK(w.ok);
    if (!w.ok) {
        world_free(&w);
        return;
    }
    CHECK_T("vT", IR_FMT_GO, "T");
    CHECK_T("vPT", IR_FMT_GO, "*T");
    CHECK_T("vI", IR_FMT_GO, "I");
    CHECK_T("vAny", IR_FMT_GO, "any");
    CHECK_T("vEmpty", IR_FMT_GO, "interface {}");
    CHECK_T("vErr", IR_FMT_GO, "error");
    CHECK_T("vBytes", IR_FMT_GO, "[]byte");
    CHECK_T("vUint8s", IR_FMT_GO, "[]uint8");
    CHECK_T("vRune", IR_FMT_GO, "rune");
    CHECK_T("vUP", IR_FMT_GO, "unsafe.Pointer");
    CHECK_T("vMap", IR_FMT_GO, "map[rune][]byte");
    CHECK_T("vC", IR_FMT_GO, "chan (<-chan int)");
    CHECK_T("vD", IR_FMT_GO, "<-chan chan<- int");
    CHECK_T("vSend", IR_FMT_GO, "chan<- *T");
    CHECK_T("vFn", IR_FMT_GO, "func(int, ...string) (error, bool)");
    CHECK_T("vFn1", IR_FMT_GO, "func(*int) *int");
    CHECK_T("vFn0", IR_FMT_GO, "func()");
    CHECK_T("vStruct", IR_FMT_GO, "struct { a int; B string \"json:\\\"b\\\"\"; T; *q.R; q.S }");
    /* an unexported method turns the rest into link-string form */
    CHECK_T("vEmb", IR_FMT_GO, "interface { String() string; p.n() }");
    CHECK_T("vBoxT", IR_FMT_GO, "Box[*p.T]");
    CHECK_T("vBoxB", IR_FMT_GO, "Box[[]uint8]");
    CHECK_T("vBoxAny", IR_FMT_GO, "Box[interface {}]");
    CHECK_T("vBoxR", IR_FMT_GO, "Box[int32]");
    CHECK_T("vBoxBox", IR_FMT_GO, "Box[p.Box[int]]");
    CHECK_T("vQR", IR_FMT_GO, "q.R");
    CHECK_T("vQPos", IR_FMT_GO, "q.Pos");
    CHECK_T("vQHid", IR_FMT_GO, "struct { q.Hid; y int }");
    CHECK_T("vAlias", IR_FMT_GO, "[]int");
    CHECK_T("vAnyA", IR_FMT_GO, "any");
    CHECK_T("vArr", IR_FMT_GO, "[4]*int");
    CHECK_T("vEmptyStruct", IR_FMT_GO, "struct {}");
    /* interface methods are sorted: exported first */
    CHECK_STR(tstr(&w, ty_under(vt(&w, "vI")), IR_FMT_GO), "interface { A(); M(int) string; p.n() }");
    /* a struct of an imported package: its unexported fields qualified */
    CHECK_STR(tstr(&w, ty_under(vt(&w, "vQR")), IR_FMT_GO), "struct { q.x int }");
    /* results of a multi-value call: gc's funarg struct */
    TySignature *named = TY_AS(TySignature, obj(&w, w.p, "named")->type);
    CHECK_STR(tstr(&w, &named->results->t, IR_FMT_GO), "struct { a int; err error }");
    TySignature *two = TY_AS(TySignature, obj(&w, w.p, "two")->type);
    CHECK_STR(tstr(&w, &two->results->t, IR_FMT_GO), "struct { *int; int }");
    CHECK_STR(tstr(&w, &two->t, IR_FMT_GO), "func() (*int, int)");
    world_free(&w);
}

UNIT_TEST(types_debug_and_link)
{
    World w;
    world_init(&w);
    CHECK(w.ok);
    if (!w.ok) {
        world_free(&w);
        return;
    }
    /* -W dumps: KIND- prefix for unnamed types, names always qualified */
    CHECK_T("vT", IR_FMT_DEBUG, "p.T");
    CHECK_T("vPT", IR_FMT_DEBUG, "PTR-*T");
    CHECK_T("vInt", IR_FMT_DEBUG, "int");
    CHECK_T("vAny", IR_FMT_DEBUG, "any");
    CHECK_T("vEmpty", IR_FMT_DEBUG, "INTER-interface {}");
    CHECK_T("vErr", IR_FMT_DEBUG, "error");
    CHECK_T("vUP", IR_FMT_DEBUG, "UNSAFEPTR-unsafe.Pointer");
    CHECK_T("vBytes", IR_FMT_DEBUG, "SLICE-[]byte");
    CHECK_T("vMap", IR_FMT_DEBUG, "MAP-map[rune][]byte");
    CHECK_T("vC", IR_FMT_DEBUG, "CHAN-chan (<-chan int)");
    CHECK_T("vFn", IR_FMT_DEBUG, "FUNC-func(int, ...string) (error, bool)");
    CHECK_T("vBoxT", IR_FMT_DEBUG, "p.Box[*p.T]");
    CHECK_T("vQPos", IR_FMT_DEBUG, "q.Pos");
    CHECK_T("vArr", IR_FMT_DEBUG, "ARRAY-[4]*int");
    CHECK_T("vStruct", IR_FMT_DEBUG, "STRUCT-struct { a int; B string \"json:\\\"b\\\"\"; T; *q.R; q.S }");
    /* a method's type and an interface method's (gc's fake receiver) */
    TyObject *m = ty_named_method(w.env, TY_AS(TyNamed, vt(&w, "vT")), 0);
    CHECK_STR(tstr(&w, m->type, IR_FMT_DEBUG), "FUNC-method(*T) func(*int)");
    TyTypeSet *ts = ty_interface_typeset(w.env, TY_AS(TyInterface, ty_under(vt(&w, "vI"))));
    CHECK_STR(tstr(&w, ty_typeset_method(ts, 1)->type, IR_FMT_DEBUG), "FUNC-method(*struct {}) func(int) string");
    /* LinkString: type arguments of instantiated names, wrapper names */
    CHECK_T("vPT", IR_FMT_TYPEID, "*p.T");
    CHECK_T("vBytes", IR_FMT_TYPEID, "[]uint8");
    CHECK_T("vRune", IR_FMT_TYPEID, "int32");
    CHECK_T("vAny", IR_FMT_TYPEID, "interface {}");
    CHECK_T("vQR", IR_FMT_TYPEID, "example.com/q.R");
    CHECK_T("vStruct", IR_FMT_TYPEID, "struct { p.a int; B string \"json:\\\"b\\\"\"; p.T; *example.com/q.R; example.com/q.S }");
    CHECK_T("vBoxBox", IR_FMT_TYPEID, "p.Box[p.Box[int]]");
    /* function-local types: ·N in link strings only */
    TyScope *fs = find_scope(w.p->scope, sym_cstr(&w.syms, "L1"));
    CHECK(fs != NULL);
    if (fs) {
        TyType *l1 = ty_scope_lookup(fs, sym_cstr(&w.syms, "L1"))->type;
        CHECK_STR(tstr(&w, l1, IR_FMT_TYPEID), "p.L1\xc2\xb7" "1");
        CHECK_STR(tstr(&w, l1, IR_FMT_GO), "L1");
        CHECK_STR(tstr(&w, l1, IR_FMT_DEBUG), "p.L1");
    }
    TyScope *fs2 = find_scope(w.p->scope, sym_cstr(&w.syms, "L2"));
    TyScope *fs3 = find_scope(w.p->scope, sym_cstr(&w.syms, "L3"));
    CHECK(fs2 && fs3);
    if (fs2 && fs3) {
        CHECK_STR(tstr(&w, ty_scope_lookup(fs2, sym_cstr(&w.syms, "L2"))->type, IR_FMT_TYPEID), "p.L2\xc2\xb7" "2");
        CHECK_STR(tstr(&w, ty_scope_lookup(fs3, sym_cstr(&w.syms, "L3"))->type, IR_FMT_TYPEID), "p.L3\xc2\xb7" "3");
    }
    world_free(&w);
}

UNIT_TEST(path_prefix)
{
    Buf b = {0};
    irfmt_path_prefix(&b, "example.com/foo.bar");
    CHECK_STR(buf_str(&b), "example.com/foo%2ebar");
    buf_reset(&b);
    irfmt_path_prefix(&b, "a.b/c%d\"e");
    CHECK_STR(buf_str(&b), "a.b/c%25d%22e");
    buf_reset(&b);
    irfmt_path_prefix(&b, "go.shape");
    CHECK_STR(buf_str(&b), "go.shape");
    buf_reset(&b);
    irfmt_path_prefix(&b, "gopkg.in/yaml.v3");
    CHECK_STR(buf_str(&b), "gopkg.in/yaml%2ev3");
    buf_free(&b);
}

UNIT_TEST(type_props)
{
    World w;
    world_init(&w);
    CHECK(w.ok);
    if (!w.ok) {
        world_free(&w);
        return;
    }
    TyEnv *env = w.env;
    CHECK(!ir_type_has_pointers(vt(&w, "vInt")));
    CHECK(ir_type_has_pointers(vt(&w, "vStr")));
    CHECK(ir_type_has_pointers(vt(&w, "vUP")));
    CHECK(!ir_type_has_pointers(vt(&w, "vUintptr")));
    CHECK(ir_type_has_pointers(vt(&w, "vArr")));
    CHECK(!ir_type_has_pointers(vt(&w, "vArr0")));
    CHECK(!ir_type_has_pointers(vt(&w, "vStructNoPtr")));
    CHECK(ir_type_has_pointers(vt(&w, "vStructPtr")));
    CHECK(ir_type_has_pointers(vt(&w, "vMap")));
    CHECK(ir_type_has_pointers(vt(&w, "vFn0")));
    CHECK(!ir_type_has_pointers(vt(&w, "vEmptyStruct")));
    CHECK(!ir_type_has_pointers(vt(&w, "vT")));
    /* direct interface: exactly one pointer word */
    CHECK(ir_type_is_direct_iface(env, vt(&w, "vPT")));
    CHECK(ir_type_is_direct_iface(env, vt(&w, "vMap")));
    CHECK(ir_type_is_direct_iface(env, vt(&w, "vFn0")));
    CHECK(ir_type_is_direct_iface(env, vt(&w, "vUP")));
    CHECK(ir_type_is_direct_iface(env, vt(&w, "vFnPtr")));
    CHECK(!ir_type_is_direct_iface(env, vt(&w, "vInt")));
    CHECK(!ir_type_is_direct_iface(env, vt(&w, "vStr")));
    CHECK(!ir_type_is_direct_iface(env, vt(&w, "vBytes")));
    CHECK(!ir_type_is_direct_iface(env, vt(&w, "vStructPtr")));
    CHECK(!ir_type_is_direct_iface(env, vt(&w, "vIfaceM")));
    CHECK_INT(ir_type_size(env, vt(&w, "vStructPtr")), 16);
    CHECK_INT(ir_type_align(env, vt(&w, "vInt8")), 1);
    CHECK_INT(ir_type_size(env, vt(&w, "vPArr")), 8);
    CHECK(!ir_type_not_in_heap(vt(&w, "vT")));
    world_free(&w);
}

/* ---- nodes ----------------------------------------------------------------------- */

typedef struct NB {
    World *w;
    IrProgram *p;
} NB;

static IrNode *N(NB *nb, IrOp op, TyType *t) { return ir_new(nb->p, op, NOPOS, t); }

static IrNode *name_of(NB *nb, const char *name, TyType *t, TyObject *o)
{
    IrName *n = ir_new_name(nb->p, NOPOS, sym_cstr(&nb->w->syms, name), IR_PAUTO, t);
    n->obj = o;
    return &n->n;
}

static IrNode *gvar(NB *nb, const char *var) { return name_of(nb, var, vt(nb->w, var), obj(nb->w, nb->w->p, var)); }

static IrNode *un(NB *nb, IrOp op, TyType *t, IrNode *x)
{
    IrNode *n = N(nb, op, t);
    n->x = x;
    return n;
}

static IrNode *bin(NB *nb, IrOp op, TyType *t, IrNode *x, IrNode *y)
{
    IrNode *n = N(nb, op, t);
    n->x = x;
    n->y = y;
    return n;
}

static IrNode *lit(NB *nb, TyType *t, TyConst v)
{
    IrNode *n = N(nb, IR_OLITERAL, t);
    n->val = v;
    return n;
}

static IrNode *implicit(IrNode *n)
{
    n->flags |= IR_F_IMPLICIT;
    return n;
}

static const char *nstr(World *w, const IrNode *n)
{
    buf_reset(&w->b);
    ir_fmt_node(&w->b, &w->prog, w->p, n);
    return buf_str(&w->b);
}

UNIT_TEST(nodes_expr)
{
    World w;
    world_init(&w);
    CHECK(w.ok);
    if (!w.ok) {
        world_free(&w);
        return;
    }
    NB nb = {&w, &w.prog};
    TyEnv *env = w.env;
    Arena *a = &w.prog.arena;
    TyType *tint = ty_typ(env, TY_INT), *tbool = ty_typ(env, TY_BOOL);
    IrNode *x = gvar(&nb, "vInt"), *s = gvar(&nb, "vStr"), *pt = gvar(&nb, "vPT");

    /* literals: default types bare, others T(v); runes quoted */
    CHECK_STR(nstr(&w, lit(&nb, tint, ty_const_int64(3))), "3");
    CHECK_STR(nstr(&w, lit(&nb, ty_typ(env, TY_INT8), ty_const_int64(3))), "int8(3)");
    CHECK_STR(nstr(&w, lit(&nb, vt(&w, "vMyInt"), ty_const_int64(5))), "MyInt(5)");
    CHECK_STR(nstr(&w, lit(&nb, ty_typ(env, TY_RUNE), ty_const_int64('x'))), "'x'");
    CHECK_STR(nstr(&w, lit(&nb, ty_typ(env, TY_UNTYPED_RUNE), ty_const_int64('\n'))), "'\\n'");
    CHECK_STR(nstr(&w, lit(&nb, ty_typ(env, TY_BYTE), ty_const_int64('a'))), "byte(97)");
    CHECK_STR(nstr(&w, lit(&nb, ty_typ(env, TY_UNTYPED_INT), ty_const_int64(0))), "0");
    CHECK_STR(nstr(&w, lit(&nb, ty_typ(env, TY_FLOAT64), ty_const_float64(a, 1.5))), "1.5");
    CHECK_STR(nstr(&w, lit(&nb, ty_typ(env, TY_FLOAT32), ty_const_float64(a, 0.25))), "float32(0.25)");
    CHECK_STR(nstr(&w, lit(&nb, tbool, ty_const_bool(true))), "true");
    const char *longs = "a very long string constant that goes on and on and on beyond seventy-two characters";
    CHECK_STR(nstr(&w, lit(&nb, ty_typ(env, TY_STRING), ty_const_string(a, longs, strlen(longs)))),
              "\"a very long string constant that goes on and on and on beyond sevent...");
    CHECK_STR(nstr(&w, lit(&nb, ty_typ(env, TY_STRING), ty_const_string(a, "q\"\n", 3))), "\"q\\\"\\n\"");
    CHECK_STR(nstr(&w, N(&nb, IR_ONIL, vt(&w, "vPT"))), "nil");

    /* implicit conversions, & and * are skipped */
    IrNode *conv = implicit(un(&nb, IR_OCONVIFACE, vt(&w, "vAny"), x));
    CHECK_STR(nstr(&w, conv), "vInt");
    CHECK_STR(nstr(&w, un(&nb, IR_OCONVIFACE, vt(&w, "vAny"), x)), "any(vInt)");
    CHECK_STR(nstr(&w, un(&nb, IR_OCONVIFACE, vt(&w, "vEmpty"), x)), "(interface {})(vInt)");
    CHECK_STR(nstr(&w, un(&nb, IR_OSTR2BYTES, vt(&w, "vBytes"), s)), "([]byte)(vStr)");
    CHECK_STR(nstr(&w, un(&nb, IR_ORUNESTR, ty_typ(env, TY_STRING), x)), "string(vInt)");
    CHECK_STR(nstr(&w, un(&nb, IR_OCONV, vt(&w, "vMyInt"), x)), "MyInt(vInt)");
    CHECK_STR(nstr(&w, un(&nb, IR_OCONVNOP, vt(&w, "vUP"), pt)), "unsafe.Pointer(vPT)");
    CHECK_STR(nstr(&w, un(&nb, IR_OCONVNOP, vt(&w, "vAlias"), x)), "([]int)(vInt)");

    /* operators with gc's precedence */
    IrNode *neg = un(&nb, IR_ONEG, tint, x);
    /* a unary operand of a unary operator is parenthesized (and the same
     * operator also gets a space): gc prints - (-x), ^(-x), *(*p) */
    CHECK_STR(nstr(&w, un(&nb, IR_ONEG, tint, neg)), "- (-vInt)");
    CHECK_STR(nstr(&w, un(&nb, IR_OBITNOT, tint, neg)), "^(-vInt)");
    CHECK_STR(nstr(&w, un(&nb, IR_ODEREF, tint, un(&nb, IR_ODEREF, vt(&w, "vPT"), gvar(&nb, "vPT")))), "*(*vPT)");
    IrNode *sum = bin(&nb, IR_OADD, tint, x, x);
    CHECK_STR(nstr(&w, bin(&nb, IR_OMUL, tint, sum, lit(&nb, tint, ty_const_int64(2)))), "(vInt + vInt) * 2");
    CHECK_STR(nstr(&w, bin(&nb, IR_OSUB, tint, x, sum)), "vInt - (vInt + vInt)");
    IrNode *cmp = bin(&nb, IR_OGT, tbool, x, lit(&nb, tint, ty_const_int64(1)));
    IrNode *ok = gvar(&nb, "vBool");
    IrNode *andand = bin(&nb, IR_OANDAND, tbool, un(&nb, IR_ONOT, tbool, ok), ok);
    CHECK_STR(nstr(&w, bin(&nb, IR_OOROR, tbool, andand, cmp)), "!vBool && vBool || vInt > 1");
    IrNode *addr = un(&nb, IR_OADDR, vt(&w, "vPT"), gvar(&nb, "vT"));
    CHECK_STR(nstr(&w, addr), "&vT");
    CHECK_STR(nstr(&w, un(&nb, IR_ODEREF, vt(&w, "vT"), pt)), "*vPT");
    CHECK_STR(nstr(&w, un(&nb, IR_OADDR, NULL, un(&nb, IR_OADDR, NULL, x))), "& (&vInt)");

    /* selectors, method expressions, indexing, slicing, assertions */
    IrNode *dot = un(&nb, IR_ODOTPTR, tint, pt);
    dot->sym = TY_AS(TyStruct, ty_under(vt(&w, "vT")))->fields[0];
    CHECK_STR(nstr(&w, dot), "vPT.x");
    IrNode *deref_dot = un(&nb, IR_ODOT, tint, implicit(un(&nb, IR_ODEREF, vt(&w, "vT"), pt)));
    deref_dot->sym = dot->sym;
    CHECK_STR(nstr(&w, deref_dot), "vPT.x");
    TyObject *meth = ty_named_method(env, TY_AS(TyNamed, vt(&w, "vT")), 0);
    IrNode *mexpr = un(&nb, IR_OMETHEXPR, NULL, N(&nb, IR_OTYPE, vt(&w, "vPT")));
    mexpr->sym = meth;
    CHECK_STR(nstr(&w, mexpr), "(*T).M");
    IrNode *call = un(&nb, IR_OCALLFUNC, NULL, mexpr);
    ir_list_push(&w.prog, &call->list, implicit(un(&nb, IR_OADDR, vt(&w, "vPT"), gvar(&nb, "vT"))));
    ir_list_push(&w.prog, &call->list, N(&nb, IR_ONIL, NULL));
    CHECK_STR(nstr(&w, call), "(*T).M(vT, nil)");
    IrNode *mexprT = un(&nb, IR_OMETHEXPR, NULL, N(&nb, IR_OTYPE, vt(&w, "vT")));
    mexprT->sym = meth;
    CHECK_STR(nstr(&w, mexprT), "T.M");
    IrNode *idx = bin(&nb, IR_OINDEXMAP, tint, gvar(&nb, "vMap"), lit(&nb, ty_typ(env, TY_RUNE), ty_const_int64('k')));
    CHECK_STR(nstr(&w, idx), "vMap['k']");
    IrNode *sl = un(&nb, IR_OSLICE, vt(&w, "vBytes"), gvar(&nb, "vBytes"));
    ir_list_push(&w.prog, &sl->list, lit(&nb, tint, ty_const_int64(1)));
    ir_list_push(&w.prog, &sl->list, NULL);
    ir_list_push(&w.prog, &sl->list, NULL);
    CHECK_STR(nstr(&w, sl), "vBytes[1:]");
    IrNode *sl3 = un(&nb, IR_OSLICE3, vt(&w, "vBytes"), gvar(&nb, "vBytes"));
    ir_list_push(&w.prog, &sl3->list, NULL);
    ir_list_push(&w.prog, &sl3->list, x);
    ir_list_push(&w.prog, &sl3->list, lit(&nb, tint, ty_const_int64(10)));
    CHECK_STR(nstr(&w, sl3), "vBytes[:vInt:10]");
    CHECK_STR(nstr(&w, un(&nb, IR_ODOTTYPE, vt(&w, "vPT"), gvar(&nb, "vAny"))), "vAny.(*T)");
    IrNode *ptrlit = un(&nb, IR_OPTRLIT, vt(&w, "vPT"), N(&nb, IR_OSTRUCTLIT, vt(&w, "vT")));
    CHECK_STR(nstr(&w, ptrlit), "&T{}");
    /* an operand of lower precedence than a selector gets parentheses */
    IrNode *selOfLit = un(&nb, IR_ODOTPTR, tint, ptrlit);
    selOfLit->sym = dot->sym;
    CHECK_STR(nstr(&w, selOfLit), "(&T{}).x");

    /* composite literals, the variadic slice, closures, builtins */
    IrNode *slit = N(&nb, IR_OSLICELIT, vt(&w, "vUint8s"));
    ir_list_push(&w.prog, &slit->list, x);
    CHECK_STR(nstr(&w, slit), "[]uint8{...}");
    CHECK_STR(nstr(&w, N(&nb, IR_OMAPLIT, vt(&w, "vMap"))), "map[rune][]byte{}");
    CHECK_STR(nstr(&w, implicit(N(&nb, IR_OSLICELIT, vt(&w, "vUint8s")))), "... argument");
    IrNode *clo = N(&nb, IR_OCLOSURE, vt(&w, "vFn0"));
    CHECK_STR(nstr(&w, clo), "func literal");
    CHECK_STR(nstr(&w, un(&nb, IR_OCALLFUNC, NULL, clo)), "(func literal)()");
    IrNode *vcall = un(&nb, IR_OCALLFUNC, NULL, gvar(&nb, "vFn"));
    ir_list_push(&w.prog, &vcall->list, x);
    ir_list_push(&w.prog, &vcall->list, implicit(N(&nb, IR_OSLICELIT, vt(&w, "vUint8s"))));
    vcall->flags |= IR_F_ISDDD;
    CHECK_STR(nstr(&w, vcall), "vFn(vInt, ... argument...)");
    IrNode *nw = un(&nb, IR_ONEW, vt(&w, "vPT"), N(&nb, IR_OTYPE, tint));
    CHECK_STR(nstr(&w, nw), "new(int)");
    CHECK_STR(nstr(&w, N(&nb, IR_ONEW, vt(&w, "vPT"))), "new(T)");
    IrNode *mk = un(&nb, IR_OMAKEMAP, vt(&w, "vMap"), lit(&nb, ty_typ(env, TY_UNTYPED_INT), ty_const_int64(0)));
    CHECK_STR(nstr(&w, mk), "make(map[rune][]byte)");
    mk->x = x;
    CHECK_STR(nstr(&w, mk), "make(map[rune][]byte, vInt)");
    IrNode *ms = bin(&nb, IR_OMAKESLICE, vt(&w, "vBytes"), lit(&nb, tint, ty_const_int64(1)), lit(&nb, tint, ty_const_int64(10)));
    CHECK_STR(nstr(&w, ms), "make([]byte, 1, 10)");
    ms->y = NULL;
    CHECK_STR(nstr(&w, ms), "make([]byte, 1)");
    IrNode *app = N(&nb, IR_OAPPEND, vt(&w, "vBytes"));
    ir_list_push(&w.prog, &app->list, gvar(&nb, "vBytes"));
    ir_list_push(&w.prog, &app->list, s);
    app->flags |= IR_F_ISDDD;
    CHECK_STR(nstr(&w, app), "append(vBytes, vStr...)");
    CHECK_STR(nstr(&w, un(&nb, IR_OLEN, tint, s)), "len(vStr)");
    CHECK_STR(nstr(&w, bin(&nb, IR_OUNSAFEADD, vt(&w, "vUP"), gvar(&nb, "vUP"), x)), "unsafe.Add(vUP, vInt)");
    CHECK_STR(nstr(&w, bin(&nb, IR_OUNSAFESTRING, ty_typ(env, TY_STRING), gvar(&nb, "vUP"), x)), "<node unsafe.String>");
    CHECK_STR(nstr(&w, N(&nb, IR_ODYNAMICDOTTYPE, tint)), "<node DYNAMICDOTTYPE>");
    IrNode *adds = N(&nb, IR_OADDSTR, ty_typ(env, TY_STRING));
    ir_list_push(&w.prog, &adds->list, s);
    ir_list_push(&w.prog, &adds->list, lit(&nb, ty_typ(env, TY_STRING), ty_const_string(a, "x", 1)));
    ir_list_push(&w.prog, &adds->list, s);
    CHECK_STR(nstr(&w, adds), "vStr + \"x\" + vStr");
    CHECK_STR(nstr(&w, un(&nb, IR_ORECV, tint, gvar(&nb, "vC"))), "<-vC");

    /* names: another package's objects are qualified; blanks as _ */
    IrNode *qname = name_of(&nb, "x", tint, TY_AS(TyStruct, ty_under(vt(&w, "vQR")))->fields[0]);
    CHECK_STR(nstr(&w, qname), "q.x");
    CHECK_STR(nstr(&w, name_of(&nb, "~b1", tint, NULL)), "_");
    CHECK_STR(nstr(&w, name_of(&nb, ".autotmp_3", tint, NULL)), ".autotmp_3");
    world_free(&w);
}

UNIT_TEST(nodes_stmt)
{
    World w;
    world_init(&w);
    CHECK(w.ok);
    if (!w.ok) {
        world_free(&w);
        return;
    }
    NB nb = {&w, &w.prog};
    TyEnv *env = w.env;
    TyType *tint = ty_typ(env, TY_INT), *tbool = ty_typ(env, TY_BOOL);
    IrNode *x = gvar(&nb, "vInt"), *pt = gvar(&nb, "vPT"), *any = gvar(&nb, "vAny");

    IrNode *as = bin(&nb, IR_OAS, NULL, any, implicit(un(&nb, IR_OCONVIFACE, vt(&w, "vAny"), un(&nb, IR_OADDR, vt(&w, "vPT"), gvar(&nb, "vT")))));
    CHECK_STR(nstr(&w, as), "vAny = &vT");
    as->flags |= IR_F_DEF;
    CHECK_STR(nstr(&w, as), "vAny := &vT");
    CHECK_STR(nstr(&w, bin(&nb, IR_OAS, NULL, x, NULL)), "vInt = <nil>");
    IrNode *as2 = N(&nb, IR_OAS2FUNC, NULL);
    ir_list_push(&w.prog, &as2->list, x);
    ir_list_push(&w.prog, &as2->list, pt);
    ir_list_push(&w.prog, &as2->rlist, un(&nb, IR_OCALLFUNC, NULL, gvar(&nb, "vFn0")));
    as2->flags |= IR_F_DEF;
    CHECK_STR(nstr(&w, as2), "vInt, vPT := vFn0()");
    IrNode *inc = bin(&nb, IR_OASOP, NULL, x, lit(&nb, tint, ty_const_int64(1)));
    inc->aux = IR_OADD;
    inc->flags |= IR_F_INCDEC;
    CHECK_STR(nstr(&w, inc), "vInt++");
    inc->aux = IR_OSUB;
    CHECK_STR(nstr(&w, inc), "vInt--");
    inc->flags &= (uint16_t)~IR_F_INCDEC;
    inc->aux = IR_OLSH;
    CHECK_STR(nstr(&w, inc), "vInt <<= 1");
    IrNode *ret = N(&nb, IR_ORETURN, NULL);
    CHECK_STR(nstr(&w, ret), "return ");
    ir_list_push(&w.prog, &ret->list, x);
    ir_list_push(&w.prog, &ret->list, un(&nb, IR_OADDR, NULL, x));
    CHECK_STR(nstr(&w, ret), "return vInt, &vInt");
    IrNode *call = un(&nb, IR_OCALLFUNC, NULL, gvar(&nb, "vFn0"));
    CHECK_STR(nstr(&w, un(&nb, IR_OGO, NULL, call)), "go vFn0()");
    CHECK_STR(nstr(&w, un(&nb, IR_ODEFER, NULL, call)), "defer vFn0()");
    IrNode *ifs = un(&nb, IR_OIF, NULL, bin(&nb, IR_OGT, tbool, x, lit(&nb, tint, ty_const_int64(0))));
    ir_list_push(&w.prog, &ifs->body, bin(&nb, IR_OAS, NULL, any, implicit(un(&nb, IR_OCONVIFACE, NULL, pt))));
    CHECK_STR(nstr(&w, ifs), "if vInt > 0 { vAny = vPT }");
    ir_list_push(&w.prog, &ifs->els, ret);
    ir_list_push(&w.prog, &ifs->init, bin(&nb, IR_OAS, NULL, x, lit(&nb, tint, ty_const_int64(2))));
    CHECK_STR(nstr(&w, ifs), "if vInt = 2; vInt > 0 { vAny = vPT } else { return vInt, &vInt }");
    CHECK_STR(nstr(&w, N(&nb, IR_OFOR, NULL)), "for loop");
    CHECK_STR(nstr(&w, N(&nb, IR_ORANGE, NULL)), "for loop");
    CHECK_STR(nstr(&w, N(&nb, IR_OSWITCH, NULL)), "switch statement");
    CHECK_STR(nstr(&w, N(&nb, IR_OSELECT, NULL)), "select statement");
    IrNode *cas = N(&nb, IR_OCASE, NULL);
    ir_list_push(&w.prog, &cas->list, N(&nb, IR_OTYPE, vt(&w, "vPT")));
    ir_list_push(&w.prog, &cas->body, bin(&nb, IR_OAS, NULL, any, pt));
    CHECK_STR(nstr(&w, cas), "case *T: vAny = vPT");
    CHECK_STR(nstr(&w, N(&nb, IR_OCASE, NULL)), "default: ");
    IrNode *dcl = un(&nb, IR_ODCL, NULL, x);
    CHECK_STR(nstr(&w, dcl), "var vInt int");
    IrName *lbl = ir_new_name(&w.prog, NOPOS, sym_cstr(&w.syms, "outer"), IR_PXXX, NULL);
    IrNode *brk = N(&nb, IR_OBREAK, NULL);
    CHECK_STR(nstr(&w, brk), "break");
    brk->label = lbl;
    CHECK_STR(nstr(&w, brk), "break outer");
    IrNode *lab = N(&nb, IR_OLABEL, NULL);
    lab->label = lbl;
    CHECK_STR(nstr(&w, lab), "outer: ");
    CHECK_STR(nstr(&w, bin(&nb, IR_OSEND, NULL, gvar(&nb, "vSend"), pt)), "vSend <- vPT");
    CHECK_STR(nstr(&w, N(&nb, IR_OSELRECV2, NULL)), "<node SELRECV2>");
    CHECK_STR(nstr(&w, N(&nb, IR_OTAILCALL, NULL)), "<node TAILCALL>");
    IrNode *blk = N(&nb, IR_OBLOCK, NULL);
    ir_list_push(&w.prog, &blk->list, call);
    ir_list_push(&w.prog, &blk->list, brk);
    CHECK_STR(nstr(&w, blk), "vFn0(); break outer");
    world_free(&w);
}

UNIT_SUITE(irfmt) = {
    UNIT_CASE(types_go),
    UNIT_CASE(types_debug_and_link),
    UNIT_CASE(path_prefix),
    UNIT_CASE(type_props),
    UNIT_CASE(nodes_expr),
    UNIT_CASE(nodes_stmt),
    UNIT_END,
};
