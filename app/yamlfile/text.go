package yamlfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits every file keeps to, whoever owns it. They are far above what a person writes: they
// turn a wrong file, a paste gone astray or a deliberately outsize file into one clear problem
// rather than minutes of work and pages of messages.
const (
	// MaxFileSize is the largest file read, in bytes. The largest built-in pack is under 10 kB.
	MaxFileSize = 1 << 20
	// MaxFieldName is the longest field name, in characters; the longest real one is about 20.
	MaxFieldName = 64
	// MaxProblems is the most problems reported for one file. Past it, one last line says how
	// many more there are: a person fixes a file a few problems at a time, and a screenful of
	// repeats would hide the first ones.
	MaxProblems = 50
)

// ErrFolder is what ReadFile returns for a folder.
var ErrFolder = errors.New("is a folder, not a file")

// ReadFile reads the file at path for [Reader.Root]. It reads at most MaxFileSize+1 bytes, enough
// for Root to refuse an outsize file without the whole of it being read into memory. A folder
// is ErrFolder; other errors are those of os.Open and Read.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return nil, fmt.Errorf("%s %w", path, ErrFolder)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	return data, nil
}

// Text is the rule for one value written by hand: how long it may be and whether it may run
// over several lines.
type Text struct {
	Max   int  // the most characters (not bytes) it may hold
	Lines bool // line breaks and tabs are allowed, as in a paragraph
}

// Text records a problem at line for field and returns false when s breaks rule. Whatever the
// rule, s may not hold a control character (Unicode category Cc) other than a line break or a
// tab, nor a text-direction control (U+202A to U+202E, U+2066 to U+2069): they are invisible on
// the screen, and can make the text show differently from what it says, in the kiosk or in a
// terminal.
func (r *Reader) Text(line int, field, s string, rule Text) bool {
	if msg := textProblem(s, rule); msg != "" {
		r.Add(line, field, "%s", msg)
		return false
	}
	return true
}

// textProblem says what is wrong with s under rule, or "" when nothing is.
func textProblem(s string, rule Text) string {
	for _, c := range s {
		switch {
		case (c == '\n' || c == '\t') && rule.Lines:
		case c == '\n':
			return "holds a line break; write it on one line"
		case c == '\t':
			return "holds a tab; write a space instead"
		case unicode.Is(unicode.Cc, c):
			return fmt.Sprintf("holds the invisible control character %U; delete it (in a quoted value it is written as a backslash escape such as \\e, \\x1b or \\u001b)", c)
		case isBidi(c):
			return fmt.Sprintf("holds the invisible text-direction control %U, which can make text show in a different order from how it is stored; delete it", c)
		}
	}
	if n := utf8.RuneCountInString(s); rule.Max > 0 && n > rule.Max {
		return fmt.Sprintf("is %d characters long, more than the %d allowed; shorten it", n, rule.Max)
	}
	return ""
}

// isBidi reports whether c is an embedding, override or isolate control: the characters that
// reorder the text around them (the "Trojan Source" characters). The marks U+200E and U+200F,
// which right-to-left text needs, are not among them.
func isBidi(c rune) bool { return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 }

// checkBytes records what makes data something other than UTF-8 text Root may parse: too many
// bytes, UTF-16, invalid UTF-8, a NUL byte, control characters other than tab and line ends,
// and text-direction controls, even in comments. The YAML library reports the first three on
// line 1 and lets the last through; this names the true line and column. It reports the first
// invalid byte only (the whole file is in the wrong encoding) and one character a line.
func (r *Reader) checkBytes(data []byte) bool {
	if len(data) > MaxFileSize {
		r.Add(1, "", "the file is larger than %d MB, far larger than any file of this kind; check that this is the right file", MaxFileSize>>20)
		return false
	}
	const saveUTF8 = "save it as UTF-8 (in most editors: Save As, then choose the encoding UTF-8)"
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		r.Add(1, "", "the file is saved as UTF-16; %s", saveUTF8)
		return false
	}
	ok := true
	line, col, reported := 1, 0, 0
	for i := 0; i < len(data); {
		c, size := utf8.DecodeRune(data[i:])
		col++
		switch {
		case c == utf8.RuneError && size == 1:
			r.Add(line, "", "the file is not valid UTF-8 text (byte 0x%02x at column %d); %s", data[i], col, saveUTF8)
			return false
		case c == '\n' || c == '\r' && (i+1 == len(data) || data[i+1] != '\n') || c == '\u2028' || c == '\u2029':
			// The line ends YAML counts, so that lines here are the lines of its messages.
			line, col = line+1, 0
		case c == '\t' || c == '\r' || reported == line:
		case c == 0:
			r.Add(line, "", "holds a NUL byte (column %d), so it is not a text file; check that this is the right file, or save it again as UTF-8 text", col)
			ok, reported = false, line
		case unicode.Is(unicode.Cc, c):
			r.Add(line, "", "holds the invisible control character %U (column %d); delete it (an editor that shows invisible characters helps)", c, col)
			ok, reported = false, line
		case isBidi(c):
			r.Add(line, "", "holds the invisible text-direction control %U (column %d), which can make text show in a different order from how it is stored; delete it", c, col)
			ok, reported = false, line
		}
		i += size
	}
	return ok
}

// Escape writes the characters of s that a terminal would act on or hide (control characters,
// text-direction controls and invalid bytes) as Go escapes such as \x1b and \u202e, so that
// what shows is what is in the file and cannot restyle or reorder the terminal. With keepLines,
// line breaks and tabs stay as they are, for text shown as paragraphs.
func Escape(s string, keepLines bool) string {
	unsafe := func(c rune) bool {
		if keepLines && (c == '\n' || c == '\t') {
			return false
		}
		return c == utf8.RuneError || unicode.Is(unicode.Cc, c) || isBidi(c)
	}
	if !strings.ContainsFunc(s, unsafe) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafe(c):
			q := strconv.QuoteRune(c)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(c)
		}
		i += size
	}
	return b.String()
}

// TextProblem says what is wrong with s under rule, or "" when nothing is: the rule of Text,
// for values that come from elsewhere than a file read with a Reader (a board's file, a
// bundle). Text that is not UTF-8 is a problem too.
func TextProblem(s string, rule Text) string {
	if !utf8.ValidString(s) {
		return "is not valid UTF-8 text"
	}
	return textProblem(s, rule)
}
