#!/bin/bash
# Runs inside the booted image under QEMU (added to a copy of the image by system-test.sh, never
# part of the image itself) and prints one line per check on the console:
#
#   QRPROBE: PASS name            QRPROBE: FAIL name: what was seen
#   QRPROBE: READY                (the kiosk shows its first screen: take the screenshot now)
#   QRPROBE: DONE N passed, M failed
#
# then powers the machine off. The LED line's name and the level "free" holds it at come from
# the kernel command line: qr.led=NAME qr.led_free=lo|hi.
set -u
PATH=/usr/sbin:/usr/bin:/sbin:/bin

say() { echo "QRPROBE: $*"; }
passed=0
failed=0
pass() { say "PASS $1"; passed=$((passed + 1)); }
fail() { say "FAIL $1: $2"; failed=$((failed + 1)); }
finish() {
	say "DONE $passed passed, $failed failed"
	sleep 5
	systemctl poweroff
	exit 0
}

arg() { tr ' ' '\n' </proc/cmdline | sed -n "s/^$1=//p" | tail -n1; }
led=$(arg qr.led)
led_free=$(arg qr.led_free)
unit=quietroom.service

# systemd's start-up: wait for it to finish (running, or degraded when a unit failed), then the
# default target must be active.
state=$(timeout 1200 systemctl is-system-running --wait 2>&1)
default=$(systemctl get-default)
if systemctl -q is-active "$default"; then
	pass "default target $default reached (system $state)"
else
	fail "default target" "$default is $(systemctl is-active "$default"), system $state; failed units: $(systemctl --failed --plain --no-legend | cut -d' ' -f1 | paste -sd' ')"
fi
[ "$state" = running ] || say "INFO failed units: $(systemctl --failed --plain --no-legend | cut -d' ' -f1 | paste -sd' ')"
say "INFO $(systemd-analyze time 2>&1 | head -n1)"

# The kiosk: Type=notify, so active means it sent READY=1, which it does once its first screen
# shows. Give it a while after the target: Fyne under software GL is slow at start.
for _ in $(seq 1 120); do
	systemctl -q is-active "$unit" && break
	sleep 5
done
if systemctl -q is-active "$unit"; then
	pass "$unit active"
else
	fail "$unit active" "$(systemctl is-active "$unit"), restarts $(systemctl show -p NRestarts --value "$unit")"
	journalctl -b -u "$unit" --no-pager -n 60 -o cat 2>&1 | sed 's/^/QRPROBE: INFO /'
	finish
fi
say READY

user=$(systemctl show -p User --value "$unit")
pid=$(systemctl show -p MainPID --value "$unit")

# cage runs the kiosk, both as the kiosk's user, not root. The image has no procps (no ps,
# no pgrep): processes are read from /proc.
pid_of() { # the lowest pid whose command name is $1
	local d
	for d in /proc/[0-9]*; do
		[ "$(cat "$d/comm" 2>/dev/null)" = "$1" ] && echo "${d#/proc/}"
	done | sort -n | head -n1
}
comm_of() { cat "/proc/$1/comm" 2>/dev/null; }
ppid_of() { sed -n 's/^PPid:[[:space:]]*//p' "/proc/$1/status" 2>/dev/null; }
user_of() { # the effective user (/proc/PID's owner is root for a process that is not dumpable)
	local uid
	uid=$(awk '/^Uid:/ { print $3 }' "/proc/$1/status" 2>/dev/null)
	[ -n "$uid" ] && { getent passwd "$uid" | cut -d: -f1 | grep . || echo "$uid"; }
}
cage=$(pid_of cage)
kiosk=$(pid_of quietroom)
# What systemd's watchdog variables reached the kiosk with (printed if the watchdog check fails).
kiosk_env=$([ -n "$kiosk" ] && tr '\0' '\n' <"/proc/$kiosk/environ" 2>/dev/null | grep -E '^(WATCHDOG|NOTIFY)_' | paste -sd' ')
if [ -z "$cage" ] || [ -z "$kiosk" ]; then
	fail "cage runs the kiosk" "cage pid '${cage}', quietroom pid '${kiosk}'; processes: $(cat /proc/[0-9]*/comm 2>/dev/null | sort -u | paste -sd' ')"
else
	chain="" p=$kiosk
	while [ "${p:-0}" -gt 1 ]; do
		chain="$chain $(comm_of "$p")"
		[ "$p" = "$cage" ] && break
		p=$(ppid_of "$p")
	done
	cage_user=$(user_of "$cage")
	kiosk_user=$(user_of "$kiosk")
	if [ "$p" = "$cage" ] && [ -n "$cage_user" ] && [ "$cage_user" != root ] && [ -n "$kiosk_user" ] && [ "$kiosk_user" != root ]; then
		pass "cage runs the kiosk (as $kiosk_user; unit main pid $pid)"
	else
		fail "cage runs the kiosk" "process chain:$chain; cage user $cage_user, kiosk user $kiosk_user"
	fi
fi

# The data folder: the kiosk's user owns it, nobody else may enter.
data=/var/lib/quietroom
got=$(stat -c '%U %a' "$data" 2>&1)
if [ "$got" = "${user:-?} 700" ]; then
	pass "data folder $data is $got"
else
	fail "data folder" "$data is '$got', want '${user:-(unit has no User=)} 700'"
fi

# journald keeps the log in memory only.
if [ -n "$(ls -A /run/log/journal 2>/dev/null)" ] && [ -z "$(ls -A /var/log/journal 2>/dev/null)" ]; then
	pass "journald volatile (/run/log/journal, nothing in /var/log/journal)"
else
	fail "journald volatile" "/run/log/journal: '$(ls /run/log/journal 2>&1)', /var/log/journal: '$(ls /var/log/journal 2>&1)'"
fi

# The LED line: requested by the kiosk as an output, at the level that shows "free".
mountpoint -q /sys/kernel/debug || mount -t debugfs debugfs /sys/kernel/debug
line=$(grep -E "\(${led:-?} *\|" /sys/kernel/debug/gpio 2>/dev/null | head -n1)
if echo "$line" | grep -Eq "\| *quietroom.* out ${led_free:-?}( |$)"; then
	pass "LED line ${led} is an output held ${led_free} by the kiosk"
else
	fail "LED line" "want ${led} out ${led_free} held by quietroom, /sys/kernel/debug/gpio says '${line:-nothing for that line}'"
	grep -A12 pl061 /sys/kernel/debug/gpio | sed 's/^/QRPROBE: INFO /'
fi

# The watchdog: WatchdogSec is set, and the timestamp of the last ping moves on.
usec=$(systemctl show -p WatchdogUSec --value "$unit")
t1=$(systemctl show -p WatchdogTimestampMonotonic --value "$unit")
restarts1=$(systemctl show -p NRestarts --value "$unit")
case "$usec" in
"" | 0 | infinity) fail "watchdog" "WatchdogUSec is '$usec'" ;;
*)
	secs=$(systemd-analyze timespan "$usec" 2>/dev/null | sed -n 's/.*μs: *//p')
	secs=$(((${secs:-30000000} + 999999) / 1000000))
	sleep $((secs > 5 ? secs : 5))
	t2=$(systemctl show -p WatchdogTimestampMonotonic --value "$unit")
	restarts2=$(systemctl show -p NRestarts --value "$unit")
	if [ "${t2:-0}" -gt "${t1:-0}" ] && [ "$restarts2" = "$restarts1" ] && systemctl -q is-active "$unit"; then
		pass "watchdog pings arrive (WatchdogSec $usec, last ping moved by $(((t2 - t1) / 1000)) ms)"
	else
		fail "watchdog" "WatchdogSec $usec, timestamps $t1 then $t2, restarts $restarts1 then $restarts2, $(systemctl is-active "$unit")"
		say "INFO kiosk pid ${kiosk:-none}, cage pid ${cage:-none}, the kiosk's environment: ${kiosk_env:-none}"
		journalctl -b -u "$unit" --no-pager -n 20 -o cat 2>&1 | sed 's/^/QRPROBE: INFO /'
	fi
	;;
esac

finish
