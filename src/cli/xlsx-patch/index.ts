/**
 * Writing the output workbook by patching the input's zip package instead of re-saving it through
 * exceljs: nothing exceljs does not model is lost, untouched parts are copied as their compressed
 * bytes, and only the rows the plan writes are rebuilt. See patch.ts for the flow, sheet-patch.ts
 * and row-writer.ts for the splice. Environment-neutral: the compression is injected (codec.ts);
 * node.ts binds zlib, js-codec.ts fflate for the browser page.
 */
export { patchWorkbook } from './patch';
export type { WorkbookEdits } from './patch';
export { XlsxPatchError } from './errors';
export { workbookContentType } from './workbook';
export { shiftFormula } from './formula-shift';
export type { PatchCodec } from './codec';
