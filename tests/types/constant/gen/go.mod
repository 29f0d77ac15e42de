module goesc/tests/constantgen

go 1.26
