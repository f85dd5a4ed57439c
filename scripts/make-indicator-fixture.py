"""
Writes tests/fixtures/indicators/reordered-merged.xlsx with openpyxl (another producer than the
sample's exceljs): a 绩效指标 table laid out unlike the sample — the project columns last and keyed by
项目编码, 一级 and 二级 merged down their rows, a 分值 column filled for one project only, a percentage
cell holding 0.9, a project without 满意度指标 and a row of a project the funds table does not have.
The scores it must give are computed by hand in tests/cli/indicators-fixture.test.ts.

    /usr/bin/python3 scripts/make-indicator-fixture.py
"""
import os
from openpyxl import Workbook

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'tests', 'fixtures', 'indicators', 'reordered-merged.xlsx')

wb = Workbook()
funds = wb.active
funds.title = '预算执行'
funds.append(['2023年度项目预算执行表'])
funds.append(['', '', '', '单位：万元'])
funds.append(['项目编码', '项目名称', '预算数', '执行数'])
for row in [['A001', '智慧城市运维', 50, 45], ['A002', '数据共享平台', 80, 80], ['A003', '人才培训', 20, 12]]:
    funds.append(row)

ws = wb.create_sheet('绩效目标表')
ws.append(['2023年度项目绩效目标完成情况'])
ws.append(['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '项目编码', '项目名称', '偏差原因分析及改进措施'])
rows = [
    # 智慧城市运维: no 分值, 产出 50 over 3 (16.67/16.67/16.66), 效益 30, 满意度 10.
    ['产出指标', '数量指标', '巡检次数', '≥24次', '20次', None, 'A001', '智慧城市运维', '汛期停检两次，已调整巡检计划'],
    [None, None, '维护站点数', '不少于10个', '12个', None, None, None, None],
    [None, '时效指标', '故障响应时间', '≤2小时', '3小时', None, None, None, None],
    ['效益指标', '社会效益', '城市管理效率', '有效提升', '基本实现', None, None, None, None],
    ['满意度指标', '服务对象满意度', '市民满意度', '≥85%', 0.9, None, None, None, None],
    # 数据共享平台: 分值 given, 20 + 30 + 30 + 10 = 90.
    ['产出指标', '数量指标', '接入部门数', '≥30个', '33个', 20, 'A002', '数据共享平台', None],
    [None, '质量指标', '数据更新及时率', '≥95%', '90%', 30, None, None, None],
    ['效益指标', '经济效益', '节约行政成本', '≥100万元', '80万元', 30, None, None, None],
    ['满意度指标', '服务对象满意度', '部门满意度', '≥90%', '95%', 10, None, None, None],
    # 人才培训: no 满意度指标.
    ['产出指标', '数量指标', '培训人次', '≥500人次', '520人次', None, 'A003', '人才培训', None],
    [None, '质量指标', '考核合格率', '≥90%', '未完成考核', None, None, None, '考核推迟至次年'],
    ['效益指标', '社会效益', '人才技能', '明显提升', '已提升', None, None, None, None],
    # A project the funds table does not have.
    ['产出指标', '数量指标', '旧指标', '1个', '1个', None, 'A009', '已撤销项目', None],
]
for r in rows:
    ws.append(r)
ws['E7'].number_format = '0%'
for rng in ['A3:A5', 'B3:B4', 'G3:G7', 'H3:H7', 'A8:A9', 'G8:G11', 'H8:H11', 'A12:A13', 'G12:G14', 'H12:H14']:
    ws.merge_cells(rng)
ws.column_dimensions['C'].width = 16
ws.column_dimensions['H'].width = 14
wb.save(OUT)
print('wrote', OUT)
