// Language versions: number literal syntax and signed shift counts need
// go1.13; a //go:build line raises the file's version (b.go).
package e9

var a = 0b101
var b = 1_000
var c = 0o17
var d = 0x1p4
var e = 0X1P-2
var n int
var f = 1 << n
