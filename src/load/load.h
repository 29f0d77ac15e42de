/*
 * load — from package patterns to parsed, type-checked packages.
 *
 * Contract:
 *  - ld_list runs `go list -e -deps -json=FIELDS [flags] PATTERNS` (and
 *    `go env GOVERSION GOARCH`) in the caller's working directory and
 *    environment, so GOOS, GOARCH, CGO_ENABLED, GOFLAGS, vendoring and
 *    modules mean exactly what they mean to the go command.  The go
 *    command's stderr passes through.  Packages come out dependencies
 *    first (the order of `go list -deps`), which is the order in which
 *    they can be checked.
 *  - Problems the go command reports per package (missing imports, import
 *    cycles, no Go files, ...) are kept in LdPackage.error; ld_list_errors
 *    prints them the way `go build` does.  A go command that cannot run or
 *    fails as a whole makes ld_list return false (after a message).
 *  - With LdProgram.cgo_compiled and any listed package having CgoFiles,
 *    ld_list runs `go list -e -compiled -json=ImportPath,CompiledGoFiles`
 *    on those packages (cgo runs then, or its output comes from the build
 *    cache), so that they can be read as gc reads them.
 *  - ld_process parses each package's GoFiles and CgoFiles (absolute
 *    paths Dir + "/" + name, all in one PosTab and one arena), or its
 *    CompiledGoFiles when ld_list found them, with branch
 *    checking, and type-checks it with ty_check_package, importing through
 *    the package's ImportMap.  Packages are processed in dependency order;
 *    a package with errors, or one depending on such a package, is not
 *    processed further (go build never compiles it), except for the type
 *    errors of cgo packages under LdProgram.lenient_cgo.  Errors go to
 *    prog->diags (sort with diags_sort before printing).
 *  - The language version of a package is "go" + its module's go version,
 *    else the toolchain's GOVERSION (up to the first space).
 *  - Everything a program allocates is released by ld_program_free; the
 *    strings of the listing live as long as the program.
 *
 * The prefix is ld_ / Ld / LD_.
 */
#ifndef GOESC_LOAD_H
#define GOESC_LOAD_H

#include "../base/base.h"
#include "../syntax/syntax.h"
#include "../types/types.h"

/* ---- JSON (json.c) -------------------------------------------------------- */

typedef enum LdJsonKind {
    LD_JSON_NULL = 1,
    LD_JSON_BOOL,
    LD_JSON_NUMBER,
    LD_JSON_STRING,
    LD_JSON_ARRAY,
    LD_JSON_OBJECT,
} LdJsonKind;

/* One JSON value.  Arrays and objects hold their elements contiguously;
 * an object's members carry their names in `key`. */
typedef struct LdJson LdJson;
struct LdJson {
    uint8_t kind;      /* LdJsonKind */
    bool b;            /* LD_JSON_BOOL */
    uint32_t len;      /* bytes of a string or number; elements of a container */
    const char *key;   /* member name (NUL-terminated) inside an object, else NULL */
    union {
        const char *str;   /* string (decoded, NUL-terminated) or number text */
        LdJson *items;     /* array elements or object members */
    } u;
};

typedef struct LdJsonError {
    uint32_t line, col;  /* 1-based place of the problem in the text */
    char msg[96];
} LdJsonError;

/* Parses text[0..len) in place: strings are decoded and NUL-terminated
 * inside `text`, which must outlive the result; nodes are allocated in
 * `arena`.  With `stream`, the text is a sequence of values (as go list
 * -json prints) and the result is an array of them.  Nesting depth is
 * bounded only by memory.  Returns NULL and fills *err on malformed input. */
LdJson *ld_json_parse(Arena *arena, char *text, size_t len, bool stream, LdJsonError *err);
/* Member `key` of an object, or NULL (also for non-objects). */
const LdJson *ld_json_get(const LdJson *obj, const char *key);
/* A number's value (0 for non-numbers). */
double ld_json_number(const LdJson *v);

/* ---- running commands (run.c) -------------------------------------------- */

typedef struct LdRunStats {
    double wall;        /* seconds */
    double cpu;         /* the child's user + system seconds */
} LdRunStats;

/* A started command whose stdout is a pipe. */
typedef struct LdProc {
    int pid;            /* 0: not started */
    int fd;             /* read end of its stdout */
    double start;
} LdProc;

/* Starts argv (argv[0] looked up in PATH) with stdout captured and stdin
 * and stderr inherited.  Returns false (after a message) if it cannot be
 * started. */
bool ld_proc_start(LdProc *p, char *const argv[]);
/* Appends the command's whole stdout to *out and waits for it.  Returns
 * the exit status (128+signal when killed); stats (if non-NULL) gets its
 * times.  Several commands may run at once, but while one is read the
 * others block once they have written a pipe buffer (64 KiB on Linux). */
int ld_proc_finish(LdProc *p, Buf *out, LdRunStats *stats);
/* Both in one: -1 if the command could not be started. */
int ld_run(char *const argv[], Buf *out, LdRunStats *stats);

/* ---- packages --------------------------------------------------------------- */

typedef struct LdStrings {
    const char **items;
    uint32_t len;
} LdStrings;

/* A go list PackageError. */
typedef struct LdError {
    LdStrings import_stack;
    const char *pos;   /* "file:line:col" relative to the working directory, or "" */
    const char *err;
} LdError;

typedef struct LdPackage LdPackage;
struct LdPackage {
    /* as listed; import_path may name a variant ("runtime [cmd/compile]":
     * the dependencies of a PGO-built command), `path` is the package's
     * own path (what gc gets as -p) */
    const char *import_path, *name, *dir;
    const char *path;
    LdStrings go_files, cgo_files;  /* names relative to dir */
    LdStrings imports;              /* resolved import paths */
    LdStrings importmap_from, importmap_to; /* ImportMap: source path -> resolved */
    LdStrings deps;
    bool dep_only, standard, goroot, incomplete;
    const char *module_path;        /* NULL: not in a module */
    const char *module_goversion;   /* NULL or "": none given */
    LdError *error;                 /* NULL: no error */
    LdError *deps_errors;
    uint32_t ndeps_errors;

    /* derived */
    uint32_t index;                 /* position in LdProgram.pkgs */
    LdPackage **import_pkgs;        /* imports resolved (NULL: not listed) */
    const char *goversion;          /* language version for the checker */

    /* processing */
    SynFile **files;                /* parsed files (GoFiles, then CgoFiles) */
    uint32_t nfiles;
    uint32_t nerrors;               /* parse and type errors of this package */
    bool parsed, checked;
    bool failed;                    /* errors here or in a dependency */
    TyPackage *types;               /* NULL until checked */

    /* appended for goesc compile/build (see ld_parse_files) */
    bool cmdline_files;             /* files named on gc's command line: not
                                       listed, paths kept as given, checked
                                       even when an import failed (gc reports
                                       "could not import" instead) */
    bool runtime;                   /* compiled as part of the runtime (gc -+) */
    const char *import_fail_reason; /* NULL: the checker's default */
    const char *module_version;     /* NULL or "": none (main module, std) */
    LdStrings s_files;              /* (appended) SFiles: assembly, relative to dir */
    /* appended: with LdProgram.lenient_cgo, the type errors of a package
     * with CgoFiles (checked with a fake "C", as go/types' FakeImportC
     * does, where gc compiles cgo's output): how many, and the first as
     * "file:line:col: msg"; they are not in prog->diags and the package
     * is not failed */
    uint32_t cgo_type_errors;
    const char *cgo_first_error;
    /* appended: with LdProgram.cgo_compiled, a package with CgoFiles is
     * read as gc reads it, from go list's CompiledGoFiles: its GoFiles
     * (names relative to dir), then cgo's output in the build cache
     * (absolute paths), which gc is given as $WORK/bNNN/NAME and, with
     * go build's -trimpath, reports as NAME: _cgo_gotypes.go, X.cgo1.go
     * for each CgoFile X.go, _cgo_import.go (compiled_names: the name of
     * each entry as gc reports it; NULL when there is none to read) */
    LdStrings compiled_go_files;
    const char **compiled_names;
    /* appended: cgo failed on the package (go list -compiled's Error, e.g.
     * a C compiler error in the preamble): the text go build prints for
     * it, "# importpath" header included; the package is failed (go build
     * compiles neither it nor its importers) */
    const char *cgo_error;
    /* appended (driver): gc's export data of the package, whose escape
     * tags replace those computed from source (NULL: none; see
     * driver.h, "export data") */
    const char *export_file;
};

typedef struct LdConfig {
    const char *go;            /* the go command; NULL: "go" (from PATH) */
    const char *const *flags;  /* extra build flags for go list, e.g. "-tags=x" */
    uint32_t nflags;
    const char *const *patterns; /* NULL or empty: "." (see no_default) */
    uint32_t npatterns;
    bool no_default;           /* no patterns: list nothing (only go env runs) */
} LdConfig;

/* Seconds spent per phase: CPU time of this process (the machine may be
 * busy), except for the go command (wall clock and its own CPU time). */
typedef struct LdStats {
    double golist, golist_cpu; /* go list and go env, run concurrently */
    double json;               /* decoding go list's output */
    double read;               /* reading source files */
    double parse;
    double check;
    uint64_t nfiles, nbytes, nlines;
} LdStats;

typedef struct LdProgram {
    Arena arena;          /* listing, file contents, syntax trees */
    SymTab syms;          /* identifiers (shared by parser and checker) */
    SymTab paths;         /* import paths; Sym.aux is the LdPackage */
    PosTab pos;           /* every parsed file, absolute paths */
    Diags diags;          /* parse and type errors (gc's filter on) */
    char *listing;        /* go list's output (the listing's strings point in) */
    LdPackage **pkgs;     /* dependencies first */
    uint32_t npkgs;
    const char *goversion;    /* `go env GOVERSION` up to the first space */
    const char *goarch;       /* `go env GOARCH` */
    const char *goos, *goamd64, *goroot; /* (appended) `go env GOOS GOAMD64 GOROOT` */
    TyEnv *env;               /* created by the first check */
    LdStats stats;
    /* appended: type errors in packages with CgoFiles are goesc's (its
     * fake "C"), not the package's: they go to LdPackage.cgo_type_errors
     * instead of diags, and do not fail the package or its importers
     * (goesc build and compile; `goesc types` reports them as go/types
     * does) */
    bool lenient_cgo;
    /* appended: packages with CgoFiles are read from cgo's output, as gc
     * compiles them (ld_list asks go list -compiled for them; see
     * LdPackage.compiled_go_files), instead of their CgoFiles with a
     * fake "C"; a package for which go list gives no cgo output (no C
     * compiler) keeps the fake "C" */
    bool cgo_compiled;
} LdProgram;

void ld_program_init(LdProgram *prog);
void ld_program_free(LdProgram *prog);

/* Lists the packages (see the contract).  Returns false if the go command
 * could not be run or failed. */
bool ld_list(LdProgram *prog, const LdConfig *conf);
/* Prints the go list errors as go build does (nothing when none); returns
 * how many packages had errors. */
uint32_t ld_list_errors(const LdProgram *prog, FILE *out);
/* The listed package with this (resolved) import path, or NULL. */
LdPackage *ld_lookup(const LdProgram *prog, const char *path);

enum {
    LD_PARSE = 1,  /* read and parse */
    LD_CHECK = 2,  /* type-check (implies LD_PARSE) */
};
/* Parses (and with LD_CHECK type-checks) every package, in order; see the
 * contract.  Returns the number of errors added to prog->diags. */
uint32_t ld_process(LdProgram *prog, unsigned what);
/* One package; its dependencies must have been processed. */
uint32_t ld_process_package(LdProgram *prog, LdPackage *pkg, unsigned what);

/* ---- packages of files named on a command line (files.c) --------------------- */

/* gc's view of a package: the files as named (relative names stay
 * relative, so errors print them as given), one import path, the
 * directive context of -std / -+, a language version (NULL: the
 * toolchain's). */
typedef struct LdFilesConfig {
    const char *import_path;
    const char *const *files;
    uint32_t nfiles;
    bool std, runtime;
    const char *goversion;
} LdFilesConfig;

/* Reads and parses the files into a new package (not yet part of
 * prog->pkgs), with its imports collected from the import declarations
 * in source order, duplicates removed (LdPackage.imports; "C" and
 * unparsable paths are left out).  A file that cannot be read is reported
 * as gc reports it ("open NAME: REASON") on `errout` and makes the package
 * fail.  Returns the package. */
LdPackage *ld_parse_files(LdProgram *prog, const LdFilesConfig *conf, FILE *errout);
/* (The package is marked failed only when gc would stop before type
 * checking: a file not opened, a syntax error, a missing package clause.) */
/* Adds a package made by ld_parse_files after the listed ones (its
 * dependencies must have been listed) and links its imports, mapped
 * through its ImportMap. */
void ld_add_package(LdProgram *prog, LdPackage *pkg);

/* The language version of a Go version, as the go command passes it to gc
 * with -lang (gover.Lang): "1.22.3" -> "go1.22", "go1.21rc2" -> "go1.21". */
const char *ld_lang_version(Arena *a, const char *version);

/* Whether gc compiles the standard package `path` as part of the runtime
 * (cmd/internal/objabi.LookupPkgSpecial(path).Runtime; gc's -+). */
bool ld_runtime_package(const char *path);

/* Seconds since an arbitrary point (CLOCK_MONOTONIC), and CPU seconds
 * used by this process (CLOCK_PROCESS_CPUTIME_ID), for the statistics. */
double ld_now(void);
double ld_cpu_now(void);

/* ---- escape tags from gc's export data (exportdata.c) ------------------------ */

/* The parameter tags ("parameter leak summaries") that gc stored in a
 * package's unified export data (internal/pkgbits format; gc's linker
 * writes one string per receiver/parameter of every compiled function and
 * method, noder/linker.go relocFuncExt), for the non-generic functions
 * and methods declared in the package itself.
 *
 * Contract: the input is untrusted.  Every read is bounds-checked; any
 * inconsistency (truncation, a bad index or reference, an unexpected sync
 * marker or kind, a tag that is not gc's) rejects the whole file: false,
 * *why a static message, and an empty LdExportTags (lookups find
 * nothing).  Reading is linear in the size of the data.  Tags and names
 * live in the caller's arena; the table must be freed with
 * ld_export_free. */
typedef struct LdExportFunc {
    uint32_t ntags;       /* receiver + parameters */
    const char **tags;    /* as gc stores them: "" or "esc:" and up to 8 bytes
                             (escape.leaks.Encode: raw bytes, NUL included;
                             each NUL-terminated after its taglen bytes) */
    uint8_t *taglen;
} LdExportFunc;

typedef struct LdExportTags {
    SymTab names;         /* "F" and "T.M" */
    PtrMap funcs;         /* Sym* -> LdExportFunc* */
    uint32_t nfuncs;
} LdExportTags;

/* data[0..len): an archive as go build writes it (first member
 * __.PKGDEF) or the member itself; path: the package's import path (gc
 * writes it, or "", for the package's own objects); goarch: the target
 * (wasm adds fields). */
bool ld_export_parse(LdExportTags *x, Arena *a, const char *path, const void *data, size_t len,
                     const char *goarch, const char **why);
/* The same for a file. */
bool ld_export_read(LdExportTags *x, Arena *a, const char *path, const char *file, const char *goarch,
                    const char **why);
/* Function `name` (recv NULL) or method recv.name (recv: the defined
 * type's name, without pointer); NULL when unknown. */
const LdExportFunc *ld_export_lookup(LdExportTags *x, const char *recv, const char *name);
void ld_export_free(LdExportTags *x);

#endif
