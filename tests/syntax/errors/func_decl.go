package p

func () m() {}
func (a, b T) m2() {}
func (T) () {}
func 1() {}
func (T) 1()
func (a T,) m3() {}
func (a ...T) m4() {}
