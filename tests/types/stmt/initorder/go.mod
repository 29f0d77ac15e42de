module initorder

// go 1.23 or later: aliases are materialized (types.Alias), as gc's own
// checker does
go 1.23
