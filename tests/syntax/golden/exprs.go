// Every expression form: operators and precedence, composite and function
// literals, selectors, indexing, slicing, assertions, calls, conversions,
// method expressions and values, channel operations.
package exprs

func _() {
	_ = a || b && c == d != e < f <= g > h >= i
	_ = a + b - c | d ^ e*f/g%h<<i>>j&k&^l
	_ = -a + +b - !c ^ ^d * *e & &f
	_ = <-ch + (<-ch)
	_ = (((x)))
	_ = x.y.z
	_ = a[i][j:k][:][1:][:2][1:2:3][:2:3]
	_ = m["key"]
	_ = x.(T)
	_ = x.(*T).y.(interface{ M() })
	_ = f()
	_ = f(1, 2, 3)
	_ = f(xs...)
	_ = f(a, xs...,)
	_ = g(
		1,
		2,
	)
	_ = []int{1, 2, 3}
	_ = [...]string{0: "a", 5: "b"}
	_ = [][]int{{1}, {2, 3}, []int{4}}
	_ = map[string]Point{"a": {1, 2}, "b": {X: 3}}
	_ = map[Point]string{{1, 2}: "a"}
	_ = struct{ a, b int }{1, 2}
	_ = &T{}
	_ = T{}
	_ = pkg.T{F: 1}
	_ = func(x int) int { return x * x }(3)
	_ = func() {}
	_ = []int(nil)
	_ = (*int)(nil)
	_ = (<-chan int)(nil)
	_ = (func())(nil)
	_ = interface{}(1)
	_ = T.Method
	_ = (*T).Method
	_ = t.Method
	_ = [2]func() int{}
	_ = make(chan int, 10)
	_ = new(struct{})
	_ = len("abc") + cap(s)
	_ = 'a' + 1.5 - 2i
	x, y = y, x
	x, y := 1, 2
	a[i], m[k] = f()
	p.x += 1
	*p = 3
	ch <- v
	<-ch
	i++
	j--
	x <<= 2
	x &^= 3
	f(func() {
		defer g()
	})
}
