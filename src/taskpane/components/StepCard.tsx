/** One step of the pane: a titled, labelled region, so screen readers can jump between steps. */
import { ReactNode, Ref, useId } from 'react';
import { Card, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  heading: { ...typographyStyles.subtitle2, margin: 0, ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
});

export interface StepCardProps {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
  /** Given when other controls jump here: the heading then takes the focus (tabIndex -1, not in the Tab order). */
  headingRef?: Ref<HTMLHeadingElement>;
}

export function StepCard({ title, extra, children, testId, headingRef }: StepCardProps) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <Card className={styles.card} role="region" aria-labelledby={headingId} data-testid={testId}>
      <div className={styles.header}>
        <h2 id={headingId} ref={headingRef} tabIndex={headingRef ? -1 : undefined} className={styles.heading}>
          {title}
        </h2>
        {extra}
      </div>
      {children}
    </Card>
  );
}
