package c

import (
	alias "example.com/loadtest/a"
	"example.com/loadtest/b"
)

func F(t b.T) int {
loop:
	for i := range 3 {
		if i > t.N {
			break loop
		}
	}
	var n alias.Named
	return b.B + n.N + t.Named.N
}
