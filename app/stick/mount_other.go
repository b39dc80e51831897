//go:build !linux

package stick

// isMountPoint is false where the kiosk cannot tell: only Linux kiosks find sticks by their
// mount points (others must be given their import folders).
func isMountPoint(string) bool { return false }
