#!/usr/bin/python3
"""
The held-out corpus (tests/fixtures/heldout/): budget workbooks made the way offices and their systems
really make them, by programs other than ours — openpyxl, LibreOffice (from .csv and flat .fods we
write), and SpreadsheetML written by hand the way the Open XML SDK and budget-system exports write it.
Each file has an answer key, tests/fixtures/heldout/NAME.answer.json, written by hand from the figures
below (never by running jixiao). `npm run corpus:heldout [NAME.xlsx …]` rewrites the files (all, or
those named); commit them: the tests never need Python or LibreOffice. The hand-written packages come
out byte for byte the same; openpyxl and LibreOffice stamp the time they saved, so theirs differ in
that only.

Needs Debian's python3-openpyxl (/usr/bin/python3) and LibreOffice (soffice) on PATH.
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
from heldout_adversary import ADVERSARY  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'fixtures', 'heldout')
FIXED = (2024, 1, 15, 9, 0, 0)  # zip entry time: the hand-written packages are byte-for-byte reproducible


# ---------------------------------------------------------------------------------------------------
# openpyxl: shared strings, absolute part names in its relationships, formulas saved without values.

def openpyxl_uncached(path):
    """执行数 typed as formulas openpyxl never computes; the 合计 row too."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '项目资金'
    ws.append(['2023年度项目支出预算执行情况表'])
    ws.append(['单位：万元'])
    ws.append(['序号', '项目名称', '全年预算数', '执行数', '执行率'])
    ws.append([1, '网站运维', 85.6, 85.6, '=D4/C4'])
    ws.append([2, '数字乡村平台', 100, '=40+20', '=D5/C5'])
    ws.append([3, '政务云资源', 50, '=C6*0.9', '=D6/C6'])
    ws.append([None, '合计', '=SUM(C4:C6)', '=SUM(D4:D6)', None])
    wb.save(path)


def openpyxl_hidden_backups(path):
    """The visible 2023 sheet is small; hidden 2022 and very hidden 2021 copies have richer headers."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '2023年'
    ws.append(['黔南州某局2023年项目资金执行情况'])
    ws.append(['单位：万元'])
    ws.append(['项目编码', '项目名称', '全年预算数', '执行数'])
    ws.append(['P01', '网站运维', 30, 24])
    ws.append(['P02', '机房改造', 20, 20])
    for title, year, state in (('2022年(备份)', 2022, 'hidden'), ('2021年', 2021, 'veryHidden')):
        old = wb.create_sheet(title)
        old.sheet_state = state
        old.append([f'黔南州某局{year}年项目资金执行情况'])
        old.append(['单位：万元'])
        old.append(['资金类别', '项目编码', '项目名称', '全年预算数', '其中：财政拨款', '上年结转', '执行数', '执行率', '未完成原因'])
        for i in range(6):
            old.append(['州本级', f'P{year % 100}{i}', f'{year}年项目{i + 1}', 100, 100, 0, 90 + i, None, None])
    pay = wb.create_sheet('支付明细')
    pay.append(['支付日期', '支付凭证号', '预算项目编码', '支付金额(元)'])
    rows = [
        (datetime.date(2023, 2, 10), 'V001', 'P01', 80000),
        (datetime.date(2023, 6, 1), 'V002', 'P01', 100000),
        (datetime.date(2023, 11, 20), 'V003', 'P01', 60000),
        (datetime.date(2022, 12, 28), 'V000', 'P02', 50000),
        (datetime.date(2023, 9, 9), 'V004', 'P02', 200000),
    ]
    for r in rows:
        pay.append(list(r))
    for r in range(2, 2 + len(rows)):
        pay.cell(row=r, column=1).number_format = 'yyyy-mm-dd'
    wb.active = 0
    wb.save(path)


def openpyxl_merged_total_above(path):
    """合计 above the projects (and wrong), 资金类别 merged down each group."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '项目资金'
    ws.append(['2023年项目支出执行表'])
    ws.append(['金额单位：万元'])
    ws.append(['资金类别', '项目名称', '全年预算数', '执行数', '未完成原因'])
    ws.append(['合计', None, 300, 250, None])
    ws.append(['州本级', '网站运维', 100, 100, None])
    ws.append([None, '机房改造', 60, 40, '设备未到货'])
    ws.append([None, '宣传', 50, 50, None])
    ws.append(['上级资金', '数字乡村', 80, 40, '二期未验收'])
    ws.append([None, '云资源', 20, 20, None])
    ws.merge_cells('A5:A7')
    ws.merge_cells('A8:A9')
    wb.save(path)


def openpyxl_text_amounts(path):
    """Amounts typed as text: thousands separators, full-width digits, a trailing 元, stray spaces."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '项目资金'
    ws.append(['2023年预算执行情况'])
    ws.append(['单位：元'])
    ws.append(['项目名称', '全年预算数', '执行数'])
    ws.append(['网站运维', '856,000.00', '856,000.00'])
    ws.append(['机房改造', '２００,０００', '１５０,０００'])
    ws.append(['宣传', '50000元', '25000元'])
    ws.append(['数字乡村', ' 1,000,000 ', '1000000'])
    wb.save(path)


def openpyxl_text_dates(path):
    """Payment dates as a clerk types them: 2023年12月31日, 2023/1/5, 2024.01.02, and a serial with a time."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '项目资金'
    ws.append(['2023年项目资金'])
    ws.append(['单位：万元'])
    ws.append(['项目编码', '项目名称', '全年预算数'])
    ws.append(['P1', '网站运维', 10])
    pay = wb.create_sheet('支付明细')
    pay.append(['支付日期', '支付凭证号', '预算项目编码', '支付金额(元)'])
    pay.append(['2023年12月31日', 'V1', 'P1', 20000])
    pay.append(['2023/1/5', 'V2', 'P1', 30000])
    pay.append([datetime.datetime(2023, 12, 31, 18, 0), 'V3', 'P1', 10000])
    pay.append(['2024.01.02', 'V4', 'P1', 5000])
    pay.cell(row=4, column=1).number_format = 'yyyy-mm-dd hh:mm'
    wb.save(path)


def openpyxl_payment_matching(path):
    """Payments matched as a person would: a code typed as a number against a text code, a name with
    full-width parentheses against half-width ones, an amount typed '30,000.00元', a name with spaces."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '项目资金'
    ws.append(['2023年项目资金'])
    ws.append(['单位：万元'])
    ws.append(['项目编码', '项目名称', '全年预算数'])
    ws.append(['5227001', '大数据发展专项资金(第二批)', 20])
    ws.append(['5227002', ' 网站运维 ', 10])
    pay = wb.create_sheet('支付明细')
    pay.append(['支付日期', '预算项目编码', '预算项目名称', '支付金额(元)'])
    pay.append([datetime.date(2023, 3, 1), 5227001, '大数据发展专项资金（第二批）', 50000])
    pay.append([datetime.date(2023, 4, 1), None, '大数据发展专项资金（第二批）', '30,000.00元'])
    pay.append([datetime.date(2023, 5, 1), 5227002, '网站运维', 100000])
    for r in range(2, 5):
        pay.cell(row=r, column=1).number_format = 'yyyy-mm-dd'
    wb.save(path)


def openpyxl_mixed_units(path):
    """Each column says its own unit: 全年预算数（万元） but 实际支出数（元）; no unit line on the sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '预算执行'
    ws.append(['2023年度预算执行情况'])
    ws.append(['项目名称', '全年预算数（万元）', '实际支出数（元）'])
    ws.append(['网站运维', 10, 80000])
    ws.append(['机房改造', 25.5, 255000])
    ws.append(['宣传', 3, 12345.67])
    wb.save(path)


def openpyxl_monitoring(path):
    """Mid-year monitoring (截至2023年6月30日): a payment after the as-of date is not counted."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '项目资金'
    ws.append(['2023年1-6月项目支出绩效运行监控表'])
    ws.append(['单位：万元'])
    ws.append(['项目编码', '项目名称', '全年预算数'])
    ws.append(['M1', '网站运维', 20])
    ws.append(['M2', '机房改造', 40])
    pay = wb.create_sheet('支付明细')
    pay.append(['支付日期', '支付凭证号', '预算项目编码', '支付金额(元)'])
    for row in [(datetime.date(2023, 3, 1), 'V1', 'M1', 100000), (datetime.date(2023, 6, 30), 'V2', 'M2', 100000), (datetime.date(2023, 7, 3), 'V3', 'M2', 200000)]:
        pay.append(list(row))
    for r in range(2, 5):
        pay.cell(row=r, column=1).number_format = 'yyyy-mm-dd'
    wb.save(path)


# ---------------------------------------------------------------------------------------------------
# LibreOffice: from CSV and flat ODS (.fods) we write, converted headless.

def soffice(src, target_dir):
    # CSV: comma-separated, double quotes, UTF-8 (76), from line 1 — as a clerk opens an export.
    infilter = ['--infilter=CSV:44,34,76,1'] if src.endswith('.csv') else []
    subprocess.run(['soffice', '--headless', *infilter, '--convert-to', 'xlsx', '--outdir', target_dir, src], check=True, capture_output=True)
    return os.path.join(target_dir, os.path.splitext(os.path.basename(src))[0] + '.xlsx')


CSV_EXPORT = '''2023年度部门预算项目执行情况
金额单位：元
项目编码,项目名称,全年预算数,执行数
5227001,网站运维,"856,000.00","856,000.00"
5227002,机房改造,"200,000.00","150,000.00"
5227003,宣传,"50,000.00",0
合计,,"1,106,000.00","1,006,000.00"
制单人：张三,,打印时间：2024-01-05 10:20,
'''


def fods(sheets):
    """A flat ODS document; each sheet: (name, visible, rows, column_count). A row is a list of cells;
    a cell is None, a str, a number, ('date', 'YYYY-MM-DD'), ('formula', 'of:=…'), or ('span', value, rows)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
           'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
           'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">',
           '<office:automatic-styles><style:style style:name="hide" style:family="table"><style:table-properties table:display="false"/></style:style>'
           '<style:style style:name="show" style:family="table"><style:table-properties table:display="true"/></style:style>'
           '<number:date-style style:name="ymd"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>'
           '<style:style style:name="dcell" style:family="table-cell" style:data-style-name="ymd"/></office:automatic-styles>',
           '<office:body><office:spreadsheet>']
    for name, visible, rows in sheets:
        out.append(f'<table:table table:name="{escape(name)}" table:style-name="{"show" if visible else "hide"}">')
        for row in rows:
            out.append('<table:table-row>')
            for cell in row:
                out.append(fods_cell(cell))
            out.append('</table:table-row>')
        out.append('</table:table>')
    out.append('</office:spreadsheet></office:body></office:document>')
    return '\n'.join(out)


def fods_cell(cell):
    if cell is None:
        return '<table:table-cell/>'
    if isinstance(cell, tuple) and cell[0] == 'covered':
        return '<table:covered-table-cell/>'
    span = ''
    if isinstance(cell, tuple) and cell[0] == 'span':
        span = f' table:number-rows-spanned="{cell[2]}" table:number-columns-spanned="1"'
        cell = cell[1]
    if isinstance(cell, tuple) and cell[0] == 'date':
        return f'<table:table-cell table:style-name="dcell" office:value-type="date" office:date-value="{cell[1]}"{span}><text:p>{cell[1]}</text:p></table:table-cell>'
    if isinstance(cell, tuple) and cell[0] == 'formula':
        return f'<table:table-cell table:formula="{escape(cell[1])}" office:value-type="float"{span}/>'
    if isinstance(cell, (int, float)):
        return f'<table:table-cell office:value-type="float" office:value="{cell}"{span}><text:p>{cell}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"{span}><text:p>{escape(cell)}</text:p></table:table-cell>'


def fods_stacked():
    """This year's table over last year's on one sheet; 资金类别 merged; 合计 by formula; a hidden sheet."""
    rows = [
        ['2023年项目资金执行情况表'],
        ['单位：万元'],
        ['资金类别', '项目名称', '全年预算数', '执行数'],
        [('span', '州本级', 3), '网站运维', 40, 40],
        [('covered',), '机房改造', 60, 30],
        [('covered',), '宣传', 10, 6],
        ['上级资金', '数字乡村', 90, 90],
        ['合计', None, ('formula', 'of:=SUM([.C4:.C7])'), ('formula', 'of:=SUM([.D4:.D7])')],
        [], [], [],
        ['2022年项目资金执行情况表'],
        ['单位：万元'],
        ['资金类别', '项目名称', '全年预算数', '执行数'],
        ['州本级', '旧平台运维', 500, 250],
        ['合计', None, 500, 250],
    ]
    hidden = [['备份：2023年初预算'], ['项目名称', '年初预算数', '全年预算数', '执行数'], ['网站运维', 40, 999, 999]]
    return fods([('项目资金', True, rows), ('备份', False, hidden)])


def fods_payments():
    """Executed from payments: a header repeated inside the body, payments in 2022 and 2024."""
    funds = [
        ['2023年项目资金表'],
        ['单位：万元'],
        ['项目编码', '项目名称', '全年预算数'],
        ['P1', '网站运维', 10],
        ['P2', '机房改造', 20],
        ['P3', '宣传', 5],
    ]
    header = ['支付日期', '支付凭证号', '预算项目编码', '预算项目名称', '支付金额(元)']
    pays = [
        header,
        [('date', '2023-03-15'), 'V001', 'P1', '网站运维', 30000],
        [('date', '2023-06-30'), 'V002', 'P1', '网站运维', 50000],
        header,
        [('date', '2023-09-01'), 'V003', 'P2', '机房改造', 120000],
        [('date', '2022-12-30'), 'V000', 'P2', '机房改造', 40000],
        [('date', '2024-01-05'), 'V004', 'P1', '网站运维', 20000],
    ]
    return fods([('项目资金', True, funds), ('支付明细', True, pays)])


# ---------------------------------------------------------------------------------------------------
# SpreadsheetML written by hand.

NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
REL_DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument'
REL_SHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet'
REL_SST = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings'
REL_STYLES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles'
REL_TABLE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table'
CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml'


def attr(text):
    return escape(text, {'"': '&quot;'})


def col_letter(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


class Cell:
    """A cell spelled out: kind is 'n', 's' (string), 'f' (formula with cached value), 'e', 'str', 'rich'."""

    def __init__(self, kind, value=None, formula=None, style=0, shared=None, runs=None):
        self.kind, self.value, self.formula, self.style, self.shared, self.runs = kind, value, formula, style, shared, runs


def N(v, style=0):
    return Cell('n', v, style=style)


def F(formula, cached, kind='n', shared=None):
    return Cell('f', cached, formula=formula, shared=shared, style=0) if kind == 'n' else Cell(kind, cached, formula=formula, shared=shared)


def E(code):
    return Cell('e', code)


def RICH(*runs):
    return Cell('rich', runs=runs)


class Book:
    """A workbook package built part by part; `p` is the namespace prefix ('' or 'x:')."""

    def __init__(self, prefix='', inline=False, date1904=False, numfmts=None, xfs=None, rows_without_r=False, dimension=True, strict=False):
        self.p, self.inline, self.date1904, self.strict = prefix, inline, date1904, strict
        self.numfmts = numfmts or {}
        self.xfs = xfs or [0]
        self.rows_without_r, self.dimension = rows_without_r, dimension
        self.sheets = []
        self.strings = []
        self.index = {}

    def sheet(self, name, rows, state='visible', merges=(), tables=()):
        self.sheets.append((name, rows, state, merges, tables))

    def sst(self, text):
        if text not in self.index:
            self.index[text] = len(self.strings)
            self.strings.append(text)
        return self.index[text]

    def sst_raw(self, inner):
        key = ('raw', inner)
        if key not in self.index:
            self.index[key] = len(self.strings)
            self.strings.append(key)
        return self.index[key]

    def el(self, tag):
        return f'{self.p}{tag}'

    def cell_xml(self, ref, v):
        p = self.el
        r = '' if self.rows_without_r else f' r="{ref}"'
        if v is None:
            return ''
        if isinstance(v, str):
            v = Cell('s', v)
        elif isinstance(v, (int, float)):
            v = Cell('n', v)
        s = f' s="{v.style}"' if v.style else ''
        if v.kind == 'n':
            return f'<{p("c")}{r}{s}><{p("v")}>{v.value}</{p("v")}></{p("c")}>'
        if v.kind == 's':
            if self.inline:
                return f'<{p("c")}{r}{s} t="inlineStr"><{p("is")}><{p("t")} xml:space="preserve">{escape(v.value)}</{p("t")}></{p("is")}></{p("c")}>'
            return f'<{p("c")}{r}{s} t="s"><{p("v")}>{self.sst(v.value)}</{p("v")}></{p("c")}>'
        if v.kind == 'd':
            return f'<{p("c")}{r}{s} t="d"><{p("v")}>{v.value}</{p("v")}></{p("c")}>'
        if v.kind == 'b':
            return f'<{p("c")}{r}{s} t="b"><{p("v")}>{v.value}</{p("v")}></{p("c")}>'
        if v.kind == 'rawsi':  # a shared-string item spelled out (phonetic runs, character references)
            return f'<{p("c")}{r}{s} t="s"><{p("v")}>{self.sst_raw(v.value)}</{p("v")}></{p("c")}>'
        if v.kind == 'rich':
            runs = ''.join(
                f'<{p("r")}>' + (f'<{p("rPr")}><{p("b")}/><{p("color")} rgb="FFFF0000"/></{p("rPr")}>' if bold else '') + f'<{p("t")} xml:space="preserve">{escape(t)}</{p("t")}></{p("r")}>'
                for t, bold in v.runs)
            return f'<{p("c")}{r}{s} t="inlineStr"><{p("is")}>{runs}</{p("is")}></{p("c")}>'
        if v.kind == 'e':
            f = f'<{p("f")}>{escape(v.formula)}</{p("f")}>' if v.formula else ''
            return f'<{p("c")}{r}{s} t="e">{f}<{p("v")}>{escape(v.value)}</{p("v")}></{p("c")}>'
        ftag = ''
        if v.shared is not None:
            si, master_ref = v.shared
            ftag = f'<{p("f")} t="shared" ref="{master_ref}" si="{si}">{escape(v.formula)}</{p("f")}>' if v.formula else f'<{p("f")} t="shared" si="{si}"/>'
        elif v.formula:
            ftag = f'<{p("f")}>{escape(v.formula)}</{p("f")}>'
        if v.kind == 'str':
            return f'<{p("c")}{r}{s} t="str">{ftag}<{p("v")}>{escape(v.value)}</{p("v")}></{p("c")}>'
        val = '' if v.value is None else f'<{p("v")}>{v.value}</{p("v")}>'
        return f'<{p("c")}{r}{s}>{ftag}{val}</{p("c")}>'

    def sheet_xml(self, rows, merges, tables):
        p = self.el
        xmlns = f'xmlns{":" + self.p[:-1] if self.p else ""}="{NS_MAIN}" xmlns:r="{NS_R}"'
        body = []
        maxc = 0
        for i, row in enumerate(rows):
            if isinstance(row, dict):  # sparse: {col: value}
                items = sorted(row.items())
            else:
                items = list(enumerate(row))
            cells = ''.join(self.cell_xml(f'{col_letter(c)}{i + 1}', v) for c, v in items)
            if not cells:
                continue
            maxc = max(maxc, max(c for c, v in items if v is not None) + 1)
            r = '' if self.rows_without_r else f' r="{i + 1}"'
            body.append(f'<{p("row")}{r}>{cells}</{p("row")}>')
        dim = f'<{p("dimension")} ref="A1:{col_letter(max(maxc - 1, 0))}{len(rows)}"/>' if self.dimension else ''
        merge = ''
        if merges:
            merge = f'<{p("mergeCells")} count="{len(merges)}">' + ''.join(f'<{p("mergeCell")} ref="{m}"/>' for m in merges) + f'</{p("mergeCells")}>'
        parts = ''
        if tables:
            parts = f'<{p("tableParts")} count="{len(tables)}">' + ''.join(f'<{p("tablePart")} r:id="rIdT{i + 1}"/>' for i in range(len(tables))) + f'</{p("tableParts")}>'
        return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{p("worksheet")} {xmlns}>{dim}<{p("sheetData")}>{"".join(body)}</{p("sheetData")}>{merge}{parts}</{p("worksheet")}>'

    def save(self, path):
        p = self.el
        xmlns = f'xmlns{":" + self.p[:-1] if self.p else ""}="{NS_MAIN}" xmlns:r="{NS_R}"'
        files = {}
        overrides = [('/xl/workbook.xml', f'{CT}.sheet.main+xml'), ('/xl/styles.xml', f'{CT}.styles+xml')]
        wb_rels = [('rIdS', REL_STYLES, 'styles.xml')]
        sheets_xml = []
        table_no = 0
        for n, (name, rows, state, merges, tables) in enumerate(self.sheets, start=1):
            files[f'xl/worksheets/sheet{n}.xml'] = self.sheet_xml(rows, merges, tables)
            overrides.append((f'/xl/worksheets/sheet{n}.xml', f'{CT}.worksheet+xml'))
            wb_rels.append((f'rId{n}', REL_SHEET, f'worksheets/sheet{n}.xml'))
            st = '' if state == 'visible' else f' state="{state}"'
            sheets_xml.append(f'<{p("sheet")} name="{escape(name)}" sheetId="{n}"{st} r:id="rId{n}"/>')
            if tables:
                rels = []
                for i, t in enumerate(tables):
                    table_no += 1
                    files[f'xl/tables/table{table_no}.xml'] = t(table_no)
                    overrides.append((f'/xl/tables/table{table_no}.xml', f'{CT}.table+xml'))
                    rels.append(f'<Relationship Id="rIdT{i + 1}" Type="{REL_TABLE}" Target="../tables/table{table_no}.xml"/>')
                files[f'xl/worksheets/_rels/sheet{n}.xml.rels'] = f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{NS_PKG_REL}">{"".join(rels)}</Relationships>'
        pr = f'<{p("workbookPr")} date1904="1"/>' if self.date1904 else f'<{p("workbookPr")}/>'
        files['xl/workbook.xml'] = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{p("workbook")} {xmlns}>{pr}<{p("bookViews")}><{p("workbookView")} activeTab="0"/></{p("bookViews")}><{p("sheets")}>{"".join(sheets_xml)}</{p("sheets")}></{p("workbook")}>'
        if self.strings:
            files['xl/sharedStrings.xml'] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{p("sst")} {xmlns} count="{len(self.strings)}" uniqueCount="{len(self.strings)}">'
                                             + ''.join(f'<{p("si")}>{s[1]}</{p("si")}>' if isinstance(s, tuple) else f'<{p("si")}><{p("t")} xml:space="preserve">{escape(s)}</{p("t")}></{p("si")}>' for s in self.strings) + f'</{p("sst")}>')
            overrides.append(('/xl/sharedStrings.xml', f'{CT}.sharedStrings+xml'))
            wb_rels.append(('rIdSST', REL_SST, 'sharedStrings.xml'))
        numfmts = ''.join(f'<{p("numFmt")} numFmtId="{i}" formatCode="{attr(code)}"/>' for i, code in self.numfmts.items())
        numfmts = f'<{p("numFmts")} count="{len(self.numfmts)}">{numfmts}</{p("numFmts")}>' if self.numfmts else ''
        xfs = ''.join(f'<{p("xf")} numFmtId="{f}" fontId="0" fillId="0" borderId="0"' + (' applyNumberFormat="1"' if f else '') + '/>' for f in self.xfs)
        files['xl/styles.xml'] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{p("styleSheet")} {xmlns}>{numfmts}'
                                  f'<{p("fonts")} count="1"><{p("font")}><{p("sz")} val="11"/><{p("name")} val="宋体"/></{p("font")}></{p("fonts")}>'
                                  f'<{p("fills")} count="2"><{p("fill")}><{p("patternFill")} patternType="none"/></{p("fill")}><{p("fill")}><{p("patternFill")} patternType="gray125"/></{p("fill")}></{p("fills")}>'
                                  f'<{p("borders")} count="1"><{p("border")}/></{p("borders")}>'
                                  f'<{p("cellStyleXfs")} count="1"><{p("xf")} numFmtId="0" fontId="0" fillId="0" borderId="0"/></{p("cellStyleXfs")}>'
                                  f'<{p("cellXfs")} count="{len(self.xfs)}">{xfs}</{p("cellXfs")}></{p("styleSheet")}>')
        files['xl/_rels/workbook.xml.rels'] = f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{NS_PKG_REL}">' + ''.join(
            f'<Relationship Id="{i}" Type="{t}" Target="{tg}"/>' for i, t, tg in wb_rels) + '</Relationships>'
        files['_rels/.rels'] = f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{NS_PKG_REL}"><Relationship Id="rId1" Type="{REL_DOC}" Target="xl/workbook.xml"/></Relationships>'
        files['[Content_Types].xml'] = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                                        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                                        + ''.join(f'<Override PartName="{n}" ContentType="{c}"/>' for n, c in overrides) + '</Types>')
        if self.strict:
            # ISO/IEC 29500 Strict, as Excel's "Strict Open XML Spreadsheet" saves: other namespaces and relationship types.
            for k in files:
                files[k] = (files[k].replace(NS_MAIN, 'http://purl.oclc.org/ooxml/spreadsheetml/main')
                            .replace('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'))
        with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
            for name in ['[Content_Types].xml', '_rels/.rels'] + sorted(k for k in files if k not in ('[Content_Types].xml', '_rels/.rels')):
                info = zipfile.ZipInfo(name, FIXED)
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, files[name])


def sdk_prefixed(path):
    """The Open XML SDK's habit: every element prefixed x:. Shared formulas, rich text runs, t="str", t="e"."""
    b = Book(prefix='x:')
    b.sheet('项目资金', [
        ['2023年度项目支出执行情况'],
        ['单位：万元'],
        ['项目名称', '全年预算数', '执行数', '执行率'],
        [RICH(('智慧', False), ('黔南', True), ('平台运维', False)), 120, 96, F('C4/B4', 0.8, shared=(0, 'D4:D6'))],
        [F('"数字"&"乡村"', '数字乡村', kind='str'), 80, 80, F(None, 1, shared=(0, None))],
        ['网站运维', 25, Cell('e', '#N/A', formula='VLOOKUP("网站运维",支付!A:B,2,0)'), Cell('e', '#N/A')],
    ])
    b.save(path)


def date1904_styles(path):
    """A Mac workbook: 1904 dates shown with a custom 年月日 format, amounts with an accounting format."""
    def serial1904(y, m, d):
        return (datetime.date(y, m, d) - datetime.date(1904, 1, 1)).days
    b = Book(date1904=True, numfmts={176: 'yyyy"年"m"月"d"日"', 177: '#,##0.00_ ;[Red]\\-#,##0.00 '}, xfs=[0, 176, 177])
    b.sheet('项目资金', [
        ['2023年项目资金'],
        ['单位：万元'],
        ['项目编码', '项目名称', '全年预算数'],
        ['P1', '网站运维', 10],
        ['P2', '机房改造', 20],
    ])
    b.sheet('支付明细', [
        ['支付日期', '凭证号', '项目编码', '支付金额（元）'],
        [N(serial1904(2023, 1, 3), 1), 'V1', 'P1', N(50000, 2)],
        [N(serial1904(2023, 12, 29), 1), 'V2', 'P1', N(30000, 2)],
        [N(serial1904(2024, 1, 2), 1), 'V3', 'P2', N(100000, 2)],
    ])
    b.save(path)


def export_inline(path):
    """A budget-system export: inline strings, no <dimension>, no r attributes, dates and amounts as text,
    a 待定 执行数 and the export's signature line."""
    b = Book(inline=True, rows_without_r=True, dimension=False)
    b.sheet('项目资金', [
        ['2023年度项目支出执行情况'],
        ['预算项目编码', '预算项目名称', '全年预算数(元)', '执行数(元)'],
        ['P1', '网站运维', 100000, 80000],
        ['P2', '机房改造', 200000, '待定'],
        ['P3', '宣传', 50000, 50000],
    ])
    b.sheet('Sheet1', [
        ['支付日期', '支付凭证号', '预算项目编码', '预算项目名称', '支付金额'],
        ['2023-03-15', 'Z001', 'P1', '网站运维', '80,000.00'],
        ['2023-05-20', 'Z002', 'P2', '机房改造', '50,000.00'],
        ['2023-07-01', 'Z003', 'P3', '宣传', '20,000.00'],
        ['2023-08-01', 'Z004', 'P3', '宣传', '30,000.00'],
        [],
        ['制单人：李四', None, '打印时间：2024-01-05 10:00'],
    ])
    b.save(path)


def side_by_side_stray(path):
    """Two years side by side (shared strings, as Excel writes them) and stray notes far away."""
    b = Book()
    rows = [
        {0: '2023年项目资金执行情况', 5: '2022年项目资金执行情况'},
        {0: '单位：万元', 5: '单位：万元'},
        {0: '项目编码', 1: '项目名称', 2: '全年预算数', 3: '执行数', 5: '项目编码', 6: '项目名称', 7: '全年预算数', 8: '执行数'},
        {0: 'A01', 1: '网站运维', 2: 30, 3: 30, 5: 'B01', 6: '旧平台', 7: 200, 8: 100},
        {0: 'A02', 1: '数字乡村', 2: 70, 3: 35},
    ]
    while len(rows) < 199:
        rows.append({})
    rows.append({25: '核对：王'})
    while len(rows) < 299:
        rows.append({})
    rows.append({27: 12345})
    b.sheet('项目资金', rows)
    b.save(path)


def excel_table(path):
    """The funds as an Excel table (ListObject) with a totals row; output columns must stay out of it."""
    def table(n):
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="{NS_MAIN}" id="{n}" name="项目表" displayName="项目表" ref="A3:D7" totalsRowCount="1">'
                '<autoFilter ref="A3:D6"/><tableColumns count="4"><tableColumn id="1" name="项目编码" totalsRowLabel="合计"/><tableColumn id="2" name="项目名称"/>'
                '<tableColumn id="3" name="全年预算数" totalsRowFunction="sum"/><tableColumn id="4" name="执行数" totalsRowFunction="sum"/></tableColumns>'
                '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>')
    b = Book()
    b.sheet('项目资金', [
        ['2023年项目资金表'],
        ['单位：万元'],
        ['项目编码', '项目名称', '全年预算数', '执行数'],
        ['T1', '网站运维', 40, 20],
        ['T2', '机房改造', 60, 60],
        ['T3', '宣传', 20, 10],
        ['合计', None, F('SUBTOTAL(109,项目表[全年预算数])', 120), F('SUBTOTAL(109,项目表[执行数])', 90)],
    ], tables=[table])
    b.save(path)


def repeated_header_subtotals(path):
    """Merged 资金类别, a 小计 per group (one wrong), the header printed again between the groups."""
    b = Book()
    b.sheet('项目资金', [
        ['2023年项目支出执行情况'],
        ['单位：万元'],
        ['资金类别', '项目名称', '全年预算数', '执行数'],
        ['州本级', '网站运维', 10, 10],
        [None, '机房改造', 20, 10],
        [None, '州本级小计', 30, 20],
        ['资金类别', '项目名称', '全年预算数', '执行数'],
        ['上级资金', '数字乡村', 50, 25],
        [None, '云资源', 50, 50],
        [None, '上级资金小计', 100, 70],
        ['合计', None, 130, 95],
    ], merges=['A4:A5', 'A8:A9'])
    b.save(path)


def mojibake_names(path):
    """Names that went through the wrong code page: GBK bytes shown as Windows-1252 in sheet names."""
    gbk_as_1252 = lambda s: s.encode('gbk').decode('cp1252', errors='replace')
    b = Book()
    b.sheet('项目资金', [
        ['2023年项目资金'],
        ['单位：万元'],
        ['项目编码', '项目名称', '全年预算数'],
        ['P1', '“智慧黔南”平台运维', 10],
        ['P2', '网站运维', 5],
    ])
    b.sheet(gbk_as_1252('支付明细'), [
        ['支付日期', '支付凭证号', '预算项目编码', '收款人全称', '支付金额(元)'],
        [45000, 'M1', 'P1', gbk_as_1252('贵州某公司'), 60000],
        [45100, 'M2', 'P1', gbk_as_1252('贵州某公司'), 40000],
        [45200, 'M3', 'P2', 'Ã³Ò×ÓÐÏÞ¹«Ë¾', 25000],
    ])
    b.sheet(gbk_as_1252('备份'), [['项目名称', '全年预算数', '执行数'], ['网站运维', 5, 5]], state='hidden')
    b.save(path)


def two_row_header(path):
    """The national form's header: 其中 merged over 财政拨款/上年结转/其他资金 in a second header row."""
    b = Book()
    b.sheet('项目资金', [
        ['2023年度项目资金情况'],
        ['单位：万元'],
        ['资金类别', '项目名称', '全年预算数', '其中', None, None, '执行数'],
        [None, None, None, '财政拨款', '上年结转', '其他资金', None],
        ['州本级', '网站运维', 100, 80, 20, 0, 100],
        ['州本级', '机房改造', 50, 30, 10, 0, 25],
    ], merges=['A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4'])
    b.save(path)


def heading_groups(path):
    """Groups as numbered heading rows carrying their sums (一、上级资金 150 120), one heading's sum wrong."""
    b = Book()
    b.sheet('项目资金', [
        ['2023年项目支出预算执行情况表'],
        ['单位：万元'],
        ['序号', '项目名称', '全年预算数', '执行数'],
        ['一、上级资金', None, 150, 120],
        [1, '省专项A', 100, 80],
        [2, '省专项B', 50, 40],
        ['二、州本级', None, 60, 55],
        [1, '人才补贴', 60, 60],
        ['合计', None, 210, 180],
    ])
    b.save(path)


def iso_dates_and_escapes(path):
    """Dates as ISO text cells (t="d"), a name with &amp;, a name as character references, a shared
    string with a phonetic run (its reading is not part of the text), a TRUE cell beside the table."""
    b = Book()
    b.sheet('项目资金', [
        ['2023年项目资金'],
        ['单位：万元'],
        ['项目编码', '项目名称', '全年预算数', '是否重点'],
        ['P1', Cell('rawsi', '<r><t>网站&amp;运维</t></r><rPh sb="0" eb="2"><t>WANGZHAN</t></rPh><phoneticPr fontId="1"/>'), 10, Cell('b', 1)],
        ['P2', Cell('rawsi', '<t>&#26426;&#25151;改造</t>'), 20, Cell('b', 0)],
    ])
    b.sheet('支付明细', [
        ['支付日期', '凭证号', '项目编码', '支付金额(元)'],
        [Cell('d', '2023-02-01T00:00:00'), 'V1', 'P1', 40000],
        [Cell('d', '2023-12-31'), 'V2', 'P2', 50000],
        [Cell('d', '2024-01-01T09:30:00'), 'V3', 'P1', 10000],
    ])
    b.save(path)


def float_noise(path):
    """Numbers as Excel stores them, to 17 significant digits: 1175.1641999999999 is 1175.1642 万元;
    six decimals of 万元 as the reference report has them; the unit only in a merged title. Payments in
    万元 (支付金额（万元）) on a sheet whose name has an apostrophe."""
    b = Book()
    b.sheet('项目资金', [
        ['黔南州大数据局2023年项目资金执行情况表（单位：万元）', None, None, None],
        ['项目编码', '项目名称', '全年预算数', '执行数'],
        ['C1', 'XC工程集中采购工作经费', N('1175.1641999999999'), N('1175.1641999999999')],
        ['C2', '兑现政策缺口经费', N('52.848469000000001'), N('52.848469000000001')],
        ['C3', '数字中台工作经费', N('30'), N('29.989999999999998')],
        ['C4', '多彩宝接入经费', N('2.5880000000000001'), N('2.5880000000000001')],
    ], merges=['A1:D1'])
    b.sheet("O'Neil 支付", [
        ['支付日期', '凭证号', '项目编码', '支付金额（万元）'],
        [44958, 'V1', 'C3', N('29.989999999999998')],
        [44960, 'V2', 'C2', N('52.848469000000001')],
        [44970, 'V3', 'C1', N('1175.1641999999999')],
        [44980, 'V4', 'C4', N('2.5880000000000001')],
    ])
    b.save(path)


def paged_export(path):
    """A payments export printed page by page: 过次页/承前页 rows carrying the page's running sum,
    本页合计, 第1页 共2页 lines, the header again on each page, and the grand 合计."""
    b = Book(inline=True)
    b.sheet('项目资金', [
        ['2023年项目资金'],
        ['单位：万元'],
        ['项目编码', '项目名称', '全年预算数'],
        ['P1', '网站运维', 10],
        ['P2', '机房改造', 5],
    ])
    header = ['支付日期', '支付凭证号', '预算项目编码', '预算项目名称', '支付金额']
    b.sheet('支付明细', [
        ['2023年度国库集中支付明细'],
        ['金额单位：元'],
        header,
        ['2023-02-01', 'Z01', 'P1', '网站运维', 20000],
        ['2023-03-01', 'Z02', 'P1', '网站运维', 30000],
        ['2023-04-01', 'Z03', 'P2', '机房改造', 10000],
        ['过次页', None, None, None, 60000],
        ['第1页 共2页'],
        header,
        ['承前页', None, None, None, 60000],
        ['2023-05-01', 'Z04', 'P1', '网站运维', 5000],
        ['2023-06-01', 'Z05', 'P2', '机房改造', 15000],
        ['本页合计', None, None, None, 20000],
        ['合计', None, None, None, 80000],
        ['第2页 共2页'],
    ])
    b.save(path)


def budget_columns(path):
    """Columns that look like the budget and the spending but are not: 年初预算数 and 调整预算数 (the
    change) beside 调整后预算数 (the full-year budget), 本月支出 beside 累计支出, next year's 2024年预算数."""
    b = Book()
    b.sheet('项目资金', [
        ['2023年项目资金执行情况（单位：万元）'],
        ['项目名称', '年初预算数', '调整预算数', '调整后预算数', '本月支出', '累计支出', '2024年预算数'],
        ['网站运维', 10, 2, 12, 1, 9, 15],
        ['机房改造', 20, -5, 15, 0, 15, 20],
    ])
    b.save(path)


def strict_ooxml(path):
    """Saved as "Strict Open XML Spreadsheet": the ISO Strict namespaces and relationship types."""
    b = Book(strict=True)
    b.sheet('项目资金', [
        ['2023年项目资金执行情况'],
        ['单位：万元'],
        ['项目名称', '全年预算数', '执行数'],
        ['网站运维', 40, 30],
        ['数字乡村', 60, 60],
    ])
    b.save(path)


OPENPYXL = {
    'openpyxl-uncached.xlsx': openpyxl_uncached,
    'openpyxl-hidden-backups.xlsx': openpyxl_hidden_backups,
    'openpyxl-merged-total-above.xlsx': openpyxl_merged_total_above,
    'openpyxl-text-amounts.xlsx': openpyxl_text_amounts,
    'openpyxl-text-dates.xlsx': openpyxl_text_dates,
    'openpyxl-payment-matching.xlsx': openpyxl_payment_matching,
    'openpyxl-mixed-units.xlsx': openpyxl_mixed_units,
    'openpyxl-monitoring.xlsx': openpyxl_monitoring,
    **ADVERSARY,
}
HAND = {
    'sdk-prefixed.xlsx': sdk_prefixed,
    'mac-date1904-styles.xlsx': date1904_styles,
    'export-inline-tbd.xlsx': export_inline,
    'side-by-side-stray.xlsx': side_by_side_stray,
    'excel-table-totals-row.xlsx': excel_table,
    'repeated-header-subtotals.xlsx': repeated_header_subtotals,
    'mojibake-names.xlsx': mojibake_names,
    'two-row-header.xlsx': two_row_header,
    'heading-groups.xlsx': heading_groups,
    'iso-dates-and-escapes.xlsx': iso_dates_and_escapes,
    'strict-ooxml.xlsx': strict_ooxml,
    'float-noise-wan-payments.xlsx': float_noise,
    'paged-export.xlsx': paged_export,
    'budget-columns.xlsx': budget_columns,
}
LIBRE = {
    'libreoffice-csv-export.xlsx': ('csv', lambda: CSV_EXPORT),
    'libreoffice-stacked-years.xlsx': ('fods', fods_stacked),
    'libreoffice-payments.xlsx': ('fods', fods_payments),
}
ALL = list(OPENPYXL) + list(HAND) + list(LIBRE)


def main():
    os.makedirs(OUT, exist_ok=True)
    only = sys.argv[1:]
    for name, make in {**OPENPYXL, **HAND}.items():
        if not only or name in only:
            make(os.path.join(OUT, name))
    if shutil.which('soffice') is None:
        sys.exit('LibreOffice (soffice) is needed for the libreoffice-*.xlsx files')
    with tempfile.TemporaryDirectory() as tmp:
        for name, (ext, text) in LIBRE.items():
            if only and name not in only:
                continue
            src = os.path.join(tmp, os.path.splitext(name)[0] + '.' + ext)
            with open(src, 'w', encoding='utf-8') as f:
                f.write(text())
            shutil.move(soffice(src, tmp), os.path.join(OUT, name))
    for name in ALL:
        if not only or name in only:
            print('wrote', os.path.join('tests/fixtures/heldout', name))


if __name__ == '__main__':
    main()
