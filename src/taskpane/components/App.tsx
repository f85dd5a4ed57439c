/** The task pane: the action bar on top, then the steps in order, fed by usePane over the injected PaneApi. */
import { useRef } from 'react';
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { SettingsRegular } from '@fluentui/react-icons';
import { MappingOverride, quoteSheetName } from '../../core';
import type { PaneApi } from '../api';
import type { InitialLoad } from '../hooks/initial-load';
import { usePane } from '../hooks/usePane';
import { useI18n } from '../i18n';
import { reportOutOfDate } from '../state';
import { ActionBar } from './ActionBar';
import { CalculateStep } from './CalculateStep';
import { IssuesStep } from './IssuesStep';
import { ReportStep } from './ReportStep';
import { SettingsForm } from './SettingsStep';
import { LoadingScreen } from './StatusScreen';
import { TablesStep } from './TablesStep';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`, maxWidth: '640px', margin: '0 auto' },
  title: { paddingTop: tokens.spacingVerticalS },
});

export function App({ api, initial }: { api: PaneApi; initial?: InitialLoad }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const { state, actions } = usePane(api, lang, initial);
  const busy = Boolean(state.busy);
  const { analysis } = state;
  const issuesHeading = useRef<HTMLHeadingElement>(null);
  const actionBar = useRef<HTMLElement>(null);

  const applyMapping = (mapping: MappingOverride | undefined) => {
    const next = { ...state.settings };
    if (mapping) next.mapping = mapping;
    else delete next.mapping;
    void actions.saveSettings(next);
  };

  /** The status line's counts lead to the checks: scrolled just below the sticky bar, focus on their heading. */
  const showIssues = () => {
    const heading = issuesHeading.current;
    if (!heading) return;
    const barHeight = actionBar.current?.getBoundingClientRect().height ?? 0;
    const top = heading.getBoundingClientRect().top + window.scrollY - barHeight - 8;
    window.scrollTo({ top: Math.max(0, top) });
    heading.focus({ preventScroll: true });
  };

  return (
    <main className={styles.root} aria-busy={busy}>
      <Subtitle1 as="h1" className={styles.title}>
        {t('appTitle')}
      </Subtitle1>
      <ActionBar
        barRef={actionBar}
        issues={analysis?.issues}
        report={state.report}
        reportStale={reportOutOfDate(state)}
        busy={state.busy}
        notice={state.notice}
        error={state.error}
        canCalculate={Boolean(analysis?.ok)}
        onRecalculate={() => void actions.recalculate()}
        onGenerateAndCopy={() => void actions.generateAndCopy()}
        onShowIssues={showIssues}
        onDismissError={actions.dismissError}
      />
      {!state.loaded && !analysis ? (
        <LoadingScreen />
      ) : (
        <>
          <TablesStep analysis={analysis} snapshot={state.snapshot} mapping={state.settings.mapping} disabled={busy} onApplyMapping={applyMapping} />
          <IssuesStep issues={analysis?.issues} selectedCell={state.selectedCell} disabled={busy} onSelect={actions.selectCell} onRecheck={actions.analyze} headingRef={issuesHeading} />
          <CalculateStep
            analysis={analysis}
            undoAvailable={state.undoAvailable}
            disabled={busy}
            onUndo={actions.undo}
            onDownloadWorkbook={api.downloadWorkbook ? actions.downloadWorkbook : undefined}
            workbookFile={state.workbookFile}
          />
          <ReportStep
            report={state.report}
            stale={reportOutOfDate(state)}
            changedBy={state.changedBy}
            docx={state.docx}
            canGenerate={Boolean(analysis?.ok)}
            isMac={api.platform === 'Mac'}
            disabled={busy}
            onGenerate={actions.generateReport}
            onCopy={actions.copyReport}
            onDownload={actions.downloadDocx}
            onShowSheet={api.host === 'file' ? undefined : (sheet) => void actions.selectCell(`${quoteSheetName(sheet)}!A1`)}
            onSelectCell={(cell) => void actions.selectCell(cell)}
          />
          <Accordion collapsible>
            <AccordionItem value="settings">
              <AccordionHeader icon={<SettingsRegular />}>{t('settingsTitle')}</AccordionHeader>
              <AccordionPanel>
                <SettingsForm settings={state.settings} savedAt={state.savedAt} disabled={busy} onSave={actions.saveSettings} />
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        </>
      )}
    </main>
  );
}
