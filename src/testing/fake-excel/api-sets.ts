/** Requirement-set versions ("1.4", "1.10") compared numerically, part by part. */

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function maxVersion(a: string, b: string): string {
  return compareVersions(a, b) >= 0 ? a : b;
}

export const DEFAULT_EXCEL_API = '1.17';

/** Sets an Excel host normally reports besides ExcelApi; tests can narrow them through options. */
export const DEFAULT_OTHER_SETS: Record<string, string> = {
  DialogApi: '1.2',
  RibbonApi: '1.1',
  SharedRuntime: '1.1',
  AddinCommands: '1.1',
};

export class RequirementSets {
  private readonly sets: Record<string, string>;

  constructor(excelApi: string, others: Record<string, string> | undefined) {
    this.sets = { ...DEFAULT_OTHER_SETS, ...others, ExcelApi: excelApi };
  }

  get excelApi(): string {
    return this.sets.ExcelApi;
  }

  isSetSupported(name: string, minVersion?: string | number): boolean {
    const have = Object.entries(this.sets).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
    if (have === undefined) return false;
    return compareVersions(have, String(minVersion ?? '1.1')) >= 0;
  }

  /** True when an ExcelApi member introduced in `since` exists on this host. */
  hasExcelApi(since: string): boolean {
    return compareVersions(this.sets.ExcelApi, since) >= 0;
  }
}
