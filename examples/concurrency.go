package escapes

// Spawn starts a goroutine that uses p: the goroutine may outlive Spawn, so p
// is moved to the heap.
func Spawn(done chan bool) {
	p := &Point{1, 2}
	go func() {
		p.X++
		done <- true
	}()
}

// Send sends a pointer on a channel: the receiver may keep it.
func Send(ch chan *Point) {
	p := Point{3, 4}
	ch <- &p
}
