// Package pressroom holds the files built into the pressroom binary: the
// built-in brand layouts and the bundled fonts with their licence. go:embed
// cannot reach parent folders, so this file sits at the module root.
package pressroom

import (
	"embed"
	"io/fs"
)

//go:embed layouts/*.toml
var layoutFiles embed.FS

//go:embed fonts/*.ttf fonts/OFL.txt
var fontFiles embed.FS

// Version is pressroom's version, written into every PDF it makes.
const Version = "0.1.0"

// Layouts returns the built-in layouts: NAME.toml (and the images they use)
// at the root.
func Layouts() fs.FS {
	sub, err := fs.Sub(layoutFiles, "layouts")
	if err != nil {
		panic(err) // cannot happen: the folder is embedded at build time
	}
	return sub
}

// Fonts returns the bundled fonts (*.ttf) and OFL.txt at the root.
func Fonts() fs.FS {
	sub, err := fs.Sub(fontFiles, "fonts")
	if err != nil {
		panic(err) // cannot happen: the folder is embedded at build time
	}
	return sub
}
