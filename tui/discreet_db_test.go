package tui

import (
	"strings"
	"testing"
)

// counselorStore holds three clients; the third has a client code.
func counselorStore(t *testing.T) *fakeStore {
	st := storeWith(t, 3)
	for id, name := range map[string]string{"p002": "Bea Fox", "p003": "Cy Lee"} {
		p := st.profiles[id]
		p.Name = name
		st.profiles[id] = p
	}
	p := st.profiles["p003"]
	p.ClientCode = "K-17"
	st.profiles["p003"] = p
	return st
}

func checkNoNames(t *testing.T, when, v string) {
	t.Helper()
	for _, name := range []string{"Alex", "Bea Fox", "Cy Lee", "Riverside"} {
		if strings.Contains(v, name) {
			t.Errorf("%s: screen shows %q:\n%s", when, name, v)
		}
	}
}

// TestDiscreetForEveryClient: with --discreet, or d on Profiles (which the
// database keeps), discreet mode stays on across clients, and the list names
// clients by code or number.
func TestDiscreetForEveryClient(t *testing.T) {
	for _, c := range []struct {
		name string
		opt  Options
		keys []string
	}{
		{"--discreet", Options{Discreet: true}, []string{"P"}},
		{"d on Profiles", Options{}, []string{"P", "d"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			st := counselorStore(t)
			m := startedWith(t, st, c.opt, 120, 40)
			m = typeKeys(m, c.keys...)
			if c.opt.Discreet == st.everyone {
				t.Errorf("the database's setting is %v after %s", st.everyone, c.name)
			}
			v := view(m)
			for _, want := range []string{"Client 1", "Client 2", "K-17"} {
				if !strings.Contains(v, want) {
					t.Errorf("list lacks %q:\n%s", want, v)
				}
			}
			checkNoNames(t, "the list", v)
			m = typeKeys(m, "j", "enter") // open the second client
			if m.d.profile.ID != "p002" || !m.d.discreet {
				t.Fatalf("after switching: profile %s, discreet %v", m.d.profile.ID, m.d.discreet)
			}
			v = view(m)
			if !strings.Contains(v, "Appointment") || !strings.Contains(strings.Split(v, "\n")[0], "discreet") {
				t.Errorf("the next client is not discreet:\n%s", v)
			}
			checkNoNames(t, "the next client", v)
			m = typeKeys(m, "d")
			if !m.d.discreet || !strings.Contains(view(m), "d on Profiles (P) turns it off") {
				t.Errorf("d on the Week screen turned discreet mode off for one client:\n%s", view(m))
			}
			m = typeKeys(m, "P", "d")
			if m.d.discreet || !strings.Contains(view(m), "Alex Doe") {
				t.Errorf("d on Profiles did not turn it off:\n%s", view(m))
			}
			if st.everyone {
				t.Error("the database still says discreet for every profile")
			}
		})
	}
}

// TestDiscreetDeleteQuestionNamesNoOne checks that the delete question and
// the rename field do not show the name in discreet mode.
func TestDiscreetDeleteQuestionNamesNoOne(t *testing.T) {
	m := startedWith(t, counselorStore(t), Options{Discreet: true}, 120, 40)
	m = typeKeys(m, "P", "D")
	if v := view(m); !strings.Contains(v, `Delete "Client 1"`) || strings.Contains(v, "Alex") {
		t.Errorf("delete question:\n%s", v)
	}
	m = typeKeys(m, "n", "r")
	if v := view(m); strings.Contains(v, "Alex") {
		t.Errorf("rename field shows the name:\n%s", v)
	}
}
