package p

var (
	a = f(a b)
	b = f(a,, b)
	c = x.(1)
	d = x.(type)
	e = x.
	f = struct{}{
	g = func() {}(
	h = []int{1,
		2
	}
	i = *
	j = &
	k = x...
	l = f(x..., y)
	m = f(..., y)
	n = T[]
	o = a ~ b
	r = !
	s = <-
	t = (1 + )
	u = [...]int
	v = x.(type)
	w = 1 +* 2
)
