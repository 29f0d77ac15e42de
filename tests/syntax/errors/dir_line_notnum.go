package p

//line foo.go:x
var a int
