package noeol

func f() int { return 1 }