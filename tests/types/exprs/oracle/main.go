// Command exproracle prints what go/types records for the expressions of
// the named packages (and checks their dependencies to do so), one line
// per expression of interest, in the format of ../driver.c:
//
//	FILE:LINE:COL: WHAT FLAGS TYPE [= VALUE] [| SELKIND [INDEX] INDIRECT RECV]
//
// WHAT is call (at the '('), fun (a call's function name, at the name or
// selector), sel (at the selector name), lit, bin (at the operator), un
// (unary &, -, +, !, ^, <-, ~; at the operator) or id (identifier uses).
// FLAGS: V void, T type, B builtin, v value, A addressable, K comma-ok.
// Also, for each non-generic defined type T of a package, the method sets
// of T and *T (types.NewMethodSet), at T's declaration:
//
//	FILE:LINE:COL: methods T: NAME[INDEX][*] ...
// Types are printed with full package paths; VALUE is ExactString.
//
//	exproracle [-tags TAGS] PACKAGES
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

type listed struct {
	ImportPath string
	Dir        string
	GoFiles    []string
	ImportMap  map[string]string
	DepOnly    bool
	Module     *struct{ GoVersion string }
	Standard   bool
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func main() {
	flag.Parse()
	cmd := exec.Command("go", append([]string{"list", "-e", "-deps", "-json"}, flag.Args()...)...)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		fmt.Fprintln(os.Stderr, "exproracle: go list:", err)
		os.Exit(2)
	}
	var pkgs []*listed
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		p := new(listed)
		if err := dec.Decode(p); err != nil {
			fmt.Fprintln(os.Stderr, "exproracle:", err)
			os.Exit(2)
		}
		pkgs = append(pkgs, p)
	}
	fset := token.NewFileSet()
	done := map[string]*types.Package{"unsafe": types.Unsafe}
	qual := func(q *types.Package) string { return q.Path() }
	var lines []string
	at := func(p token.Pos) string {
		pos := fset.Position(p)
		return fmt.Sprintf("%s:%d:%d:", pos.Filename, pos.Line, pos.Column)
	}
	tvs := func(tv types.TypeAndValue, ok bool) string {
		if !ok {
			return "-"
		}
		f := ""
		for _, b := range []struct {
			on bool
			c  string
		}{{tv.IsVoid(), "V"}, {tv.IsType(), "T"}, {tv.IsBuiltin(), "B"}, {tv.IsValue(), "v"}, {tv.Addressable(), "A"}, {tv.HasOk(), "K"}} {
			if b.on {
				f += b.c
			}
		}
		t := "<nil>"
		if tv.Type != nil {
			t = types.TypeString(tv.Type, qual)
		}
		r := f + " " + t
		if tv.Value != nil {
			r += " = " + tv.Value.ExactString()
		}
		return r
	}
	for _, p := range pkgs { // dependencies first
		if p.ImportPath == "unsafe" {
			continue
		}
		var files []*ast.File
		for _, f := range p.GoFiles {
			af, err := parser.ParseFile(fset, filepath.Join(p.Dir, f), nil, parser.SkipObjectResolution)
			if err != nil {
				fmt.Fprintln(os.Stderr, "exproracle:", err)
				os.Exit(2)
			}
			files = append(files, af)
		}
		conf := types.Config{
			Importer: importerFunc(func(path string) (*types.Package, error) {
				if m, ok := p.ImportMap[path]; ok {
					path = m
				}
				if q := done[path]; q != nil {
					return q, nil
				}
				return nil, fmt.Errorf("not loaded: %s", path)
			}),
			Sizes: types.SizesFor("gc", runtime.GOARCH),
			Error: func(err error) { fmt.Fprintln(os.Stderr, "exproracle: type error:", err) },
		}
		if p.Module != nil && p.Module.GoVersion != "" && !p.Standard {
			conf.GoVersion = "go" + p.Module.GoVersion
		}
		info := &types.Info{
			Uses:       map[*ast.Ident]types.Object{},
			Types:      map[ast.Expr]types.TypeAndValue{},
			Selections: map[*ast.SelectorExpr]*types.Selection{},
		}
		tp, _ := conf.Check(p.ImportPath, fset, files, info)
		done[p.ImportPath] = tp
		if p.DepOnly {
			continue
		}
		// method sets of the package's non-generic defined types T and *T
		for _, n := range tp.Scope().Names() {
			tn, ok := tp.Scope().Lookup(n).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			nm, ok := tn.Type().(*types.Named)
			if !ok || nm.TypeParams().Len() > 0 {
				continue
			}
			for _, T := range []types.Type{nm, types.NewPointer(nm)} {
				ms := types.NewMethodSet(T)
				l := at(tn.Pos()) + " methods " + types.TypeString(T, qual) + ":"
				for i := 0; i < ms.Len(); i++ {
					sel := ms.At(i)
					l += fmt.Sprintf(" %s%v", sel.Obj().Name(), sel.Index())
					if sel.Indirect() {
						l += "*"
					}
				}
				lines = append(lines, l)
			}
		}
		for _, f := range files {
			// types2 (and goesc) record `for range a` over an array a as
			// the constant len(a): range expressions are not compared
			skip := map[ast.Expr]bool{}
			ast.Inspect(f, func(n ast.Node) bool {
				if r, ok := n.(*ast.RangeStmt); ok {
					skip[r.X] = true
				}
				return true
			})
			ast.Inspect(f, func(n ast.Node) bool {
				if e, ok := n.(ast.Expr); ok && skip[e] {
					return true
				}
				switch e := n.(type) {
				case *ast.CallExpr:
					tv, ok := info.Types[e]
					lines = append(lines, at(e.Lparen)+" call "+tvs(tv, ok))
					fun := ast.Unparen(e.Fun)
					var key token.Pos
					switch fn := fun.(type) {
					case *ast.Ident:
						key = fn.Pos()
					case *ast.SelectorExpr:
						key = fn.Sel.Pos()
					}
					if key.IsValid() {
						tv, ok := info.Types[fun]
						lines = append(lines, at(key)+" fun "+tvs(tv, ok))
					}
				case *ast.SelectorExpr:
					tv, ok := info.Types[e]
					l := at(e.Sel.Pos()) + " sel " + tvs(tv, ok)
					if s := info.Selections[e]; s != nil {
						l += fmt.Sprintf(" | %d %v %v %s", s.Kind(), s.Index(), s.Indirect(), types.TypeString(s.Recv(), qual))
					}
					lines = append(lines, l)
				case *ast.BasicLit:
					tv, ok := info.Types[e]
					lines = append(lines, at(e.Pos())+" lit "+tvs(tv, ok))
				case *ast.BinaryExpr:
					tv, ok := info.Types[e]
					lines = append(lines, at(e.OpPos)+" bin "+tvs(tv, ok))
				case *ast.UnaryExpr:
					tv, ok := info.Types[e]
					lines = append(lines, at(e.OpPos)+" un "+tvs(tv, ok))
				case *ast.Ident:
					if info.Uses[e] != nil {
						tv, ok := info.Types[e]
						lines = append(lines, at(e.Pos())+" id "+tvs(tv, ok))
					}
				}
				return true
			})
		}
	}
	sort.Strings(lines)
	fmt.Print(strings.Join(lines, "\n"))
	if len(lines) > 0 {
		fmt.Println()
	}
}
