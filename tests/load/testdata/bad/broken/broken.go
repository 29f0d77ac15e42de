package broken

func F() {
	return 1 +
}
