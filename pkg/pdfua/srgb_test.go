package pdfua

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestSRGBProfile checks the compact sRGB profile's layout (ICC.1's
// header and tag table, tags inside the profile on 4-byte boundaries)
// and its tone curve against IEC 61966-2-1; where Argyll CMS is
// installed (Debian's argyll), iccdump reads it and xicclu's colours
// through it are within 0.1 ΔE*ab of those through the ICC's
// sRGB2014.icc, the profile it replaces.
func TestSRGBProfile(t *testing.T) {
	p := sRGBProfile()
	if !bytes.Equal(p, sRGBProfile()) {
		t.Fatal("two profiles differ")
	}
	be := binary.BigEndian
	if int(be.Uint32(p)) != len(p) || len(p) > 1024 || string(p[12:24]) != "mntrRGB XYZ " || string(p[36:40]) != "acsp" || be.Uint32(p[8:]) != 0x02100000 {
		t.Fatalf("header: size %d of %d, %q %q, version %x", be.Uint32(p), len(p), p[12:24], p[36:40], be.Uint32(p[8:]))
	}
	tags := map[string][]byte{}
	n := int(be.Uint32(p[128:]))
	for i := range n {
		e := p[132+12*i:]
		off, size := int(be.Uint32(e[4:])), int(be.Uint32(e[8:]))
		if off%4 != 0 || off < 132+12*n || off+size > len(p) {
			t.Fatalf("tag %q at %d, %d bytes", e[:4], off, size)
		}
		tags[string(e[:4])] = p[off : off+size]
	}
	for _, sig := range []string{"desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"} {
		if tags[sig] == nil {
			t.Errorf("no %s tag", sig)
		}
	}
	c := tags["rTRC"]
	if string(c[:4]) != "curv" || int(be.Uint32(c[8:])) != sRGBPoints {
		t.Fatalf("rTRC is %q with %d points", c[:4], be.Uint32(c[8:]))
	}
	worst := 0.0
	for code := range 4096 {
		v := float64(code) / 4095
		x := v * (sRGBPoints - 1)
		i := min(int(x), sRGBPoints-2)
		f := x - float64(i)
		l := (float64(be.Uint16(c[12+2*i:]))*(1-f) + float64(be.Uint16(c[14+2*i:]))*f) / 65535
		enc := l * 12.92
		if l > 0.0031308 {
			enc = 1.055*math.Pow(l, 1/2.4) - 0.055
		}
		worst = max(worst, math.Abs(enc-v)*255)
	}
	if worst > 0.11 {
		t.Errorf("tone curve off by up to %.3f of an 8-bit step", worst)
	}

	iccdump, err1 := exec.LookPath("iccdump")
	xicclu, err2 := exec.LookPath("xicclu")
	if err1 != nil || err2 != nil {
		t.Skip("Argyll CMS (iccdump, xicclu) is not installed; on Debian: apt-get install argyll")
	}
	path := filepath.Join(t.TempDir(), "srgb.icc")
	if err := os.WriteFile(path, p, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(iccdump, "-v3", path).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Device Class = Display") || strings.Contains(strings.ToLower(string(out)), "error") {
		t.Fatalf("iccdump: %v\n%s", err, out)
	}
	var in strings.Builder
	for r := 0; r <= 4; r++ {
		for g := 0; g <= 4; g++ {
			for b := 0; b <= 4; b++ {
				in.WriteString(strconv.FormatFloat(float64(r)/4, 'f', 2, 64) + " " + strconv.FormatFloat(float64(g)/4, 'f', 2, 64) + " " + strconv.FormatFloat(float64(b)/4, 'f', 2, 64) + "\n")
			}
		}
	}
	lab := func(profile string) [][3]float64 {
		cmd := exec.Command(xicclu, "-ff", "-ir", "-pl", "-v0", profile)
		cmd.Stdin = strings.NewReader(in.String())
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("xicclu %s: %v", profile, err)
		}
		var res [][3]float64
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			f := strings.Fields(line)
			var v [3]float64
			for i := range 3 {
				v[i], _ = strconv.ParseFloat(f[i], 64)
			}
			res = append(res, v)
		}
		return res
	}
	got, want := lab(path), lab(filepath.Join("..", "..", "internal", "fpdf", "icc", "sRGB2014.icc"))
	if len(got) != 125 || len(want) != 125 {
		t.Fatalf("xicclu gave %d and %d colours; want 125", len(got), len(want))
	}
	for i := range got {
		if d := math.Hypot(math.Hypot(got[i][0]-want[i][0], got[i][1]-want[i][1]), got[i][2]-want[i][2]); d > 0.1 {
			t.Errorf("colour %d: Lab %v, sRGB2014.icc %v (ΔE %.2f)", i, got[i], want[i], d)
		}
	}
}
