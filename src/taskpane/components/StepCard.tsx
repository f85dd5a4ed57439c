/** One step of the pane: a titled, labelled region, so screen readers can jump between steps. */
import { ReactNode, useId } from 'react';
import { Card, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function StepCard({ title, extra, children, testId }: { title: string; extra?: ReactNode; children: ReactNode; testId?: string }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId} data-testid={testId}>
      <div className={styles.header}>
        <Subtitle2 as="h2" id={headingId}>
          {title}
        </Subtitle2>
        {extra}
      </div>
      {children}
    </Card>
  );
}
