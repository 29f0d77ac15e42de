/* Turning command-line arguments into lists of Go files; running work on a
 * thread with a big stack. */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_go_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 3 && strcmp(name + n - 3, ".go") == 0;
}

static bool walk(const char *dir, PtrVec *out)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "goesc: %s: %s\n", dir, strerror(errno));
        return false;
    }
    PtrVec names = {0};
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        ptrvec_push(&names, xstrdup(e->d_name));
    }
    closedir(d);
    qsort(names.data, names.len, sizeof(char *), cmp_str);
    bool ok = true;
    PtrVec subdirs = {0};
    for (uint32_t i = 0; i < names.len; i++) {
        char *name = names.data[i];
        size_t n = strlen(dir) + strlen(name) + 2;
        char *path = xmalloc(n);
        snprintf(path, n, "%s/%s", dir, name);
        struct stat st;
        if (stat(path, &st) != 0) {
            free(path);
        } else if (S_ISDIR(st.st_mode)) {
            ptrvec_push(&subdirs, path);
        } else if (S_ISREG(st.st_mode) && has_go_suffix(name)) {
            ptrvec_push(out, path);
        } else {
            free(path);
        }
        free(name);
    }
    ptrvec_free(&names);
    /* files of a directory first, then its subdirectories */
    for (uint32_t i = 0; i < subdirs.len; i++) {
        ok = walk(subdirs.data[i], out) && ok;
        free(subdirs.data[i]);
    }
    ptrvec_free(&subdirs);
    return ok;
}

bool cli_collect_go_files(int argc, char **argv, PtrVec *out)
{
    bool ok = true;
    for (int i = 0; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "goesc: %s: %s\n", argv[i], strerror(errno));
            ok = false;
            continue;
        }
        if (S_ISDIR(st.st_mode))
            ok = walk(argv[i], out) && ok;
        else
            ptrvec_push(out, xstrdup(argv[i]));
    }
    return ok;
}

typedef struct BigStack {
    int (*fn)(void *);
    void *arg;
    int result;
} BigStack;

static void *big_stack_main(void *p)
{
    BigStack *b = p;
    b->result = b->fn(b->arg);
    return NULL;
}

int cli_run_big_stack(int (*fn)(void *), void *arg)
{
    /* Deeply nested source recurses deeply; 1 GiB of address space is
     * reserved, and only what is touched is ever backed by memory. */
    BigStack b = {fn, arg, 0};
    pthread_attr_t attr;
    pthread_t t;
    if (pthread_attr_init(&attr) != 0 ||
        pthread_attr_setstacksize(&attr, (size_t)1 << 30) != 0 ||
        pthread_create(&t, &attr, big_stack_main, &b) != 0)
        return fn(arg);
    pthread_join(t, NULL);
    pthread_attr_destroy(&attr);
    return b.result;
}
