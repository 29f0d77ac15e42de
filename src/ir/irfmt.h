/*
 * Printing helpers shared by fmt.c (gc's %v of nodes and types) and dump.c
 * (gc's %+v debug dumps).  Internal to src/ir.
 *
 * gc prints types in four modes (types/fmt.go):
 *   GO        what users see in -m messages: local names unqualified,
 *             others qualified by package name;
 *   DEBUG     the -W dumps: "KIND-" + GO form for unnamed types, named
 *             types always qualified by package name;
 *   TYPEID    LinkString: every name qualified by its package's link
 *             prefix (the escaped path), byte/rune/any collapsed; used for
 *             type arguments in instantiated names;
 *   TYPEIDNAME NameString (kept for completeness).
 */
#ifndef GOESC_IR_IRFMT_H
#define GOESC_IR_IRFMT_H

#include "ir.h"

typedef enum IrFmtMode { IR_FMT_GO, IR_FMT_DEBUG, IR_FMT_TYPEID, IR_FMT_TYPEIDNAME } IrFmtMode;

/* tconv: t in the given mode; verb is 0, 'v' or 'S' as in types/fmt.go. */
void irfmt_type(Buf *b, IrProgram *p, const TyPackage *local, TyType *t, int verb, IrFmtMode mode);

/* The type as gc's IR holds it: aliases resolved (gc never sees them),
 * except the predeclared any, which gc keeps as its own type. */
TyType *irfmt_gc_type(TyEnv *env, TyType *t);

/* Whether gc's type has a symbol (named, basic, any, error, ...): decides
 * T(x) versus (T)(x) for conversions. */
bool irfmt_type_has_sym(TyEnv *env, TyType *t);

/* The package qualifier of the debug dumps for names of package pkg
 * (NULL: the local package): its name. */
const char *irfmt_pkg_name(const TyPackage *pkg, const TyPackage *local);

/* objabi.PathToPrefix: the link-symbol prefix of an import path. */
void irfmt_path_prefix(Buf *b, const char *path);

/* Whether the name is exported (types.IsExported: first rune upper case). */
bool irfmt_exported(const char *name);

#endif
