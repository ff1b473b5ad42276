package layout

// FontParses tells tests how many times lib has parsed a font file.
func FontParses(lib *Library) int64 { return lib.fontParses.Load() }
