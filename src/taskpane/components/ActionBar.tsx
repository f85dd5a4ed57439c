/**
 * The top of the pane, always in view: the two jobs people open the pane for — 重新计算执行率 and
 * 生成并复制报告 — and one status line (the checks' counts, which jumps to them, and whether the
 * report is up to date), with the progress of a run and the outcome of the last action beneath.
 */
import type { Ref } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { CalculatorRegular, CheckmarkCircleRegular, CopyRegular, ErrorCircleRegular, WarningRegular } from '@fluentui/react-icons';
import type { Issue } from '../../core';
import { useI18n } from '../i18n';
import type { Busy, Notice, ReportState } from '../state';
import { NoticeBar, ProgressPanel } from './StatusBars';

const useStyles = makeStyles({
  bar: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: `0 calc(-1 * ${tokens.spacingHorizontalM})`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  button: { flex: '1 1 auto' },
  status: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, minHeight: '24px' },
  issues: { minWidth: 0, padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightRegular },
  stale: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface ActionBarProps {
  issues?: Issue[];
  report?: ReportState;
  reportStale: boolean;
  busy?: Busy;
  notice?: Notice;
  error?: string;
  canCalculate: boolean;
  onRecalculate(): void;
  onGenerateAndCopy(): void;
  onShowIssues(): void;
  onDismissError(): void;
  barRef?: Ref<HTMLElement>;
}

export function ActionBar(p: ActionBarProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const busy = Boolean(p.busy);
  const count = (s: Issue['severity']) => p.issues?.filter((i) => i.severity === s).length ?? 0;
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
  const summary = p.issues?.length ? t('statusIssues', { errors, warnings, infos }) : t('statusIssuesNone');
  const Icon = errors ? ErrorCircleRegular : warnings ? WarningRegular : CheckmarkCircleRegular;
  const time = p.report ? new Date(p.report.generatedAt).toLocaleTimeString(lang === 'en' ? 'en-US' : 'zh-CN', { hour: '2-digit', minute: '2-digit' }) : '';
  return (
    <section ref={p.barRef} className={styles.bar} aria-label={t('actionsLabel')} data-testid="action-bar">
      <div className={styles.buttons}>
        {/* disabledFocusable: a button that waits while Excel works keeps the keyboard focus. */}
        <Button className={styles.button} appearance="primary" icon={<CalculatorRegular />} disabledFocusable={busy || !p.canCalculate} onClick={p.onRecalculate}>
          {t('recalculate')}
        </Button>
        <Button className={styles.button} appearance="primary" icon={<CopyRegular />} disabledFocusable={busy || !p.canCalculate} onClick={p.onGenerateAndCopy}>
          {t('generateAndCopy')}
        </Button>
      </div>
      {p.busy ? (
        <ProgressPanel busy={p.busy} />
      ) : (
        p.issues && (
          <div className={styles.status} data-testid="status-line">
            <Button className={styles.issues} size="small" appearance="transparent" icon={<Icon />} aria-label={t('statusShowIssues', { summary })} onClick={p.onShowIssues}>
              {summary}
            </Button>
            <Caption1 className={p.reportStale ? styles.stale : undefined} data-testid="report-status">
              {!p.report ? t('statusReportNone') : p.reportStale ? t('statusReportStale') : t('statusReportCurrent', { time })}
            </Caption1>
          </div>
        )
      )}
      <NoticeBar notice={p.notice} error={p.error} onDismissError={p.onDismissError} />
    </section>
  );
}
