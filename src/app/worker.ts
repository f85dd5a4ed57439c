/**
 * The page's Web Worker: reading, checking, reporting and patching run here, so the page keeps
 * answering clicks and painting progress on a 100,000-payment workbook. fflate inflates and deflates
 * (no zlib in a browser); the .docx is rendered here too.
 */
import { jsPatchCodec } from '../cli/xlsx-patch/browser';
import { jsInflate } from '../cli/xlsx-read/browser';
import { renderReportDocx } from '../report-docx';
import { type Port, serveWorkbook } from './worker-link';
import { localService } from './workbook-service';

serveWorkbook(self as unknown as Port, localService({ inflate: jsInflate, patch: jsPatchCodec }, renderReportDocx));
