package p

var a = <-<-chan int
