package 1

func f() {}
