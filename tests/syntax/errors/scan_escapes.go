package p

var (
	e1  = "\q"
	e2  = "\x4"
	e3  = "\x4g"
	e4  = "\400"
	e5  = "\0"
	e6  = "\uD800"
	e7  = "\U00110000"
	e8  = "\u12"
	e9  = '\x'
	e10 = '\8'
	e11 = '\"'
	e12 = "\'"
	e13 = "\UFFFFFFFF"
	e14 = '\ud7ff'
	e15 = '\udfff'
	e16 = "\
"
)
