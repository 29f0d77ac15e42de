module missing_method
go 1.26
