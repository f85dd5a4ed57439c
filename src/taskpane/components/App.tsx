/** The task pane: the steps in order, fed by usePane over the injected PaneApi. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { SettingsRegular } from '@fluentui/react-icons';
import { MappingOverride, quoteSheetName } from '../../core';
import type { PaneApi } from '../api';
import type { InitialLoad } from '../hooks/initial-load';
import { usePane } from '../hooks/usePane';
import { useI18n } from '../i18n';
import { CalculateStep } from './CalculateStep';
import { IssuesStep } from './IssuesStep';
import { ReportStep } from './ReportStep';
import { SettingsForm } from './SettingsStep';
import { NoticeBar, ProgressPanel } from './StatusBars';
import { LoadingScreen } from './StatusScreen';
import { TablesStep } from './TablesStep';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, maxWidth: '640px', margin: '0 auto' },
  // Progress and outcome stay in view while the user scrolls down to the step they clicked.
  sticky: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function App({ api, initial }: { api: PaneApi; initial?: InitialLoad }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const { state, actions } = usePane(api, lang, initial);
  const busy = Boolean(state.busy);
  const { analysis } = state;

  const applyMapping = (mapping: MappingOverride | undefined) => {
    const next = { ...state.settings };
    if (mapping) next.mapping = mapping;
    else delete next.mapping;
    void actions.saveSettings(next);
  };

  return (
    <main className={styles.root} aria-busy={busy}>
      <Subtitle1 as="h1">{t('appTitle')}</Subtitle1>
      <div className={styles.sticky} data-testid="status-bar">
        <ProgressPanel busy={state.busy} />
        <NoticeBar notice={state.notice} error={state.error} onDismissError={actions.dismissError} />
      </div>
      {!state.loaded && !analysis ? (
        <LoadingScreen />
      ) : (
        <>
          <TablesStep analysis={analysis} snapshot={state.snapshot} mapping={state.settings.mapping} disabled={busy} onApplyMapping={applyMapping} />
          <IssuesStep issues={analysis?.issues} selectedCell={state.selectedCell} disabled={busy} onSelect={actions.selectCell} onRecheck={actions.analyze} />
          <CalculateStep analysis={analysis} undoAvailable={state.undoAvailable} disabled={busy} onRecalculate={actions.recalculate} onUndo={actions.undo} />
          <ReportStep
            report={state.report}
            docx={state.docx}
            canGenerate={Boolean(analysis?.ok)}
            isMac={api.platform === 'Mac'}
            disabled={busy}
            onGenerate={actions.generateReport}
            onCopy={actions.copyReport}
            onDownload={actions.downloadDocx}
            onShowSheet={(sheet) => void actions.selectCell(`${quoteSheetName(sheet)}!A1`)}
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
