package p

func a(x ...) {}
func b(x ...int, y int) {}
func c(x int, y) {}
func d(x, y int, z) {}
func e(int, y string) {}
func f(... int, ...int) {}
func g() (x int, string) {}
func h(a, b, ...int) {}
func i(a b c) {}
