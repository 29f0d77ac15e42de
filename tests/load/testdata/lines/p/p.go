package p

//line sub/../gen.y:10
var A = 1

//line /abs//x/./y.go:20:5
var B = A

//line :30:7
var C = B

var D = /*line q.go:7:9*/ C + /*line :3*/ A
