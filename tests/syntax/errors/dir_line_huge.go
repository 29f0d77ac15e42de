package p

//line foo.go:99999999999
var a int
