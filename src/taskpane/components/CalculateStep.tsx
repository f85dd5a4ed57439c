/** Step 3: the figures, 重新计算执行率 (writes rates and notes) and 撤销上次计算. */
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular, CalculatorRegular } from '@fluentui/react-icons';
import type { Analysis } from '../../core';
import { useI18n } from '../i18n';
import { StepCard } from './StepCard';
import { SummaryView } from './SummaryView';

const useStyles = makeStyles({
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface CalculateStepProps {
  analysis?: Analysis;
  undoAvailable: boolean;
  disabled: boolean;
  onRecalculate(): void;
  onUndo(): void;
}

export function CalculateStep({ analysis, undoAvailable, disabled, onRecalculate, onUndo }: CalculateStepProps) {
  const { t } = useI18n();
  const styles = useStyles();
  // Without a funds table there is nothing to write; step 1 says why.
  const canCalculate = Boolean(analysis?.ok);
  return (
    <StepCard title={t('step3')} testId="step-calculate">
      {analysis?.ok && <SummaryView analysis={analysis} />}
      <Caption1>{t('recalculateHint')}</Caption1>
      <div className={styles.buttons}>
        <Button appearance="primary" icon={<CalculatorRegular />} disabled={disabled || !canCalculate} onClick={onRecalculate}>
          {t('recalculate')}
        </Button>
        <Button icon={<ArrowUndoRegular />} disabled={disabled || !undoAvailable} onClick={onUndo}>
          {t('undo')}
        </Button>
      </div>
    </StepCard>
  );
}
