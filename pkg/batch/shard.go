package batch

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
)

// Shard is one of Count deterministic slices of the inputs, numbered from 1,
// so that an existing job runner (a CI matrix, Kubernetes Jobs, GNU
// parallel) can spread a large archive over machines with no coordination:
// every input belongs to exactly one slice, decided by a hash of its path
// relative to the folder it was found in. The zero Shard is every input.
type Shard struct {
	Index, Count int
}

// ParseShard reads "I/N", e.g. "2/8" for the second of eight slices.
func ParseShard(s string) (Shard, error) {
	i, n, ok := strings.Cut(s, "/")
	index, err1 := strconv.Atoi(strings.TrimSpace(i))
	count, err2 := strconv.Atoi(strings.TrimSpace(n))
	if !ok || err1 != nil || err2 != nil {
		return Shard{}, fmt.Errorf("--shard %q: write I/N, e.g. 2/8 for the second of eight slices", s)
	}
	sh := Shard{Index: index, Count: count}
	if count < 1 {
		// 0/0 is the zero Shard, which means every input: written on
		// the command line it is a mistake, not a way to say "all".
		return Shard{}, fmt.Errorf("--shard %s: the number of slices must be 1 or more, e.g. 2/8 for the second of eight slices (leave --shard out to render everything)", s)
	}
	return sh, sh.Valid()
}

// Valid reports whether the shard names a slice that exists.
func (s Shard) Valid() error {
	if s == (Shard{}) {
		return nil
	}
	if s.Count < 1 || s.Index < 1 || s.Index > s.Count {
		return fmt.Errorf("--shard %d/%d: the slice number must be from 1 to %d (slices count from 1; add 1 to a 0-based index such as JOB_COMPLETION_INDEX)", s.Index, s.Count, max(s.Count, 1))
	}
	return nil
}

// Has reports whether the input with this relative, slash-separated path
// belongs to the slice. FNV-1a is fixed by its specification, so the
// answer is the same on every machine and with every Go version.
func (s Shard) Has(rel string) bool {
	if s.Count <= 1 {
		return true
	}
	h := fnv.New64a()
	h.Write([]byte(rel))
	return h.Sum64()%uint64(s.Count) == uint64(s.Index-1)
}

// String writes the shard as "I/N".
func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }
