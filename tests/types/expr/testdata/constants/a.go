// Constant expressions: overflow, truncation, division by zero, invalid
// operands of unary and binary operators, comparisons (expr.c, const.c).
package e1

var i int
var f float64
var s string
var b bool

const c1 int8 = 300
const c2 = 1 << 600
const c3 uint = -1
const c4 int = 1.5
const c5 = 1 / 0
const c6 = 1.0 / 0
var v1 int8 = 1000
var v2 = i + s
var v3 = -s
var v4 = !i
var v5 = ^f
var v6 = i << f
var v7 = i << -1
var v8 = 1 << 2000
var v9 = s == i
var v10 = nil == nil
var v11 = []int{} == []int{}
var v12 = b < b
var v13 = &1
var v14 = <-i
var v15 = 1.5 << 2
var v16 int = 1.5 << s
var v17 = c1 + 200
var v18 = "a" + 1
var v19 = 1 % 0.5
var v20 = i / 0
var v21 = f % f
var v22 = map[int]int{} == nil
var v23 = func() {} == func() {}
var v24 int = "s"
var v25 int = nil
var v26 = nil
var v27 struct{ a []int }
var v28 = v27 == v27
var v29 = [2][]int{} == [2][]int{}
var v30 = ~i
var v31 = 1e400 * 1e400
var v32 float32 = 1e100
var v33 = complex64(1) / 0
