/* goesc ir: the IR of packages as escape analysis would see it.  Files
 * named on the command line form one package (import path "p" unless -p
 * says otherwise, imports resolved through go list); anything else is a
 * list of package patterns.  Every function of the named packages that
 * escape analysis visits is printed in gc's Target.Funcs order: its name,
 * or with --dump its whole IR (ir_dump_func, comparable with gc's -W=2
 * "before escape" sections). */
#include "cli.h"
#include "../driver/driver.h"
#include "../ir/passes.h"

#include <stdlib.h>
#include <string.h>

typedef struct IrJob {
    DrvGcFlags flags;
    bool dump;
    const char *const *args;
    uint32_t nargs;
    bool files;         /* args are .go files */
} IrJob;

static bool has_go_suffix(const char *s)
{
    size_t n = strlen(s);
    return n > 3 && strcmp(s + n - 3, ".go") == 0;
}

static bool mark_closure(void *ud, IrNode *n)
{
    if (n->op == IR_OCLOSURE && n->func)
        ptrmap_put(ud, PMKEY(n->func), n->func);
    return false;
}

static void print_package(Drv *d, IrPackage *ip, bool dump)
{
    /* gc dumps a function when escape analysis visits it: every function
     * but the capturing closures, which are visited from the OCLOSURE in
     * their enclosing function, if it is still there (deadlocals may
     * have removed it); an enclosing function comes first in the list */
    PtrMap reached = {0};
    Buf b = {0};
    for (uint32_t i = 0; i < ip->nfn; i++) {
        IrFunc *fn = ip->fn[i];
        if (ir_func_is_closure(fn) && !ptrmap_get(&reached, PMKEY(fn)))
            continue;
        for (uint32_t k = 0; k < fn->body.len; k++)
            irp_any(fn->body.items[k], mark_closure, &reached);
        buf_reset(&b);
        if (dump)
            ir_dump_func_in(&b, &d->ir, ip->types, fn);
        else
            buf_printf(&b, "%s\n", fn->linkname ? fn->linkname : "?");
        fwrite(b.data ? b.data : "", 1, b.len, stdout);
    }
    buf_free(&b);
    ptrmap_free(&reached);
}

static int run_ir(void *arg)
{
    IrJob *job = arg;
    Drv d;
    drv_init(&d);
    int status = 0;
    if (job->files) {
        LdPackage *pkg = drv_load_files(&d, &job->flags, NULL, job->args, job->nargs, stdout, &status);
        if (pkg) {
            IrPackage *ip = drv_lower(&d, pkg, &job->flags);
            if (ip)
                print_package(&d, ip, job->dump);
        }
        /* gc's statuses are for compile; this command uses goesc's */
        if (status)
            status = 1;
        goto done;
    }
    LdConfig lc;
    memset(&lc, 0, sizeof lc);
    lc.patterns = job->args;
    lc.npatterns = job->nargs;
    if (!ld_list(&d.ld, &lc) || ld_list_errors(&d.ld, stderr) > 0) {
        status = 1;
        goto done;
    }
    if (ld_process(&d.ld, LD_CHECK) > 0) {
        diags_sort(&d.ld.diags);
        diags_print(&d.ld.diags, &d.ld.pos, stderr);
        status = 1;
    }
    uint32_t named = 0;
    for (uint32_t i = 0; i < d.ld.npkgs; i++)
        named += !d.ld.pkgs[i]->dep_only;
    for (uint32_t i = 0; i < d.ld.npkgs; i++) {
        LdPackage *p = d.ld.pkgs[i];
        if (p->dep_only)
            continue;
        DrvGcFlags fl = job->flags;
        fl.std = p->standard;
        fl.runtime = p->runtime;
        fl.lang = p->goversion;
        fl.pkgpath = p->path;
        IrPackage *ip = drv_lower(&d, p, &fl);
        if (!ip)
            continue;
        if (named > 1)
            printf("# %s\n", p->import_path);
        print_package(&d, ip, job->dump);
    }
done:
    fflush(stdout);
    drv_free(&d);
    return status;
}

static void usage_ir(FILE *out)
{
    fputs("usage: goesc ir [--dump] [gc flags] [FILE.go...|PACKAGES]\n"
          "  --dump      print each function's IR (as gc's -W=2 \"before escape\")\n"
          "              instead of its name\n"
          "  gc flags    as for goesc compile: -p (default p for files), -N, -lang,\n"
          "              -std, -+, -d=loopvar=N,nodeadlocals ...\n",
          out);
}

int cli_ir(int argc, char **argv)
{
    IrJob job;
    memset(&job, 0, sizeof job);
    drv_gcflags_init(&job.flags);
    job.flags.pkgpath = "p";
    char **args = xmalloc(sizeof(char *) * (size_t)(argc + 1));
    int n = 0;
    int status = 2;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--dump") == 0 || strcmp(argv[i], "-dump") == 0) {
            job.dump = true;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            usage_ir(stdout);
            status = 0;
            goto out;
        } else {
            args[n++] = argv[i];
        }
    }
    int first = drv_gcflags_parse(&job.flags, n, args, stderr);
    if (first < 0)
        goto out;
    /* no arguments: the package in the current directory, as go list */
    job.args = (const char *const *)args + first;
    job.nargs = (uint32_t)(n - first);
    job.files = job.nargs > 0;
    for (uint32_t i = 0; i < job.nargs; i++)
        job.files = job.files && has_go_suffix(job.args[i]);
    status = cli_run_big_stack(run_ir, &job);
out:
    free(args);
    return status;
}
