package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// counselorWeek is a client who works 07:00-15:00 on weekdays and sees an
// outpatient counselor online on Saturdays.
const counselorWeek = `{"name":"Client 7","places":{"work":"Office"},
 "travel":[{"from":"home","to":"work","minutes":30}],
 "jobs":[{"name":"Office","place":"work","shifts":[{"days":"Mon-Fri","time":"07:00-15:00"}]}],
 "sleep":[{"days":"daily","time":"23:00-06:00"}],
 "programs":[{"id":"op","name":"Outpatient","modality":"virtual","min_days":1,"tracks":[{"name":"Sat","sessions":[{"days":"Sat","time":"10:00-11:00"}]}]}]}`

// TestCounselorPathInTmux is a counselor at intake, in the real binary in
// tmux: import a catalog spreadsheet from the TUI, add two of its programs
// to the client giving the travel times asked for, and see both on the
// program board with their best tracks.
func TestCounselorPathInTmux(t *testing.T) {
	bin, dir, socket, env := e2eSetup(t, "counselor")
	db := filepath.Join(dir, "clinic.db")
	week := writeFile(t, dir, "client7.json", counselorWeek)
	if out, err := exec.Command(bin, "import", week, "--db", db).CombinedOutput(); err != nil {
		t.Fatalf("import the week: %v\n%s", err, out)
	}
	sheet, err := filepath.Abs("sheet/testdata/programs.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	s := newTmux(t, socket, "intake", bin+" --db "+db, env)
	s.waitFor("Client 7")
	s.keys("C")
	s.waitFor("The catalog is empty")
	s.keys("i")
	s.waitFor("Import which file?")
	s.keys("-l", sheet)
	s.keys("Enter")
	s.waitFor("catalog: 5 program(s) added, 0 updated")

	s.keys("/")
	s.keys("-l", "northside")
	s.keys("Enter", "a")
	s.waitFor("How long does the trip to Northside Counseling take?")
	s.keys("-l", "20")
	s.keys("Enter")
	s.keys("-l", "15")
	s.keys("Enter")
	s.waitFor("with 2 travel time(s): week saved")

	s.keys("/")
	for range "northside" {
		s.keys("BSpace")
	}
	s.keys("-l", "adolescents")
	s.keys("Enter", "a")
	s.waitFor("How long does the trip to Bridge Youth Center take?")
	s.keys("-l", "10")
	s.keys("Enter")
	s.keys("-l", "25")
	s.keys("Enter")
	s.waitFor("with 2 travel time(s): week saved")

	s.keys("B")
	s.waitFor("Bridge Adolescent IOP")
	screen := s.screen()
	for name, track := range map[string]string{"Northside Counseling IOP": "Evening", "Bridge Adolescent IOP": "After school"} {
		line := ""
		for _, l := range strings.Split(screen, "\n") {
			if strings.Contains(l, name) {
				line = l
			}
		}
		if !strings.Contains(line, " yes ") || !strings.Contains(line, track) {
			t.Errorf("board row of %s: %q\n%s", name, line, screen)
		}
	}
	s.keys("q")
	s.waitGone()

	out, err := exec.Command(bin, "export", "Client 7", "--db", db).CombinedOutput()
	if err != nil || !strings.Contains(string(out), `"northside"`) || !strings.Contains(string(out), `"teen_bridge"`) ||
		!strings.Contains(string(out), `"northside_clinic"`) {
		t.Errorf("the client's saved week lacks the programs or their travel: %v\n%s", err, out)
	}
}
