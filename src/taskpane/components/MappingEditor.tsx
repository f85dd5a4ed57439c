/**
 * Correcting what the detector found for one table: the sheet, the header row, the unit, and each
 * field's column ("F · 全年预算数", automatic, or not used). Applying saves only what was changed.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { fieldSpecs, TableKind, TableLocation, TableOverride, WorkbookSnapshot } from '../../core';
import { useI18n } from '../i18n';
import {
  AUTO,
  blockOf,
  chosenCandidate,
  columnLabel,
  dataSheetNames,
  detectedLabel,
  draftFrom,
  editedHeader,
  fieldValue,
  headerColumns,
  MappingDraft,
  NOT_USED,
  overrideFrom,
  parseHeaderRow,
  withCandidate,
  withField,
} from '../mapping';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // minWidth 0: a grid cell otherwise grows to its widest option text and pushes past the narrow pane.
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS },
  field: { gridTemplateColumns: 'minmax(0, 6.5em) minmax(0, 1fr)' },
  control: { minWidth: 0, width: '100%' },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, border: 'none', margin: 0, padding: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface MappingEditorProps {
  kind: TableKind;
  snapshot?: WorkbookSnapshot;
  /** What the last analysis found (undefined when the table was not found or was ambiguous). */
  table?: TableLocation;
  /** Every table of this kind the detector found: offered when there is more than one. */
  candidates?: readonly TableLocation[];
  /** The detector could not choose among the candidates: the user must. */
  ambiguous?: boolean;
  override?: TableOverride;
  disabled: boolean;
  onApply(override: TableOverride | undefined): void;
}

export function MappingEditor({ kind, snapshot, table: detected, candidates = [], ambiguous = false, override, disabled, onApply }: MappingEditorProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const ids = useId();
  const [draft, setDraft] = useState<MappingDraft>(() => draftFrom(override));
  // A saved mapping (or a reset) replaces whatever was being edited.
  useEffect(() => setDraft(draftFrom(override)), [override]);

  const sheets = useMemo(() => dataSheetNames(snapshot), [snapshot]);
  // A table chosen among the candidates stands for the detection: its header row, columns and unit.
  const picked = chosenCandidate(candidates, draft);
  const table = picked ?? detected;
  const header = editedHeader(snapshot, table, draft);
  const block = picked ?? (header.matchesDetection ? table : undefined);
  const columns = useMemo(
    () => (header.sheet ? headerColumns(header.sheet, header.row0, header.rows, block) : []),
    [header.sheet, header.row0, header.rows, block],
  );
  const candidateLabel = (c: TableLocation) => (c.year ? t('candidateYear', { range: c.range, year: c.year }) : c.range);
  const rowState = parseHeaderRow(draft.headerRow);
  const result = overrideFrom(draft);
  const unchanged = JSON.stringify(result ?? null) === JSON.stringify(override ?? null);

  return (
    <div className={styles.root} data-testid={`mapping-${kind}`}>
      {candidates.length > 1 && (
        <Field label={t('mappingTable')} className={styles.control} validationState={ambiguous && !picked ? 'warning' : 'none'}>
          <Select
            className={styles.control}
            value={picked ? `${picked.sheet}!${blockOf(picked)}` : ''}
            disabled={disabled}
            onChange={(_, d) => setDraft(withCandidate(draft, candidates.find((c) => `${c.sheet}!${blockOf(c)}` === d.value)))}
          >
            <option value="">{ambiguous ? t('chooseTable') : detected ? t('autoWith', { column: candidateLabel(detected) }) : t('auto')}</option>
            {candidates.map((c) => (
              <option key={c.range} value={`${c.sheet}!${blockOf(c)}`}>
                {candidateLabel(c)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.row}>
        <Field label={t('mappingSheet')} className={styles.control}>
          <Select className={styles.control} value={draft.sheet} disabled={disabled} onChange={(_, d) => setDraft({ ...draft, sheet: d.value })}>
            <option value="">{table ? t('autoWith', { column: table.sheet }) : t('auto')}</option>
            {sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={t('mappingHeaderRow')}
          className={styles.control}
          validationState={rowState === 'invalid' ? 'error' : 'none'}
          validationMessage={rowState === 'invalid' ? t('headerRowInvalid') : undefined}
        >
          <Input
            className={styles.control}
            inputMode="numeric"
            value={draft.headerRow}
            placeholder={table ? String(table.headerRow + 1) : ''}
            disabled={disabled}
            onChange={(_, d) => setDraft({ ...draft, headerRow: d.value })}
          />
        </Field>
      </div>
      <Field label={t('mappingUnit')}>
        <Select value={draft.unit} disabled={disabled} onChange={(_, d) => setDraft({ ...draft, unit: d.value as MappingDraft['unit'] })}>
          <option value="">{table ? t('autoWith', { column: t(table.unit === 'wan' ? 'unitWan' : 'unitYuan') }) : t('auto')}</option>
          <option value="wan">{t('unitWan')}</option>
          <option value="yuan">{t('unitYuan')}</option>
        </Select>
      </Field>
      <fieldset className={styles.fields}>
        <legend className={styles.legend}>{t('mappingFieldsLegend')}</legend>
        {fieldSpecs(kind).map((spec) => {
          const detected = header.matchesDetection ? detectedLabel(table, spec.field, columns) : undefined;
          const autoText = header.matchesDetection ? (detected ? t('autoWith', { column: detected }) : t('autoNone')) : t('auto');
          const value = fieldValue(draft, spec.field);
          const chosen = draft.columns[spec.field];
          // A letter saved earlier may lie beyond the columns this header row offers: keep it selectable.
          const extra = chosen && !columns.some((c) => c.letter === chosen) ? [{ letter: chosen, text: '' }] : [];
          return (
            <Field key={spec.field} label={spec.label[lang]} orientation="horizontal" className={styles.field}>
              <Select
                className={styles.control}
                id={`${ids}-${spec.field}`}
                data-field={spec.field}
                value={value}
                disabled={disabled}
                onChange={(_, d) => setDraft(withField(draft, spec.field, d.value))}
              >
                <option value={AUTO}>{autoText}</option>
                <option value={NOT_USED}>{t('notUsed')}</option>
                {[...columns, ...extra].map((c) => (
                  <option key={c.letter} value={c.letter}>
                    {columnLabel(c)}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
      </fieldset>
      <div className={styles.buttons}>
        <Button appearance="primary" disabledFocusable={disabled || result === 'invalid' || unchanged} onClick={() => result !== 'invalid' && onApply(result)}>
          {t('apply')}
        </Button>
        <Button disabledFocusable={disabled || !override} onClick={() => onApply(undefined)}>
          {t('resetMapping')}
        </Button>
      </div>
    </div>
  );
}
