/*
 * Running the go command: stdout captured through a pipe, stderr (where
 * the go command explains its problems) passed through, the environment
 * and working directory inherited.
 */
#include "load.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

double ld_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double ld_cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

bool ld_proc_start(LdProc *p, char *const argv[])
{
    memset(p, 0, sizeof *p);
    p->fd = -1;
    int fds[2];
    if (pipe(fds) != 0) {
        fprintf(stderr, "goesc: pipe: %s\n", strerror(errno));
        return false;
    }
    /* our end must not leak into this or later children */
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
    posix_spawn_file_actions_addclose(&fa, fds[1]);
    pid_t pid;
    p->start = ld_now();
    int e = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    if (e != 0) {
        close(fds[0]);
        if (e == ENOENT)
            fprintf(stderr, "goesc: %s: executable file not found in $PATH\n", argv[0]);
        else
            fprintf(stderr, "goesc: cannot run %s: %s\n", argv[0], strerror(e));
        return false;
    }
    p->pid = pid;
    p->fd = fds[0];
    return true;
}

int ld_proc_finish(LdProc *p, Buf *out, LdRunStats *stats)
{
    if (p->pid <= 0)
        return -1;
    for (;;) {
        buf_grow(out, 1 << 16);
        ssize_t n = read(p->fd, out->data + out->len, out->cap - out->len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n < 0)
                fprintf(stderr, "goesc: reading output: %s\n", strerror(errno));
            break;
        }
        out->len += (size_t)n;
    }
    out->data[out->len] = 0;
    close(p->fd);
    int status = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    while (wait4(p->pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "goesc: wait: %s\n", strerror(errno));
            status = 0x7f00; /* exit status 127 */
            break;
        }
    }
    if (stats) {
        stats->wall = ld_now() - p->start;
        stats->cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
                     (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
    }
    p->pid = 0;
    p->fd = -1;
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

int ld_run(char *const argv[], Buf *out, LdRunStats *stats)
{
    LdProc p;
    if (!ld_proc_start(&p, argv))
        return -1;
    return ld_proc_finish(&p, out, stats);
}
