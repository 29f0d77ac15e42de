/*
 * go build's view of paths: the working directory, the rewriting of
 * compiler output to relative paths (cmd/go/internal/work
 * Shell.reportCmd), and package patterns for -gcflags=PATTERN=FLAGS
 * (cmd/go/internal/load MatchPackage, cmd/internal/pkgpattern).
 */
#include "driver.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *drv_cwd(Arena *a)
{
    /* os.Getwd: $PWD if it is absolute and names the current directory
     * (it keeps symbolic links as the user typed them) */
    const char *pwd = getenv("PWD");
    struct stat s1, s2;
    if (pwd && pwd[0] == '/' && stat(pwd, &s1) == 0 && stat(".", &s2) == 0 &&
        s1.st_dev == s2.st_dev && s1.st_ino == s2.st_ino)
        return arena_strdup(a, pwd);
    char buf[PATH_MAX];
    if (getcwd(buf, sizeof buf))
        return arena_strdup(a, buf);
    return arena_strdup(a, ".");
}

/* filepath.Rel for two clean absolute paths. */
static void rel_path(Buf *out, const char *base, const char *targ)
{
    if (strcmp(base, targ) == 0) {
        buf_putc(out, '.');
        return;
    }
    size_t bl = strlen(base), tl = strlen(targ);
    size_t b0 = 0, bi = 0, t0 = 0, ti = 0;
    for (;;) {
        while (bi < bl && base[bi] != '/')
            bi++;
        while (ti < tl && targ[ti] != '/')
            ti++;
        if (ti - t0 != bi - b0 || memcmp(targ + t0, base + b0, ti - t0) != 0)
            break;
        if (bi < bl)
            bi++;
        if (ti < tl)
            ti++;
        b0 = bi;
        t0 = ti;
    }
    if (b0 != bl) {
        size_t seps = 0;
        for (size_t i = b0; i < bl; i++)
            seps += base[i] == '/';
        buf_puts(out, "..");
        for (size_t i = 0; i < seps; i++)
            buf_puts(out, "/..");
        if (t0 != tl) {
            buf_putc(out, '/');
            buf_puts(out, targ + t0);
        }
        return;
    }
    buf_puts(out, targ + t0);
}

/* cmd/go/internal/base sameFile */
static bool same_file(const char *p1, const char *p2)
{
    struct stat s1, s2;
    int e1 = stat(p1, &s1), e2 = stat(p2, &s2);
    if (e1 != 0 || e2 != 0)
        return e1 != 0 && e2 != 0; /* both missing (approximately: any error) */
    return s1.st_dev == s2.st_dev && s1.st_ino == s2.st_ino;
}

/* base.ShortPath: the path relative to cwd if that is shorter and names
 * the same file. */
static void short_path(Buf *out, const char *path, const char *cwd)
{
    Buf rel = {0}, from_cwd = {0};
    rel_path(&rel, cwd, path);
    /* go stats rel from its working directory; cwd + "/" + rel (not
     * cleaned, so that the kernel follows symbolic links in cwd the same
     * way) is that file without depending on this process's directory */
    buf_printf(&from_cwd, "%s/%s", cwd, buf_str(&rel));
    if (rel.len < strlen(path) && same_file(buf_str(&from_cwd), path))
        buf_puts(out, buf_str(&rel));
    else
        buf_puts(out, path);
    buf_free(&rel);
    buf_free(&from_cwd);
}

/* strings.ReplaceAll(s, old, new) */
static void replace_all(Buf *s, const char *old, const char *repl)
{
    size_t ol = strlen(old);
    if (!s->len || !ol)
        return;
    Buf r = {0};
    const char *p = s->data, *end = s->data + s->len;
    bool changed = false;
    while (p < end) {
        const char *q = (size_t)(end - p) >= ol ? strstr(p, old) : NULL;
        if (!q) {
            buf_put(&r, p, (size_t)(end - p));
            break;
        }
        buf_put(&r, p, (size_t)(q - p));
        buf_puts(&r, repl);
        p = q + ol;
        changed = true;
    }
    if (changed) {
        buf_free(s);
        *s = r;
    } else {
        buf_free(&r);
    }
}

/* work.replacePrefix: replaces old where it starts the text or follows a
 * space, a newline, or a newline and a tab. */
static void replace_prefix(Buf *s, const char *old, const char *repl)
{
    if (!s->len || !strstr(s->data, old))
        return;
    Buf o = {0}, n = {0};
    static const char *const lead[] = {" ", "\n", "\n\t"};
    for (int i = 0; i < 3; i++) {
        buf_reset(&o);
        buf_reset(&n);
        buf_printf(&o, "%s%s", lead[i], old);
        buf_printf(&n, "%s%s", lead[i], repl);
        replace_all(s, buf_str(&o), buf_str(&n));
    }
    size_t ol = strlen(old);
    if (s->len >= ol && memcmp(s->data, old, ol) == 0) {
        Buf r = {0};
        buf_puts(&r, repl);
        buf_put(&r, s->data + ol, s->len - ol);
        buf_free(s);
        *s = r;
    }
    buf_free(&o);
    buf_free(&n);
}

void drv_short_paths(Buf *out, const char *text, size_t len, const char *dir, const char *cwd)
{
    Buf s = {0};
    buf_put(&s, text, len);
    if (s.len == 0 || s.data[s.len - 1] != '\n')
        buf_putc(&s, '\n');
    Buf d = {0}, rel = {0};
    path_clean(&d, dir);
    for (;;) {
        buf_reset(&rel);
        short_path(&rel, buf_str(&d), cwd);
        if (strcmp(buf_str(&rel), buf_str(&d)) != 0)
            replace_prefix(&s, buf_str(&d), buf_str(&rel));
        /* filepath.Dir */
        char *slash = strrchr(d.data, '/');
        if (!slash)
            break;
        size_t nl = slash == d.data ? 1 : (size_t)(slash - d.data);
        if (nl == d.len)
            break; /* "/" */
        d.len = nl;
        d.data[nl] = 0;
    }
    buf_put(out, s.data, s.len);
    buf_free(&s);
    buf_free(&d);
    buf_free(&rel);
}

/* ---- package patterns --------------------------------------------------------- */

/* pkgpattern's vendor handling works on a copy where every "vendor"
 * element but the last is replaced by a character that "..." cannot
 * match (gc uses NUL; C strings use \x01). */
#define VENDOR_CHAR '\x01'

static void replace_vendor(Buf *out, const char *s)
{
    size_t n = strlen(s);
    size_t i = 0;
    while (i <= n) {
        size_t j = i;
        while (j < n && s[j] != '/')
            j++;
        bool last = j >= n;
        if (!last && j - i == 6 && memcmp(s + i, "vendor", 6) == 0)
            buf_putc(out, VENDOR_CHAR);
        else
            buf_put(out, s + i, j - i);
        if (last)
            break;
        buf_putc(out, '/');
        i = j + 1;
    }
}

/* a glob where "..." matches any run of characters other than VENDOR_CHAR */
static bool glob(const char *p, const char *s)
{
    for (;;) {
        if (p[0] == '.' && p[1] == '.' && p[2] == '.') {
            p += 3;
            for (;;) {
                if (glob(p, s))
                    return true;
                if (!*s || *s == VENDOR_CHAR)
                    return false;
                s++;
            }
        }
        if (!*p)
            return !*s;
        if (*p != *s)
            return false;
        p++;
        s++;
    }
}

static bool has_suffix(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && memcmp(s + n - k, suf, k) == 0;
}

bool drv_match_path(const char *pattern, const char *name)
{
    if (strchr(pattern, VENDOR_CHAR) || strchr(name, VENDOR_CHAR))
        return false;
    Buf p = {0}, nm = {0}, alt = {0};
    replace_vendor(&p, pattern);
    replace_vendor(&nm, name);
    const char *pv = buf_str(&p);
    size_t pl = p.len;
    bool ok;
    static const char vsuffix[] = {'/', VENDOR_CHAR, '/', '.', '.', '.', 0};
    if (has_suffix(pv, pl, vsuffix) || strcmp(pv, vsuffix + 1) == 0) {
        /* "x/vendor/..." matches x/vendor itself or what is under it */
        size_t pre = strcmp(pv, vsuffix + 1) == 0 ? 0 : pl - (sizeof vsuffix - 1);
        buf_put(&alt, pv, pre);
        buf_puts(&alt, "/vendor");
        ok = glob(buf_str(&alt), buf_str(&nm));
        if (!ok) {
            buf_reset(&alt);
            buf_put(&alt, pv, pre);
            buf_puts(&alt, vsuffix);
            ok = glob(buf_str(&alt), buf_str(&nm));
        }
    } else if (has_suffix(pv, pl, "/...")) {
        /* "x/..." also matches x */
        buf_put(&alt, pv, pl - 4);
        ok = glob(buf_str(&alt), buf_str(&nm)) || glob(pv, buf_str(&nm));
    } else {
        ok = glob(pv, buf_str(&nm));
    }
    buf_free(&p);
    buf_free(&nm);
    buf_free(&alt);
    return ok;
}

static bool is_relative_pattern(const char *p)
{
    return strncmp(p, "./", 2) == 0 || strncmp(p, "../", 3) == 0 || strcmp(p, ".") == 0 ||
           strcmp(p, "..") == 0;
}

void drv_pattern_init(Arena *a, DrvPattern *p, const char *pattern, const char *cwd)
{
    memset(p, 0, sizeof *p);
    if (!pattern)
        return;
    if (!is_relative_pattern(pattern)) {
        p->pattern = arena_strdup(a, pattern);
        return;
    }
    /* the leading directory without wildcards, and the rest */
    p->relative = true;
    const char *dots = strstr(pattern, "...");
    Buf dir = {0}, joined = {0};
    if (!dots) {
        buf_puts(&dir, pattern);
        p->pattern = "";
    } else {
        const char *slash = NULL;
        for (const char *q = pattern; q < dots; q++)
            if (*q == '/')
                slash = q;
        /* a relative pattern always has a slash before "..." */
        size_t n = slash ? (size_t)(slash - pattern) : 0;
        buf_put(&dir, pattern, n);
        p->pattern = arena_strdup(a, slash ? slash + 1 : pattern);
    }
    Buf both = {0};
    buf_printf(&both, "%s/%s", cwd, buf_str(&dir));
    path_clean(&joined, buf_str(&both));
    p->dir = arena_strdup(a, buf_str(&joined));
    buf_free(&dir);
    buf_free(&joined);
    buf_free(&both);
}

bool drv_pattern_match(const DrvPattern *p, const LdPackage *pkg)
{
    if (!p->pattern)
        return !pkg->dep_only || pkg->cmdline_files;
    if (p->relative) {
        if (!p->pattern[0])
            return strcmp(pkg->dir, p->dir) == 0;
        Buf rel = {0};
        rel_path(&rel, p->dir, pkg->dir);
        const char *r = buf_str(&rel);
        bool ok = !(strcmp(r, "..") == 0 || strncmp(r, "../", 3) == 0) && drv_match_path(p->pattern, r);
        buf_free(&rel);
        return ok;
    }
    if (strcmp(p->pattern, "all") == 0)
        return true;
    if (strcmp(p->pattern, "std") == 0)
        return pkg->standard;
    if (strcmp(p->pattern, "cmd") == 0)
        return pkg->standard && strncmp(pkg->import_path, "cmd/", 4) == 0;
    return drv_match_path(p->pattern, pkg->import_path);
}
