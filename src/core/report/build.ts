/**
 * buildReport: the analysis and the workbook to the whole 绩效自评报告 as one document — title,
 * addressee, opening, 一、整体支出 / 二、项目支出 / 三、存在的问题 / 四、下一步改进措施, signature —
 * numbered by numberOutline so the numbers never repeat or skip.
 */
import type { Analysis } from '../analyze';
import { formatChineseDate, parseDate } from '../dates';
import { DEFAULT_SETTINGS } from '../settings';
import { WorkbookSnapshot } from '../snapshot';
import { overviewSection } from './build-overview';
import { measuresSection, problemsSection } from './build-problems';
import { projectsSection } from './build-projects';
import { BuildContext, cellCaches } from './context';
import { Inline, MissingItem, ReportDocument, ReportOptions, ReportParagraph, fillIn } from './document';
import { numberOutline, paragraph } from './numbering';
import { Voice, asName, placeholder, staff, text } from './phrases';
import { readUnitInfo, unitNameFromTitles } from './unit';

function unitNameRuns(ctx: BuildContext): { runs: Inline[]; name?: string } {
  const u = ctx.unit.unitName;
  if (u) return { runs: [staff(asName(u.value), u.cell)], name: asName(u.value) };
  const fromTitle = unitNameFromTitles(ctx.funds.titleTexts);
  if (fromTitle) return { runs: [text(fromTitle)], name: fromTitle };
  const mark = fillIn('单位名称');
  ctx.missing.push({ field: '单位名称', placeholder: mark });
  return { runs: [placeholder(mark)] };
}

function titleRuns(ctx: BuildContext, unitName: Inline[]): Inline[] {
  const t = ctx.unit.title;
  if (t) return [staff(asName(t.value), t.cell)];
  const kind = ctx.voice.period.monitoring ? '年绩效运行日常监控自评情况报告' : '年度绩效自评报告';
  return [...unitName, text(`${ctx.year}${kind}`)];
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
  if (o && (o.kind === 'opening' || /如下[:：]$/.test(o.value))) return [staff(o.value.trim(), o.cell)];
  if (o) return [text('根据'), staff(asName(o.value).replace(/^(根据|按照|依据)/, ''), o.cell), text('的要求，'), ...closing];
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
    const mark = fillIn('成文日期');
    ctx.missing.push({ field: '成文日期', placeholder: mark });
    dateRun = placeholder(mark);
  }
  return [paragraph('signature', unitName), paragraph('signature', [dateRun])];
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
  const ctx: BuildContext = { model, results, funds, issues: analysis.issues, voice, unit, year: period.fiscalYear, missing: [], ...cellCaches(model, results.projects) };
  const notes: string[] = [];
  if (unit.year && unit.year.value !== period.fiscalYear) {
    notes.push(`${unit.year.cell}的年度${unit.year.value}与预算执行表的年度${period.fiscalYear}不一致，报告按${period.fiscalYear}年度生成。`);
  }
  const name = unitNameRuns(ctx);
  const title = paragraph('title', titleRuns(ctx, name.runs));
  const head = [title, paragraph('addressee', addresseeRuns(ctx)), paragraph('body', openingRuns(ctx, name.runs))];
  const body = numberOutline([overviewSection(ctx), projectsSection(ctx), problemsSection(ctx), measuresSection(ctx)]);
  const tail = signature(ctx, name.runs, options.date ?? analysis.settings.today);
  return {
    paragraphs: [...head, ...body, ...tail],
    title: title.text,
    unitName: name.name,
    fiscalYear: period.fiscalYear,
    monitoring: period.monitoring,
    unitSheet: unit.sheet,
    missing: dedupe(ctx.missing),
    notes,
  };
}
