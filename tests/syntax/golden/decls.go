// Declarations of every kind: imports, constants, types, variables,
// functions and methods, grouped and not.
package decls

import "fmt"
import (
	"os"
	str "strings"
	. "math"
	_ "embed"
)
import ()

const Pi = 3.14159
const (
	A = iota
	B
	C, D = iota * 2, "d"
	_
	E int64 = 1 << 10
)

type (
	T      int
	Point  struct{ X, Y float64 }
	Alias  = Point
	Reader interface {
		Read(p []byte) (n int, err error)
	}
)
type Node struct {
	next *Node
	fmt.Stringer
	*os.File
	a, b int `tag:"ab"`
	c    string "plain tag"
	_    [0]func()
}
type Empty struct{}
type Fn func(int, ...string) (bool, error)
type Arr [2 * 4]byte
type Ellipsis [N]int
type Sl []T
type M map[string][]int
type Ch chan<- <-chan int

var x int
var y, z = 1, "z"
var (
	p *Point = &Point{1, 2}
	q        = str.ToUpper("q")
	r, s     float64
)
var _ = Sqrt(2)

func f() {}
func g(a, b int, c string) (int, error) { return a + b, nil }
func h(...int)
func named() (x, y int) { return }
func (T) Value() int      { return 0 }
func (p *Point) Move(dx, dy float64) {
	p.X += dx
	p.Y += dy
}
func (_ Point) blank()
func init() {}
