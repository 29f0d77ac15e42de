module constants
go 1.26
