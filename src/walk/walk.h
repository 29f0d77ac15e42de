/*
 * walk — what gc's backend front half (walk, after order) prints under -m.
 *
 * gc compiles every function after escape analysis: gc.enqueueFunc runs
 * walk.Walk (order, then walk) on each function of Target.Funcs that has a
 * body, and on the capturing closures it meets there.  The only -m output
 * of that phase without -d debug flags is walkIndex's
 *
 *     FILE:LINE:COL: index bounds check elided
 *
 * for an index expression on an array, a pointer to array or a constant
 * string whose (non-constant) index walk.bounded proves in range.  goesc
 * does not rewrite the IR as walk does; it finds the index expressions
 * walk would see and prints the messages in walk's order.
 *
 * Contract:
 *  - wk_package runs after esc_analyze_package on the same package, and
 *    only matters with -m: it appends its messages to prog->out (nothing
 *    with prog->quiet).  It sets IR_F_BOUNDED on the index expressions it
 *    proves in range, as walk does, and changes nothing else.
 *  - Order: functions in Target.Funcs order (pkg->fn), skipping capturing
 *    closures and functions without a body; a function's capturing
 *    closures follow it, last met first (gc's LIFO work list), each
 *    followed by its own.  Within a function, statements in order, and
 *    in a statement the expressions order would move into temporaries
 *    first (calls and the like nested in expressions, the operands of
 *    && and ||, copies made by ascompatee), then the rest; an index
 *    expression's message comes after those of its operands.
 *
 * Names use the prefix wk_.
 */
#ifndef GOESC_WALK_H
#define GOESC_WALK_H

#include "../ir/ir.h"

typedef struct WkConfig {
    int m;    /* -m level; nothing is printed with 0 */
} WkConfig;

void wk_package(IrProgram *prog, IrPackage *pkg, const WkConfig *conf);

#endif
