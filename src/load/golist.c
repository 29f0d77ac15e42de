/*
 * Listing packages: `go list -e -deps -json=FIELDS` and `go env`, run at
 * once, and the listing decoded into LdPackages.
 */
#include "load.h"

#include <stdlib.h>
#include <string.h>

/* Only what goesc uses: go list skips computing the rest (staleness
 * alone costs a third of its time on std). */
static const char LIST_FIELDS[] =
    "-json=ImportPath,Name,Dir,GoFiles,CgoFiles,SFiles,Imports,ImportMap,Deps,"
    "DepOnly,Standard,Goroot,Module,Error,DepsErrors,Incomplete";

static const char *str_or(const LdJson *v, const char *def)
{
    return v && v->kind == LD_JSON_STRING ? v->u.str : def;
}

static LdStrings strings_of(Arena *a, const LdJson *v)
{
    LdStrings s = {NULL, 0};
    if (!v || v->kind != LD_JSON_ARRAY || v->len == 0)
        return s;
    s.items = ARENA_ARRAY(a, const char *, v->len);
    for (uint32_t i = 0; i < v->len; i++)
        if (v->u.items[i].kind == LD_JSON_STRING)
            s.items[s.len++] = v->u.items[i].u.str;
    return s;
}

static void decode_error(Arena *a, const LdJson *v, LdError *e)
{
    e->import_stack = strings_of(a, ld_json_get(v, "ImportStack"));
    e->pos = str_or(ld_json_get(v, "Pos"), "");
    e->err = str_or(ld_json_get(v, "Err"), "");
}

static void decode_package(Arena *a, const LdJson *obj, LdPackage *p)
{
    for (uint32_t i = 0; i < obj->len; i++) {
        const LdJson *v = &obj->u.items[i];
        const char *k = v->key;
        if (strcmp(k, "ImportPath") == 0)
            p->import_path = str_or(v, "");
        else if (strcmp(k, "Name") == 0)
            p->name = str_or(v, "");
        else if (strcmp(k, "Dir") == 0)
            p->dir = str_or(v, "");
        else if (strcmp(k, "GoFiles") == 0)
            p->go_files = strings_of(a, v);
        else if (strcmp(k, "CgoFiles") == 0)
            p->cgo_files = strings_of(a, v);
        else if (strcmp(k, "SFiles") == 0)
            p->s_files = strings_of(a, v);
        else if (strcmp(k, "Imports") == 0)
            p->imports = strings_of(a, v);
        else if (strcmp(k, "Deps") == 0)
            p->deps = strings_of(a, v);
        else if (strcmp(k, "DepOnly") == 0)
            p->dep_only = v->kind == LD_JSON_BOOL && v->b;
        else if (strcmp(k, "Standard") == 0)
            p->standard = v->kind == LD_JSON_BOOL && v->b;
        else if (strcmp(k, "Goroot") == 0)
            p->goroot = v->kind == LD_JSON_BOOL && v->b;
        else if (strcmp(k, "Incomplete") == 0)
            p->incomplete = v->kind == LD_JSON_BOOL && v->b;
        else if (strcmp(k, "ImportMap") == 0 && v->kind == LD_JSON_OBJECT && v->len) {
            p->importmap_from.items = ARENA_ARRAY(a, const char *, v->len);
            p->importmap_to.items = ARENA_ARRAY(a, const char *, v->len);
            for (uint32_t j = 0; j < v->len; j++) {
                const LdJson *m = &v->u.items[j];
                if (m->kind != LD_JSON_STRING)
                    continue;
                p->importmap_from.items[p->importmap_from.len++] = m->key;
                p->importmap_to.items[p->importmap_to.len++] = m->u.str;
            }
        } else if (strcmp(k, "Module") == 0 && v->kind == LD_JSON_OBJECT) {
            p->module_path = str_or(ld_json_get(v, "Path"), "");
            p->module_goversion = str_or(ld_json_get(v, "GoVersion"), "");
            p->module_version = str_or(ld_json_get(v, "Version"), "");
        } else if (strcmp(k, "Error") == 0 && v->kind == LD_JSON_OBJECT) {
            p->error = ARENA_NEW(a, LdError);
            decode_error(a, v, p->error);
        } else if (strcmp(k, "DepsErrors") == 0 && v->kind == LD_JSON_ARRAY && v->len) {
            p->deps_errors = ARENA_ARRAY(a, LdError, v->len);
            for (uint32_t j = 0; j < v->len; j++)
                decode_error(a, &v->u.items[j], &p->deps_errors[p->ndeps_errors++]);
        }
    }
    if (!p->import_path)
        p->import_path = "";
    const char *variant = strstr(p->import_path, " [");
    p->path = variant ? arena_strndup(a, p->import_path, (size_t)(variant - p->import_path)) : p->import_path;
    if (!p->name)
        p->name = "";
    if (!p->dir)
        p->dir = "";
}

const char *ld_lang_version(Arena *a, const char *v)
{
    if (strncmp(v, "go", 2) == 0)
        v += 2;
    size_t n = 0;
    int dots = 0;
    while (v[n] && ((v[n] >= '0' && v[n] <= '9') || v[n] == '.')) {
        if (v[n] == '.' && ++dots == 2)
            break;
        n++;
    }
    return arena_printf(a, "go%.*s", (int)n, v);
}

/* Builds the package list from the decoded listing and links it up. */
static void build_graph(LdProgram *prog, const LdJson *list)
{
    Arena *a = &prog->arena;
    prog->pkgs = ARENA_ARRAY(a, LdPackage *, list->len);
    for (uint32_t i = 0; i < list->len; i++) {
        const LdJson *obj = &list->u.items[i];
        if (obj->kind != LD_JSON_OBJECT)
            continue;
        LdPackage *p = ARENA_NEW(a, LdPackage);
        decode_package(a, obj, p);
        Sym *s = (Sym *)sym_cstr(&prog->paths, p->import_path);
        if (s->aux)
            continue; /* listed twice: impossible with -deps, keep the first */
        s->aux = p;
        p->index = prog->npkgs;
        prog->pkgs[prog->npkgs++] = p;
    }
    for (uint32_t i = 0; i < prog->npkgs; i++) {
        LdPackage *p = prog->pkgs[i];
        if (p->imports.len) {
            p->import_pkgs = ARENA_ARRAY(a, LdPackage *, p->imports.len);
            for (uint32_t j = 0; j < p->imports.len; j++)
                p->import_pkgs[j] = ld_lookup(prog, p->imports.items[j]);
        }
        p->runtime = p->standard && ld_runtime_package(p->path);
        /* a module's go line (1.16 when it has none), else the toolchain's */
        if (p->module_path && p->module_path[0])
            p->goversion = ld_lang_version(a, p->module_goversion && p->module_goversion[0] ? p->module_goversion : "1.16");
        else
            p->goversion = ld_lang_version(a, prog->goversion);
    }
}

/* The name gc reports for each of a cgo package's CompiledGoFiles: go
 * build lists its GoFiles (relative to Dir), then cgo's output, in the
 * build cache for go list but given to gc as $WORK/bNNN/NAME and trimmed
 * to NAME (-trimpath "$WORK/bNNN=>"): _cgo_gotypes.go, X.cgo1.go for each
 * CgoFile X.go, and _cgo_import.go when cgo wrote one
 * (cmd/go/internal/work: Builder.cgo, cacheSrcFiles). */
static void name_compiled_files(Arena *a, LdPackage *p)
{
    const LdStrings *cf = &p->compiled_go_files;
    uint32_t ngen = 0;
    for (uint32_t i = 0; i < cf->len; i++)
        ngen += cf->items[i][0] == '/';
    bool layout = ngen == p->cgo_files.len + 1 || ngen == p->cgo_files.len + 2;
    p->compiled_names = ARENA_ARRAY(a, const char *, cf->len ? cf->len : 1);
    uint32_t k = 0;
    for (uint32_t i = 0; i < cf->len; i++) {
        const char *f = cf->items[i];
        if (f[0] != '/') {
            p->compiled_names[i] = f;
            continue;
        }
        const char *slash = strrchr(f, '/');
        const char *name = slash + 1;
        if (layout && k == 0)
            name = "_cgo_gotypes.go";
        else if (layout && k <= p->cgo_files.len) {
            const char *src = p->cgo_files.items[k - 1];
            const char *s2 = strrchr(src, '/');
            src = s2 ? s2 + 1 : src;
            size_t n = strlen(src);
            if (n > 3 && strcmp(src + n - 3, ".go") == 0)
                n -= 3;
            name = arena_printf(a, "%.*s.cgo1.go", (int)n, src);
        } else if (layout)
            name = "_cgo_import.go";
        p->compiled_names[i] = name;
        k++;
    }
}

/* With prog->cgo_compiled: go list -compiled for the packages with
 * CgoFiles (by import path; packages of files named on the command line,
 * or of a directory outside GOPATH in GOPATH mode, have no import path to
 * list them by, so then the patterns are listed again with -deps).  A package go list gives no CompiledGoFiles (cgo
 * could not run: no C compiler) keeps its CgoFiles; one where cgo failed
 * (go list's Error) gets LdPackage.cgo_error. */
static void list_compiled(LdProgram *prog, const LdConfig *conf, const char *go)
{
    uint32_t ncgo = 0;
    bool by_pattern = false;
    for (uint32_t i = 0; i < prog->npkgs; i++) {
        const LdPackage *p = prog->pkgs[i];
        if (p->cgo_files.len == 0 || p->error)
            continue;
        ncgo++;
        /* GOPATH mode names a directory outside GOPATH "_/DIR" */
        if (strcmp(p->import_path, "command-line-arguments") == 0 || strchr(p->import_path, ' ') ||
            strncmp(p->import_path, "_/", 2) == 0)
            by_pattern = true;
    }
    if (ncgo == 0)
        return;
    uint32_t nflags = conf ? conf->nflags : 0;
    uint32_t npat = conf && conf->patterns ? conf->npatterns : 0;
    const char **argv = xcalloc(7 + nflags + (by_pattern ? npat + 1 : ncgo), sizeof(char *));
    uint32_t n = 0;
    argv[n++] = go;
    argv[n++] = "list";
    argv[n++] = "-e";
    argv[n++] = "-compiled";
    if (by_pattern)
        argv[n++] = "-deps";
    argv[n++] = "-json=ImportPath,CompiledGoFiles,Error";
    for (uint32_t i = 0; i < nflags; i++)
        argv[n++] = conf->flags[i];
    if (by_pattern) {
        for (uint32_t i = 0; i < npat; i++)
            argv[n++] = conf->patterns[i];
        if (npat == 0)
            argv[n++] = ".";
    } else {
        for (uint32_t i = 0; i < prog->npkgs; i++) {
            const LdPackage *p = prog->pkgs[i];
            if (p->cgo_files.len && !p->error)
                argv[n++] = p->import_path;
        }
    }
    argv[n] = NULL;
    double t0 = ld_now();
    Buf out = {0};
    LdRunStats rs = {0, 0};
    int st = ld_run((char *const *)argv, &out, &rs);
    prog->stats.golist += ld_now() - t0;
    prog->stats.golist_cpu += rs.cpu;
    free(argv);
    if (st != 0) {
        /* go list -e fails only as a whole: the fake "C" remains */
        if (st > 0)
            fprintf(stderr, "goesc: %s list -compiled failed (exit status %d)\n", go, st);
        buf_free(&out);
        return;
    }
    /* the strings stay in the arena: copy the text there */
    char *text = arena_alloc(&prog->arena, out.len + 1);
    if (out.len)
        memcpy(text, out.data, out.len);
    text[out.len] = 0;
    size_t len = out.len;
    buf_free(&out);
    LdJsonError jerr;
    LdJson *list = ld_json_parse(&prog->arena, text, len, true, &jerr);
    if (!list) {
        fprintf(stderr, "goesc: %s list -compiled output:%u:%u: %s\n", go, jerr.line, jerr.col, jerr.msg);
        return;
    }
    for (uint32_t i = 0; i < list->len; i++) {
        const LdJson *obj = &list->u.items[i];
        if (obj->kind != LD_JSON_OBJECT)
            continue;
        const char *path = str_or(ld_json_get(obj, "ImportPath"), NULL);
        LdPackage *p = path ? ld_lookup(prog, path) : NULL;
        if (!p || p->cgo_files.len == 0 || p->error || p->compiled_names)
            continue;
        const LdJson *err = ld_json_get(obj, "Error");
        if (err && err->kind == LD_JSON_OBJECT) {
            /* cgo failed: go build's error for the package */
            const char *msg = str_or(ld_json_get(err, "Err"), "");
            if (msg[0]) {
                p->cgo_error = msg;
                p->failed = true;
                continue;
            }
        }
        LdStrings cf = strings_of(&prog->arena, ld_json_get(obj, "CompiledGoFiles"));
        bool generated = false;
        for (uint32_t j = 0; j < cf.len; j++)
            generated |= cf.items[j][0] == '/';
        if (!generated)
            continue; /* cgo did not run */
        p->compiled_go_files = cf;
        name_compiled_files(&prog->arena, p);
    }
    /* every package with cgo files depends on runtime/cgo (go list adds
     * it to Deps, not to Imports): go build compiles none of them when
     * cgo failed there (e.g. no C compiler) */
    const LdPackage *rtcgo = ld_lookup(prog, "runtime/cgo");
    if (rtcgo && rtcgo->cgo_error)
        for (uint32_t i = 0; i < prog->npkgs; i++) {
            LdPackage *p = prog->pkgs[i];
            if (p != rtcgo && p->cgo_files.len > 0)
                p->failed = true;
        }
}

/* The first word of line `n` (0-based) of go env's output. */
static const char *env_line(Arena *a, const char *text, int n)
{
    const char *p = text;
    for (int i = 0; i < n && p; i++) {
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    if (!p)
        return "";
    size_t len = strcspn(p, " \n\r");
    return arena_strndup(a, p, len);
}

bool ld_list(LdProgram *prog, const LdConfig *conf)
{
    const char *go = conf && conf->go ? conf->go : "go";
    uint32_t nflags = conf ? conf->nflags : 0;
    uint32_t npat = conf && conf->patterns ? conf->npatterns : 0;

    const char *envargv[] = {go, "env", "GOVERSION", "GOARCH", "GOOS", "GOAMD64", "GOROOT", NULL};
    const char **argv = xcalloc(6 + nflags + (npat ? npat : 1), sizeof(char *));
    uint32_t n = 0;
    argv[n++] = go;
    argv[n++] = "list";
    argv[n++] = "-e";
    argv[n++] = "-deps";
    argv[n++] = LIST_FIELDS;
    for (uint32_t i = 0; i < nflags; i++)
        argv[n++] = conf->flags[i];
    for (uint32_t i = 0; i < npat; i++)
        argv[n++] = conf->patterns[i];
    if (npat == 0)
        argv[n++] = ".";
    argv[n] = NULL;

    double t0 = ld_now();
    Buf envout = {0}, listout = {0};
    LdProc envp, listp;
    bool ok = false;
    /* nothing to list (goesc compile of files without imports): the go
     * command is still asked for the version and the architecture */
    bool run_list = npat > 0 || !(conf && conf->no_default);
    /* go env writes a few bytes: it can finish while go list is read */
    if (!ld_proc_start(&envp, (char *const *)envargv))
        goto done;
    if (run_list && !ld_proc_start(&listp, (char *const *)argv)) {
        ld_proc_finish(&envp, &envout, NULL);
        goto done;
    }
    LdRunStats ls = {0, 0}, es;
    int lst = run_list ? ld_proc_finish(&listp, &listout, &ls) : 0;
    int est = ld_proc_finish(&envp, &envout, &es);
    prog->stats.golist = ld_now() - t0;
    prog->stats.golist_cpu = ls.cpu + es.cpu;
    if (est != 0) {
        fprintf(stderr, "goesc: %s env failed (exit status %d)\n", go, est);
        goto done;
    }
    if (lst != 0) {
        /* the go command said why on stderr */
        fprintf(stderr, "goesc: %s list failed (exit status %d)\n", go, lst);
        goto done;
    }
    prog->goversion = env_line(&prog->arena, buf_str(&envout), 0);
    prog->goarch = env_line(&prog->arena, buf_str(&envout), 1);
    prog->goos = env_line(&prog->arena, buf_str(&envout), 2);
    prog->goamd64 = env_line(&prog->arena, buf_str(&envout), 3);
    prog->goroot = env_line(&prog->arena, buf_str(&envout), 4);

    t0 = ld_cpu_now();
    LdJsonError jerr;
    /* the listing's strings point into this buffer, kept by the program */
    if (!listout.data)
        buf_grow(&listout, 1); /* nothing listed: still a (empty) text */
    prog->listing = listout.data;
    size_t len = listout.len;
    listout.data = NULL;
    LdJson *list = ld_json_parse(&prog->arena, prog->listing, len, true, &jerr);
    if (!list) {
        fprintf(stderr, "goesc: %s list output:%u:%u: %s\n", go, jerr.line, jerr.col, jerr.msg);
        goto done;
    }
    build_graph(prog, list);
    prog->stats.json = ld_cpu_now() - t0;
    if (prog->cgo_compiled && run_list)
        list_compiled(prog, conf, go);
    ok = true;
done:
    free(argv);
    buf_free(&envout);
    buf_free(&listout);
    return ok;
}
