//go:build linux && go1.22

package p

import _ "unsafe"

//go:noinline
//go:nosplit
func f() {}

//go:linkname g runtime.g
func g()

//go:embed a.txt b/*.txt
var files string

//line other.go:10:5
func h() { /*line x.go:1:1*/ _ = 1 }
