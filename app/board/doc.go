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
// An Item is its text and its tag (rose, thorn, bud) under a random id, and nothing else: no
// author, session, stakeholder group or time, because there is no field to hold them. Items
// are stored and shown in no order that follows their arrival (random ids, shuffled bundles,
// a shuffled first view). Before an item joins, NameCheck points out words that look like
// names of people or places (capitalised words not at a sentence's start, common first
// names, the engagement's own terms) and Replace puts "[name]" in their place where the
// member agrees. An Interview record keeps only a stakeholder group and a question set, for
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
// the board's public key, the bundle authentication key and the deletion date. Another room's
// kiosk imports it, its members seal their contributions with it (and can't read them after),
// and it exports them as one bundle (SealBundle): the records shuffled, with the engagement
// id, the board id, a random bundle id, the source kiosk's name and the deletion date, all
// age-encrypted to the board's key, then authenticated with HMAC-SHA256 under the
// authentication key. Key.OpenBundle checks the board id, the MAC, the inner engagement and
// board ids, and opens every record before it returns: a bundle is taken whole or not at all.
// The kiosk ignores a bundle id it has seen and record ids it holds already.
//
// What each file gives the person who finds it:
//
//   - The public part: a random engagement id, a public key, a date and the authentication
//     key. No content, no title, no names. With it they could forge a bundle (below).
//   - A bundle: its board id and length. The rest is age ciphertext only the board key opens.
//
// What a forged or changed bundle can do:
//
//   - Changed on the way (any bit, cut, extended) or made by anyone without the public part:
//     refused with ErrTampered, nothing imported.
//   - For another engagement's board: refused with ErrOtherBoard.
//   - Made by someone holding the public part (the stick on its way out, or the storage of a
//     contributing kiosk): it opens, and its items join the board as contributions. That is
//     all it can do: it cannot read the board or any other contribution, change or remove an
//     item already there, change the board's deletion date (the board keeps its own), or
//     replay a bundle (its id is remembered). The team sees every item before it is used, and
//     the import receipt says how many arrived from which kiosk. We chose this over a key per
//     contributing kiosk because such a key would have to be announced over the same stick,
//     which gives the finder the same power.
//
// What a stolen card gives: the sealed board keys, sealed records and sealed work, which
// open only with a member's PIN and the device secret (see app/vault); on a contributing
// kiosk, its public part, so the same forging power as the stick. What the curious admin
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
