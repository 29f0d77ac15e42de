/* The program: its lifetime, package lookup, and what gc knows about
 * particular standard packages. */
#include "load.h"

#include <stdlib.h>
#include <string.h>

void ld_program_init(LdProgram *prog)
{
    memset(prog, 0, sizeof *prog);
    arena_init(&prog->arena);
    symtab_init(&prog->syms);
    symtab_init(&prog->paths);
    postab_init(&prog->pos);
    prog->diags.gc_pt = &prog->pos;
    prog->goversion = "";
    prog->goarch = "";
}

void ld_program_free(LdProgram *prog)
{
    if (prog->env)
        ty_env_free(prog->env);
    diags_free(&prog->diags);
    postab_free(&prog->pos);
    symtab_free(&prog->paths);
    symtab_free(&prog->syms);
    arena_free(&prog->arena);
    free(prog->listing);
    memset(prog, 0, sizeof *prog);
}

LdPackage *ld_lookup(const LdProgram *prog, const char *path)
{
    /* interning an unknown path adds it to the table: harmless, and the
     * table is the program's own (hence the cast) */
    const Sym *s = sym_cstr((SymTab *)&prog->paths, path);
    return s->aux;
}

/* cmd/internal/objabi's runtimePkgs: "runtime" and every package it
 * imports, compiled with gc's -+ (runtime-only directives allowed). */
static const char *const runtime_pkgs[] = {
    "runtime",
    "internal/runtime/atomic",
    "internal/runtime/cgroup",
    "internal/runtime/exithook",
    "internal/runtime/gc",
    "internal/runtime/gc/scan",
    "internal/runtime/maps",
    "internal/runtime/math",
    "internal/runtime/sys",
    "internal/runtime/syscall/linux",
    "internal/runtime/syscall/windows",
    "internal/abi",
    "internal/bytealg",
    "internal/byteorder",
    "internal/chacha8rand",
    "internal/coverage/rtcov",
    "internal/cpu",
    "internal/goarch",
    "internal/godebugs",
    "internal/goexperiment",
    "internal/goos",
    "internal/profilerecord",
    "internal/strconv",
    "internal/stringslite",
};

bool ld_runtime_package(const char *path)
{
    for (size_t i = 0; i < sizeof runtime_pkgs / sizeof runtime_pkgs[0]; i++)
        if (strcmp(path, runtime_pkgs[i]) == 0)
            return true;
    return false;
}
