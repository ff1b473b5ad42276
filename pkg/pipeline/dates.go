package pipeline

import (
	"fmt"
	"strconv"
	"time"
)

// Dates are the two dates a run depends on, decided in one place so that
// output never depends on the clock unless the user wants it to.
type Dates struct {
	// Created is written into PDFs as their creation date. Zero means
	// each PDF takes its statement's date, so the same statement gives
	// the same bytes on any day.
	Created time.Time
	// Today is what "in the past" and "in the future" are judged
	// against, and an e-mail's sending time.
	Today time.Time
	// Fixed is set when SOURCE_DATE_EPOCH was given: the run is meant to
	// be reproducible, so even an e-mail draft's Date is Today.
	Fixed bool
}

// DatesFrom applies the date policy: SOURCE_DATE_EPOCH (epoch, the
// variable's value, empty when unset) fixes both dates, for reproducible
// builds and tests; unset, PDFs take their statements' dates and Today is
// now.
func DatesFrom(epoch string, now time.Time) (Dates, error) {
	if epoch == "" {
		return Dates{Today: now.UTC()}, nil
	}
	secs, err := strconv.ParseInt(epoch, 10, 64)
	if err != nil {
		return Dates{}, fmt.Errorf("SOURCE_DATE_EPOCH must be a number of seconds since 1970, not %q", epoch)
	}
	t := time.Unix(secs, 0).UTC()
	return Dates{Created: t, Today: t, Fixed: true}, nil
}
