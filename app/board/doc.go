// Package board is a peer challenge team's secure board: the roses, thorns and buds the team
// members contribute from their own interviews on the evening of day 1, the themes and insight
// statements they build from them on day 2, and the presentation that is the review's only
// report. It also owns the board's keys and the two files that travel between rooms on a USB
// stick: the board's public part and a contributing kiosk's bundle.
//
// It is pure Go: no cgo, SQL, Fyne or periph. The kiosk (app/kiosk) calls it and stores what
// it seals; the screens use its types to render what the kiosk returns. It must not import
// the session engine, the store, the vault or the UI.
//
// # What an item is
//
// An Item is its text, its tag (rose, thorn, bud) and its kind (a key quote, a note, the team's
// own post-it) under a random id, and nothing else: no author, session, stakeholder group or
// time, because there is no field to hold them. Only a key quote is pinned to an insight or
// printed in quotation marks (Work.PinQuote, Present); an item sealed before
// items had a kind is a note. Items
// are stored and shown in no order that follows their arrival (random ids, shuffled bundles,
// a shuffled first view). Before an item joins, NameCheck points out words that look like
// names of people or places (capitalised words not at a sentence's start, common first
// names, the engagement's own terms, words that read as places) and Replace puts "[name]" or
// "[place]" in their place where the member agrees; a first name and a surname are one "[name]". An Interview record keeps only a stakeholder group, a question set and how
// many people took part (a small-group interview counts each), for
// the presentation's "who was interviewed" and "methodology"; it is linked to no item.
//
// # The keys
//
//	member's age key (vault, PIN + device secret) ── age ─→ board key (X25519)   per member
//	board public key ── age ─→ each item, interview record and the day-2 work     (write-only)
//	board private key ── HKDF ─→ bundle authentication key (in the public part)
//
// Each board has its own age X25519 key pair (NewKey), made and sealed by app/seal, the one
// implementation of sealing, for its purpose (seal.PurposeBoardKey). The private key is sealed
// to each team member's own age public key (Key.SealFor), binding that purpose and the
// engagement id, so it does not open as a panel's or a survey's key, nor theirs as a board's;
// a member opens it with their unlocked identity (OpenKey). A member added later is let in by an existing member,
// whose opened key seals it to the newcomer: nobody else can, the admin included, since the
// admin has no age key and the board key is sealed to members only.
//
// Contributions are written with a Writer, which holds the board's public key only: the
// kiosk seals a contribution and can no longer read it, nor anything else on the board,
// without a member's PIN (the sessions' write-only property, one level up). Each sealed
// record binds its purpose (a board's item, interview or work), the engagement id and the
// record id, so a record moved to another row, kind or board, or a panel's or survey's record,
// does not open. Boards sealed before purposes were labelled still open (app/seal's doc says
// how).
//
// # Across rooms: the public part and the bundle
//
// The board's kiosk exports the Public part: the engagement id (a random id, not its title),
// the board's public key, the bundle authentication key, the deletion date and the board's
// verifying key (Ed25519, derived from the board key by app/seal, so nothing more is stored),
// as canonical JSON signed by the board. ParsePublic refuses it whole if anything changed (any
// bit: ErrTampered or ErrMalformed), if it is not in its one encoding (a repeated or unknown key,
// trailing bytes), if a text breaks app/yamlfile's rules, or if the deletion date is before 2020
// or more than MaxDeletionAhead ahead. Its Code (seal.ShortCode of the verifying key and the
// public key: 20 digits, seal says why that many) is what the member in the other room compares
// with the code the board's kiosk shows before linking: a file made by someone else under the
// board's name has another code.
//
// Another room's kiosk seals its members' contributions with it and exports them as one bundle
// (SealBundle): the records shuffled, with the engagement id, the board id, a random bundle id,
// the room's name and its verifying key (seal.RoomSigningKey, from the kiosk's device secret),
// signed by that key, all age-encrypted to the board's key, then authenticated with
// HMAC-SHA256 under the authentication key. Key.OpenBundle checks the board id, the MAC, the
// room's signature, the inner engagement and board ids, the counts (MaxBundleItems,
// MaxBundleInterviews) and every text (a *ContentError says what and where), and opens every
// record before it returns: a bundle is taken whole or not at all. The kiosk pins a room's key
// at the first bundle a member accepts, after comparing the room's code (RoomCode), refuses a
// later bundle naming that room under another key (ErrRoomKeyChanged), and counts nothing of a
// bundle until a member accepts what it brings. Files of version 1 (unsigned) are ErrOldFormat.
//
// What each file gives the person who finds it:
//
//   - The public part: a random engagement id, a public key, a verifying key, a date and the
//     authentication key. No content, no title, no names. With it they could make a bundle
//     (below).
//   - A bundle: its board id and length. The rest is age ciphertext only the board key opens.
//
// What a forged or changed file can do:
//
//   - A changed public part, or one of the carrier's making: refused, or shows another code
//     than the board's kiosk, so the member does not link it.
//   - A bundle changed on the way or made without the public part: refused with ErrTampered.
//   - For another engagement's board: refused with ErrOtherBoard.
//   - Made by someone holding the public part (the stick carrier): under a room's name whose
//     key is pinned, refused; under a new name, it shows its items, interviews by group and
//     question sets and a code no room's kiosk shows, and counts only if a member accepts it.
//     It cannot read the board or any other contribution, change or remove an item already
//     there, change the board's deletion date (the board keeps its own), or replay a bundle.
//
// What a stolen card gives: the sealed board keys, sealed records and sealed work, which
// open only with a member's PIN and the device secret (see app/vault); on a contributing
// kiosk, its public part, so the same power as the stick, but not its room's signing key,
// which comes from the device secret. What the curious admin
// gets: the number of records and members and the member ids, never their content; the admin
// credential opens no board key.
//
// # Day 2
//
// Work holds the aim of the review, the themes (named groups of items), and insights above
// each theme with a description and one or two pinned quotes (MaxQuotes). SoWhat are the five
// prompts; InsightAim says whether the count meets the handbook's 4-6. Present builds the
// presentation in the handbook's order; stakeholder groups with fewer than SmallGroup (3)
// people are counted together and said to be: the floor is the board's, and no caller (the
// kiosk, a screen) can ask for a lower one.
package board
