#!/usr/bin/env python3
"""Writes the Longxi 2022 plan tables as .xlsx in the printed form (附表1, 附表2): a merged title row with the year,
two header rows with 坡度级别 merged over its grades, township (and village) cells merged down their rows, areas as
numbers shown with 4 decimals, and a 合计 row of formulas. Needs openpyxl (pip install openpyxl).

    python3 docs/samples/make_xlsx.py
"""
import csv
import os

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))


def rows(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def number(cell):
    return float(cell) if cell not in ("", None) else None


def merge_runs(ws, column, first_row, values):
    """Merges each run of equal consecutive values in one column, as the printed table does."""
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            if i - start > 1:
                ws.merge_cells(start_row=first_row + start, start_column=column, end_row=first_row + i - 1, end_column=column)
            start = i


def table(title, heads, grades, records, cells, merged_columns, path):
    wb = Workbook()
    ws = wb.active
    ws.title = title.split(" ")[0]
    width = len(heads) + grades - 1
    ws.cell(row=1, column=1, value=title).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(row=2, column=width, value="单位：公顷")
    column = 1
    for head in heads:
        if head == "坡度级别":
            ws.cell(row=3, column=column, value=head)
            ws.merge_cells(start_row=3, start_column=column, end_row=3, end_column=column + grades - 1)
            for g in range(grades):
                ws.cell(row=4, column=column + g, value=g + 1)
            column += grades
        else:
            ws.cell(row=3, column=column, value=head)
            ws.merge_cells(start_row=3, start_column=column, end_row=4, end_column=column)
            column += 1
    first = 5
    for i, record in enumerate(records):
        for c, value in enumerate(cells(record), start=1):
            cell = ws.cell(row=first + i, column=c, value=value)
            if isinstance(value, float):
                cell.number_format = "0.0000"
    for column, key in merged_columns:
        merge_runs(ws, column, first, [key(r) for r in records])
    last = first + len(records) - 1
    total = last + 1
    ws.cell(row=total, column=1, value="合计")
    for c in range(1, width + 1):
        if any(isinstance(cells(r)[c - 1], float) for r in records):
            letter = get_column_letter(c)
            ws.cell(row=total, column=c, value=f"=SUM({letter}{first}:{letter}{last})").number_format = "0.0000"
    for row in ws.iter_rows(min_row=3, max_row=total):
        for cell in row:
            cell.alignment = Alignment(horizontal="center", vertical="center")
    wb.save(os.path.join(HERE, path))


inflow = rows("longxi-2022-zhuanjin.csv")
table("附表1 陇西县2022年度“耕地转进”情况表",
      ["乡镇", "行政村", "地类名称", "拟恢复地类", "权属性质", "种植属性名称", "坡度级别", "面积（公顷）"], 4, inflow,
      lambda r: [r["township"], r["village"], r["land_class_before"], r["target_class"], r["ownership"],
                 r["restoration_attr"], number(r["slope_1_ha"]), number(r["slope_2_ha"]), number(r["slope_3_ha"]),
                 number(r["slope_4_ha"]), number(r["area_ha"])],
      [(1, lambda r: r["township"]), (2, lambda r: (r["township"], r["village"]))],
      "longxi-2022-zhuanjin.xlsx")

outflow = rows("longxi-2022-zhuanchu.csv")
table("附表2 陇西县2022年度耕地转出情况表",
      ["所在乡镇", "所占地类", "坡度级别", "权属性质", "面积（公顷）"], 5, outflow,
      lambda r: [r["township"], r["land_class_after"], number(r["slope_1_ha"]), number(r["slope_2_ha"]),
                 number(r["slope_3_ha"]), number(r["slope_4_ha"]), number(r["slope_5_ha"]), r["ownership"],
                 number(r["area_ha"])],
      [(1, lambda r: r["township"])],
      "longxi-2022-zhuanchu.xlsx")
