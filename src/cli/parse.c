/* goesc parse: parse files, report syntax errors, optionally dump trees. */
#include "cli.h"
#include "../syntax/syntax.h"

#include <stdlib.h>
#include <string.h>

void syn_dump_strings(Buf *b, const PosTab *pt, const SynFile *f);

typedef struct ParseJob {
    PtrVec files;
    bool dump, strings;
} ParseJob;

static int run_parse(void *arg)
{
    ParseJob *job = arg;
    SymTab syms;
    PosTab pt;
    symtab_init(&syms);
    postab_init(&pt);
    int status = 0;
    Buf out = {0};
    /* one arena, cleared between files: reusing warm pages beats fresh ones */
    Arena arena;
    arena_init(&arena);
    for (uint32_t i = 0; i < job->files.len; i++) {
        const char *path = job->files.data[i];
        size_t size;
        const char *err;
        char *data = read_file(path, &size, &err);
        if (!data) {
            fprintf(stderr, "goesc: open %s: %s\n", path, err);
            status = 1;
            continue;
        }
        SrcFile *src = postab_add(&pt, path, data, (uint32_t)size);
        Diags diags = {0};
        diags.gc_pt = &pt;
        SynCtx ctx = {&arena, &syms, &pt, &diags, SYN_CHECK_BRANCHES, false, false, false};
        SynFile *f = syn_parse_file(&ctx, src, NULL);
        if (diags.len) {
            diags_sort(&diags);
            fflush(stdout);
            diags_print(&diags, &pt, stderr);
            status = 1;
        }
        if (f && (job->dump || job->strings)) {
            buf_reset(&out);
            if (job->dump)
                syn_dump(&out, &pt, f);
            if (job->strings)
                syn_dump_strings(&out, &pt, f);
            fwrite(out.data, 1, out.len, stdout);
        }
        diags_free(&diags);
        arena_reset(&arena);
        /* the position table keeps the file; its text is no longer needed */
        free(data);
        src->data = NULL;
    }
    arena_free(&arena);
    buf_free(&out);
    postab_free(&pt);
    symtab_free(&syms);
    return status;
}

int cli_parse(int argc, char **argv)
{
    ParseJob job;
    memset(&job, 0, sizeof job);
    int i = 0;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--dump") == 0)
            job.dump = true;
        else if (strcmp(argv[i], "--strings") == 0)
            job.strings = true;
        else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else {
            fprintf(stderr, "goesc parse: unknown flag %s\n", argv[i]);
            return 2;
        }
    }
    if (i == argc) {
        fprintf(stderr, "usage: goesc parse [--dump] [--strings] FILE|DIR...\n");
        return 2;
    }
    int status = 0;
    if (!cli_collect_go_files(argc - i, argv + i, &job.files))
        status = 2;
    int st = cli_run_big_stack(run_parse, &job);
    if (st > status)
        status = st;
    for (uint32_t k = 0; k < job.files.len; k++)
        free(job.files.data[k]);
    ptrvec_free(&job.files);
    return status;
}
