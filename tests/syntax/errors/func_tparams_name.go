package p

func f[[]int, P any]() {}
