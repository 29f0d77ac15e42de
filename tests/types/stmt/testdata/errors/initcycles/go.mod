module initcycles
go 1.26
