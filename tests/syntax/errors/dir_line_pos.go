package p

//line other.go:100
func f() {
	x := 1 +
}

//line third.go:10:20
func g() { y := }

func h() {
	/*line inline.go:5:7*/ z := (
}
