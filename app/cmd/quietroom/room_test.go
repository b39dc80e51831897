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
