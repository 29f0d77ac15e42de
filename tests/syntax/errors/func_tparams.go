package p

func f[]() {}
func g[T]() {}
func h[T any, U]() {}
func (r R) m[T any]() {}
var fl = func[T any]() {}
type I interface {
	m[T any]()
	n[]()
	E[]
}
func k[T any,,]() {}
