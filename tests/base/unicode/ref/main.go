// Command unicoderef prints Go's view of Unicode and UTF-8 in the format
// of ../driver.c (see there); tests/base/unicode/run.sh compares the two.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"unicode"
	"unicode/utf8"
)

const fnv0 = 2166136261

func fnv(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func classes(r rune) uint {
	var c uint
	if unicode.IsLetter(r) {
		c |= 1
	}
	if unicode.IsDigit(r) {
		c |= 2
	}
	if strconv.IsPrint(r) {
		c |= 4
	}
	if strconv.IsGraphic(r) {
		c |= 8
	}
	if unicode.IsSpace(r) {
		c |= 16
	}
	return c
}

func main() {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()

	start, cur := rune(0), classes(0)
	for r := rune(1); r <= 0x110000; r++ {
		c := uint(0xFFFF)
		if r <= unicode.MaxRune {
			c = classes(r)
		}
		if c != cur {
			fmt.Fprintf(w, "C %06X %06X %d\n", start, r-1, cur)
			start, cur = r, c
		}
	}
	fmt.Fprintf(w, "C out-of-range %d %d %d\n", classes(-1), classes(0x110000), classes(0x7FFFFFFF))

	for blk := rune(0); blk < 0x110000; blk += 4096 {
		h := uint32(fnv0)
		for r := blk; r < blk+4096; r++ {
			h = fnv(h, strconv.QuoteRune(r)+" "+fmt.Sprintf("%U", r)+" "+fmt.Sprintf("%#U", r)+"\n")
		}
		fmt.Fprintf(w, "Q %06X %08x\n", blk, h)
	}

	tail := []byte{0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF}
	for b0 := 0; b0 < 256; b0++ {
		h := uint32(fnv0)
		for b1 := 0; b1 < 256; b1++ {
			for _, t2 := range tail {
				for _, t3 := range tail {
					s := []byte{byte(b0), byte(b1), t2, t3}
					for n := 1; n <= 4; n++ {
						r, size := utf8.DecodeRune(s[:n])
						u := uint32(r)
						h = fnv(h, string([]byte{byte(u), byte(u >> 8), byte(u >> 16), byte(u >> 24), byte(size)}))
					}
				}
			}
		}
		fmt.Fprintf(w, "D %02X %08x\n", b0, h)
	}

	alpha := []byte{'a', 'Z', '0', ' ', '"', '\\', '\'', '\n', '\t', 0x00, 0x1B,
		0x7F, 0x80, 0xBF, 0xC3, 0xA4, 0xE2, 0x82, 0xAC, 0xED, 0xA0,
		0xF0, 0x9F, 0x98, 0xF4, 0x8F, 0xFF, 0xC2, 0xAD, 0xEF, 0xBB}
	x := uint64(88172645463325252)
	next := func() uint64 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return x
	}
	h := uint32(fnv0)
	for k := 0; k < 200000; k++ {
		n := next() % 9
		s := make([]byte, n)
		for i := range s {
			s[i] = alpha[next()%uint64(len(alpha))]
		}
		h = fnv(h, strconv.Quote(string(s))+"\n")
	}
	fmt.Fprintf(w, "S %08x\n", h)
}
