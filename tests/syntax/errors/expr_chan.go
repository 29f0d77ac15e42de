package p

var a = <-<-chan int(nil)
var b = <-chan<- <-chan int(nil)
var c = <-chan<- chan<- int(nil)
var d = <-chan<- x
var e chan<- chan
var f <-chan <-
