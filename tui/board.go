package tui

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"weekfit/planner"
)

// boardScreen is the program board: every program the profile considers in
// one table, one row a program, with its best track or why none fits.
type boardScreen struct {
	st            *Styles
	d             *shared
	keys          boardKeys
	now           func() time.Time
	rows          []planner.BoardRow
	err           string
	whole         bool // every catalog program, not only those the week names
	sortCol       int  // index into boardCols
	desc          bool
	filter        string
	typing        bool
	cur, top      int
	seq           int
	width, height int
}

// boardMsg brings a board computed in a command.
type boardMsg struct {
	seq  int
	rows []planner.BoardRow
	err  error
}

// boardOpenMsg asks the root to show a program's plans.
type boardOpenMsg struct{ program, name string }

// boardCol is one column of the board: its title, width and order.
type boardCol struct {
	title string
	width int
	less  func(a, b *planner.BoardRow) bool
}

// boardCols are the board's columns; wide gives tracks and days more room.
func boardCols(wide bool) []boardCol {
	track, days := 10, 12
	if wide {
		track, days = 13, 15
	}
	fit := func(a, b *planner.BoardRow) bool { return a.Fits && !b.Fits }
	num := func(f func(p *planner.Plan) int) func(a, b *planner.BoardRow) bool {
		return func(a, b *planner.BoardRow) bool {
			if a.Fits != b.Fits {
				return a.Fits
			}
			return f(&a.Best) < f(&b.Best)
		}
	}
	text := func(f func(r *planner.BoardRow) string) func(a, b *planner.BoardRow) bool {
		return func(a, b *planner.BoardRow) bool { return strings.ToLower(f(a)) < strings.ToLower(f(b)) }
	}
	return []boardCol{
		{"Program", 0, text(func(r *planner.BoardRow) string { return r.Name })},
		{"Fits", 5, fit},
		{"Track", track, text(func(r *planner.BoardRow) string { return r.Best.Track })},
		{"Days", days, text(func(r *planner.BoardRow) string { return r.Days() })},
		{"Times", 11, text(func(r *planner.BoardRow) string { return r.Times() })},
		{"Lost", 6, num(func(p *planner.Plan) int { return p.UnpaidMinutes })},
		{"Cov", 4, num(func(p *planner.Plan) int { return len(p.Covered) })},
		{"+Trav", 6, num(func(p *planner.Plan) int { return p.AddedTravel })},
		{"Home", 6, num(func(p *planner.Plan) int { return p.LatestHome })},
	}
}

func newBoardScreen(st *Styles, d *shared, now func() time.Time) boardScreen {
	return boardScreen{st: st, d: d, keys: newBoardKeys(), now: now, sortCol: 1}
}

// SetSize records the space the screen has.
func (b *boardScreen) SetSize(w, h int) { b.width, b.height = w, h }

// Capturing reports whether the filter has the keyboard.
func (b boardScreen) Capturing() bool { return b.typing }

// Refresh starts computing the board of the week on show.
func (b *boardScreen) Refresh() tea.Cmd {
	b.seq++
	seq, d, whole, today := b.seq, b.d, b.whole, b.now()
	if d.sc == nil {
		return nil
	}
	sc, cat, opt := d.sc.Clone(), d.cat, planner.Options{Cache: nil}
	return func() tea.Msg {
		if cat == nil {
			cat = &planner.Catalog{}
		}
		full, ids, err := sc, sc.Catalog, error(nil)
		if whole {
			full, ids, err = sc.WithWholeCatalog(cat)
		} else if len(sc.Catalog) > 0 {
			full, err = sc.WithCatalog(cat)
		}
		if err != nil {
			return boardMsg{seq: seq, err: err}
		}
		rows, err := planner.Board(full, cat, ids, today, opt)
		return boardMsg{seq: seq, rows: rows, err: err}
	}
}

// visible is the rows the filter lets through, in the chosen order.
func (b *boardScreen) visible() []*planner.BoardRow {
	var out []*planner.BoardRow
	words := strings.Fields(strings.ToLower(b.filter))
	for i := range b.rows {
		r := &b.rows[i]
		hay := strings.ToLower(strings.Join([]string{b.name(i), r.Program, r.Best.Track, r.Reason, r.Details.Population}, " "))
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(hay, w)
		}
		if ok {
			out = append(out, r)
		}
	}
	less := boardCols(b.width >= 100)[b.sortCol].less
	sort.SliceStable(out, func(i, j int) bool {
		if b.desc {
			return less(out[j], out[i])
		}
		return less(out[i], out[j])
	})
	return out
}

// name is what row i shows as the program's name: neutral in discreet mode.
func (b *boardScreen) name(i int) string {
	r := &b.rows[i]
	if b.d.discreet {
		if b.d.shown != nil && b.d.shown.ProgramIndex(r.Program) >= 0 {
			return b.d.programName(r.Program)
		}
		return fmt.Sprintf("Option %d", i+1)
	}
	return r.Name
}

// Update handles the board's keys and its computed rows.
func (b boardScreen) Update(msg tea.Msg) (boardScreen, tea.Cmd, tea.Msg) {
	switch msg := msg.(type) {
	case boardMsg:
		if msg.seq == b.seq {
			b.rows, b.err = msg.rows, ""
			if msg.err != nil {
				b.rows, b.err = nil, msg.err.Error()
			}
			b.cur, b.top = 0, 0
		}
		return b, nil, nil
	case tea.KeyMsg:
		if b.typing {
			return b.typeFilter(msg), nil, nil
		}
		return b.key(msg)
	}
	return b, nil, nil
}

func (b boardScreen) typeFilter(msg tea.KeyMsg) boardScreen {
	switch {
	case key.Matches(msg, b.keys.Done):
		b.typing = false
	case msg.Type == tea.KeyBackspace:
		if r := []rune(b.filter); len(r) > 0 {
			b.filter = string(r[:len(r)-1])
		}
	case msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace:
		b.filter += string(msg.Runes)
		if msg.Type == tea.KeySpace {
			b.filter += " "
		}
	}
	b.cur, b.top = 0, 0
	return b
}

func (b boardScreen) key(msg tea.KeyMsg) (boardScreen, tea.Cmd, tea.Msg) {
	n := len(b.visible())
	switch {
	case key.Matches(msg, b.keys.Up):
		b.cur = max(b.cur-1, 0)
	case key.Matches(msg, b.keys.Down):
		b.cur = max(min(b.cur+1, n-1), 0)
	case key.Matches(msg, b.keys.Sort):
		b.sortCol = (b.sortCol + 1) % len(boardCols(b.width >= 100))
	case key.Matches(msg, b.keys.Reverse):
		b.desc = !b.desc
	case key.Matches(msg, b.keys.Filter):
		b.typing = true
	case key.Matches(msg, b.keys.Whole):
		b.whole = !b.whole
		return b, b.Refresh(), nil
	case key.Matches(msg, b.keys.Open) && n > 0:
		r := b.visible()[b.cur]
		return b, nil, boardOpenMsg{program: r.Program, name: b.name(b.index(r))}
	}
	return b, nil, nil
}

// View draws the table, the selected row's details and the sort and filter.
func (b boardScreen) View() string {
	if b.err != "" {
		return b.st.Error.Render("The board cannot be made: "+b.err) + "\n" + b.st.Subtle.Render("Fix the week on Edit (e) or the catalog, then come back with B.")
	}
	rows := b.visible()
	scope := "the programs this week considers"
	if b.whole {
		scope = "every program of the catalog"
	}
	lines := []string{b.st.Subtle.Render(fmt.Sprintf("Program board: %s (%d of %d shown). a switches.", scope, len(rows), len(b.rows)))}
	lines = append(lines, b.st.Header.Render(b.header()))
	avail := max(b.height-6, 1)
	top := b.top
	if b.cur < top {
		top = b.cur
	}
	if b.cur >= top+avail {
		top = b.cur - avail + 1
	}
	for i := top; i < len(rows) && i < top+avail; i++ {
		line := b.row(rows[i], i == b.cur)
		if i == b.cur {
			line = b.st.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	if len(rows) == 0 {
		lines = append(lines, "No program matches. / changes the filter; a shows the whole catalog.")
	} else {
		lines = append(lines, b.detail(rows[min(b.cur, len(rows)-1)]))
	}
	if b.typing || b.filter != "" {
		lines = append(lines, "filter: "+b.filter+map[bool]string{true: "▏", false: ""}[b.typing])
	}
	return strings.Join(lines, "\n")
}

// nameWidth is the Program column's width: what the others leave.
func (b boardScreen) nameWidth() int {
	w := b.width - 2
	for _, c := range boardCols(b.width >= 100)[1:] {
		w -= c.width + 1
	}
	return max(w, 8)
}

func (b boardScreen) header() string {
	parts := []string{"  "}
	for i, c := range boardCols(b.width >= 100) {
		t := c.title
		if i == b.sortCol {
			t += map[bool]string{false: "▲", true: "▼"}[b.desc]
		}
		w := c.width
		if i == 0 {
			w = b.nameWidth()
		}
		parts = append(parts, pad(t, w)+" ")
	}
	return strings.TrimRight(strings.Join(parts, ""), " ")
}

func (b boardScreen) row(r *planner.BoardRow, cur bool) string {
	marker := "  "
	if cur {
		marker = "> "
	}
	name := b.name(b.index(r))
	if r.Stale {
		name = "!" + name
	}
	cols := boardCols(b.width >= 100)
	if !r.Fits {
		rest := b.width - 2 - b.nameWidth() - cols[1].width - 2
		return marker + pad(name, b.nameWidth()) + " " + pad("no", cols[1].width) + " " + pad(b.reason(r), max(rest, 0))
	}
	p := &r.Best
	texts := []string{name, "yes", p.Track, r.Days(), r.Times(), hm(p.UnpaidMinutes), fmt.Sprint(len(p.Covered)),
		hm(p.AddedTravel), planner.FormatLatestHome(p.LatestHome)}
	cells := make([]string, len(texts))
	for i, c := range cols {
		w := c.width
		if i == 0 {
			w = b.nameWidth()
		}
		cells[i] = pad(texts[i], w)
	}
	return strings.TrimRight(marker+strings.Join(cells, " "), " ")
}

// index is the position of r in b.rows.
func (b boardScreen) index(r *planner.BoardRow) int {
	for i := range b.rows {
		if &b.rows[i] == r {
			return i
		}
	}
	return 0
}

// detail is a line about the selected row: where, whom it serves, when it
// was last checked, and why it does not fit.
func (b boardScreen) detail(r *planner.BoardRow) string {
	var parts []string
	if !b.d.discreet {
		for _, s := range []string{r.Details.Address, r.Details.Phone, r.Details.Population} {
			if s != "" {
				parts = append(parts, s)
			}
		}
	}
	if r.Details.LastVerified != "" {
		parts = append(parts, "verified "+r.Details.LastVerified)
	}
	if r.Stale {
		parts = append(parts, "! "+planner.StaleWarning)
	}
	if !r.Fits {
		parts = append(parts, b.reason(r))
	}
	if len(parts) == 0 {
		return ""
	}
	return b.st.Subtle.Render(wrap(strings.Join(parts, " · "), max(b.width, 1)))
}

// ShortHelp lists the keys that work now.
func (b boardScreen) ShortHelp() []key.Binding {
	if b.typing {
		return []key.Binding{b.keys.Done}
	}
	return []key.Binding{b.keys.Open, b.keys.Sort, b.keys.Filter, b.keys.Whole}
}

// FullHelp lists every key of the screen.
func (b boardScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{{b.keys.Up, b.keys.Down, b.keys.Open}, {b.keys.Sort, b.keys.Reverse, b.keys.Filter, b.keys.Whole}}
}

// reason is why a row does not fit; in discreet mode it is neutral, and
// says only that for a program the week does not name (its places are not
// among those the neutral text replaces).
func (b boardScreen) reason(r *planner.BoardRow) string {
	if !b.d.discreet {
		return r.Reason
	}
	if b.d.shown == nil || b.d.shown.ProgramIndex(r.Program) < 0 {
		return "does not fit this week"
	}
	return b.d.neutralText(r.Reason)
}
