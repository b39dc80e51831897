package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"
)

// FileName is the database's name inside the data folder.
const FileName = "quietroom.db"

// Sentinel errors callers branch on. Their messages are written for the person at the device.
var (
	// ErrFull: the disk (or the database's size limit) is full. The write was refused and
	// nothing already saved was lost.
	ErrFull = errors.New("storage is full: nothing already saved is lost, but this change was not saved; free space on the device (or ask IT to) and try again")
	// ErrCorrupt: the database failed its integrity check and was left untouched.
	ErrCorrupt = errors.New("the database failed its integrity check")
	// ErrNewerSchema: the database was written by a newer program; downgrade refused.
	ErrNewerSchema = errors.New("the database was written by a newer version of Quiet Room: downgrade refused; install that version (or newer) again")
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

// Open opens (creating when absent, unless read-only) the database in the data folder dir,
// checks it, and migrates it to the current schema.
func Open(ctx context.Context, dir string, opts Options) (*DB, error) {
	if opts.BusyTimeout <= 0 {
		opts.BusyTimeout = 10 * time.Second
	}
	path := filepath.Join(dir, FileName)
	if opts.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("open database %s: %w", path, err)
		}
	} else {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("create data folder %s: %w", dir, err)
		}
		// Create the file ourselves, readable by the service user only: SQLite gives the WAL
		// and shm files the database file's permissions.
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, fmt.Errorf("open database %s: %w", path, err)
		}
		f.Close()
	}
	q := url.Values{}
	q.Set("_busy_timeout", fmt.Sprint(opts.BusyTimeout.Milliseconds()))
	q.Set("_txlock", "immediate") // writers take the lock at BEGIN: no deadlocked upgrades
	q.Set("_synchronous", "FULL")
	q.Set("_secure_delete", "on")
	q.Set("_foreign_keys", "on")
	if opts.ReadOnly {
		q.Set("mode", "ro")
	}
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
	d := &DB{db: sdb, dir: dir, path: path, ro: opts.ReadOnly}
	if err := d.start(ctx); err != nil {
		sdb.Close()
		return nil, err
	}
	return d, nil
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
	if d.ro {
		if v < len(migrations) {
			return fmt.Errorf("open database %s read-only: schema version %d needs migrating to %d; start the kiosk once to migrate it", d.path, v, len(migrations))
		}
		d.version = v
		return nil
	}
	if v == 0 {
		// Must precede the first table: pages freed by a deletion can then be returned to
		// the file system with incremental_vacuum, which needs no free space (VACUUM does).
		if _, err := d.db.ExecContext(ctx, "PRAGMA auto_vacuum = INCREMENTAL"); err != nil {
			return d.openErr(err)
		}
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
	return fmt.Errorf("%w: %s (%s). The file has been left untouched. Do not delete it: copy the folder %s somewhere safe and contact IT support, who can try to recover it; the kiosk will not start on it", ErrCorrupt, d.path, detail, d.dir)
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

// Times are stored as Unix nanoseconds; the zero time as NULL.
func tv(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixNano()
}

func tr(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(0, n.Int64).UTC()
}
