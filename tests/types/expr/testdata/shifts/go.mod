module shifts
go 1.26
