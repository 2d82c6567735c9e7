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
import type { EnrolAnswer, ParsedEnrolmentCsv } from '@sendwell/core';
import { useVoice } from '../../api/context';
import { previewRows } from './enrolPreview';

const useStyles = makeStyles({
  caption: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    paddingBlock: tokens.spacingVerticalS,
  },
});

/** Every row of the import and what happens (or happened, `done`) to it. */
export function PreviewTable(props: {
  parsed: ParsedEnrolmentCsv;
  answer: EnrolAnswer | undefined;
  done: boolean;
}) {
  const styles = useStyles();
  const voice = useVoice();
  const rows = previewRows(props.parsed, props.answer, voice, {
    ok: props.done ? 'Enrolled' : 'Will be enrolled',
    pending: 'Checking…',
  });
  return (
    <Table size="extra-small" data-testid="csv-preview">
      <caption className={styles.caption}>
        {props.done ? 'What happened to each row' : 'What will happen to each row'}
      </caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Row</TableHeaderCell>
          <TableHeaderCell>Email</TableHeaderCell>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Merge fields</TableHeaderCell>
          <TableHeaderCell>Outcome</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.row} data-testid={`csv-preview-row-${row.row + 1}`}>
            <TableCell>{voice.number(row.row + 1)}</TableCell>
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
