/* Escape tags from gc's unified export data (see load.h, "export data").
 *
 * Layers, outside in: an ar archive whose first member is __.PKGDEF (or
 * the bare member); text header lines, then "$$B\n" and the format byte
 * 'u'; then the pkgbits bitstream:
 *
 *   u32 version (1 or 2), u32 flags (bit 0: sync markers)
 *   u32 ends[10]          cumulative element counts per section
 *   u32 elemEnds[total]   cumulative byte ends of the elements
 *   element data, then an 8-byte fingerprint
 *
 * Every element starts with its reference table (Len n, then n pairs of
 * Len section, Len index); values are uvarints (Len, Uint64), zig-zag
 * varints (Int64), one byte (Bool), or a reference-table index (Reloc,
 * String).  With sync markers, each value is preceded by a marker and a
 * count of frame entries to skip.
 *
 * For each object of the package (SectionName element: package, name,
 * kind) that is a non-generic function or defined type, the function's
 * parameter count comes from its signature in the SectionObj element,
 * methods' names and counts from the type's SectionObj element, and the
 * tags from the SectionObjExt element, which gc's linker rewrote after
 * compiling (noder/linker.go relocFuncExt: pragma, linkname, a "relocated"
 * flag, the ABI, then one string per receiver/parameter).  Every read is
 * bounds-checked; any inconsistency rejects the whole file. */
#include "load.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

enum {
    S_STRING, S_META, S_POSBASE, S_PKG, S_NAME, S_TYPE, S_OBJ, S_OBJEXT, S_OBJDICT, S_BODY,
    NSECTIONS
};

enum { /* pkgbits sync markers */
    M_EOF = 1, M_BOOL, M_INT64, M_UINT64, M_STRING, M_VALUE, M_VAL, M_RELOCS, M_RELOC, M_USERELOC,
    M_PUBLIC, M_POS, M_POSBASE, M_OBJECT, M_OBJECT1, M_PKG, M_PKGDEF, M_METHOD, M_TYPE, M_TYPEIDX,
    M_TYPEPARAMNAMES, M_SIGNATURE, M_PARAMS, M_PARAM, M_CODEOBJ, M_SYM, M_LOCALIDENT, M_SELECTOR,
    M_PRIVATE, M_FUNCEXT, M_VAREXT, M_TYPEEXT, M_PRAGMA,
    M_LINKNAME = 62,
};

enum { OBJ_ALIAS, OBJ_CONST, OBJ_TYPE, OBJ_FUNC, OBJ_VAR, OBJ_STUB };

typedef struct Rd {
    const unsigned char *p, *end;
    uint32_t nrel;
    uint32_t *relk, *reli;      /* decoded reference table */
} Rd;

typedef struct Pkgbits {
    jmp_buf fail;
    const char *why;
    bool sync;
    const unsigned char *data;  /* element data */
    size_t datalen;
    uint32_t ends[NSECTIONS];
    const unsigned char *elemends; /* u32 little-endian, total entries */
    uint32_t total;
    Arena *arena;
    /* reference tables of the elements open at once (slot A, B) */
    uint32_t *slot[2];
    uint32_t slotcap[2];
} Pkgbits;

static void fail(Pkgbits *pb, const char *why)
{
    pb->why = why;
    longjmp(pb->fail, 1);
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t raw_uvarint(Pkgbits *pb, Rd *r)
{
    uint64_t x = 0;
    for (unsigned s = 0; s < 64; s += 7) {
        if (r->p >= r->end)
            fail(pb, "truncated element");
        unsigned b = *r->p++;
        if (b < 0x80) {
            if (s == 63 && b > 1)
                fail(pb, "varint overflow");
            return x | (uint64_t)b << s;
        }
        x |= (uint64_t)(b & 0x7f) << s;
    }
    fail(pb, "varint overflow");
    return 0;
}

static void sync_(Pkgbits *pb, Rd *r, unsigned want)
{
    if (!pb->sync)
        return;
    uint64_t have = raw_uvarint(pb, r);
    uint64_t n = raw_uvarint(pb, r);
    if (have != want)
        fail(pb, "sync marker mismatch");
    for (uint64_t i = 0; i < n; i++)
        (void)raw_uvarint(pb, r);
}

static uint64_t rd_uint(Pkgbits *pb, Rd *r)
{
    sync_(pb, r, M_UINT64);
    return raw_uvarint(pb, r);
}

static uint32_t rd_len(Pkgbits *pb, Rd *r)
{
    uint64_t x = rd_uint(pb, r);
    if (x > 0x7fffffff)
        fail(pb, "length out of range");
    return (uint32_t)x;
}

static int64_t rd_int(Pkgbits *pb, Rd *r)
{
    sync_(pb, r, M_INT64);
    uint64_t ux = raw_uvarint(pb, r);
    int64_t x = (int64_t)(ux >> 1);
    return (ux & 1) ? ~x : x;
}

static bool rd_bool(Pkgbits *pb, Rd *r)
{
    sync_(pb, r, M_BOOL);
    if (r->p >= r->end)
        fail(pb, "truncated element");
    unsigned b = *r->p++;
    if (b > 1)
        fail(pb, "bad bool");
    return b != 0;
}

/* Element `idx` of section k: bounds of its bytes. */
static void elem_bytes(Pkgbits *pb, unsigned k, uint32_t idx, const unsigned char **s, const unsigned char **e)
{
    uint32_t lo = k ? pb->ends[k - 1] : 0;
    if (idx >= pb->ends[k] - lo)
        fail(pb, "element index out of range");
    uint32_t abs = lo + idx;
    uint32_t start = abs ? le32(pb->elemends + 4 * (size_t)(abs - 1)) : 0;
    uint32_t end = le32(pb->elemends + 4 * (size_t)abs);
    if (start > end || end > pb->datalen)
        fail(pb, "element bounds");
    *s = pb->data + start;
    *e = pb->data + end;
}

/* Opens element idx of section k: reads its reference table into slot
 * `slot` (0 or 1: two elements may be open at once). */
static void rd_open(Pkgbits *pb, Rd *r, unsigned k, uint32_t idx, int slot)
{
    elem_bytes(pb, k, idx, &r->p, &r->end);
    sync_(pb, r, M_RELOCS);
    uint32_t n = rd_len(pb, r);
    if (n > (uint32_t)(r->end - r->p) / 2) /* each entry takes at least 2 bytes */
        fail(pb, "reference table too long");
    if (n > pb->slotcap[slot] || !pb->slot[slot]) { /* never NULL: reli is computed from it */
        uint32_t cap = pb->slotcap[slot] ? pb->slotcap[slot] : 64;
        while (cap < n)
            cap *= 2;
        uint32_t *nb = realloc(pb->slot[slot], sizeof(uint32_t) * 2 * (size_t)cap);
        if (!nb)
            fail(pb, "out of memory");
        pb->slot[slot] = nb;
        pb->slotcap[slot] = cap;
    }
    r->nrel = n;
    r->relk = pb->slot[slot];
    r->reli = pb->slot[slot] + pb->slotcap[slot];
    for (uint32_t i = 0; i < n; i++) {
        sync_(pb, r, M_RELOC);
        r->relk[i] = rd_len(pb, r);
        r->reli[i] = rd_len(pb, r);
    }
}

static uint32_t rd_reloc(Pkgbits *pb, Rd *r, unsigned k)
{
    sync_(pb, r, M_USERELOC);
    uint32_t i = rd_len(pb, r);
    if (i >= r->nrel || r->relk[i] != k)
        fail(pb, "bad reference");
    return r->reli[i];
}

/* A string value: its bytes in the string section (not NUL-terminated). */
static const unsigned char *rd_string(Pkgbits *pb, Rd *r, size_t *len)
{
    sync_(pb, r, M_STRING);
    uint32_t idx = rd_reloc(pb, r, S_STRING);
    const unsigned char *s, *e;
    elem_bytes(pb, S_STRING, idx, &s, &e);
    *len = (size_t)(e - s);
    return s;
}

static void rd_pos(Pkgbits *pb, Rd *r)
{
    sync_(pb, r, M_POS);
    if (!rd_bool(pb, r))
        return;
    (void)rd_reloc(pb, r, S_POSBASE);
    (void)rd_uint(pb, r);
    (void)rd_uint(pb, r);
}

static void rd_pkgref(Pkgbits *pb, Rd *r)
{
    sync_(pb, r, M_PKG);
    (void)rd_reloc(pb, r, S_PKG);
}

static void rd_typ(Pkgbits *pb, Rd *r)
{
    sync_(pb, r, M_TYPE);
    if (rd_bool(pb, r))
        (void)rd_len(pb, r); /* derived: cannot happen outside generic code */
    else
        (void)rd_reloc(pb, r, S_TYPE);
}

static void rd_param(Pkgbits *pb, Rd *r)
{
    sync_(pb, r, M_PARAM);
    rd_pos(pb, r);
    sync_(pb, r, M_LOCALIDENT);
    rd_pkgref(pb, r);
    size_t n;
    (void)rd_string(pb, r, &n);
    rd_typ(pb, r);
}

/* A signature; returns its number of parameters. */
static uint32_t rd_signature(Pkgbits *pb, Rd *r)
{
    sync_(pb, r, M_SIGNATURE);
    uint32_t np = 0;
    for (int k = 0; k < 2; k++) {
        sync_(pb, r, M_PARAMS);
        uint32_t n = rd_len(pb, r);
        if (n > (uint32_t)(r->end - r->p))
            fail(pb, "too many parameters");
        for (uint32_t i = 0; i < n; i++)
            rd_param(pb, r);
        if (k == 0)
            np = n;
    }
    (void)rd_bool(pb, r);
    return np;
}

/* The tags of one funcExt (linker.relocFuncExt) for ntags receiver and
 * parameters; NULL when the element holds no compiled data (a stub). */
static LdExportFunc *rd_funcext(Pkgbits *pb, Rd *r, uint32_t ntags, bool wasm)
{
    sync_(pb, r, M_FUNCEXT);
    sync_(pb, r, M_PRAGMA);
    (void)rd_int(pb, r);
    sync_(pb, r, M_LINKNAME);
    size_t n;
    if (rd_int(pb, r) == -1)
        (void)rd_string(pb, r, &n);
    if (wasm)
        for (int i = 0; i < 3; i++)
            (void)rd_string(pb, r, &n);
    if (!rd_bool(pb, r))
        return NULL; /* stub extension: tags not known */
    (void)rd_uint(pb, r); /* ABI */
    LdExportFunc *f = arena_alloc(pb->arena, sizeof *f);
    f->ntags = ntags;
    f->tags = arena_alloc(pb->arena, sizeof(char *) * (ntags ? ntags : 1));
    f->taglen = arena_alloc(pb->arena, ntags ? ntags : 1);
    for (uint32_t i = 0; i < ntags; i++) {
        const unsigned char *s = rd_string(pb, r, &n);
        /* gc's tags (escape.leaks.Encode): "" or "esc:" and up to 8 bytes */
        if (n != 0 && !(n >= 4 && n <= 12 && memcmp(s, "esc:", 4) == 0))
            fail(pb, "unexpected escape tag");
        f->tags[i] = arena_memdup(pb->arena, s, n + 1);
        ((char *)f->tags[i])[n] = 0;
        f->taglen[i] = (uint8_t)n;
    }
    if (rd_bool(pb, r)) { /* inlinable: cost, CanDelayResults */
        (void)rd_len(pb, r);
        (void)rd_bool(pb, r);
    }
    /* (GOEXPERIMENT=newinliner adds a string here) */
    return f;
}

static bool str_eq(const unsigned char *s, size_t n, const char *t)
{
    return strlen(t) == n && memcmp(s, t, n) == 0;
}

/* The package path of SectionPkg element idx ("" kept as is). */
static const unsigned char *pkg_path(Pkgbits *pb, uint32_t idx, size_t *n)
{
    Rd r;
    rd_open(pb, &r, S_PKG, idx, 0);
    sync_(pb, &r, M_PKGDEF);
    return rd_string(pb, &r, n);
}

static void add_entry(LdExportTags *x, const char *recv, size_t rlen, const unsigned char *name, size_t nlen,
                      LdExportFunc *f)
{
    if (!f)
        return;
    Buf key = {0};
    if (recv) {
        buf_put(&key, recv, rlen);
        buf_putc(&key, '.');
    }
    buf_put(&key, (const char *)name, nlen);
    const Sym *s = sym_intern(&x->names, key.data, key.len);
    buf_free(&key);
    ptrmap_put(&x->funcs, PMKEY(s), f);
    x->nfuncs++;
}

static void read_objects(Pkgbits *pb, LdExportTags *x, const char *path, bool wasm)
{
    uint32_t nobj = pb->ends[S_NAME] - pb->ends[S_NAME - 1];
    if (nobj != pb->ends[S_OBJ] - pb->ends[S_OBJ - 1] || nobj != pb->ends[S_OBJEXT] - pb->ends[S_OBJEXT - 1] ||
        nobj != pb->ends[S_OBJDICT] - pb->ends[S_OBJDICT - 1])
        fail(pb, "object sections of different sizes");
    uint32_t npkg = pb->ends[S_PKG] - pb->ends[S_PKG - 1];
    /* which package elements are this package (computed once each) */
    uint8_t *self = arena_alloc(pb->arena, npkg ? npkg : 1); /* 0 unknown, 1 yes, 2 no */
    for (uint32_t i = 0; i < nobj; i++) {
        Rd r;
        rd_open(pb, &r, S_NAME, i, 1);
        sync_(pb, &r, M_OBJECT1);
        sync_(pb, &r, M_SYM);
        sync_(pb, &r, M_PKG);
        uint32_t pk = rd_reloc(pb, &r, S_PKG);
        size_t nlen;
        const unsigned char *name = rd_string(pb, &r, &nlen);
        sync_(pb, &r, M_CODEOBJ);
        uint32_t code = rd_len(pb, &r);
        if (code != OBJ_FUNC && code != OBJ_TYPE)
            continue;
        if (pk >= npkg)
            fail(pb, "bad package reference");
        if (!self[pk]) {
            size_t plen;
            const unsigned char *p = pkg_path(pb, pk, &plen);
            self[pk] = (plen == 0 || str_eq(p, plen, path)) ? 1 : 2;
        }
        if (self[pk] != 1 || str_eq(name, nlen, "_"))
            continue;
        /* generic objects are instantiated by their importers */
        Rd d;
        rd_open(pb, &d, S_OBJDICT, i, 1);
        sync_(pb, &d, M_OBJECT1);
        if (rd_len(pb, &d) != 0 || rd_len(pb, &d) != 0)
            continue;

        Rd o, e;
        rd_open(pb, &o, S_OBJ, i, 0);
        sync_(pb, &o, M_OBJECT1);
        rd_open(pb, &e, S_OBJEXT, i, 1);
        if (e.p == e.end)
            continue; /* no extension data */
        sync_(pb, &e, M_OBJECT1);
        rd_pos(pb, &o);
        sync_(pb, &o, M_TYPEPARAMNAMES);
        if (code == OBJ_FUNC) {
            uint32_t np = rd_signature(pb, &o);
            add_entry(x, NULL, 0, name, nlen, rd_funcext(pb, &e, np, wasm));
            continue;
        }
        /* a defined type: its methods, then one funcExt for each */
        rd_typ(pb, &o);
        uint32_t nm = rd_len(pb, &o);
        if (nm > (uint32_t)(o.end - o.p))
            fail(pb, "too many methods");
        sync_(pb, &e, M_TYPEEXT);
        sync_(pb, &e, M_PRAGMA);
        (void)rd_int(pb, &e);
        (void)rd_int(pb, &e);
        (void)rd_int(pb, &e);
        char *tname = arena_strndup(pb->arena, (const char *)name, nlen);
        for (uint32_t m = 0; m < nm; m++) {
            sync_(pb, &o, M_METHOD);
            rd_pos(pb, &o);
            sync_(pb, &o, M_SELECTOR);
            rd_pkgref(pb, &o);
            size_t mlen;
            const unsigned char *mname = rd_string(pb, &o, &mlen);
            sync_(pb, &o, M_TYPEPARAMNAMES);
            rd_param(pb, &o);
            uint32_t np = 1 + rd_signature(pb, &o);
            rd_pos(pb, &o);
            if (e.p == e.end)
                break; /* an interface or a stub: no method data */
            LdExportFunc *f = rd_funcext(pb, &e, np, wasm);
            if (!str_eq(mname, mlen, "_"))
                add_entry(x, tname, nlen, mname, mlen, f);
        }
    }
}

void ld_export_free(LdExportTags *x)
{
    if (!x)
        return;
    symtab_free(&x->names);
    ptrmap_free(&x->funcs);
}

/* Finds the unified export data in an archive or a __.PKGDEF member:
 * returns its start (after "$$B\nu") and sets *end. */
static const unsigned char *find_unified(const unsigned char *d, size_t len, const unsigned char **end,
                                         const char **why)
{
    const unsigned char *p = d, *e = d + len;
    if (len >= 8 && memcmp(d, "!<arch>\n", 8) == 0) {
        /* first member: a 60-byte header, "__.PKGDEF" */
        if (len < 8 + 60 || memcmp(d + 8, "__.PKGDEF", 9) != 0) {
            *why = "no __.PKGDEF in the archive";
            return NULL;
        }
        uint64_t size = 0;
        const unsigned char *s = d + 8 + 48;
        for (int i = 0; i < 10 && s[i] >= '0' && s[i] <= '9'; i++)
            size = size * 10 + (uint64_t)(s[i] - '0');
        p = d + 8 + 60;
        if (size > (uint64_t)(e - p)) {
            *why = "truncated archive";
            return NULL;
        }
        e = p + size;
    }
    /* header lines, up to "$$B\n" */
    while (p < e) {
        const unsigned char *nl = memchr(p, '\n', (size_t)(e - p));
        if (!nl)
            break;
        if (nl - p == 3 && memcmp(p, "$$B", 3) == 0) {
            p = nl + 1;
            if (p >= e || *p != 'u') {
                *why = "not unified export data";
                return NULL;
            }
            *end = e;
            return p + 1;
        }
        if (nl - p >= 2 && p[0] == '$' && p[1] == '$') {
            *why = "unsupported export data format";
            return NULL;
        }
        p = nl + 1;
    }
    *why = "no export data";
    return NULL;
}

/* The bitstream p[0..end): header, element table, then the objects. */
static void decode(Pkgbits *pb, LdExportTags *x, const unsigned char *p, const unsigned char *end,
                   const char *path, bool wasm)
{
    size_t avail = (size_t)(end - p);
    if (avail < 8)
        fail(pb, "truncated header");
    /* V2 is what gc writes since go1.24 (the fields read here are the same
     * in V1) */
    uint32_t version = le32(p);
    if (version < 1 || version > 2)
        fail(pb, "unsupported export data version");
    pb->sync = (le32(p + 4) & 1) != 0;
    size_t off = 8;
    if (avail < off + 4 * NSECTIONS)
        fail(pb, "truncated header");
    for (unsigned k = 0; k < NSECTIONS; k++) {
        pb->ends[k] = le32(p + off + 4 * k);
        if (k && pb->ends[k] < pb->ends[k - 1])
            fail(pb, "bad section table");
    }
    off += 4 * NSECTIONS;
    pb->total = pb->ends[NSECTIONS - 1];
    if (pb->total == 0 || (avail - off) / 4 < pb->total)
        fail(pb, "truncated element table");
    pb->elemends = p + off;
    off += 4 * (size_t)pb->total;
    pb->data = p + off;
    uint32_t last = le32(pb->elemends + 4 * (size_t)(pb->total - 1));
    if (avail - off < (size_t)last + 8)
        fail(pb, "truncated element data");
    pb->datalen = last;
    read_objects(pb, x, path, wasm);
}

/* decode, catching its failure (the only setjmp). */
static bool decode_safely(Pkgbits *pb, LdExportTags *x, const unsigned char *p, const unsigned char *end,
                          const char *path, bool wasm)
{
    if (setjmp(pb->fail))
        return false;
    decode(pb, x, p, end, path, wasm);
    return true;
}

bool ld_export_parse(LdExportTags *x, Arena *a, const char *path, const void *data, size_t len,
                     const char *goarch, const char **why)
{
    memset(x, 0, sizeof *x);
    symtab_init(&x->names);
    const unsigned char *end;
    const unsigned char *p = find_unified(data, len, &end, why);
    if (!p)
        return false;
    Pkgbits *pb = calloc(1, sizeof *pb);
    if (!pb) {
        *why = "out of memory";
        return false;
    }
    pb->arena = a;
    bool ok = decode_safely(pb, x, p, end, path, goarch && strcmp(goarch, "wasm") == 0);
    free(pb->slot[0]);
    free(pb->slot[1]);
    if (!ok) {
        *why = pb->why;
        ld_export_free(x);
        memset(x, 0, sizeof *x);
        symtab_init(&x->names);
    }
    free(pb);
    return ok;
}

bool ld_export_read(LdExportTags *x, Arena *a, const char *path, const char *file, const char *goarch,
                    const char **why)
{
    size_t size;
    char *data = read_file(file, &size, why);
    if (!data) {
        memset(x, 0, sizeof *x);
        symtab_init(&x->names);
        return false;
    }
    bool ok = ld_export_parse(x, a, path, data, size, goarch, why);
    free(data);
    return ok;
}

const LdExportFunc *ld_export_lookup(LdExportTags *x, const char *recv, const char *name)
{
    if (!x->nfuncs)
        return NULL;
    Buf key = {0};
    if (recv) {
        buf_puts(&key, recv);
        buf_putc(&key, '.');
    }
    buf_puts(&key, name);
    const Sym *s = sym_intern(&x->names, key.data, key.len);
    buf_free(&key);
    return ptrmap_get(&x->funcs, PMKEY(s));
}
