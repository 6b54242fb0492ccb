// oracle-go.go: the Go half of scripts/oracle-go. Reads repository paths
// of .go files on standard input (the files carve counted), parses each
// with the standard library's go/parser (imports and package clause
// only) and prints one line per import:
//
//	I <file> <import path> <line>
//
// and one per file: P <file> <package name>. Written from the language
// specification, not from carve's code.
package main

import (
	"bufio"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
)

func main() {
	root := os.Args[1]
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	fset := token.NewFileSet()
	for in.Scan() {
		rel := in.Text()
		f, err := parser.ParseFile(fset, filepath.Join(root, rel), nil,
			parser.ImportsOnly)
		if err != nil {
			fmt.Fprintf(os.Stderr, "oracle-go: %v\n", err)
			fmt.Fprintf(out, "E %s\n", rel)
			continue
		}
		fmt.Fprintf(out, "P %s %s\n", rel, f.Name.Name)
		for _, imp := range f.Imports {
			p, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				continue
			}
			fmt.Fprintf(out, "I %s %s %d\n", rel, p,
				fset.Position(imp.Pos()).Line)
		}
	}
}
