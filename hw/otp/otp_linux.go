package otp

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"unsafe"

	"golang.org/x/sys/unix"
)

// ioctlMboxProperty is IOCTL_MBOX_PROPERTY of the vcio driver: _IOWR(100, 0, char *). The
// size field is that of a pointer, so the number differs between 32- and 64-bit kernels.
var ioctlMboxProperty = uintptr(3)<<30 | unsafe.Sizeof(uintptr(0))<<16 | 100<<8 // command number 0

// mailbox sends msg to the firmware and lets it write its answer in place.
func mailbox(path string, msg []uint32) error {
	f, err := os.Open(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%w: %s does not exist (not a Raspberry Pi, or the vcio driver is not loaded)", ErrUnsupported, path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: permission denied: add the kiosk user to the video group", path)
	case err != nil:
		return err
	}
	defer f.Close()
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var errno unix.Errno
	if err := rc.Control(func(fd uintptr) {
		_, _, errno = unix.Syscall(unix.SYS_IOCTL, fd, ioctlMboxProperty, uintptr(unsafe.Pointer(&msg[0])))
	}); err != nil {
		return err
	}
	runtime.KeepAlive(msg)
	if errno != 0 {
		return fmt.Errorf("%w: mailbox ioctl on %s: %v", ErrUnsupported, path, errno)
	}
	return nil
}
