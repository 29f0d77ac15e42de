module untyped
go 1.26
