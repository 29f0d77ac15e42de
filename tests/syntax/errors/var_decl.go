package p

var a := 1
var b int := 2
const c := 3
var d
var (
	e int
	f := 1
)
var g, = 1
var h = 1,
