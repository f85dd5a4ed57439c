/** Full-pane states before the workbook is reachable: loading, outside Excel, office.js missing. */
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n';

export type BootProblem =
  | { kind: 'no-office' }
  | { kind: 'no-host' }
  | { kind: 'wrong-host'; host: string }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'old-excel' };

const useStyles = makeStyles({ root: { padding: tokens.spacingHorizontalL } });

export function LoadingScreen() {
  const { t } = useI18n();
  return <Spinner label={t('loading')} style={{ marginTop: tokens.spacingVerticalXXL }} />;
}

export function StatusScreen({ problem }: { problem: BootProblem }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [title, body] =
    problem.kind === 'no-office'
      ? [t('noOfficeTitle'), t('noOfficeBody')]
      : problem.kind === 'no-host'
        ? [t('noHostTitle'), t('noHostBody')]
        : problem.kind === 'wrong-host'
          ? [t('noHostTitle'), t('wrongHostBody', { host: problem.host })]
          : problem.kind === 'old-excel'
            ? [t('oldExcelTitle'), t('oldExcelBody')]
            : [t('timeoutTitle'), t('timeoutBody', { seconds: problem.seconds })];
  return (
    <main className={styles.root} aria-label={title}>
      <MessageBar intent={problem.kind === 'no-host' || problem.kind === 'wrong-host' ? 'info' : 'error'} layout="multiline" data-testid="status">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {body}
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}
