//go:build goesctag

package a

// Tagged exists only with -tags=goesctag.
func Tagged() {}
