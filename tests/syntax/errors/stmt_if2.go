package p

func f() {
	if ; {
	}
}

func g() {
	if x; 
	{
	}
}

func h() {
	if x := 1; x := 2 {
	}
}
