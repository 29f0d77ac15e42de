package p

var s = "abc
var t = "ok"
