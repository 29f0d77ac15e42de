module selectors_builtins
go 1.26
