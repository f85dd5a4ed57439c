/**
 * buildReport: the analysis and the workbook to the whole 绩效自评报告 as one document — title,
 * addressee, opening, 一、整体支出 / 二、项目支出 / 三、存在的问题 / 四、下一步改进措施 / 五、自评结论
 * (when the workbook has indicators), signature —
 * numbered by numberOutline so the numbers never repeat or skip.
 */
import type { Analysis } from '../analyze';
import { formatChineseDate, parseDate, periodName } from '../dates';
import { figureChecks } from './checks';
import { DEFAULT_SETTINGS } from '../settings';
import { WorkbookSnapshot } from '../snapshot';
import { overviewSection } from './build-overview';
import { measuresSection, problemsSection } from './build-problems';
import { projectsSection } from './build-projects';
import { conclusionSection } from './build-conclusion';
import { BuildContext, cellCaches } from './context';
import { ChecklistItem, Inline, MissingItem, ReportDocument, ReportOptions, ReportParagraph, checkMark, fillIn } from './document';
import { buildForms } from './form';
import { numberOutline, paragraph } from './numbering';
import { Voice, asName, placeholder, staff, text } from './phrases';
import { readUnitInfo, unitNameFromTitles } from './unit';

function yearIn(s: string | undefined): number | undefined {
  const m = s ? /(20\d{2}|19\d{2})\s*年/.exec(s) : null;
  return m ? Number(m[1]) : undefined;
}

function unitNameRuns(ctx: BuildContext): { runs: Inline[]; name?: string } {
  const u = ctx.unit.unitName;
  if (u) return { runs: [staff(asName(u.value), u.cell)], name: asName(u.value) };
  const fromTitle = unitNameFromTitles(ctx.funds.titleTexts);
  if (fromTitle) return { runs: [text(fromTitle)], name: fromTitle };
  const mark = fillIn('单位名称');
  ctx.missing.push({ field: '单位名称', placeholder: mark });
  return { runs: [placeholder(mark)] };
}

/**
 * A year written in the unit sheet's title or opening, as the report prints it: when the fiscal year
 * was set (--year, 设置) and differs from the year the workbook states, that year is replaced, so the
 * title, headings and body all name one year. Other years (2022年已建成…) are left alone.
 */
function yearAligned(ctx: BuildContext, s: string): string {
  const stated = ctx.replaceYear;
  return stated !== undefined && stated !== ctx.year ? s.replace(new RegExp(`${stated}(?=\\s*年)`, 'g'), String(ctx.year)) : s;
}

function titleRuns(ctx: BuildContext, unitName: Inline[]): Inline[] {
  const t = ctx.unit.title;
  const period = ctx.voice.period;
  if (t) {
    const title = yearAligned(ctx, asName(t.value));
    // A monitoring run names its months in the staff's own title too, unless it already names some.
    const named = period.monitoring && !/\d+\s*月/.test(title) ? title.replace(new RegExp(`${ctx.year}\\s*年度?`), `${ctx.year}年${periodName(period.asOf)}`) : title;
    return [staff(named, t.cell)];
  }
  // A monitoring report names its months once, in the title, the reference's way: 2023年1-7月.
  if (period.monitoring) return [...unitName, text(`${ctx.year}年${periodName(period.asOf)}绩效运行监控自评情况报告`)];
  return [...unitName, text(`${ctx.year}年度绩效自评报告`)];
}

function addresseeRuns(ctx: BuildContext): Inline[] {
  const a = ctx.unit.addressee;
  if (a) return [staff(asName(a.value), a.cell), text('：')];
  const mark = fillIn('报送对象');
  ctx.missing.push({ field: '报送对象', placeholder: mark });
  return [placeholder(mark), text('：')];
}

/** The opening: the unit's own paragraph, its 政策依据 wrapped in a sentence, or a generated one. */
function openingRuns(ctx: BuildContext, unitName: Inline[]): Inline[] {
  const o = ctx.unit.opening;
  const kind = ctx.voice.period.monitoring ? '绩效运行监控' : '预算支出绩效';
  const closing = [text('现将'), ...unitName, text(`${ctx.year}年度${kind}自评情况报告如下：`)];
  if (o && (o.kind === 'opening' || /如下[:：]$/.test(o.value))) return [staff(yearAligned(ctx, o.value.trim()), o.cell)];
  if (o) return [text('根据'), staff(yearAligned(ctx, asName(o.value).replace(/^(根据|按照|依据)/, '')), o.cell), text('的要求，'), ...closing];
  const mark = fillIn('政策依据');
  ctx.missing.push({ field: '政策依据（开篇）', placeholder: mark });
  return [text('根据'), placeholder(mark), text(`的要求，`), ...closing];
}

/** 落款: the unit's name and the date, right-aligned. */
function signature(ctx: BuildContext, unitName: Inline[], date: string | undefined): ReportParagraph[] {
  const parsed = date ? parseDate(date) : undefined;
  let dateRun: Inline;
  if (parsed?.ok) dateRun = text(formatChineseDate(parsed.serial));
  else {
    const mark = fillIn('报告日期');
    ctx.missing.push({ field: '报告日期', placeholder: mark });
    dateRun = placeholder(mark);
  }
  return [paragraph('signature', unitName), paragraph('signature', [dateRun])];
}

/** The 核对清单: each placeholder the staff must fill, then each data problem with its cell and full finding. */
function checklistOf(ctx: BuildContext, missing: MissingItem[]): ChecklistItem[] {
  const fills: ChecklistItem[] = missing.map((m) => ({
    kind: m.placeholder.startsWith('【请核对') ? 'check' : 'fill',
    ...(m.project ? { project: m.project } : {}),
    ...(m.cell ? { cell: m.cell } : {}),
    mark: m.placeholder,
    detail: m.detail ?? (m.cell ? `请在${m.cell}填写${m.field}，或直接在报告中替换该标记。` : `请在报告中填写${m.field}。`),
  }));
  const checks: ChecklistItem[] = ctx.checks.flatMap((c) =>
    c.issues.map((i) => ({
      kind: 'check' as const,
      ...(c.project !== undefined ? { project: asName(ctx.model.projects[c.project].name) || ctx.model.projects[c.project].cell } : {}),
      ...(i.cell ? { cell: i.cell } : {}),
      mark: checkMark(c.words),
      detail: i.message,
    })),
  );
  return [...checks, ...fills];
}

function dedupe(missing: MissingItem[]): MissingItem[] {
  const seen = new Set<string>();
  return missing.filter((m) => {
    const key = `${m.field}|${m.project ?? ''}|${m.cell ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The report from an analysis (which must be ok) and the snapshot it came from (for the unit sheet).
 * Pure: the same inputs give the same document.
 */
export function buildReport(analysis: Analysis, snapshot: WorkbookSnapshot, options: ReportOptions = {}): ReportDocument {
  const { model, results, period, funds } = analysis;
  if (!analysis.ok || !model || !results || !period || !funds) throw new Error('没有找到项目资金表，无法生成报告。');
  const skip = [funds.sheet, ...(analysis.payments ? [analysis.payments.sheet] : [])];
  const unit = options.unit ?? readUnitInfo(snapshot, skip);
  const voice: Voice = {
    amountDisplay: options.amountDisplay ?? analysis.settings.amountDisplay ?? 'source',
    rateDisplay: options.rateDisplay ?? analysis.settings.rateDisplay ?? DEFAULT_SETTINGS.rateDisplay,
    period,
  };
  const statedYear = unit.year?.value ?? yearIn(unit.title?.value) ?? funds.year;
  // The year the user chose (--year, an as-of date) wins over the one the workbook states, everywhere.
  const chosen = period.yearSource === 'setting' || period.yearSource === 'as-of';
  const replaceYear = chosen && statedYear !== period.fiscalYear ? statedYear : undefined;
  const ctx: BuildContext = { model, results, funds, issues: analysis.issues, voice, unit, year: period.fiscalYear, replaceYear, missing: [], checks: [], evaluation: analysis.evaluation, ...cellCaches(model, results.projects) };
  ctx.checks = figureChecks(ctx);
  const notes: string[] = [];
  if (statedYear !== undefined && statedYear !== period.fiscalYear) {
    const where = unit.year ? `${unit.year.cell}的年度${statedYear}` : `工作簿标题中的年度${statedYear}`;
    const how = chosen ? `报告按指定的${period.fiscalYear}年度生成，标题和正文中的“${statedYear}年”已改为“${period.fiscalYear}年”。` : `报告按${period.fiscalYear}年度生成。`;
    notes.push(`${where}与${chosen ? '指定的' : '预算执行表的'}年度${period.fiscalYear}不一致，${how}`);
  }
  const name = unitNameRuns(ctx);
  const title = paragraph('title', titleRuns(ctx, name.runs));
  const head = [title, paragraph('addressee', addresseeRuns(ctx)), paragraph('body', openingRuns(ctx, name.runs))];
  const conclusion = conclusionSection(ctx);
  const body = numberOutline([overviewSection(ctx), projectsSection(ctx), problemsSection(ctx), measuresSection(ctx), ...(conclusion ? [conclusion] : [])]);
  const tail = signature(ctx, name.runs, options.date ?? analysis.settings.reportDate);
  const forms = buildForms(ctx, analysis.evaluation, name.runs);
  // The forms' items are one per cell already (two indicators may both lack a 偏差原因 column).
  const missing = [...dedupe(ctx.missing), ...forms.missing];
  return {
    paragraphs: [...head, ...body, ...tail],
    title: title.text,
    unitName: name.name,
    fiscalYear: period.fiscalYear,
    monitoring: period.monitoring,
    unitSheet: unit.sheet,
    missing,
    checklist: checklistOf(ctx, missing),
    ...(forms.forms.length ? { forms: forms.forms } : {}),
    notes,
  };
}
