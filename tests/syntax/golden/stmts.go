// Every statement form, labels and branch targets.
package stmts

func stmts(ch chan int, xs []int, m map[string]int) (err error) {
	;
	{
	}
	{
		x := 1
		_ = x
	}
	var v int
	const k = 1
	type local struct{ a int }
	var (
		a, b int
		c    = 3
	)

	if v > 0 {
	}
	if x := f(); x != nil {
	} else if y := g(); y {
	} else {
	}
	if ; v == 0 {
	}

	for {
		break
	}
	for v < 10 {
		v++
	}
	for i := 0; i < 10; i++ {
		continue
	}
	for ; ; v-- {
	}
	for i := 0; ; {
		_ = i
		break
	}
	for i, x := range xs {
		_, _ = i, x
	}
	for k := range m {
		_ = k
	}
	for xs[0], m["a"] = range xs {
	}
	for range ch {
	}
	for i := range 10 {
		_ = i
	}
	for x := range func(yield func(int) bool) {} {
		_ = x
	}

	switch {
	}
	switch v {
	case 1, 2:
		fallthrough
	case 3:
	default:
		break
	}
	switch x := v; x {
	case 0:
	}
	switch x := f(); {
	case x == nil:
	}
	switch f().(type) {
	}
	switch t := a.(type) {
	case int, string:
		_ = t
	case nil:
	default:
	}
	switch x := 1; y := x.(type) {
	case []int:
		_ = y
	}

	select {
	}
	select {
	case <-ch:
	case x := <-ch:
		_ = x
	case x, ok := <-ch:
		_, _ = x, ok
	case xs[0] = <-ch:
	case ch <- 1:
	default:
	}

outer:
	for {
	inner:
		for {
			switch {
			case true:
				break inner
			case false:
				continue outer
			}
			select {
			default:
				break outer
			}
		}
	}
	goto done
done:
	go f()
	go func() {}()
	defer g()
	defer func() { recover() }()
	ch <- 1
	v++
	v--
	v += 2
	v -= 2
	v *= 2
	v /= 2
	v %= 2
	v &= 1
	v |= 1
	v ^= 1
	v <<= 1
	v >>= 1
	v &^= 1
	a, b = b, a
	a, b, c = f3()
	_ = a + b + c
empty:
	;
	goto empty
	if v == 0 {
		goto end
	}
	return nil
end:
	return
}

func labels() {
L1:
	{
		goto L1
	}
L2:
	if true {
		goto L2
	}
L3:
	goto L3
}
