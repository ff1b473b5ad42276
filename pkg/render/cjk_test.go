package render

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pressroom/pressroom"
	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/markup"
	"github.com/pressroom/pressroom/pkg/pdfua/uatest"
)

// chineseParagraph is long enough for a dozen lines, with a closing mark
// every few characters, so that lines cut at the measure alone would
// start with one. Its sentences are those of testdata/scripts/zh.toml,
// with the clinic details of its list and the kinds of aside (in
// brackets) and quotation (in corner brackets) Chinese releases use.
const chineseParagraph = "达林福德和韦斯特米德的卫生官员呼吁所有居民，特别是幼儿的父母，检查自己是否已经完成所有免费的常规疫苗接种。" +
	"麻疹和百日咳对儿童来说是严重的疾病；接种疫苗是保护家人的最好方法！" +
	"本月的疫苗接种诊所：高街图书馆（每周六上午十点开始）、社区中心（六月十五日星期日）、市政厅（每周三下午）。" +
	"公共卫生主任说：「孩子们在暑假前完成接种，就能安心度过假期。」" +
	"如需了解更多信息，请咨询您的家庭医生、药剂师或社区护士，或者致电诊所。" +
	"您是否已经为孩子预约？如果还没有，请尽快预约，名额有限，先到先得。" +
	"达林福德和韦斯特米德的卫生官员感谢所有居民的支持，特别是学校、图书馆和社区中心的工作人员。"

// Marks a line may not start with, and marks it may not end with (the
// basic kinsoku rules).
const (
	noLineStart = "，。、；：？！）」』"
	noLineEnd   = "（「『"
)

// TestChineseLineBreaks: a long Chinese paragraph breaks between
// characters at the measure (every line but the last is full to within
// two characters), no line starts with a closing mark or ends with an
// opening one, and pdftotext gives every character back in order.
func TestChineseLineBreaks(t *testing.T) {
	lib := layout.NewLibrary(pressroom.Layouts(), pressroom.Fonts())
	s, l := scriptCase{file: "../../testdata/scripts/zh.toml"}.load(t, lib)
	s.Summary = markup.Doc{Blocks: []markup.Block{para(text(chineseParagraph)...)}}
	var buf bytes.Buffer
	if _, err := RenderStatement(&buf, s, l, Options{Version: pressroom.Version}); err != nil {
		t.Fatal(err)
	}
	keep(t, "chinese-lines.pdf", buf.Bytes())
	got := uatest.Run(t, "pdftotext", uatest.WriteTemp(t, buf.Bytes()), "-")
	var lines []string
	for _, ln := range strings.Split(got, "\n") {
		ln = strings.TrimSpace(ln)
		if len(lines) == 0 && !strings.HasPrefix(chineseParagraph, ln) || ln == "" {
			continue
		}
		if len(lines) > 0 && !strings.HasPrefix(chineseParagraph, strings.Join(lines, "")+ln) {
			break
		}
		lines = append(lines, ln)
	}
	if joined := strings.Join(lines, ""); joined != chineseParagraph {
		t.Fatalf("pdftotext does not give the paragraph back in order: got\n%s\nin\n%s", joined, got)
	}
	if len(lines) < 5 {
		t.Fatalf("the paragraph is set in %d lines, want more than 5:\n%s", len(lines), got)
	}
	widest := 0
	for _, ln := range lines {
		widest = max(widest, utf8.RuneCountInString(ln))
	}
	for i, ln := range lines {
		first, _ := utf8.DecodeRuneInString(ln)
		last, _ := utf8.DecodeLastRuneInString(ln)
		switch {
		case i > 0 && strings.ContainsRune(noLineStart, first):
			t.Errorf("line %d starts with %q: %s", i+1, first, ln)
		case i < len(lines)-1 && strings.ContainsRune(noLineEnd, last):
			t.Errorf("line %d ends with %q: %s", i+1, last, ln)
		case i < len(lines)-1 && utf8.RuneCountInString(ln) < widest-2:
			t.Errorf("line %d has %d characters, the widest %d: it does not reach the measure: %s", i+1, utf8.RuneCountInString(ln), widest, ln)
		}
	}
}
