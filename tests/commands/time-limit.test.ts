/**
 * A ribbon command's runtime "closes when either the function completes or 5 minutes have passed,
 * whichever is earlier" (Basic concepts for add-in commands), five minutes "since the triggering
 * event" (Runtimes in Office Add-ins). The clock starts at the click: a calculation that would not
 * finish in time writes nothing and points to the task pane, and the message dialog is given only
 * what is left of the five minutes.
 */
import { createCommandHandlers, dialogWait } from '../../src/commands/handlers';
import type { CommandMessage } from '../../src/commands/notify';
import { COMMAND_LIFETIME_MS, commandBudget, type ExcelHost } from '../../src/excel';
import type { FakeExcel } from '../../src/testing/fake-excel';
import { generatedWorkbook } from '../excel/generated';
import { sampleWorkbook, strictFake } from '../excel/helpers';

/** A host on a slow connection: every sync moves the clock on by `msPerSync`. */
function slowHost(fake: FakeExcel, clock: { t: number }, msPerSync: number): ExcelHost {
  const run = ((...args: unknown[]) => {
    const batch = args[args.length - 1] as (context: Excel.RequestContext) => Promise<unknown>;
    return fake.Excel.run(async (context) => {
      const sync = context.sync.bind(context);
      context.sync = (<T>(value?: T) => {
        clock.t += msPerSync;
        return sync(value);
      }) as typeof context.sync;
      return batch(context);
    });
  }) as unknown as typeof Excel.run;
  return { run, isSetSupported: (name, version) => fake.isSetSupported(name, version) };
}

interface Told {
  message: CommandMessage;
  waitMs?: number;
}

async function click(fake: FakeExcel, clock: { t: number }, msPerSync: number, command: 'recalculateRates' | 'undoLastRun' = 'recalculateRates'): Promise<Told[]> {
  const told: Told[] = [];
  const handlers = createCommandHandlers({
    host: slowHost(fake, clock, msPerSync),
    lang: () => 'zh',
    now: () => clock.t,
    notify: async (message, waitMs) => void told.push({ message, waitMs }),
  });
  const completed = jest.fn();
  await handlers[command]({ completed } as unknown as Office.AddinCommands.Event);
  expect(completed).toHaveBeenCalledTimes(1);
  return told;
}

describe('five minutes from the click', () => {
  it('a calculation too slow to finish in time writes nothing and points to the task pane', async () => {
    const fake = strictFake(generatedWorkbook(200, 2000));
    const clock = { t: 1_000_000 };
    // 40 s a sync: the reads alone take two minutes, and the writes would need more than the rest.
    const told = await click(fake, clock, 40_000);
    expect(fake.stats.cellsWritten).toBe(0);
    expect(told).toHaveLength(1);
    expect(told[0].message.message).toContain('请点击“打开绩效自评”，在任务窗格中点击“重新计算执行率”');
    expect(told[0].message.message).toContain('未写入任何内容');
  });

  it('the same calculation on a quick host runs to the end', async () => {
    const fake = strictFake(generatedWorkbook(200, 2000));
    const clock = { t: 1_000_000 };
    await click(fake, clock, 50);
    expect(fake.stats.cellsWritten).toBeGreaterThan(2000);
  });

  it('the message dialog gets what is left of the five minutes, counted from the click', async () => {
    const fake = strictFake(await sampleWorkbook());
    const clock = { t: 5_000_000 };
    const start = clock.t;
    const told = await click(fake, clock, 10_000);
    expect(told).toHaveLength(1);
    expect(told[0].message.message).toMatch(/^已计算\d+个项目的执行率/);
    const elapsed = clock.t - start;
    expect(elapsed).toBeGreaterThan(60_000);
    expect(told[0].waitMs).toBeLessThanOrEqual(COMMAND_LIFETIME_MS - elapsed);
    expect(told[0].waitMs).toBeGreaterThan(0);
  });

  it('with no time left the dialog closes at once', () => {
    let now = 0;
    const budget = commandBudget(0, () => now);
    now = COMMAND_LIFETIME_MS + 1;
    expect(dialogWait(budget)).toBe(0);
  });

  it('undo, too, counts from the click', async () => {
    const fake = strictFake(await sampleWorkbook());
    const clock = { t: 0 };
    const told = await click(fake, clock, 30_000, 'undoLastRun');
    expect(told[0].message.message).toBe('没有可撤销的计算。');
    expect(told[0].waitMs).toBeLessThanOrEqual(COMMAND_LIFETIME_MS - clock.t);
  });
});
