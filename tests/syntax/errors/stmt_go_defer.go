package p

func f() {
	go (g())
	defer (g())
	go ((g()))
	defer g
	go func() {}
	defer
	go
}
