// Package a is imported by b and c.
package a

// A is used by b.
func A() int { return len(name) }

var name = "a"

// Named is embedded by b.T.
type Named struct{ N int }
