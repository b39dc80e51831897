package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Remnants implements retention.Storage: it reads every byte of the database file and its WAL
// and shm files and counts how many of markers occur anywhere in them. It is the check after a
// deletion: the sealed keys (and ciphertexts) of destroyed sessions must be nowhere in the files.
func (d *DB) Remnants(ctx context.Context, markers [][]byte) (int, int64, error) {
	return ScanPaths(ctx, []string{d.path, d.path + "-wal", d.path + "-shm"}, markers)
}

// ScanPaths is Remnants over any files; missing files count as empty.
func ScanPaths(ctx context.Context, paths []string, needles [][]byte) (int, int64, error) {
	m := newMatcher(needles)
	var scanned int64
	for _, p := range paths {
		n, err := m.scanFile(ctx, p)
		scanned += n
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return 0, scanned, fmt.Errorf("scan %s: %w", p, err)
		}
	}
	return m.count(), scanned, nil
}

// matcher finds many needles in one pass. Needles of 8 bytes or more are looked up by their
// first 8 bytes, behind a filter on their first 2, so a pass costs little more than reading;
// shorter needles are searched one by one.
type matcher struct {
	filter  [1 << 16 / 8]byte
	byHead  map[uint64][]int
	short   []int
	needles [][]byte
	found   []bool
	maxLen  int
}

func newMatcher(needles [][]byte) *matcher {
	m := &matcher{byHead: map[uint64][]int{}, needles: needles, found: make([]bool, len(needles))}
	for i, n := range needles {
		if len(n) == 0 {
			continue
		}
		m.maxLen = max(m.maxLen, len(n))
		if len(n) < 8 {
			m.short = append(m.short, i)
			continue
		}
		h := binary.LittleEndian.Uint16(n)
		m.filter[h/8] |= 1 << (h % 8)
		k := binary.LittleEndian.Uint64(n)
		m.byHead[k] = append(m.byHead[k], i)
	}
	return m
}

func (m *matcher) count() int {
	n := 0
	for _, f := range m.found {
		if f {
			n++
		}
	}
	return n
}

const scanChunk = 1 << 20

// scanFile reads the file in chunks, each overlapping the last by maxLen-1 bytes so that no
// occurrence is split unseen.
func (m *matcher) scanFile(ctx context.Context, path string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	keep := max(m.maxLen-1, 0)
	buf := make([]byte, 0, scanChunk+keep)
	var total int64
	for {
		if err := ctx.Err(); err != nil {
			return total, err
		}
		start := len(buf)
		buf = buf[:start+scanChunk]
		n, err := io.ReadFull(f, buf[start:])
		buf = buf[:start+n]
		total += int64(n)
		m.scan(buf)
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
		if len(buf) > keep {
			buf = append(buf[:0], buf[len(buf)-keep:]...)
		}
	}
}

func (m *matcher) scan(b []byte) {
	for _, i := range m.short {
		if !m.found[i] && bytes.Contains(b, m.needles[i]) {
			m.found[i] = true
		}
	}
	if len(m.byHead) == 0 {
		return
	}
	for p := 0; p+8 <= len(b); p++ {
		h := uint16(b[p]) | uint16(b[p+1])<<8
		if m.filter[h/8]&(1<<(h%8)) == 0 {
			continue
		}
		for _, i := range m.byHead[binary.LittleEndian.Uint64(b[p:])] {
			if !m.found[i] && bytes.HasPrefix(b[p:], m.needles[i]) {
				m.found[i] = true
			}
		}
	}
}
