module terminating
go 1.26
