// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// oldKeyMap is untypedKeyMap as fpdf v0.12.0 had it (copyrighted 2019 by
// Arteom Korotkiy), kept to check the faster one behaves the same.
// Imitation of untyped Map Array
type oldKeyMap struct {
	keySet   []any
	valueSet []int
}

// Get position of key=>value in PHP Array
func (pa *oldKeyMap) getIndex(key any) int {
	if key != nil {
		for i, mKey := range pa.keySet {
			if mKey == key {
				return i
			}
		}
		return -1
	}
	return -1
}

// Put key=>value in PHP Array
func (pa *oldKeyMap) put(key any, value int) {
	if key == nil {
		var i int
		for n := 0; ; n++ {
			i = pa.getIndex(n)
			if i < 0 {
				key = n
				break
			}
		}
		pa.keySet = append(pa.keySet, key)
		pa.valueSet = append(pa.valueSet, value)
	} else {
		i := pa.getIndex(key)
		if i < 0 {
			pa.keySet = append(pa.keySet, key)
			pa.valueSet = append(pa.valueSet, value)
		} else {
			pa.valueSet[i] = value
		}
	}
}

// Delete value in PHP Array
func (pa *oldKeyMap) delete(key any) {
	if pa == nil || pa.keySet == nil || pa.valueSet == nil {
		return
	}
	i := pa.getIndex(key)
	if i >= 0 {
		if i == 0 {
			pa.keySet = pa.keySet[1:]
			pa.valueSet = pa.valueSet[1:]
		} else if i == len(pa.keySet)-1 {
			pa.keySet = pa.keySet[:len(pa.keySet)-1]
			pa.valueSet = pa.valueSet[:len(pa.valueSet)-1]
		} else {
			pa.keySet = append(pa.keySet[:i], pa.keySet[i+1:]...)
			pa.valueSet = append(pa.valueSet[:i], pa.valueSet[i+1:]...)
		}
	}
}

// Get value from PHP Array
func (pa *oldKeyMap) get(key any) int {
	i := pa.getIndex(key)
	if i >= 0 {
		return pa.valueSet[i]
	}
	return 0
}

// Imitation of PHP function pop()
func (pa *oldKeyMap) pop() {
	pa.keySet = pa.keySet[:len(pa.keySet)-1]
	pa.valueSet = pa.valueSet[:len(pa.valueSet)-1]
}

// Imitation of PHP function array_merge()
func oldArrayMerge(arr1, arr2 *oldKeyMap) *oldKeyMap {
	answer := oldKeyMap{}
	if arr1 == nil && arr2 == nil {
		answer = oldKeyMap{
			make([]any, 0),
			make([]int, 0),
		}
	} else if arr2 == nil {
		answer.keySet = arr1.keySet[:]
		answer.valueSet = arr1.valueSet[:]
	} else if arr1 == nil {
		answer.keySet = arr2.keySet[:]
		answer.valueSet = arr2.valueSet[:]
	} else {
		answer.keySet = arr1.keySet[:]
		answer.valueSet = arr1.valueSet[:]
		for i := 0; i < len(arr2.keySet); i++ {
			if arr2.keySet[i] == "interval" {
				if arr1.getIndex("interval") < 0 {
					answer.put("interval", arr2.valueSet[i])
				}
			} else {
				answer.put(nil, arr2.valueSet[i])
			}
		}
	}
	return &answer
}

// TestUntypedKeyMapMatchesOld applies the same random operations, in the
// mix generateCIDFontMap uses, to the old and the new key map and checks
// every result and the final contents agree.
func TestUntypedKeyMapMatchesOld(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 2000 {
		n, o := &untypedKeyMap{keySet: []any{}, valueSet: []int{}}, &oldKeyMap{keySet: []any{}, valueSet: []int{}}
		other, oldOther := &untypedKeyMap{keySet: []any{}, valueSet: []int{}}, &oldKeyMap{keySet: []any{}, valueSet: []int{}}
		for range rng.IntN(40) {
			v := rng.IntN(5)
			switch op := rng.IntN(10); {
			case op < 4:
				n.put(nil, v)
				o.put(nil, v)
			case op == 4:
				n.put("interval", 1)
				o.put("interval", 1)
			case op == 5 && len(o.keySet) > 0:
				n.pop()
				o.pop()
			case op == 6:
				n.delete("interval")
				o.delete("interval")
			case op == 7:
				other.put(nil, v)
				oldOther.put(nil, v)
				if v == 0 {
					other.put("interval", 1)
					oldOther.put("interval", 1)
				}
			case op == 8:
				n = arrayMerge(n, other)
				o = oldArrayMerge(o, oldOther)
			case op == 9 && len(o.keySet) > 0:
				k := rng.IntN(len(o.keySet) + 1)
				if n.get(k) != o.get(k) || n.getIndex(k) != o.getIndex(k) {
					t.Fatalf("round %d: get(%d) = %d at %d, old %d at %d", round, k, n.get(k), n.getIndex(k), o.get(k), o.getIndex(k))
				}
				if rng.IntN(4) == 0 { // rare in fpdf, but keep the old behaviour
					n.delete(k)
					o.delete(k)
				}
			}
			if !reflect.DeepEqual(n.keySet, o.keySet) || !reflect.DeepEqual(n.valueSet, o.valueSet) {
				t.Fatalf("round %d: keys %v values %v, old keys %v values %v", round, n.keySet, n.valueSet, o.keySet, o.valueSet)
			}
		}
	}
}
