package p

var (
	a = x[1:2:]
	b = x[1::3]
	c = x[::]
	d = x[:2:]
	e = x[1,2:3]
	f = x[1:2:3:4]
	g = x[1,]
	h = x[,]
	i = x[:]
	j = x[1 2]
)
