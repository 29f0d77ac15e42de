package sub

type I interface{ m() }
type J interface{ Foo() }
type S struct{ x int; Y int }
func (S) m() {}
func (*S) foo() {}
type E struct{}
func (E) Foo() {}
