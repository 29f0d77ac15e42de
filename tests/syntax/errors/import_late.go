package p

func f() {}

import "fmt"

var x = 1

import (
	"os"
)
