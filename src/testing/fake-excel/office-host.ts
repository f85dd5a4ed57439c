/**
 * A fake Office host: the `Office`, `Excel` and `OfficeExtension` globals an add-in sees, with
 * ribbon commands and dialogs recorded so a test can drive them. Browser-safe (no Node imports).
 */
import { ErrorCodes, FakeOfficeError } from './errors';
import type { FakeExcel } from './fake-excel';

export interface InstallOfficeOptions {
  displayLanguage?: string;
  /** null: the page is open outside Office (onReady reports no host, and there is no `Excel`). */
  host?: 'Excel' | null;
  /** Office.context.officeTheme (File › Account › Office Theme); absent as in hosts that do not report one. */
  officeTheme?: Partial<Office.OfficeTheme>;
}

export interface FakeCommandEvent {
  completed: (options?: { allowEvent?: boolean }) => void;
  source?: { id: string };
}

type DialogHandler = (arg: { message?: string; origin?: string; error?: number }) => void;

export interface FakeDialogRecord {
  url: string;
  options: unknown;
  closed: boolean;
  /** Messages the add-in sent into the dialog (`dialog.messageChild`). */
  messagesToDialog: string[];
  /** Simulates the dialog page calling `Office.context.ui.messageParent(message)`. */
  sendMessage(message: string, origin?: string): void;
  /** Simulates a dialog event, e.g. 12006 when the user closes it. */
  sendEvent(error: number): void;
}

export interface FakeOfficeHost {
  /** Functions registered through `Office.actions.associate`. */
  commands: Map<string, (event: FakeCommandEvent) => unknown>;
  /** Runs a ribbon command as Office would; pass `{ completed: jest.fn() }` to assert it completed. */
  invokeCommand(name: string, event?: FakeCommandEvent): Promise<FakeCommandEvent>;
  dialogs: FakeDialogRecord[];
  /** The next displayDialogAsync fails with this code (e.g. 12007: a dialog is already open). */
  failNextDialog(code: number, message: string): void;
  taskpaneVisible: boolean;
  uninstall(): void;
}

const OfficeEnums = {
  HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
  PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
} as const;

const OfficeExtensionErrorCodes = {
  accessDenied: ErrorCodes.accessDenied,
  generalException: ErrorCodes.generalException,
  activityLimitReached: 'ActivityLimitReached',
  invalidObjectPath: ErrorCodes.invalidObjectPath,
  propertyNotLoaded: ErrorCodes.propertyNotLoaded,
  valueNotLoaded: 'ValueNotLoaded',
  invalidRequestContext: ErrorCodes.invalidRequestContext,
  invalidArgument: ErrorCodes.invalidArgument,
  runMustReturnPromise: ErrorCodes.runMustReturnPromise,
  cannotRegisterEvent: 'CannotRegisterEvent',
  apiNotFound: ErrorCodes.apiNotFound,
  connectionFailure: 'ConnectionFailure',
};

type AsyncCallback = (result: { status: string; value?: unknown; error?: { code: number; message: string; name: string }; asyncContext?: unknown }) => void;

/** Office.context.document.settings: changes stay in memory until saveAsync, as in Office. */
function documentSettings(fake: FakeExcel) {
  let pending: Record<string, unknown> | null = null;
  const current = (): Record<string, unknown> => pending ?? fake.host.data.settings;
  const edit = (): Record<string, unknown> => (pending ??= { ...fake.host.data.settings });
  return {
    get: (name: string): unknown => (name in current() ? current()[name] : null),
    set: (name: string, value: unknown): void => {
      edit()[name] = JSON.parse(JSON.stringify(value ?? null));
    },
    remove: (name: string): void => {
      delete edit()[name];
    },
    saveAsync(options?: unknown, callback?: AsyncCallback): void {
      const done = typeof options === 'function' ? (options as AsyncCallback) : callback;
      if (pending) fake.host.data.settings = pending;
      pending = null;
      done?.({ status: OfficeEnums.AsyncResultStatus.Succeeded });
    },
  };
}

export function installFakeOffice(target: typeof globalThis, fake: FakeExcel, options: InstallOfficeOptions = {}): FakeOfficeHost {
  const globals = target as unknown as Record<'Office' | 'Excel' | 'OfficeExtension', unknown>; // the globals office.js defines
  const previous = { Office: globals.Office, Excel: globals.Excel, OfficeExtension: globals.OfficeExtension };
  const inOffice = options.host !== null;
  const platform = fake.host.options.platform;
  let dialogFailure: { code: number; message: string } | null = null;

  const host: FakeOfficeHost = {
    commands: new Map(),
    dialogs: [],
    taskpaneVisible: true,
    async invokeCommand(name, event) {
      const handler = host.commands.get(name);
      if (!handler) throw new Error(`fake Office: no command associated with '${name}'`);
      const e: FakeCommandEvent = event ?? { completed: () => undefined, source: { id: name } };
      await handler(e);
      return e;
    },
    failNextDialog(code, message) {
      dialogFailure = { code, message };
    },
    uninstall() {
      Object.assign(globals, previous);
    },
  };

  function displayDialogAsync(url: string, optionsOrCallback?: unknown, maybeCallback?: AsyncCallback): void {
    const callback = typeof optionsOrCallback === 'function' ? (optionsOrCallback as AsyncCallback) : maybeCallback;
    const dialogOptions = typeof optionsOrCallback === 'function' ? undefined : optionsOrCallback;
    const asyncContext = (dialogOptions as { asyncContext?: unknown } | undefined)?.asyncContext;
    if (dialogFailure) {
      const { code, message } = dialogFailure;
      dialogFailure = null;
      setTimeout(() => callback?.({ status: 'failed', error: { code, message, name: 'Error' }, asyncContext }), 0);
      return;
    }
    const handlers = new Map<string, DialogHandler[]>();
    const fire = (type: string, arg: Parameters<DialogHandler>[0]): void => {
      for (const h of handlers.get(type) ?? []) h(arg);
    };
    const record: FakeDialogRecord = {
      url,
      options: dialogOptions,
      closed: false,
      messagesToDialog: [],
      sendMessage: (message, origin = url) => fire(OfficeEnums.EventType.DialogMessageReceived, { message, origin }),
      sendEvent: (error) => fire(OfficeEnums.EventType.DialogEventReceived, { error }),
    };
    host.dialogs.push(record);
    const dialog = {
      close: () => {
        record.closed = true;
      },
      addEventHandler: (type: string, handler: DialogHandler) => {
        handlers.set(type, [...(handlers.get(type) ?? []), handler]);
      },
      messageChild: (message: string) => {
        record.messagesToDialog.push(message);
      },
    };
    setTimeout(() => callback?.({ status: 'succeeded', value: dialog, asyncContext }), 0);
  }

  const info = inOffice ? { host: OfficeEnums.HostType.Excel, platform } : { host: null, platform: null };
  globals.Office = {
    ...OfficeEnums,
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
    context: {
      displayLanguage: inOffice ? (options.displayLanguage ?? 'zh-CN') : undefined,
      contentLanguage: inOffice ? (options.displayLanguage ?? 'zh-CN') : undefined,
      host: inOffice ? OfficeEnums.HostType.Excel : undefined,
      platform: inOffice ? platform : undefined,
      officeTheme: inOffice ? options.officeTheme : undefined,
      diagnostics: inOffice ? { host: 'Excel', platform, version: '16.0.0000.1000' } : undefined,
      requirements: { isSetSupported: (name: string, minVersion?: string | number) => inOffice && fake.isSetSupported(name, minVersion) },
      ui: { displayDialogAsync, messageParent: () => undefined },
      document: { settings: documentSettings(fake) },
    },
    actions: {
      associate(name: string, handler: (event: FakeCommandEvent) => unknown) {
        host.commands.set(name, handler);
      },
    },
    addin: {
      showAsTaskpane: async () => {
        host.taskpaneVisible = true;
      },
      hide: async () => {
        host.taskpaneVisible = false;
      },
    },
  };
  globals.OfficeExtension = { Error: FakeOfficeError, ErrorCodes: OfficeExtensionErrorCodes };
  globals.Excel = inOffice ? fake.Excel : undefined;
  return host;
}
