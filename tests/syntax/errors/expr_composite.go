package p

func f() {
	if x == (T{}) {
	}
	if x == T{} {
	}
	for x := range T{} {
	}
	switch T{} {
	}
	_ = [][]int{[]int{1}, {2} {3}}
	_ = T{a: 1, b: 2,, c: 3}
	_ = T{a:}
	_ = T{:1}
}
