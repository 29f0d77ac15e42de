package p

type I interface {
	~
	int |
	~int | ~
	m(
	(n)
	1
}

type J interface{ m() int; n() ) }
