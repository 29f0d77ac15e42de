module versions
go 1.12
