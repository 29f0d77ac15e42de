package p

x := 1

if true {
}

func f() {}
