/*
 * driver — compiling packages the way gc does, for goesc compile, build
 * and ir.
 *
 * Contract:
 *  - DrvGcFlags is what gc's command line says (cmd/compile/internal/base
 *    flag.go).  drv_gcflags_parse reads it with the Go flag package's rules
 *    (-f, --f, -f=v, -f v for flags that take a value; count flags such as
 *    -m and -l add one per use and take -m=N), accepts every flag gc
 *    accepts (those without an effect on escape analysis are ignored) and
 *    the test driver's -0, and stops at the first non-flag argument or
 *    "--".  Errors are printed as gc prints them (usage on stderr).
 *  - A Drv session owns the loaded program (LdProgram: every syntax tree
 *    and type) and the IR program (IrProgram) shared by all packages of a
 *    run: escape tags computed for a dependency are found by its
 *    importers through IrProgram.tags_by_obj.
 *  - drv_analyze lowers one checked package, runs the passes that gc runs
 *    between the noder and escape analysis, and escape analysis, with the
 *    package's flags.  Packages must be analyzed in dependency order
 *    (callees first, as gc compiles them).  Messages are appended to
 *    drv->ir.out in gc's emission order; nothing is printed for a quiet
 *    package (a dependency compiled without -m).
 *  - drv_print_errors prints diagnostics as gc does (base.FlushErrors):
 *    sorted by position, identical lines once, no columns with -C, and,
 *    without -e, "POS: too many errors" after the tenth.
 *  - drv_short_paths rewrites compiler output as go build shows it
 *    (cmd/go/internal/work Shell.reportCmd); drv_pattern_match is go
 *    build's package pattern matching for -gcflags=PATTERN=FLAGS
 *    (cmd/go/internal/load MatchPackage).
 *
 * Names use the prefix drv_ / Drv / DRV_.
 */
#ifndef GOESC_DRIVER_H
#define GOESC_DRIVER_H

#include "../escape/escape.h"
#include "../ir/ir.h"
#include "../load/load.h"

/* ---- gc's flags (gcflags.c) ------------------------------------------------ */

typedef struct DrvGcFlags {
    /* count flags */
    int m;                  /* -m: 1 verdicts, 2 explanations */
    int l;                  /* -l: inlining off (goesc never inlines) */
    int N;                  /* -N: no optimizations (deadlocals off) */
    int C;                  /* -C: no columns in positions */
    int e;                  /* -e: no limit on errors */
    int L;                  /* -L: also show //line-mapped file names (unsupported) */
    bool std;               /* -std */
    bool runtime;           /* -+ */
    bool smallframes;       /* -smallframes */
    bool complete;          /* -complete */
    const char *lang;       /* -lang=goX.Y (NULL: the toolchain's) */
    const char *trimpath;   /* -trimpath (NULL: none) */
    const char *importcfg;  /* -importcfg FILE (NULL: resolve with go list) */
    const char *symabis;    /* -symabis FILE: ABIs of assembly symbols (NULL: none) */
    const char *pkgpath;    /* -p (gc's default: "<unlinkable>") */
    const char *output;     /* -o (ignored: goesc writes no object) */
    bool version;           /* -V: print the version and exit */
    /* -d=... */
    bool d_mutationscalls;  /* escapemutationscalls */
    bool d_zerocopy;        /* zerocopy (default 1) */
    bool d_nodeadlocals;    /* nodeadlocals */
    int d_loopvar;          /* loopvar=N (default 1) */
    int d_escapedebug;      /* escapedebug=N */
    bool d_panic;           /* panic (no effect: goesc never hides errors) */
} DrvGcFlags;

void drv_gcflags_init(DrvGcFlags *f);
/* Parses gc flags from argv[0..argc) (argv[0] is a flag, not the program
 * name).  Returns the index of the first non-flag argument, or -1 after
 * printing the problem and gc's usage to `errout`. */
int drv_gcflags_parse(DrvGcFlags *f, int argc, char **argv, FILE *errout);
/* Applies one -d list ("a,b=1,c"); unknown keys are ignored. */
void drv_gcflags_debug(DrvGcFlags *f, const char *list);
/* The escape and lowering configuration the flags ask for. */
EscConfig drv_esc_config(const DrvGcFlags *f);
IrConfig drv_ir_config(const DrvGcFlags *f);
/* gc's usage text. */
void drv_gc_usage(FILE *out);

/* An -importcfg file: `packagefile PATH=FILE` and `importmap OLD=NEW`
 * lines (cmd/compile/internal/base readImportCfg). */
typedef struct DrvImportCfg {
    LdStrings pkgfile;      /* paths with a packagefile line */
    LdStrings pkgfile_file; /* their files (same index) */
    LdStrings map_from, map_to;
} DrvImportCfg;

/* Reads an importcfg into the arena.  Returns false after printing gc's
 * message to `errout` ("-importcfg: ..."). */
bool drv_read_importcfg(Arena *a, const char *file, DrvImportCfg *cfg, FILE *errout);

/* ---- the session (driver.c) -------------------------------------------------- */

typedef struct Drv {
    LdProgram ld;
    IrProgram ir;
    bool ir_ready;          /* ir initialized (needs the checker's TyEnv) */
    double t_ir, t_esc, t_walk; /* CPU seconds spent lowering (with passes), analyzing, in walk */
} Drv;

void drv_init(Drv *d);
void drv_free(Drv *d);

/* gc's front end on a package of files named on its command line, with
 * their imports resolved through `cfg` (an -importcfg; NULL: as go list
 * resolves them) and every dependency listed and checked from source:
 * returns the package with the files as given (see ld_parse_files).
 * Problems are reported as gc reports them, on `out` (gc's stdout):
 * files that cannot be opened, syntax errors, type errors of the package.
 * Errors that goesc's checker finds in dependencies (which gc would have
 * read from export data) go to stderr.  *status is 0, or 2 after errors
 * (then NULL is returned). */
LdPackage *drv_load_files(Drv *d, const DrvGcFlags *flags, const DrvImportCfg *cfg,
                          const char *const *files, uint32_t nfiles, FILE *out, int *status);

/* Lowers a checked package and runs the passes gc runs before escape
 * analysis.  Returns NULL if the package was not checked (or is unsafe). */
/* GOESC_TAINT=FILE: appends the package's functions, their ranges,
 * whether goesc can lower them yet, and their references to FILE (a
 * debugging aid for comparisons, see taint.c). */
void drv_taint_dump(Drv *d, IrPackage *ip);
IrPackage *drv_lower(Drv *d, LdPackage *pkg, const DrvGcFlags *flags);
/* drv_lower, then escape analysis (see the contract).  quiet: no
 * messages. */
IrPackage *drv_analyze(Drv *d, LdPackage *pkg, const DrvGcFlags *flags, bool quiet);
/* The flags gc gets from go build for a dependency: -std for standard
 * packages, -+ for the runtime ones, -lang from its module. */
void drv_default_flags(const LdPackage *pkg, DrvGcFlags *f);

/* Prints list[0..n) (in the order they were reported) as gc does (see
 * the contract), into `out`. */
void drv_format_errors(Buf *out, const Diag *list, uint32_t n, const PosTab *pt, const DrvGcFlags *flags);
/* A position as gc prints it in errors: the file name as recorded, the
 * column unless -C (or gc would not print it). */
void drv_format_pos(Buf *b, const PosTab *pt, Pos pos, bool columns);

/* ---- export data (export.c) ------------------------------------------------------ */

/* gc reads the escape tags of a dependency from its export data, which
 * go build compiled with the flags it gives that package (by default with
 * inlining, which can make tags more precise than goesc's analysis
 * without inlining).  A package whose LdPackage.export_file is set is
 * analyzed from source as usual (its IR is still needed: generic bodies,
 * devirtualization), then drv_analyze replaces the tags of its
 * non-generic functions and methods found in that export data (read by
 * ld_export_read).  Unreadable or malformed export data keeps the tags
 * computed from source, with a note on stderr.
 *
 * drv_list_exports runs `go list -e -export` (with the given build flags)
 * on the packages, which builds them with go build's default flags (cache
 * hits are fast), and sets their export_file.  Returns false, after a
 * note on `notes`, if go list fails. */
bool drv_list_exports(Drv *d, const char *const *flags, uint32_t nflags, LdPackage *const *pkgs, uint32_t n,
                      FILE *notes);
/* Replaces the tags of ip's functions by those of pkg->export_file;
 * returns how many were replaced. */
uint32_t drv_apply_export_tags(Drv *d, IrPackage *ip, LdPackage *pkg, FILE *notes);

/* ---- go build's view (paths.c) --------------------------------------------------- */

/* The working directory as the go command sees it (os.Getwd: $PWD when it
 * names the current directory). */
const char *drv_cwd(Arena *a);
/* Appends `text` to out with the absolute paths under `dir` (the package
 * directory) and its parents rewritten relative to `cwd` where that is
 * shorter, exactly as go build rewrites compiler output. */
void drv_short_paths(Buf *out, const char *text, size_t len, const char *dir, const char *cwd);

/* A compiled package pattern of -gcflags=PATTERN=FLAGS. */
typedef struct DrvPattern {
    const char *pattern;    /* NULL: the packages named on the command line */
    const char *dir;        /* relative patterns: the absolute directory */
    bool relative;
} DrvPattern;

void drv_pattern_init(Arena *a, DrvPattern *p, const char *pattern, const char *cwd);
bool drv_pattern_match(const DrvPattern *p, const LdPackage *pkg);
/* pkgpattern.MatchPattern: "..." matches any string (not across a vendor
 * element), "x/..." also matches "x". */
bool drv_match_path(const char *pattern, const char *name);

#endif
