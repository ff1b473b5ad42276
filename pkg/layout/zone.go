package layout

import (
	"fmt"
	"strings"
)

// Zone is a layout's embargo zone (text.embargo-zone): UK time (GMT, and
// BST in summer) or a fixed offset from UTC. pkg/release reads embargo
// times in it.
type Zone struct {
	UK     bool // the UK's rules; Offset is unused
	Offset int  // seconds east of UTC
}

// ParseZone reads text.embargo-zone: "UK" (or empty), "UTC"/"GMT" or
// "+HH:MM".
func ParseZone(s string) (Zone, error) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "UK", "UK TIME", "EUROPE/LONDON", "":
		return Zone{UK: true}, nil
	case "UTC", "Z":
		return Zone{}, nil
	}
	var sign byte
	var h, m int
	if n, err := fmt.Sscanf(s, "%c%02d:%02d", &sign, &h, &m); err == nil && n == 3 && (sign == '+' || sign == '-') && h <= 14 && m < 60 && len(s) == 6 {
		off := h*3600 + m*60
		if sign == '-' {
			off = -off
		}
		return Zone{Offset: off}, nil
	}
	return Zone{}, fmt.Errorf("%q is not a zone pressroom knows", s)
}

// Zone is the zone embargo times without one are read in: EmbargoZone,
// or UK time when it is unset or unreadable (Load reports the latter).
func (w Wording) Zone() Zone {
	z, err := ParseZone(w.EmbargoZone)
	if err != nil {
		return Zone{UK: true}
	}
	return z
}
