// Package quietlocale keeps the UI toolkit quiet about the C locale. Under systemd, in CI and
// on a fresh Debian machine LANG is often C.UTF-8; Fyne's translations, set up when its lang
// package is initialised, read that as a language called "C" and print "Fyne error: Error
// parsing user locale C" on every run of every command, before main has run. Importing this
// package for its side effect, from main, sets LANGUAGE=en where the locale names the C or
// POSIX locale and LANGUAGE is unset: the locale library Fyne uses then reads English, quietly,
// as the kiosk falls back to anyway. A C program ignores LANGUAGE in the C locale, so nothing
// else changes.
//
// It works only because Go initialises packages in the order of their import paths among
// those whose imports are ready: this package needs only os and strings, and its path sorts
// before text/template, which Fyne's lang package needs, so it runs first. The test in
// app/cmd/quietroom (TestCLIIsQuietInTheCLocale) checks that it still does.
package quietlocale

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		loc := os.Getenv(v)
		if loc == "" {
			continue
		}
		base, _, _ := strings.Cut(loc, ".")
		base, _, _ = strings.Cut(base, "@")
		if (base == "C" || base == "POSIX") && loc != base {
			os.Setenv("LANGUAGE", "en")
		}
		return
	}
}
