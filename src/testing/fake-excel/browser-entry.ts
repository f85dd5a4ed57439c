/**
 * Browser bundle entry: load this script before the task pane's bundle (instead of office.js) and the
 * page runs against the fake. A Playwright test sets the inputs with `page.addInitScript` and reads
 * the results through `window.__fakeExcel`.
 */
import { buildWorkbook } from './builder';
import { createFakeExcel, type FakeControls } from './fake-excel';
import { installFakeOffice, type FakeOfficeHost, type InstallOfficeOptions } from './office-host';
import type { FakeExcelOptions, FakeStats, FakeWorkbookData } from './types';

export interface FakeExcelPageHandle {
  controls: FakeControls;
  office: FakeOfficeHost;
  stats(): FakeStats;
  resetStats(): void;
}

declare global {
  interface Window {
    /** The workbook to open, as FakeWorkbookData JSON. */
    __FAKE_WORKBOOK__?: FakeWorkbookData;
    __FAKE_EXCEL_OPTIONS__?: FakeExcelOptions & InstallOfficeOptions;
    __fakeExcel?: FakeExcelPageHandle;
  }
}

const options = window.__FAKE_EXCEL_OPTIONS__ ?? {};
const fake = createFakeExcel(window.__FAKE_WORKBOOK__ ?? buildWorkbook({ Sheet1: [] }), options);
const office = installFakeOffice(window, fake, { displayLanguage: options.displayLanguage, host: options.host, officeTheme: options.officeTheme });

window.__fakeExcel = {
  controls: fake.controls,
  office,
  stats: () => fake.stats,
  resetStats: () => fake.resetStats(),
};
