module suspended
go 1.21
