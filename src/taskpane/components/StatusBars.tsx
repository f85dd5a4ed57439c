/**
 * What is running (one progress bar over the whole action, with its stage and percentage) and how
 * the last action went (a message bar). Message bars announce themselves to screen readers through
 * the AriaLiveAnnouncer around the pane; the start of a run is announced here.
 */
import { useEffect } from 'react';
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  tokens,
  useAnnounce,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { Stage } from '../api';
import { MessageId, useI18n } from '../i18n';
import { percentText } from '../progress';
import type { ActionId, Busy, Notice } from '../state';

const STAGE_TEXT: Record<Stage, MessageId> = {
  reading: 'stageReading',
  computing: 'stageComputing',
  'saving-undo': 'stageSavingUndo',
  writing: 'stageWriting',
  done: 'stageDone',
};

const ACTION_TEXT: Record<ActionId, MessageId> = {
  analyze: 'busyAnalyze',
  settings: 'busySettings',
  recalculate: 'busyRecalculate',
  report: 'busyReport',
  download: 'busyDownload',
  undo: 'busyUndo',
  workbook: 'busyWorkbook',
};

const useStyles = makeStyles({
  // Reserved height: the steps below do not jump when a run starts or ends.
  progress: { minHeight: '40px' },
  notice: { marginBottom: tokens.spacingVerticalXS },
});

export function ProgressPanel({ busy }: { busy?: Busy }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { announce } = useAnnounce();
  const action = busy?.action;
  useEffect(() => {
    if (action) announce(t(ACTION_TEXT[action]), { polite: true, batchId: 'jixiao-busy' });
  }, [action, announce, t]);
  const percent = percentText(busy?.fraction);
  const stage = busy?.stage ? t(STAGE_TEXT[busy.stage]) : '';
  return (
    <div className={styles.progress} data-testid="progress">
      {busy && (
        <Field label={t(ACTION_TEXT[busy.action])} hint={percent ? t('progressPercent', { stage, percent }) : stage || undefined}>
          <ProgressBar value={busy.fraction} max={1} thickness="large" aria-valuetext={percent} />
        </Field>
      )}
    </div>
  );
}

export function NoticeBar({ notice, error, onDismissError }: { notice?: Notice; error?: string; onDismissError: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  if (error) {
    return (
      // Keyed by its text: a new error is a new bar, announced again (a bar announces when it appears).
      <MessageBar key={error} intent="error" layout="multiline" data-testid="error">
        <MessageBarBody>
          <MessageBarTitle>{t('errorTitle')}</MessageBarTitle>
          {error}
        </MessageBarBody>
        <MessageBarActions
          containerAction={<Button appearance="transparent" aria-label={t('dismiss')} icon={<DismissRegular />} onClick={onDismissError} />}
        />
      </MessageBar>
    );
  }
  if (!notice) return null;
  return (
    <MessageBar key={notice.seq} intent={notice.intent} layout="multiline" data-testid="notice" data-intent={notice.intent} className={styles.notice}>
      <MessageBarBody>{t(notice.id, notice.params)}</MessageBarBody>
    </MessageBar>
  );
}
