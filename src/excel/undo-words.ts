/**
 * What an undo did, in the words the user reads — the same sentence in the task pane and in the
 * ribbon's dialog (issue 11.8): which sheets were removed, which put back as they were, which were
 * left alone, how many cells went back, and, after 生成报告, that the table and its calculation are
 * untouched. Pure: it only reads the UndoResult.
 */
import type { UndoResult } from './undo';

type Lang = 'zh' | 'en';

function zhSheets(names: string[]): string {
  return names.map((n) => `“${n}”`).join('、');
}

function enSheets(names: string[]): string {
  const list = names.map((n) => `“${n}”`);
  return `${names.length > 1 ? 'sheets' : 'sheet'} ${list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : list[0]}`;
}

export function describeUndo(r: UndoResult, lang: Lang): string {
  const report = r.kind === 'report';
  const zh: string[] = [];
  const en: string[] = [];
  const plural = (names: string[]) => names.length > 1;
  if (r.restoredCells > 0 || !report) {
    zh.push(`恢复了 ${r.restoredCells} 个单元格`);
    en.push(`${r.restoredCells} ${r.restoredCells === 1 ? 'cell' : 'cells'} restored`);
  }
  if (r.removedSheets.length) {
    zh.push(`删除了${report ? '本次生成' : '这次运行添加'}的工作表${zhSheets(r.removedSheets)}`);
    en.push(`the ${enSheets(r.removedSheets)} it created ${plural(r.removedSheets) ? 'were' : 'was'} removed`);
  }
  if (r.restoredSheets.length) {
    zh.push(`工作表${zhSheets(r.restoredSheets)}已恢复为${report ? '生成报告' : '这次运行'}前的内容`);
    en.push(`${enSheets(r.restoredSheets)} ${plural(r.restoredSheets) ? 'are' : 'is'} back as before ${report ? 'the report' : 'the run'}`);
  }
  if (r.lostSheets.length) {
    zh.push(`删除了本次写入的工作表${zhSheets(r.lostSheets)}，但之前的版本已找不到，未能恢复`);
    en.push(`the ${enSheets(r.lostSheets)} it wrote ${plural(r.lostSheets) ? 'were' : 'was'} removed, but the earlier version could not be found and was not put back`);
  }
  if (r.missingSheets.length) {
    zh.push(`本次写入的工作表${zhSheets(r.missingSheets)}已不在工作簿中（已删除或改名），无需删除`);
    en.push(`the ${enSheets(r.missingSheets)} it wrote ${plural(r.missingSheets) ? 'were' : 'was'} no longer in the workbook (deleted or renamed), so nothing was removed`);
  }
  if (r.keptSheets.length) {
    zh.push(`生成报告时保留下来的工作表${zhSheets(r.keptSheets)}没有改动`);
    en.push(`the ${enSheets(r.keptSheets)} kept when the report was generated ${plural(r.keptSheets) ? 'are' : 'is'} unchanged`);
  }
  if (r.notRestored?.length) {
    zh.push(`Excel 拒绝写回 ${r.notRestored.join('、')}（其中有合并单元格）；上次计算也没能写入这些单元格，它们保持原样`);
    en.push(`Excel refused to write back ${r.notRestored.join(', ')} (merged cells there); the last calculation could not write those cells either, so they are as they were`);
  }
  if (report) {
    // 生成报告 writes no cell of the tables: an earlier 重新计算's rates and notes stay where they are.
    zh.push('表格中的数据和已写入的执行率、偏差说明都没有改动');
    en.push('the tables’ data and the rates and notes written into them are unchanged');
  }
  return lang === 'en' ? `${report ? 'Report undone' : 'Last calculation undone'}: ${en.join('; ')}.` : `${report ? '已撤销生成报告' : '已撤销上次计算'}：${zh.join('；')}。`;
}
