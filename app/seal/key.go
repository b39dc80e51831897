package seal

import (
	"fmt"
	"sync"

	"filippo.io/age"
)

// Key is a group's key pair (a board's, a panel's, a survey's): an age X25519 key pair of its
// own, made for one purpose and one engagement (its scope). Its private key is sealed to each
// member's own age public key (SealFor) and opened with a member's identity (OpenKey); records
// are sealed to its public key (SealRecord), which needs no private key, and opened with the
// key (Open) only for the record purposes that belong to its purpose.
type Key struct {
	mu      sync.Mutex
	purpose Purpose
	scope   string
	id      *age.X25519Identity // nil once destroyed
}

// NewKey makes a new key pair for a group key purpose and an engagement.
func NewKey(p Purpose, scope string) (*Key, error) {
	if _, err := p.want(groupKey); err != nil {
		return nil, fmt.Errorf("new key: %w", err)
	}
	if err := checkIDs(scope, ""); err != nil {
		return nil, fmt.Errorf("new %s: %w", p, err)
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, fmt.Errorf("new %s: %w", p, err)
	}
	return &Key{purpose: p, scope: scope, id: id}, nil
}

// OpenKey opens a key SealFor sealed to a member, with the member's identity, for the purpose
// and engagement the caller knows it by. A key sealed for another purpose gives an error
// matching ErrWrongPurpose (and ErrCannotOpen); one sealed to someone else, for another
// engagement, or changed gives ErrCannotOpen.
func OpenKey(p Purpose, scope string, member age.Identity, sealed []byte) (*Key, error) {
	i, err := p.want(groupKey)
	if err != nil {
		return nil, fmt.Errorf("open key: %w", err)
	}
	body, free, err := openPayload(member, p, i, scope, "", sealed)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", p, err)
	}
	defer clear(free)
	id, err := age.ParseX25519Identity(string(body))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", p, ErrCannotOpen)
	}
	return &Key{purpose: p, scope: scope, id: id}, nil
}

func (k *Key) current() (*age.X25519Identity, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.id == nil {
		return nil, ErrDestroyed
	}
	return k.id, nil
}

// Purpose returns what the key is for.
func (k *Key) Purpose() Purpose { return k.purpose }

// Scope returns the engagement the key belongs to.
func (k *Key) Scope() string { return k.scope }

// Recipient returns the key's public key ("age1..."), kept in the clear to seal records to.
func (k *Key) Recipient() (string, error) {
	id, err := k.current()
	if err != nil {
		return "", err
	}
	return id.Recipient().String(), nil
}

// SealFor seals the private key to a member's age public key, labelled with the key's purpose
// and engagement.
func (k *Key) SealFor(memberRecipient string) ([]byte, error) {
	id, err := k.current()
	if err != nil {
		return nil, err
	}
	r, err := parseRecipient(memberRecipient)
	if err != nil {
		return nil, fmt.Errorf("seal %s: member: %w", k.purpose, err)
	}
	priv := []byte(id.String())
	defer clear(priv)
	i, _ := k.purpose.info()
	return sealPayload(r, i, k.scope, "", priv)
}

// Open opens a record SealRecord sealed to this key's public key for purpose p, this key's
// engagement and recordID. A record purpose that does not belong to the key's purpose, or a
// record sealed for another purpose, gives an error matching ErrWrongPurpose; anything else
// that does not match gives ErrCannotOpen. The caller may clear the returned bytes.
func (k *Key) Open(p Purpose, recordID string, sealed []byte) ([]byte, error) {
	i, err := p.want(record)
	if err != nil || i.owner != k.purpose {
		return nil, fmt.Errorf("open %s with a %s: %w", p, k.purpose, errWrongPurpose)
	}
	id, err := k.current()
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", p, err)
	}
	body, _, err := openPayload(id, p, i, k.scope, recordID, sealed)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", p, err)
	}
	return body, nil
}

// Destroy forgets the private key; later calls fail with ErrDestroyed. Go can't promise the
// memory is wiped: age keeps the scalar in unexported fields, and this only drops them.
func (k *Key) Destroy() {
	k.mu.Lock()
	k.id = nil
	k.mu.Unlock()
}

// SealRecord seals body to a group's public key for a record purpose, an engagement and a
// record id. It needs no private key: whoever writes a record can't read the group's others.
func SealRecord(recipient string, p Purpose, scope, recordID string, body []byte) ([]byte, error) {
	i, err := p.want(record)
	if err != nil {
		return nil, fmt.Errorf("seal record: %w", err)
	}
	if err := checkIDs(scope, recordID); err != nil {
		return nil, fmt.Errorf("seal %s: %w", p, err)
	}
	r, err := parseRecipient(recipient)
	if err != nil {
		return nil, fmt.Errorf("seal %s: %w", p, err)
	}
	return sealPayload(r, i, scope, recordID, body)
}

// SealSecret seals a secret (a session's data key) to its owner's age public key for a
// secret purpose (PurposeSessionKey) and scope (the session id).
func SealSecret(recipient string, p Purpose, scope string, secret []byte) ([]byte, error) {
	i, err := p.want(secretFamily)
	if err != nil {
		return nil, fmt.Errorf("seal secret: %w", err)
	}
	if err := checkIDs(scope, ""); err != nil {
		return nil, fmt.Errorf("seal %s: %w", p, err)
	}
	r, err := parseRecipient(recipient)
	if err != nil {
		return nil, fmt.Errorf("seal %s: %w", p, err)
	}
	return sealPayload(r, i, scope, "", secret)
}

// OpenSecret opens what SealSecret sealed, with the owner's identity, for the same purpose and
// scope. The returned secret is the caller's to clear.
func OpenSecret(id age.Identity, p Purpose, scope string, sealed []byte) ([]byte, error) {
	i, err := p.want(secretFamily)
	if err != nil {
		return nil, fmt.Errorf("open secret: %w", err)
	}
	body, free, err := openPayload(id, p, i, scope, "", sealed)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", p, err)
	}
	defer clear(free)
	return append([]byte(nil), body...), nil
}
