import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { type Campaign, type ParsedEnrolmentCsv, parseEnrolmentCsv } from '@sendwell/core';
import { useId, useState } from 'react';
import { useVoice } from '../../api/context';
import { ApiProblem } from '../../ui/Page';
import { useEnrol } from './campaignApi';
import { acceptedCount } from './enrolPreview';
import { PreviewTable } from './PreviewTable';

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '860px' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
});

/**
 * Enrol people from a CSV (pasted or a file): core's parser reads it in the browser (rows it cannot
 * read are shown with their row number), the server checks the rest without enrolling anyone
 * (`dryRun`: suppressed, already enrolled), and only then does "Enrol" enrol — each row's outcome
 * shown. Nothing is lost: the text stays until the rep changes it.
 */
export function EnrolSection({ campaign }: { campaign: Campaign }) {
  const styles = useStyles();
  const voice = useVoice();
  const fileId = useId();
  const [text, setText] = useState('');
  const [parsed, setParsed] = useState<ParsedEnrolmentCsv | null>(null);
  const check = useEnrol(campaign.id, true);
  const enrol = useEnrol(campaign.id, false);

  const preview = (csv: string) => {
    const result = parseEnrolmentCsv(csv);
    setParsed(result);
    enrol.reset();
    check.reset();
    if (result.people.length > 0) check.mutate(result.people);
  };
  const readFile = async (file: File | undefined) => {
    if (!file) return;
    const csv = await file.text();
    setText(csv);
    preview(csv);
  };
  const accepted = parsed ? acceptedCount(parsed, check.data) : 0;
  return (
    <div className={styles.column}>
      <Field label="Paste a CSV (a header row with an email column; other columns become merge fields)">
        <Textarea
          value={text}
          onChange={(_e, d) => setText(d.value)}
          rows={6}
          resize="vertical"
          data-testid="web-enrol-csv"
        />
      </Field>
      <div className={styles.buttons}>
        <label htmlFor={fileId}>Or upload a CSV file</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void readFile(e.target.files?.[0])}
          data-testid="web-enrol-file"
        />
        <Button disabled={text.trim() === ''} onClick={() => preview(text)} data-testid="web-enrol-preview">
          Preview
        </Button>
      </div>
      {parsed?.problem && (
        <MessageBar intent="error" data-testid="web-enrol-problem">
          <MessageBarBody>{voice.csvProblem(parsed.problem)}</MessageBarBody>
        </MessageBar>
      )}
      {parsed && !parsed.problem && (
        <>
          <PreviewTable parsed={parsed} answer={enrol.data ?? check.data} done={Boolean(enrol.data)} />
          <ApiProblem error={check.error ?? enrol.error} testId="web-enrol-error" />
          {check.data && !enrol.data && (
            <Text data-testid="web-enrol-check">
              {voice.enrolAnswer({ ...check.data, errors: [...parsed.errors, ...check.data.errors] })}
            </Text>
          )}
          {!enrol.data && (
            <div>
              <Button
                appearance="primary"
                disabled={!check.data || accepted === 0 || enrol.isPending}
                onClick={() => enrol.mutate(parsed.people)}
                data-testid="web-enrol-confirm"
              >
                {check.data ? `Enrol ${accepted} ${accepted === 1 ? 'person' : 'people'}` : 'Checking…'}
              </Button>
            </div>
          )}
          {enrol.data && (
            <MessageBar intent="success" data-testid="web-enrol-result">
              <MessageBarBody>
                {voice.enrolAnswer({ ...enrol.data, errors: [...parsed.errors, ...enrol.data.errors] })}
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </div>
  );
}
