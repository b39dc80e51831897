// Package otp reads the Raspberry Pi 4/5 OTP device private key, the device secret that makes a
// copy of the SD card useless on its own.
//
// The key is 256 bits in one-time-programmable memory (eight 32-bit rows; the Pi 5 has sixteen,
// of which the first eight are used, as rpi-otp-private-key does by default). Provisioning
// programs it once with random bits; afterwards it cannot change.
//
// # How it is read, and why not with rpi-otp-private-key
//
// [Source] asks the VideoCore firmware directly, through the mailbox property interface on
// /dev/vcio (ioctl IOCTL_MBOX_PROPERTY, tag 0x00030081 GET_PRIVATE_OTP). The same firmware call
// is behind Raspberry Pi's rpi-otp-private-key tool, which runs vcmailbox and picks the key out
// of its printed output by position. Calling the mailbox ourselves is the more robust choice:
//
//   - The tool checks neither the firmware's response code nor the tag's response bit. If the
//     firmware is too old to know the tag, or rejects the request, the words it prints are the
//     zeros that were sent, indistinguishable from an unprogrammed key. Here such an answer is
//     [ErrUnsupported], never [ErrUnprogrammed], so provisioning is not misled into burning a
//     second key over a real one.
//   - It depends on two programs being installed and on the text format of another; a kiosk
//     running under a hardened systemd unit should not fork a shell to get its key.
//   - The key does not travel through a pipe as hex text; the buffers that held it are zeroed.
//
// Both need the same permission: read access to /dev/vcio (the video group on Raspberry Pi OS).
//
// An unprogrammed key (all zeros) is [ErrUnprogrammed]: provisioning must program one; the
// vault must not fall back to a weaker secret silently.
//
// [Source.Program] writes a new key (SET_PRIVATE_OTP, tag 0x00038081), once and for ever: it
// refuses when a key is already there ([ErrProgrammed]) or the firmware cannot tell, and reads
// the key back to check it. Only a screen that has explained that this is permanent, and had the
// admin confirm it, may call it.
//
// Its errors are hw's sentinels ([hw.ErrNoSecretHardware], [hw.ErrSecretUnprogrammed],
// [hw.ErrSecretProgrammed]), so the vault's device-secret choice (vault.SecretChoice) tells the
// cases apart without importing this driver. Only the assembly (app/assemble) and provisioning
// import this package.
package otp
