package goldmark_test

import (
	"bufio"
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	// Every package of the module, so that the child process started by
	// TestInitCost runs all their inits.
	_ "github.com/pressroom/pressroom/internal/goldmark/extension"
)

// TestNoRegexpCompiledAtInit checks that no package-level variable is
// initialised by compiling a regular expression. Compiling the patterns
// is most of what importing goldmark cost at start-up (some 3 million
// instructions, 550 KB of heap and 1 ms, the linkify URL patterns and
// the e-mail domain pattern above all), in every program, whether it
// parses Markdown or not; they are compiled on first use instead.
func TestNoRegexpCompiledAtInit(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != "." && strings.HasPrefix(d.Name(), "_") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.VAR {
				continue
			}
			ast.Inspect(gen, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false // runs when called, not at init
				case *ast.CallExpr:
					if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
						if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "regexp" {
							t.Errorf("%s: regexp.%s runs at every start of every program importing goldmark; compile it on first use (sync.OnceValue)",
								fset.Position(n.Pos()), sel.Sel.Name)
						}
					}
				}
				return true
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The budget of each goldmark package's init, in heap allocations and
// bytes, as GODEBUG=inittrace=1 reports them. What is left after the
// lazy regexps and case-folding map is goldmark's exported attribute
// filters (renderer/html: 99 allocations, 17.7 KB; extension: 90, 13.6
// KB), the default Markdown of Convert and node kinds; goldmark v1.8.7
// itself allocated 2,049 times and 264 KB in extension's init, 935 and
// 110 KB in parser's, 437 and 139 KB in util's.
const (
	initAllocsBudget = 128
	initBytesBudget  = 32 << 10
)

// TestInitCost runs this test binary again with GODEBUG=inittrace=1
// and checks what each goldmark package's init allocates.
func TestInitCost(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	godebug := "inittrace=1"
	if v := os.Getenv("GODEBUG"); v != "" {
		godebug = v + "," + godebug
	}
	cmd.Env = append(os.Environ(), "GODEBUG="+godebug)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s -test.run=^$: %v\n%s", os.Args[0], err, stderr.Bytes())
	}
	initLine := regexp.MustCompile(`^init (\S*goldmark\S*) @.* clock, (\d+) bytes, (\d+) allocs$`)
	seen := 0
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		m := initLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		seen++
		size, _ := strconv.Atoi(m[2])
		allocs, _ := strconv.Atoi(m[3])
		if allocs > initAllocsBudget || size > initBytesBudget {
			t.Errorf("init of %s: %d allocations, %d bytes; the budget is %d allocations, %d bytes (is something built at start-up that could wait for first use?)",
				m[1], allocs, size, initAllocsBudget, initBytesBudget)
		}
	}
	// goldmark, ast, parser, text, util, renderer/html, extension,
	// extension/ast, testutil: at least the ones with an init.
	if seen < 5 {
		t.Fatalf("inittrace reported %d goldmark packages, want at least 5:\n%s", seen, stderr.Bytes())
	}
}
