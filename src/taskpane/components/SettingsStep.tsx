/** Settings: fiscal year, as-of date, report date, how rates print and the reason threshold; saved in the workbook. */
import { useEffect, useState } from 'react';
import { Button, Caption1, Field, Input, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { DEFAULT_SETTINGS, RateDisplay, Settings } from '../../core';
import { Bilingual, SETTINGS_SCHEMA } from '../../core/settings-schema';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

interface Draft {
  year: string;
  asOf: string;
  reportDate: string;
  rateDisplay: RateDisplay;
  threshold: string;
}

function draftOf(s: Settings): Draft {
  const threshold = (s.reasonThreshold ?? DEFAULT_SETTINGS.reasonThreshold) * 100;
  return {
    year: s.fiscalYear ? String(s.fiscalYear) : '',
    asOf: s.asOf ?? '',
    reportDate: s.reportDate ?? '',
    rateDisplay: s.rateDisplay ?? DEFAULT_SETTINGS.rateDisplay,
    threshold: String(Math.round(threshold * 100) / 100),
  };
}

/**
 * What is wrong with a field as typed, checked by the same schema as a --config file (one rule for
 * both): undefined when it is fine or empty.
 */
function problemOf<K extends 'fiscalYear' | 'asOf' | 'reportDate' | 'reasonThreshold'>(key: K, value: unknown): Bilingual | undefined {
  const r = SETTINGS_SCHEMA[key].check(value, key);
  return r.ok ? undefined : r.problems[0];
}

export function yearProblem(text: string): Bilingual | undefined {
  const t = text.trim();
  if (!t) return undefined;
  // The form takes digits only: "２０２３" or "2023年" is not silently read as something else.
  return /^\d+$/.test(t) ? problemOf('fiscalYear', Number(t)) : problemOf('fiscalYear', t);
}

export function asOfProblem(text: string): Bilingual | undefined {
  return text.trim() ? problemOf('asOf', text.trim()) : undefined;
}

export function reportDateProblem(text: string): Bilingual | undefined {
  return text.trim() ? problemOf('reportDate', text.trim()) : undefined;
}

/** The threshold is typed in percent (90) and stored as a fraction (0.9), checked as the schema checks a file's. */
export function thresholdOk(text: string): boolean {
  const t = text.trim();
  return /^\d+(\.\d+)?$/.test(t) && !problemOf('reasonThreshold', Number(t) / 100);
}

/** The settings a draft stands for, keeping what this form does not edit (the mapping). */
export function settingsFrom(base: Settings, d: Draft): Settings {
  const next: Settings = { ...base, rateDisplay: d.rateDisplay, reasonThreshold: Number(d.threshold) / 100 };
  if (d.year.trim()) next.fiscalYear = Number(d.year);
  else delete next.fiscalYear;
  if (d.asOf.trim()) next.asOf = d.asOf.trim();
  else delete next.asOf;
  if (d.reportDate.trim()) next.reportDate = d.reportDate.trim();
  else delete next.reportDate;
  return next;
}

export interface SettingsFormProps {
  settings: Settings;
  savedAt?: string;
  disabled: boolean;
  onSave(settings: Settings): void;
}

export function SettingsForm({ settings, savedAt, disabled, onSave }: SettingsFormProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [draft, setDraft] = useState(() => draftOf(settings));
  useEffect(() => setDraft(draftOf(settings)), [settings]);
  const yearIssue = yearProblem(draft.year);
  const asOfIssue = asOfProblem(draft.asOf);
  const reportDateIssue = reportDateProblem(draft.reportDate);
  const yearOk = !yearIssue;
  const thresholdValid = thresholdOk(draft.threshold);
  const asOfOk = !asOfIssue;
  const reportDateOk = !reportDateIssue;
  const say = (p: Bilingual | undefined) => p && (lang === 'en' ? p.en : p.zh);
  return (
    <form
      className={styles.form}
      data-testid="settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (yearOk && thresholdValid && asOfOk && reportDateOk) onSave(settingsFrom(settings, draft));
      }}
    >
      <Field
        label={t('settingsYear')}
        hint={t('settingsYearHint')}
        validationState={yearOk ? 'none' : 'error'}
        validationMessage={say(yearIssue)}
      >
        <Input inputMode="numeric" value={draft.year} disabled={disabled} onChange={(_, d) => setDraft({ ...draft, year: d.value })} />
      </Field>
      <Field label={t('settingsAsOf')} hint={t('settingsAsOfHint')} validationState={asOfOk ? 'none' : 'error'} validationMessage={say(asOfIssue)}>
        <Input type="date" value={draft.asOf} disabled={disabled} onChange={(_, d) => setDraft({ ...draft, asOf: d.value })} />
      </Field>
      <Field label={t('settingsReportDate')} hint={t('settingsReportDateHint')} validationState={reportDateOk ? 'none' : 'error'} validationMessage={say(reportDateIssue)}>
        <Input type="date" value={draft.reportDate} disabled={disabled} onChange={(_, d) => setDraft({ ...draft, reportDate: d.value })} />
      </Field>
      <Field label={t('settingsRateDisplay')}>
        <RadioGroup value={draft.rateDisplay} disabled={disabled} onChange={(_, d) => setDraft({ ...draft, rateDisplay: d.value as RateDisplay })}>
          <Radio value="whole" label={t('rateWhole')} />
          <Radio value="two-decimals" label={t('rateTwoDecimals')} />
        </RadioGroup>
      </Field>
      <Field
        label={t('settingsThreshold')}
        hint={t('settingsThresholdHint')}
        validationState={thresholdValid ? 'none' : 'error'}
        validationMessage={thresholdValid ? undefined : t('settingsThresholdInvalid')}
      >
        <Input inputMode="decimal" value={draft.threshold} disabled={disabled} onChange={(_, d) => setDraft({ ...draft, threshold: d.value })} />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabledFocusable={disabled || !yearOk || !thresholdValid || !asOfOk || !reportDateOk}>
          {t('saveSettings')}
        </Button>
      </div>
      {savedAt && <Caption1>{t('savedAt', { time: new Date(savedAt).toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN') })}</Caption1>}
    </form>
  );
}
