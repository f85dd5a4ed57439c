/**
 * Settings a user chooses (fiscal year, as-of date, how rates print, the mapping) and the period they
 * resolve to: the fiscal year, the as-of date, and 序时进度 — the share of the year elapsed.
 */
import { MappingOverride } from './detect';
import { daysInYear, parseDate, serialToYmd, ymdToSerial } from './dates';
import { Issue } from './issues';
import { Ratio, RateDisplay } from './rate';

/** How the report prints amounts: the source's precision with trailing zeros dropped, or fixed two decimals. */
export type AmountDisplay = 'source' | 'two-decimals';

export interface Settings {
  /** 2023. Else from the as-of date, a title cell (2023年…), or the payment dates. */
  fiscalYear?: number;
  /** 'YYYY-MM-DD'. Before 31 December it makes this a monitoring (绩效运行监控) run against 序时进度. */
  asOf?: string;
  rateDisplay?: RateDisplay;
  /** The report's amounts (totals always round to two decimals). Default 'source'. */
  amountDisplay?: AmountDisplay;
  /** 序时进度 as days elapsed ÷ days in the year (default), or months ÷ 12 as some offices count it. */
  progressMethod?: 'days' | 'months';
  /** Below this 执行率 (or this far behind 序时进度) a written 未完成原因 is expected. Default 0.9. */
  reasonThreshold?: number;
  /** 报告日期, 'YYYY-MM-DD': the date under the report's signature. Absent: a 【请填写：报告日期】 placeholder, never the clock. */
  reportDate?: string;
  /** 'YYYY-MM-DD', supplied by the shell; the core never reads the clock. */
  today?: string;
  mapping?: MappingOverride;
}

export const DEFAULT_SETTINGS = {
  rateDisplay: 'whole' as RateDisplay,
  progressMethod: 'days' as const,
  reasonThreshold: 0.9,
};

export interface Period {
  fiscalYear: number;
  yearSource: 'setting' | 'as-of' | 'title' | 'payments' | 'today';
  /** Excel serials, inclusive. */
  yearStart: number;
  yearEnd: number;
  asOf: number;
  /** True when the as-of date is before the year's end: rates are compared with 序时进度. */
  monitoring: boolean;
  /** 序时进度: 1 at year end. */
  progress: Ratio;
}

export function resolvePeriod(settings: Settings, titleTexts: string[], paymentDates: () => number[], issues: Issue[]): Period {
  let fiscalYear: number | undefined;
  let yearSource: Period['yearSource'] = 'setting';
  const asOfParsed = settings.asOf ? parseDate(settings.asOf) : undefined;
  if (settings.fiscalYear) fiscalYear = settings.fiscalYear;
  else if (asOfParsed?.ok) {
    fiscalYear = serialToYmd(asOfParsed.serial).y;
    yearSource = 'as-of';
  } else {
    for (const t of titleTexts) {
      const m = /(20\d{2}|19\d{2})\s*年/.exec(t);
      if (m) {
        fiscalYear = Number(m[1]);
        yearSource = 'title';
        break;
      }
    }
  }
  const dates = fiscalYear ? [] : paymentDates();
  if (!fiscalYear && dates.length) {
    const counts = new Map<number, number>();
    for (const d of dates) {
      const y = serialToYmd(d).y;
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
    fiscalYear = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
    yearSource = 'payments';
  }
  if (!fiscalYear) {
    const today = settings.today ? parseDate(settings.today) : undefined;
    fiscalYear = today?.ok ? serialToYmd(today.serial).y : 2000;
    yearSource = 'today';
  }
  if (yearSource === 'payments' || yearSource === 'today') {
    issues.push({
      code: 'FISCAL_YEAR_GUESSED',
      severity: 'info',
      cell: '',
      message: `表格标题中未写明年度，按${yearSource === 'payments' ? '支付日期' : '当前日期'}推定为${fiscalYear}年。如不对，请在设置中指定年度，或在标题中写明“${fiscalYear}年”。`,
      messageEn: `No year in the table title; the fiscal year is taken as ${fiscalYear} from the ${yearSource === 'payments' ? 'payment dates' : "current date"}. If wrong, set the year in the settings or write it in the title.`,
    });
  }
  const yearStart = ymdToSerial({ y: fiscalYear, m: 1, d: 1 });
  const yearEnd = ymdToSerial({ y: fiscalYear, m: 12, d: 31 });
  let asOf = yearEnd;
  if (settings.asOf) {
    if (!asOfParsed?.ok || asOfParsed.serial < yearStart || asOfParsed.serial > yearEnd) {
      issues.push({
        code: 'MAPPING_INVALID',
        severity: 'error',
        cell: '',
        message: `截止日期“${settings.asOf}”${asOfParsed?.ok ? `不在${fiscalYear}年度内` : '无法识别'}，已按年末计算。请在设置中改为${fiscalYear}年内的日期（如 ${fiscalYear}-07-31）。`,
        messageEn: `The as-of date "${settings.asOf}" ${asOfParsed?.ok ? `is outside ${fiscalYear}` : 'cannot be read'}; the year end is used. Set a date within ${fiscalYear} (e.g. ${fiscalYear}-07-31).`,
      });
    } else asOf = asOfParsed.serial;
  }
  const monitoring = asOf < yearEnd;
  let progress: Ratio;
  if (!monitoring) progress = { num: 1n, den: 1n };
  else if ((settings.progressMethod ?? DEFAULT_SETTINGS.progressMethod) === 'months') {
    // Months completed by the as-of date; a date on a month's last day completes that month.
    const { m } = serialToYmd(asOf);
    const monthEnds = serialToYmd(asOf + 1).m !== m;
    progress = { num: BigInt(monthEnds ? m : m - 1), den: 12n };
  } else progress = { num: BigInt(asOf - yearStart + 1), den: BigInt(daysInYear(fiscalYear)) };
  return { fiscalYear, yearSource, yearStart, yearEnd, asOf, monitoring, progress };
}
