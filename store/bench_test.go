package store

import (
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkSavePlan measures choosing a plan, fsync included (target: < 10 ms).
func BenchmarkSavePlan(b *testing.B) {
	db := openTemp(b)
	sc := exampleScenario(b)
	pl := examplePlans(b, sc)[0]
	p, err := db.CreateProfile("me", "", sc)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := db.ChoosePlan(p.ID, pl, sc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenList1000 measures opening a database of 1,000 profiles and
// listing them (target: < 50 ms).
func BenchmarkOpenList1000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "x.db")
	db, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	sc := exampleScenario(b)
	for i := 0; i < 1000; i++ {
		if _, err := db.CreateProfile(fmt.Sprintf("client %04d", i), "", sc); err != nil {
			b.Fatal(err)
		}
	}
	closeChecked(b, db)
	for b.Loop() {
		db, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		list, err := db.Profiles()
		if err != nil || len(list) != 1000 {
			b.Fatalf("%d profiles, %v", len(list), err)
		}
		db.Close()
	}
}

// BenchmarkUnlock measures opening a database with a passphrase (target: < 1.5 s).
func BenchmarkUnlock(b *testing.B) {
	path := filepath.Join(b.TempDir(), "x.db")
	db, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	if err := db.SetPassphrase("", "correct horse"); err != nil {
		b.Fatal(err)
	}
	closeChecked(b, db)
	for b.Loop() {
		db, err := Open(path, Options{Passphrase: pass("correct horse")})
		if err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}
