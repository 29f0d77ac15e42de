/*
 * The gc view of types that escape analysis needs (types/size.go,
 * types/type.go): sizes and alignments, whether a type holds heap
 * pointers (PtrDataSize > 0), whether it is stored directly in an
 * interface word, and the not-in-heap property.
 *
 * Sizes and alignments are the type checker's gc sizes (types2 gcSizes
 * computes exactly what types.CalcSize does, including the padding of a
 * non-empty struct that ends in a zero-sized field).  The pointer-data
 * size follows CalcSize's ptrBytes: strings, interfaces, maps, chans,
 * funcs, pointers and unsafe.Pointer have pointers in their first word(s);
 * a slice has one unless its element type is not-in-heap; a pointer to a
 * not-in-heap type has none; arrays and structs end their pointer data
 * with the last element / field that has some.
 */
#include "ir.h"

#include "../types/check.h"

#include <string.h>

int64_t ir_type_size(TyEnv *env, TyType *t) { return ty_sizeof(env, t); }

int64_t ir_type_align(TyEnv *env, TyType *t) { return ty_alignof(env, t); }

/* internal/runtime/sys.nih, the marker type of not-in-heap types */
static bool is_nih_marker(TyType *t)
{
    if (t->kind != TY_NAMED)
        return false;
    TyObject *o = TY_AS(TyNamed, t)->obj;
    return o && o->pkg && strcmp(o->name->name, "nih") == 0 &&
           strcmp(o->pkg->path, "internal/runtime/sys") == 0;
}

/* Not-in-heap propagates from the marker through named types, struct
 * fields and array elements held by value (types.NewNamed, SetUnderlying,
 * CalcStructSize, CalcArraySize).  Values contain themselves only through
 * pointers, which stop the propagation, so the recursion terminates. */
bool ir_type_not_in_heap(TyType *t)
{
    t = ty_unalias(t);
    if (!t)
        return false;
    switch (t->kind) {
    case TY_NAMED:
        return is_nih_marker(t) || ir_type_not_in_heap(ty_under(t));
    case TY_STRUCT: {
        TyStruct *s = TY_AS(TyStruct, t);
        for (uint32_t i = 0; i < s->nfields; i++)
            if (ir_type_not_in_heap(s->fields[i]->type))
                return true;
        return false;
    }
    case TY_ARRAY:
        return ir_type_not_in_heap(TY_AS(TyArray, t)->elem);
    default:
        return false;
    }
}

/* PtrDataSize: the length of the prefix of t that holds pointers. */
static int64_t ptrdata_size(TyEnv *env, TyType *t)
{
    int64_t word = env->sizes.wordsize;
    TyType *u = ty_under(t);
    if (!u)
        return 0;
    switch (u->kind) {
    case TY_BASIC:
        switch (TY_AS(TyBasic, u)->bkind) {
        case TY_STRING:
        case TY_UNTYPED_STRING:
        case TY_UNSAFE_POINTER:
            return word;
        default:
            return 0;
        }
    case TY_POINTER:
        return ir_type_not_in_heap(TY_AS(TyPointer, u)->base) ? 0 : word;
    case TY_SLICE:
        return ir_type_not_in_heap(TY_AS(TySlice, u)->elem) ? 0 : word;
    case TY_INTERFACE:
        return 2 * word;
    case TY_MAP:
    case TY_CHAN:
    case TY_SIGNATURE:
        return word;
    case TY_ARRAY: {
        TyArray *a = TY_AS(TyArray, u);
        if (a->len <= 0)
            return 0;
        int64_t x = ptrdata_size(env, a->elem);
        if (x == 0)
            return 0;
        return ty_sizeof(env, a->elem) * (a->len - 1) + x;
    }
    case TY_STRUCT: {
        TyStruct *s = TY_AS(TyStruct, u);
        for (uint32_t i = s->nfields; i-- > 0;) {
            int64_t x = ptrdata_size(env, s->fields[i]->type);
            if (x > 0)
                return ty_offsetof(env, s, i) + x;
        }
        return 0;
    }
    case TY_TUPLE: {
        /* a multi-value result: pointers if any element has some */
        TyTuple *tu = TY_AS(TyTuple, u);
        for (uint32_t i = 0; i < tu->len; i++)
            if (ptrdata_size(env, tu->vars[i]->type) > 0)
                return word;
        return 0;
    }
    default:
        /* type parameters should not reach escape analysis (shaped code
         * has concrete shapes); treat them conservatively */
        return word;
    }
}

/* HasPointers: PtrDataSize > 0, which holds exactly when some part of the
 * value holds a pointer by the rules above; no sizes are needed. */
bool ir_type_has_pointers(TyType *t)
{
    TyType *u = ty_under(t);
    if (!u)
        return false;
    switch (u->kind) {
    case TY_BASIC:
        switch (TY_AS(TyBasic, u)->bkind) {
        case TY_STRING:
        case TY_UNTYPED_STRING:
        case TY_UNSAFE_POINTER:
            return true;
        default:
            return false;
        }
    case TY_POINTER:
        return !ir_type_not_in_heap(TY_AS(TyPointer, u)->base);
    case TY_SLICE:
        return !ir_type_not_in_heap(TY_AS(TySlice, u)->elem);
    case TY_INTERFACE:
    case TY_MAP:
    case TY_CHAN:
    case TY_SIGNATURE:
        return true;
    case TY_ARRAY:
        return TY_AS(TyArray, u)->len > 0 && ir_type_has_pointers(TY_AS(TyArray, u)->elem);
    case TY_STRUCT: {
        TyStruct *s = TY_AS(TyStruct, u);
        for (uint32_t i = 0; i < s->nfields; i++)
            if (ir_type_has_pointers(s->fields[i]->type))
                return true;
        return false;
    }
    case TY_TUPLE: {
        TyTuple *tu = TY_AS(TyTuple, u);
        for (uint32_t i = 0; i < tu->len; i++)
            if (ir_type_has_pointers(tu->vars[i]->type))
                return true;
        return false;
    }
    default:
        return true;
    }
}

bool ir_type_is_direct_iface(TyEnv *env, TyType *t)
{
    int64_t word = env->sizes.wordsize;
    return ty_sizeof(env, t) == word && ptrdata_size(env, t) == word;
}
