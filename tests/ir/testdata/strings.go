// Strings (docs/escape-ir.md §2.13): concatenation chains (one OADDSTR),
// conversions used in comparisons, map keys, ranges, string switches.
package p

var sink any

func strs(a, b string, bs []byte, m map[string]int) bool {
	s := a + b + "x" + a
	s += b
	sink = s + s
	_ = m[string(bs)]
	for i, c := range string(bs) {
		_, _ = i, c
	}
	switch string(bs) {
	case "a":
		return true
	}
	return string(bs) == a || a < b
}
