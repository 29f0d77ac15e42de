/*
 * initdump PATTERNS: loads and type-checks packages as `goesc types` does
 * and prints the package initialization order goesc computed
 * (TyPackage.inits) for the named packages, as the Go tool ./initorder
 * prints go/types' Info.InitOrder:
 *
 *     PKG: LHS1,LHS2 /abs/file.go:LINE:COL
 *
 * Errors go to stderr; the exit status is 1 if there were any.
 */
#include "load/load.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    LdProgram prog;
    ld_program_init(&prog);
    LdConfig conf = {NULL, NULL, 0, (const char *const *)argv + 1, (uint32_t)(argc - 1)};
    if (!ld_list(&prog, &conf)) {
        ld_program_free(&prog);
        return 2;
    }
    uint32_t nerr = ld_process(&prog, LD_CHECK);
    diags_sort(&prog.diags);
    diags_print(&prog.diags, &prog.pos, stderr);
    for (uint32_t i = 0; i < prog.npkgs; i++) {
        LdPackage *p = prog.pkgs[i];
        if (p->dep_only || !p->types)
            continue;
        const TyPackage *tp = p->types;
        for (uint32_t k = 0; k < tp->ninits; k++) {
            const TyInitializer *in = &tp->inits[k];
            printf("%s: ", p->import_path);
            for (uint32_t j = 0; j < in->nlhs; j++)
                printf("%s%s", j ? "," : "", in->lhs[j]->name->name);
            Position ps = postab_resolve(&prog.pos, in->lhs[0]->pos);
            printf(" %s:%u:%u\n", ps.filename, ps.line, ps.col);
        }
    }
    ld_program_free(&prog);
    return nerr > 0;
}
