module versions
go 1.20
