package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mattn/go-sqlite3"
)

// folder lists the names of the files in dir.
func folder(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, de := range des {
		out = append(out, de.Name())
	}
	return out
}

// rawSQLite runs stmts on a SQLite file directly, not through Open, to make files Open did not.
func rawSQLite(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db := sql.OpenDB(connector{drv: &sqlite3.SQLiteDriver{}, dsn: "file:" + path})
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// A database file that exists but holds nothing this program made (a corrupted SD card can
// leave it empty) is damaged: migrating it as new would start a set-up device as a new one.
func TestOpenRefusesAFileWeDidNotMake(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		make func(t *testing.T, path string)
		want string
	}{
		{"empty", func(t *testing.T, path string) {
			if err := os.WriteFile(path, nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}, "empty (0 bytes)"},
		{"no schema (cut short before the first migration)", func(t *testing.T, path string) {
			rawSQLite(t, path, "PRAGMA auto_vacuum = INCREMENTAL", "PRAGMA journal_mode = WAL")
		}, "no Quiet Room schema"},
		{"someone else's database", func(t *testing.T, path string) {
			rawSQLite(t, path, "CREATE TABLE other (x)", "INSERT INTO other VALUES (1)")
		}, "no Quiet Room schema"},
	} {
		for _, ro := range []bool{false, true} {
			name := tc.name
			if ro {
				name += ", read-only"
			}
			t.Run(name, func(t *testing.T) {
				dir := t.TempDir()
				path := filepath.Join(dir, FileName)
				tc.make(t, path)
				before := fileHash(t, path)
				files := folder(t, dir)
				d, err := Open(ctx, dir, Options{ReadOnly: ro})
				if err == nil {
					d.Close()
					t.Fatalf("Open(%s) = nil, want ErrCorrupt", tc.name)
				}
				if !errors.Is(err, ErrCorrupt) {
					t.Fatalf("Open(%s) = %v, want ErrCorrupt", tc.name, err)
				}
				for _, want := range []string{path, tc.want, "untouched", "backup", "admin"} {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("Open(%s) error %q does not say %q", tc.name, err, want)
					}
				}
				if fileHash(t, path) != before {
					t.Errorf("Open(%s) changed the file", tc.name)
				}
				if got := folder(t, dir); !slices.Equal(got, files) {
					t.Errorf("Open(%s) left the folder %v, want %v as it was", tc.name, got, files)
				}
			})
		}
	}
}

// A new database is built under another name and renamed into place whole, so that the name
// FileName only ever holds a database this program finished making.
func TestOpenCreatesTheDatabaseWhole(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	// What a power cut in the middle of an earlier creation leaves.
	for _, stale := range []string{FileName + ".new-123", FileName + ".new-123-journal"} {
		if err := os.WriteFile(filepath.Join(dir, stale), []byte("half made"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	d := openDB(t, dir, Options{})
	if got := d.SchemaVersion(); got != LatestSchemaVersion() {
		t.Errorf("SchemaVersion() = %d, want %d", got, LatestSchemaVersion())
	}
	d.Close()
	if got, want := folder(t, dir), []string{FileName}; !slices.Equal(got, want) {
		t.Errorf("after creating and closing, the folder holds %v, want %v", got, want)
	}
	fi, err := os.Stat(filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o600 {
		t.Errorf("database file mode = %o, want 600", perm)
	}
	d = openDB(t, dir, Options{ReadOnly: true})
	if got := d.SchemaVersion(); got != LatestSchemaVersion() {
		t.Errorf("read-only SchemaVersion() = %d, want %d", got, LatestSchemaVersion())
	}
	d.Close()
	// A power cut after the database was given its name, before its building name was removed.
	if err := os.Link(filepath.Join(dir, FileName), filepath.Join(dir, FileName+".new-456")); err != nil {
		t.Fatal(err)
	}
	openDB(t, dir, Options{}).Close()
	if got, want := folder(t, dir), []string{FileName}; !slices.Equal(got, want) {
		t.Errorf("after reopening, the folder holds %v, want %v", got, want)
	}
}

// A missing database whose journal is still beside it was there: a new one would be given
// the old journal's pages, and the device its old life as a new one.
func TestOpenRefusesAMissingDatabaseWithItsJournal(t *testing.T) {
	ctx := context.Background()
	for _, journal := range []string{"-wal", "-journal"} {
		t.Run(journal, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName+journal)
			if err := os.WriteFile(path, []byte("pages of a database that is gone"), 0o600); err != nil {
				t.Fatal(err)
			}
			d, err := Open(ctx, dir, Options{})
			if err == nil {
				d.Close()
				t.Fatal("Open(journal without its database) = nil, want ErrMissing")
			}
			if !errors.Is(err, ErrMissing) || !strings.Contains(err.Error(), path) {
				t.Errorf("Open(journal without its database) = %v, want ErrMissing naming %s", err, path)
			}
			if got, want := folder(t, dir), []string{FileName + journal}; !slices.Equal(got, want) {
				t.Errorf("folder = %v, want %v as it was", got, want)
			}
		})
	}
}

// A caller that knows the device was set up (its device key file exists) never gets a new
// database in place of a lost one.
func TestOpenMustExist(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(context.Background(), dir, Options{MustExist: true})
	if !errors.Is(err, ErrMissing) || !strings.Contains(err.Error(), filepath.Join(dir, FileName)) {
		t.Errorf("Open(missing, MustExist) = %v, want ErrMissing naming the file", err)
	}
	if got := folder(t, dir); len(got) != 0 {
		t.Errorf("Open(missing, MustExist) left %v in the folder, want nothing", got)
	}
	openDB(t, dir, Options{}).Close()
	openDB(t, dir, Options{MustExist: true})
}
