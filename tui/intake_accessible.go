package tui

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/huh"
)

// RunIntakeAccessible asks the interview's questions as plain numbered
// prompts, one a line, for screen readers and scripts (huh's accessible
// mode): the same groups as the screen, then the review in sentences and a
// choice to save, change a group or drop the answers. It saves the week as a
// new profile named name (asked first when empty) and returns it. Answers
// that end before the interview does save nothing.
func RunIntakeAccessible(in io.Reader, out io.Writer, name string, dir IntakeStore) (Profile, error) {
	r := &lineReader{r: bufio.NewReader(in)}
	a := newIntakeAnswers(name)
	list, err := dir.ListProfiles()
	if err != nil {
		return Profile{}, fmt.Errorf("list the profiles: %w", err)
	}
	if a.cat, err = dir.Catalog(); err != nil {
		return Profile{}, fmt.Errorf("read the clinic's list of programs: %w", err)
	}
	for _, p := range list {
		a.taken = append(a.taken, p.Name)
	}
	if name != "" {
		if err := a.checkProfileName(name); err != nil {
			return Profile{}, fmt.Errorf("%w: %w", ErrIntakeName, err)
		}
	}
	for step := stepWork; step < stepReview; step++ {
		if err := askAccessible(a, step, 0, r, out); err != nil {
			return Profile{}, err
		}
	}
	return reviewAccessible(a, r, out, dir)
}

// reviewAccessible says what was understood and asks what now, until the
// answers are saved or dropped, or end.
func reviewAccessible(a *intakeAnswers, r *lineReader, out io.Writer, dir IntakeStore) (Profile, error) {
	for {
		a.tidy()
		sc, err := a.build()
		fmt.Fprintf(out, "\n%s\n", stepReview.title())
		items := a.reviewItems()
		for i, it := range items {
			fmt.Fprintf(out, "%d. %s\n", i+1, it.sentence)
		}
		choice := 0 // save
		if err != nil {
			fmt.Fprintf(out, "Not saved yet: %v.\n", err)
			choice = int(stepWork) + 1
		}
		if r.eof {
			if err != nil {
				return Profile{}, fmt.Errorf("%w: %w", ErrIntakeEnded, err)
			}
			return Profile{}, ErrIntakeEnded
		}
		sel := huh.NewSelect[int]().Title("What now?").Options(whatNow(a, items)...).Value(&choice)
		if err := huh.NewForm(huh.NewGroup(sel)).WithAccessible(true).WithInput(r).WithOutput(out).Run(); err != nil {
			return Profile{}, fmt.Errorf("ask what now: %w", err)
		}
		switch {
		case choice == 0 && err == nil:
			p, err := dir.NewProfile(orName(a.Name, "Me"), sc)
			if err != nil {
				return Profile{}, fmt.Errorf("could not save the profile: %w", err)
			}
			return p, nil
		case choice < 0:
			return Profile{}, ErrIntakeDropped
		case choice >= removeChoice:
			it := items[choice-removeChoice]
			a.removeItem(it.step, it.item)
		case choice >= addChoice:
			step := intakeStep(choice - addChoice)
			if err := askAccessible(a, step, a.addItem(step), r, out); err != nil {
				return Profile{}, err
			}
		case choice > 0:
			it := items[choice-1]
			if err := askAccessible(a, it.step, it.item, r, out); err != nil {
				return Profile{}, err
			}
		}
	}
}

// The review's choices in accessible mode: 0 saves, -1 drops, 1 and up
// change a line, then adds and removes.
const (
	addChoice    = 100
	removeChoice = 200
)

// whatNow lists the review's choices: save, change each group, drop (so
// that these keep their numbers), then change each line added, add another
// job, duty or helper, and remove a line added.
func whatNow(a *intakeAnswers, items []reviewItem) []huh.Option[int] {
	opts := []huh.Option[int]{huh.NewOption("Save", 0)}
	for i, it := range items[:stepReview] {
		opts = append(opts, huh.NewOption("Change "+it.step.String(), i+1))
	}
	opts = append(opts, huh.NewOption("Drop the answers", -1))
	for i := range items[stepReview:] {
		opts = append(opts, huh.NewOption(fmt.Sprintf("Change line %d", int(stepReview)+i+1), int(stepReview)+i+1))
	}
	if a.canAdd() {
		opts = append(opts, huh.NewOption("Add another job", addChoice+int(stepJob)), huh.NewOption("Add another duty", addChoice+int(stepDuty)))
		if len(a.duties()) > 0 {
			opts = append(opts, huh.NewOption("Add someone else who could take over a duty", addChoice+int(stepHelper)))
		}
		if a.hasJob() && !a.rotating() {
			opts = append(opts, huh.NewOption("Add weeks that differ: a rotation of 2-4 weeks", addChoice+int(stepRotation)))
		}
		if a.hasJob() {
			opts = append(opts, huh.NewOption("Add other hours for a job", addChoice+int(stepPattern)))
		}
	}
	for i := range items[stepReview:] {
		opts = append(opts, huh.NewOption(fmt.Sprintf("Remove line %d", int(stepReview)+i+1), removeChoice+int(stepReview)+i))
	}
	return opts
}

// IntakeStore is what the accessible interview reads and writes: the
// profiles, and the clinic's catalog to pick a program from.
type IntakeStore interface {
	Directory
	CatalogReader
}

// Why RunIntakeAccessible saved nothing: the person dropped the answers, the
// answers ended (standard input closed) before the review could save them, or
// the name given is taken.
var (
	ErrIntakeDropped = errors.New("the answers were dropped; nothing was saved")
	ErrIntakeEnded   = errors.New("the answers ended before the interview did, so nothing was saved")
	ErrIntakeName    = errors.New("the interview cannot start")
)

// askAccessible asks the questions of one step, group by group, leaving out
// the groups that do not apply (huh's accessible mode would ask them all).
func askAccessible(a *intakeAnswers, step intakeStep, item int, r *lineReader, out io.Writer) error {
	fmt.Fprintf(out, "\n%s\n", step.title())
	k := newAsker(a, true)
	k.item = item
	for _, g := range k.groups(step) {
		if g.hide != nil && g.hide() {
			continue
		}
		f := huh.NewForm(huh.NewGroup(g.fields...)).WithAccessible(true).WithInput(r).WithOutput(out)
		if err := f.Run(); err != nil {
			return fmt.Errorf("ask about %s: %w", strings.ToLower(step.String()), err)
		}
	}
	return nil
}

// lineReader hands its reader on a line at a time: huh's accessible prompts
// each read through a new bufio.Scanner, which would otherwise swallow the
// lines after the first when they come down a pipe.
type lineReader struct {
	r   *bufio.Reader
	eof bool
}

func (l *lineReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		b, err := l.r.ReadByte()
		if err != nil {
			if n == 0 {
				l.eof = l.eof || errors.Is(err, io.EOF)
				return 0, err
			}
			return n, nil
		}
		p[n] = b
		n++
		if b == '\n' {
			break
		}
	}
	return n, nil
}
