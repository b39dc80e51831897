package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrations are the embedded schema steps in order; migration i (0-based) takes the database
// from user_version i to i+1.
var migrations = loadMigrations()

func loadMigrations() []string {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	sort.Strings(names) // 0001_..., 0002_...: the numbers fix the order
	out := make([]string, len(names))
	for i, n := range names {
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			panic(err)
		}
		out[i] = string(b)
	}
	return out
}

// LatestSchemaVersion is the schema version this program writes.
func LatestSchemaVersion() int { return len(migrations) }

// migrate applies every migration after version from, each in its own transaction together
// with its user_version bump, so a crash leaves the database at one version or the next.
func (d *DB) migrate(ctx context.Context, from int) error {
	for v := from; v < len(migrations); v++ {
		err := d.tx(ctx, func(t *sql.Tx) error {
			if _, err := t.ExecContext(ctx, migrations[v]); err != nil {
				return err
			}
			_, err := t.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1))
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate database %s to version %d: %w", d.path, v+1, err)
		}
	}
	d.mu.Lock()
	d.version = len(migrations)
	d.mu.Unlock()
	return nil
}
