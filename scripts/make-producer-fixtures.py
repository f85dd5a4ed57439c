#!/usr/bin/python3
"""
Workbooks written by other producers, for the reader's tests (tests/fixtures/producers/). Run once by
hand — `/usr/bin/python3 scripts/make-producer-fixtures.py` (needs Debian's python3-openpyxl and
LibreOffice) — and commit the files: the tests themselves never need Python or LibreOffice.

- openpyxl-budget.xlsx: openpyxl's own style — absolute part names in its relationships, formulas
  with no cached value (openpyxl never computes), a merged title, an Excel table, a hidden sheet.
- openpyxl-1904.xlsx: the same payments in a 1904-date-system workbook (a Mac habit).
- libreoffice-budget.xlsx: openpyxl-budget.xlsx opened and saved by LibreOffice (formulas computed).
- libreoffice-budget.xls: the same saved as Excel 97-2003, to be refused with advice.
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.table import Table

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'fixtures', 'producers')

FUNDS = [
    ('上级资金', 'P001', '大数据发展专项', 72, 20),
    ('州本级', 'P002', '政务云运维', 138, 124.2),
    ('州本级', 'P003', '网络安全等级保护', 30, 29.99),
]
PAYMENTS = [
    (datetime.date(2023, 3, 15), 'V001', 'P001', 200000),
    (datetime.date(2023, 6, 30), 'V002', 'P002', 1242000),
    (datetime.date(2023, 12, 29), 'V003', 'P003', 299900),
]


def budget_book(epoch=None):
    wb = openpyxl.Workbook()
    if epoch is not None:
        wb.epoch = epoch
    ws = wb.active
    ws.title = '项目资金'
    ws.append(['2023年项目支出预算执行情况表'])
    ws.merge_cells('A1:F1')
    ws.append(['单位：万元'])
    ws.append(['资金类别', '项目编码', '项目名称', '全年预算数', '执行数', '执行率'])
    for i, (group, code, name, budget, executed) in enumerate(FUNDS):
        r = 4 + i
        ws.append([group, code, name, budget, executed, f'=E{r}/D{r}'])
    ws.append(['合计', None, None, '=SUM(D4:D6)', '=SUM(E4:E6)', None])
    pay = wb.create_sheet('支付明细')
    pay.append(['支付日期', '支付凭证号', '预算项目编码', '支付金额(元)'])
    for row in PAYMENTS:
        pay.append(list(row))
    for r in range(2, 2 + len(PAYMENTS)):
        pay.cell(row=r, column=1).number_format = 'yyyy-mm-dd'
    pay.add_table(Table(displayName='支付表', ref=f'A1:D{1 + len(PAYMENTS)}'))
    old = wb.create_sheet('2022备份')
    old.append(['项目名称', '全年预算数'])
    old.append(['旧项目', 1])
    old.sheet_state = 'hidden'
    return wb


def main():
    os.makedirs(OUT, exist_ok=True)
    budget = os.path.join(OUT, 'openpyxl-budget.xlsx')
    budget_book().save(budget)
    budget_book(CALENDAR_MAC_1904).save(os.path.join(OUT, 'openpyxl-1904.xlsx'))
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'libreoffice-budget.xlsx')
        shutil.copy(budget, src)
        for target, ext in (('xlsx:Calc MS Excel 2007 XML', 'xlsx'), ('xls:MS Excel 97', 'xls')):
            outdir = os.path.join(tmp, ext)
            subprocess.run(['soffice', '--headless', '--convert-to', target, '--outdir', outdir, src], check=True, capture_output=True)
            shutil.copy(os.path.join(outdir, f'libreoffice-budget.{ext}'), os.path.join(OUT, f'libreoffice-budget.{ext}'))
    print('\n'.join(sorted(os.listdir(OUT))))


if __name__ == '__main__':
    sys.exit(main())
