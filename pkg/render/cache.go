package render

import (
	"bytes"
	"strings"
	"sync"

	"github.com/pressroom/pressroom/internal/fpdf"

	"github.com/pressroom/pressroom/pkg/layout"
)

// Cache keeps logos prepared for the PDF writer, so that a process
// rendering many statements decodes each logo once instead of once per
// document (fonts are parsed for the PDF writer once, by pkg/font, when
// the layout is loaded). Each document still embeds only the glyphs it uses, and the
// output is byte-identical to rendering without a cache. A Cache is safe
// for concurrent use by any number of renders; pass the same one in
// Options.Cache for every document of a run.
type Cache struct {
	mu     sync.Mutex
	images map[*layout.Logo]*prepared[*fpdf.ParsedImage]
}

// prepared is one font or image, made once by whichever render asks
// first; the others wait for it.
type prepared[T any] struct {
	once sync.Once
	val  T
	err  error
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{images: map[*layout.Logo]*prepared[*fpdf.ParsedImage]{}}
}

func entry[K comparable, T any](mu *sync.Mutex, m map[K]*prepared[T], k K) *prepared[T] {
	mu.Lock()
	defer mu.Unlock()
	e, ok := m[k]
	if !ok {
		e = &prepared[T]{}
		m[k] = e
	}
	return e
}

func (c *Cache) image(l *layout.Logo) (*fpdf.ParsedImage, error) {
	e := entry(&c.mu, c.images, l)
	e.once.Do(func() {
		e.val, e.err = fpdf.ParseImage(bytes.NewReader(l.Data), fpdf.ImageOptions{ImageType: imageType(l)})
	})
	return e.val, e.err
}

// imageType is fpdf's name for a logo's format.
func imageType(l *layout.Logo) string {
	if strings.EqualFold(l.Format, "jpeg") || strings.EqualFold(l.Format, "jpg") {
		return "JPG"
	}
	return "PNG"
}
