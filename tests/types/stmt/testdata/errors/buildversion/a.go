//go:build go1.21

package buildversion

func f() {
	for range 10 {
	}
	for range f {
	}
}
