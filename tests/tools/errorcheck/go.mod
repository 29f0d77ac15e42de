module goesc.test/errorcheck

go 1.23
