// escape test: -l -m

// Type parameters used through their constraints: methods called
// through the dictionary, conversions to interfaces, type switches and
// assertions on type parameters.
package p

import "fmt"

var sink any

type Stringer interface{ String() string }

type S struct{ s string }

func (s S) String() string   { return s.s }
func (s *S) Ptr() string     { return s.s }

func Str[T Stringer](x T) string { return x.String() }

func All[T Stringer](xs []T) []string {
	var r []string
	for _, x := range xs {
		r = append(r, x.String())
	}
	return r
}

func ToAny[T any](x T) any { return x }

func Kind[T any](x T) string {
	switch any(x).(type) {
	case int:
		return "int"
	case string:
		return "string"
	case T:
		return "T"
	}
	return "?"
}

func As[T any](v any) (T, bool) {
	t, ok := v.(T)
	return t, ok
}

func MustAs[T any](v any) T { return v.(T) }

func Print[T any](x T) { fmt.Println(x) }

type PtrTo[T any] interface {
	*T
	Ptr() string
}

func Call[T any, P PtrTo[T]](x *T) string { return P(x).Ptr() }

func use(s S, i int) {
	_ = Str(s)
	_ = Str(&s)
	_ = All([]S{s})
	sink = ToAny(i)
	sink = ToAny(&i)
	_ = Kind(1)
	_ = Kind("x")
	_, _ = As[int](sink)
	_ = MustAs[*S](sink)
	Print(i)
	_ = Call(&s)
}
