/*
 * Compiler directives.  gc's noder gives the parser a pragma handler; this
 * is goesc's: it turns //go: comments into SynPragma values that the parser
 * attaches to the next declaration, records //go:linkname and cgo
 * directives per file, and reports the errors gc reports while parsing
 * (misplaced directives, usage errors, directives not allowed here).
 * Checks that need type information (e.g. a directive on the wrong kind of
 * declaration) belong to later stages, which read the SynPragma.
 */
#include "syntax_int.h"

#include <stdlib.h>
#include <string.h>

static bool has_prefix(const char *s, size_t n, const char *p)
{
    size_t m = strlen(p);
    return n >= m && memcmp(s, p, m) == 0;
}

static bool is_field_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

typedef struct Fields {
    const char *p[8];
    size_t n[8];
    int count; /* may exceed 8; only the first 8 are kept */
} Fields;

static void fields_add(Fields *f, const char *p, size_t n)
{
    if (f->count < 8) {
        f->p[f->count] = p;
        f->n[f->count] = n;
    }
    f->count++;
}

/* strings.Fields (Unicode spaces) */
static void split_fields(Fields *f, const char *s, size_t n)
{
    memset(f, 0, sizeof *f);
    size_t i = 0;
    while (i < n) {
        int w;
        int32_t r = utf8_decode((const unsigned char *)s + i, n - i, &w);
        if (uni_is_space(r)) {
            i += (size_t)w;
            continue;
        }
        size_t start = i;
        while (i < n) {
            r = utf8_decode((const unsigned char *)s + i, n - i, &w);
            if (uni_is_space(r))
                break;
            i += (size_t)w;
        }
        fields_add(f, s + start, i - start);
    }
}

/* noder's pragmaFields: like Fields, but a double-quoted run is one field. */
static void pragma_fields(Fields *f, const char *s, size_t n)
{
    memset(f, 0, sizeof *f);
    bool inq = false;
    long start = -1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '"') {
            if (inq) {
                inq = false;
                fields_add(f, s + start, i + 1 - (size_t)start);
                start = -1;
            } else {
                inq = true;
                if (start >= 0)
                    fields_add(f, s + start, i - (size_t)start);
                start = (long)i;
            }
        } else if (!inq && is_field_space(c)) {
            if (start >= 0) {
                fields_add(f, s + start, i - (size_t)start);
                start = -1;
            }
        } else if (start == -1) {
            start = (long)i;
        }
    }
    if (!inq && start >= 0) /* an unterminated quoted field is dropped */
        fields_add(f, s + start, n - (size_t)start);
}

static bool is_quoted(const char *s, size_t n) { return n >= 2 && s[0] == '"' && s[n - 1] == '"'; }

static uint32_t pragma_flag(const char *v, size_t n)
{
#define V(str, fl) if (n == sizeof(str) - 1 && memcmp(v, str, n) == 0) return (fl);
    V("go:build", SYN_PRAGMA_GOBUILD);
    V("go:noescape", SYN_PRAGMA_NOESCAPE);
    V("go:norace", SYN_PRAGMA_NORACE);
    V("go:nosplit", SYN_PRAGMA_NOSPLIT | SYN_PRAGMA_NOCHECKPTR);
    V("go:noinline", SYN_PRAGMA_NOINLINE);
    V("go:nocheckptr", SYN_PRAGMA_NOCHECKPTR);
    V("go:systemstack", SYN_PRAGMA_SYSTEMSTACK);
    V("go:nowritebarrier", SYN_PRAGMA_NOWRITEBARRIER);
    V("go:nowritebarrierrec", SYN_PRAGMA_NOWRITEBARRIERREC | SYN_PRAGMA_NOWRITEBARRIER);
    V("go:yeswritebarrierrec", SYN_PRAGMA_YESWRITEBARRIERREC);
    V("go:cgo_unsafe_args", SYN_PRAGMA_CGOUNSAFEARGS | SYN_PRAGMA_NOCHECKPTR);
    V("go:uintptrkeepalive", SYN_PRAGMA_UINTPTRKEEPALIVE);
    V("go:uintptrescapes", SYN_PRAGMA_UINTPTRESCAPES | SYN_PRAGMA_UINTPTRKEEPALIVE);
    V("go:registerparams", SYN_PRAGMA_REGISTERPARAMS);
    /* go:nointerface only counts with the fieldtrack experiment (off) */
#undef V
    return 0;
}

static bool allowed_in_std(const char *v, size_t n)
{
    static const char *const ok[] = {
        "go:cgo_export_static", "go:cgo_export_dynamic", "go:cgo_import_static",
        "go:cgo_import_dynamic", "go:cgo_ldflag", "go:cgo_dynamic_linker",
        "go:embed", "go:fix", "go:generate",
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (strlen(ok[i]) == n && memcmp(ok[i], v, n) == 0)
            return true;
    return false;
}

static bool safe_arg(const char *s, size_t n)
{
    if (n == 0)
        return false;
    unsigned char c = (unsigned char)s[0];
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           c == '.' || c == '_' || c == '/' || c >= 0x80;
}

/* The file (not its //line name) is cgo-generated if its base name starts
 * with "_cgo_". */
static bool is_cgo_generated(PragmaState *ps)
{
    const char *name = ps->file->src->name;
    const char *slash = strrchr(name, '/');
    return strncmp(slash ? slash + 1 : name, "_cgo_", 5) == 0;
}

static void perr(PragmaState *ps, Pos pos, const char *msg)
{
    diags_add(ps->ctx->diags, pos, "%s", msg);
}

/* Unquotes a Go double-quoted string (strconv.Unquote); false if invalid. */
static bool unquote_go(Buf *out, const char *s, size_t n)
{
    if (n < 2 || s[0] != '"' || s[n - 1] != '"')
        return false;
    for (size_t i = 1; i < n - 1;) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\n')
            return false;
        if (c != '\\') {
            buf_putc(out, (char)c);
            i++;
            continue;
        }
        if (++i >= n - 1)
            return false;
        c = (unsigned char)s[i++];
        int digits = 0, base = 16;
        switch (c) {
        case 'a': buf_putc(out, '\a'); continue;
        case 'b': buf_putc(out, '\b'); continue;
        case 'f': buf_putc(out, '\f'); continue;
        case 'n': buf_putc(out, '\n'); continue;
        case 'r': buf_putc(out, '\r'); continue;
        case 't': buf_putc(out, '\t'); continue;
        case 'v': buf_putc(out, '\v'); continue;
        case '\\': buf_putc(out, '\\'); continue;
        case '"': buf_putc(out, '"'); continue;
        case 'x': digits = 2; break;
        case 'u': digits = 4; break;
        case 'U': digits = 8; break;
        default:
            if (c >= '0' && c <= '7') {
                digits = 2;
                base = 8;
                break;
            }
            return false;
        }
        uint32_t v = base == 8 ? (uint32_t)(c - '0') : 0;
        for (int k = 0; k < digits; k++, i++) {
            if (i >= n - 1)
                return false;
            int d = s[i], x;
            if (d >= '0' && d <= '9') x = d - '0';
            else if (d >= 'a' && d <= 'f') x = d - 'a' + 10;
            else if (d >= 'A' && d <= 'F') x = d - 'A' + 10;
            else return false;
            if (x >= base)
                return false;
            v = v * (uint32_t)base + (uint32_t)x;
        }
        if (c == 'x' || base == 8) {
            if (v > 255)
                return false;
            buf_putc(out, (char)v);
        } else {
            if (v > 0x10FFFF || (v >= 0xD800 && v < 0xE000))
                return false;
            char tmp[4];
            buf_put(out, tmp, (size_t)utf8_encode(tmp, (int32_t)v));
        }
    }
    return true;
}

/* noder's parseGoEmbed: space-separated patterns, optionally quoted. */
static bool parse_embed(PragmaState *ps, const char *s, size_t n, PtrVec *out, Buf *err)
{
    Arena *a = ps->ctx->arena;
    size_t i = 0;
    for (;;) {
        while (i < n) { /* TrimSpace (left) */
            int w;
            int32_t r = utf8_decode((const unsigned char *)s + i, n - i, &w);
            if (!uni_is_space(r))
                break;
            i += (size_t)w;
        }
        size_t end = n; /* TrimSpace (right) */
        while (end > i) {
            size_t k = end - 1;
            while (k > i && ((unsigned char)s[k] & 0xC0) == 0x80)
                k--;
            int w;
            int32_t r = utf8_decode((const unsigned char *)s + k, end - k, &w);
            if (!uni_is_space(r))
                break;
            end = k;
        }
        n = end;
        if (i >= n)
            return true;
        const char *rest = s + i;
        size_t rn = n - i;
        if (rest[0] == '`') {
            const char *q = memchr(rest + 1, '`', rn - 1);
            if (!q) {
                buf_puts(err, "invalid quoted string in //go:embed: ");
                buf_put(err, rest, rn);
                return false;
            }
            ptrvec_push(out, arena_strndup(a, rest + 1, (size_t)(q - rest - 1)));
            i += (size_t)(q - rest) + 1;
        } else if (rest[0] == '"') {
            size_t k = 1;
            for (; k < rn; k++) {
                if (rest[k] == '\\') {
                    k++;
                    continue;
                }
                if (rest[k] == '"')
                    break;
            }
            if (k >= rn) {
                buf_puts(err, "invalid quoted string in //go:embed: ");
                buf_put(err, rest, rn);
                return false;
            }
            Buf v = {0};
            if (!unquote_go(&v, rest, k + 1)) {
                buf_free(&v);
                buf_puts(err, "invalid quoted string in //go:embed: ");
                buf_put(err, rest, k + 1);
                return false;
            }
            ptrvec_push(out, arena_strndup(a, buf_str(&v), v.len));
            buf_free(&v);
            i += k + 1;
        } else {
            size_t k = 0;
            while (k < rn) {
                int w;
                int32_t r = utf8_decode((const unsigned char *)rest + k, rn - k, &w);
                if (uni_is_space(r))
                    break;
                k += (size_t)w;
            }
            ptrvec_push(out, arena_strndup(a, rest, k));
            i += k;
        }
        if (i < n) {
            int w;
            int32_t r = utf8_decode((const unsigned char *)s + i, n - i, &w);
            if (!uni_is_space(r)) {
                buf_puts(err, "invalid quoted string in //go:embed: ");
                buf_put(err, s + i, n - i);
                return false;
            }
        }
    }
}

static void pragma_cgo(PragmaState *ps, Pos pos, const char *text, size_t len)
{
    Fields f;
    pragma_fields(&f, text, len);
    if (f.count == 0)
        return;
    const char *verb = f.p[0];
    size_t vn = f.n[0];
    if (has_prefix(verb, vn, "go:")) {
        verb += 3;
        vn -= 3;
    }
#define VERB(s) (vn == sizeof(s) - 1 && memcmp(verb, s, vn) == 0)
#define Q(i) is_quoted(f.p[i], f.n[i])
    const char *usage = NULL;
    if (VERB("cgo_export_static") || VERB("cgo_export_dynamic")) {
        if (!((f.count == 2 && !Q(1)) || (f.count == 3 && !Q(1) && !Q(2))))
            usage = VERB("cgo_export_static") ? "usage: //go:cgo_export_static local [remote]"
                                              : "usage: //go:cgo_export_dynamic local [remote]";
    } else if (VERB("cgo_import_dynamic")) {
        if (!((f.count == 2 && !Q(1)) || (f.count == 3 && !Q(1) && !Q(2)) ||
              (f.count == 4 && !Q(1) && !Q(2) && Q(3))))
            usage = "usage: //go:cgo_import_dynamic local [remote [\"library\"]]";
    } else if (VERB("cgo_import_static")) {
        if (!(f.count == 2 && !Q(1)))
            usage = "usage: //go:cgo_import_static local";
    } else if (VERB("cgo_dynamic_linker")) {
        if (!(f.count == 2 && Q(1)))
            usage = "usage: //go:cgo_dynamic_linker \"path\"";
    } else if (VERB("cgo_ldflag")) {
        if (!(f.count == 2 && Q(1)))
            usage = "usage: //go:cgo_ldflag \"arg\"";
    } else {
        return;
    }
#undef VERB
#undef Q
    if (usage) {
        perr(ps, pos, usage);
        return;
    }
    SynCgoDirective *d = ARENA_NEW(ps->ctx->arena, SynCgoDirective);
    d->pos = pos;
    d->text = arena_strndup(ps->ctx->arena, text, len);
    ptrvec_push(&ps->cgo, d);
}

SynPragma *pragma_handle(PragmaState *ps, Pos pos, bool blank, const char *text, size_t len,
                         SynPragma *cur)
{
    Arena *a = ps->ctx->arena;
    SynPragma *pr = cur ? cur : ARENA_NEW(a, SynPragma);
    Buf msg = {0};

    if (!blank) {
        perr(ps, pos, "misplaced compiler directive");
        return pr;
    }

    if (has_prefix(text, len, "go:wasmimport ")) {
        Fields f;
        split_fields(&f, text, len);
        if (f.count != 3)
            perr(ps, pos, "usage: //go:wasmimport importmodule importname");
        /* only meaningful when GOARCH=wasm */
        return pr;
    }
    if (has_prefix(text, len, "go:wasmexport ")) {
        Fields f;
        split_fields(&f, text, len);
        if (f.count != 2)
            perr(ps, pos, "usage: //go:wasmexport exportname");
        return pr;
    }
    if (has_prefix(text, len, "go:linkname ")) {
        Fields f;
        split_fields(&f, text, len);
        if (f.count < 2 || f.count > 3) {
            perr(ps, pos, "usage: //go:linkname localname [linkname]");
            return pr;
        }
        SynLinkname *l = ARENA_NEW(a, SynLinkname);
        l->pos = pos;
        l->local = arena_strndup(a, f.p[1], f.n[1]);
        l->remote = f.count == 3 ? arena_strndup(a, f.p[2], f.n[2]) : NULL;
        ptrvec_push(&ps->linknames, l);
        return pr;
    }
    if ((len == 8 && memcmp(text, "go:embed", 8) == 0) || has_prefix(text, len, "go:embed ")) {
        PtrVec pats = {0};
        if (!parse_embed(ps, text + 8, len - 8, &pats, &msg)) {
            perr(ps, pos, buf_str(&msg));
            buf_free(&msg);
            ptrvec_free(&pats);
            pats.len = 0;
        }
        if (pats.len == 0) {
            perr(ps, pos, "usage: //go:embed pattern...");
            ptrvec_free(&pats);
            return pr;
        }
        SynEmbed *old = pr->embeds;
        pr->embeds = ARENA_ARRAY(a, SynEmbed, pr->nembeds + 1);
        if (pr->nembeds)
            memcpy(pr->embeds, old, sizeof(SynEmbed) * pr->nembeds);
        SynEmbed *e = &pr->embeds[pr->nembeds++];
        e->pos = pos;
        e->npatterns = pats.len;
        e->patterns = arena_memdup(a, pats.data, sizeof(char *) * pats.len);
        ptrvec_free(&pats);
        return pr;
    }

    bool cgo = false;
    if (has_prefix(text, len, "go:cgo_import_dynamic ")) {
        Fields f;
        pragma_fields(&f, text, len);
        if (f.count >= 4) {
            const char *lib = f.p[3];
            size_t ln = f.n[3];
            while (ln > 0 && lib[0] == '"') {
                lib++;
                ln--;
            }
            while (ln > 0 && lib[ln - 1] == '"')
                ln--;
            if (ps->ctx->directive_context && ln > 0 && !safe_arg(lib, ln) && !is_cgo_generated(ps)) {
                buf_puts(&msg, "invalid library name ");
                buf_quote_go(&msg, lib, ln);
                buf_puts(&msg, " in cgo_import_dynamic directive");
                perr(ps, pos, buf_str(&msg));
                buf_free(&msg);
            }
            pragma_cgo(ps, pos, text, len);
            return pr;
        }
        cgo = true;
    }
    if (cgo || has_prefix(text, len, "go:cgo_")) {
        if (ps->ctx->directive_context && !is_cgo_generated(ps) && !ps->ctx->std) {
            buf_puts(&msg, "//");
            buf_put(&msg, text, len);
            buf_puts(&msg, " only allowed in cgo-generated code");
            perr(ps, pos, buf_str(&msg));
            buf_free(&msg);
        }
        pragma_cgo(ps, pos, text, len);
    }

    size_t vn = 0;
    while (vn < len && text[vn] != ' ')
        vn++;
    uint32_t flag = pragma_flag(text, vn);
    const uint32_t runtime_only = SYN_PRAGMA_SYSTEMSTACK | SYN_PRAGMA_NOWRITEBARRIER |
                                  SYN_PRAGMA_NOWRITEBARRIERREC | SYN_PRAGMA_YESWRITEBARRIERREC;
    if (ps->ctx->directive_context && !ps->ctx->runtime && (flag & runtime_only)) {
        buf_printf(&msg, "//%.*s only allowed in runtime", (int)vn, text);
        perr(ps, pos, buf_str(&msg));
        buf_reset(&msg);
    }
    if (ps->ctx->directive_context && flag == SYN_PRAGMA_UINTPTRKEEPALIVE && !ps->ctx->std) {
        buf_printf(&msg, "//%.*s is only allowed in the standard library", (int)vn, text);
        perr(ps, pos, buf_str(&msg));
        buf_reset(&msg);
    }
    if (ps->ctx->directive_context && flag == 0 && !allowed_in_std(text, vn) && ps->ctx->std) {
        buf_printf(&msg, "//%.*s is not allowed in the standard library", (int)vn, text);
        perr(ps, pos, buf_str(&msg));
        buf_reset(&msg);
    }
    buf_free(&msg);
    pr->flags |= flag;
    SynPragmaPos *old = pr->pos;
    pr->pos = ARENA_ARRAY(a, SynPragmaPos, pr->npos + 1);
    if (pr->npos)
        memcpy(pr->pos, old, sizeof(SynPragmaPos) * pr->npos);
    pr->pos[pr->npos].flag = flag;
    pr->pos[pr->npos].pos = pos;
    pr->pos[pr->npos].verb = arena_strndup(a, text, vn);
    pr->npos++;
    return pr;
}

void pragma_unused(PragmaState *ps, SynPragma *p)
{
    for (uint32_t i = 0; i < p->npos; i++)
        if (p->pos[i].flag & p->flags)
            perr(ps, p->pos[i].pos, "misplaced compiler directive");
    for (uint32_t i = 0; i < p->nembeds; i++)
        perr(ps, p->embeds[i].pos, "misplaced go:embed directive");
}

void pragma_finish(PragmaState *ps)
{
    Arena *a = ps->ctx->arena;
    SynFile *f = ps->file;
    f->nlinknames = ps->linknames.len;
    f->linknames = ARENA_ARRAY(a, SynLinkname, ps->linknames.len);
    for (uint32_t i = 0; i < ps->linknames.len; i++)
        f->linknames[i] = *(SynLinkname *)ps->linknames.data[i];
    f->ncgo = ps->cgo.len;
    f->cgo = ARENA_ARRAY(a, SynCgoDirective, ps->cgo.len);
    for (uint32_t i = 0; i < ps->cgo.len; i++)
        f->cgo[i] = *(SynCgoDirective *)ps->cgo.data[i];
    ptrvec_free(&ps->linknames);
    ptrvec_free(&ps->cgo);
}

/* ---- //go:build: the Go version a build constraint implies -------------------
 * The parser records the minimum Go version implied by a file's //go:build
 * line (go/build/constraint.GoVersion); it selects the file's language
 * version.  The expression is parsed into a small tree, then minimized. */

enum { BX_TAG, BX_NOT, BX_AND, BX_OR };
enum { BX_MAX_SIZE = 1000 };

typedef struct BxNode {
    int kind;
    int x, y;          /* children (indices) */
    const char *tag;
    size_t taglen;
} BxNode;

typedef struct BxParser {
    const char *s;
    size_t n, i;
    const char *tok;   /* last token */
    size_t toklen;
    bool is_tag;
    int size;
    bool err;
    BxNode *nodes;
    int nnodes, cap;
} BxParser;

static int bx_new(BxParser *p, int kind, int x, int y)
{
    if (p->nnodes == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 32;
        p->nodes = xrealloc(p->nodes, sizeof(BxNode) * (size_t)p->cap);
    }
    BxNode *b = &p->nodes[p->nnodes];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->x = x;
    b->y = y;
    return p->nnodes++;
}

static void bx_lex(BxParser *p)
{
    p->is_tag = false;
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t'))
        p->i++;
    if (p->i >= p->n) {
        p->tok = "";
        p->toklen = 0;
        return;
    }
    char c = p->s[p->i];
    if (c == '(' || c == ')' || c == '!') {
        p->tok = p->s + p->i++;
        p->toklen = 1;
        return;
    }
    if (c == '&' || c == '|') {
        if (p->i + 1 >= p->n || p->s[p->i + 1] != c) {
            p->err = true;
            p->tok = "";
            p->toklen = 0;
            return;
        }
        p->tok = p->s + p->i;
        p->toklen = 2;
        p->i += 2;
        return;
    }
    size_t k = p->i;
    while (k < p->n) {
        int w;
        int32_t r = utf8_decode((const unsigned char *)p->s + k, p->n - k, &w);
        if (!uni_is_letter(r) && !uni_is_digit(r) && r != '_' && r != '.')
            break;
        k += (size_t)w;
    }
    if (k == p->i) {
        p->err = true;
        p->tok = "";
        p->toklen = 0;
        return;
    }
    p->tok = p->s + p->i;
    p->toklen = k - p->i;
    p->i = k;
    p->is_tag = true;
}

static bool bx_is(BxParser *p, const char *t)
{
    return !p->is_tag && p->toklen == strlen(t) && memcmp(p->tok, t, p->toklen) == 0;
}

static int bx_or(BxParser *p);

static int bx_atom(BxParser *p)
{
    if (p->err)
        return -1;
    if (bx_is(p, "(")) {
        int x = bx_or(p);
        if (p->err || !bx_is(p, ")")) {
            p->err = true;
            return -1;
        }
        bx_lex(p);
        return x;
    }
    if (!p->is_tag) {
        p->err = true;
        return -1;
    }
    int t = bx_new(p, BX_TAG, -1, -1);
    p->nodes[t].tag = p->tok;
    p->nodes[t].taglen = p->toklen;
    bx_lex(p);
    return t;
}

static int bx_not(BxParser *p)
{
    if (++p->size > BX_MAX_SIZE) {
        p->err = true;
        return -1;
    }
    bx_lex(p);
    if (p->err)
        return -1;
    if (bx_is(p, "!")) {
        bx_lex(p);
        if (bx_is(p, "!")) {
            p->err = true;
            return -1;
        }
        int x = bx_atom(p);
        return p->err ? -1 : bx_new(p, BX_NOT, x, -1);
    }
    return bx_atom(p);
}

static int bx_and(BxParser *p)
{
    int x = bx_not(p);
    while (!p->err && bx_is(p, "&&"))
        x = bx_new(p, BX_AND, x, bx_not(p));
    return x;
}

static int bx_or(BxParser *p)
{
    int x = bx_and(p);
    while (!p->err && bx_is(p, "||"))
        x = bx_new(p, BX_OR, x, bx_and(p));
    return x;
}

static int bx_max(int a, int b) { return a > b ? a : b; }
static int bx_min(int a, int b) { return a < b ? a : b; }

static int bx_min_version(BxParser *p, int z, int sign)
{
    BxNode *b = &p->nodes[z];
    switch (b->kind) {
    case BX_AND:
        return (sign > 0 ? bx_max : bx_min)(bx_min_version(p, b->x, sign),
                                           bx_min_version(p, b->y, sign));
    case BX_OR:
        return (sign > 0 ? bx_min : bx_max)(bx_min_version(p, b->x, sign),
                                           bx_min_version(p, b->y, sign));
    case BX_NOT:
        return bx_min_version(p, b->x, -sign);
    default:
        if (sign < 0)
            return -1;
        if (b->taglen == 3 && memcmp(b->tag, "go1", 3) == 0)
            return 0;
        /* "go1.N" anywhere in the tag, as strings.Cut + strconv.Atoi */
        for (size_t i = 0; i + 4 <= b->taglen; i++) {
            if (memcmp(b->tag + i, "go1.", 4) != 0)
                continue;
            const char *v = b->tag + i + 4;
            size_t vn = b->taglen - i - 4, k = 0;
            bool neg = false;
            if (vn > 0 && (v[0] == '+' || v[0] == '-')) {
                neg = v[0] == '-';
                k = 1;
            }
            if (k == vn)
                return -1;
            long val = 0;
            for (; k < vn; k++) {
                if (v[k] < '0' || v[k] > '9' || val > 100000000)
                    return -1;
                val = val * 10 + (v[k] - '0');
            }
            return neg ? (int)-val : (int)val;
        }
        return -1;
    }
}

static bool is_space_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Returns "go1.N", "go1", or NULL when the line is not a valid //go:build
 * constraint or implies no version.  (Non-ASCII spaces around the
 * expression are not trimmed; gofmt'd files never have them.) */
const char *pragma_build_goversion(Arena *a, const char *msg, size_t n)
{
    if (memchr(msg, '\n', n))
        return NULL;
    while (n > 0 && is_space_byte(msg[n - 1]))
        n--;
    if (n < 10 || memcmp(msg, "//go:build", 10) != 0)
        return NULL;
    const char *s = msg + 10;
    size_t sn = n - 10;
    if (sn > 0 && !is_space_byte(s[0]))
        return NULL;
    while (sn > 0 && is_space_byte(s[0])) {
        s++;
        sn--;
    }
    BxParser p;
    memset(&p, 0, sizeof p);
    p.s = s;
    p.n = sn;
    int x = bx_or(&p);
    const char *res = NULL;
    if (!p.err && p.toklen == 0 && x >= 0) {
        int v = bx_min_version(&p, x, +1);
        if (v == 0)
            res = "go1";
        else if (v > 0)
            res = arena_printf(a, "go1.%d", v);
    }
    free(p.nodes);
    return res;
}
