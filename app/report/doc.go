// Package report writes the few documents that may leave a Quiet Room kiosk (a survey's
// results, a peer challenge's presentation, a panel's record) as PDF, in memory.
//
// A Document is a simple flowing A4 page: a title, headings, paragraphs, bullets, quotes, tables
// and drawn figures (Document.Figure gives a Canvas for charts), broken onto new pages as
// needed. It embeds the typeface it is given (the kiosk's own, Noto Sans, from app/report/fynefont),
// so the file reads the same on any computer. It writes no creation date, author or producer
// time: nothing in the file says when or on which kiosk it was made, beyond what its text says.
//
// Bytes gives the finished file; WriteFile puts it on a stick under a temporary name and renames
// it only once every byte is written and synced, so a stick that fills up or is pulled out
// leaves no file that looks complete. WriteFiles does the same for the files of one export
// together: all of them or none (a failure removes those written so far, and the error says
// what, if anything, is left). Partial files a killed export left are removed at the start of
// the next export to the stick and by RemovePartials, which the kiosk calls whenever it lists
// its sticks. Encryption (a panel's password) is the caller's step
// between Bytes and WriteFile: nothing here writes a document to disk before that.
//
// The PDF itself is made by github.com/signintech/gopdf (MIT), which subsets and embeds
// TrueType fonts.
package report
