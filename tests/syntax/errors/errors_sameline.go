package p

func f() { x := ; y := ; z := }
var a = 'ab' + 'cd' + "\q"
var b = 0x + 0b + @
