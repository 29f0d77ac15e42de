module unicoderef

go 1.22
