package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"

	"weekfit/planner"
)

// travelForm asks how long the trips to a catalog program's place take:
// from home and from each place the person works at.
type travelForm struct {
	program, place, placeName string
	fields                    []travelField
	at                        int
	err                       string
}

type travelField struct {
	from, label, value string
}

// newTravelForm asks for the legs to p's place that the week lacks; none
// for a virtual program or when every leg is there.
func newTravelForm(sc *planner.Scenario, cat *planner.Catalog, p planner.Program, discreet bool) travelForm {
	f := travelForm{program: p.ID, place: p.Place}
	if p.Modality == planner.Virtual || p.Place == "" {
		return f
	}
	f.placeName = cat.PlaceName(p.Place)
	if f.placeName == "" || discreet {
		f.placeName = "this place"
	}
	from := []string{planner.Home}
	for _, j := range sc.Jobs {
		if j.Place != "" && j.Place != planner.Home && !contains(from, j.Place) {
			from = append(from, j.Place)
		}
	}
	for _, id := range from {
		if hasLeg(sc, id, p.Place) {
			continue
		}
		label := "From home"
		if id != planner.Home {
			label = "From " + sc.PlaceName(id)
			if discreet {
				label = "From work"
			}
		}
		f.fields = append(f.fields, travelField{from: id, label: label})
	}
	return f
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// hasLeg reports whether the week gives travel from a to b.
func hasLeg(sc *planner.Scenario, a, b string) bool {
	for _, l := range sc.Travel {
		if (l.From == a && l.To == b) || (!l.OneWay && l.From == b && l.To == a) {
			return true
		}
	}
	return false
}

// check says what is wrong with the field being left, "" when nothing.
func (f travelForm) check() string {
	v := strings.TrimSpace(f.fields[f.at].value)
	if v == "" {
		return ""
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 12*60 {
		return fmt.Sprintf("%q: give the minutes as a whole number from 0 to 720, or leave it empty", v)
	}
	return ""
}

// legs are the trips the form was given, both ways.
func (f travelForm) legs() []planner.Leg {
	var out []planner.Leg
	for _, fl := range f.fields {
		if n, err := strconv.Atoi(strings.TrimSpace(fl.value)); err == nil {
			out = append(out, planner.Leg{From: fl.from, To: f.place, Minutes: n})
		}
	}
	return out
}

// View draws the list, the selected program's details and what is asked.
func (c catalogScreen) View() string {
	if c.mode == catTravel {
		return c.travelView()
	}
	vis := c.visible()
	total := 0
	if c.d.cat != nil {
		total = len(c.d.cat.Programs)
	}
	lines := []string{c.st.Subtle.Render(fmt.Sprintf("Catalog: %d of %d programs. a adds one to this client's week.", len(vis), total))}
	if total == 0 {
		lines = append(lines, "The catalog is empty. i imports a catalog file (JSON, CSV, .xlsx or .ods).")
	}
	listW := max(min(c.width/2, 44), 20)
	var left []string
	for row, i := range vis {
		if row >= max(c.height-6, 1) {
			left = append(left, fmt.Sprintf("… %d more; / narrows the list", len(vis)-row))
			break
		}
		p := c.d.cat.Programs[i]
		mark := "  "
		if row == c.cur {
			mark = "> "
		}
		if contains(c.d.sc.Catalog, p.ID) {
			mark += "✓ "
		} else {
			mark += "  "
		}
		line := pad(mark+c.programName(p), listW)
		if row == c.cur {
			line = c.st.Selected.Render(line)
		}
		left = append(left, line)
	}
	var right []string
	if len(vis) > 0 {
		right = c.detail(c.d.cat.Programs[vis[min(c.cur, len(vis)-1)]], max(c.width-listW-3, 10))
	}
	lines = append(lines, joinColumns(left, listW, " │ ", right))
	lines = append(lines, c.prompt()...)
	return strings.Join(lines, "\n")
}

// detail is the pane about one program: tracks and times, address, phone,
// whom it serves and when it was last checked.
func (c catalogScreen) detail(p planner.Program, w int) []string {
	d := c.d.cat.Details[p.ID]
	out := []string{c.st.Header.Render(pad(c.programName(p), w))}
	if !c.d.discreet {
		where := "virtual"
		if p.Modality != planner.Virtual {
			where = c.d.cat.PlaceName(p.Place)
		}
		for _, s := range []string{where, d.Address, d.Phone, d.Population, d.Notes} {
			if s != "" {
				out = append(out, pad(s, w))
			}
		}
	}
	out = append(out, pad(fmt.Sprintf("at least %d days, %s a week", p.MinDays, hm(p.MinMinutes)), w))
	for _, t := range p.Tracks {
		var times []string
		for _, s := range t.Sessions {
			times = append(times, s.Days.String()+" "+s.Time.String())
		}
		out = append(out, pad(t.Name+": "+strings.Join(times, "; "), w))
	}
	switch {
	case d.LastVerified == "":
		out = append(out, pad("last verified: never", w))
	case d.Stale(c.now()):
		out = append(out, c.st.Error.Render(pad("! last verified "+d.LastVerified+": "+planner.StaleWarning, w)))
	default:
		out = append(out, pad("last verified "+d.LastVerified, w))
	}
	return out
}

// prompt is the line of what is being typed or asked.
func (c catalogScreen) prompt() []string {
	var out []string
	switch c.mode {
	case catFilter:
		out = append(out, "filter: "+c.filter+"▏")
	case catImport:
		out = append(out, "Import which file? "+c.input+"▏", c.st.Subtle.Render("A catalog in JSON, CSV, .xlsx or .ods; enter imports, esc cancels."))
	case catConfirm:
		vis := c.visible()
		if len(vis) > 0 {
			out = append(out, c.st.Error.Render(fmt.Sprintf("Remove %s from the catalog for every profile? y removes, any other key keeps it.", c.programName(c.d.cat.Programs[vis[c.cur]]))))
		}
	default:
		if c.filter != "" {
			out = append(out, "filter: "+c.filter)
		}
	}
	if c.err != "" {
		out = append(out, c.st.Error.Render(c.err))
	}
	return out
}

func (c catalogScreen) travelView() string {
	f := c.travel
	lines := []string{c.st.Header.Render(fmt.Sprintf("How long does the trip to %s take?", f.placeName)),
		c.st.Subtle.Render("Minutes each way; leave one empty if that trip never happens. enter goes on, esc adds the program without them."), ""}
	for i, fl := range f.fields {
		mark, cursor := "  ", ""
		if i == f.at {
			mark, cursor = "> ", "▏"
		}
		lines = append(lines, fmt.Sprintf("%s%-24s %s%s min", mark, fl.label+" to "+f.placeName+":", fl.value, cursor))
	}
	if f.err != "" {
		lines = append(lines, "", c.st.Error.Render(f.err))
	}
	return strings.Join(lines, "\n")
}

// ShortHelp lists the keys that work now.
func (c catalogScreen) ShortHelp() []key.Binding {
	if c.mode != catBrowse {
		return []key.Binding{c.keys.Done, c.keys.Cancel}
	}
	return []key.Binding{c.keys.Add, c.keys.Filter, c.keys.Import, c.keys.Remove}
}

// FullHelp lists every key of the screen.
func (c catalogScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{{c.keys.Up, c.keys.Down, c.keys.Add}, {c.keys.Filter, c.keys.Import, c.keys.Remove}}
}
