import {
  Body1,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Subtitle2,
  Title2,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1040px' },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** A rep page: one level-one heading (each page is a document of its own to a screen reader). */
export function Page(props: { title: string; intro?: ReactNode; children: ReactNode; testId?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.page} data-testid={props.testId}>
      <Title2 as="h1">{props.title}</Title2>
      {props.intro && <Body1 as="p">{props.intro}</Body1>}
      {props.children}
    </div>
  );
}

/** A titled part of a page, reachable as a region by its heading. */
export function Section(props: { title: string; children: ReactNode; testId?: string }) {
  const styles = useStyles();
  const headingId = `section-${props.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid={props.testId}>
      <Subtitle2 as="h2" id={headingId}>
        {props.title}
      </Subtitle2>
      {props.children}
    </section>
  );
}

/** What a failed call said, as the API worded it (its message is written for people). */
export function ApiProblem(props: { error: ApiError | null | undefined; testId?: string }) {
  if (!props.error) return null;
  return (
    <MessageBar intent="error" data-testid={props.testId}>
      <MessageBarBody>{props.error.message}</MessageBarBody>
    </MessageBar>
  );
}

/** Loading, failed, or the content: the three states of every query on a page. */
export function Loaded<T>(props: {
  query: { isPending: boolean; error: ApiError | null; data: T | undefined };
  label: string;
  children: (data: T) => ReactNode;
}) {
  if (props.query.error) return <ApiProblem error={props.query.error} />;
  if (props.query.isPending || props.query.data === undefined)
    return <Spinner size="small" label={props.label} />;
  return <>{props.children(props.query.data)}</>;
}
