"""
Held-out workbooks made to fool the figures' rules, in layouts offices use that the first corpus did
not have (imported by make-heldout-corpus.py, which writes them with the rest). Each plants one trap;
its answer key, tests/fixtures/heldout/NAME.answer.json, is worked out by hand from the figures here.
"""
import openpyxl


def merged_group_header(path):
    """A two-row header whose top cells are merged over groups of columns, as printed forms have it:
    预算数 over 年初预算数 | 全年预算数 and 执行情况 over 执行数 | 执行率. The rate stands on 全年预算数 and
    执行数 from the second row; read from the top row alone, 预算数 and 全年预算数 look like two budget
    columns and no 执行数 column is found at all."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '项目资金'
    ws.append(['2023年度项目支出预算执行情况表'])
    ws.append(['单位：万元'])
    ws.append(['序号', '项目名称', '预算数', None, '执行情况', None])
    ws.append([None, None, '年初预算数', '全年预算数', '执行数', '执行率'])
    for area in ('A3:A4', 'B3:B4', 'C3:D3', 'E3:F3'):
        ws.merge_cells(area)
    ws.append([1, '网站运维', 8, 10, 8, 0.8])
    ws.append([2, '机房改造', 25, 20, 10, 0.5])
    ws.append([3, '数字乡村平台', 50, 60, 57, 0.95])
    wb.save(path)


ADVERSARY = {
    'openpyxl-merged-group-header.xlsx': merged_group_header,
}
