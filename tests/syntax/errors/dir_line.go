package p

//line :0
var a int
//line foo.go:x
var b int
//line foo.go:1:0
var c int
//line foo.go:99999999999
var d int
//line foo.go:1073741824
var e int
//line foo.go:1:1073741824
var f int
/*line bar.go:0*/ var g int
/*line bar.go:5:0*/ var h int
//line foo.go:
var i int
//line foo.go:-1
var j int
