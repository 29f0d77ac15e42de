package p

var x int y
func f() {} g
type T int ]
const c = 1 )
