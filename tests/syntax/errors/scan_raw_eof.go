package p

var s = `abc

more