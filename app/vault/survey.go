package vault

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"

	"filippo.io/age"
)

// A survey's responses are written by a kiosk nobody signed in to, and read only by its review
// team. Each survey engagement has its own age X25519 key pair: the public key is stored in the
// clear and every response is sealed to it alone (SealSurveyResponse); the private key is
// sealed to each review-team member's own public key (NewSurveyKey) and then forgotten. A
// member opens it with their unlocked key (Interviewer.OpenSurveyKey), so reading results
// needs a member's PIN and the device secret. The admin credential derives nothing that opens
// a member's slot, so it opens no response. Deleting the sealed private keys crypto-erases
// every response.

const (
	surveyKeyVersion      = 1
	surveyResponseVersion = 1
	// maxSealedSurveyKey bounds what is read of a sealed survey key (an age header for one
	// recipient and an identity string are well under it); maxSealedResponse of a response.
	maxSealedSurveyKey = 4096
	maxSealedResponse  = 64 << 10
)

// ErrNoMembers means a survey key was asked for without anyone to seal it to.
var ErrNoMembers = errors.New("vault: a survey key needs at least one review-team member")

// NewSurveyKey makes the key pair of a survey engagement and returns its public key (age
// "age1...") and, for each member (interviewer id → their slot's public key), the private key
// sealed to that member. The private key is not kept.
func NewSurveyKey(engagementID string, members map[string]string) (string, map[string][]byte, error) {
	if len(members) == 0 {
		return "", nil, ErrNoMembers
	}
	if engagementID == "" {
		return "", nil, errors.New("new survey key: empty engagement id")
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return "", nil, fmt.Errorf("new survey key: %w", err)
	}
	sealed := make(map[string][]byte, len(members))
	for member, pub := range members {
		r, err := age.ParseX25519Recipient(pub)
		if err != nil {
			return "", nil, fmt.Errorf("new survey key: member %s: %w", member, err)
		}
		payload := appendField([]byte{surveyKeyVersion}, []byte(engagementID))
		payload = appendField(payload, []byte(member))
		payload = append(payload, id.String()...)
		b, err := ageSeal(r, payload)
		clear(payload)
		if err != nil {
			return "", nil, fmt.Errorf("new survey key: member %s: %w", member, err)
		}
		sealed[member] = b
	}
	return id.Recipient().String(), sealed, nil
}

// SealSurveyResponse seals one response of a survey engagement to the survey's public key.
// The sealed bytes name the engagement and the response, so they open nowhere else. Whoever
// seals cannot open: the kiosk writes responses it can never read back.
func SealSurveyResponse(publicKey, engagementID, responseID string, plaintext []byte) ([]byte, error) {
	r, err := age.ParseX25519Recipient(publicKey)
	if err != nil {
		return nil, fmt.Errorf("seal survey response: %w", err)
	}
	payload := appendField([]byte{surveyResponseVersion}, []byte(engagementID))
	payload = appendField(payload, []byte(responseID))
	payload = append(payload, plaintext...)
	defer clear(payload)
	b, err := ageSeal(r, payload)
	if err != nil {
		return nil, fmt.Errorf("seal survey response: %w", err)
	}
	return b, nil
}

func ageSeal(r age.Recipient, payload []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, r)
	if err == nil {
		_, err = w.Write(payload)
	}
	if err == nil {
		err = w.Close()
	}
	return buf.Bytes(), err
}

func ageOpen(id age.Identity, sealed []byte, most int) ([]byte, error) {
	if len(sealed) > most {
		return nil, ErrCannotOpen
	}
	r, err := age.Decrypt(bytes.NewReader(sealed), id)
	if err != nil {
		return nil, ErrCannotOpen
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(most)))
	if err != nil {
		clear(b)
		return nil, ErrCannotOpen
	}
	return b, nil
}

// SurveyReader is a survey engagement's private key, opened by a review-team member: it opens
// that engagement's responses until Destroy.
type SurveyReader struct {
	mu           sync.Mutex
	engagementID string
	id           *age.X25519Identity // nil once destroyed
}

// OpenSurveyKey opens the survey key NewSurveyKey sealed to this interviewer for the
// engagement. A key sealed to someone else, for another engagement, or tampered with gives
// ErrCannotOpen.
func (in *Interviewer) OpenSurveyKey(engagementID string, sealed []byte) (*SurveyReader, error) {
	me, err := in.current()
	if err != nil {
		return nil, fmt.Errorf("open survey key %s: %w", engagementID, err)
	}
	payload, err := ageOpen(me, sealed, maxSealedSurveyKey)
	if err != nil {
		return nil, fmt.Errorf("open survey key %s: %w", engagementID, err)
	}
	defer clear(payload)
	want := appendField([]byte{surveyKeyVersion}, []byte(engagementID))
	want = appendField(want, []byte(in.id))
	if !bytes.HasPrefix(payload, want) {
		return nil, fmt.Errorf("open survey key %s: %w", engagementID, ErrCannotOpen)
	}
	id, err := age.ParseX25519Identity(string(payload[len(want):]))
	if err != nil {
		return nil, fmt.Errorf("open survey key %s: %w", engagementID, ErrCannotOpen)
	}
	return &SurveyReader{engagementID: engagementID, id: id}, nil
}

// Open returns the plaintext of one response SealSurveyResponse sealed for this engagement
// and responseID; anything else gives ErrCannotOpen, a destroyed reader ErrKeyDestroyed.
func (s *SurveyReader) Open(responseID string, sealed []byte) ([]byte, error) {
	s.mu.Lock()
	id := s.id
	s.mu.Unlock()
	if id == nil {
		return nil, fmt.Errorf("open survey response: %w", ErrKeyDestroyed)
	}
	payload, err := ageOpen(id, sealed, maxSealedResponse)
	if err != nil {
		return nil, fmt.Errorf("open survey response: %w", err)
	}
	want := appendField([]byte{surveyResponseVersion}, []byte(s.engagementID))
	want = appendField(want, []byte(responseID))
	if !bytes.HasPrefix(payload, want) {
		clear(payload)
		return nil, fmt.Errorf("open survey response: %w", ErrCannotOpen)
	}
	return payload[len(want):], nil
}

// Destroy forgets the survey's private key (dropping the reference; see the residual risks).
// Calling it twice is harmless.
func (s *SurveyReader) Destroy() {
	s.mu.Lock()
	s.id = nil
	s.mu.Unlock()
}
