/** Settings: fiscal year, as-of date, report date, how rates print and the reason threshold; saved in the workbook. */
import { useEffect, useState } from 'react';
import { Button, Caption1, Field, Input, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { DEFAULT_SETTINGS, RateDisplay, Settings } from '../../core';
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

export function validYear(text: string): boolean {
  return text.trim() === '' || (/^\d{4}$/.test(text.trim()) && Number(text) >= 1990 && Number(text) <= 2100);
}

export function validThreshold(text: string): boolean {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 100;
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
  const yearOk = validYear(draft.year);
  const thresholdOk = validThreshold(draft.threshold);
  const asOfOk = draft.asOf === '' || /^\d{4}-\d{2}-\d{2}$/.test(draft.asOf);
  const reportDateOk = draft.reportDate === '' || /^\d{4}-\d{2}-\d{2}$/.test(draft.reportDate);
  return (
    <form
      className={styles.form}
      data-testid="settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (yearOk && thresholdOk && asOfOk && reportDateOk) onSave(settingsFrom(settings, draft));
      }}
    >
      <Field
        label={t('settingsYear')}
        hint={t('settingsYearHint')}
        validationState={yearOk ? 'none' : 'error'}
        validationMessage={yearOk ? undefined : t('settingsYearInvalid')}
      >
        <Input inputMode="numeric" value={draft.year} disabled={disabled} onChange={(_, d) => setDraft({ ...draft, year: d.value })} />
      </Field>
      <Field label={t('settingsAsOf')} hint={t('settingsAsOfHint')}>
        <Input type="date" value={draft.asOf} disabled={disabled} onChange={(_, d) => setDraft({ ...draft, asOf: d.value })} />
      </Field>
      <Field label={t('settingsReportDate')} hint={t('settingsReportDateHint')}>
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
        validationState={thresholdOk ? 'none' : 'error'}
        validationMessage={thresholdOk ? undefined : t('settingsThresholdInvalid')}
      >
        <Input inputMode="decimal" value={draft.threshold} disabled={disabled} onChange={(_, d) => setDraft({ ...draft, threshold: d.value })} />
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabledFocusable={disabled || !yearOk || !thresholdOk || !asOfOk || !reportDateOk}>
          {t('saveSettings')}
        </Button>
      </div>
      {savedAt && <Caption1>{t('savedAt', { time: new Date(savedAt).toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN') })}</Caption1>}
    </form>
  );
}
