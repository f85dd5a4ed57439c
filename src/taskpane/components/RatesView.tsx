/**
 * 执行率 at a glance: each funding group and project as a bar against its target (100%, or 序时进度
 * during the year), lagging ones striped in the warning colours. Readable without colour: every row
 * says its rate and 达标 / 滞后 in words, and lagging bars carry a pattern; the bars themselves are
 * decoration (aria-hidden). Projects come lagging-first in a box of fixed height, a page at a time.
 */
import { memo, useMemo, useState } from 'react';
import { Button, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatRate, type Analysis } from '../../core';
import { MessageId, useI18n } from '../i18n';
import { groupRow, Light, projectRowsLaggingFirst, RateRow } from '../rate-lights';

export const FIRST_PROJECTS = 10;
const MORE_PROJECTS = 50;

const LIGHT_TEXT: Record<Light, MessageId> = { ok: 'ratesOnTrack', behind: 'ratesLagging', far: 'ratesFar', unknown: 'ratesUnknown' };

const stripes = (color: string) => `repeating-linear-gradient(135deg, ${color} 0 4px, ${tokens.colorNeutralBackground1} 4px 6px)`;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  sub: { paddingLeft: tokens.spacingHorizontalL },
  total: { fontWeight: tokens.fontWeightSemibold },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  figure: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', textAlign: 'right' },
  state: { marginLeft: tokens.spacingHorizontalXS },
  far: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  behind: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  track: {
    gridColumn: '1 / -1',
    position: 'relative',
    height: '10px',
    marginTop: '2px',
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
  },
  fill: { position: 'absolute', left: 0, top: 0, bottom: 0 },
  fillOk: { backgroundColor: tokens.colorBrandBackground },
  fillBehind: { backgroundImage: stripes(tokens.colorPaletteMarigoldBackground3) },
  fillFar: { backgroundImage: stripes(tokens.colorPaletteRedBackground3) },
  // The target: a dark line across the bar, a little taller than it.
  target: { position: 'absolute', top: '-4px', bottom: '-4px', width: '2px', marginLeft: '-1px', backgroundColor: tokens.colorNeutralForeground1 },
  projects: {
    maxHeight: '20rem',
    overflowY: 'auto',
    paddingRight: tokens.spacingHorizontalXS,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  more: { alignSelf: 'flex-start' },
});

const Row = memo(function Row({ row, target, sub, total }: { row: RateRow; target: number; sub?: boolean; total?: boolean }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <li className={mergeClasses(styles.row, sub && styles.sub, total && styles.total)} data-light={row.light}>
      <span className={styles.name} title={row.name}>
        {row.name}
      </span>
      <span className={styles.figure}>
        {row.rateText || '—'}
        <span className={mergeClasses(styles.state, row.light === 'far' && styles.far, row.light === 'behind' && styles.behind)}>{t(row.explained ? 'ratesExplained' : LIGHT_TEXT[row.light])}</span>
      </span>
      <span className={styles.track} aria-hidden>
        <span
          className={mergeClasses(styles.fill, row.light === 'ok' && styles.fillOk, row.light === 'behind' && styles.fillBehind, row.light === 'far' && styles.fillFar)}
          style={{ width: `${(row.fill * 100).toFixed(1)}%` }}
        />
        <span className={styles.target} style={{ left: `${(target * 100).toFixed(1)}%` }} />
      </span>
    </li>
  );
});

export function RatesView({ analysis }: { analysis: Analysis }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [shown, setShown] = useState(FIRST_PROJECTS);
  const period = analysis.period!;
  const results = analysis.results!;
  const target = period.monitoring ? Number(period.progress.num) / Number(period.progress.den) : 1;
  const targetText = period.monitoring ? t('ratesTargetMonitoring', { target: formatRate(period.progress, analysis.settings.rateDisplay) }) : t('ratesTargetYearEnd');
  const groups = useMemo(
    () =>
      results.groups.flatMap((g) => [
        { row: groupRow(g.name, g.name, g, analysis), sub: false },
        ...g.children.map((c) => ({ row: groupRow(`${g.name}/${c.subgroup}`, c.subgroup ?? c.name, c, analysis), sub: true })),
      ]),
    [results, analysis],
  );
  const projects = useMemo(() => projectRowsLaggingFirst(analysis), [analysis]);
  const lagging = projects.filter((p) => p.light === 'far' || p.light === 'behind').length;
  return (
    <div className={styles.root} data-testid="rates">
      <Caption1>{t('ratesTitle', { target: targetText })}</Caption1>
      <ul className={styles.list} aria-label={t('ratesGroups')} data-testid="rates-groups">
        {groups.map(({ row, sub }) => (
          <Row key={row.key} row={row} target={target} sub={sub} />
        ))}
        <Row row={groupRow('total', t('summaryTotal'), results.total, analysis)} target={target} total />
      </ul>
      <Caption1>
        {t('ratesProjects')} · {t('ratesLaggingCount', { lagging, count: projects.length })}
      </Caption1>
      {/* Focusable, so a keyboard can scroll the box (axe: scrollable-region-focusable). */}
      <div className={styles.projects} tabIndex={0} role="group" aria-label={t('ratesProjects')}>
        <ul className={styles.list} data-testid="rates-projects">
          {projects.slice(0, shown).map((row) => (
            <Row key={row.key} row={row} target={target} />
          ))}
        </ul>
      </div>
      {projects.length > shown && (
        <Button className={styles.more} size="small" appearance="secondary" onClick={() => setShown((n) => n + MORE_PROJECTS)}>
          {t('ratesShowMore', { count: Math.min(MORE_PROJECTS, projects.length - shown) })}
        </Button>
      )}
      <Caption1>{t('ratesLegend')}</Caption1>
    </div>
  );
}
