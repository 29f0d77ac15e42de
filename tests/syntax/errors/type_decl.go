package p

type T
type U =
type V[P any]
type W[P] int
type X[P, Q] int
type Y[P any,,] int
type Z[] int
type A [1,]int
type (
	B
	C int
)
type D[P *C, Q] int
