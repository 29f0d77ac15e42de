package user

import "example.com/bad/broken"

func G() { broken.F(; }
