/**
 * Step 4: 生成报告 (the Word-ready sheet), 复制报告 (rich text for Word) and 下载 Word 文档. When the
 * figures have moved on since the report was made, it says so, and copy and download make it again
 * first. Excel for Mac cannot download from a pane, so there the download gives way to copy and the sheet.
 * Below, the 核对清单: each 【】 mark still open in the report, with the cell to fix it in — the clerk's
 * list, never part of the text sent out.
 */
import { Button, Caption1, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, CopyRegular, DocumentTextRegular, TableRegular } from '@fluentui/react-icons';
import { CHECKLIST_SHEET_NAME, REPORT_SHEET_NAME, type ChecklistItem } from '../../core';
import { MessageId, useI18n } from '../i18n';
import type { ChangeReason, ReportState } from '../state';
import { StepCard } from './StepCard';

const useStyles = makeStyles({
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  links: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  checklist: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** Items shown in the pane; the rest are on the 核对清单 sheet. */
const CHECKLIST_SHOWN = 8;

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
  /** Absent where there is no sheet to show (the browser page): the report sheets are in the downloaded workbook. */
  onShowSheet?(sheet: string): void;
  /** Brings a cell of the 核对清单 into view ("项目资金!G24"). */
  onSelectCell?(cell: string): void;
}

function ChecklistSection({ items, sheet, disabled, onShowSheet, onSelectCell }: { items: ChecklistItem[]; sheet: string; disabled: boolean; onShowSheet?(sheet: string): void; onSelectCell?(cell: string): void }) {
  const { t } = useI18n();
  const styles = useStyles();
  if (!items.length) return <Caption1 data-testid="checklist-none">{t('checklistNone')}</Caption1>;
  return (
    <section aria-label={t('checklistTitle')} data-testid="checklist">
      <Caption1>
        <strong>{t('checklistTitle')}</strong> {t('reportMissing', { count: items.length })}
      </Caption1>
      <ul className={styles.checklist}>
        {items.slice(0, CHECKLIST_SHOWN).map((c, i) => (
          <li key={i} data-testid="checklist-item">
            <Caption1>
              {t(c.kind === 'fill' ? 'checklistFill' : 'checklistCheck')}
              {c.project ? `（${c.project}）` : ''}：{c.mark}
              {c.cell && onSelectCell ? (
                <>
                  {' '}
                  <Link as="button" disabled={disabled} onClick={() => onSelectCell(c.cell!)}>
                    {c.cell}
                  </Link>
                </>
              ) : c.cell ? ` ${c.cell}` : ''}
            </Caption1>
          </li>
        ))}
      </ul>
      {items.length > CHECKLIST_SHOWN && <Caption1>{t('checklistMore', { count: items.length - CHECKLIST_SHOWN, sheet })}</Caption1>}
      {onShowSheet && (
        <div>
          <Button size="small" appearance="subtle" icon={<TableRegular />} disabledFocusable={disabled} onClick={() => onShowSheet(sheet)}>
            {t('showChecklistSheet')}
          </Button>
        </div>
      )}
    </section>
  );
}

export function ReportStep({ report, stale, changedBy, docx, canGenerate, isMac, disabled, onGenerate, onCopy, onDownload, onShowSheet, onSelectCell }: ReportStepProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const sheet = report?.sheetName ?? REPORT_SHEET_NAME;
  const checklist = report?.documents[0]?.checklist ?? [];
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
      {report && !stale && (
        <ChecklistSection items={checklist} sheet={report.checklistSheetName ?? CHECKLIST_SHEET_NAME} disabled={disabled} onShowSheet={onShowSheet} onSelectCell={onSelectCell} />
      )}
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
      {report && onShowSheet && (
        <div>
          <Button size="small" appearance="subtle" icon={<TableRegular />} disabledFocusable={disabled} onClick={() => onShowSheet(sheet)}>
            {t('showReportSheet')}
          </Button>
        </div>
      )}
    </StepCard>
  );
}
