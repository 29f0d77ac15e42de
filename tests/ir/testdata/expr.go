// Expressions, selectors, indexing (docs/escape-ir.md §2.5): field
// selection through values, pointers and embedded fields, indexing of
// arrays, pointers to arrays, slices, strings and maps, slicing, type
// assertions, unary and binary operators, parentheses.
package p

type Inner struct{ v []int }
type Outer struct {
	Inner
	*Ptr
	a [4]int
}
type Ptr struct{ w *int }

func exprs(o Outer, po *Outer, pa *[4]int, s []int, str string, m map[int]string, i any, x, y int) {
	_ = o.v
	_ = po.v
	_ = o.w
	_ = po.Inner.v[0]
	_ = o.a[1]
	_ = pa[x]
	_ = po.a[x:y]
	_ = s[x]
	_ = str[x]
	_ = m[x]
	_ = s[:]
	_ = s[x:y:10]
	_ = str[:y]
	_ = pa[1:2:3]
	_ = o.a[:]
	_ = i.(int)
	_ = i.(*Outer)
	_ = i.(interface{ M() })
	_, _ = i.(string)
	_ = -x
	_ = +x
	_ = ^x
	_ = !(x > y)
	_ = - -x
	_ = (x + y) * (x - y) / 2 % 3
	_ = x<<2 | y>>1 ^ x&^y&x
	_ = x == y || x != y && x <= y
	_ = x >= y
	_ = *&x
	_ = &o.a
	_ = &s[1]
	_ = &po.Inner
}
