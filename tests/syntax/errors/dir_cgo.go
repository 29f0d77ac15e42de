package p

//go:cgo_export_static
//go:cgo_export_dynamic a b c
//go:cgo_import_dynamic
//go:cgo_import_dynamic a b "lib" extra
//go:cgo_import_static
//go:cgo_import_static a b
//go:cgo_dynamic_linker
//go:cgo_dynamic_linker notquoted
//go:cgo_ldflag
//go:cgo_ldflag a
//go:cgo_unknown_directive

func f() {}
