package p

const (
	a = 0x_1F + 0o17 + 0b1010 + 017 + 1_000
	b = 0x1p-2 + 1e10 + .5 + 1.
	c = 1i + 0x1p2i + 1e3i
	d = 'a' + '\n' + '\x41' + '\u12e4' + '\U00101234' + '\''
	e = "\t\"\\\u00e4\xff" + `raw
string`
)
