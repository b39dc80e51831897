// Package seal is Quiet Room's one implementation of sealing things to people and groups with
// age: a group's key sealed to each member, records sealed to a group, a session's data key
// sealed to its interviewer, the key and MAC that authenticate a board's bundles, and the
// pseudonym an interview goes by on a board. The features (app/board, app/vault for panels,
// surveys and sessions, app/kiosk) call it; none of them seals with age itself.
//
// It imports no package of the module: not the session engine, the vault, the store or any
// feature (board, panel, survey), so any of them may use it. Only the standard library,
// filippo.io/age and its dependencies. The domain rules (app/session, app/panel, app/survey)
// must not import it: they know no keys, and app/deps checks it.
//
// # Every sealed thing says what it is for
//
// Each call takes a Purpose: PurposeBoardKey, PurposePanelKey, PurposeSurveyKey and
// PurposeSessionKey for keys; PurposeBoardItem, PurposeBoardInterview, PurposeBoardWork,
// PurposeBoardBundle, PurposePanelRecord and PurposeSurveyResponse for records. The purpose's
// label is written inside the age plaintext, ahead of the engagement (or session) id and the
// record id, each length-prefixed:
//
//	age( 0x02 | label | engagement | record id | key or record )
//
// age authenticates its plaintext, so the label can't be changed without the key that
// opens it, and opening checks all three against what the caller asked for. A key sealed
// for a board does not open as a panel's or a survey's, nor the reverse; a survey response
// does not open as a panel's record, nor with a panel's key; a record moved to another row
// or engagement does not open. Sealed for another purpose gives an error matching
// ErrWrongPurpose and ErrCannotOpen; anything else that does not match gives ErrCannotOpen.
// Record purposes belong to one key purpose (Purpose.KeyPurpose), and Key.Open refuses the
// others before decrypting.
//
// The bundle authentication key carries its purpose in its derivation instead: HKDF-SHA256
// of the board's private key under the label "quietroom board bundle auth v1:" and the
// engagement id (Key.BundleAuthKey; only a board key has one). MAC and VerifyMAC are
// HMAC-SHA256 under it.
//
// # Signatures and short codes
//
// A SigningKey is Ed25519 for one SignPurpose: SignBoardPublic (a board's public part; the key is
// HKDF-SHA256 of the board's private key, Key.SigningKey) or SignRoomBundle (a room's bundles;
// HKDF-SHA256 of the kiosk's device secret, RoomSigningKey). Neither is stored. The purpose's
// label is signed ahead of the message, so a signature for one never verifies as the other.
// ShortCode is what people compare on two screens before trusting a key that came on a stick:
// 20 digits, enough that someone who saw the real code cannot make a key with the same code
// offline (ShortCode's comment gives the numbers).
//
// # A typical group
//
//	k, _ := seal.NewKey(seal.PurposePanelKey, engagementID)
//	pub, _ := k.Recipient()                        // kept in the clear
//	sealedForAlice, _ := k.SealFor(alicePublicKey) // one per member, kept
//	k.Destroy()
//
//	rec, _ := seal.SealRecord(pub, seal.PurposePanelRecord, engagementID, "decision", body)
//
//	k, _ = seal.OpenKey(seal.PurposePanelKey, engagementID, aliceIdentity, sealedForAlice)
//	body, _ = k.Open(seal.PurposePanelRecord, "decision", rec)
//
// # Versions
//
// Version 2 (above) is what is sealed now. Version 1, written before purposes were labelled,
// still opens, but only for the purposes that wrote it (legacy.go says which, and what it
// does not keep apart): engagements and sessions begun before keep working until their
// deletion date. The caller's purpose comes from what it knows of the engagement or session,
// never from the sealed bytes. The bundle authentication label and the pseudonym were
// labelled from the start and are unchanged.
//
// # Sizes
//
// Each purpose has a largest plaintext: 4 KiB for keys, 64 KiB for a board's records, 32 MiB
// for a bundle, 1 MiB for a panel's record or a survey response. Sealing refuses more
// (ErrTooLarge); opening refuses longer sealed bytes before decrypting and reads no more.
//
// # What it does not give
//
// age does not say who sealed: anyone with a group's public key can seal a record to it, and
// anyone with a member's public key can seal a key to them. The labels stop bytes made for one
// purpose being used for another; they do not stop someone who can write the store putting
// in bytes of their own making. Destroy drops the private key, but Go can't promise the
// memory is wiped.
package seal
