package p

// Only blank package-level variables: the package initializer and its
// closures name no global of the package.

var _ = func() int { return 2 }()

var _, _ = func() (int, *int) { x := 1; return 1, &x }()

var _ = func(f func() int) int { return f() }(func() int { return 3 })
