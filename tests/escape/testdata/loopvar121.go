// escape test: -l -m

// Files for go1.21 keep shared loop variables: -d=loopvar is 0 by default,
// as in gc (without GOEXPERIMENT=loopvar).

//go:build go1.21

package p

var fs []func()

func f() {
	for i := 0; i < 3; i++ {
		fs = append(fs, func() { println(i) })
	}
	for _, v := range []int{1, 2} {
		fs = append(fs, func() { println(v) })
	}
}
