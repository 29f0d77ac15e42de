/* goesc: the command dispatcher. */
#include "cli.h"

#include <string.h>

static void usage(FILE *out)
{
    fputs("usage: goesc <command> [arguments]\n"
          "\n"
          "commands:\n"
          "  parse [--dump] [--strings] FILE|DIR...   parse Go files (a DIR is walked for *.go)\n"
          "  types [--objects] [-tags=TAGS] [PACKAGES]\n"
          "                                           load packages (go list patterns, default .),\n"
          "                                           parse and type-check them; --objects lists\n"
          "                                           every identifier's object\n"
          "  ir [--dump] [gc flags] [FILE.go...|PACKAGES]\n"
          "                                           lower to IR and list (or dump) the functions\n"
          "                                           escape analysis sees, in gc's order\n"
          "  compile [gc flags] FILE.go...            go tool compile's diagnostics (-m escape\n"
          "                                           analysis; flags as gc's)\n"
          "  build [-C dir] [-gcflags=...] [PACKAGES] what go build -gcflags=... prints\n"
          "  exporttags IMPORTPATH FILE               the escape tags in a package's export data\n"
          "\n"
          "goesc reads Go source with its own parser and reports what the Go compiler\n"
          "would report.  See README.md.\n",
          out);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "parse") == 0)
        return cli_parse(argc - 2, argv + 2);
    if (strcmp(cmd, "types") == 0)
        return cli_types(argc - 2, argv + 2);
    if (strcmp(cmd, "ir") == 0)
        return cli_ir(argc - 2, argv + 2);
    if (strcmp(cmd, "compile") == 0)
        return cli_compile(argc - 2, argv + 2);
    if (strcmp(cmd, "build") == 0)
        return cli_build(argc - 2, argv + 2);
    if (strcmp(cmd, "exporttags") == 0)
        return cli_exporttags(argc - 2, argv + 2);
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
        usage(stdout);
        return 0;
    }
    fprintf(stderr, "goesc: unknown command %s\n", cmd);
    usage(stderr);
    return 2;
}
