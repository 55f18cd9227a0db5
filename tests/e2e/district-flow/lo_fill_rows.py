#!/usr/bin/python3
"""LibreOffice fills blank templates the way a unit without the app does (python3-uno, headless).

Usage: /usr/bin/python3 lo_fill_rows.py JOBS.json

JOBS.json is a list of {"src", "dst", "rows", "insert", "statuses"}:
  rows      list of {header: value} typed into "Hoạt động" from the first data row down; a value
            is a string typed as text (dates like "15/3/2026" stay text) or a number;
  insert    {"at": k, "row": {header: value}}: after typing, a row is inserted before the k-th
            typed row (0-based) and filled, as a person adds a forgotten activity in the middle;
  statuses  {item id: status label} written on "Tiến độ".
Each filled workbook is saved as .xlsx ("Calc MS Excel 2007 XML"). One soffice serves all jobs.
The soffice start/stop and the header search come from tests/fixtures/workbooks/tools/lo_fill_template.py.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fixtures", "workbooks", "tools"))
from lo_fill_template import columns, header_row, prop, start_office, stop_office, url  # noqa: E402


def put(sheet, cols, row, values):
    for header, value in values.items():
        if header not in cols:
            raise RuntimeError("no column %s on %s (have %s)" % (header, sheet.Name, sorted(cols)))
        cell = sheet.getCellByPosition(cols[header], row)
        if isinstance(value, str):
            cell.setString(value)
        else:
            cell.setValue(value)


def fill(doc, job):
    act = doc.Sheets.getByName("Hoạt động")
    hr = header_row(act, "Ngày")
    cols = columns(act, hr)
    first = hr + 1
    for i, values in enumerate(job["rows"]):
        put(act, cols, first + i, values)
    ins = job.get("insert")
    if ins:
        act.Rows.insertByIndex(first + ins["at"], 1)
        put(act, cols, first + ins["at"], ins["row"])

    prog = doc.Sheets.getByName("Tiến độ")
    phr = header_row(prog, "Mã nhiệm vụ")
    pcols = columns(prog, phr)
    wanted = dict(job.get("statuses", {}))
    for r in range(phr + 1, phr + 200):
        item = prog.getCellByPosition(pcols["Mã nhiệm vụ"], r).getString()
        if item in wanted:
            prog.getCellByPosition(pcols["Trạng thái"], r).setString(wanted.pop(item))
    if wanted:
        raise RuntimeError("items not found on Tiến độ: %s" % sorted(wanted))


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    proc, desktop = start_office()
    try:
        for job in jobs:
            doc = desktop.loadComponentFromURL(url(job["src"]), "_blank", 0, (prop("Hidden", True),))
            if doc is None:
                raise SystemExit("LibreOffice could not open %s" % job["src"])
            fill(doc, job)
            doc.storeToURL(url(job["dst"]), (prop("FilterName", "Calc MS Excel 2007 XML"),))
            doc.close(True)
    finally:
        stop_office(proc, desktop)


if __name__ == "__main__":
    main()
