/**
 * The browser page: a workbook chosen or dropped, read in the worker, then the pane's own steps over
 * it (App with the file-backed PaneApi), a viewer for the cell an issue names, and the language switch.
 */
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import { Body1, Button, Caption1, MessageBar, MessageBarBody, ProgressBar, Subtitle1, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { type WorkbookSnapshot, cellRef, columnLetters, parseAddress } from '../core';
import { App } from '../taskpane/components/App';
import { PaneProviders } from '../taskpane/components/PaneProviders';
import type { PaneApi } from '../taskpane/api';
import type { Lang } from '../taskpane/i18n';
import { fileApi, withToday } from './file-api';
import { FileActionError } from './file-workbook';
import { FRAME, PAGE_MESSAGES } from './page-messages';
import type { WorkbookService } from './workbook-service';

const useStyles = makeStyles({
  page: { maxWidth: '760px', margin: '0 auto', padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  header: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dropActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hidden: { display: 'none' },
  cell: { position: 'sticky', bottom: 0, zIndex: 3, padding: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground1, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  row: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, margin: 0, padding: 0, listStyle: 'none' },
  selected: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
});

type Opened = { name: string; api: PaneApi; snapshot: WorkbookSnapshot; seq: number };

/** The row an address names, as "A: value" pairs, the named cell marked. */
function RowView({ snapshot, address, lang, onClose }: { snapshot: WorkbookSnapshot; address: string; lang: Lang; onClose(): void }) {
  const styles = useStyles();
  const f = FRAME[lang];
  const parsed = parseAddress(address);
  const sheet = parsed && snapshot.sheets.find((s) => s.name === parsed.sheet);
  const values = sheet ? (sheet.values[parsed.row - sheet.top] ?? []) : [];
  return (
    <section className={styles.cell} aria-label={f.cell.replace('{cell}', address)} data-testid="cell-view">
      <Caption1>
        <strong>{f.cell.replace('{cell}', address)}</strong>{' '}
        <Button size="small" appearance="subtle" onClick={onClose}>
          {f.closeCell}
        </Button>
      </Caption1>
      <ul className={styles.row}>
        {values.map((v, i) =>
          v === '' || v === null || v === undefined ? null : (
            <li key={i} className={parsed && sheet && sheet.left + i === parsed.col ? styles.selected : undefined}>
              <Caption1>
                {parsed && sheet ? cellRef(parsed.row, sheet.left + i) : columnLetters(i)}：{String(v)}
              </Caption1>
            </li>
          ),
        )}
        {!values.some((v) => v !== '' && v !== null && v !== undefined) && <Caption1>{f.cellEmpty}</Caption1>}
      </ul>
    </section>
  );
}

export function AppPage({ service, initialLang }: { service: WorkbookService | undefined; initialLang: Lang }) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const [opened, setOpened] = useState<Opened>();
  const [opening, setOpening] = useState<{ name: string; fraction?: number }>();
  const [error, setError] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const [cell, setCell] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const seq = useRef(0);
  const f = FRAME[lang];

  const open = useCallback(
    async (file: File) => {
      if (!service || opening) return;
      setError(undefined);
      setCell(undefined);
      setOpening({ name: file.name });
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        // The pane's first analysis is with no saved settings (a page keeps none between files): the worker begins it at once.
        const snapshot = await service.open(bytes, file.name, withToday({}), (stage, fraction) => {
          if (stage === 'reading') setOpening({ name: file.name, fraction });
        });
        const api = fileApi(service, { snapshot, onSelectCell: setCell });
        setOpened({ name: file.name, api, snapshot, seq: ++seq.current });
      } catch (e) {
        setOpened(undefined);
        setError(e instanceof FileActionError ? (lang === 'en' ? e.en : e.zh) : `${lang === 'en' ? 'Processing failed: ' : '处理失败：'}${String((e as Error)?.message ?? e)}`);
      } finally {
        setOpening(undefined);
        if (input.current) input.current.value = ''; // choosing the same file again opens it again
      }
    },
    [service, opening, lang],
  );

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void open(file);
  };

  const switchTo = useMemo(() => (lang === 'zh' ? { lang: 'en' as const, label: 'English' } : { lang: 'zh' as const, label: '中文' }), [lang]);

  return (
    <PaneProviders lang={lang} overrides={PAGE_MESSAGES}>
      <div className={styles.page} lang={lang === 'en' ? 'en-US' : 'zh-CN'}>
        <header className={styles.header}>
          <Title3 as="h1">{f.title}</Title3>
          <Button size="small" appearance="subtle" lang={switchTo.lang === 'en' ? 'en-US' : 'zh-CN'} onClick={() => setLang(switchTo.lang)} data-testid="language">
            {switchTo.label}
          </Button>
        </header>
        <Body1>{f.intro}</Body1>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{f.privacy}</MessageBarBody>
        </MessageBar>
        {!service && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{f.noWorker}</MessageBarBody>
          </MessageBar>
        )}
        <div
          className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <input
            ref={input}
            className={styles.hidden}
            type="file"
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
            data-testid="file-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void open(file);
            }}
          />
          <Button appearance={opened ? 'secondary' : 'primary'} icon={<DocumentArrowUpRegular />} disabledFocusable={!service || Boolean(opening)} onClick={() => input.current?.click()}>
            {opened ? f.another : f.choose}
          </Button>
          <Caption1>{f.drop}</Caption1>
          {opening && (
            <div style={{ width: '100%' }} data-testid="opening">
              <Caption1>{f.opening.replace('{file}', opening.name)}</Caption1>
              <ProgressBar value={opening.fraction} max={1} thickness="large" />
            </div>
          )}
          {opened && !opening && <Subtitle1 data-testid="opened">{f.opened.replace('{file}', opened.name)}</Subtitle1>}
        </div>
        {error && (
          <MessageBar intent="error" layout="multiline" data-testid="open-error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {opened && !opening && <App key={opened.seq} api={opened.api} />}
        {opened && <Caption1>{f.noDownload}</Caption1>}
        {opened && cell && <RowView snapshot={opened.snapshot} address={cell} lang={lang} onClose={() => setCell(undefined)} />}
      </div>
    </PaneProviders>
  );
}
