package p

type I interface{ ~int | 1 }
