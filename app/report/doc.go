// Package report writes the few documents that may leave a Quiet Room kiosk (a survey's
// results, a peer challenge's presentation, a panel's record) as PDF, in memory.
//
// A Document is a simple flowing A4 page: a title, headings, paragraphs, bullets, quotes, tables
// and drawn figures (Document.Figure gives a Canvas for charts and a signature's strokes),
// broken onto new pages as needed; NumberPages puts "Page n of N" at the foot of each page
// (a document that does not ask has no numbers). It embeds the typeface it is given (the kiosk's own, Noto Sans, from app/report/fynefont),
// so the file reads the same on any computer. It writes no creation date, author or producer
// time: nothing in the file says when or on which kiosk it was made, beyond what its text says.
//
// Slides is the other kind of document: one fixed page a slide, 16:9 (Widescreen), on which
// the caller places each line (a peer challenge's slides, laid out by app/board); a line too
// wide for its box is set smaller, never cut. It embeds the same typeface and writes no date.
//
// Bytes gives the finished file, in memory: app/stick writes it to a USB stick whole or not
// at all. Encryption (a panel's password) is the caller's step between Bytes and the stick.
//
// The PDF itself is made by github.com/signintech/gopdf (MIT), which subsets and embeds
// TrueType fonts.
package report
