/*
 * base — the ground every other goesc module stands on.
 *
 * Contract:
 *  - Arena: bump allocation in large zeroed chunks.  Everything a pass
 *    builds (syntax trees, types, IR) lives in an arena and dies with it;
 *    nothing is freed one object at a time.  arena_alloc never returns NULL
 *    (out of memory aborts with a message) and always returns zeroed memory.
 *  - Sym: interned strings.  Two identifiers are the same name iff their
 *    Sym pointers are equal.  A SymTab owns its symbols.
 *  - Buf: a growable byte buffer on the C heap for building text.
 *  - PtrMap: an open-addressing hash map from non-NULL pointers (or any
 *    non-zero 64-bit key) to pointers.
 *  - Pos / SrcFile / PosTab: a position is one 32-bit number in a global
 *    space shared by all files of a run (like go/token.FileSet).  Each file
 *    gets a range [base, base+size]; line and byte column are computed on
 *    demand from the file's line table, and //line directives are recorded
 *    per file so that "relative" (reported) positions follow them as gc does.
 *  - Diags: error and message lists printed as "file:line:col: text".
 *  - utf8 decoding and the Unicode letter/digit classes Go's scanner uses.
 *
 * There is no global state: every table hangs off a struct the caller owns.
 */
#ifndef GOESC_BASE_H
#define GOESC_BASE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#if defined(__GNUC__)
#define GO_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define GO_NORETURN __attribute__((noreturn))
#define GO_UNUSED __attribute__((unused))
#else
#define GO_PRINTF(a, b)
#define GO_NORETURN
#define GO_UNUSED
#endif

/* ---- fatal errors and checked allocation ------------------------------ */

GO_NORETURN void base_fatal(const char *fmt, ...) GO_PRINTF(1, 2);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* ---- arena -------------------------------------------------------------- */

typedef struct ArenaChunk ArenaChunk;
typedef struct Arena {
    ArenaChunk *head;   /* current chunk; older chunks chained behind it */
    char *cur, *end;    /* free space in the current chunk */
    size_t total;       /* bytes obtained from the heap, for statistics */
} Arena;

void arena_init(Arena *a);
void arena_free(Arena *a);
/* Frees everything but the newest (largest) chunk, which is cleared and
 * reused: cheaper than fresh pages when one arena serves many short jobs. */
void arena_reset(Arena *a);
void *arena_alloc_slow(Arena *a, size_t n);

/* Zeroed, 8-byte aligned memory that lives as long as the arena. */
static inline void *arena_alloc(Arena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    if ((size_t)(a->end - a->cur) >= n && a->cur) {
        void *p = a->cur;
        a->cur += n;
        return p;
    }
    return arena_alloc_slow(a, n);
}
#define ARENA_NEW(a, T) ((T *)arena_alloc((a), sizeof(T)))
#define ARENA_ARRAY(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (size_t)(n)))

char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_strdup(Arena *a, const char *s);
char *arena_printf(Arena *a, const char *fmt, ...) GO_PRINTF(2, 3);
void *arena_memdup(Arena *a, const void *p, size_t n);

/* ---- growable buffer ------------------------------------------------------ */

typedef struct Buf {
    char *data;
    size_t len, cap;
} Buf;

void buf_grow(Buf *b, size_t extra);
static inline void buf_putc(Buf *b, char c)
{
    if (b->len + 2 > b->cap)
        buf_grow(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = 0;
}
void buf_put(Buf *b, const char *s, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_printf(Buf *b, const char *fmt, ...) GO_PRINTF(2, 3);
void buf_vprintf(Buf *b, const char *fmt, va_list ap);
const char *buf_str(Buf *b); /* NUL-terminated view ("" when empty) */
void buf_reset(Buf *b);
void buf_free(Buf *b);
/* Quote bytes for dumps: printable ASCII as is, '"' and '\\' escaped,
 * every other byte as \xHH.  Surrounded by double quotes. */
void buf_quote_bytes(Buf *b, const char *s, size_t n);

/* ---- pointer vector ------------------------------------------------------- */

typedef struct PtrVec {
    void **data;
    uint32_t len, cap;
} PtrVec;

void ptrvec_push(PtrVec *v, void *p);
void ptrvec_free(PtrVec *v);

/* ---- interned symbols ----------------------------------------------------- */

typedef struct Sym {
    uint32_t len;
    uint32_t hash;
    void *aux;         /* free for one client (e.g. a keyword code) */
    char name[];       /* NUL-terminated */
} Sym;

/* Open addressing on (hash, symbol) pairs: a probe compares hashes without
 * touching the symbols, which keeps lookups within one cache line. */
typedef struct SymSlot {
    uint32_t hash;
    Sym *sym;          /* NULL: empty */
} SymSlot;

typedef struct SymTab {
    Arena arena;
    SymSlot *slots;
    uint32_t cap, count; /* cap is a power of two */
} SymTab;

void symtab_init(SymTab *t);
void symtab_free(SymTab *t);
const Sym *sym_intern(SymTab *t, const char *s, size_t n);
static inline const Sym *sym_cstr(SymTab *t, const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return sym_intern(t, s, n);
}
uint32_t hash_bytes(const void *p, size_t n);

/* ---- pointer-keyed hash map ---------------------------------------------- */

typedef struct PtrMap {
    uint64_t *keys;  /* 0 means empty */
    void **vals;
    uint32_t cap, len; /* cap is a power of two or 0 */
} PtrMap;

void *ptrmap_get(const PtrMap *m, uint64_t key);
/* Insert or replace; returns the previous value (or NULL). */
void *ptrmap_put(PtrMap *m, uint64_t key, void *val);
/* Slot for key, inserting a NULL value if absent. */
void **ptrmap_slot(PtrMap *m, uint64_t key);
void ptrmap_free(PtrMap *m);
#define PMKEY(p) ((uint64_t)(uintptr_t)(p))

/* ---- positions -------------------------------------------------------------- */

typedef uint32_t Pos; /* 0: no position */
#define NOPOS ((Pos)0)

/* A line directive (// or block-comment form): from byte offset `at` of its file on, the
 * reported filename is `filename`, and the line at `at` is `line` (column
 * `col` if nonzero; see syntax/pos.go semantics in gc). */
typedef struct LineDir {
    uint32_t at;        /* file offset where it takes effect */
    uint32_t atline;    /* raw line number at `at` (1-based) */
    uint32_t atcol;     /* raw column at `at` (1-based) */
    uint32_t line, col; /* col == 0: unknown column */
    const char *filename;
    bool trimmed;
} LineDir;

typedef struct SrcFile {
    const char *name;     /* path as given (what gc reports) */
    const char *data;     /* contents, NUL-terminated copy */
    uint32_t size;
    Pos base;             /* Pos of offset 0 */
    uint32_t *lines;      /* offsets of line starts; lines[0] == 0 */
    uint32_t nlines, caplines;
    LineDir *dirs;
    uint32_t ndirs, capdirs;
    uint32_t index;       /* position in its PosTab */
    bool trimmed;         /* name is final, as gc reports it after -trimpath
                             (cgo's output, named by go build's objdir-relative
                             name): not made absolute nor rewritten again */
} SrcFile;

typedef struct PosTab {
    SrcFile **files;
    uint32_t nfiles, cap;
    uint32_t next;        /* next free base */
} PosTab;

/* Position resolved for output. */
typedef struct Position {
    const char *filename; /* as reported: //line-adjusted */
    uint32_t line, col;   /* as reported (col 0: unknown) */
    const SrcFile *file;
    uint32_t rawline, rawcol; /* in the file itself */
    const LineDir *dir;   /* NULL when no directive applies */
} Position;

void postab_init(PosTab *t);
void postab_free(PosTab *t);
/* Registers a file; `data` must stay alive and be NUL-terminated at data[size]. */
SrcFile *postab_add(PosTab *t, const char *name, const char *data, uint32_t size);
SrcFile *postab_file(const PosTab *t, Pos p);
Position postab_resolve(const PosTab *t, Pos p);
/* As gc resolves it (cmd/internal/src): the position and a //line
 * directive's place are stored with the line saturated at 2^20-2 and the
 * column at 255 before the relative line and column are computed, so a
 * column after a same-line directive past column 255 comes out smaller
 * than postab_resolve's (which is syntax.Pos's, unsaturated). */
Position postab_resolve_gc(const PosTab *t, Pos p);
/* Line starts are appended by the scanner as it meets newlines. */
void srcfile_add_line(SrcFile *f, uint32_t offset);
void srcfile_add_dir(SrcFile *f, const LineDir *d);
/* raw line/col (1-based) of an offset */
void srcfile_linecol(const SrcFile *f, uint32_t off, uint32_t *line, uint32_t *col);
static inline Pos srcfile_pos(const SrcFile *f, uint32_t off) { return f->base + off; }

/* ---- diagnostics ------------------------------------------------------------ */

typedef struct Diag {
    Pos pos;
    uint32_t seq;   /* insertion order, for stable sorting */
    char *msg;
} Diag;

typedef struct Diags {
    Diag *list;
    uint32_t len, cap;
    uint32_t nerrors;
    /* gc's filter (cmd/compile/internal/base.ErrorfAt), on when gc_pt is
     * set: only the first syntax error of a line is kept, and a non-syntax
     * error equal to the previous one on the same line is dropped. */
    const PosTab *gc_pt;
    Pos last_syntax, last_other;
    const char *last_msg;  /* points into list (messages are never freed early) */
} Diags;

void diags_add(Diags *d, Pos pos, const char *fmt, ...) GO_PRINTF(3, 4);
void diags_vadd(Diags *d, Pos pos, const char *fmt, va_list ap);
void diags_sort(Diags *d); /* by file, line, column, then insertion */
/* Drops the diagnostics from index len on (errors of a stage the caller
 * decides not to report). */
void diags_truncate(Diags *d, uint32_t len);
/* Prints "file:line:col: msg" (col omitted when unknown). */
void diags_print(const Diags *d, const PosTab *pt, FILE *out);
void diags_format_pos(Buf *b, const PosTab *pt, Pos pos);
void diags_free(Diags *d);

/* ---- UTF-8 and Unicode classes ---------------------------------------------- */

#define RUNE_ERROR 0xFFFD
/* Decodes one rune from s[0..n); *width gets 1..4 (1 for invalid input). */
int32_t utf8_decode(const unsigned char *s, size_t n, int *width);

/* ---- hashing ---------------------------------------------------------------- */

/* SHA-256 of data[0..n) into out */
void sha256_sum(const void *data, size_t n, unsigned char out[32]);
int utf8_encode(char *out, int32_t r); /* returns bytes written (1..4) */
bool uni_is_letter(int32_t r);  /* Go's unicode.IsLetter */
bool uni_is_digit(int32_t r);   /* Go's unicode.IsDigit */
bool uni_is_upper(int32_t r);   /* Go's unicode.IsUpper */
bool uni_is_print(int32_t r);   /* Go's strconv.IsPrint */
bool uni_is_graphic(int32_t r); /* Go's strconv.IsGraphic */
bool uni_is_space(int32_t r);   /* Go's unicode.IsSpace */

/* Go's fmt/strconv spellings used in messages:
 *   buf_quote_rune:  strconv.QuoteRune  ('a', '\n', '\x00', '\u00ad')
 *   buf_quote_go:    strconv.Quote of a byte string ("a\tb", "\xff")
 *   buf_unicode_U:   fmt's %U, or %#U (with ' c' when printable) */
void buf_quote_rune(Buf *b, int32_t r);
void buf_quote_go(Buf *b, const char *s, size_t n);
void buf_unicode_U(Buf *b, int64_t r, bool sharp);

/* ---- files --------------------------------------------------------------------- */

/* Reads a whole file into a NUL-terminated malloc'd buffer.  Returns NULL
 * and sets *err (static string) on failure. */
char *read_file(const char *path, size_t *size, const char **err);

/* Appends Go's path.Clean of the slash-separated path p to out (never
 * empty: "." for nothing), NUL-terminated. */
void path_clean(Buf *out, const char *p);

#endif
