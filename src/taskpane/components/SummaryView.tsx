/** The computed figures at a glance: budget, executed and 执行率 per funding group and in total. */
import { Caption1, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { Analysis, executedSumKnown, formatIsoDate, formatRate, formatRounded, GroupResult } from '../../core';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  table: { tableLayout: 'auto', fontSize: tokens.fontSizeBase200 },
  num: { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  sub: { paddingLeft: tokens.spacingHorizontalL },
  total: { fontWeight: tokens.fontWeightSemibold },
  captions: { display: 'flex', flexDirection: 'column' },
});

function GroupRow({ group, sub, total, label }: { group: GroupResult; sub?: boolean; total?: boolean; label: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <TableRow className={total ? styles.total : undefined}>
      <TableCell className={sub ? styles.sub : undefined}>
        {t('groupLabel', { name: label, count: group.projects.length })}
      </TableCell>
      <TableCell className={styles.num}>{formatRounded(group.budget, 'wan', 2, false)}</TableCell>
      <TableCell className={styles.num}>{executedSumKnown(group) ? formatRounded(group.executed, 'wan', 2, false) : '—'}</TableCell>
      <TableCell className={styles.num}>{group.rateText}</TableCell>
    </TableRow>
  );
}

export function SummaryView({ analysis }: { analysis: Analysis }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { results, period } = analysis;
  if (!results || !period) return null;
  return (
    <div data-testid="summary">
      <div className={styles.captions}>
        <Caption1>
          {t('summaryPeriod', { year: period.fiscalYear, asOf: formatIsoDate(period.asOf) })}
          {period.monitoring ? t('summaryMonitoring', { progress: formatRate(period.progress, analysis.settings.rateDisplay) }) : ''}
        </Caption1>
        <Caption1>{t('summaryUnit')}</Caption1>
      </div>
      <Table size="extra-small" className={styles.table} aria-label={t('summaryTitle')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('summaryGroup')}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{t('summaryBudget')}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{t('summaryExecuted')}</TableHeaderCell>
            <TableHeaderCell className={styles.num}>{t('summaryRate')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {results.groups.flatMap((g) => [
            <GroupRow key={g.name} group={g} label={g.name} />,
            ...g.children.map((c) => <GroupRow key={`${g.name}/${c.subgroup}`} group={c} label={c.subgroup ?? c.name} sub />),
          ])}
          <GroupRow group={results.total} label={t('summaryTotal')} total />
        </TableBody>
      </Table>
    </div>
  );
}
