package util

// Every test binary knows -update (see internal/golden).
import _ "github.com/pressroom/pressroom/internal/golden"
