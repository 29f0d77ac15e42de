package p

//line foo.go:1:1073741825
var a int
