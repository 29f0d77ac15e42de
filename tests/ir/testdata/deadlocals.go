// deadlocals (docs/escape-ir.md §1.8): side-effect-free assignments to
// locals that are never read become _ = 0, dropping their closures.
package p

func dl(p *int) {
	x := 0
	g := func() { x++ }
	g = nil
	g = func() { println(p) }
	if false {
		_ = g
	}
	z := p
	_ = z
}
