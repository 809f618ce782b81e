package store

import (
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
)

// Argon2id parameters for a new passphrase: about a quarter of a second and
// 64 MiB on a laptop. They are stored with the key, so they can change later.
const (
	kdfTime    = 2
	kdfMemory  = 65536 // KiB: 64 MiB
	kdfThreads = 2
	keyBytes   = chacha20poly1305.KeySize
)

// Value formats: the first byte of every stored record says which.
const (
	formatPlain  = 0
	formatSealed = 1 // nonce, sealed data; written before records had versions
	// formatVersioned is the version (8 bytes, big-endian), the nonce and the
	// sealed data, bound to its place and version.
	formatVersioned = 2
)

// keyRecord is the data key wrapped by a key derived from the passphrase.
type keyRecord struct {
	KDF     string `json:"kdf"`
	Salt    []byte `json:"salt"`
	Time    uint32 `json:"time"`
	Memory  uint32 `json:"memory_kib"`
	Threads uint8  `json:"threads"`
	Wrapped []byte `json:"wrapped"` // nonce then sealed data key
}

// keyAD binds the wrapped key to its purpose.
var keyAD = []byte("weekfit data key v1")

// sealer seals and opens values with the data key. The DB keeps one without
// versions; each transaction works with its own (begin), which carries the
// versions of the records as that transaction sees them.
type sealer struct {
	aead cipher.AEAD
	v    *versions
}

func newSealer(key []byte) (*sealer, error) {
	a, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, fmt.Errorf("set up encryption: %w", err)
	}
	return &sealer{aead: a}, nil
}

func newDataKey() ([]byte, error) {
	k := make([]byte, keyBytes)
	if _, err := rand.Read(k); err != nil {
		return nil, fmt.Errorf("make a random key: %w", err)
	}
	return k, nil
}

// wrapKey seals the data key under a key derived from the passphrase.
func wrapKey(dataKey []byte, pass string) ([]byte, error) {
	rec := keyRecord{KDF: "argon2id", Salt: make([]byte, 16), Time: kdfTime, Memory: kdfMemory, Threads: kdfThreads}
	if _, err := rand.Read(rec.Salt); err != nil {
		return nil, fmt.Errorf("make a random salt: %w", err)
	}
	kek, err := newSealer(argon2.IDKey([]byte(pass), rec.Salt, rec.Time, rec.Memory, rec.Threads, keyBytes))
	if err != nil {
		return nil, err
	}
	rec.Wrapped = kek.sealWith(dataKey, keyAD)
	return json.Marshal(rec)
}

// unwrapKey opens the data key with the passphrase.
func unwrapKey(raw []byte, pass string) ([]byte, error) {
	var rec keyRecord
	if err := json.Unmarshal(raw, &rec); err != nil || rec.KDF != "argon2id" || len(rec.Salt) < 8 {
		return nil, failf(ErrTampered, "the passphrase record of the database is damaged; restore the database from a backup")
	}
	if rec.Time < 1 || rec.Time > 64 || rec.Memory < 8*1024 || rec.Memory > 4<<20 || rec.Threads < 1 {
		return nil, failf(ErrTampered, "the passphrase record of the database has impossible settings; restore the database from a backup")
	}
	kek, err := newSealer(argon2.IDKey([]byte(pass), rec.Salt, rec.Time, rec.Memory, rec.Threads, keyBytes))
	if err != nil {
		return nil, err
	}
	key, err := kek.openWith(rec.Wrapped, keyAD)
	if err != nil || len(key) != keyBytes {
		return nil, failf(ErrWrongPassphrase, "that passphrase does not open this database; check it (letters are case-sensitive) and try again")
	}
	return key, nil
}

func (s *sealer) sealWith(plain, ad []byte) []byte {
	nonce := make([]byte, s.aead.NonceSize(), s.aead.NonceSize()+len(plain)+s.aead.Overhead())
	_, _ = rand.Read(nonce) // crypto/rand.Read never returns an error since Go 1.24
	return s.aead.Seal(nonce, nonce, plain, ad)
}

func (s *sealer) openWith(data, ad []byte) ([]byte, error) {
	n := s.aead.NonceSize()
	if len(data) < n+s.aead.Overhead() {
		return nil, errors.New("too short")
	}
	return s.aead.Open(nil, data[:n], data[n:], ad)
}

// recordAD binds a sealed value to where it is stored and to its version,
// so a value copied under another key or into another bucket, or an older
// value put back, fails to open.
func recordAD(where string, key []byte, version []byte) []byte {
	ad := []byte("weekfit v1\x00" + where + "\x00" + string(key))
	if version != nil {
		ad = append(append(ad, 0), version...)
	}
	return ad
}

// wrap prepares a record's bytes for storage under where/key; a sealed
// record takes the next version.
func (s *sealer) wrap(where string, key, plain []byte) ([]byte, error) {
	if s == nil {
		return append([]byte{formatPlain}, plain...), nil
	}
	n, err := s.v.next(where, key)
	if err != nil {
		return nil, err
	}
	ver := binary.BigEndian.AppendUint64(nil, n)
	return append(append([]byte{formatVersioned}, ver...), s.sealWith(plain, recordAD(where, key, ver))...), nil
}

// unwrap reads a stored value back.
func (s *sealer) unwrap(where string, key, stored []byte) ([]byte, error) {
	if len(stored) == 0 {
		return nil, failf(ErrTampered, "a stored value is empty; the database was changed outside weekfit. Restore it from a backup")
	}
	if s == nil && stored[0] == formatPlain {
		return stored[1:], nil
	}
	if s != nil && stored[0] == formatVersioned && len(stored) > 9 {
		return s.openVersioned(where, key, stored[1:9], stored[9:])
	}
	if s != nil && stored[0] == formatSealed {
		if legacy, err := s.v.legacy(); err != nil || !legacy {
			return nil, failf(ErrTampered, "a stored value is sealed in an older way than the rest of the database; it was put back from an older copy. Restore the database from a backup")
		}
		plain, err := s.openWith(stored[1:], recordAD(where, key, nil))
		if err != nil {
			return nil, failf(ErrTampered, "a stored value fails its check (it was changed or moved outside weekfit); restore the database from a backup")
		}
		return plain, nil
	}
	if s != nil {
		return nil, failf(ErrTampered, "a stored value is not sealed although the database has a passphrase; it was changed outside weekfit. Restore it from a backup")
	}
	return nil, failf(ErrTampered, "a stored value is sealed although the database has no passphrase; restore the database from a backup")
}

func (s *sealer) openVersioned(where string, key, ver, data []byte) ([]byte, error) {
	plain, err := s.openWith(data, recordAD(where, key, ver))
	if err != nil {
		return nil, failf(ErrTampered, "a stored value fails its check (it was changed or moved outside weekfit); restore the database from a backup")
	}
	want, err := s.v.of(where, key)
	if err != nil {
		return nil, err
	}
	if want != binary.BigEndian.Uint64(ver) {
		return nil, failf(ErrTampered, "a stored value is not the one last saved there: it was put back from an older copy of the database. Restore the whole database from a backup")
	}
	return plain, nil
}
