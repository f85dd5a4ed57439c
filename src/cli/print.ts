/** The console summary: a table of projects and the issues grouped by severity, in zh or en. */
import { Analysis, GroupResult, Issue, SEVERITY_ORDER, Severity, countBySeverity, executedSumKnown, formatRounded, rateBasisSentence } from '../core';

export type Lang = 'zh' | 'en';

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

function fit(s: string, width: number, alignRight = false): string {
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = displayWidth(ch);
    if (w + cw > width - (displayWidth(s) > width ? 1 : 0)) {
      out += '…';
      w += 1;
      break;
    }
    out += ch;
    w += cw;
  }
  const pad = ' '.repeat(Math.max(0, width - w));
  return alignRight ? pad + out : out + pad;
}

const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
};

/** At most this many issues of one severity are printed; the JSON summary has them all. */
const MAX_PRINTED = 30;

export function formatProjectTable(a: Analysis, lang: Lang): string {
  if (!a.model || !a.results) return '';
  const head = lang === 'zh' ? ['项目', '预算(万元)', '执行(万元)', '执行率', '偏差(百分点)'] : ['Project', 'Budget (10k)', 'Executed', 'Rate', 'Behind (pts)'];
  const widths = [40, 14, 14, 9, 12];
  const line = (cells: string[]) => cells.map((c, i) => fit(c, widths[i], i > 0)).join('  ');
  const lines = [line(head), widths.map((w) => '-'.repeat(w)).join('  ')];
  const money = (f: bigint | undefined) => (f === undefined ? '—' : formatRounded(f, 'wan', 2, false));
  for (const p of a.model.projects) {
    const r = a.results.projects[p.index];
    lines.push(line([p.name || '（无名称）', money(r.budget), money(r.executed), r.rateText, r.deviationPoints ?? '—']));
  }
  const groupLine = (name: string, g: GroupResult) => line([name, money(g.budget), money(executedSumKnown(g) ? g.executed : undefined), g.rateText, g.deviationPoints ?? '—']);
  lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const g of a.results.groups) {
    lines.push(groupLine(`${g.name}（${g.projects.length}${lang === 'zh' ? '个' : ''}）`, g));
    for (const c of g.children) lines.push(groupLine(`  ${c.subgroup}（${c.projects.length}${lang === 'zh' ? '个' : ''}）`, c));
  }
  lines.push(groupLine(lang === 'zh' ? '合计' : 'Total', a.results.total));
  lines.push(...basisLines(a, lang));
  return lines.join('\n');
}

/**
 * Under the table, for each total whose rate stands on only some of its projects, the sentence the
 * report and the JSON give: 州本级：执行率按其余15个项目计算；大数据发展宣传项目执行数待定。
 */
function basisLines(a: Analysis, lang: Lang): string[] {
  const { model, results } = a;
  if (!model || !results) return [];
  const out: string[] = [];
  const say = (label: string, g: GroupResult) => {
    const zh = rateBasisSentence(g, model, results.projects);
    if (!zh) return;
    if (lang === 'zh') out.push(`${label}：${zh}。`);
    else {
      const names = [...new Set([...g.unknownBudget, ...g.unknownExecuted])].map((i) => model.projects[i].name || model.projects[i].cell);
      out.push(`${label}: the rate is computed over the other ${g.rateProjects.length} projects; not known: ${names.join(', ')}.`);
    }
  };
  for (const g of results.groups) {
    say(g.name, g);
    for (const c of g.children) say(`${g.name}·${c.subgroup}`, c);
  }
  say(lang === 'zh' ? '合计' : 'Total', results.total);
  return out.length ? ['', ...out] : [];
}

export function formatIssues(issues: Issue[], lang: Lang): string {
  if (!issues.length) return lang === 'zh' ? '未发现问题。' : 'No issues found.';
  const counts = countBySeverity(issues);
  const out: string[] = [];
  for (const sev of SEVERITY_ORDER) {
    const list = issues.filter((i) => i.severity === sev);
    if (!list.length) continue;
    out.push(`${SEVERITY_LABEL[lang][sev]} (${counts[sev]})`);
    for (const i of list.slice(0, MAX_PRINTED)) out.push(`  ${i.cell || '—'}  [${i.code}] ${lang === 'zh' ? i.message : i.messageEn}`);
    if (list.length > MAX_PRINTED) {
      out.push(lang === 'zh' ? `  …另有 ${list.length - MAX_PRINTED} 条，完整列表见 --json 输出。` : `  … ${list.length - MAX_PRINTED} more; see the --json output for all.`);
    }
  }
  return out.join('\n');
}
