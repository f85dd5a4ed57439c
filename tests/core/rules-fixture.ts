/**
 * What a user reads after a run on a small fixture: the cells the tool writes beside the table
 * (执行率, 偏差说明, 校验提示), found by their header as a person finds them, and the issues by cell.
 */
import { applyPlanToSnapshot, type Analysis, type CellValue, type Settings, type WorkbookSnapshot } from '../../src/core';
import { run } from '../helpers/snap';

export interface Written {
  analysis: Analysis;
  /** The cell the tool wrote under `header` on the row of the project named `project`. */
  cell(header: '执行率' | '偏差说明' | '校验提示', project: string): CellValue;
  /** "CODE sheet!A1" for every issue, in the order the user sees them. */
  issues: string[];
}

export function runAndWrite(snapshot: WorkbookSnapshot, settings: Settings = {}): Written {
  const analysis = run(snapshot, settings);
  const out = applyPlanToSnapshot(snapshot, analysis.plan);
  const funds = analysis.funds!;
  const sheet = out.sheets.find((s) => s.name === funds.sheet)!;
  const headerRow = sheet.values[funds.headerRow - sheet.top];
  return {
    analysis,
    issues: analysis.issues.map((i) => `${i.code} ${i.cell}`),
    cell(header, project) {
      const col = headerRow.indexOf(header);
      if (col < 0) throw new Error(`no column headed ${header}`);
      const row = sheet.values.find((r) => r.includes(project));
      if (!row) throw new Error(`no row for ${project}`);
      return row[col];
    },
  };
}
