package p q

func f() {}
