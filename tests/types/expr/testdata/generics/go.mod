module generics
go 1.26
