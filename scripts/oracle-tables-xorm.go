// Command oracle-tables-xorm lists the tables of the xorm models a Go
// repository registers, independently of carve: go/parser reads every
// non-test .go file outside migrations, every RegisterModel(new(T)) call
// names a model of its package (folder), and its table is the string
// literal a TableName() method of T in that package returns, else xorm's GonicMapper name of T (gonicCasedName below,
// written from xorm's names/mapper.go: an underscore before an upper-case
// letter that follows a lower-case one, and before the last of a run of
// capitals followed by a lower-case letter).
//
// usage: go run oracle-tables-xorm.go REPO   (one table a line, sorted)
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

func isUpper(r rune) bool { return 'A' <= r && r <= 'Z' }

func gonicCasedName(name string) string {
	out := make([]rune, 0, len(name)+3)
	for i, c := range name {
		if isUpper(c) && i > 0 && !isUpper(out[len(out)-1]) {
			out = append(out, '_')
		}
		if !isUpper(c) && i > 1 {
			l := len(out)
			if isUpper(out[l-1]) && isUpper(out[l-2]) {
				out = append(out, out[l-1])
				out[l-1] = '_'
			}
		}
		out = append(out, c)
	}
	return strings.ToLower(string(out))
}

// typeName of new(T), new(pkg.T) or &T{}.
func typeName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok && id.Name == "new" && len(x.Args) == 1 {
			return typeName(x.Args[0])
		}
	case *ast.UnaryExpr:
		return typeName(x.X)
	case *ast.CompositeLit:
		return typeName(x.Type)
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return x.Sel.Name
	}
	return ""
}

func main() {
	repo := os.Args[1]
	fset := token.NewFileSet()
	// by package folder and type name: models/repo's Redirect is not
	// models/user's Redirect
	registered := map[[2]string]bool{}
	tableName := map[[2]string]string{}
	filepath.Walk(repo, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(repo, path)
		if info.IsDir() {
			base := info.Name()
			if strings.HasPrefix(base, ".") && rel != "." || base == "vendor" ||
				base == "node_modules" || base == "migrations" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return nil
		}
		dir := filepath.Dir(rel)
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CallExpr:
				name := ""
				switch fn := x.Fun.(type) {
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				case *ast.Ident:
					name = fn.Name
				}
				if name == "RegisterModel" && len(x.Args) > 0 {
					if t := typeName(x.Args[0]); t != "" {
						registered[[2]string{dir, t}] = true
					}
				}
			case *ast.FuncDecl:
				if x.Recv == nil || x.Name.Name != "TableName" || x.Body == nil ||
					len(x.Recv.List) != 1 {
					return true
				}
				recv := typeName(x.Recv.List[0].Type)
				if st, ok := x.Recv.List[0].Type.(*ast.StarExpr); ok {
					recv = typeName(st.X)
				}
				for _, s := range x.Body.List {
					if r, ok := s.(*ast.ReturnStmt); ok && len(r.Results) == 1 {
						if lit, ok := r.Results[0].(*ast.BasicLit); ok &&
							lit.Kind == token.STRING {
							v, _ := strconv.Unquote(lit.Value)
							tableName[[2]string{dir, recv}] = v
						}
					}
				}
			}
			return true
		})
		return nil
	})
	var tables []string
	seen := map[string]bool{}
	for t := range registered {
		name := tableName[t]
		if name == "" {
			name = gonicCasedName(t[1])
		}
		if !seen[name] {
			seen[name] = true
			tables = append(tables, name)
		}
	}
	sort.Strings(tables)
	for _, t := range tables {
		fmt.Println(t)
	}
}
