// initorder PATTERNS prints go/types' Info.InitOrder for the named packages
// (not their dependencies), one line per initializer, in order:
//
//	PKG: LHS1,LHS2 /abs/file.go:LINE:COL
//
// where the position is that of the first variable.  The packages are
// listed with `go list -e -deps -json` (CGO_ENABLED and GOFLAGS as in the
// environment) and checked dependencies first, as goesc does; the language
// version is the module's (else the toolchain's).
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

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func main() {
	patterns := os.Args[1:]
	cmd := exec.Command("go", append([]string{"list", "-e", "-deps", "-json"}, patterns...)...)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		fmt.Fprintln(os.Stderr, "initorder: go list:", err)
		os.Exit(2)
	}
	var pkgs []*listed
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		p := new(listed)
		if err := dec.Decode(p); err != nil {
			fmt.Fprintln(os.Stderr, "initorder:", err)
			os.Exit(2)
		}
		pkgs = append(pkgs, p)
	}
	gv, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		fmt.Fprintln(os.Stderr, "initorder: go env:", err)
		os.Exit(2)
	}
	goversion := strings.Fields(string(gv))[0]
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
				fmt.Fprintln(os.Stderr, "initorder:", err)
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
			Error: func(err error) { fmt.Fprintln(os.Stderr, "initorder: type error:", err) },
		}
		conf.GoVersion = goversion
		if p.Module != nil && p.Module.GoVersion != "" {
			conf.GoVersion = "go" + p.Module.GoVersion
		}
		info := &types.Info{}
		tp, _ := conf.Check(p.ImportPath, fset, files, info)
		done[p.ImportPath] = tp
		if p.DepOnly {
			continue
		}
		for _, in := range info.InitOrder {
			var names []string
			for _, v := range in.Lhs {
				names = append(names, v.Name())
			}
			pos := fset.Position(in.Lhs[0].Pos())
			fmt.Fprintf(w, "%s: %s %s:%d:%d\n", p.ImportPath, strings.Join(names, ","), pos.Filename, pos.Line, pos.Column)
		}
	}
	os.Stdout.Write(w.Bytes())
}
