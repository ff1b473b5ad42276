package render

import (
	"strings"

	"github.com/pressroom/pressroom/pkg/layout"
	"github.com/pressroom/pressroom/pkg/statement"
)

// The layout writes dates, the release line, the kind and the
// organisation (pkg/layout's wording), so that every rendition of a
// statement says them the same way.

func formatDate(d statement.Date, l *layout.Layout) string { return l.FormatDate(d) }

func releaseLine(s *statement.Statement, l *layout.Layout) string { return l.ReleaseLine(s.Embargo) }

func organisation(s *statement.Statement, l *layout.Layout) string { return l.OrganisationName(s) }

// kindLabel is the label above the headline, in capitals.
func kindLabel(s *statement.Statement, l *layout.Layout) string {
	return strings.ToUpper(l.KindLabel(s))
}
