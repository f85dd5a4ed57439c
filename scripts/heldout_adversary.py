"""
Held-out workbooks made to fool the figures' rules, in layouts offices use that the first corpus did
not have (imported by make-heldout-corpus.py, which writes them with the rest). Each plants one trap;
its answer key, tests/fixtures/heldout/NAME.answer.json, is worked out by hand from the figures here.
"""
import datetime

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


def project_parts(path):
    """Projects broken down into parts the ways offices number them: 1.1/1.2 under 1, （1）/（2）/（3）
    under 1, a 其中 row under 2. Counted as projects, the parts double every total (上级资金 would be
    360 万元, not 180). 大数据发展专项资金's parts add up to 323.6, not its 330 (C9). The payments are
    booked to the parts and belong to their projects."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '项目资金'
    ws.append(['2023年度项目支出预算执行情况表'])
    ws.append(['单位：万元'])
    ws.append(['序号', '项目名称', '全年预算数', '执行数', '执行率', '未完成原因'])
    ws.append(['一、', '上级资金', 180, 150])
    ws.append([1, '省大数据发展专项资金', 180, 150, None, '政务云二期未验收'])
    ws.append(['1.1', '数字乡村平台', 100, 90])
    ws.append(['1.2', '政务云资源', 80, 60])
    ws.append(['二、', '州本级', 415.6, 352.6])
    ws.append([1, '大数据发展专项资金', 330, 267.5, None, '宣传项目下半年启动'])
    ws.append(['（1）', '网站运维', 85.6, 85.6])
    ws.append(['（2）', '机房改造', 138, 124.2])
    ws.append(['（3）', '大数据发展宣传', 100, 57.7])
    ws.append([2, '人才项目', 85.6, 85.1])
    ws.append([None, '其中：引才补贴', 50, 50])
    ws.append([None, '合计', 595.6, 502.6])
    pay = wb.create_sheet('支付明细')
    pay.append(['支付日期', '支付凭证号', '预算项目名称', '支付金额(元)'])
    rows = [
        (datetime.date(2023, 3, 1), 'V01', '数字乡村平台', 900000),
        (datetime.date(2023, 5, 8), 'V02', '政务云资源', 600000),
        (datetime.date(2023, 4, 2), 'V03', '网站运维', 856000),
        (datetime.date(2023, 6, 9), 'V04', '机房改造', 1242000),
        (datetime.date(2023, 9, 1), 'V05', '大数据发展宣传', 577000),
        (datetime.date(2023, 2, 3), 'V06', '引才补贴', 500000),
        (datetime.date(2023, 7, 7), 'V07', '人才项目', 351000),
    ]
    for r in rows:
        pay.append(list(r))
    for r in range(2, 2 + len(rows)):
        pay.cell(row=r, column=1).number_format = 'yyyy-mm-dd'
    wb.save(path)


def indented_parts(path):
    """合计 above the projects with its 其中 breakdown (财政拨款, then an indented 上年结转) under it;
    大数据专项's indented rows add up to its budget (its parts); 网站运维's one indented row does not
    add up to it, so it is a project — as the 合计 (400 = 300 + 60 + 10 + 30) says too. Indented with
    full-width spaces, as clerks type them."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '项目资金'
    ws.append(['2023年项目支出执行情况'])
    ws.append(['单位：万元'])
    ws.append(['项目名称', '全年预算数', '执行数'])
    ws.append(['合计', 400, 310])
    ws.append(['其中：财政拨款', 350, None])
    ws.append(['\u3000\u3000上年结转', 50, None])
    ws.append(['大数据专项', 300, 240])
    ws.append(['\u3000\u3000平台运维', 100, 90])
    ws.append(['\u3000\u3000数据治理', 200, 150])
    ws.append(['网站运维', 60, 40])
    ws.append(['\u3000\u3000域名续费', 10, 10])
    ws.append(['数字乡村', 30, 20])
    wb.save(path)


ADVERSARY = {
    'openpyxl-merged-group-header.xlsx': merged_group_header,
    'openpyxl-project-parts.xlsx': project_parts,
    'openpyxl-indented-parts.xlsx': indented_parts,
}
