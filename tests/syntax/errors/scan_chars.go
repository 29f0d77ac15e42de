package p

var a = 1 @ 2
var b = #x
var c = $x
var d = 1 ? 2 : 3
var e = x·y
var ٣x = 1
var f€ = 2
var g = \
var h = `ok` ; var i = 1 \ 2
