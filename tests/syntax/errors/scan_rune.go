package p

var a = ''
var b = 'ab'
var c = 'abc
var d = '
var e = 'x'
var f = '\'
