module versions_old
go 1.16
