/** What is running (a progress bar with the stage) and how the last action went (a message bar). */
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
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { Stage } from '../api';
import { MessageId, useI18n } from '../i18n';
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
};

const useStyles = makeStyles({
  // Reserved height: the steps below do not jump when a run starts or ends.
  progress: { minHeight: '44px' },
});

export function ProgressPanel({ busy }: { busy?: Busy }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.progress} aria-live="polite" data-testid="progress">
      {busy && (
        <Field label={t(ACTION_TEXT[busy.action])} validationMessage={busy.stage ? t(STAGE_TEXT[busy.stage]) : undefined} validationState="none">
          <ProgressBar value={busy.fraction} max={1} thickness="large" />
        </Field>
      )}
    </div>
  );
}

export function NoticeBar({ notice, error, onDismissError }: { notice?: Notice; error?: string; onDismissError: () => void }) {
  const { t } = useI18n();
  if (error) {
    return (
      <MessageBar intent="error" layout="multiline" data-testid="error">
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
    <MessageBar intent={notice.intent} layout="multiline" data-testid="notice" style={{ marginBottom: tokens.spacingVerticalXS }}>
      <MessageBarBody>{t(notice.id, notice.params)}</MessageBarBody>
    </MessageBar>
  );
}
