// Shifts: delayed types of untyped constant operands, constant shift
// counts, overflows of untyped and typed constants.
package e8

var s uint
var f float64 = 1 << s
var i = 1.0 << s
var j = 1 << s == 1<<s
var k int64 = 1.5 << s
var u = uint8(1 << s)
var v float32 = 2 + 1<<s
var w = "a" << s
var x = 1 << s + 1.5
var y int8 = 1000 << s
var z = 1 << 1.5
var zz = 1 << 2.0
var big = 1 << 511
var bigger = big * big
var m = -(1 << 600) >> 600
var n = ^uint8(0) + 1
var o = -uint(1)
var q = int8(-128) / -1
var r = 1e309
var t = 'a' * 'b' * 1e300
