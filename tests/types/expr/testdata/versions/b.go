//go:build go1.21

package e9

var g = 0b11
var h = 0B11
