/*
 * gc's command line: the flags of cmd/compile/internal/base/flag.go read
 * with the rules of Go's flag package, the -d debug list, and -importcfg
 * files.
 */
#include "driver.h"

#include <stdlib.h>
#include <string.h>

void drv_gcflags_init(DrvGcFlags *f)
{
    memset(f, 0, sizeof *f);
    f->pkgpath = "<unlinkable>"; /* gc: obj.UnlinkablePkg when -p is missing */
    f->d_zerocopy = true;
    f->d_loopvar = 0; /* base.Debug.LoopVar: 0 unless GOEXPERIMENT=loopvar (off) */
}

typedef enum FlagKind {
    FK_COUNT,   /* CountFlag: -f adds one, -f=N sets N */
    FK_BOOL,    /* bool: -f, -f=true/false */
    FK_VALUE,   /* takes a value: -f=v or -f v */
} FlagKind;

typedef enum FlagId {
    F_IGNORED = 0,
    F_M, F_L, F_N, F_C, F_E, F_LL, F_STD, F_RUNTIME, F_SMALLFRAMES, F_COMPLETE,
    F_LANG, F_SYMABIS, F_TRIMPATH, F_IMPORTCFG, F_P, F_O, F_D, F_V, F_ZERO,
} FlagId;

typedef struct FlagDef {
    const char *name;
    FlagKind kind;
    FlagId id;
} FlagDef;

/* Every flag gc defines (go tool compile -help), and the test driver's
 * -0, which means "compilation must succeed" to it and nothing to gc. */
static const FlagDef flag_defs[] = {
    {"%", FK_COUNT, F_IGNORED},
    {"+", FK_BOOL, F_RUNTIME},
    {"0", FK_BOOL, F_ZERO},
    {"B", FK_COUNT, F_IGNORED},
    {"C", FK_COUNT, F_C},
    {"D", FK_VALUE, F_IGNORED},
    {"E", FK_COUNT, F_IGNORED},
    {"I", FK_VALUE, F_IGNORED},
    {"K", FK_COUNT, F_IGNORED},
    {"L", FK_COUNT, F_LL},
    {"N", FK_COUNT, F_N},
    {"S", FK_COUNT, F_IGNORED},
    {"V", FK_BOOL, F_V},
    {"W", FK_COUNT, F_IGNORED},
    {"asan", FK_BOOL, F_IGNORED},
    {"asmhdr", FK_VALUE, F_IGNORED},
    {"bench", FK_VALUE, F_IGNORED},
    {"blockprofile", FK_VALUE, F_IGNORED},
    {"buildid", FK_VALUE, F_IGNORED},
    {"c", FK_VALUE, F_IGNORED},
    {"clobberdead", FK_BOOL, F_IGNORED},
    {"clobberdeadreg", FK_BOOL, F_IGNORED},
    {"complete", FK_BOOL, F_COMPLETE},
    {"coveragecfg", FK_VALUE, F_IGNORED},
    {"cpuprofile", FK_VALUE, F_IGNORED},
    {"d", FK_VALUE, F_D},
    {"dwarf", FK_BOOL, F_IGNORED},
    {"dwarfbasentries", FK_BOOL, F_IGNORED},
    {"dwarflocationlists", FK_BOOL, F_IGNORED},
    {"dynlink", FK_BOOL, F_IGNORED},
    {"e", FK_COUNT, F_E},
    {"embedcfg", FK_VALUE, F_IGNORED},
    {"env", FK_VALUE, F_IGNORED},
    {"errorurl", FK_BOOL, F_IGNORED},
    {"gendwarfinl", FK_VALUE, F_IGNORED},
    {"goversion", FK_VALUE, F_IGNORED},
    {"h", FK_COUNT, F_IGNORED},
    {"importcfg", FK_VALUE, F_IMPORTCFG},
    {"installsuffix", FK_VALUE, F_IGNORED},
    {"j", FK_COUNT, F_IGNORED},
    {"json", FK_VALUE, F_IGNORED},
    {"l", FK_COUNT, F_L},
    {"lang", FK_VALUE, F_LANG},
    {"linkobj", FK_VALUE, F_IGNORED},
    {"linkshared", FK_BOOL, F_IGNORED},
    {"live", FK_COUNT, F_IGNORED},
    {"m", FK_COUNT, F_M},
    {"memprofile", FK_VALUE, F_IGNORED},
    {"memprofilerate", FK_VALUE, F_IGNORED},
    {"msan", FK_BOOL, F_IGNORED},
    {"mutexprofile", FK_VALUE, F_IGNORED},
    {"nolocalimports", FK_BOOL, F_IGNORED},
    {"o", FK_VALUE, F_O},
    {"p", FK_VALUE, F_P},
    {"pack", FK_BOOL, F_IGNORED},
    {"pgoprofile", FK_VALUE, F_IGNORED},
    {"r", FK_COUNT, F_IGNORED},
    {"race", FK_BOOL, F_IGNORED},
    {"shared", FK_BOOL, F_IGNORED},
    {"smallframes", FK_BOOL, F_SMALLFRAMES},
    {"spectre", FK_VALUE, F_IGNORED},
    {"std", FK_BOOL, F_STD},
    {"symabis", FK_VALUE, F_SYMABIS},
    {"t", FK_BOOL, F_IGNORED},
    {"traceprofile", FK_VALUE, F_IGNORED},
    {"trimpath", FK_VALUE, F_TRIMPATH},
    {"v", FK_BOOL, F_IGNORED},
    {"w", FK_COUNT, F_IGNORED},
    {"wb", FK_BOOL, F_IGNORED},
};

void drv_gc_usage(FILE *out)
{
    fputs("usage: compile [options] file.go...\n"
          "goesc compile accepts every flag of go tool compile; those that change\n"
          "what escape analysis reports are:\n"
          "  -m[=N]        print escape analysis decisions (-m=2: explanations)\n"
          "  -l            disable inlining (goesc never inlines)\n"
          "  -N            disable optimizations (keeps dead locals)\n"
          "  -C            no columns in positions\n"
          "  -e            no limit on the number of errors reported\n"
          "  -p path       the package's import path\n"
          "  -std, -+      compiling the standard library / the runtime\n"
          "  -smallframes  smaller stack allocation limits\n"
          "  -lang goX.Y   language version\n"
          "  -trimpath p   remove prefix p from recorded file names\n"
          "  -importcfg f  map import paths as gc does (otherwise go list resolves them)\n"
          "  -d list       escapemutationscalls, zerocopy=N, nodeadlocals, loopvar=N,\n"
          "                escapedebug=N (others are accepted and ignored)\n",
          out);
}

static const FlagDef *find_flag(const char *name, size_t n)
{
    for (size_t i = 0; i < sizeof flag_defs / sizeof flag_defs[0]; i++)
        if (strlen(flag_defs[i].name) == n && memcmp(flag_defs[i].name, name, n) == 0)
            return &flag_defs[i];
    return NULL;
}

/* strconv.ParseBool */
static int parse_bool(const char *s)
{
    static const char *const t[] = {"1", "t", "T", "TRUE", "true", "True"};
    static const char *const f[] = {"0", "f", "F", "FALSE", "false", "False"};
    for (size_t i = 0; i < 6; i++) {
        if (strcmp(s, t[i]) == 0)
            return 1;
        if (strcmp(s, f[i]) == 0)
            return 0;
    }
    return -1;
}

/* strconv.Atoi, decimal only (what gc's flags see in practice) */
static bool parse_int(const char *s, int *out)
{
    const char *p = s;
    bool neg = false;
    if (*p == '+' || *p == '-')
        neg = *p++ == '-';
    if (!*p)
        return false;
    long v = 0;
    for (; *p; p++) {
        if (*p < '0' || *p > '9' || v > 100000000)
            return false;
        v = v * 10 + (*p - '0');
    }
    *out = (int)(neg ? -v : v);
    return true;
}

/* objabi.DebugFlag.Set: "name" or "name=value", comma-separated. */
void drv_gcflags_debug(DrvGcFlags *f, const char *list)
{
    const char *p = list;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        const char *eq = memchr(p, '=', n);
        size_t klen = eq ? (size_t)(eq - p) : n;
        char val[32] = "1";
        if (eq) {
            size_t vlen = n - klen - 1;
            if (vlen >= sizeof val)
                vlen = sizeof val - 1;
            memcpy(val, eq + 1, vlen);
            val[vlen] = 0;
        }
        int iv = 0;
        bool isint = parse_int(val, &iv);
#define KEY(s) (klen == sizeof(s) - 1 && memcmp(p, s, klen) == 0)
        if (KEY("escapemutationscalls"))
            f->d_mutationscalls = isint && iv != 0;
        else if (KEY("zerocopy"))
            f->d_zerocopy = isint && iv != 0;
        else if (KEY("nodeadlocals"))
            f->d_nodeadlocals = isint && iv != 0;
        else if (KEY("loopvar") && isint)
            f->d_loopvar = iv;
        else if (KEY("escapedebug") && isint)
            f->d_escapedebug = iv;
        else if (KEY("panic"))
            f->d_panic = isint && iv != 0;
        /* everything else (ssa/check/on, inlfuncswithclosures, ...) has no
         * effect on what goesc reports */
#undef KEY
        if (!end)
            break;
        p = end + 1;
    }
}

int drv_gcflags_parse(DrvGcFlags *f, int argc, char **argv, FILE *errout)
{
    int i = 0;
    while (i < argc) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == 0)
            break; /* the first file */
        i++;
        const char *name = a + 1;
        if (name[0] == '-') {
            name++;
            if (name[0] == 0)
                break; /* "--" ends the flags */
        }
        if (name[0] == '-' || name[0] == '=') {
            fprintf(errout, "bad flag syntax: %s\n", a);
            drv_gc_usage(errout);
            return -1;
        }
        const char *eq = strchr(name, '=');
        size_t n = eq ? (size_t)(eq - name) : strlen(name);
        const FlagDef *def = find_flag(name, n);
        if (!def) {
            if (n == 4 && memcmp(name, "help", 4) == 0) {
                drv_gc_usage(errout);
                return -1;
            }
            fprintf(errout, "flag provided but not defined: -%.*s\n", (int)n, name);
            drv_gc_usage(errout);
            return -1;
        }
        const char *val = eq ? eq + 1 : NULL;
        if (def->kind == FK_VALUE && !val) {
            if (i >= argc) {
                fprintf(errout, "flag needs an argument: -%s\n", name);
                drv_gc_usage(errout);
                return -1;
            }
            val = argv[i++];
        }
        int count = 0;
        bool on = true;
        if (def->kind == FK_COUNT) {
            /* objabi count: "true" adds one, "false" clears, else a number */
            if (!val || strcmp(val, "true") == 0)
                count = -1;
            else if (strcmp(val, "false") == 0)
                count = 0;
            else if (!parse_int(val, &count)) {
                /* the flag package words errors of boolean flags so */
                fprintf(errout, "invalid boolean value \"%s\" for -%.*s: invalid count \"%s\"\n", val, (int)n,
                        name, val);
                drv_gc_usage(errout);
                return -1;
            }
        } else if (def->kind == FK_BOOL && val) {
            int b = parse_bool(val);
            if (b < 0) {
                fprintf(errout, "invalid boolean value \"%s\" for -%.*s: parse error\n", val, (int)n, name);
                drv_gc_usage(errout);
                return -1;
            }
            on = b == 1;
        }
#define COUNT(field) (field = count < 0 ? field + 1 : count)
        switch (def->id) {
        case F_M: COUNT(f->m); break;
        case F_L: COUNT(f->l); break;
        case F_N: COUNT(f->N); break;
        case F_C: COUNT(f->C); break;
        case F_E: COUNT(f->e); break;
        case F_LL: COUNT(f->L); break;
        case F_STD: f->std = on; break;
        case F_RUNTIME: f->runtime = on; break;
        case F_SMALLFRAMES: f->smallframes = on; break;
        case F_COMPLETE: f->complete = on; break;
        case F_V: f->version = on; break;
        case F_LANG: f->lang = val; break;
        case F_TRIMPATH: f->trimpath = val; break;
        case F_SYMABIS: f->symabis = val; break;
        case F_IMPORTCFG: f->importcfg = val; break;
        case F_P: f->pkgpath = val; break;
        case F_O: f->output = val; break;
        case F_D: drv_gcflags_debug(f, val); break;
        case F_ZERO:
        case F_IGNORED: break;
        }
#undef COUNT
    }
    return i;
}

EscConfig drv_esc_config(const DrvGcFlags *f)
{
    EscConfig c;
    memset(&c, 0, sizeof c);
    c.m = f->m;
    c.smallframes = f->smallframes;
    c.zerocopy = f->d_zerocopy;
    c.mutationscalls = f->d_mutationscalls;
    c.runtime = f->runtime;
    c.debug = f->d_escapedebug;
    return c;
}

IrConfig drv_ir_config(const DrvGcFlags *f)
{
    IrConfig c;
    memset(&c, 0, sizeof c);
    /* deadlocals does not run with -N (gc.Main: base.Flag.N == 0) */
    c.nodeadlocals = f->N > 0 || f->d_nodeadlocals;
    c.loopvar = f->d_loopvar;
    c.m = f->m;
    c.symabis = f->symabis;
    return c;
}

/* strings.TrimSpace for ASCII white space */
static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n' || *s == '\v' || *s == '\f')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n' ||
                     s[n - 1] == '\v' || s[n - 1] == '\f'))
        s[--n] = 0;
    return s;
}

static void strings_push(Arena *a, LdStrings *s, uint32_t *cap, const char *v)
{
    if (s->len == *cap) {
        uint32_t ncap = *cap ? *cap * 2 : 64;
        const char **items = ARENA_ARRAY(a, const char *, ncap);
        if (s->len)
            memcpy(items, s->items, sizeof(char *) * s->len);
        s->items = items;
        *cap = ncap;
    }
    s->items[s->len++] = v;
}

bool drv_read_importcfg(Arena *a, const char *file, DrvImportCfg *cfg, FILE *errout)
{
    memset(cfg, 0, sizeof *cfg);
    size_t size;
    const char *err;
    char *data = read_file(file, &size, &err);
    if (!data) {
        fprintf(errout, "compile: -importcfg: open %s: %s\n", file, err);
        return false;
    }
    uint32_t cap_pf = 0, cap_pff = 0, cap_map = 0, cap_to = 0;
    bool ok = true;
    int lineno = 0;
    for (char *line = data; line && ok;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        lineno++;
        char *s = trim(line);
        line = nl ? nl + 1 : NULL;
        if (!*s || *s == '#')
            continue;
        char *args = strchr(s, ' ');
        if (args)
            *args++ = 0;
        args = args ? trim(args) : s + strlen(s);
        char *eq = strchr(args, '=');
        const char *before = args, *after = "";
        if (eq) {
            *eq = 0;
            after = eq + 1;
        }
        if (strcmp(s, "importmap") == 0) {
            if (!eq || !*before || !*after) {
                fprintf(errout, "compile: %s:%d: invalid importmap: syntax is \"importmap old=new\"\n", file, lineno);
                ok = false;
                break;
            }
            strings_push(a, &cfg->map_from, &cap_map, arena_strdup(a, before));
            strings_push(a, &cfg->map_to, &cap_to, arena_strdup(a, after));
        } else if (strcmp(s, "packagefile") == 0) {
            if (!eq || !*before || !*after) {
                fprintf(errout, "compile: %s:%d: invalid packagefile: syntax is \"packagefile path=filename\"\n",
                        file, lineno);
                ok = false;
                break;
            }
            strings_push(a, &cfg->pkgfile, &cap_pf, arena_strdup(a, before));
            strings_push(a, &cfg->pkgfile_file, &cap_pff, arena_strdup(a, after));
        } else {
            fprintf(errout, "compile: %s:%d: unknown directive \"%s\"\n", file, lineno, s);
            ok = false;
        }
    }
    free(data);
    return ok;
}
