package render

import (
	"bytes"
	"testing"
)

func TestRenderSeedLooks(t *testing.T) {
	var buf bytes.Buffer
	res, err := Render(&buf, seedStatement(), testLayout(t), Options{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	keep(t, "seed.pdf", buf.Bytes())
	t.Logf("pages %d, %d bytes", res.Pages, buf.Len())
}
