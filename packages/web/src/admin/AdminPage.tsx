import { Body1, makeStyles, Subtitle2, Title2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** One admin page: its level-one heading (each page is a document of its own to a screen reader). */
export function AdminPage(props: { title: string; intro?: ReactNode; children: ReactNode; testId?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.page} data-testid={props.testId}>
      <Title2 as="h1">{props.title}</Title2>
      {props.intro && <Body1>{props.intro}</Body1>}
      {props.children}
    </div>
  );
}

/** A titled part of an admin page, reachable as a region by its heading. */
export function AdminSection(props: { title: string; children: ReactNode; testId?: string }) {
  const styles = useStyles();
  const headingId = `admin-section-${props.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid={props.testId}>
      <Subtitle2 as="h2" id={headingId}>
        {props.title}
      </Subtitle2>
      {props.children}
    </section>
  );
}
