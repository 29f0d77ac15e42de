package p

var a chan
var b map[int]
var c map[]int
var d [
var e func(
var f []
var g *
var h struct
var i interface
var j = []int{1 2}
var k = map[int]int{1: 2 3: 4}
var l = (int){1}
var m = (*T){}
var n = <-chan <-chan int(nil)
var o = <-chan<- int(nil)
var q chan<- <-chan int
var r = <-(chan<- int)(nil)
