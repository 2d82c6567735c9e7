import {
  Badge,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { EnrolAnswer } from '@sendwell/core';
import { type ParsedCsv, previewRows } from './enrolPreview';

const useStyles = makeStyles({
  caption: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    paddingBlock: tokens.spacingVerticalS,
  },
});

/** Every row of the import and what happens (or happened, `done`) to it. */
export function PreviewTable(props: { parsed: ParsedCsv; answer: EnrolAnswer | undefined; done: boolean }) {
  const styles = useStyles();
  const rows = previewRows(props.parsed, props.answer, props.done ? 'Enrolled' : 'Will be enrolled');
  return (
    <Table size="extra-small" data-testid="csv-preview">
      <caption className={styles.caption}>
        {props.done ? 'What happened to each row' : 'What will happen to each row'}
      </caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>#</TableHeaderCell>
          <TableHeaderCell>Email</TableHeaderCell>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Merge fields</TableHeaderCell>
          <TableHeaderCell>Outcome</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key} data-testid={`csv-preview-row-${row.email}`}>
            <TableCell>{row.where}</TableCell>
            <TableCell>{row.email}</TableCell>
            <TableCell>{row.name}</TableCell>
            <TableCell>{row.fields}</TableCell>
            <TableCell data-testid="csv-preview-outcome" data-code={row.verdict.ok ? 'ok' : row.verdict.code}>
              <Badge appearance="tint" color={row.verdict.ok ? 'success' : 'danger'}>
                {row.verdict.ok ? 'OK' : 'Left out'}
              </Badge>{' '}
              {row.verdict.words}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
