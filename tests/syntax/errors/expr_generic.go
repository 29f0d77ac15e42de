package p

var a = f[]
var b = f[int,](1)
var c = f[,]
var d = T[int]{}[0]
var e = f[int](1)[
type G[P any] struct{}
var g G[]
var h G[int,,]
