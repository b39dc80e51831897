#!/usr/bin/env bash
# Builds the Quiet Room SD-card image for a Raspberry Pi 4/5 (arm64) from Debian bookworm with
# mmdebstrap, without loop devices: the root file system is made from the tree by mkfs.ext4 -d,
# the boot partition by mkfs.vfat and mcopy, and the two are put behind an MBR written by sfdisk.
#
# The image is named after a hash of everything it is made from (package list, this script, the
# overlay and hooks under provisioning/image, firmware/, the quietroom .deb), so an unchanged
# input reuses the image already built. Prints the image's path on its last line.
#
# Usage: provisioning/image/build.sh [DEB]   (DEB: the arm64 quietroom .deb; IMAGE_DEB=none
# builds the base system without the kiosk)
set -euo pipefail
cd "$(dirname "$0")/../.."

out=${IMAGE_OUT:-dist/image}
suite=bookworm
arch=arm64
mirror=${IMAGE_MIRROR:-http://deb.debian.org/debian}
boot_mib=256
here=provisioning/image

deb=${1:-${IMAGE_DEB:-}}
if [ -z "$deb" ]; then
	deb=$(ls -t dist/quietroom_*_"$arch".deb 2>/dev/null | head -n1 || true)
fi
if [ "$deb" = none ]; then
	deb=""
elif [ -z "$deb" ] || [ ! -f "$deb" ]; then
	echo "image: no quietroom .deb for $arch (run make deb, or IMAGE_DEB=none for the base system)" >&2
	exit 1
fi

if [ "$(id -u)" != 0 ]; then
	echo "image: run as root (mmdebstrap --mode=root keeps the files' owners for mkfs.ext4 -d)" >&2
	exit 1
fi

# The inputs' hash: each file's path and content, in a stable order.
inputs() {
	{
		find "$here" firmware -path "$here/test" -prune -o -type f -print 2>/dev/null
		[ -n "$deb" ] && echo "$deb"
	} | LC_ALL=C sort | while read -r f; do
		case "$f" in
		"$deb") printf 'deb %s\n' "$(sha256sum <"$f" | cut -d' ' -f1)" ;;
		*) printf '%s %s %s\n' "$f" "$(stat -c %a "$f")" "$(sha256sum <"$f" | cut -d' ' -f1)" ;;
		esac
	done
	echo "$suite $arch $mirror $boot_mib"
}
hash=$(inputs | sha256sum | cut -c1-16)
img=$out/quietroom-$arch-$hash.img
mkdir -p "$out"
if [ -f "$img" ]; then
	echo "image: inputs unchanged, reusing $img" >&2
	ln -sfn "$(basename "$img")" "$out/quietroom-$arch.img"
	echo "$img"
	exit 0
fi

work=$(mktemp -d "$out/build.XXXXXX")
# --one-file-system: never follow a mount mmdebstrap may have left in the tree.
trap 'rm -rf --one-file-system "$work" "/var/tmp/quietroom-image-$hash"' EXIT
tree=$work/tree
start=$(date +%s)

packages=$(grep -v '^[[:space:]]*#' "$here/packages.txt" | tr -s '[:space:]' '\n' | grep . | paste -sd, -)
# apt installs the .deb from inside the tree by the path it was given, so the .deb is put at
# that same path inside the tree first, and taken out again at the end.
debhooks=()
if [ -n "$deb" ]; then
	debdir=/var/tmp/quietroom-image-$hash
	mkdir -p "$debdir"
	cp "$deb" "$debdir/quietroom_$arch.deb"
	packages="$packages,$debdir/quietroom_$arch.deb"
	debhooks=(--setup-hook="mkdir -p \"\$1/var/tmp\" && cp -r '$debdir' \"\$1/var/tmp/\""
		--customize-hook="rm -rf \"\$1$debdir\"")
fi

# Hooks: the overlay under rootfs/ goes in before any package (initramfs settings must be there
# when the kernel's postinst builds the initrd); firmware/'s files and the customisations after.
# force-confold keeps the overlay's files where a package ships the same conffile.
echo "image: mmdebstrap $suite $arch (under emulation; about 15 minutes on 2 cores)" >&2
timeout -s KILL 2700 nice -n 10 mmdebstrap \
	--mode=root --variant=minbase --architectures="$arch" \
	--components=main,non-free-firmware \
	--dpkgopt=force-unsafe-io --dpkgopt=force-confold --dpkgopt=force-confdef \
	--include="$packages" \
	--setup-hook="sync-in $here/rootfs /" "${debhooks[@]}" \
	--customize-hook="$here/customize.sh \"\$1\"" \
	"$suite" "$tree" "$mirror" >&2

# The boot partition: what raspi-firmware put in /boot/firmware (firmware blobs, device trees,
# kernel, initrd, config.txt, cmdline.txt).
boot=$work/boot.vfat
rm -f "$boot"
mkfs.vfat -C -F 32 -n QR_BOOT "$boot" $((boot_mib * 1024)) >/dev/null
mcopy -s -i "$boot" "$tree"/boot/firmware/* ::/
find "$tree/boot/firmware" -mindepth 1 -delete

# The root file system: the tree's size with a quarter spare for the data folder and logs (the
# first boot does not grow it yet).
used=$(du -sm --apparent-size "$tree" | cut -f1)
root_mib=$(((used * 5 / 4 + 256 + 3) / 4 * 4))
root=$work/root.ext4
timeout -s KILL 600 mkfs.ext4 -q -F -L QR_ROOT -d "$tree" "$root" "${root_mib}M"

# The disk: MBR, FAT32 (LBA) boot partition at 4 MiB, Linux root after it, as the Pi's boot
# ROM expects.
part=$work/disk.img
total=$((4 + boot_mib + root_mib))
truncate -s "${total}M" "$part"
sfdisk -q "$part" <<EOF
label: dos
start=4MiB, size=${boot_mib}MiB, type=c, bootable
start=$((4 + boot_mib))MiB, size=${root_mib}MiB, type=83
EOF
dd if="$boot" of="$part" bs=1M seek=4 conv=notrunc,sparse status=none
dd if="$root" of="$part" bs=1M seek=$((4 + boot_mib)) conv=notrunc,sparse status=none
mv "$part" "$img"
ln -sfn "$(basename "$img")" "$out/quietroom-$arch.img"
echo "image: built $img ($total MiB) in $(($(date +%s) - start)) s" >&2
echo "$img"
