package p

func f() {
	break
	continue
	if true {
		break
	}
	switch {
	case true:
		continue
	}
	select {
	default:
		continue
	}
	func() {
		for {
			func() {
				break
			}()
		}
	}()
}
