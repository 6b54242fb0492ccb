// oracle-routes-gitea: the endpoints gitea's API router declares, read
// with go/ast (independently of carve) from routers/api/v1/api.go:
// m.Group prefixes composed, m.Combo(...).Get(...) chains, m.Methods,
// routes under `if` included, and local closures (addActionsRoutes)
// expanded where they are called. Prints "METHOD PATH", sorted, under
// an optional mount prefix: routers/init.go mounts this router with
// r.Mount("/api/v1", apiv1.Routes()).
//
//	go run scripts/oracle-routes-gitea.go -- /work/repos/gitea/routers/api/v1/api.go /api/v1
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"sort"
	"strconv"
	"strings"
)

var verbs = map[string]string{"Get": "GET", "Post": "POST", "Put": "PUT",
	"Delete": "DELETE", "Patch": "PATCH", "Head": "HEAD", "Options": "OPTIONS"}

var out = map[string]bool{}
var closures = map[string]*ast.BlockStmt{}

func lit(e ast.Expr) (string, bool) {
	b, ok := e.(*ast.BasicLit)
	if !ok || b.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(b.Value)
	return s, err == nil
}

func add(method, path string) {
	if path == "" {
		path = "/"
	}
	out[method+" "+path] = true
}

func funcLit(args []ast.Expr) *ast.FuncLit {
	for _, a := range args {
		if f, ok := a.(*ast.FuncLit); ok {
			return f
		}
	}
	return nil
}

func call(c *ast.CallExpr, prefix string) {
	switch fn := c.Fun.(type) {
	case *ast.Ident:
		if body, ok := closures[fn.Name]; ok {
			block(body, prefix)
		}
	case *ast.SelectorExpr:
		name := fn.Sel.Name
		if name == "Group" && len(c.Args) > 0 {
			p, ok := lit(c.Args[0])
			if f := funcLit(c.Args); ok && f != nil {
				block(f.Body, prefix+p)
			}
			return
		}
		if name == "Methods" && len(c.Args) > 1 {
			ms, ok1 := lit(c.Args[0])
			p, ok2 := lit(c.Args[1])
			if ok1 && ok2 {
				for _, m := range strings.Split(ms, ",") {
					add(m, prefix+p)
				}
			}
			return
		}
		if m, ok := verbs[name]; ok {
			// a chain m.Combo("/x").Get(...).Post(...)
			if inner, ok := fn.X.(*ast.CallExpr); ok {
				var methods = []string{m}
				for {
					sel, ok := inner.Fun.(*ast.SelectorExpr)
					if !ok {
						return
					}
					if sel.Sel.Name == "Combo" {
						p, ok := lit(inner.Args[0])
						if ok {
							for _, mm := range methods {
								add(mm, prefix+p)
							}
						}
						return
					}
					mm, ok := verbs[sel.Sel.Name]
					if !ok {
						return
					}
					methods = append(methods, mm)
					inner, ok = sel.X.(*ast.CallExpr)
					if !ok {
						return
					}
				}
			}
			if len(c.Args) > 0 {
				if p, ok := lit(c.Args[0]); ok {
					add(m, prefix+p)
				}
			}
		}
	}
}

func stmt(s ast.Stmt, prefix string) {
	switch s := s.(type) {
	case *ast.ExprStmt:
		if c, ok := s.X.(*ast.CallExpr); ok {
			call(c, prefix)
		}
	case *ast.AssignStmt:
		if len(s.Lhs) == 1 && len(s.Rhs) == 1 {
			if f, ok := s.Rhs[0].(*ast.FuncLit); ok {
				if id, ok := s.Lhs[0].(*ast.Ident); ok {
					closures[id.Name] = f.Body
				}
			}
		}
	case *ast.IfStmt:
		block(s.Body, prefix)
		if s.Else != nil {
			stmt(s.Else, prefix)
		}
	case *ast.BlockStmt:
		block(s, prefix)
	}
}

func block(b *ast.BlockStmt, prefix string) {
	for _, s := range b.List {
		stmt(s, prefix)
	}
}

func main() {
	fset := token.NewFileSet()
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	prefix := ""
	if len(args) > 1 {
		prefix = args[1]
	}
	f, err := parser.ParseFile(fset, args[0], nil, 0)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "Routes" {
			block(fd.Body, prefix)
		}
	}
	var lines []string
	for k := range out {
		lines = append(lines, k)
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
}
