module mod

go 1.26
