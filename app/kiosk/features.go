package kiosk

import (
	"io"
	"sync"

	"quietroom/app/kiosk/internal/access"
	"quietroom/app/vault"
)

// What the features (app/kiosk/panels, boards, surveys) read of the core: the signed-in
// interviewer's unlocked key and the kiosk's ports and services. Each asks for access.Pass,
// which only packages under app/kiosk can name (app/kiosk/internal/access): the screens
// cannot call them. Everything else a feature needs is an exported use case or helper beside
// what it is about (see doc.go).

// Kiosk is the kiosk the interviewer signed in to.
func (s *SignedIn) Kiosk(access.Token) *Kiosk { return s.k }

// Unlocked is the signed-in interviewer's unlocked key, for a feature to open what is sealed to
// them. Nil once signed out; a feature must not keep it.
func (s *SignedIn) Unlocked(access.Token) *vault.Interviewer { return s.in }

// Lobbies are what this kiosk last saw of its panels' submissions, by engagement id (the
// panels' lobby).
func (k *Kiosk) Lobbies(access.Token) *sync.Map { return &k.lobbies }

// BoardLocks hold each board's day-2 work still while one intent reads, changes and seals it (a
// *sync.Mutex by engagement id).
func (k *Kiosk) BoardLocks(access.Token) *sync.Map { return &k.boardLocks }

// Deps are the ports and services the kiosk was made with.
func (k *Kiosk) Deps(access.Token) Deps { return k.d }

// NewID is what makes fresh ids (Options.NewID).
func (k *Kiosk) NewID(access.Token) func() string { return k.newID }

// Rand is the kiosk's randomness (Options.Rand).
func (k *Kiosk) Rand(access.Token) io.Reader { return k.rand }

// ImportDirs are the folders USB sticks are mounted under (Options.ImportDirs).
func (k *Kiosk) ImportDirs(access.Token) []string { return k.imports }

// Forget drops the key SignOut locked: a feature that took over what the interviewer's key
// opened leaves this SignedIn used up, as starting a session does.
func (s *SignedIn) Forget(access.Token) { s.in = nil }
