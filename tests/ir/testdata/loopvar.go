// Per-iteration loop variables (docs/escape-ir.md §1.6): loops whose
// variables are captured or have their address taken are rewritten.
package p

var sink any

func lv1(s []int) *int {
	var p *int
	for _, v := range s {
		p = &v
	}
	return p
}

func lv2() {
	var p *int
	for i := 0; i < 3; i++ {
		p = &i
	}
	_ = p
}

func lv3(n int) {
	for i := 0; i < n; i++ {
		if i == 1 {
			continue
		}
		sink = func() int { return i }
	}
}

func lv4() {
	for i := 0; ; {
		sink = &i
		break
	}
}
