/**
 * "Today" as the user's calendar shows it. The report is dated with it and, when a workbook names
 * no year anywhere, the fiscal year falls back to it — so it must be the local day, not UTC's:
 * at 07:30 on 1 January in China (UTC+8) the UTC date is still 31 December of the year before.
 */

export interface Clock {
  now(): Date;
  /** An IANA zone ('Asia/Shanghai'); undefined means the machine's own (TZ, or the system setting). */
  timeZone?: string;
}

export const systemClock: Clock = { now: () => new Date() };

/** 'YYYY-MM-DD' of `now` in the time zone. */
export function localDate(now: Date, timeZone?: string): string {
  // The machine's own zone is what Date's local fields give (the same zone Intl would use by default),
  // without loading Intl's date formatting: ~25 ms of every command's start.
  if (timeZone === undefined) return `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'gregory', numberingSystem: 'latn' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export function today(clock: Clock): string {
  return localDate(clock.now(), clock.timeZone);
}
