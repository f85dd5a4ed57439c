/**
 * Step 2: the issues, grouped 错误 / 警告 / 提示 with counts. Each issue is a button that selects its
 * cell in Excel. Past a handful the step shows a summary and the first few; the full list opens in a
 * box of fixed height, so the pane does not grow with the workbook. A group shows its first PAGE_SIZE
 * issues and grows on request, so ten thousand issues render as fast as ten.
 */
import { memo, Ref, useId, useMemo, useState } from 'react';
import { Button, Caption1, CounterBadge, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, ErrorCircleRegular, InfoRegular, WarningRegular } from '@fluentui/react-icons';
import { Issue, SEVERITY_ORDER, Severity } from '../../core';
import { MessageId, useI18n } from '../i18n';
import { StepCard } from './StepCard';

export const PAGE_SIZE = 50;
/** Up to this many issues are simply listed; more collapse to a summary and the first PREVIEW_SIZE. */
export const COLLAPSE_AT = 8;
export const PREVIEW_SIZE = 5;

const SEVERITY_TEXT: Record<Severity, MessageId> = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' };
const SEVERITY_COLOR = { error: 'danger', warning: 'important', info: 'informative' } as const;
const SEVERITY_ICON = { error: ErrorCircleRegular, warning: WarningRegular, info: InfoRegular } as const;

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  groupTitle: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS}`, fontSize: tokens.fontSizeBase300 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  issue: { justifyContent: 'flex-start', textAlign: 'left', width: '100%', fontWeight: tokens.fontWeightRegular, alignItems: 'flex-start', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  selected: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  plain: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, display: 'block' },
  // Bounded: a long list scrolls inside the step instead of stretching the pane.
  scroller: { maxHeight: '22rem', overflowY: 'auto', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalXS },
  toggle: { alignSelf: 'flex-start' },
});

interface IssueRowProps {
  issue: Issue;
  lang: 'zh' | 'en';
  selected: boolean;
  disabled: boolean;
  noCellText: string;
  hint: string;
  onSelect(cell: string): void;
}

const IssueRow = memo(function IssueRow({ issue, lang, selected, disabled, noCellText, hint, onSelect }: IssueRowProps) {
  const styles = useStyles();
  const message = lang === 'en' ? issue.messageEn : issue.message;
  if (!issue.cell) {
    return (
      <li>
        <Text className={styles.plain}>
          <span className={styles.cell}>{noCellText}</span> {message}
        </Text>
      </li>
    );
  }
  return (
    <li>
      <Button
        appearance="subtle"
        className={mergeClasses(styles.issue, selected && styles.selected)}
        disabledFocusable={disabled}
        title={hint}
        aria-current={selected || undefined}
        data-cell={issue.cell}
        onClick={() => onSelect(issue.cell)}
      >
        <span>
          <span className={styles.cell}>{issue.cell}</span> {message}
        </span>
      </Button>
    </li>
  );
});

function IssueGroup({ severity, issues, selectedCell, disabled, onSelect }: { severity: Severity; issues: Issue[]; selectedCell?: string; disabled: boolean; onSelect(cell: string): void }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [shown, setShown] = useState(PAGE_SIZE);
  const Icon = SEVERITY_ICON[severity];
  const title = t(SEVERITY_TEXT[severity]);
  return (
    // A group, not a region: one landmark per step is enough to navigate by.
    <div role="group" className={styles.group} aria-label={`${title} ${issues.length}`} data-testid={`issues-${severity}`}>
      <h3 className={styles.groupTitle}>
        <Icon aria-hidden />
        {title}
        <CounterBadge count={issues.length} color={SEVERITY_COLOR[severity]} overflowCount={99999} aria-hidden />
      </h3>
      <ul className={styles.list}>
        {issues.slice(0, shown).map((issue, i) => (
          <IssueRow
            key={i}
            issue={issue}
            lang={lang}
            selected={issue.cell === selectedCell}
            disabled={disabled}
            noCellText={t('issueNoCell')}
            hint={t('issueSelectHint', { cell: issue.cell })}
            onSelect={onSelect}
          />
        ))}
      </ul>
      {issues.length > shown && (
        <Button appearance="transparent" onClick={() => setShown((n) => n + PAGE_SIZE * 4)}>
          {t('showMore', { count: issues.length - shown })}
        </Button>
      )}
    </div>
  );
}

export interface IssuesStepProps {
  issues?: Issue[];
  selectedCell?: string;
  disabled: boolean;
  onSelect(cell: string): void;
  onRecheck(): void;
  headingRef?: Ref<HTMLHeadingElement>;
}

let generations = 0;

export function IssuesStep({ issues, selectedCell, disabled, onSelect, onRecheck, headingRef }: IssuesStepProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const listId = useId();
  const [expanded, setExpanded] = useState(false);
  const { groups, generation } = useMemo(() => {
    const by: Record<Severity, Issue[]> = { error: [], warning: [], info: [] };
    for (const issue of issues ?? []) by[issue.severity].push(issue);
    return { groups: by, generation: ++generations };
  }, [issues]);
  const recheck = (
    <Button size="small" appearance="subtle" icon={<ArrowClockwiseRegular />} disabledFocusable={disabled} onClick={onRecheck}>
      {t('recheck')}
    </Button>
  );
  const all = SEVERITY_ORDER.filter((s) => groups[s].length > 0).map((severity) => (
    // Keyed by the analysis: a new one starts each group at its first page again.
    <IssueGroup key={`${severity}-${generation}`} severity={severity} issues={groups[severity]} selectedCell={selectedCell} disabled={disabled} onSelect={onSelect} />
  ));
  const collapsible = Boolean(issues && issues.length > COLLAPSE_AT);
  return (
    <StepCard title={t('step2')} extra={recheck} testId="step-issues" headingRef={headingRef}>
      {!issues && <Caption1>{t('issuesNotYet')}</Caption1>}
      {issues && issues.length === 0 && <Caption1 data-testid="issues-none">{t('issuesNone')}</Caption1>}
      {!collapsible && all}
      {collapsible && issues && (
        <>
          <Caption1 data-testid="issues-summary">
            {SEVERITY_ORDER.filter((s) => groups[s].length > 0)
              .map((s) => `${t(SEVERITY_TEXT[s])} ${groups[s].length}`)
              .join(' · ')}
            {' — '}
            {t('issuesCollapsed', { count: issues.length, shown: PREVIEW_SIZE })}
          </Caption1>
          {!expanded && (
            <ul className={styles.list} data-testid="issues-preview">
              {issues.slice(0, PREVIEW_SIZE).map((issue, i) => (
                <IssueRow
                  key={i}
                  issue={issue}
                  lang={lang}
                  selected={issue.cell === selectedCell}
                  disabled={disabled}
                  noCellText={t('issueNoCell')}
                  hint={t('issueSelectHint', { cell: issue.cell })}
                  onSelect={onSelect}
                />
              ))}
            </ul>
          )}
          <Button className={styles.toggle} appearance="secondary" size="small" aria-expanded={expanded} aria-controls={expanded ? listId : undefined} onClick={() => setExpanded(!expanded)}>
            {expanded ? t('issuesHide', { shown: PREVIEW_SIZE }) : t('issuesShowAll', { count: issues.length })}
          </Button>
          {expanded && (
            <div id={listId} className={styles.scroller} role="region" aria-label={t('issuesListLabel')} data-testid="issues-all">
              {all}
            </div>
          )}
        </>
      )}
    </StepCard>
  );
}
