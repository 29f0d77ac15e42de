package p

func f() {
	func() {
	L:
	}()
	var _ = func() {
		goto M
	}
M:
	for {
		func() {
			break M
		}()
	}
}
