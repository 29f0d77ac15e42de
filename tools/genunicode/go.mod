module goesc/tools/genunicode

go 1.22
