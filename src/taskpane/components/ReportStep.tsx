/**
 * Step 4: 生成报告 (the Word-ready sheet), 复制报告 (rich text for Word) and 下载 Word 文档. Excel for
 * Mac cannot download from a pane, so there the download gives way to copy and the report sheet.
 */
import { Button, Caption1, Link, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, CopyRegular, DocumentTextRegular, TableRegular } from '@fluentui/react-icons';
import { REPORT_SHEET_NAME } from '../../core';
import { useI18n } from '../i18n';
import type { ReportState } from '../state';
import { StepCard } from './StepCard';

const useStyles = makeStyles({
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface ReportStepProps {
  report?: ReportState;
  docx?: { url: string; fileName: string };
  canGenerate: boolean;
  isMac: boolean;
  disabled: boolean;
  onGenerate(): void;
  onCopy(): void;
  onDownload(): void;
  onShowSheet(sheet: string): void;
}

export function ReportStep({ report, docx, canGenerate, isMac, disabled, onGenerate, onCopy, onDownload, onShowSheet }: ReportStepProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const sheet = report?.sheetName ?? REPORT_SHEET_NAME;
  return (
    <StepCard title={t('step4')} testId="step-report">
      <Caption1>{t('generateHint')}</Caption1>
      <div className={styles.buttons}>
        <Button appearance="primary" icon={<DocumentTextRegular />} disabled={disabled || !canGenerate} onClick={onGenerate}>
          {t('generateReport')}
        </Button>
        <Button icon={<CopyRegular />} disabled={disabled || !report} onClick={onCopy} title={report ? undefined : t('needReportFirst')}>
          {t('copyReport')}
        </Button>
        {!isMac && (
          <Button icon={<ArrowDownloadRegular />} disabled={disabled || !report} onClick={onDownload} title={report ? undefined : t('needReportFirst')}>
            {t('downloadDocx')}
          </Button>
        )}
      </div>
      {report && report.document.missing.length > 0 && <Caption1 data-testid="report-missing">{t('reportMissing', { count: report.document.missing.length })}</Caption1>}
      {report && docx && !isMac && (
        <Link href={docx.url} download={docx.fileName} data-testid="docx-link">
          {t('docxSave', { file: docx.fileName })}
        </Link>
      )}
      {isMac && (
        <MessageBar intent="info" layout="multiline" data-testid="mac-download">
          <MessageBarBody>{t('macNoDownload', { sheet })}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <div>
          <Button size="small" appearance="subtle" icon={<TableRegular />} disabled={disabled} onClick={() => onShowSheet(sheet)}>
            {t('showReportSheet')}
          </Button>
        </div>
      )}
    </StepCard>
  );
}
