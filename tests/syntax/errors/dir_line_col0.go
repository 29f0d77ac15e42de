package p

//line foo.go:1:0
var a int
