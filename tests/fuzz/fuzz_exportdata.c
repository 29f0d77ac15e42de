/*
 * libFuzzer target for the export data reader (src/load/exportdata.c):
 * arbitrary bytes are read as a Go archive or bare export data, and every
 * function found is looked up again.  The reader must reject malformed
 * data with a reason, never read out of bounds, crash, hang or leak.
 *
 * Seeds: run.sh copies a few export files from the build cache (go list
 * -export) when Go is available.  Built and run by tests/fuzz/run.sh
 * (`make fuzz`, FUZZ_TARGET=exportdata).
 */
#include "base/base.h"
#include "load/load.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Arena arena;
    arena_init(&arena);
    LdExportTags x;
    memset(&x, 0, sizeof x);
    const char *why = NULL;
    if (ld_export_parse(&x, &arena, "p", data, size, (size & 1) ? "wasm" : "amd64", &why)) {
        /* a lookup of a name that cannot exist, and of one that may */
        ld_export_lookup(&x, NULL, "no such function");
        ld_export_lookup(&x, "T", "M");
    }
    ld_export_free(&x);
    arena_free(&arena);
    return 0;
}
