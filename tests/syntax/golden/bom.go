// A byte order mark at the start of the file is ignored.
package bom

var x = "no BOM after the first byte"
