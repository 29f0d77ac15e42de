module buildversion
go 1.26
