/** Errors shaped like Office.js's OfficeExtension.Error ("RichApi.Error"), with Excel's own messages. */

export const ErrorCodes = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  generalException: 'GeneralException',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
  invalidReference: 'InvalidReference',
  invalidRequestContext: 'InvalidRequestContext',
  invalidObjectPath: 'InvalidObjectPath',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  notImplemented: 'NotImplemented',
  propertyNotLoaded: 'PropertyNotLoaded',
  rangeExceedsLimit: 'RangeExceedsLimit',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  runMustReturnPromise: 'RunMustReturnPromise',
  unsupportedOperation: 'UnsupportedOperation',
} as const;

const MESSAGES: Record<string, string> = {
  AccessDenied:
    "The cell or chart you're trying to change is protected. To make a change, unprotect the sheet. You might be requested to enter a password.",
  ApiNotFound:
    'The API you are trying to use could not be found. It may be available in a newer version of Excel. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/reference/requirement-sets/excel-api-requirement-sets" for more information.',
  GeneralException: 'There was an internal error while processing the request.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The requested operation is invalid.',
  InvalidOperationInCellEditMode:
    'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  InvalidRequestContext: 'Cannot use the object across different request contexts.',
  InvalidObjectPath:
    'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  ItemAlreadyExists: 'A resource with the same name or identifier already exists.',
  ItemNotFound: "The requested resource doesn't exist.",
  NotImplemented: "The requested feature isn't implemented.",
  RangeExceedsLimit:
    'The cell count in the range has exceeded the maximum supported number. See the "Resource limits and performance optimization for Office Add-ins" article.',
  RequestPayloadSizeLimitExceeded:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  ResponsePayloadSizeLimitExceeded:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  UnsupportedOperation: 'The operation being attempted is not supported.',
};

export function defaultMessage(code: string): string {
  return MESSAGES[code] ?? MESSAGES.GeneralException;
}

export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  /** What the fake knows beyond Office's terse message (which cell, which sizes). */
  fakeDetail?: string;
}

/** Same fields as OfficeExtension.Error, so shells can branch on `code` exactly as in Excel. */
export class FakeOfficeError extends Error {
  override name = 'RichApi.Error';
  readonly code: string;
  readonly debugInfo: FakeDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: FakeOfficeError | null = null;

  constructor(code: string, message?: string, location?: { errorLocation?: string; statement?: string; fakeDetail?: string }) {
    const text = message ?? defaultMessage(code);
    super(text);
    this.code = code;
    this.debugInfo = { code, message: text, ...location };
    if (location?.fakeDetail) this.showDetailInStack(location.fakeDetail);
  }

  /** Adds what the fake knows (a cell, a size) to debugInfo and to the stack jest prints. */
  addDetail(detail: string): void {
    this.debugInfo.fakeDetail = this.debugInfo.fakeDetail ? `${this.debugInfo.fakeDetail} ${detail}` : detail;
    this.showDetailInStack(detail);
  }

  private showDetailInStack(detail: string): void {
    if (typeof this.stack !== 'string') return;
    const firstBreak = this.stack.indexOf('\n');
    const head = firstBreak < 0 ? this.stack : this.stack.slice(0, firstBreak);
    const tail = firstBreak < 0 ? '' : this.stack.slice(firstBreak);
    this.stack = `${head}\n    [fake-excel] ${detail}${tail}`;
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

/** A failure the fake detects while applying a queued action; the context adds location details. */
export function officeError(code: string, fakeDetail?: string, message?: string): FakeOfficeError {
  return new FakeOfficeError(code, message, fakeDetail === undefined ? undefined : { fakeDetail });
}

export function propertyNotLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function dimensionMismatch(detail: string): FakeOfficeError {
  return officeError(
    ErrorCodes.invalidArgument,
    detail,
    "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
  );
}
