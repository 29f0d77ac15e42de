// go and defer (docs/escape-ir.md §2.10): calls that keep their form,
// wrapper closures F.deferwrapN/F.gowrapN with operand temps, interface
// receivers (OCHECKNIL of OITAB), builtins, literals evaluated inside.
package p

type I interface{ M(*int) }

type T struct{ x int }

func (t *T) M(p *int) {}

var g int

func h()                  {}
func two(p, q *int)       {}
func vari(p *int, xs ...int) {}

func gd(a, b int, i I, t *T, m map[int]int, s []int, c chan int) {
	defer h()
	go h()
	defer two(&a, &b)
	go two(&a, &b)
	defer func() { println(a) }()
	go func(x int) { println(x) }(b)
	defer i.M(&a)
	go t.M(nil)
	defer vari(nil, 1, 2)
	defer two(new(int), &g)
	defer println("x", a, 1.5)
	defer delete(m, 1)
	defer close(c)
	go copy(s, s)
	defer recover()
	defer panic(a)
	for i := 0; i < 2; i++ {
		defer h()
	}
}
