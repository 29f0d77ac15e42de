// objects lists, for the packages named on the command line (go list
// patterns), every identifier that defines or uses an object, as go/types
// records them in Info.Defs and Info.Uses — the reference for
// `goesc types --objects`, which prints the same lines:
//
//	/abs/file.go:LINE:COL: def|use NAME KIND TYPE
//
// KIND is the object's class (var, const, type, func, pkgname, label,
// builtin, nil); TYPE is types.TypeString with package paths as qualifiers,
// the imported path for a package name, "-" for labels and builtins.  Lines
// are printed sorted.  Packages are checked from source in dependency order
// (go list -deps), with CGO_ENABLED as in the environment, each at the
// language version of its module (the toolchain's for std), with aliases
// materialized as the compiler does (go.mod says go 1.23, where that became
// the default).
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
	"sort"
	"strings"
)

type pkgInfo struct {
	ImportPath string
	Dir        string
	GoFiles    []string
	ImportMap  map[string]string
	DepOnly    bool
	Module     *struct{ GoVersion string }
}

func main() {
	args := os.Args[1:]
	if len(args) == 0 {
		args = []string{"."}
	}
	listCmd := exec.Command("go", append([]string{"list", "-e", "-deps", "-json=ImportPath,Dir,GoFiles,ImportMap,DepOnly,Module"}, args...)...)
	listCmd.Stderr = os.Stderr
	data, err := listCmd.Output()
	if err != nil {
		fmt.Fprintln(os.Stderr, "objects: go list:", err)
		os.Exit(2)
	}
	toolchain := runtime.Version()
	if out, err := exec.Command("go", "env", "GOVERSION").Output(); err == nil {
		toolchain = strings.Fields(string(out))[0]
	}

	var pkgs []*pkgInfo
	for dec := json.NewDecoder(bytes.NewReader(data)); dec.More(); {
		p := new(pkgInfo)
		if err := dec.Decode(p); err != nil {
			fmt.Fprintln(os.Stderr, "objects:", err)
			os.Exit(2)
		}
		pkgs = append(pkgs, p)
	}

	fset := token.NewFileSet()
	checked := map[string]*types.Package{"unsafe": types.Unsafe}
	var out []string
	for _, p := range pkgs {
		if p.ImportPath == "unsafe" {
			continue
		}
		var files []*ast.File
		for _, name := range p.GoFiles {
			f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, parser.SkipObjectResolution)
			if err != nil {
				fmt.Fprintln(os.Stderr, "objects:", err)
				os.Exit(2)
			}
			files = append(files, f)
		}
		version := toolchain
		if p.Module != nil && p.Module.GoVersion != "" {
			version = "go" + p.Module.GoVersion
		}
		imports := p.ImportMap
		conf := types.Config{
			GoVersion: version,
			Sizes:     types.SizesFor("gc", runtime.GOARCH),
			Importer: importer(func(path string) (*types.Package, error) {
				if mapped, ok := imports[path]; ok {
					path = mapped
				}
				if q := checked[path]; q != nil {
					return q, nil
				}
				return nil, fmt.Errorf("%s was not checked", path)
			}),
			Error: func(err error) { fmt.Fprintln(os.Stderr, "objects:", err) },
		}
		info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
		tpkg, _ := conf.Check(p.ImportPath, fset, files, info)
		checked[p.ImportPath] = tpkg
		if p.DepOnly {
			continue
		}
		line := func(role string, id *ast.Ident, obj types.Object) string {
			pos := fset.Position(id.Pos())
			kind, typ := classify(obj)
			return fmt.Sprintf("%s:%d:%d: %s %s %s %s", pos.Filename, pos.Line, pos.Column, role, id.Name, kind, typ)
		}
		for id, obj := range info.Defs {
			if obj != nil {
				out = append(out, line("def", id, obj))
			}
		}
		for id, obj := range info.Uses {
			out = append(out, line("use", id, obj))
		}
	}
	sort.Strings(out)
	w := bytes.NewBuffer(nil)
	for _, l := range out {
		w.WriteString(l)
		w.WriteByte('\n')
	}
	os.Stdout.Write(w.Bytes())
}

type importer func(string) (*types.Package, error)

func (f importer) Import(path string) (*types.Package, error) { return f(path) }

// classify gives an object's class and the text of its type.
func classify(obj types.Object) (string, string) {
	qualify := func(p *types.Package) string { return p.Path() }
	typeText := func(t types.Type) string { return types.TypeString(t, qualify) }
	switch obj := obj.(type) {
	case *types.Var:
		return "var", typeText(obj.Type())
	case *types.Const:
		return "const", typeText(obj.Type())
	case *types.TypeName:
		return "type", typeText(obj.Type())
	case *types.Func:
		return "func", typeText(obj.Type())
	case *types.PkgName:
		return "pkgname", obj.Imported().Path()
	case *types.Label:
		return "label", "-"
	case *types.Builtin:
		return "builtin", "-"
	case *types.Nil:
		return "nil", typeText(obj.Type())
	}
	return "?", "-"
}
