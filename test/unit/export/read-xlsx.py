"""Reads an XLSX file with openpyxl, a reader independent of exceljs, and
prints every sheet as JSON: its name, row count and each cell's value and
openpyxl data type ('s' text, 'n' number, 'b' boolean, 'd' date, 'f'
formula). Used by the export tests; the files are small."""

import datetime
import json
import sys

import openpyxl


def cell_json(cell):
    value = cell.value
    if isinstance(value, (datetime.datetime, datetime.date)):
        value = value.isoformat()
    return {"v": value, "t": cell.data_type}


def main(path):
    workbook = openpyxl.load_workbook(path)
    sheets = []
    for sheet in workbook.worksheets:
        rows = [[cell_json(cell) for cell in row] for row in sheet.iter_rows()]
        sheets.append({"name": sheet.title, "rowCount": sheet.max_row, "rows": rows})
    json.dump({"sheets": sheets}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
