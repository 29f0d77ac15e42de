module goesc/tests/tools/objects

go 1.23
