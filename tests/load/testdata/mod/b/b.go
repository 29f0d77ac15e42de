package b

import "example.com/loadtest/a"

// B depends on package a.
var B = a.A() + 1

type T struct {
	x, y int
	a.Named
}
