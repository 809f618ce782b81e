package store

// use runs fn with the database open. A database opened with Options.Idle
// is opened (lock file, then file) for fn alone and closed after it, so
// other weekfits can use the file in between; the unlocked key of a sealed
// database stays in memory. exclusive asks that no other call of this DB
// runs at the same time (a rewrite replaces db.bolt).
func (db *DB) use(exclusive bool, doing string, fn func() error) error {
	if !db.idle {
		if exclusive {
			db.mu.Lock()
			defer db.mu.Unlock()
		} else {
			db.mu.RLock()
			defer db.mu.RUnlock()
		}
		if db.bolt == nil {
			return failf(ErrInvalid, "%s: the database is closed", doing)
		}
		return fn()
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.closed {
		return failf(ErrInvalid, "%s: the database is closed", doing)
	}
	lock, err := takeLock(db.file, db.path, db.timeout)
	if err != nil {
		return err
	}
	defer releaseLock(lock)
	b, err := openBolt(db.file, db.timeout)
	if err != nil {
		return err
	}
	db.bolt = b
	defer db.park()
	return fn()
}

// park closes the file of an idle database after a read or write (a
// rewrite may have replaced db.bolt, so it closes whatever is there).
func (db *DB) park() {
	if db.bolt != nil {
		_ = db.bolt.Close()
		db.bolt = nil
	}
}

// idleAfterOpen lets go of the file and the lock once Open has checked and
// set up the database, when the caller asked for an idle database.
func (db *DB) idleAfterOpen() {
	db.idle = true
	db.park()
	releaseLock(db.lock)
	db.lock = nil
}
