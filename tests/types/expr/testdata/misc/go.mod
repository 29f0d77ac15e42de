module misc
go 1.26
