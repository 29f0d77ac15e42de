module typeswitch

go 1.26
