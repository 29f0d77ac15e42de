module exprstmt
go 1.26
