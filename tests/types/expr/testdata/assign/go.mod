module assign
go 1.26
