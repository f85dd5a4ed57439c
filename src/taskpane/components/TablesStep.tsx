/** Step 1: the tables the detector found, and the editor to correct them. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Body1, Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { Analysis, MappingOverride, TableKind, TableLocation, TableOverride, WorkbookSnapshot } from '../../core';
import { useI18n } from '../i18n';
import { ambiguousCandidates } from '../mapping';
import { MappingEditor } from './MappingEditor';
import { StepCard } from './StepCard';

const useStyles = makeStyles({
  table: { display: 'flex', flexDirection: 'column', gap: '2px' },
  name: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

function TableSummary({ kind, table }: { kind: TableKind; table: TableLocation }) {
  const { t } = useI18n();
  const styles = useStyles();
  const firstRow = table.headerRow + 1;
  const rows = table.headerRows > 1 ? `${firstRow}–${firstRow + table.headerRows - 1}` : String(firstRow);
  const unitSource =
    table.unitSource === 'title' && table.unitCell ? t('unitFromTitle', { cell: table.unitCell }) : table.unitSource === 'header' ? t('unitFromHeader') : table.unitSource === 'assumed' ? t('unitAssumed') : '';
  return (
    <div className={styles.table} data-testid={`table-${kind}`}>
      <div className={styles.name}>
        <Body1>
          <strong>{t(kind === 'funds' ? 'fundsTable' : 'paymentsTable')}</strong>
        </Body1>
        {table.overridden && (
          <Badge appearance="tint" color="informative">
            {t('overridden')}
          </Badge>
        )}
      </div>
      <Caption1>{t('tableAt', { sheet: table.sheet, rows, last: table.dataEnd + 1 })}</Caption1>
      <Caption1>
        {t('tableUnit', { unit: t(table.unit === 'wan' ? 'unitWan' : 'unitYuan') })}
        {unitSource}
      </Caption1>
      <Caption1>{t('columnsFound', { count: Object.keys(table.columns).length })}</Caption1>
    </div>
  );
}

export interface TablesStepProps {
  analysis?: Analysis;
  snapshot?: WorkbookSnapshot;
  mapping?: MappingOverride;
  disabled: boolean;
  onApplyMapping(mapping: MappingOverride | undefined): void;
}

export function TablesStep({ analysis, snapshot, mapping, disabled, onApplyMapping }: TablesStepProps) {
  const { t, lang } = useI18n();
  const funds = analysis?.funds;
  const payments = analysis?.payments;
  const notFound = analysis && !funds ? analysis.issues.find((i) => i.code === 'TABLE_NOT_FOUND' || i.code === 'MAPPING_INVALID') : undefined;
  // Equally likely tables of a kind: the editor opens with all of them offered, never a silent pick.
  const ambiguous = {
    funds: analysis ? ambiguousCandidates(analysis.candidates.funds, analysis.issues) : [],
    payments: analysis ? ambiguousCandidates(analysis.candidates.payments, analysis.issues) : [],
  };
  const ambiguousKinds = (['funds', 'payments'] as const).filter((k) => ambiguous[k].length > 0);
  const ambiguousIssue = (kind: 'funds' | 'payments') => {
    const cells = new Set(ambiguous[kind].map((c) => c.range.split(':')[0]));
    return analysis?.issues.find((i) => i.code === 'TABLE_AMBIGUOUS' && cells.has(i.cell));
  };

  const apply = (kind: TableKind, override: TableOverride | undefined) => {
    const next: MappingOverride = { ...mapping };
    if (override) next[kind] = override;
    else delete next[kind];
    onApplyMapping(Object.keys(next).length ? next : undefined);
  };

  return (
    <StepCard title={t('step1')} testId="step-tables">
      {ambiguousKinds.map((kind) => {
        const found = ambiguousIssue(kind);
        const table = t(kind === 'funds' ? 'fundsTable' : 'paymentsTable');
        return (
          <MessageBar key={kind} intent="warning" layout="multiline" data-testid={`ambiguous-${kind}`}>
            <MessageBarBody>
              <MessageBarTitle>{t('ambiguousTitle', { table })}</MessageBarTitle>
              {found ? (lang === 'en' ? found.messageEn : found.message) : null} {t('ambiguousHint')}
            </MessageBarBody>
          </MessageBar>
        );
      })}
      {analysis && !funds && !ambiguousKinds.length && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('noFunds')}</MessageBarTitle>
            {notFound ? (lang === 'en' ? notFound.messageEn : notFound.message) : null} {t('noFundsHint')}
          </MessageBarBody>
        </MessageBar>
      )}
      {funds && <TableSummary kind="funds" table={funds} />}
      {payments && <TableSummary kind="payments" table={payments} />}
      {funds && !payments && <Caption1>{t('noPayments')}</Caption1>}
      {analysis && (
        <Accordion collapsible multiple defaultOpenItems={ambiguousKinds.length ? ambiguousKinds : funds ? [] : ['funds']}>
          {(['funds', 'payments'] as const).map((kind) => (
            <AccordionItem key={kind} value={kind}>
              <AccordionHeader size="small">
                {t('editMappingOf', { table: t(kind === 'funds' ? 'fundsTable' : 'paymentsTable') })}
              </AccordionHeader>
              <AccordionPanel>
                <MappingEditor
                  kind={kind}
                  snapshot={snapshot}
                  table={kind === 'funds' ? funds : payments}
                  candidates={analysis.candidates[kind]}
                  ambiguous={ambiguous[kind].length > 0}
                  override={mapping?.[kind]}
                  disabled={disabled}
                  onApply={(o) => apply(kind, o)}
                />
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </StepCard>
  );
}
