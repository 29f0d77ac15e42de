module syntaxdump

go 1.26
