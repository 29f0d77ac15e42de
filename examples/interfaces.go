package escapes

import "fmt"

// Describe passes values to fmt.Sprintf: the variadic ...any arguments are
// converted to interfaces that fmt may keep, so p.X and p.Y are copied to
// the heap (the argument slice itself stays on the stack).
func Describe(p Point) string {
	return fmt.Sprintf("(%d, %d)", p.X, p.Y)
}

// Shape is an interface implemented by *Square.
type Shape interface{ Area() int }

// Square implements Shape.
type Square struct{ Side int }

// Area implements Shape.
func (s *Square) Area() int { return s.Side * s.Side }

// AsShape converts a pointer to an interface that is returned: the Square
// escapes.
func AsShape(side int) Shape {
	return &Square{side}
}

// Global is a package-level variable; anything stored in it escapes.
var Global any

// Store stores a value in a global through an interface conversion.
func Store(x int) {
	Global = x
}
