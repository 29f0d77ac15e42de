// Command gen prints differential test cases for goesc's constant arithmetic
// (src/types/constant.c), computed with go/constant.
//
// Each output line is
//
//	<program> TAB <result>
//
// where <program> is a space-separated RPN program over constant values and
// <result> what go/constant computes for it.  Tokens:
//
//	I:lit F:lit M:lit     MakeFromLiteral(lit, INT/FLOAT/IMAG)
//	C:hex S:hex           MakeFromLiteral(lit, CHAR/STRING), lit hex-encoded
//	i:n u:n d:bits        MakeInt64, MakeUint64, MakeFloat64(Float64frombits)
//	b:0 b:1 s:hex U       MakeBool, MakeString, MakeUnknown
//	+ - * / // % & | ^ &^ && ||   BinaryOp (// is QUO_ASSIGN)
//	== != < <= > >=       Compare, pushed as a Bool value
//	u+ u- u^ u! u^:prec   UnaryOp
//	<<:n >>:n             Shift
//	toint tofloat tocomplex real imag num denom mkimag   conversions
//	?i64 ?u64 ?f32 ?f64 ?sign ?bitlen ?bytes ?strval ?boolval
//	?rep:T ?repn:T        queries (last token only); T a basic type name
//
// A value result is "rep TAB String() TAB ExactString()", rep one of unknown,
// bool, string, int64, bigint, rat, float, complex(rep,rep).
package main

import (
	"bufio"
	"encoding/hex"
	"flag"
	"fmt"
	"go/constant"
	"go/token"
	"math"
	"math/big"
	"math/rand"
	"os"
	"strconv"
	"strings"
)

var (
	seed = flag.Int64("seed", 1, "random seed")
	num  = flag.Int("n", 40000, "number of random cases")
)

type item struct {
	toks []string
	v    constant.Value
}

type gen struct {
	r   *rand.Rand
	out *bufio.Writer
	n   int
}

func (g *gen) intn(n int) int { return g.r.Intn(n) }
func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) digits(alphabet string, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteByte(alphabet[g.intn(len(alphabet))])
	}
	return b.String()
}

// underscores inserts '_' separators (valid or, rarely, invalid).
func (g *gen) underscores(s string) string {
	if len(s) < 2 || !g.chance(0.15) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		if i+1 < len(s) && g.chance(0.2) {
			b.WriteByte('_')
			if g.chance(0.05) {
				b.WriteByte('_') // invalid
			}
		}
	}
	r := b.String()
	if g.chance(0.03) {
		r += "_" // invalid
	}
	return r
}

func (g *gen) length() int {
	switch g.intn(10) {
	case 0, 1, 2, 3:
		return 1 + g.intn(3)
	case 4, 5, 6:
		return 1 + g.intn(19)
	case 7, 8:
		return 15 + g.intn(30)
	default:
		return 1 + g.intn(200)
	}
}

var edgeInts = []string{
	"0", "1", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
	"-9223372036854775809", "18446744073709551615", "18446744073709551616",
	"0x7fffffffffffffff", "0x8000000000000000", "0xffffffffffffffff", "0x10000000000000000",
	"0777", "0o777", "0O17", "0b1010", "0B1", "0x_1f", "0_7", "08", "09", "0x", "0b", "0o",
	"1__0", "_1", "1_", "0x_", "00", "0_0", "+5", "-5", "--5", "0xG", "1e3", "12a",
	"170141183460469231731687303715884105727", "340282366920938463463374607431768211456",
}

func (g *gen) intLit() string {
	if g.chance(0.08) {
		return edgeInts[g.intn(len(edgeInts))]
	}
	var s string
	switch g.intn(6) {
	case 0, 1, 2:
		s = g.digits("123456789", 1) + g.digits("0123456789", g.length()-1)
		s = g.underscores(s)
	case 3:
		p := []string{"0x", "0X"}[g.intn(2)]
		s = p + g.underscores(g.digits("0123456789abcdefABCDEF", g.length()))
	case 4:
		switch g.intn(3) {
		case 0:
			s = "0o" + g.underscores(g.digits("01234567", g.length()))
		case 1:
			s = "0" + g.underscores(g.digits("01234567", g.length()))
		default:
			s = "0b" + g.underscores(g.digits("01", g.length()*3))
		}
	default:
		s = g.digits("0123456789", 1+g.intn(4))
	}
	if g.chance(0.02) {
		s = "-" + s
	}
	return s
}

var edgeFloats = []string{
	"0.0", "0.", ".0", "1.", ".5", "1e0", "1e+0", "1e-0", "0e0", "0x0p0", "0x.p1", "0x1p", "1e",
	"1e+", "1.5e_3", "1_000.5", "1_000.5e1_0", "0x1.8p1", "0x1.fffffffffffffp1023",
	"0x1p-1022", "0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075", "0x1p-1076",
	"0x1p-149", "0x1p-150", "0x1.000001p-150", "0x1.fffffep127", "0x1.ffffffp127",
	"0x1.fffffefp127", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7ffp1023",
	"1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
	"4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
	"3.4028234663852886e38", "3.4028235677973366e38", "3.4028235677973367e38",
	"1.401298464324817e-45", "7.006492321624085e-46", "7.006492321624086e-46",
	"1e308", "1e309", "1e-308", "1e-324", "1e-400", "1e1000", "1e1232", "1e1233", "1e1234",
	"1e-1232", "1e-1233", "1e1000000", "1e-1000000", "1e646456992", "1e646456993",
	"1e-646456992", "1e-646456993", "1e-646457000", "1e9223372036854775807",
	"1e9223372036854775808", "0.1e-2147483648", "1e2147483647", "0x1p2147483647",
	"0x1p2147483646", "0x.8p2147483647", "0x1p-2147483648", "0x1p-2147483649",
	"6e-1886451601", "-6e-1886451601", "Inf", "inf", "+Inf", "-inf", "NaN", "1/2", "1e1_0",
	"0b1.1p1", "0o1.4p2", "0b101e2", "0o17e1", "017.5", "08.5", "0x1e5", "0x1.ep1",
	"3.14159265358979323846264338327950288419716939937510582097494459",
	"2.71828182845904523536028747135266249775724709369995957496696763",
	"1.41421356237309504880168872420969807856967187537694807317667974",
	"0.693147180559945309417232121458176568075500134360255254120680009",
	"1e-5", "2e-7", "1000000.5", "123456.7", "999999.5", "99999.95", "1e5", "1e6", "100000.1",
	"0.000099999", "0.0001", "1e-4", "9.5e-5", "1.00000049", "9.9999951", "9.999995",
	"4.5e15", "4503599627370496.5", "9007199254740993", "9007199254740993.0",
}

func (g *gen) expo() string {
	var e string
	switch g.intn(10) {
	case 0, 1, 2, 3, 4:
		e = strconv.Itoa(g.intn(30))
	case 5, 6:
		e = strconv.Itoa(g.intn(350))
	case 7:
		e = strconv.Itoa(300 + g.intn(1000))
	case 8:
		e = strconv.Itoa(1200 + g.intn(4000))
	default:
		// huge exponents are slow for big.Float addition; keep them rare
		if g.chance(0.1) {
			e = strconv.Itoa(g.intn(2000000))
		} else {
			e = strconv.Itoa(g.intn(20000))
		}
	}
	sign := []string{"", "+", "-", "-"}[g.intn(4)]
	return sign + g.underscores(e)
}

func (g *gen) floatLit() string {
	if g.chance(0.1) {
		return edgeFloats[g.intn(len(edgeFloats))]
	}
	var s string
	switch g.intn(8) {
	case 0, 1, 2, 3:
		a := g.digits("0123456789", g.length()%25)
		b := g.digits("0123456789", g.length()%25)
		if a == "" && b == "" {
			a = "0"
		}
		s = g.underscores(a) + "." + g.underscores(b)
		if g.chance(0.6) {
			s += []string{"e", "E"}[g.intn(2)] + g.expo()
		}
	case 4:
		s = g.underscores(g.digits("123456789", 1)+g.digits("0123456789", g.length()%25)) + "e" + g.expo()
	case 5, 6:
		a := g.digits("0123456789abcdef", g.intn(16))
		b := g.digits("0123456789abcdef", g.intn(16))
		if a == "" && b == "" {
			a = "1"
		}
		e := g.intn(1100)
		if g.chance(0.1) {
			e = g.intn(20000)
		}
		s = "0x" + a + "." + b + "p" + []string{"", "+", "-"}[g.intn(3)] + strconv.Itoa(e)
	default:
		// near float32/float64 rounding boundaries
		s = g.boundaryLit()
	}
	if g.chance(0.02) {
		s = "-" + s
	}
	return s
}

// boundaryLit returns a hex float near a float64/float32 rounding boundary.
func (g *gen) boundaryLit() string {
	bits := 53
	if g.chance(0.4) {
		bits = 24
	}
	m := new(big.Int).Rand(g.r, new(big.Int).Lsh(big.NewInt(1), uint(bits-1)))
	m.SetBit(m, bits-1, 1)
	m.Lsh(m, 1)
	switch g.intn(4) {
	case 0: // exact midpoint
		m.SetBit(m, 0, 1)
	case 1: // just above the midpoint
		m.SetBit(m, 0, 1)
		m.Lsh(m, 40)
		m.SetBit(m, 0, 1)
	case 2: // just below the midpoint
		m.Lsh(m, 40)
		m.Add(m, new(big.Int).Lsh(big.NewInt(1), 40))
		m.Sub(m, big.NewInt(1))
	default: // representable
	}
	var e int
	if bits == 53 {
		switch g.intn(4) {
		case 0:
			e = -1074 - 60 + g.intn(120)
		case 1:
			e = 1023 - 60 + g.intn(70)
		default:
			e = g.intn(200) - 100
		}
	} else {
		switch g.intn(4) {
		case 0:
			e = -149 - 30 + g.intn(60)
		case 1:
			e = 127 - 30 + g.intn(40)
		default:
			e = g.intn(100) - 50
		}
	}
	e -= m.BitLen() - 1
	return "0x" + m.Text(16) + "p" + strconv.Itoa(e)
}

func (g *gen) imagLit() string {
	var s string
	if g.chance(0.3) {
		s = g.intLit()
	} else {
		s = g.floatLit()
	}
	if g.chance(0.97) {
		s += "i"
	}
	return s
}

var runeBodies = []string{
	`a`, ` `, `\n`, `\t`, `\a`, `\b`, `\f`, `\r`, `\v`, `\\`, `\'`, `\"`, `\x41`, `\xff`, `\x0`,
	`\101`, `\377`, `\400`, `\0`, `\00`, `\u00e9`, `\u00E9`, `\uD800`, `\uDFFF`, `\U0001F600`,
	`\U00110000`, `\U0010FFFF`, `\q`, ``, `ab`, `é`, `世`, "\xff", "\xe4\xb8", `'`, `\`, `\u12`,
	"😀", "\x7f", "\x00",
}

func (g *gen) runeLit() string {
	if g.chance(0.05) {
		return []string{"'", "''", "a", "'a", "a'", `'\'`}[g.intn(6)]
	}
	return "'" + runeBodies[g.intn(len(runeBodies))] + "'"
}

var strPieces = []string{
	"a", "hello", " ", "\\n", "\\t", "\\\\", "\\\"", "\\'", "\\x41", "\\xff", "\\101", "\\377",
	"\\400", "\\u00e9", "\\uD800", "\\U0001F600", "\\U00110000", "é", "世界", "\xff", "\xe4\xb8",
	"\x7f", "\x01", "\u200b", "\u00ad", "\\q", "'", "\\a\\b\\f\\r\\v", "\u2028", "\ufeff", "\U0001F600",
}

func (g *gen) strLit() string {
	switch g.intn(10) {
	case 0, 1:
		var b strings.Builder
		b.WriteByte('`')
		for i := g.intn(12); i > 0; i-- {
			b.WriteString([]string{"a", "\\n", "\r", "\r\n", "é", "\"", "\xff", " ", "\t"}[g.intn(9)])
		}
		if g.chance(0.05) {
			b.WriteByte('`')
		}
		b.WriteByte('`')
		return b.String()
	case 2:
		return []string{`"`, `""`, `"a`, `a"`, `"a"b"`, `"a` + "\n" + `b"`, `'a'`, `'\n'`, `''`, `'ab'`, "`a`b`"}[g.intn(11)]
	default:
		var b strings.Builder
		b.WriteByte('"')
		n := g.intn(12)
		if g.chance(0.2) {
			n = 30 + g.intn(60)
		}
		for i := 0; i < n; i++ {
			b.WriteString(strPieces[g.intn(len(strPieces))])
		}
		b.WriteByte('"')
		return b.String()
	}
}

func (g *gen) randBytes() string {
	n := g.intn(10)
	if g.chance(0.2) {
		n = 60 + g.intn(40)
	}
	var b strings.Builder
	for i := 0; i < n; i++ {
		switch g.intn(5) {
		case 0:
			b.WriteByte(byte(g.intn(256)))
		case 1:
			b.WriteRune(rune(g.intn(0x3000)))
		case 2:
			b.WriteRune(rune(0x10000 + g.intn(0x10000)))
		default:
			b.WriteByte(byte(' ' + g.intn(95)))
		}
	}
	return b.String()
}

func (g *gen) randInt64() int64 {
	switch g.intn(6) {
	case 0:
		return int64(g.intn(21)) - 10
	case 1:
		return []int64{math.MaxInt64, math.MinInt64, math.MaxInt32, math.MinInt32, 1 << 53, 1<<53 + 1,
			1<<24 + 1, 1 << 62, -(1 << 62), math.MaxInt64 - 511, math.MaxInt64 - 512, 1<<63 - 1<<10}[g.intn(12)]
	case 2:
		return g.r.Int63() >> uint(g.intn(63))
	case 3:
		return -(g.r.Int63() >> uint(g.intn(63)))
	default:
		return g.r.Int63() - g.r.Int63()
	}
}

func (g *gen) randFloat64() float64 {
	switch g.intn(6) {
	case 0:
		return math.Float64frombits(g.r.Uint64())
	case 1:
		return math.Float64frombits(g.r.Uint64() & (1<<52 - 1)) // denormal
	case 2:
		return []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1e-5, 1e6, 1e100, math.MaxFloat64,
			math.SmallestNonzeroFloat64, math.MaxFloat32, math.SmallestNonzeroFloat32, 1000000.5,
			123456.7, 0.5, 2.5, math.Inf(1), math.NaN(), 1e21, 1e20, 100000.25, 5e-324}[g.intn(22)]
	case 3:
		return float64(float32(g.r.NormFloat64() * math.Pow(10, float64(g.intn(60)-30))))
	default:
		return g.r.NormFloat64() * math.Pow(10, float64(g.intn(80)-40))
	}
}

func (g *gen) leaf() item {
	switch g.intn(20) {
	case 0, 1, 2, 3:
		l := g.intLit()
		return item{[]string{"I:" + l}, constant.MakeFromLiteral(l, token.INT, 0)}
	case 4, 5, 6, 7:
		l := g.floatLit()
		return item{[]string{"F:" + l}, constant.MakeFromLiteral(l, token.FLOAT, 0)}
	case 8:
		l := g.imagLit()
		return item{[]string{"M:" + l}, constant.MakeFromLiteral(l, token.IMAG, 0)}
	case 9:
		l := g.runeLit()
		return item{[]string{"C:" + hex.EncodeToString([]byte(l))}, constant.MakeFromLiteral(l, token.CHAR, 0)}
	case 10:
		l := g.strLit()
		return item{[]string{"S:" + hex.EncodeToString([]byte(l))}, constant.MakeFromLiteral(l, token.STRING, 0)}
	case 11, 12, 13:
		x := g.randInt64()
		return item{[]string{"i:" + strconv.FormatInt(x, 10)}, constant.MakeInt64(x)}
	case 14:
		x := g.r.Uint64() >> uint(g.intn(64))
		return item{[]string{"u:" + strconv.FormatUint(x, 10)}, constant.MakeUint64(x)}
	case 15, 16:
		f := g.randFloat64()
		return item{[]string{"d:" + strconv.FormatUint(math.Float64bits(f), 16)}, constant.MakeFloat64(f)}
	case 17:
		b := g.chance(0.5)
		t := "b:0"
		if b {
			t = "b:1"
		}
		return item{[]string{t}, constant.MakeBool(b)}
	case 18:
		s := g.randBytes()
		return item{[]string{"s:" + hex.EncodeToString([]byte(s))}, constant.MakeString(s)}
	default:
		if g.chance(0.2) {
			return item{[]string{"U"}, constant.MakeUnknown()}
		}
		x := int64(g.intn(2000)) - 1000
		return item{[]string{"i:" + strconv.FormatInt(x, 10)}, constant.MakeInt64(x)}
	}
}

var binops = []struct {
	tok string
	op  token.Token
}{
	{"+", token.ADD}, {"-", token.SUB}, {"*", token.MUL}, {"/", token.QUO}, {"//", token.QUO_ASSIGN},
	{"%", token.REM}, {"&", token.AND}, {"|", token.OR}, {"^", token.XOR}, {"&^", token.AND_NOT},
	{"&&", token.LAND}, {"||", token.LOR},
}

var cmpops = []struct {
	tok string
	op  token.Token
}{
	{"==", token.EQL}, {"!=", token.NEQ}, {"<", token.LSS}, {"<=", token.LEQ}, {">", token.GTR}, {">=", token.GEQ},
}

var convs = []string{"toint", "tofloat", "tocomplex", "real", "imag", "num", "denom", "mkimag"}

func conv(name string, v constant.Value) constant.Value {
	switch name {
	case "toint":
		return constant.ToInt(v)
	case "tofloat":
		return constant.ToFloat(v)
	case "tocomplex":
		return constant.ToComplex(v)
	case "real":
		return constant.Real(v)
	case "imag":
		return constant.Imag(v)
	case "num":
		return constant.Num(v)
	case "denom":
		return constant.Denom(v)
	case "mkimag":
		return constant.MakeImag(v)
	}
	panic(name)
}

func try(f func() constant.Value) (v constant.Value, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return f(), true
}

func tooBig(v constant.Value) bool {
	switch v.Kind() {
	case constant.Int:
		return constant.BitLen(v) > 20000
	case constant.Float:
		n, d := constant.Num(v), constant.Denom(v)
		return n.Kind() == constant.Int && (constant.BitLen(n) > 20000 || constant.BitLen(d) > 20000)
	case constant.Complex:
		return tooBig(constant.Real(v)) || tooBig(constant.Imag(v))
	}
	return false
}

// category groups kinds that go/constant's binary operations and
// comparisons accept together; mixing categories is undefined (it does not
// always panic, but gives arbitrary results).
func category(v constant.Value) int {
	switch v.Kind() {
	case constant.Unknown:
		return 0
	case constant.Bool:
		return 1
	case constant.String:
		return 2
	}
	return 3
}

func mixed(x, y constant.Value) bool {
	cx, cy := category(x), category(y)
	return cx != 0 && cy != 0 && cx != cy
}

func (g *gen) expr(depth int) item {
	if depth == 0 || g.chance(0.25) {
		return g.leaf()
	}
	for tries := 0; tries < 8; tries++ {
		var it item
		var ok bool
		switch k := g.intn(20); {
		case k < 9:
			x, y := g.expr(depth-1), g.expr(depth-1)
			b := binops[g.intn(len(binops))]
			if g.chance(0.5) && b.tok != "&&" && b.tok != "||" {
				b = binops[g.intn(6)]
			}
			if mixed(x.v, y.v) {
				continue
			}
			if (b.op == token.ADD || b.op == token.SUB) && farApart(x.v, y.v) {
				continue // slow in math/big; see the fixed cases in main
			}
			it.toks = append(append(append([]string{}, x.toks...), y.toks...), b.tok)
			it.v, ok = try(func() constant.Value { return constant.BinaryOp(x.v, b.op, y.v) })
		case k < 11:
			x, y := g.expr(depth-1), g.expr(depth-1)
			c := cmpops[g.intn(len(cmpops))]
			if mixed(x.v, y.v) {
				continue
			}
			it.toks = append(append(append([]string{}, x.toks...), y.toks...), c.tok)
			it.v, ok = try(func() constant.Value { return constant.MakeBool(constant.Compare(x.v, c.op, y.v)) })
		case k < 13:
			x := g.expr(depth - 1)
			var tok string
			var op token.Token
			var prec uint
			switch g.intn(5) {
			case 0:
				tok, op = "u+", token.ADD
			case 1, 2:
				tok, op = "u-", token.SUB
			case 3:
				tok, op = "u!", token.NOT
			default:
				tok, op = "u^", token.XOR
				if g.chance(0.5) {
					prec = []uint{8, 16, 32, 64, 1, 63, 65, 100, 512}[g.intn(9)]
					tok = "u^:" + strconv.Itoa(int(prec))
				}
			}
			it.toks = append(append([]string{}, x.toks...), tok)
			it.v, ok = try(func() constant.Value { return constant.UnaryOp(op, x.v, prec) })
		case k < 16:
			x := g.expr(depth - 1)
			var n uint
			switch g.intn(5) {
			case 0, 1:
				n = uint(g.intn(70))
			case 2:
				n = uint(g.intn(600))
			case 3:
				n = uint(g.intn(5000))
			default:
				n = []uint{0, 1, 62, 63, 64, 65, 127, 128, 511, 512, 1023, 1024, 1e6}[g.intn(13)]
			}
			tok, op := "<<", token.SHL
			if g.chance(0.5) {
				tok, op = ">>", token.SHR
			}
			if op == token.SHL && x.v.Kind() == constant.Int && constant.BitLen(x.v)+int(n) > 20000 {
				continue
			}
			it.toks = append(append([]string{}, x.toks...), tok+":"+strconv.FormatUint(uint64(n), 10))
			it.v, ok = try(func() constant.Value { return constant.Shift(x.v, op, n) })
		default:
			x := g.expr(depth - 1)
			c := convs[g.intn(len(convs))]
			it.toks = append(append([]string{}, x.toks...), c)
			it.v, ok = try(func() constant.Value { return conv(c, x.v) })
		}
		if ok && !tooBig(it.v) {
			return it
		}
	}
	return g.leaf()
}

// binExp approximates the binary exponent of a numeric value.
func binExp(v constant.Value) int64 {
	switch x := constant.Val(v).(type) {
	case int64:
		return int64(constant.BitLen(v))
	case *big.Int:
		return int64(x.BitLen())
	case *big.Rat:
		return int64(x.Num().BitLen() - x.Denom().BitLen())
	case *big.Float:
		return int64(x.MantExp(nil))
	}
	if v.Kind() == constant.Complex {
		return max(binExp(constant.Real(v)), binExp(constant.Imag(v)))
	}
	return 0
}

// farApart reports whether adding x and y makes math/big shift a mantissa
// by a huge amount.
func farApart(x, y constant.Value) bool {
	d := binExp(x) - binExp(y)
	return d > 100000 || d < -100000
}

func rep(v constant.Value) string {
	switch v.Kind() {
	case constant.Unknown:
		return "unknown"
	case constant.Bool:
		return "bool"
	case constant.String:
		return "string"
	case constant.Int:
		if _, ok := constant.Val(v).(int64); ok {
			return "int64"
		}
		return "bigint"
	case constant.Float:
		if _, ok := constant.Val(v).(*big.Rat); ok {
			return "rat"
		}
		return "float"
	case constant.Complex:
		return "complex(" + rep(constant.Real(v)) + "," + rep(constant.Imag(v)) + ")"
	}
	return "?"
}

func describe(v constant.Value) string {
	if v == nil {
		return "nil"
	}
	return rep(v) + "\t" + v.String() + "\t" + v.ExactString()
}

var targets = []string{"bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16",
	"uint32", "uint64", "uintptr", "float32", "float64", "complex64", "complex128", "string",
	"untyped_bool", "untyped_int", "untyped_float", "untyped_complex", "untyped_string"}

func query(q string, v constant.Value) (res string, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	switch {
	case q == "?i64":
		x, ex := constant.Int64Val(v)
		return fmt.Sprintf("i64 %d %v", x, ex), true
	case q == "?u64":
		x, ex := constant.Uint64Val(v)
		return fmt.Sprintf("u64 %d %v", x, ex), true
	case q == "?f32":
		x, ex := constant.Float32Val(v)
		return fmt.Sprintf("f32 %08x %v", math.Float32bits(x), ex), true
	case q == "?f64":
		x, ex := constant.Float64Val(v)
		return fmt.Sprintf("f64 %016x %v", math.Float64bits(x), ex), true
	case q == "?sign":
		return fmt.Sprintf("sign %d", constant.Sign(v)), true
	case q == "?bitlen":
		return fmt.Sprintf("bitlen %d", constant.BitLen(v)), true
	case q == "?bytes":
		return "bytes " + hex.EncodeToString(constant.Bytes(v)), true
	case q == "?strval":
		return "strval " + hex.EncodeToString([]byte(constant.StringVal(v))), true
	case q == "?boolval":
		return fmt.Sprintf("boolval %v", constant.BoolVal(v)), true
	case strings.HasPrefix(q, "?rep:"):
		var r constant.Value
		ok := representableConst(v, q[5:], &r)
		return fmt.Sprintf("rep %v\t%s", ok, describe(r)), true
	case strings.HasPrefix(q, "?repn:"):
		return fmt.Sprintf("repn %v", representableConst(v, q[6:], nil)), true
	}
	panic(q)
}

var queries = []string{"?i64", "?u64", "?f32", "?f64", "?sign", "?bitlen", "?bytes", "?strval", "?boolval"}

func (g *gen) emit(it item) {
	res := describe(it.v)
	toks := it.toks
	if g.chance(0.35) {
		var q string
		if g.chance(0.5) {
			t := targets[g.intn(len(targets))]
			if g.chance(0.5) {
				q = "?rep:" + t
			} else {
				q = "?repn:" + t
			}
		} else {
			q = queries[g.intn(len(queries))]
		}
		if r, ok := query(q, it.v); ok {
			res = r
			toks = append(append([]string{}, toks...), q)
		}
	}
	fmt.Fprintf(g.out, "%s\t%s\n", strings.Join(toks, " "), res)
	g.n++
}

func main() {
	flag.Parse()
	g := &gen{r: rand.New(rand.NewSource(*seed)), out: bufio.NewWriter(os.Stdout)}
	defer g.out.Flush()

	// Every edge literal on its own, and with each query.
	for _, l := range edgeInts {
		g.emit(item{[]string{"I:" + l}, constant.MakeFromLiteral(l, token.INT, 0)})
	}
	for _, l := range edgeFloats {
		v := constant.MakeFromLiteral(l, token.FLOAT, 0)
		g.emit(item{[]string{"F:" + l}, v})
		for _, q := range []string{"?f32", "?f64", "?rep:float32", "?rep:float64", "?rep:int64"} {
			if r, ok := query(q, v); ok {
				fmt.Fprintf(g.out, "F:%s %s\t%s\n", l, q, r)
			}
		}
		w := constant.MakeFromLiteral(l+"i", token.IMAG, 0)
		g.emit(item{[]string{"M:" + l + "i"}, w})
	}
	for _, b := range runeBodies {
		l := "'" + b + "'"
		g.emit(item{[]string{"C:" + hex.EncodeToString([]byte(l))}, constant.MakeFromLiteral(l, token.CHAR, 0)})
	}
	// Additions of far-apart magnitudes (slow in math/big, so only a few).
	for _, p := range [][3]string{
		{"1e1000000", "1", "+"}, {"1e1000000", "1", "-"}, {"1", "1e1000000", "-"},
		{"1e-1000000", "1", "+"}, {"1", "1e-1000000", "-"}, {"1e1000000", "1e-1000000", "-"},
		{"0x1p2000000", "0x1p-2000000", "-"}, {"-0x1p2000000", "0x1p-2000000", "-"},
		{"0x1.fffffffffffffp2000000", "0x1p-10", "+"}, {"0x1p2000000", "0x1p1999488", "-"},
		{"0x1p2000000", "0x1p1999487", "-"}, {"0x1p2000000", "0x1p1999486", "-"},
		{"0x1p2000000", "0x1.8p1999487", "-"}, {"0x1p2000000", "0x1.8p1999486", "+"},
	} {
		x := constant.MakeFromLiteral(p[0], token.FLOAT, 0)
		y := constant.MakeFromLiteral(p[1], token.FLOAT, 0)
		op := token.ADD
		if p[2] == "-" {
			op = token.SUB
		}
		g.emit(item{[]string{"F:" + p[0], "F:" + p[1], p[2]}, constant.BinaryOp(x, op, y)})
	}
	g.targeted()
	for i := 0; i < *num; i++ {
		g.emit(g.expr(1 + g.intn(3)))
	}
}

// run evaluates an RPN program of the forms used below with go/constant
// (literals, binary operators, toint/tofloat, one final query).
func (g *gen) run(toks ...string) {
	var stk []constant.Value
	q := ""
	for _, t := range toks {
		switch {
		case strings.HasPrefix(t, "I:"):
			stk = append(stk, constant.MakeFromLiteral(t[2:], token.INT, 0))
		case strings.HasPrefix(t, "F:"):
			stk = append(stk, constant.MakeFromLiteral(t[2:], token.FLOAT, 0))
		case strings.HasPrefix(t, "s:"):
			b, _ := hex.DecodeString(t[2:])
			stk = append(stk, constant.MakeString(string(b)))
		case t == "toint" || t == "tofloat" || t == "num" || t == "denom":
			stk[len(stk)-1] = conv(t, stk[len(stk)-1])
		case strings.HasPrefix(t, "?"):
			q = t
		default:
			var op token.Token
			for _, b := range binops {
				if b.tok == t {
					op = b.op
				}
			}
			x, y := stk[len(stk)-2], stk[len(stk)-1]
			stk = append(stk[:len(stk)-2], constant.BinaryOp(x, op, y))
		}
	}
	v := stk[0]
	if q == "" {
		fmt.Fprintf(g.out, "%s\t%s\n", strings.Join(toks, " "), describe(v))
	} else if r, ok := query(q, v); ok {
		fmt.Fprintf(g.out, "%s\t%s\n", strings.Join(toks, " "), r)
	}
	g.n++
}

func (g *gen) randNat(bits int) *big.Int {
	m := new(big.Int).Rand(g.r, new(big.Int).Lsh(big.NewInt(1), uint(bits-1)))
	return m.SetBit(m, bits-1, 1)
}

// targeted prints cases for rare paths: rounding ties at 512 bits, double
// rounding through 512 bits, go/constant's near-integer ToInt, rationals
// that overflow into floats, and long string concatenations.
func (g *gen) targeted() {
	zeroFloat := []string{"F:1e5000", "F:1e5000", "-"} // floatVal 0
	for i := 0; i < 400; i++ {
		// integer with a 512-bit head and a tail that is exactly half,
		// just above or just below half an ulp
		head := g.randNat(512)
		t := 1 + g.intn(100)
		n := new(big.Int).Lsh(head, uint(t))
		half := new(big.Int).Lsh(big.NewInt(1), uint(t-1))
		switch g.intn(3) {
		case 1:
			half.Add(half, big.NewInt(1))
		case 2:
			half.Sub(half, big.NewInt(1))
		}
		n.Add(n, half)
		if g.chance(0.3) {
			n.Neg(n)
		}
		lit := "I:" + n.String()
		g.run(append([]string{lit}, append(zeroFloat, "+")...)...)
		g.run(lit, "?f64")
		g.run(lit, "?f32")
		// double rounding: 53/24-bit tie patterns inside the 512-bit head
		m := g.randNat(53)
		m.Lsh(m, 1).SetBit(m, 0, 1)
		m.Lsh(m, uint(512-54+t))
		if g.chance(0.5) {
			m.Add(m, big.NewInt(int64(g.intn(3))-1+int64(1)<<uint(t-1)))
		}
		g.run("I:"+m.String(), "?f64")
		g.run("I:"+m.String(), "?f32")
	}
	for i := 0; i < 300; i++ {
		// (a * q) / a for a huge float a and a rational q within a few
		// ulps of an integer: go/constant's ToInt rounds such values
		q := fmt.Sprintf("0x%x.%s%xp0", g.intn(1<<20), strings.Repeat("0", 118+g.intn(12)), 1+g.intn(15))
		if g.chance(0.5) {
			q = fmt.Sprintf("0x%x.%s%xp0", g.intn(1<<20), strings.Repeat("f", 118+g.intn(12)), g.intn(15))
		}
		a := fmt.Sprintf("F:0x1p%d", 4100+g.intn(3000))
		g.run(a, "F:"+q, "*", a, "/", "toint")
		g.run(a, "F:"+q, "*", a, "/", "num")
		g.run(a, "F:"+q, "*", a, "/")
		g.run(a, "F:"+q, "*", "F:3", "/", "F:3", "*", a, "/", "toint")
	}
	for i := 0; i < 200; i++ {
		// rationals whose components outgrow 4096 bits become floats
		x := g.randNat(3000 + g.intn(2000))
		y := g.randNat(1 + g.intn(300))
		y.SetBit(y, 0, 1)
		g.run("I:"+x.String(), "I:"+y.String(), "/")
		g.run("I:"+y.String(), "I:"+x.String(), "/")
		g.run("I:"+x.String(), "I:"+y.String(), "/", "I:"+y.String(), "*")
		g.run("I:"+x.String(), "tofloat")
		g.run("I:"+x.String(), "I:"+x.String(), "*", "tofloat")
	}
	for i := 0; i < 100; i++ {
		// long concatenations (lazy strings)
		toks := []string{"s:" + hex.EncodeToString([]byte(g.randBytes()))}
		for j := g.intn(40); j > 0; j-- {
			toks = append(toks, "s:"+hex.EncodeToString([]byte(g.randBytes())), "+")
		}
		if g.chance(0.5) {
			toks = append(toks, "?strval")
		}
		g.run(toks...)
	}
}

// representableConst is go/types' representableConst ($GOROOT/src/go/types/
// const.go) for 64-bit int/uint/uintptr, with the type given by name.
func representableConst(x constant.Value, typ string, rounded *constant.Value) bool {
	if x.Kind() == constant.Unknown {
		return true // avoid follow-up errors
	}
	isInteger := strings.Contains(typ, "int")
	switch {
	case isInteger:
		x := constant.ToInt(x)
		if x.Kind() != constant.Int {
			return false
		}
		if rounded != nil {
			*rounded = x
		}
		if x, ok := constant.Int64Val(x); ok {
			switch typ {
			case "int", "int64", "untyped_int":
				return true
			case "int8":
				const s = 8
				return -1<<(s-1) <= x && x <= 1<<(s-1)-1
			case "int16":
				const s = 16
				return -1<<(s-1) <= x && x <= 1<<(s-1)-1
			case "int32":
				const s = 32
				return -1<<(s-1) <= x && x <= 1<<(s-1)-1
			case "uint", "uintptr", "uint64":
				return 0 <= x
			case "uint8":
				const s = 8
				return 0 <= x && x <= 1<<s-1
			case "uint16":
				const s = 16
				return 0 <= x && x <= 1<<s-1
			case "uint32":
				const s = 32
				return 0 <= x && x <= 1<<s-1
			default:
				panic("unreachable")
			}
		}
		// x does not fit into int64
		switch n := constant.BitLen(x); typ {
		case "uint", "uintptr", "uint64":
			return constant.Sign(x) >= 0 && n <= 64
		case "untyped_int":
			return true
		}

	case typ == "float32" || typ == "float64" || typ == "untyped_float":
		x := constant.ToFloat(x)
		if x.Kind() != constant.Float {
			return false
		}
		switch typ {
		case "float32":
			if rounded == nil {
				return fitsFloat32(x)
			}
			r := roundFloat32(x)
			if r != nil {
				*rounded = r
				return true
			}
		case "float64":
			if rounded == nil {
				return fitsFloat64(x)
			}
			r := roundFloat64(x)
			if r != nil {
				*rounded = r
				return true
			}
		case "untyped_float":
			return true
		}

	case strings.Contains(typ, "complex"):
		x := constant.ToComplex(x)
		if x.Kind() != constant.Complex {
			return false
		}
		switch typ {
		case "complex64":
			if rounded == nil {
				return fitsFloat32(constant.Real(x)) && fitsFloat32(constant.Imag(x))
			}
			re := roundFloat32(constant.Real(x))
			im := roundFloat32(constant.Imag(x))
			if re != nil && im != nil {
				*rounded = constant.BinaryOp(re, token.ADD, constant.MakeImag(im))
				return true
			}
		case "complex128":
			if rounded == nil {
				return fitsFloat64(constant.Real(x)) && fitsFloat64(constant.Imag(x))
			}
			re := roundFloat64(constant.Real(x))
			im := roundFloat64(constant.Imag(x))
			if re != nil && im != nil {
				*rounded = constant.BinaryOp(re, token.ADD, constant.MakeImag(im))
				return true
			}
		case "untyped_complex":
			return true
		}

	case typ == "string" || typ == "untyped_string":
		return x.Kind() == constant.String

	case typ == "bool" || typ == "untyped_bool":
		return x.Kind() == constant.Bool
	}

	return false
}

func fitsFloat32(x constant.Value) bool {
	f32, _ := constant.Float32Val(x)
	f := float64(f32)
	return !math.IsInf(f, 0)
}

func roundFloat32(x constant.Value) constant.Value {
	f32, _ := constant.Float32Val(x)
	f := float64(f32)
	if !math.IsInf(f, 0) {
		return constant.MakeFloat64(f)
	}
	return nil
}

func fitsFloat64(x constant.Value) bool {
	f, _ := constant.Float64Val(x)
	return !math.IsInf(f, 0)
}

func roundFloat64(x constant.Value) constant.Value {
	f, _ := constant.Float64Val(x)
	if !math.IsInf(f, 0) {
		return constant.MakeFloat64(f)
	}
	return nil
}
