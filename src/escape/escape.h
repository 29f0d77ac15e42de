/*
 * escape — gc's escape analysis on goesc's IR.
 *
 * Contract:
 *  - esc_analyze_package runs the analysis over a lowered package exactly
 *    as gc's escape.Funcs does: batches are the strongly connected
 *    components of the static call graph, callees first (Target.Funcs
 *    order for roots); every batch builds the location graph, solves it,
 *    tags the parameters of its functions and prints its -m messages in
 *    gc's emission order (docs/escape-ir.md §3).
 *  - Messages go to prog->out in the order gc prints them (not sorted;
 *    duplicates kept); nothing is printed with prog->quiet (dependencies).
 *  - Tags of every analyzed function are stored in prog->tags_by_obj (and
 *    IrFunc.tags), where later packages' calls find them; functions of
 *    dependencies must have been analyzed (or be bodyless) before their
 *    callers.
 *  - The IR is updated as gc updates it: captured variables get Byval,
 *    top-level defers EscNever, literal rewriting (rewriteWithLiterals).
 *
 * Names use the prefix esc_ / Esc / ESC_.
 */
#ifndef GOESC_ESCAPE_H
#define GOESC_ESCAPE_H

#include "../ir/ir.h"

typedef struct EscConfig {
    int m;                  /* -m level: 0 none, 1 verdicts, 2 explanations */
    bool smallframes;       /* -smallframes */
    bool zerocopy;          /* -d=zerocopy (default on) */
    bool mutationscalls;    /* -d=escapemutationscalls */
    bool runtime;           /* -+: escaping variables are errors */
    int debug;              /* -d=escapedebug=N */
} EscConfig;

void esc_analyze_package(IrProgram *prog, IrPackage *pkg, const EscConfig *conf);

/* Parameter tags (leaks.go): "" = leaks to heap at level 0 (also any
 * string without the "esc:" prefix); otherwise "esc:" followed by the
 * leaks bytes with trailing zero bytes removed.  gc writes the bytes raw
 * (they may contain NULs); goesc writes each byte as two lowercase hex
 * digits so that tags are C strings: gc's "esc:\x00\x01" is goesc's
 * "esc:0001".  Tags are stored in IrFunc.tags and, for callers in later
 * packages, in prog->tags_by_obj (IrTags, keyed by the function's
 * TyObject; IrTags.pragma carries the pragmas callers need:
 * SYN_PRAGMA_UINTPTRKEEPALIVE, added by the analysis to bodyless
 * functions, and SYN_PRAGMA_UINTPTRESCAPES). */
typedef struct EscLeaks {
    uint8_t b[8];   /* heap, mutator, callee, result0..4: derefs+1, 0 = none */
} EscLeaks;

const char *esc_leaks_encode(Arena *a, const EscLeaks *l);
EscLeaks esc_leaks_parse(const char *tag);
/* gc's binary form (from export data): n bytes at tag. */
EscLeaks esc_leaks_parse_gc(const char *tag, size_t n);
/* A tag of gc's export data (n bytes) in goesc's form, for IrTags. */
const char *esc_tag_from_gc(Arena *a, const char *tag, size_t n);

#endif
