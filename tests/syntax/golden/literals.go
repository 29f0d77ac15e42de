// Every literal form as the scanner reads it.
package literals

const (
	i0  = 0
	i1  = 42
	i2  = 4_2
	i3  = 0600
	i4  = 0_600
	i5  = 0o600
	i6  = 0O600
	i7  = 0xBadFace
	i8  = 0XBAD_FACE
	i9  = 0x_67_7a_2f_cc_40_c6
	i10 = 0b1011
	i11 = 0B_1_0
	i12 = 170141183460469231731687303715884105727
	i13 = 0o_7

	f0  = 0.
	f1  = 72.40
	f2  = 072.40
	f3  = 2.71828
	f4  = 1.e+0
	f5  = 6.67428e-11
	f6  = 1E6
	f7  = .25
	f8  = .12345E+5
	f9  = 1_5.
	f10 = 0.15e+0_2
	f11 = 0x1p-2
	f12 = 0x2.p10
	f13 = 0x1.Fp+0
	f14 = 0X.8p-0
	f15 = 0X_1FFFP-16
	f16 = 0x15e-2
	f17 = 1_000.000_1e1_0

	c0  = 0i
	c1  = 0123i
	c2  = 0o123i
	c3  = 0xabci
	c4  = 0.i
	c5  = 2.71828i
	c6  = 1.e+0i
	c7  = 6.67428e-11i
	c8  = 1E6i
	c9  = .25i
	c10 = .12345E+5i
	c11 = 0x1p-2i
	c12 = 0b1010i
	c13 = 1_000i

	r0  = 'a'
	r1  = 'ä'
	r2  = '本'
	r3  = '\t'
	r4  = '\000'
	r5  = '\007'
	r6  = '\377'
	r7  = '\x07'
	r8  = '\xff'
	r9  = '\u12e4'
	r10 = '\U00101234'
	r11 = '\''
	r12 = '\\'
	r13 = '\a'
	r14 = '\b'
	r15 = '\f'
	r16 = '\n'
	r17 = '\r'
	r18 = '\v'
	r19 = '"'
	r20 = '😀'

	s0  = ""
	s1  = "Hello, world!\n"
	s2  = "日本語"
	s3  = "\u65e5本\U00008a9e"
	s4  = "\xff\u00FF"
	s5  = "\"quoted\" and \\ and '"
	s6  = "\a\b\f\n\r\t\v\000\x7f"
	s7  = `raw`
	s8  = `\n
two lines`
	s9  = `with "quotes" and \ backslash`
	s10 = ``
	s11 = "tab	inside"
)

var (
	日本語  = 1
	αβγ  = 2
	_x9  = 3
	ŝ    = 4
	X۳   = 5
	ǅ    = 6
)
