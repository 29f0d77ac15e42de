package m

import "example.com/missing/nope"

var X = nope.Y
