// Command syntaxdump is the reference for goesc's syntax tree dump
// (docs/syntax.md, "Dump format" and "Strings format").  It parses files
// with gc's own syntax package and prints, for every file parsed without
// errors, a header line "# path" followed by the dump.  Files with errors
// produce no output (with -v, a note on stderr).
//
// gc's syntax package is internal to cmd/compile, so it is not imported
// from GOROOT: tests/syntax/refdump.sh copies its non-test sources into
// ./syntax next to this module at build time.
//
// With -errors it prints instead every error of every file as
// "file:line:col: message" (positions as the compiler reports them).
//
// Usage: syntaxdump [-strings | -errors] [-v] [-l listfile] files...
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"

	"syntaxdump/syntax"
)

func main() {
	stringsMode := flag.Bool("strings", false, "print syntax.String of every expression and statement")
	errorsMode := flag.Bool("errors", false, "print the errors of every file instead of dumps")
	verbose := flag.Bool("v", false, "report files with errors on stderr")
	list := flag.String("l", "", "read file names from this file, one a line")
	flag.Parse()

	files := flag.Args()
	if *list != "" {
		data, err := os.ReadFile(*list)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if l != "" {
				files = append(files, l)
			}
		}
	}

	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	for _, name := range files {
		var first error
		var errs []syntax.Error
		errh := func(err error) {
			if first == nil {
				first = err
			}
			if e, ok := err.(syntax.Error); ok {
				errs = append(errs, e)
			}
		}
		f, _ := syntax.ParseFile(name, errh, nil, syntax.CheckBranches)
		if *errorsMode {
			for _, e := range errs {
				fmt.Fprintf(out, "%s: %s\n", relPos(e.Pos), e.Msg)
			}
			continue
		}
		if first != nil || f == nil {
			if *verbose {
				fmt.Fprintf(os.Stderr, "skip %s: %v\n", name, first)
			}
			continue
		}
		fmt.Fprintf(out, "# %s\n", name)
		d := &dumper{w: out, groups: make(map[*syntax.Group]int)}
		if *stringsMode {
			d.strings(f)
		} else {
			d.node(0, "", f)
		}
	}
}

type dumper struct {
	w      *bufio.Writer
	groups map[*syntax.Group]int
	line   []byte
}

// pos formats a position as docs/syntax.md specifies.
func pos(p syntax.Pos) string {
	if !p.IsKnown() {
		return "-"
	}
	s := strconv.FormatUint(uint64(p.Line()), 10) + ":" + strconv.FormatUint(uint64(p.Col()), 10)
	if !p.Base().IsFileBase() {
		s += "=" + p.RelFilename() + ":" + strconv.FormatUint(uint64(p.RelLine()), 10)
		if c := p.RelCol(); c != 0 {
			s += ":" + strconv.FormatUint(uint64(c), 10)
		}
	}
	return s
}

// relPos formats an error position as the compiler prints it:
// file:line:col after //line directives (col left out when unknown).
func relPos(p syntax.Pos) string {
	s := fmt.Sprintf("%s:%d", p.RelFilename(), p.RelLine())
	if c := p.RelCol(); c != 0 {
		s += fmt.Sprintf(":%d", c)
	}
	return s
}

// quote matches base's buf_quote_bytes.
func quote(s string) string {
	const hex = "0123456789abcdef"
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c >= 0x20 && c < 0x7f:
			b.WriteByte(c)
		default:
			b.WriteString(`\x`)
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	b.WriteByte('"')
	return b.String()
}

var litKinds = [...]string{"Int", "Float", "Imag", "Rune", "String"}

func (d *dumper) group(g *syntax.Group) string {
	if g == nil {
		return ""
	}
	n := d.groups[g]
	if n == 0 {
		n = len(d.groups) + 1
		d.groups[g] = n
	}
	return " group=" + strconv.Itoa(n)
}

// kind is the node's type name without package and pointer.
func kind(n syntax.Node) string {
	return reflect.TypeOf(n).Elem().Name()
}

func (d *dumper) node(depth int, label string, n syntax.Node) {
	var attrs string
	switch n := n.(type) {
	case *syntax.File:
		attrs = " eof=" + pos(n.EOF)
		if n.GoVersion != "" {
			attrs += " goversion=" + n.GoVersion
		}
	case *syntax.ImportDecl:
		attrs = d.group(n.Group)
	case *syntax.ConstDecl:
		attrs = d.group(n.Group)
	case *syntax.TypeDecl:
		attrs = d.group(n.Group)
		if n.Alias {
			attrs += " alias"
		}
	case *syntax.VarDecl:
		attrs = d.group(n.Group)
	case *syntax.Name:
		attrs = " " + n.Value
	case *syntax.BasicLit:
		attrs = " " + litKinds[n.Kind] + " " + quote(n.Value)
		if n.Bad {
			attrs += " bad"
		}
	case *syntax.CompositeLit:
		attrs = fmt.Sprintf(" nkeys=%d rbrace=%s", n.NKeys, pos(n.Rbrace))
	case *syntax.SliceExpr:
		if n.Full {
			attrs = " full"
		}
	case *syntax.Operation:
		attrs = " op=" + n.Op.String()
	case *syntax.CallExpr:
		if n.HasDots {
			attrs = " dots"
		}
	case *syntax.ArrayType:
		if n.Len == nil {
			attrs = " len=..."
		}
	case *syntax.ChanType:
		switch n.Dir {
		case syntax.SendOnly:
			attrs = " dir=send"
		case syntax.RecvOnly:
			attrs = " dir=recv"
		}
	case *syntax.BlockStmt:
		attrs = " rbrace=" + pos(n.Rbrace)
	case *syntax.AssignStmt:
		switch {
		case n.Rhs == nil:
			attrs = " op=" + n.Op.String() + n.Op.String()
		case n.Op == 0:
			attrs = " op=="
		default:
			attrs = " op=" + n.Op.String() + "="
		}
	case *syntax.BranchStmt:
		attrs = " tok=" + fmt.Sprint(n.Tok)
		if n.Target != nil {
			attrs += " target=" + kind(n.Target) + "@" + pos(n.Target.Pos())
		}
	case *syntax.CallStmt:
		attrs = " tok=" + fmt.Sprint(n.Tok)
	case *syntax.SwitchStmt:
		attrs = " rbrace=" + pos(n.Rbrace)
	case *syntax.SelectStmt:
		attrs = " rbrace=" + pos(n.Rbrace)
	case *syntax.RangeClause:
		if n.Def {
			attrs = " def"
		}
	case *syntax.CaseClause:
		attrs = " colon=" + pos(n.Colon)
	case *syntax.CommClause:
		attrs = " colon=" + pos(n.Colon)
	}

	indent(d.w, depth)
	if label != "" {
		d.w.WriteString(label)
		d.w.WriteString(": ")
	}
	d.w.WriteString(kind(n))
	d.w.WriteByte(' ')
	d.w.WriteString(pos(n.Pos()))
	d.w.WriteString(attrs)
	d.w.WriteByte('\n')

	depth++
	c := func(label string, x syntax.Node) {
		if !isNil(x) {
			d.node(depth, label, x)
		}
	}
	switch n := n.(type) {
	case *syntax.File:
		c("PkgName", n.PkgName)
		for i, x := range n.DeclList {
			c(idx("DeclList", i), x)
		}
	case *syntax.ImportDecl:
		c("LocalPkgName", n.LocalPkgName)
		c("Path", n.Path)
	case *syntax.ConstDecl:
		for i, x := range n.NameList {
			c(idx("NameList", i), x)
		}
		c("Type", n.Type)
		c("Values", n.Values)
	case *syntax.TypeDecl:
		c("Name", n.Name)
		d.fields(depth, "TParamList", n.TParamList)
		c("Type", n.Type)
	case *syntax.VarDecl:
		for i, x := range n.NameList {
			c(idx("NameList", i), x)
		}
		c("Type", n.Type)
		c("Values", n.Values)
	case *syntax.FuncDecl:
		c("Recv", n.Recv)
		c("Name", n.Name)
		d.fields(depth, "TParamList", n.TParamList)
		c("Type", n.Type)
		c("Body", n.Body)

	case *syntax.CompositeLit:
		c("Type", n.Type)
		for i, x := range n.ElemList {
			c(idx("ElemList", i), x)
		}
	case *syntax.KeyValueExpr:
		c("Key", n.Key)
		c("Value", n.Value)
	case *syntax.FuncLit:
		c("Type", n.Type)
		c("Body", n.Body)
	case *syntax.ParenExpr:
		c("X", n.X)
	case *syntax.SelectorExpr:
		c("X", n.X)
		c("Sel", n.Sel)
	case *syntax.IndexExpr:
		c("X", n.X)
		c("Index", n.Index)
	case *syntax.SliceExpr:
		c("X", n.X)
		for i, x := range n.Index {
			c(idx("Index", i), x)
		}
	case *syntax.AssertExpr:
		c("X", n.X)
		c("Type", n.Type)
	case *syntax.TypeSwitchGuard:
		c("Lhs", n.Lhs)
		c("X", n.X)
	case *syntax.Operation:
		c("X", n.X)
		c("Y", n.Y)
	case *syntax.CallExpr:
		c("Fun", n.Fun)
		for i, x := range n.ArgList {
			c(idx("ArgList", i), x)
		}
	case *syntax.ListExpr:
		for i, x := range n.ElemList {
			c(idx("ElemList", i), x)
		}
	case *syntax.ArrayType:
		c("Len", n.Len)
		c("Elem", n.Elem)
	case *syntax.SliceType:
		c("Elem", n.Elem)
	case *syntax.DotsType:
		c("Elem", n.Elem)
	case *syntax.StructType:
		d.fields(depth, "FieldList", n.FieldList)
		for i, x := range n.TagList {
			c(idx("TagList", i), x)
		}
	case *syntax.Field:
		c("Name", n.Name)
		c("Type", n.Type)
	case *syntax.InterfaceType:
		d.fields(depth, "MethodList", n.MethodList)
	case *syntax.FuncType:
		d.fields(depth, "ParamList", n.ParamList)
		d.fields(depth, "ResultList", n.ResultList)
	case *syntax.MapType:
		c("Key", n.Key)
		c("Value", n.Value)
	case *syntax.ChanType:
		c("Elem", n.Elem)

	case *syntax.LabeledStmt:
		c("Label", n.Label)
		c("Stmt", n.Stmt)
	case *syntax.BlockStmt:
		for i, x := range n.List {
			c(idx("List", i), x)
		}
	case *syntax.ExprStmt:
		c("X", n.X)
	case *syntax.SendStmt:
		c("Chan", n.Chan)
		c("Value", n.Value)
	case *syntax.DeclStmt:
		for i, x := range n.DeclList {
			c(idx("DeclList", i), x)
		}
	case *syntax.AssignStmt:
		c("Lhs", n.Lhs)
		c("Rhs", n.Rhs)
	case *syntax.BranchStmt:
		c("Label", n.Label)
	case *syntax.CallStmt:
		c("Call", n.Call)
	case *syntax.ReturnStmt:
		c("Results", n.Results)
	case *syntax.IfStmt:
		c("Init", n.Init)
		c("Cond", n.Cond)
		c("Then", n.Then)
		c("Else", n.Else)
	case *syntax.ForStmt:
		c("Init", n.Init)
		c("Cond", n.Cond)
		c("Post", n.Post)
		c("Body", n.Body)
	case *syntax.SwitchStmt:
		c("Init", n.Init)
		c("Tag", n.Tag)
		for i, x := range n.Body {
			c(idx("Body", i), x)
		}
	case *syntax.SelectStmt:
		for i, x := range n.Body {
			c(idx("Body", i), x)
		}
	case *syntax.RangeClause:
		c("Lhs", n.Lhs)
		c("X", n.X)
	case *syntax.CaseClause:
		c("Cases", n.Cases)
		for i, x := range n.Body {
			c(idx("Body", i), x)
		}
	case *syntax.CommClause:
		c("Comm", n.Comm)
		for i, x := range n.Body {
			c(idx("Body", i), x)
		}
	}
}

// fields dumps a field list; a field whose type is the previous field's
// type (names declared together) prints "Type: <shared>".
func (d *dumper) fields(depth int, label string, list []*syntax.Field) {
	var prev syntax.Expr
	for i, f := range list {
		if f == nil {
			continue
		}
		if f.Type == nil || f.Type != prev || i == 0 {
			d.node(depth, idx(label, i), f)
		} else {
			d.sharedField(depth, idx(label, i), f)
		}
		prev = f.Type
	}
}

func (d *dumper) sharedField(depth int, label string, f *syntax.Field) {
	indent(d.w, depth)
	fmt.Fprintf(d.w, "%s: Field %s\n", label, pos(f.Pos()))
	if f.Name != nil {
		d.node(depth+1, "Name", f.Name)
	}
	indent(d.w, depth+1)
	d.w.WriteString("Type: <shared>\n")
}

// indent writes two spaces per level; beyond maxIndent levels, the depth.
func indent(w *bufio.Writer, depth int) {
	const maxIndent = 100
	for i := 0; i < depth && i < maxIndent; i++ {
		w.WriteString("  ")
	}
	if depth > maxIndent {
		fmt.Fprintf(w, "[%d] ", depth)
	}
}

func idx(label string, i int) string {
	return label + "[" + strconv.Itoa(i) + "]"
}

// isNil reports whether x is nil or a typed nil pointer.
func isNil(x syntax.Node) bool {
	if x == nil {
		return true
	}
	switch x := x.(type) {
	case *syntax.Name:
		return x == nil
	case *syntax.BasicLit:
		return x == nil
	case *syntax.Field:
		return x == nil
	case *syntax.FuncType:
		return x == nil
	case *syntax.BlockStmt:
		return x == nil
	case *syntax.CaseClause:
		return x == nil
	case *syntax.CommClause:
		return x == nil
	}
	return false
}

// strings prints "L:C Kind START END: text" for every expression and
// statement in tree order (docs/syntax.md, "Strings format").
func (d *dumper) strings(f *syntax.File) {
	syntax.Inspect(f, func(n syntax.Node) bool {
		if n == nil {
			return false
		}
		if printable(n) {
			d.w.WriteString(pos(n.Pos()))
			d.w.WriteByte(' ')
			d.w.WriteString(kind(n))
			d.w.WriteByte(' ')
			d.w.WriteString(extent(syntax.StartPos, n))
			d.w.WriteByte(' ')
			d.w.WriteString(extent(syntax.EndPos, n))
			d.w.WriteString(": ")
			d.w.WriteString(escape(str(n)))
			d.w.WriteByte('\n')
		}
		return true
	})
}

// str is syntax.String(n), or "<panic>" where gc's printer panics (as it
// does for a declaration statement of an empty group, "var ()").
func str(n syntax.Node) (s string) {
	defer func() {
		if recover() != nil {
			s = "<panic>"
		}
	}()
	return syntax.String(n)
}

// extent is pos(f(n)), or "-" where f panics.
func extent(f func(syntax.Node) syntax.Pos, n syntax.Node) (s string) {
	defer func() {
		if recover() != nil {
			s = "-"
		}
	}()
	return pos(f(n))
}

// printable reports whether n is an expression or a statement to print.
// Names and literals are left out (their text is their value, which the
// tree dump shows), and so are labeled statements (on its own, a
// LabeledStmt makes gc's printer panic; its statement is printed).
func printable(n syntax.Node) bool {
	switch n.(type) {
	case *syntax.Name, *syntax.BasicLit, *syntax.LabeledStmt:
		return false
	case syntax.Expr, syntax.Stmt:
		return true
	}
	return false
}

// escape writes control bytes and DEL as \xHH and '\' as "\\", so that
// every entry stays on one line.
func escape(s string) string {
	const hex = "0123456789abcdef"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\':
			b.WriteString(`\\`)
		case c < 0x20 || c == 0x7f:
			b.WriteString(`\x`)
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
