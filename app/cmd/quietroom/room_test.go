package main

import (
	"bytes"
	"testing"
)

// TestRunRoomFlag: --room names a development folder's room, and only with --dev.
func TestRunRoomFlag(t *testing.T) {
	dir := t.TempDir()
	c, err := parseRun([]string{"--dev", "--data", dir, "--room", "Room 2"}, &bytes.Buffer{})
	if err != nil || c.room != "Room 2" || c.assembly(nil, nil).DemoRoom != "Room 2" {
		t.Errorf("parseRun(--dev --room \"Room 2\") = room %q, %v", c.room, err)
	}
	if _, err := parseRun([]string{"--room", "Room 2"}, &bytes.Buffer{}); err == nil {
		t.Error("parseRun(--room without --dev) accepted it")
	}
}

// TestRunStickFlag: --stick names a folder that stands for the USB stick, with --dev only,
// and it must exist.
func TestRunStickFlag(t *testing.T) {
	dir, stick := t.TempDir(), t.TempDir()
	c, err := parseRun([]string{"--dev", "--data", dir, "--stick", stick}, &bytes.Buffer{})
	if err != nil || c.stick != stick || c.assembly(nil, nil).Stick != stick {
		t.Errorf("parseRun(--dev --stick %s) = stick %q, %v", stick, c.stick, err)
	}
	if _, err := parseRun([]string{"--stick", stick}, &bytes.Buffer{}); err == nil {
		t.Error("parseRun(--stick without --dev) accepted it")
	}
	if _, err := parseRun([]string{"--dev", "--data", dir, "--stick", dir + "/missing"}, &bytes.Buffer{}); err == nil {
		t.Error("parseRun(--stick missing folder) accepted it")
	}
}
