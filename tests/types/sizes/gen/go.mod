module sizesgen

go 1.26
