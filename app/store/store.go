package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"

	"quietroom/app/session"
)

// FileName is the database's name inside the data folder.
const FileName = "quietroom.db"

// Sentinel errors callers branch on. Their messages are written for the person at the device.
var (
	// ErrFull: the disk (or the database's size limit) is full. The write was refused and
	// nothing already saved was lost.
	ErrFull = fmt.Errorf("%w: nothing already saved is lost, but this change was not saved; free space on the device (or ask IT to) and try again", session.ErrStorageFull)
	// ErrCorrupt: the database is damaged (it failed its integrity check, or is not a database
	// this program made) and was left untouched.
	ErrCorrupt = errors.New("the database is damaged")
	// ErrNewerSchema: the database was written by a newer program; downgrade refused.
	ErrNewerSchema = errors.New("the database was written by a newer version of Quiet Room: downgrade refused; install that version (or newer) again")
	// ErrMissing: the database file is not there, but the device has been set up (its journal
	// is beside it, or the caller knows). Nothing was created.
	ErrMissing = errors.New("the database file is missing")
)

// Options tune Open. The zero value is the production setting.
type Options struct {
	// BusyTimeout is how long a statement waits for a lock. Default 10s.
	BusyTimeout time.Duration
	// MaxPageCount, when > 0, caps the database's size in pages on every connection (tests use
	// it to simulate a full disk).
	MaxPageCount int
	// ReadOnly opens without migrating or writing (for `quietroom status`). The schema must be
	// current.
	ReadOnly bool
	// MustExist: the caller knows the device has been set up (its device key file exists), so
	// a missing database is [ErrMissing], never a new one.
	MustExist bool
}

// DB is the Quiet Room database.
type DB struct {
	db   *sql.DB
	dir  string
	path string
	ro   bool

	mu      sync.Mutex // guards version, integrity
	version int
	check   string
}

// Open opens the database in the data folder dir, checks it, and migrates it to the current
// schema. Unless read-only, it creates the database when, and only when, no file of that name
// exists (see create); a file that exists is never taken for a new database.
func Open(ctx context.Context, dir string, opts Options) (*DB, error) {
	if opts.BusyTimeout <= 0 {
		opts.BusyTimeout = 10 * time.Second
	}
	path := filepath.Join(dir, FileName)
	if !opts.ReadOnly {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("create data folder %s: %w", dir, err)
		}
		if err := removeLeftovers(dir); err != nil {
			return nil, err
		}
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && opts.MustExist:
		return nil, fmt.Errorf("open database %s: %w; nothing was created, as a device that was set up never starts again as new by itself. Restore the database from the device's backup, or have an admin take the device out of service and set it up afresh", path, ErrMissing)
	case errors.Is(err, fs.ErrNotExist) && !opts.ReadOnly:
		if err := create(ctx, dir, path, opts); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, fmt.Errorf("open database %s: %w", path, err)
	case fi.Size() == 0:
		// Checked before SQLite sees the file: it would take an empty file for a new database,
		// and delete a WAL file found beside it.
		return nil, notOurs(path, "is empty (0 bytes)")
	}
	var params url.Values
	if opts.ReadOnly {
		params = readOnlyParams(path)
	}
	sdb := openSQL(path, opts, params)
	d := &DB{db: sdb, dir: dir, path: path, ro: opts.ReadOnly}
	if err := d.start(ctx); err != nil {
		sdb.Close()
		return nil, err
	}
	return d, nil
}

// readOnlyParams says how a read-only Open (`quietroom status`) reads the database at path so
// that it leaves the folder as it found it, the same files with the same bytes:
//
//   - With no WAL and no rollback journal beside it, nothing is pending and the file alone is
//     the database: SQLite reads it as immutable and creates no -wal or -shm file. A kiosk that
//     starts meanwhile writes through its WAL, not into the file, until a checkpoint.
//   - With a WAL and its -shm (the kiosk has the database open, or a power cut stopped it),
//     the pending pages are read through the WAL with the -shm opened read-only: SQLite shares
//     the running kiosk's index, or, with none running, builds its own in memory.
//   - A WAL without its -shm (SQLite never leaves one; a copy made by hand can) is read with a
//     new -shm beside it, which holds no records: the pending pages matter more.
func readOnlyParams(path string) url.Values {
	exists := func(suffix string) bool {
		_, err := os.Lstat(path + suffix)
		return !errors.Is(err, fs.ErrNotExist)
	}
	q := url.Values{"mode": {"ro"}}
	switch {
	case !exists("-wal") && !exists("-journal"):
		q.Set("immutable", "1")
	case exists("-shm"):
		q.Set("readonly_shm", "1")
	}
	return q
}

// openSQL returns the pool of one connection to the SQLite file at path; params are added to
// its DSN.
func openSQL(path string, opts Options, params url.Values) *sql.DB {
	q := url.Values{}
	for k, v := range params {
		q[k] = v
	}
	q.Set("_busy_timeout", fmt.Sprint(opts.BusyTimeout.Milliseconds()))
	q.Set("_txlock", "immediate") // writers take the lock at BEGIN: no deadlocked upgrades
	q.Set("_synchronous", "FULL")
	q.Set("_secure_delete", "on")
	q.Set("_foreign_keys", "on")
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	drv := &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		// The DSN sets synchronous, secure_delete, foreign_keys and the busy timeout on each
		// connection; these have no DSN parameter.
		stmts := []string{"PRAGMA temp_store = MEMORY"}
		if opts.MaxPageCount > 0 {
			stmts = append(stmts, fmt.Sprintf("PRAGMA max_page_count = %d", opts.MaxPageCount))
		}
		for _, s := range stmts {
			if _, err := c.Exec(s, nil); err != nil {
				return fmt.Errorf("%s: %w", s, err)
			}
		}
		return nil
	}}
	sdb := sql.OpenDB(connector{drv: drv, dsn: dsn})
	// One connection: SQLite serialises writers anyway, and with no second connection of our
	// own holding a read snapshot, wal_checkpoint(TRUNCATE) after a deletion always completes.
	sdb.SetMaxOpenConns(1)
	return sdb
}

// newPrefix names the database while create builds it.
const newPrefix = FileName + ".new-"

// create makes a new database at path whole. It is built and migrated under a temporary name
// in the same folder, synced, and only then given its name, and the folder synced: so the name
// never holds a database half made, and a file found there that is empty or has no schema is
// damage (a failing SD card, a copy cut short), never a device still to be set up.
func create(ctx context.Context, dir, path string, opts Options) error {
	// A journal or index beside a missing database is what is left of one: a new database
	// would be given the old journal's pages, and a set-up device would start as a new one.
	for _, j := range []string{"-wal", "-journal", "-shm"} {
		if _, err := os.Lstat(path + j); err == nil {
			return fmt.Errorf("open database %s: %w, but %s is still there beside it, so the database was lost (a damaged SD card, or deleted by hand). Nothing was created and that file was left untouched. Restore the database from the device's backup, or have an admin take the device out of service and set it up afresh", path, ErrMissing, path+j)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("open database %s: %w", path, err)
		}
	}
	// CreateTemp makes the file readable by the service user only (0600): SQLite gives its
	// journal, WAL and shm files the database file's permissions.
	f, err := os.CreateTemp(dir, newPrefix+"*")
	if err != nil {
		return fmt.Errorf("create database %s: %w", path, err)
	}
	tmp := f.Name()
	f.Close()
	defer func() {
		for _, p := range []string{tmp, tmp + "-journal", tmp + "-wal", tmp + "-shm"} {
			os.Remove(p) // gone already once it has its name
		}
	}()
	if err := build(ctx, dir, tmp, opts); err != nil {
		return fmt.Errorf("create database %s: %w", path, err)
	}
	if err := syncPath(tmp); err != nil {
		return fmt.Errorf("create database %s: %w", path, err)
	}
	// Link, not rename: it never replaces a database that appeared meanwhile. Where the file
	// system has no hard links, rename.
	err = os.Link(tmp, path)
	if errors.Is(err, fs.ErrExist) {
		return nil // made by another process just now: whole, as ours would have been
	}
	if err != nil {
		if err := os.Rename(tmp, path); err != nil {
			return fmt.Errorf("create database %s: %w", path, err)
		}
	}
	if err := os.Remove(tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("create database %s: %w", path, err)
	}
	// The new name is durable only once the folder is.
	if err := syncPath(dir); err != nil {
		return fmt.Errorf("create database %s: %w", path, err)
	}
	return nil
}

// removeLeftovers removes what a creation cut short by a power cut left in dir: a database
// being built, which holds no records, or, cut short after it was given its name, a second
// name of the database.
func removeLeftovers(dir string) error {
	des, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("data folder %s: %w", dir, err)
	}
	for _, de := range des {
		if strings.HasPrefix(de.Name(), newPrefix) {
			if err := os.Remove(filepath.Join(dir, de.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("remove what creating the database left: %w", err)
			}
		}
	}
	return nil
}

// build makes the database at path (new and empty) and migrates it, and leaves it in one
// file, with no journal beside it, to be given its name.
func build(ctx context.Context, dir, path string, opts Options) error {
	opts.ReadOnly = false
	d := &DB{db: openSQL(path, opts, nil), dir: dir, path: path}
	defer d.db.Close()
	// Must precede the first table: pages freed by a deletion can then be returned to the
	// file system with incremental_vacuum, which needs no free space (VACUUM does).
	if _, err := d.db.ExecContext(ctx, "PRAGMA auto_vacuum = INCREMENTAL"); err != nil {
		return mapErr(err)
	}
	if err := d.migrate(ctx, 0); err != nil {
		return err
	}
	// Rollback journal mode keeps nothing outside the file once a transaction is done; the
	// first real open switches it to WAL.
	var mode string
	if err := d.db.QueryRowContext(ctx, "PRAGMA journal_mode = DELETE").Scan(&mode); err != nil {
		return mapErr(err)
	}
	if !strings.EqualFold(mode, "delete") {
		return fmt.Errorf("journal mode %q, want delete", mode)
	}
	return d.db.Close()
}

// syncPath flushes the file or folder at path to the disk.
func syncPath(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", path, err)
	}
	return nil
}

type connector struct {
	drv *sqlite3.SQLiteDriver
	dsn string
}

func (c connector) Connect(context.Context) (driver.Conn, error) { return c.drv.Open(c.dsn) }
func (c connector) Driver() driver.Driver                        { return c.drv }

// start checks and migrates the database, in that order, so that a newer or damaged file is
// refused before anything is written to it.
func (d *DB) start(ctx context.Context) error {
	var v int
	if err := d.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return d.openErr(err)
	}
	if v > len(migrations) {
		return fmt.Errorf("open database %s: schema version %d, this program knows %d: %w", d.path, v, len(migrations), ErrNewerSchema)
	}
	res, err := d.quickCheck(ctx)
	if err != nil {
		return d.openErr(err)
	}
	if res != "ok" {
		return d.corrupt(res)
	}
	if v == 0 {
		// create never gives the name to a database before its first migration.
		return notOurs(d.path, "has no Quiet Room schema (schema version 0)")
	}
	if d.ro {
		if v < len(migrations) {
			return fmt.Errorf("open database %s read-only: schema version %d needs migrating to %d; start the kiosk once to migrate it", d.path, v, len(migrations))
		}
		d.version = v
		return nil
	}
	var mode string
	if err := d.db.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode); err != nil {
		return d.openErr(err)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("open database %s: journal mode %q, want wal", d.path, mode)
	}
	if err := d.migrate(ctx, v); err != nil {
		return err
	}
	return nil
}

func (d *DB) quickCheck(ctx context.Context) (string, error) {
	rows, err := d.db.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return "", err
		}
		lines = append(lines, s)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	res := strings.Join(lines, "; ")
	d.mu.Lock()
	d.check = res
	d.mu.Unlock()
	return res, nil
}

// openErr turns an error met while opening into a refusal naming the file.
func (d *DB) openErr(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB) {
		return d.corrupt(err.Error())
	}
	return fmt.Errorf("open database %s: %w", d.path, mapErr(err))
}

func (d *DB) corrupt(detail string) error {
	return fmt.Errorf("%w: %s failed its integrity check (%s). The file has been left untouched. Do not delete it: copy the folder %s somewhere safe and contact IT support, who can try to recover it; the kiosk will not start on it", ErrCorrupt, d.path, detail, d.dir)
}

// notOurs is the refusal of a database file that exists but is not one this program made
// (create makes them whole): it is damaged. Taking it for a new database would start a device
// that was set up as a new one, beside its old device key and without its records.
func notOurs(path, what string) error {
	return fmt.Errorf("%w: %s %s, as a failing SD card can leave it; this program never makes such a file. The file has been left untouched and the kiosk will not start on it: a device that was set up never starts again as new by itself. Restore the database from the device's backup, or have an admin take the device out of service and set it up afresh", ErrCorrupt, path, what)
}

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// Path is the database file's path.
func (d *DB) Path() string { return d.path }

// SchemaVersion is the schema version the database is at.
func (d *DB) SchemaVersion() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.version
}

// IntegrityCheck runs PRAGMA quick_check now and returns its result ("ok" when sound).
func (d *DB) IntegrityCheck(ctx context.Context) (string, error) {
	res, err := d.quickCheck(ctx)
	if err != nil {
		return "", fmt.Errorf("integrity check: %w", mapErr(err))
	}
	return res, nil
}

// mapErr turns SQLite's full-disk error into ErrFull and leaves others as they are.
func mapErr(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && se.Code == sqlite3.ErrFull {
		return fmt.Errorf("%w (%v)", ErrFull, err)
	}
	return err
}

// tx runs fn in one write transaction and commits it.
func (d *DB) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	if d.ro {
		return errors.New("the database is open read-only")
	}
	t, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return mapErr(err)
	}
	if err := fn(t); err != nil {
		t.Rollback()
		return mapErr(err)
	}
	if err := t.Commit(); err != nil {
		return mapErr(err)
	}
	return nil
}

// Times are stored as Unix nanoseconds, the zero time as NULL: timeValue is a time as a column
// value, timeFrom a column read back as a time (UTC).
func timeValue(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixNano()
}

func timeFrom(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(0, n.Int64).UTC()
}
