#!/usr/bin/env bash
# Boots the Quiet Room image under QEMU (qemu-system-aarch64 -M virt, software emulation) and
# checks the appliance as it runs: systemd reaches its default target, the kiosk's service is
# active and pings the watchdog, cage runs the kiosk as its own user, the LED line is an output
# held at "free", the data folder's owner and mode, journald in memory, a login prompt on the
# serial console. Keeps the serial log, the probe's report and a screenshot of the kiosk under
# dist/system-test/. Exits non-zero, naming the check, when any check fails.
#
# Usage: provisioning/system-test.sh [IMAGE]   (default dist/image/quietroom-arm64.img)
#
# The image is not changed: a copy gets the probe (system-test-probe.sh) and its unit, written
# into the root file system with debugfs, so no loop device or mount is needed.
set -euo pipefail
cd "$(dirname "$0")/.."

img=$(readlink -f "${1:-dist/image/quietroom-arm64.img}")
work=dist/system-test
boot_timeout=${SYSTEM_TEST_TIMEOUT:-1800}
# The emulated board's GPIO controller (PL061) has unnamed lines; the test's device tree names
# line 0 GPIO5 and line 1 GPIO6, which the test enrolment file (image/test/quietroom-enrol.yaml)
# gives the light (single LED, active high: "free" is off, low) and the privacy button.
led_line=GPIO5
button_line=GPIO6
led_free=lo

die() { echo "system-test: $*" >&2; exit 1; }
[ -f "$img" ] || die "no image at ${1:-dist/image/quietroom-arm64.img} (make image)"
for t in qemu-system-aarch64 debugfs mcopy sfdisk dtc socat; do
	command -v "$t" >/dev/null || die "$t is missing (make deps-image)"
done

rm -rf "$work"
mkdir -p "$work"
disk=$work/disk.img
cp --sparse=always "$img" "$disk"

# Partition offsets in bytes, from the MBR.
start_of() { sfdisk -d "$disk" | sed -n "s/^.*$1 : start= *\([0-9]*\),.*/\1/p"; }
boot_off=$(($(start_of 1) * 512))
root_off=$(($(start_of 2) * 512))
[ "$boot_off" -gt 0 ] && [ "$root_off" -gt 0 ] || die "cannot read the partition table of $img"

# The kernel and initrd, from the image's boot partition where the Pi's firmware finds them.
names=$(mdir -b -i "$disk@@$boot_off" ::/ | sed 's|^::/||')
kernel=$(echo "$names" | grep -E '^vmlinuz-' | sort -V | tail -n1)
initrd=$(echo "$names" | grep -E '^initrd.img-' | sort -V | tail -n1)
[ -n "$kernel" ] && [ -n "$initrd" ] || die "no vmlinuz-*/initrd.img-* on the boot partition: $(echo $names)"
mcopy -n -i "$disk@@$boot_off" "::/$kernel" "$work/vmlinuz"
mcopy -n -i "$disk@@$boot_off" "::/$initrd" "$work/initrd"

# The test's enrolment file, onto the copy's boot partition as an installer would put it.
mcopy -o -i "$disk@@$boot_off" provisioning/image/test/quietroom-enrol.yaml ::/quietroom-enrol.yaml

# The probe and its unit, into the copy's root file system.
cat >"$work/qr-probe.service" <<'EOF'
[Unit]
Description=Quiet Room system test probe
[Service]
Type=simple
ExecStart=/usr/local/sbin/qr-probe
StandardOutput=journal+console
StandardError=journal+console
[Install]
WantedBy=multi-user.target
EOF
# The emulated GPU (virtio-gpu without virgl) has no 3D: cage's GLES2 renderer (wlroots 0.15)
# gets no usable EGL there and cage restarts in a loop. The test's copy gets a drop-in that makes
# wlroots render with Pixman into DRM dumb buffers; Xwayland then runs without glamor and the
# kiosk's GL falls back to Mesa's software rasteriser by itself. The device runs the unit as
# the image ships it.
cat >"$work/quietroom-test.conf" <<'EOF'
# Added by provisioning/system-test.sh to the image copy booted under QEMU; not in the image.
[Service]
Environment=WLR_RENDERER=pixman
EOF
timeout -s KILL 60 debugfs -w "$disk?offset=$root_off" -f - >"$work/debugfs.log" 2>&1 <<EOF
mkdir /usr/local/sbin
write provisioning/system-test-probe.sh /usr/local/sbin/qr-probe
sif /usr/local/sbin/qr-probe mode 0100755
write $work/qr-probe.service /etc/systemd/system/qr-probe.service
sif /etc/systemd/system/qr-probe.service mode 0100644
mkdir /etc/systemd/system/multi-user.target.wants
symlink /etc/systemd/system/multi-user.target.wants/qr-probe.service /etc/systemd/system/qr-probe.service
mkdir /etc/systemd/system/quietroom.service.d
write $work/quietroom-test.conf /etc/systemd/system/quietroom.service.d/system-test.conf
sif /etc/systemd/system/quietroom.service.d/system-test.conf mode 0100644
EOF
debugfs -R "stat /etc/systemd/system/multi-user.target.wants/qr-probe.service" "$disk?offset=$root_off" 2>/dev/null |
	grep -q 'Type: symlink' || die "could not add the probe to the image copy (see $work/debugfs.log)"
debugfs -R "cat /etc/systemd/system/quietroom.service.d/system-test.conf" "$disk?offset=$root_off" 2>/dev/null |
	grep -q '^Environment=WLR_RENDERER=pixman' || die "could not add the kiosk's drop-in to the image copy (see $work/debugfs.log)"

# The board's device tree, with names on the PL061's lines (line 3 is QEMU's power key).
machine=(-M virt -cpu cortex-a72 -m 2048 -smp 2)
timeout -s KILL 60 qemu-system-aarch64 "${machine[@]}" -nic none -display none \
	-machine dumpdtb="$work/virt.dtb" >/dev/null 2>&1
dtc -q -I dtb -O dts "$work/virt.dtb" >"$work/virt.dts"
sed -i "/^\s*pl061@/,/};/ s|gpio-controller;|gpio-controller;\n\t\tgpio-line-names = \"$led_line\", \"$button_line\", \"QR_LINE2\", \"QR_POWER_KEY\", \"QR_LINE4\", \"QR_LINE5\", \"QR_LINE6\", \"QR_LINE7\";|" "$work/virt.dts"
grep -q "gpio-line-names = \"$led_line\"" "$work/virt.dts" || die "no PL061 node in QEMU's device tree"
dtc -q -I dts -O dtb "$work/virt.dts" >"$work/virt-named.dtb"

echo "system-test: booting $(basename "$img") under emulation (limit ${boot_timeout} s)"
start=$(date +%s)
timeout -s KILL "$boot_timeout" qemu-system-aarch64 "${machine[@]}" \
	-dtb "$work/virt-named.dtb" \
	-kernel "$work/vmlinuz" -initrd "$work/initrd" \
	-append "root=/dev/vda2 rootwait rw console=ttyAMA0 qr.led=$led_line qr.led_free=$led_free" \
	-drive "file=$disk,format=raw,if=virtio,cache=unsafe" \
	-device virtio-gpu-pci,xres=800,yres=480 -display none \
	-device qemu-xhci -device usb-tablet -device usb-kbd \
	-nic none -no-reboot \
	-serial "file:$work/serial.log" \
	-monitor "unix:$work/monitor.sock,server,nowait" &
qemu=$!

monitor() { echo "$1" | timeout -s KILL 30 socat - "UNIX-CONNECT:$work/monitor.sock" >/dev/null 2>&1; }
ready_at="" done_at=""
while kill -0 "$qemu" 2>/dev/null; do
	sleep 5
	if [ -z "$ready_at" ] && grep -q 'QRPROBE: READY' "$work/serial.log" 2>/dev/null; then
		ready_at=$(($(date +%s) - start))
		echo "system-test: kiosk ready after ${ready_at} s; screenshot"
		sleep 10 # let the first frame settle on the emulated display
		monitor "screendump $work/kiosk-first-boot.png -f png" || true
	fi
	if [ -z "$done_at" ] && grep -q 'QRPROBE: DONE' "$work/serial.log" 2>/dev/null; then
		done_at=$(date +%s)
	fi
	# The probe powers off; stop waiting a minute after it finished either way.
	if [ -n "$done_at" ] && [ $(($(date +%s) - done_at)) -gt 60 ]; then
		kill "$qemu" 2>/dev/null || true
	fi
done
wait "$qemu" 2>/dev/null || true
total=$(($(date +%s) - start))

grep -a 'QRPROBE:' "$work/serial.log" | sed 's/^.*QRPROBE: //' >"$work/report.txt" || true
cat "$work/report.txt"

failed=0 passed=0
if grep -aq 'login:' "$work/serial.log"; then
	echo "PASS login prompt on the serial console"
	passed=$((passed + 1))
else
	echo "FAIL login prompt on the serial console: none in $work/serial.log"
	failed=$((failed + 1))
fi
if [ -n "$ready_at" ] && [ -s "$work/kiosk-first-boot.png" ]; then
	echo "PASS screenshot of the kiosk: $work/kiosk-first-boot.png"
	passed=$((passed + 1))
else
	echo "FAIL screenshot of the kiosk: none taken"
	failed=$((failed + 1))
fi
if ! grep -q '^DONE' "$work/report.txt"; then
	echo "FAIL probe did not finish within ${boot_timeout} s: last lines of $work/serial.log:"
	tail -n 30 "$work/serial.log" | tr -cd '[:print:]\n'
	failed=$((failed + 1))
fi
probe_passed=$(grep -c '^PASS' "$work/report.txt" || true)
probe_failed=$(grep -c '^FAIL' "$work/report.txt" || true)
passed=$((passed + probe_passed))
failed=$((failed + probe_failed))
echo "system-test: boot to kiosk ${ready_at:-never} s, whole run ${total} s"
grep '^FAIL' "$work/report.txt" | sed 's/^/system-test: failed check: /' >&2 || true
echo "system-test: $passed passed, $failed failed"
[ "$failed" = 0 ]
