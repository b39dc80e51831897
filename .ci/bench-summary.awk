# Turns `go test -bench` output into a table a person can read: the package, the benchmark,
# the time per operation in a sensible unit, and any extra metrics (median, p99, MiB ...).
# A benchmark that checks a goal logs it as "goal: ... pass" or "goal: ... FAIL"; those lines
# are listed under the table.
function human(ns) {
	if (ns >= 1e9) return sprintf("%.2f s", ns / 1e9)
	if (ns >= 1e6) return sprintf("%.2f ms", ns / 1e6)
	if (ns >= 1e3) return sprintf("%.1f µs", ns / 1e3)
	return sprintf("%.0f ns", ns)
}
/^pkg: / { pkg = $2; sub(/^quietroom\//, "", pkg) }
/^Benchmark/ {
	name = $1; sub(/^Benchmark/, "", name); sub(/-[0-9]+$/, "", name)
	extra = ""
	for (i = 3; i < NF; i += 2) {
		unit = $(i + 1)
		if (unit == "ns/op") { per = human($i); continue }
		if (unit == "B/op") { if ($i > 0) extra = extra sprintf(", %.0f KiB/op", $i / 1024); continue }
		if (unit == "allocs/op") continue
		extra = extra sprintf(", %s %s", $i, unit)
	}
	sub(/^, /, "", extra)
	printf "  %-18s %-28s %12s   %s\n", pkg, name, per, extra
}
/^ +[^ ]+\.go:[0-9]+: goal: / {
	line = $0; sub(/^ +[^ ]+\.go:[0-9]+: goal: /, "", line)
	goals[++ngoals] = line
}
END {
	if (ngoals == 0) exit
	print ""; print "Goals"
	for (i = 1; i <= ngoals; i++) printf "  %s\n", goals[i]
}
