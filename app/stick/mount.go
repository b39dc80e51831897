package stick

import (
	"os"
	"path/filepath"
	"strings"
)

// Mounted lists the folders up to depth levels below dir that are mount points: the USB
// sticks mounted there (/media/<user>/<stick>, /run/media/..., /mnt/<stick>), each a folder on
// another device than the one it sits in, so that a folder on the kiosk's own card is never
// taken for a stick when none is plugged in. Hidden folders are skipped, and nothing below a
// stick is looked at.
func Mounted(dir string, depth int) []string {
	if depth == 0 {
		return nil
	}
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, de := range des {
		if !de.IsDir() || strings.HasPrefix(de.Name(), ".") {
			continue
		}
		p := filepath.Join(dir, de.Name())
		if isMountPoint(p) {
			out = append(out, p)
			continue
		}
		out = append(out, Mounted(p, depth-1)...)
	}
	return out
}
