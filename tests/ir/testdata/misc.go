// Assorted shapes that combine the areas above: backward gotos, closures
// in loops with defer, recursive closures through a variable, comparisons
// of structs and arrays, constant expressions of every kind (folded into
// one literal), ranges over constant-length arrays, nested selectors
// through embedded pointers, multi-level pointers.
package p

type Node struct {
	next *Node
	val  [2]*int
	Emb
}

type Emb struct{ p **int }

type Pt struct{ x, y int }

const (
	c1 = 1 << 10
	c2 = c1 * 3.0
	c3 = "ab" + "cd"
	c4 = 'a' + 1
	c5 = c1 > 100
	c6 = 2.5i
)

var sink any

func misc(n *Node, a, b Pt, arr [3]int, pp ***int) int {
	i := 0
loop:
	if i < 3 {
		i++
		goto loop
	}
	var fib func(int) int
	fib = func(k int) int {
		if k < 2 {
			return k
		}
		return fib(k-1) + fib(k-2)
	}
	for j := 0; j < 2; j++ {
		defer func() { sink = j }()
	}
	if a == b || arr == [3]int{} {
		sink = n.next.next.val[1]
	}
	sink = **n.p
	sink = ***pp
	sink = n.Emb.p
	for k := range arr {
		_ = k
	}
	for k := range len(arr) {
		_ = k
	}
	sink = c1 + c2
	sink = c3
	sink = c4
	sink = c5
	sink = c6
	sink = float32(c2) / 7
	sink = int64(c1) << 2
	sink = uint8(255) + 0
	var x uint8 = 200
	sink = x >> 1
	sink = Pt{y: 2}
	sink = [...]Pt{{1, 2}, {x: 3}}
	return fib(i)
}
