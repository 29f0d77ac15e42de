// Automatic semicolon insertion: after identifiers, literals, closing
// brackets, return/break/continue/fallthrough and ++/--, including before
// comments, at end of file and after comments spanning lines.
package semicolons

import ("fmt"; "os")

var (a int; b = 1)

type S struct{ a int; b string }

func f() (int, error) {
	x := 1 // comment
	y := 2 /* block */
	z := 3 /* block
	spanning lines */
	x++
	y--
	fmt.Println(x, y, z,
		os.Args)
	s := []int{
		1,
		2,
	}
	_ = s
	if x > 0 { return x, nil }; if y > 0 { return y, nil }
	for { break }
	switch { case true: fallthrough; default: }
	_ = func() int { return 1 }()
	_ = 'a'
	_ = "s"
	_ = `r`
	_ = 1.5
	_ = 2i
	_ = (x)
	_ = s[0]
	return 0, nil
}

func g() { x := 1; x++; _ = x }

func h() int {
	return /* no newline here */ 1
}

func k() {
	return /* a newline
	inside the comment */
}
