// Imported packages: qualified names and types in the dump, calls of
// imported functions and methods, variadic calls of fmt.
package p

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

var sink any

func imp(s string, n int) error {
	var b strings.Builder
	b.WriteString(s)
	var mu sync.Mutex
	mu.Lock()
	defer mu.Unlock()
	sink = fmt.Sprintf("iter %d", n)
	sink = strings.Split(s, ",")
	if n > 0 {
		return errors.New(b.String())
	}
	return fmt.Errorf("x %v", s)
}

func impTypes(i any, b *strings.Builder) int {
	switch v := i.(type) {
	case *strings.Builder:
		return v.Len()
	case fmt.Stringer:
		sink = v.String
	case error, nil:
		return 1
	}
	f := (*strings.Builder).String
	g := b.WriteByte
	sink = &sync.WaitGroup{}
	sink = strings.NewReplacer("a", "b")
	_, _ = f, g
	var r strings.Reader
	return r.Len()
}
