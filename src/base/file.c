/* Reading whole files; path names. */
#include "base.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

char *read_file(const char *path, size_t *size, const char **err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *err = strerror(errno);
        return NULL;
    }
    size_t cap = 1 << 16, len = 0;
    char *data = xmalloc(cap);
    for (;;) {
        if (len + 1 >= cap) {
            cap *= 2;
            data = xrealloc(data, cap);
        }
        size_t n = fread(data + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0) {
            if (ferror(f)) {
                *err = strerror(errno ? errno : EIO);
                fclose(f);
                free(data);
                return NULL;
            }
            break;
        }
    }
    fclose(f);
    if (len >= UINT32_MAX / 2) {
        *err = "file too large";
        free(data);
        return NULL;
    }
    data[len] = 0;
    *size = len;
    return data;
}

void path_clean(Buf *out, const char *p)
{
    size_t n = strlen(p);
    bool rooted = n > 0 && p[0] == '/';
    size_t start = out->len;
    size_t dotdot = rooted ? 1 : 0; /* where ".." may no longer backtrack */
    if (rooted)
        buf_putc(out, '/');
    dotdot += start;
    size_t r = rooted ? 1 : 0;
    while (r < n) {
        if (p[r] == '/') {
            r++;
        } else if (p[r] == '.' && (r + 1 == n || p[r + 1] == '/')) {
            r++;
        } else if (p[r] == '.' && p[r + 1] == '.' && (r + 2 == n || p[r + 2] == '/')) {
            r += 2;
            if (out->len > dotdot) {
                /* back up to the previous separator */
                size_t w = out->len - 1;
                while (w > dotdot && out->data[w] != '/')
                    w--;
                out->len = w;
                out->data[w] = 0;
            } else if (!rooted) {
                if (out->len > start)
                    buf_putc(out, '/');
                buf_puts(out, "..");
                dotdot = out->len;
            }
        } else {
            if ((rooted && out->len != start + 1) || (!rooted && out->len != start))
                buf_putc(out, '/');
            for (; r < n && p[r] != '/'; r++)
                buf_putc(out, p[r]);
        }
    }
    if (out->len == start)
        buf_putc(out, '.');
    out->data[out->len] = 0;
}
