package seal_test

import (
	"bytes"
	"regexp"
	"testing"

	"quietroom/app/seal"
)

func TestSigningKeys(t *testing.T) {
	secret := bytes.Repeat([]byte{1}, 32)
	room, err := seal.RoomSigningKey(secret)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := seal.RoomSigningKey(secret)
	if !bytes.Equal(room.Public(), again.Public()) {
		t.Fatal("a room's signing key is not the same from the same device secret")
	}
	other, _ := seal.RoomSigningKey(bytes.Repeat([]byte{2}, 32))
	if bytes.Equal(room.Public(), other.Public()) {
		t.Fatal("two device secrets give one room key")
	}
	if _, err := seal.RoomSigningKey([]byte("short")); err == nil {
		t.Fatal("RoomSigningKey(short secret) = nil error")
	}

	board, _ := seal.NewKey(seal.PurposeBoardKey, "eng-1")
	bk, err := board.SigningKey()
	if err != nil {
		t.Fatal(err)
	}
	bk2, _ := board.SigningKey()
	if !bytes.Equal(bk.Public(), bk2.Public()) || bytes.Equal(bk.Public(), room.Public()) {
		t.Fatal("a board's signing key is not derived from its key alone")
	}
	panel, _ := seal.NewKey(seal.PurposePanelKey, "eng-1")
	if _, err := panel.SigningKey(); err == nil {
		t.Fatal("a panel's key has a board's signing key")
	}

	msg := []byte("a board's public part")
	sig := bk.Sign(msg)
	switch {
	case !seal.Verify(seal.SignBoardPublic, bk.Public(), msg, sig):
		t.Fatal("signature does not verify")
	case seal.Verify(seal.SignRoomBundle, bk.Public(), msg, sig):
		t.Fatal("a board's signature verifies as a room's")
	case seal.Verify(seal.SignBoardPublic, room.Public(), msg, sig):
		t.Fatal("signature verifies under another key")
	case seal.Verify(seal.SignBoardPublic, bk.Public(), append(msg, '!'), sig):
		t.Fatal("signature verifies for another message")
	}
}

func TestShortCode(t *testing.T) {
	a := seal.ShortCode(seal.SignBoardPublic, []byte("key"), []byte("age1..."))
	if !regexp.MustCompile(`^\d{5} \d{5} \d{5} \d{5}$`).MatchString(a) {
		t.Fatalf("ShortCode = %q, want four groups of five digits", a)
	}
	for _, b := range []string{
		seal.ShortCode(seal.SignRoomBundle, []byte("key"), []byte("age1...")),
		seal.ShortCode(seal.SignBoardPublic, []byte("ke"), []byte("yage1...")),
		seal.ShortCode(seal.SignBoardPublic, []byte("key"), []byte("age1..!")),
	} {
		if b == a {
			t.Errorf("two inputs give the code %s", a)
		}
	}
}
