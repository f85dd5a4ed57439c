import { PROJECTS, UNIT } from '../../scripts/sample-data';
import { chineseNumeral, renderReportSheet, type ReportDocument, type WorkbookSnapshot } from '../../src/core';
import { paragraphStarting, reportOf, sampleSnapshot, texts, under } from '../helpers/report';

const CHINESE = Array.from({ length: 100 }, (_, i) => chineseNumeral(i));

describe('the 绩效自评报告 built from the reference’s workbook', () => {
  let doc: ReportDocument;
  let all: string;
  let snapshot: WorkbookSnapshot;
  beforeAll(async () => {
    snapshot = await sampleSnapshot();
    doc = reportOf(snapshot).doc;
    all = texts(doc).join('\n');
  });

  it('opens with the unit sheet’s title, addressee and opening, and signs with the unit and a date to fill in', () => {
    expect(doc.paragraphs.slice(0, 3).map((p) => [p.style, p.text])).toEqual([
      ['title', '黔南州大数据发展管理局2023年绩效运行日常监控自评情况报告'],
      ['addressee', '州财政局：'],
      ['body', UNIT.opening],
    ]);
    expect(doc.paragraphs.slice(-2).map((p) => [p.style, p.text])).toEqual([
      ['signature', '黔南州大数据发展管理局'],
      // No 报告日期 set: a placeholder, never the clock's date (the analysis's today is 2024-01-15).
      ['signature', '【请填写：报告日期】'],
    ]);
    const dated = reportOf(snapshot, { reportDate: '2024-02-20' }).doc;
    expect(dated.paragraphs[dated.paragraphs.length - 1].text).toBe('2024年2月20日');
    expect(doc.unitSheet).toBe('单位信息');
  });

  it('has the five parts, numbered 一、 to 五、, 自评结论 last', () => {
    expect(doc.paragraphs.filter((p) => p.level === 1).map((p) => p.text)).toEqual(['一、整体支出绩效自评情况', '二、项目支出绩效自评情况', '三、存在的问题', '四、下一步改进措施', '五、自评结论']);
  });

  it('lists the 15 单位职能 as （1）…（15）, their own (1) numbering replaced', () => {
    const items = under(doc, paragraphStarting(doc, '（一）单位职能概述'));
    expect(items.map((p) => p.label)).toEqual(UNIT.functions.map((_, i) => `（${i + 1}）`));
    expect(items[11].text).toBe('（12）承办州委、州政府和省大数据局交办的其他事项。');
    expect(items[0].sources).toEqual(['单位信息!B6']);
  });

  it('mentions every project in both parts', () => {
    for (const p of PROJECTS) {
      expect(doc.paragraphs.filter((x) => x.style === 'heading3' && x.runs.some((r) => r.text === p.name))).toHaveLength(1);
      expect(doc.paragraphs.filter((x) => x.style === 'listItem' && x.text.includes(`${p.name}`))).not.toHaveLength(0);
    }
  });

  it('states the group totals 1565.61 and 1563.53 万元 as the reference does', () => {
    const local = paragraphStarting(doc, '2.州本级资金安排的项目');
    expect(under(doc, local)[0].text).toBe('共16个项目，项目总资金为1565.61万元，已支付1565.61万元，执行率100%。');
    expect(all).toContain('大数据发展专项资金项目14个，项目资金1563.53万元，已支付1563.53万元，执行率100%。项目为：');
    expect(all).toContain('（三）州本级资金安排的大数据发展专项资金项目14个，1563.53万元。');
    expect(paragraphStarting(doc, '2023年度纳入绩效自评的项目共21个').text).toBe('2023年度纳入绩效自评的项目共21个，全年预算数3002.25万元，已支付2936.44万元，执行率98%。其中预算未全部执行的项目2个。');
  });

  it('writes each project’s one-liner and 资金使用情况 in the reference’s words, rates as it prints them', () => {
    expect(all).toContain('（2）2023年省大数据发展专项资金(第二批项目)138万元；已支付124.2万元，执行率90%。\n');
    expect(all).toContain('（1）2022年省大数据发展专项资金(第二批项目)72万元（上年结转）；已支付20万元，执行率28%。\n');
    // Once after the group's list, not after every line: which projects lag and where their reasons are.
    expect(all).toContain('\n其中，2022年省大数据发展专项资金(第二批项目)、2023年省大数据发展专项资金(第二批项目)预算未全部执行，偏差原因见项目支出绩效自评情况。\n');
    expect(all.match(/偏差原因见项目支出绩效自评情况/g)).toHaveLength(1);
    // Summaries round to two decimals; the project's own paragraph keeps the source's precision.
    expect(all).toContain('（5）2022年智慧黔南移动门户端多彩宝接入经费2.59万元；已支付2.59万元，执行率100%。');
    expect(all).toContain('（1）资金使用情况：2023年度预算数2.588万元（其中：财政拨款资金2.588万元，其他资金0万元），执行数2.588万元，执行率100%。');
    expect(all).toContain('（1）资金使用情况：2023年度预算数116.36万元（其中：财政拨款资金116.36万元，其他资金0万元），执行数116.36万元，执行率100%。');
    expect(all).toContain('（1）资金使用情况：2023年度预算数52.848469万元（其中：财政拨款资金52.848469万元，其他资金0万元），执行数52.848469万元，执行率100%。');
    expect(all).toContain('（1）资金使用情况：2023年度预算数72万元（其中：财政拨款资金0万元，上年结转资金72万元，其他资金0万元），执行数20万元，执行率28%。');
    // 29.99 ÷ 30 prints as 100%, and the paragraph says what is still unspent.
    expect(all).toContain('执行数29.99万元，执行率100%（实际99.97%，尚余0.01万元未支付）。');
  });

  it('places the staff’s texts under each project and marks what they left empty', () => {
    const p = PROJECTS.find((x) => x.name === '大数据产业扶持资金')!;
    const fields = under(doc, doc.paragraphs.find((x) => x.style === 'heading3' && x.text.endsWith(p.name))!);
    expect(fields.map((f) => f.text)).toEqual([
      '（1）资金使用情况：2023年度预算数289.62万元（其中：财政拨款资金289.62万元，其他资金0万元），执行数289.62万元，执行率100%。',
      `（2）项目实施情况：${p.implementation}`,
      `（3）产生的效益：${p.benefit}`,
      '（4）受益对象（服务对象）满意度：服务对象满意度100%。',
    ]);
    expect(fields[1].sources).toEqual(['项目资金!M26']);
    const xc = under(doc, doc.paragraphs.find((x) => x.style === 'heading3' && x.text.endsWith('2022年黔南州XC工程集中采购工作经费'))!);
    // Left empty in the funds table: the 绩效指标 sheet's 实际完成情况 and results speak instead.
    expect(xc.slice(1).map((f) => f.text)).toEqual(['（2）项目实施情况：已完成年度目标。资金支付及时率达100%。', '（3）产生的效益：保障集中采购工作开展已完成。', '（4）受益对象（服务对象）满意度：服务对象满意度达100%。']);
    expect(doc.missing.filter((m) => m.project === '2022年黔南州XC工程集中采购工作经费')).toEqual([]);
  });

  it('writes （5）未完成原因 only for the two projects whose printed rate is below 100%', () => {
    const reasons = doc.paragraphs.filter((p) => p.text.startsWith('（5）未完成原因：'));
    expect(reasons.map((p) => p.text)).toEqual([
      `（5）未完成原因：${PROJECTS[0].reason}。`,
      `（5）未完成原因：${PROJECTS[1].reason}。`,
    ]);
    // 29.99 ÷ 30 prints 100%: only the 99.97% note, no reason asked for.
    expect(doc.missing.filter((m) => m.field === '未完成原因')).toEqual([]);
    expect(all).not.toMatch(/（[1-4]）未完成原因/);
  });

  it('numbers every heading and list without a repeat or a gap, each list restarting at （1）', () => {
    const value = (label: string) => {
      const n = /\d+/.exec(label)?.[0];
      return n ? Number(n) : CHINESE.indexOf(label.replace(/[（）、]/g, ''));
    };
    // Group the numbered paragraphs by their parent heading; each group must read 1, 2, 3 …
    // A list is a run of items with nothing between them: a body paragraph ends it.
    const byParent = new Map<string, number[]>();
    const open: number[] = [];
    let list = 0;
    doc.paragraphs.forEach((p, i) => {
      if (p.style !== 'listItem') list++;
      if (!p.label) return;
      const depth = p.style === 'listItem' ? 99 : p.level;
      while (open.length && doc.paragraphs[open[open.length - 1]].level >= depth) open.pop();
      const parent = open.length ? open[open.length - 1] : -1;
      const key = p.style === 'listItem' ? `${parent}:${list}` : String(parent);
      byParent.set(key, [...(byParent.get(key) ?? []), value(p.label)]);
      if (p.level > 0) open.push(i);
    });
    const numbered = doc.paragraphs.filter((p) => p.label);
    for (const numbers of byParent.values()) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(numbered.length).toBeGreaterThan(100);
    expect(byParent.size).toBeGreaterThan(20);
  });

  it('says, in 三、存在的问题, which projects lag, what is unspent and why, and that data must be corrected — in prose', () => {
    const problems = under(doc, paragraphStarting(doc, '三、存在的问题'));
    expect(problems[0].text).toBe(
      '（1）部分项目预算未全部执行。2023年度有2个项目预算未全部执行，节余资金合计65.8万元。其中，2022年省大数据发展专项资金(第二批项目)执行率28%，低于预算72个百分点，节余资金52万元，主要是“黔南农产品电商仓配港信息化项目”项目正在启动验收程序，待项目验收后拨付剩余资金；2023年省大数据发展专项资金(第二批项目)执行率90%，低于预算10个百分点，节余资金13.8万元，主要是“贵州胜威福全化工有限公司数字化建设项目”目前初步完成数字化建设蓝图搭建工作，预计2024年完成项目建设。',
    );
    expect(problems[1].text).toBe('（2）基础数据质量有待提高。自评中发现个别项目存在资金来源分项合计与预算数不一致情况，需逐项核实更正，确保报送数据准确。');
    // The failed check is marked where its figure is printed, in plain words, and listed with its cell in the 核对清单.
    expect(all).toContain('2023年度预算数9.8万元（其中：财政拨款资金5万元，其他资金0万元）【请核对：其中各项合计5万元，与预算数9.8万元不符】，执行数9.8万元');
    expect(doc.checklist).toContainEqual(expect.objectContaining({ kind: 'check', project: '州委大楼网络运维外包服务经费', cell: '项目资金!G24', mark: '【请核对：其中各项合计5万元，与预算数9.8万元不符】' }));
    const measures = under(doc, paragraphStarting(doc, '四、下一步改进措施'));
    expect(measures.map((p) => p.label)).toEqual(['（1）', '（2）', '（3）']);
  });

  it('traces every figure to its cells: the 大数据专项 heading to 项目资金!G13:G26', () => {
    const plan = renderReportSheet(doc);
    const row = plan.rows.find((r) => r.text.endsWith('（三）州本级资金安排的大数据发展专项资金项目14个，1563.53万元。'))!;
    expect(row.meta).toBe('heading2 | 项目资金!G13:G26');
    const total = doc.paragraphs.find((p) => p.text.startsWith('2023年度纳入绩效自评'))!;
    const budgetRun = total.runs.find((r) => r.text === '3002.25万元')!;
    expect(budgetRun.kind).toBe('figure');
    expect(budgetRun.cells).toHaveLength(21);
  });

  it('never prints undefined, NaN or an empty heading', () => {
    expect(all).not.toMatch(/undefined|NaN|null/);
    expect(doc.paragraphs.filter((p) => p.level > 0 && p.text.replace(p.label, '').trim() === '')).toEqual([]);
  });
});
