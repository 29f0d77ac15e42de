package p

type S struct {
	(T)
	*(U)
	(*V)
	1
	a, b
	c int "tag" extra
	d.e.f
	g []int `ok`
}
