module funclit
go 1.26
