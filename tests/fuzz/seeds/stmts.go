package p

func f(ch chan int, m map[string]int) (err error) {
outer:
	for i := range 10 {
		switch x := i; {
		case x > 5:
			break outer
		default:
			continue
		}
	}
	select {
	case v, ok := <-ch:
		_, _ = v, ok
	case ch <- 1:
	default:
	}
	switch t := any(m).(type) {
	case map[string]int:
		_ = t
	}
	go func() { defer recover() }()
	if v, ok := m["k"]; ok && v != 0 {
		goto done
	}
done:
	return nil
}
