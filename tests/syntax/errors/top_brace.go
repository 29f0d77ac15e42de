package p

func f()
{
}

func g() int
{
	return 1
}
