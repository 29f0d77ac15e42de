// escape test: -l -m

package p

// gc's noder rejects interface literals that refer to themselves through
// anonymous types only (go.dev/issue/56103); goesc must too, before any
// analysis (printing such a type would never end).

type T interface {
	M(interface {
		T
	})
}

type U interface {
	N(func(interface{ U }) []struct{ f interface{ U } })
}

type OK interface {
	M(OK) // through the named type: fine
}

var sink any

func f(x int) { sink = &x }
