import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { templatePreviewSchema } from '@sendwell/core';
import { useState } from 'react';
import { useApiQuery } from '../../api/queries';
import { ApiProblem, Section } from '../../ui/Page';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  frame: {
    width: '100%',
    minHeight: '220px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: '#ffffff',
  },
});

/**
 * The saved template merged for a sample person (`GET /templates/{id}/preview`): the server merges
 * with the same code a send uses, values HTML-escaped; the HTML shows in a sandboxed frame.
 */
export function TemplatePreview({ templateId }: { templateId: string }) {
  const styles = useStyles();
  const [draft, setDraft] = useState({ email: 'ana.lopez@example.com', name: 'Ana López' });
  const [sample, setSample] = useState(draft);
  const preview = useApiQuery(`/templates/${encodeURIComponent(templateId)}/preview`, {
    query: { email: sample.email.trim() || undefined, name: sample.name.trim() || undefined },
    schema: templatePreviewSchema,
  });
  return (
    <Section title="Preview for a sample person" testId="web-template-preview">
      <div className={styles.row}>
        <Field label="Sample email">
          <Input
            value={draft.email}
            onChange={(_e, d) => setDraft({ ...draft, email: d.value })}
            data-testid="web-template-sample-email"
          />
        </Field>
        <Field label="Sample name">
          <Input
            value={draft.name}
            onChange={(_e, d) => setDraft({ ...draft, name: d.value })}
            data-testid="web-template-sample-name"
          />
        </Field>
        <Button onClick={() => setSample(draft)} data-testid="web-template-preview-run">
          Preview
        </Button>
      </div>
      <ApiProblem error={preview.error} />
      {preview.data && (
        <>
          <Body1 data-testid="web-template-preview-subject">
            <strong>Subject:</strong> {preview.data.subject}
          </Body1>
          {preview.data.unknownFields.length > 0 && (
            <MessageBar intent="warning" data-testid="web-template-preview-unknown">
              <MessageBarBody>
                No value for this person: {preview.data.unknownFields.join(', ')}. They would see the field as
                written.
              </MessageBarBody>
            </MessageBar>
          )}
          <iframe
            className={styles.frame}
            title="Merged email body"
            sandbox=""
            srcDoc={preview.data.html}
            data-testid="web-template-preview-body"
          />
        </>
      )}
    </Section>
  );
}
