// escape test: -l -m=2

// Shape names longer than 500 bytes are hashed (reader.shapify with
// base.Debug.MaxShapeLen): go.shape. and the hex of SHA-256 with its
// first byte inverted.
package p

type Big struct {
	Field00WithAVeryLongNameToMakeTheShapeLong *int
	Field01WithAVeryLongNameToMakeTheShapeLong *int
	Field02WithAVeryLongNameToMakeTheShapeLong *int
	Field03WithAVeryLongNameToMakeTheShapeLong *int
	Field04WithAVeryLongNameToMakeTheShapeLong *int
	Field05WithAVeryLongNameToMakeTheShapeLong *int
	Field06WithAVeryLongNameToMakeTheShapeLong *int
	Field07WithAVeryLongNameToMakeTheShapeLong *int
	Field08WithAVeryLongNameToMakeTheShapeLong *int
	Field09WithAVeryLongNameToMakeTheShapeLong *int
	Field10WithAVeryLongNameToMakeTheShapeLong *int
	Field11WithAVeryLongNameToMakeTheShapeLong *int
}

var sink any

func Leak[T any](x T) { sink = x }

func use(b Big) { Leak(b) }
