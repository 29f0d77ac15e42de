// Raw strings and comments with carriage returns: the CRs stay in the
// literal's source text.
package crlf

const raw = `line one
line two
`

const s = "x" /* comment
*/

func f() int {
	return 1
}
