#!/usr/bin/env bash
# mmdebstrap customize hook for the Quiet Room image: runs on the build machine with the image's
# tree as $1, after every package is installed.
set -euo pipefail
root=$1
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

echo quietroom >"$root/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\tquietroom\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"
cat >"$root/etc/fstab" <<'FSTAB'
# <file system>  <mount point>   <type>  <options>                  <dump> <pass>
LABEL=QR_ROOT    /               ext4    defaults,noatime           0      1
LABEL=QR_BOOT    /boot/firmware  vfat    defaults,noatime,umask=0077 0     2
FSTAB

# firmware/: the root file system overlay, which the quietroom .deb normally brings (copied
# here only for a base image built without it), and the boot partition's additions, which
# raspi-firmware's hook puts into config.txt and cmdline.txt.
if [ ! -e "$root/usr/lib/systemd/system/quietroom.service" ] && [ -d "$repo/firmware/rootfs" ]; then
	cp -a --no-preserve=ownership "$repo/firmware/rootfs/." "$root/"
fi
if [ -f "$repo/firmware/boot/config.txt" ]; then
	cp "$repo/firmware/boot/config.txt" "$root/etc/default/raspi-firmware-custom"
fi
if [ -f "$repo/firmware/boot/cmdline.txt" ]; then
	# One line of words, no comments (the file's own comments explain each word).
	grep -v '^[[:space:]]*#' "$repo/firmware/boot/cmdline.txt" | tr -s '[:space:]' ' ' |
		sed 's/^ //; s/ $//' >"$root/etc/default/raspi-extra-cmdline"
fi

# Rewrite /boot/firmware (config.txt with the fragment, cmdline.txt) now that every setting is in.
chroot "$root" env DEB_MAINT_PARAMS=configure /etc/kernel/postinst.d/z50-raspi-firmware

# Nothing of the build's apt state on the card.
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin
