package p

//line foo.go:
var a int
