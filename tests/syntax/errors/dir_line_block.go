package p

var a = /*line bar.go:5:0*/ 1
