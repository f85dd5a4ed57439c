/**
 * Step 4: 生成报告 (the Word-ready sheet), 复制报告 (rich text for Word) and 下载 Word 文档. When the
 * figures have moved on since the report was made, it says so, and copy and download make it again
 * first. Excel for Mac cannot download from a pane, so there the download gives way to copy and the sheet.
 */
import { Button, Caption1, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, CopyRegular, DocumentTextRegular, TableRegular } from '@fluentui/react-icons';
import { REPORT_SHEET_NAME } from '../../core';
import { MessageId, useI18n } from '../i18n';
import type { ChangeReason, ReportState } from '../state';
import { StepCard } from './StepCard';

const useStyles = makeStyles({
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  links: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

const STALE_BECAUSE: Record<ChangeReason, MessageId> = {
  settings: 'staleBecauseSettings',
  recalculate: 'staleBecauseRecalculate',
  undo: 'staleBecauseUndo',
  workbook: 'staleBecauseWorkbook',
};

export interface ReportStepProps {
  report?: ReportState;
  stale: boolean;
  changedBy?: ChangeReason;
  docx?: { url: string; fileName: string }[];
  canGenerate: boolean;
  isMac: boolean;
  disabled: boolean;
  onGenerate(): void;
  onCopy(): void;
  onDownload(): void;
  onShowSheet(sheet: string): void;
}

export function ReportStep({ report, stale, changedBy, docx, canGenerate, isMac, disabled, onGenerate, onCopy, onDownload, onShowSheet }: ReportStepProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const sheet = report?.sheetName ?? REPORT_SHEET_NAME;
  const missing = report?.documents[0]?.missing.length ?? 0;
  // Copy and download work before a report exists too: they generate it first.
  const cannot = disabled || !canGenerate;
  return (
    <StepCard title={t('step4')} testId="step-report">
      <Caption1>{t('generateHint')}</Caption1>
      {report && stale && (
        <MessageBar intent="warning" layout="multiline" data-testid="report-stale">
          <MessageBarBody>
            <MessageBarTitle>{t('reportStaleTitle')}</MessageBarTitle>
            {[changedBy ? t(STALE_BECAUSE[changedBy]) : '', t('reportStaleAction', { sheet })].filter(Boolean).join(lang === 'en' ? ' ' : '')}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" icon={<DocumentTextRegular />} disabledFocusable={cannot} onClick={onGenerate}>
          {t('generateReport')}
        </Button>
        <Button icon={<CopyRegular />} disabledFocusable={cannot} onClick={onCopy}>
          {t('copyReport')}
        </Button>
        {!isMac && (
          <Button icon={<ArrowDownloadRegular />} disabledFocusable={cannot} onClick={onDownload}>
            {t('downloadDocx')}
          </Button>
        )}
      </div>
      {report && !stale && missing > 0 && <Caption1 data-testid="report-missing">{t('reportMissing', { count: missing })}</Caption1>}
      {report && !stale && docx && !isMac && (
        <div className={styles.links}>
          {docx.map((f) => (
            <Link key={f.url} href={f.url} download={f.fileName} data-testid="docx-link">
              {t('docxSave', { file: f.fileName })}
            </Link>
          ))}
        </div>
      )}
      {isMac && (
        <MessageBar intent="info" layout="multiline" data-testid="mac-download">
          <MessageBarBody>{t('macNoDownload', { sheet })}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <div>
          <Button size="small" appearance="subtle" icon={<TableRegular />} disabledFocusable={disabled} onClick={() => onShowSheet(sheet)}>
            {t('showReportSheet')}
          </Button>
        </div>
      )}
    </StepCard>
  );
}
