// Command gotypes type-checks Go files against the standard library while
// treating the Stripe modules, which cannot be fetched here, as opaque:
// any use of a Stripe name is accepted, everything else must type-check.
package main

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path"
	"strings"
)

const opaquePrefix = "github.com/stripe/"

type opaqueImporter struct{ standard types.Importer }

func (o opaqueImporter) Import(importPath string) (*types.Package, error) {
	if strings.HasPrefix(importPath, opaquePrefix) {
		// A major-version suffix is not the package name: stripe-go/v87 is "stripe".
		name := path.Base(importPath)
		if len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
			name = strings.TrimSuffix(path.Base(path.Dir(importPath)), "-go")
		}
		pkg := types.NewPackage(importPath, name)
		pkg.MarkComplete()
		return pkg, nil
	}
	return o.standard.Import(importPath)
}

func main() {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range os.Args[1:] {
		file, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		files = append(files, file)
	}
	failed := false
	config := types.Config{
		Importer: opaqueImporter{importer.ForCompiler(fset, "source", nil)},
		Error: func(err error) {
			// Names looked up in an opaque package are unknown, not wrong.
			if strings.Contains(err.Error(), "not declared by package") {
				return
			}
			fmt.Fprintln(os.Stderr, err)
			failed = true
		},
	}
	config.Check("main", fset, files, nil)
	if failed {
		os.Exit(1)
	}
}
