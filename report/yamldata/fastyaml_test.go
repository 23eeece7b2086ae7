package yamldata

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// libParse is the library's reading of data: the document's root, or nil
// when it fails or holds no document.
func libParse(data []byte) (root *yaml.Node, err error) {
	defer func() {
		if p := recover(); p != nil {
			root, err = nil, fmt.Errorf("panic: %v", p)
		}
	}()
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// sameTree returns where two trees differ in what yamldata reads of a node
// (kind, style, tag, value, line, column, children), or "".
func sameTree(fast, lib *yaml.Node, path string) string {
	if fast.Kind != lib.Kind || fast.Style != lib.Style || fast.Tag != lib.Tag || fast.Value != lib.Value ||
		fast.Line != lib.Line || fast.Column != lib.Column || fast.Anchor != lib.Anchor || len(fast.Content) != len(lib.Content) {
		return fmt.Sprintf("%s: fast {kind %v style %v tag %s value %q at %d:%d, %d children}, library {kind %v style %v tag %s value %q at %d:%d, %d children}",
			path, fast.Kind, fast.Style, fast.Tag, fast.Value, fast.Line, fast.Column, len(fast.Content),
			lib.Kind, lib.Style, lib.Tag, lib.Value, lib.Line, lib.Column, len(lib.Content))
	}
	for i := range fast.Content {
		if d := sameTree(fast.Content[i], lib.Content[i], fmt.Sprintf("%s/%d", path, i)); d != "" {
			return d
		}
	}
	return ""
}

// checkFast fails when fastParse reads data, and the library fails on it or
// reads another tree. It reports whether fastParse read it.
func checkFast(t *testing.T, name string, data []byte) bool {
	t.Helper()
	fast := fastParse(data)
	if fast == nil {
		return false
	}
	lib, err := libParse(data)
	switch {
	case err != nil:
		t.Errorf("%s: fastParse reads it, the library fails: %v", name, err)
	case lib == nil:
		t.Errorf("%s: fastParse reads it, the library finds no document", name)
	default:
		if d := sameTree(fast, lib, name); d != "" {
			t.Error(d)
		}
	}
	return true
}

// TestFastParseFiles compares fastParse with the library on every YAML
// file of the module (the samples, the catalogue, the test editions, the
// broken files of the tests), and checks that the sample data and the
// catalogue are read by it, since that is what makes a build fast.
func TestFastParseFiles(t *testing.T) {
	root := "../.."
	read, total := 0, 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "third_party" || d.Name() == ".git") {
			return filepath.SkipDir
		}
		if d.IsDir() || (!strings.HasSuffix(path, ".yaml") && !strings.HasSuffix(path, ".yml")) {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		total++
		rel, _ := filepath.Rel(root, path)
		fast := checkFast(t, rel, data)
		if fast {
			read++
		}
		if (strings.HasPrefix(rel, "data"+string(filepath.Separator)) || rel == filepath.Join("templates", "catalogue.yaml")) && !fast {
			t.Errorf("%s: not read by fastParse", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if read < total/2 {
		t.Errorf("fastParse read %d of %d files", read, total)
	}
	t.Logf("fastParse read %d of %d files", read, total)
}

// fastCases are small documents at the edges of the subset; each is read
// by fastParse the library's way or left to the library.
var fastCases = []string{
	"a: b\n",
	"a: b\r\nc: d\r\n",
	"a:\n",
	"a:   \n  \nb: c\n",
	"a: # c\n  b: 1\n",
	"- a\n- b\n",
	"-\n- b\n",
	"- \n-   b\n",
	"a:\n- b\n- c\nd: e\n",
	"a:\n  - b\n  - c\nd: e\n",
	"- a: 1\n  b: 2\n- a: 3\n",
	"-   a: 1\n    b: 2\n",
	"- a: 1\n   b: 2\n",
	"- a: 1\n b: 2\n",
	"a: b\n  c\n",
	"a: b\n  # c\nd: e\n",
	"a: b\n# c\n  d: e\n",
	"a: b\n\n  c\n",
	"a: b # c\n",
	"a: b#c\n",
	"a: b: c\n",
	"a: b:\n",
	"a: b:c\n",
	"a: http://x.org/a\n",
	"a : b\n",
	"a  :   b   \n",
	"a: 'b''c'\n",
	"a: 'b' # c\n",
	"a: 'b'#c\n",
	"a: 'b' c\n",
	"a: \"b\\\"c\\n\\u00e8\\x41\\U0001F600\"\n",
	"a: \"b\\/c\"\n",
	"a: \"\\ud800\"\n",
	"a: \"b\n  c\"\n",
	"a: 'b\n  c'\n",
	"a: [b, c, 'd', \"e\", [f], {g: h}]\n",
	"a: []\n",
	"a: {}\n",
	"a: [ ]\n",
	"a: [b, ]\n",
	"a: [b,c]\n",
	"a: [b , c ]\n",
	"a: [b c, d]\n",
	"a: [b:c]\n",
	"a: [b: c]\n",
	"a: [b, c] # d\n",
	"a: [b, c]d\n",
	"a: [b, c\n  d]\n",
	"a: {b: c, d: [e, f], g: \"h\"}\n",
	"a: {b: c d, e: 1.5}\n",
	"a: {b:c}\n",
	"a: {b: }\n",
	"a: {b}\n",
	"a: {\"b\": c}\n",
	"a: {b: c,d: e}\n",
	"a: [-1, -x, - x]\n",
	"a: -\n",
	"a: -1\n",
	"a: - b\n",
	"a: ~\n",
	"a: null\n",
	"a: Null\n",
	"a: true\n",
	"a: yes\n",
	"a: 0x1F\n",
	"a: 0o17\n",
	"a: 017\n",
	"a: 089\n",
	"a: 1_000\n",
	"a: 1.000\n",
	"a: .5\n",
	"a: +.inf\n",
	"a: 1e3\n",
	"a: 2019-06-30\n",
	"a: 2019-6-3\n",
	"a: 2019-06-30 10:00:00\n",
	"a: 2019-13-30\n",
	"a: 0b101\n",
	"a: -0b101\n",
	"a: 99999999999999999999\n",
	"a: 18446744073709551615\n",
	"<<: a\n",
	"a: <<\n",
	"a: &x b\n",
	"a: *x\n",
	"a: !!str 1\n",
	"a: |\n  b\n",
	"a: >\n  b\n",
	"? a\n: b\n",
	"a: ?b\n",
	"a: :b\n",
	"a: %b\n",
	"a: @b\n",
	"a: `b\n",
	"---\na: b\n",
	"a: b\n---\nc: d\n",
	"a: b\n...\n",
	"%YAML 1.2\n---\na: b\n",
	"a:\tb\n",
	"\ufeffa: b\n",
	"a: b\rc\n",
	"a: città\nb: [è, ò]\n",
	"città: è\n",
	"a: b\u2028c\n",
	"a: b\u0085c\n",
	"a: 😀\n",
	"  a: b\n  c: d\n",
	"a:\n  b:\n    c: d\n  e: f\n",
	"a:\n  b:\n    c: d\n   e: f\n",
	"a:\n    - b\n  - c\n",
	"a:\n  - b\n - c\n",
	"- - a\n",
	"- [a]\n- {b: c}\n",
	"- 'a': b\n",
	"- \"a\": b\n",
	"a:\n  b\n",
	"a: b\nc\n",
	"a\n",
	"[a, b]\n",
	"",
	"# only a comment\n",
	"a: b\n  # indented comment\n",
	"- a\n  # c\n- b\n",
	"a:\n  - b\n # c\n  - d\n",
	"a:\n  b: c\n # comment\n  d: e\n",
	"a: b\n#c\n",
	"a: b\n #c\n",
	"- a #c\n- b\n",
	"a: \"\"\n",
	"a: ''\n",
	"a: ' b '\n",
	"a: \"a  b  \"\n",
	"a: b   c\n",
	"- -a\n",
	"- -\n",
	"- a\n-b\n",
	"a: 1\na: 2\n",
	strings.Repeat("k", 1030) + ": v\n",
	"a: {" + strings.Repeat("k", 1030) + ": v}\n",
	strings.Repeat("- ", 120) + "a\n",
	"a: " + strings.Repeat("[", 120) + strings.Repeat("]", 120) + "\n",
	"a: b\nb: c",
	"a: b\n\n\n",
	"a:",
	"-",
	"a: [b,\n  c]\n",
	"a: {b: [c, {d: e}]}\n",
	"a: [\"b\", 'c''d']\n",
	"a: ['b' , \"c\" ]\n",
	"a: [\"b\":c]\n",
	"a: ['b'c]\n",
	"a: [b]]\n",
	"a: [b}\n",
	"a: {b: c]\n",
	"a: [b #c]\n",
	"a: [b#c]\n",
	"a: [b?c]\n",
	"a: [?b]\n",
	"a: [b,,c]\n",
	"a: [,b]\n",
	"a: [b, c:d]\n",
	"a: {b: c:d}\n",
	"a: {b: c: d}\n",
	"a: {b: [c, d]e}\n",
	"a: \"b\" #c\n",
	"a: \"b\\\n  c\"\n",
	"a: \"\\q\"\n",
	"a: \"\\x4\"\n",
	"a: \"\\u00zz\"\n",
	"a: \"\\0\\a\\b\\t\\n\\v\\f\\r\\e\\ \\\"\\'\\\\\\N\\_\\L\\P\"\n",
	"a: b\n- c\n",
	"- a\nb: c\n",
	"a:\n- b\n  c: d\n",
	"a:\n- b: c\n  d: e\nf: g\n",
	"a:\n  - b: c\n    d: e\n  - f\ng: h\n",
}

// TestFastParseCases compares fastParse with the library at the edges of
// the subset, and checks that the common forms are read by it.
func TestFastParseCases(t *testing.T) {
	for _, c := range fastCases {
		checkFast(t, fmt.Sprintf("%q", c), []byte(c))
	}
	for _, c := range []string{
		"a: b\n", "- a: 1\n  b: [x, y]\n  c: {d: 1, e: 'f'}\n- a: \"2\"\n", "a:\n- b\nc:\n  d: e\n",
		"a: città # c\r\nb: ~\r\n",
	} {
		if !checkFast(t, c, []byte(c)) {
			t.Errorf("%q: not read by fastParse", c)
		}
	}
}

// TestPlainTag compares plainTag with the library's tags of plain texts.
func TestPlainTag(t *testing.T) {
	texts := []string{"", "a", "word", "~", "null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRUE", "false", "yes", "no", "on", "off", "y", "n",
		"<<", "<", "<<<", ".nan", ".NaN", ".inf", "-.inf", "+.INF", ".5", ".", "..", ".e5", "1", "-1", "+1", "01", "017", "089", "0x1F", "0X1F", "0o17", "0O17",
		"0b101", "-0b101", "-0o17", "0b", "0o", "0x", "1_000", "_1", "1__0", "1.5", "1.", "1.000", "1,5", "1e3", "1E-3", "1e", "-", "+", "--1", "1-1",
		"9223372036854775807", "9223372036854775808", "18446744073709551615", "18446744073709551616", "-9223372036854775809",
		"2019-06-30", "2019-6-3", "2019-06-30T10:00:00Z", "2019-06-30t10:00:00Z", "2019-06-30 10:00:00", "2019-06-30 10:00", "2019-13-01", "20190-01-01",
		"2019-", "1e400", "-1e400", "0.0000001", "1_0.5", "0x_1F", "1_e3", "Yes", "On", "O", "f", "F", "t", "T", "No", "N", "oops", "~~", "nil"}
	for _, s := range texts {
		n, err := libParse([]byte("a: " + s + "\n"))
		if err != nil || n == nil || len(n.Content) != 2 || n.Content[1].Value != s {
			continue // not a plain text of its own
		}
		want := n.Content[1].Tag
		if got := plainTag(s); got != want {
			t.Errorf("plainTag(%q) = %s, the library %s", s, got, want)
		}
	}
}

// FuzzFastParse checks on any text that fastParse either leaves it to the
// library or reads the library's tree.
func FuzzFastParse(f *testing.F) {
	for _, c := range fastCases {
		f.Add(c)
	}
	for _, pattern := range []string{"../../data/2019/*.yaml", "testdata/valid/2021/*.yaml"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil && len(data) < 4096 {
				f.Add(string(data))
			}
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkFast(t, fmt.Sprintf("%q", s), []byte(s))
	})
}

// BenchmarkFastParse reads the 2019 sample's files and the catalogue with
// fastParse; BenchmarkLibraryParse with the library, for comparison.
func BenchmarkFastParse(b *testing.B) { benchmarkParse(b, fastParse) }

func BenchmarkLibraryParse(b *testing.B) {
	benchmarkParse(b, func(data []byte) *yaml.Node {
		root, _ := libParse(data)
		return root
	})
}

func benchmarkParse(b *testing.B, parse func([]byte) *yaml.Node) {
	files, _ := filepath.Glob("../../data/2019/*.yaml")
	files = append(files, "../../templates/catalogue.yaml")
	var all [][]byte
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		all = append(all, data)
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range all {
			if parse(data) == nil {
				b.Fatal("not read")
			}
		}
	}
}
