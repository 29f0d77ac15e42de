package p

import "fmt" "os"
import ("a" "b")
