package stick

import (
	"path/filepath"
	"syscall"
)

// isMountPoint reports whether dir is on another device than its parent: a mounted stick.
func isMountPoint(dir string) bool {
	var st, parent syscall.Stat_t
	if syscall.Stat(dir, &st) != nil || syscall.Stat(filepath.Dir(dir), &parent) != nil {
		return false
	}
	return st.Dev != parent.Dev
}
