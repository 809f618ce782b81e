#!/usr/bin/env python3
"""Writes the flat OpenDocument sources of the test spreadsheets (*.fods).

LibreOffice then saves each as .xlsx and .ods, the files the tests read:

    cd sheet/testdata && python3 make-sheets.py &&
    soffice --headless --convert-to xlsx *.fods && soffice --headless --convert-to ods *.fods

A cell is text (a str), a whole or decimal number (int, float), a time of day
(("time", "10:00")), a date (("date", "2026-10-01")) or empty (None).
"""
from xml.sax.saxutils import escape

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:time-style style:name="N_TIME"><number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/></number:time-style>
 <number:date-style style:name="N_DATE"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
 <style:style style:name="ce_time" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_TIME"/>
 <style:style style:name="ce_date" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N_DATE"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
"""
TAIL = "</office:spreadsheet></office:body></office:document>\n"


def cell(v):
    if v is None:
        return "<table:table-cell/>"
    if isinstance(v, tuple) and v[0] == "time":
        h, m = v[1].split(":")
        return ('<table:table-cell table:style-name="ce_time" office:value-type="time" '
                f'office:time-value="PT{h}H{m}M00S"><text:p>{v[1]}</text:p></table:table-cell>')
    if isinstance(v, tuple) and v[0] == "date":
        return ('<table:table-cell table:style-name="ce_date" office:value-type="date" '
                f'office:date-value="{v[1]}"><text:p>{v[1]}</text:p></table:table-cell>')
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'


def table(name, rows):
    out = [f'<table:table table:name="{escape(name)}">']
    for r in rows:
        out.append("<table:table-row>" + "".join(cell(v) for v in r) + "</table:table-row>")
    out.append("</table:table>")
    return "\n".join(out)


def write(path, tables):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEAD + "\n".join(table(n, r) for n, r in tables) + TAIL)


T = lambda s: ("time", s)
D = lambda s: ("date", s)

HEADER = ["program_id", "program_name", "place_id", "place_name", "address", "phone", "population",
          "modality", "level", "min_days", "min_hours", "mix_tracks", "weeks", "track", "days",
          "time", "start", "end", "last_verified", "notes"]

# Schedules as programs publish them: Mon/Tue/Thu mornings or evenings; five
# short mornings; an adolescent track after school; the Matrix Model online;
# a women's program whose clients may mix tracks.
PROGRAMS = [
    ["northside", "Northside Counseling IOP", "northside_clinic", "Northside Counseling",
     "1200 N Main St, Springfield", "555-0142", "adults", "in-person", "2.1", 3, 9, "false", 12,
     "Day", "Mon,Tue,Thu", None, T("10:00"), T("13:00"), D("2026-10-01"), "Drug screen at check-in"],
    ["northside", None, None, None, None, None, None, None, None, None, None, None, None,
     "Evening", "Mon,Tue,Thu", None, T("18:00"), T("21:00"), None, None],
    ["lakeview", "Lakeview Behavioral Health IOP", "lakeview", "Lakeview Behavioral Health",
     "45 Lake Rd", "555-0199", "adults", "in-person", "2.1", 5, 14, "no", 8,
     "Mornings", "Mon-Fri", "10:00-12:50", None, None, D("2026-06-01"), None],
    ["teen_bridge", "Bridge Adolescent IOP", "bridge", "Bridge Youth Center",
     "9 School St", None, "adolescents", "in-person", "2.1", 4, 12, None, 10,
     "After school", "Mon-Thu", "4pm-7pm", None, None, D("2026-11-20"), "Parents join on Thursdays"],
    ["matrix_online", "Matrix Model Telehealth", None, None, None, "555-0100", "adults",
     "virtual", "2.1", 3, 9, None, 16, "Evening", "Mon,Wed,Fri", "6pm-9pm", None, None, None, None],
    ["womens_circle", "Women's Circle IOP", "eastgate", "Eastgate Women's Center",
     "300 East Gate Ave", "555-0177", "women", "in-person", "2.1", 3, 9, "yes", 12,
     "Morning", "Tue,Wed,Fri", None, T("09:00"), T("12:00"), D("2026-09-15"), None],
    ["womens_circle", None, None, None, None, None, None, None, None, None, None, None, None,
     "Afternoon", "Mon,Thu", None, T("13:00"), T("16:00"), None, None],
]

write("programs.fods", [
    ("Programs", [HEADER] + PROGRAMS),
    ("Evenings", [HEADER] + [r for r in PROGRAMS if r[0] == "matrix_online"]),
])

# Sheet1!F7 is an impossible time.
BAD = [["program_id", "program_name", "place_id", "place_name", "days", "time", "track"]]
for i in range(5):
    BAD.append([f"p{i}", f"Program {i}", "clinic", "Clinic", "Mon,Wed,Fri", "09:00-12:00", "Morning"])
BAD.append(["p9", "Program 9", "clinic", "Clinic", "Mon,Wed,Fri", "25:00-07:00", "Morning"])
write("bad-time.fods", [("Sheet1", BAD)])
