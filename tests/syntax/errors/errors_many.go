package p

func a() { x := }
func b() { x := }
func c() { x := }
func d() { x := }
func e() { x := }
func f() { x := }
func g() { x := }
func h() { x := }
func i() { x := }
func j() { x := }
func k() { x := }
func l() { x := }
