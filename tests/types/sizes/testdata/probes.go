// Package sizes: types whose sizes, alignments and field offsets gc knows
// (see ../run.sh).  Every constant named S_*, A_* or O_* is a probe; the
// generator checks each against go/types' gc sizes for the architecture.
package sizes

import (
	"sync/atomic"
	"unsafe"
)

type (
	Empty    struct{}
	I8I64    struct {
		a int8
		b int64
	}
	I64I8 struct {
		a int64
		b int8
	}
	ZeroLast struct {
		a int32
		b struct{}
	}
	ZeroFirst struct {
		a struct{}
		b int32
	}
	ZeroArrLast struct {
		x byte
		y [0]int64
	}
	OnlyZero struct {
		a struct{}
		b [0]int64
	}
	Cplx struct {
		a int8
		c complex128
	}
	Cplx64 struct {
		a int8
		c complex64
	}
	Mixed struct {
		a bool
		f float32
		b bool
		s string
		p *int
		i interface{}
		sl []int
		m map[string]int
		ch chan int
		fn func()
		u16 uint16
	}
	Inner struct {
		x int16
		y int64
	}
	Outer struct {
		b byte
		Inner
		z int8
	}
	PtrEmbed struct {
		c byte
		*Inner
	}
	Nested struct {
		a [3]Inner
		b [2][3]int16
		c struct {
			d byte
			e [5]complex64
		}
	}
	G[T any] struct {
		a T
		b int8
	}
	Atom struct {
		a int32
		b atomic.Int64
	}
	AtomU struct {
		a bool
		b atomic.Uint64
		c atomic.Int32
	}
	Named   int16
	Alias   = Mixed
	NamedP  *Inner
	Iface   interface{ M() int }
	BigArr  [1 << 20]byte
	ArrZero [0]string
	ArrE    [100]struct{}
	F       func(int) string
	Ch      chan<- [4]int32
	Tail    struct {
		a int64
		b int8
		c Empty
	}
	Tail2 struct {
		a int8
		b [0]int8
	}
	Bits struct {
		a, b, c uint8
		d       uint32
		e       uint8
		f       uint64
		g       uint16
	}
)

var (
	vBool    bool
	vInt     int
	vUint    uint
	vUintptr uintptr
	vI8      int8
	vI16     int16
	vI32     int32
	vI64     int64
	vU8      uint8
	vU16     uint16
	vU32     uint32
	vU64     uint64
	vF32     float32
	vF64     float64
	vC64     complex64
	vC128    complex128
	vString  string
	vUP      unsafe.Pointer
	vPtr     *int
	vSlice   []string
	vMap     map[int]int
	vChan    chan int
	vFunc    func()
	vIface   interface{}
	vError   error
	vRune    rune
	vByte    byte

	vEmpty       Empty
	vI8I64       I8I64
	vI64I8       I64I8
	vZeroLast    ZeroLast
	vZeroFirst   ZeroFirst
	vZeroArrLast ZeroArrLast
	vOnlyZero    OnlyZero
	vCplx        Cplx
	vCplx64      Cplx64
	vMixed       Mixed
	vInner       Inner
	vOuter       Outer
	vPtrEmbed    PtrEmbed
	vNested      Nested
	vGI64        G[int64]
	vGEmpty      G[struct{}]
	vGStr        G[string]
	vAtom        Atom
	vAtomU       AtomU
	vAtomI64     atomic.Int64
	vNamed       Named
	vAlias       Alias
	vNamedP      NamedP
	vIfaceT      Iface
	vBigArr      BigArr
	vArrZero     ArrZero
	vArrE        ArrE
	vF           F
	vCh          Ch
	vTail        Tail
	vTail2       Tail2
	vBits        Bits
	vArr3        [3]int8
	vArr5c       [5]complex128
	vArr23       [2][3]int16
	vAnon        struct {
		a byte
		b [3]uint16
		c float64
	}
)

const (
	S_bool, A_bool       = unsafe.Sizeof(vBool), unsafe.Alignof(vBool)
	S_int, A_int         = unsafe.Sizeof(vInt), unsafe.Alignof(vInt)
	S_uint, A_uint       = unsafe.Sizeof(vUint), unsafe.Alignof(vUint)
	S_uintptr, A_uintptr = unsafe.Sizeof(vUintptr), unsafe.Alignof(vUintptr)
	S_i8, A_i8           = unsafe.Sizeof(vI8), unsafe.Alignof(vI8)
	S_i16, A_i16         = unsafe.Sizeof(vI16), unsafe.Alignof(vI16)
	S_i32, A_i32         = unsafe.Sizeof(vI32), unsafe.Alignof(vI32)
	S_i64, A_i64         = unsafe.Sizeof(vI64), unsafe.Alignof(vI64)
	S_u8, A_u8           = unsafe.Sizeof(vU8), unsafe.Alignof(vU8)
	S_u16, A_u16         = unsafe.Sizeof(vU16), unsafe.Alignof(vU16)
	S_u32, A_u32         = unsafe.Sizeof(vU32), unsafe.Alignof(vU32)
	S_u64, A_u64         = unsafe.Sizeof(vU64), unsafe.Alignof(vU64)
	S_f32, A_f32         = unsafe.Sizeof(vF32), unsafe.Alignof(vF32)
	S_f64, A_f64         = unsafe.Sizeof(vF64), unsafe.Alignof(vF64)
	S_c64, A_c64         = unsafe.Sizeof(vC64), unsafe.Alignof(vC64)
	S_c128, A_c128       = unsafe.Sizeof(vC128), unsafe.Alignof(vC128)
	S_string, A_string   = unsafe.Sizeof(vString), unsafe.Alignof(vString)
	S_up, A_up           = unsafe.Sizeof(vUP), unsafe.Alignof(vUP)
	S_ptr, A_ptr         = unsafe.Sizeof(vPtr), unsafe.Alignof(vPtr)
	S_slice, A_slice     = unsafe.Sizeof(vSlice), unsafe.Alignof(vSlice)
	S_map, A_map         = unsafe.Sizeof(vMap), unsafe.Alignof(vMap)
	S_chan, A_chan       = unsafe.Sizeof(vChan), unsafe.Alignof(vChan)
	S_func, A_func       = unsafe.Sizeof(vFunc), unsafe.Alignof(vFunc)
	S_iface, A_iface     = unsafe.Sizeof(vIface), unsafe.Alignof(vIface)
	S_error, A_error     = unsafe.Sizeof(vError), unsafe.Alignof(vError)
	S_rune, A_rune       = unsafe.Sizeof(vRune), unsafe.Alignof(vRune)
	S_byte, A_byte       = unsafe.Sizeof(vByte), unsafe.Alignof(vByte)
	S_lit, A_lit         = unsafe.Sizeof(1.5), unsafe.Alignof('x')
	S_strlit             = unsafe.Sizeof("hello")

	S_Empty, A_Empty             = unsafe.Sizeof(vEmpty), unsafe.Alignof(vEmpty)
	S_I8I64, A_I8I64             = unsafe.Sizeof(vI8I64), unsafe.Alignof(vI8I64)
	O_I8I64_b                    = unsafe.Offsetof(vI8I64.b)
	S_I64I8, A_I64I8             = unsafe.Sizeof(vI64I8), unsafe.Alignof(vI64I8)
	O_I64I8_b                    = unsafe.Offsetof(vI64I8.b)
	S_ZeroLast, A_ZeroLast       = unsafe.Sizeof(vZeroLast), unsafe.Alignof(vZeroLast)
	O_ZeroLast_b                 = unsafe.Offsetof(vZeroLast.b)
	S_ZeroFirst, A_ZeroFirst     = unsafe.Sizeof(vZeroFirst), unsafe.Alignof(vZeroFirst)
	O_ZeroFirst_b                = unsafe.Offsetof(vZeroFirst.b)
	S_ZeroArrLast, A_ZeroArrLast = unsafe.Sizeof(vZeroArrLast), unsafe.Alignof(vZeroArrLast)
	O_ZeroArrLast_y              = unsafe.Offsetof(vZeroArrLast.y)
	S_OnlyZero, A_OnlyZero       = unsafe.Sizeof(vOnlyZero), unsafe.Alignof(vOnlyZero)
	S_Cplx, A_Cplx               = unsafe.Sizeof(vCplx), unsafe.Alignof(vCplx)
	O_Cplx_c                     = unsafe.Offsetof(vCplx.c)
	S_Cplx64, A_Cplx64           = unsafe.Sizeof(vCplx64), unsafe.Alignof(vCplx64)
	O_Cplx64_c                   = unsafe.Offsetof(vCplx64.c)
	S_Mixed, A_Mixed             = unsafe.Sizeof(vMixed), unsafe.Alignof(vMixed)
	O_Mixed_f, O_Mixed_b         = unsafe.Offsetof(vMixed.f), unsafe.Offsetof(vMixed.b)
	O_Mixed_s, O_Mixed_p         = unsafe.Offsetof(vMixed.s), unsafe.Offsetof(vMixed.p)
	O_Mixed_i, O_Mixed_sl        = unsafe.Offsetof(vMixed.i), unsafe.Offsetof(vMixed.sl)
	O_Mixed_m, O_Mixed_ch        = unsafe.Offsetof(vMixed.m), unsafe.Offsetof(vMixed.ch)
	O_Mixed_fn, O_Mixed_u16      = unsafe.Offsetof(vMixed.fn), unsafe.Offsetof(vMixed.u16)
	S_Inner, A_Inner             = unsafe.Sizeof(vInner), unsafe.Alignof(vInner)
	S_Outer, A_Outer             = unsafe.Sizeof(vOuter), unsafe.Alignof(vOuter)
	O_Outer_Inner, O_Outer_z     = unsafe.Offsetof(vOuter.Inner), unsafe.Offsetof(vOuter.z)
	O_Outer_y                    = unsafe.Offsetof(vOuter.y) // promoted: relative to Inner
	S_PtrEmbed, A_PtrEmbed       = unsafe.Sizeof(vPtrEmbed), unsafe.Alignof(vPtrEmbed)
	O_PtrEmbed_Inner             = unsafe.Offsetof(vPtrEmbed.Inner)
	S_Nested, A_Nested           = unsafe.Sizeof(vNested), unsafe.Alignof(vNested)
	O_Nested_b, O_Nested_c       = unsafe.Offsetof(vNested.b), unsafe.Offsetof(vNested.c)
	O_Nested_c_e                 = unsafe.Offsetof(vNested.c.e)
	S_GI64, A_GI64               = unsafe.Sizeof(vGI64), unsafe.Alignof(vGI64)
	O_GI64_b                     = unsafe.Offsetof(vGI64.b)
	S_GEmpty, A_GEmpty           = unsafe.Sizeof(vGEmpty), unsafe.Alignof(vGEmpty)
	O_GEmpty_b                   = unsafe.Offsetof(vGEmpty.b)
	S_GStr, A_GStr               = unsafe.Sizeof(vGStr), unsafe.Alignof(vGStr)
	O_GStr_b                     = unsafe.Offsetof(vGStr.b)
	S_Atom, A_Atom               = unsafe.Sizeof(vAtom), unsafe.Alignof(vAtom)
	O_Atom_b                     = unsafe.Offsetof(vAtom.b)
	S_AtomU, A_AtomU             = unsafe.Sizeof(vAtomU), unsafe.Alignof(vAtomU)
	O_AtomU_b, O_AtomU_c         = unsafe.Offsetof(vAtomU.b), unsafe.Offsetof(vAtomU.c)
	S_AtomI64, A_AtomI64         = unsafe.Sizeof(vAtomI64), unsafe.Alignof(vAtomI64)
	S_Named, A_Named             = unsafe.Sizeof(vNamed), unsafe.Alignof(vNamed)
	S_Alias, A_Alias             = unsafe.Sizeof(vAlias), unsafe.Alignof(vAlias)
	S_NamedP, A_NamedP           = unsafe.Sizeof(vNamedP), unsafe.Alignof(vNamedP)
	S_IfaceT, A_IfaceT           = unsafe.Sizeof(vIfaceT), unsafe.Alignof(vIfaceT)
	S_BigArr, A_BigArr           = unsafe.Sizeof(vBigArr), unsafe.Alignof(vBigArr)
	S_ArrZero, A_ArrZero         = unsafe.Sizeof(vArrZero), unsafe.Alignof(vArrZero)
	S_ArrE, A_ArrE               = unsafe.Sizeof(vArrE), unsafe.Alignof(vArrE)
	S_F, A_F                     = unsafe.Sizeof(vF), unsafe.Alignof(vF)
	S_Ch, A_Ch                   = unsafe.Sizeof(vCh), unsafe.Alignof(vCh)
	S_Tail, A_Tail               = unsafe.Sizeof(vTail), unsafe.Alignof(vTail)
	O_Tail_c                     = unsafe.Offsetof(vTail.c)
	S_Tail2, A_Tail2             = unsafe.Sizeof(vTail2), unsafe.Alignof(vTail2)
	S_Bits, A_Bits               = unsafe.Sizeof(vBits), unsafe.Alignof(vBits)
	O_Bits_d, O_Bits_e           = unsafe.Offsetof(vBits.d), unsafe.Offsetof(vBits.e)
	O_Bits_f, O_Bits_g           = unsafe.Offsetof(vBits.f), unsafe.Offsetof(vBits.g)
	S_Arr3, A_Arr3               = unsafe.Sizeof(vArr3), unsafe.Alignof(vArr3)
	S_Arr5c, A_Arr5c             = unsafe.Sizeof(vArr5c), unsafe.Alignof(vArr5c)
	S_Arr23, A_Arr23             = unsafe.Sizeof(vArr23), unsafe.Alignof(vArr23)
	S_Anon, A_Anon               = unsafe.Sizeof(vAnon), unsafe.Alignof(vAnon)
	O_Anon_b, O_Anon_c           = unsafe.Offsetof(vAnon.b), unsafe.Offsetof(vAnon.c)
	O_Paren                      = unsafe.Offsetof((vMixed.u16))
	S_Deref                      = unsafe.Sizeof(*vNamedP)
	O_ViaPtr                     = unsafe.Offsetof(vNamedP.y)
)
