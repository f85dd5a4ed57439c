/**
 * The page's Web Worker: reading, checking, reporting and patching run here, so the page keeps
 * answering clicks and painting progress on a 100,000-payment workbook. The browser's DecompressionStream
 * inflates and its CompressionStream compresses the new sheets (fflate where a browser lacks raw DEFLATE,
 * and for the rewritten windows of existing sheets); the .docx is rendered here too.
 */
import { browserPatchCodec } from '../cli/xlsx-patch/browser';
import { browserInflate } from '../cli/xlsx-read/browser';
import { renderReportDocx } from '../report-docx';
import { type Port, serveWorkbook } from './worker-link';
import { localService } from './workbook-service';

serveWorkbook(self as unknown as Port, localService({ inflate: browserInflate, patch: browserPatchCodec }, renderReportDocx));
