/* Reading whole files. */
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
