module consts

go 1.26
