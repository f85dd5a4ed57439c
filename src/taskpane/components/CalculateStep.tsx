/** Step 3: the figures and the rates at a glance, and 撤销上次计算 (重新计算执行率 sits in the action bar at the top). */
import { Button, Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowUndoRegular } from '@fluentui/react-icons';
import type { Analysis } from '../../core';
import { useI18n } from '../i18n';
import { RatesView } from './RatesView';
import { StepCard } from './StepCard';
import { SummaryView } from './SummaryView';

const useStyles = makeStyles({
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface CalculateStepProps {
  analysis?: Analysis;
  undoAvailable: boolean;
  disabled: boolean;
  onUndo(): void;
  /** The browser page: 下载计算后的工作簿 instead of undo (nothing is written back to the user's file). */
  onDownloadWorkbook?(): void;
  workbookFile?: { url: string; fileName: string };
}

export function CalculateStep({ analysis, undoAvailable, disabled, onUndo, onDownloadWorkbook, workbookFile }: CalculateStepProps) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <StepCard title={t('step3')} testId="step-calculate">
      {analysis?.ok && <SummaryView analysis={analysis} />}
      {analysis?.ok && analysis.results && analysis.period && <RatesView analysis={analysis} />}
      <Caption1>{t('recalculateHint')}</Caption1>
      {onDownloadWorkbook ? (
        <>
          <div className={styles.buttons}>
            <Button appearance="primary" icon={<ArrowDownloadRegular />} disabledFocusable={disabled || !analysis?.ok} onClick={onDownloadWorkbook}>
              {t('downloadWorkbook')}
            </Button>
          </div>
          <Caption1>{t('downloadWorkbookHint')}</Caption1>
          {workbookFile && (
            <Link href={workbookFile.url} download={workbookFile.fileName} data-testid="workbook-link">
              {t('workbookSave', { file: workbookFile.fileName })}
            </Link>
          )}
        </>
      ) : (
        <div className={styles.buttons}>
          <Button icon={<ArrowUndoRegular />} disabledFocusable={disabled || !undoAvailable} onClick={onUndo}>
            {t('undo')}
          </Button>
        </div>
      )}
    </StepCard>
  );
}
