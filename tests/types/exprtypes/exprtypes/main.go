// exprtypes prints, for every expression go/types records in Info.Types,
//
//	/abs/file.go:LINE:COL: TYPE [= VALUE]
//
// (the expression's start, types.TypeString with package paths, a
// constant's ExactString), for the packages matching the patterns (not for
// their dependencies), unsorted.  Skipped are the expressions that exist
// only in go/types' tree or that types2 records differently by design:
// implicit interfaces of constraint literals (no position), the literal 1
// go/types makes up for x++, parentheses in &(x) (gc's parser drops them),
// and range expressions (types2 records `for range array` as len(array)).
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

type listed struct {
	ImportPath string
	Dir        string
	GoFiles    []string
	ImportMap  map[string]string
	DepOnly    bool
	Module     *struct{ GoVersion string }
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func main() {
	cmd := exec.Command("go", append([]string{"list", "-e", "-deps", "-json"}, os.Args[1:]...)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		fmt.Fprintln(os.Stderr, "exprtypes: go list:", err)
		os.Exit(2)
	}
	var pkgs []*listed
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		p := new(listed)
		if err := dec.Decode(p); err != nil {
			fmt.Fprintln(os.Stderr, "exprtypes:", err)
			os.Exit(2)
		}
		pkgs = append(pkgs, p)
	}
	gv, _ := exec.Command("go", "env", "GOVERSION").Output()
	goversion := strings.TrimSpace(string(gv))
	if i := strings.Index(goversion, " "); i > 0 {
		goversion = goversion[:i]
	}
	fset := token.NewFileSet()
	done := map[string]*types.Package{"unsafe": types.Unsafe}
	w := bytes.NewBuffer(nil)
	for _, p := range pkgs {
		if p.ImportPath == "unsafe" {
			continue
		}
		var files []*ast.File
		for _, f := range p.GoFiles {
			af, err := parser.ParseFile(fset, filepath.Join(p.Dir, f), nil, parser.SkipObjectResolution)
			if err != nil {
				fmt.Fprintln(os.Stderr, "exprtypes:", err)
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
			Error: func(err error) {},
		}
		setVersion(&conf, p, goversion)
		info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
		tp, _ := conf.Check(p.ImportPath, fset, files, info)
		done[p.ImportPath] = tp
		if p.DepOnly {
			continue
		}
		real := map[ast.Expr]bool{} // literals in the source
		skip := map[ast.Expr]bool{}
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.BasicLit:
					real[n] = true
				case *ast.UnaryExpr:
					for x := n.X; n.Op == token.AND; {
						px, ok := x.(*ast.ParenExpr)
						if !ok {
							break
						}
						skip[px] = true
						x = px.X
					}
				case *ast.RangeStmt:
					skip[n.X] = true
				}
				return true
			})
		}
		qual := func(q *types.Package) string { return q.Path() }
		for e, tv := range info.Types {
			if l, ok := e.(*ast.BasicLit); ok && !real[l] || skip[e] || !e.Pos().IsValid() {
				continue
			}
			pos := fset.Position(e.Pos())
			fmt.Fprintf(w, "%s:%d:%d: %s", pos.Filename, pos.Line, pos.Column, types.TypeString(tv.Type, qual))
			if tv.Value != nil {
				fmt.Fprintf(w, " = %s", tv.Value.ExactString())
			}
			w.WriteByte('\n')
		}
	}
	os.Stdout.Write(w.Bytes())
}
