/*
 * cli — the goesc command line.  main.c dispatches subcommands; each
 * subcommand lives in its own file (parse.c, ...).
 *
 * Contract: every subcommand returns the process exit status: 0 success,
 * 1 errors in the input (reported as file:line:col: message), 2 usage or
 * I/O problems.
 */
#ifndef GOESC_CLI_H
#define GOESC_CLI_H

#include "../base/base.h"

int cli_parse(int argc, char **argv);
int cli_types(int argc, char **argv);
int cli_ir(int argc, char **argv);      /* ir.c */
int cli_compile(int argc, char **argv); /* compile.c: gc's exit statuses (0, 2) */
int cli_build(int argc, char **argv);   /* build.c: go build's (0, 1, 2) */
int cli_exporttags(int argc, char **argv); /* exporttags.c */

/* goesc types --objects: the sorted object lines of the checked packages
 * named on the command line (objects.c). */
struct LdProgram;
void cli_print_objects(const struct LdProgram *prog, FILE *out);

/* Collects the .go files named by args: files as given, directories
 * walked recursively (sorted, as the go tool lists them).  Returns false
 * (after reporting) if an argument cannot be read. */
bool cli_collect_go_files(int argc, char **argv, PtrVec *out);

/* Runs fn(arg) on a thread with a large stack (deeply nested input) and
 * returns its result. */
int cli_run_big_stack(int (*fn)(void *), void *arg);

#endif
