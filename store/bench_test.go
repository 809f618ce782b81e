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

// thousandProfiles makes a database of 1,000 profiles, each with a week.
func thousandProfiles(b *testing.B) (*DB, []Profile) {
	db := openTemp(b)
	sc := exampleScenario(b)
	var list []Profile
	for i := 0; i < 1000; i++ {
		p, err := db.CreateProfile(fmt.Sprintf("client %04d", i), "", sc)
		if err != nil {
			b.Fatal(err)
		}
		list = append(list, p)
	}
	return db, list
}

// BenchmarkSavePlanSealed1000 measures choosing a plan in a sealed database
// of 1,000 profiles, where every save also rewrites the table of record
// versions (target: < 10 ms, as for any save).
func BenchmarkSavePlanSealed1000(b *testing.B) {
	db, list := thousandProfiles(b)
	if err := db.SetPassphrase("", "correct horse"); err != nil {
		b.Fatal(err)
	}
	sc := exampleScenario(b)
	pl := examplePlans(b, sc)[0]
	for b.Loop() {
		if err := db.ChoosePlan(list[0].ID, pl, sc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDeleteProfile1000 measures deleting a profile from a database of
// 1,000, which writes the whole file anew and syncs it.
func BenchmarkDeleteProfile1000(b *testing.B) {
	db, list := thousandProfiles(b)
	i := 0
	for b.Loop() {
		if err := db.DeleteProfile(list[i%len(list)].ID); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
