import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Template } from '../api/types';
import type { InsertState } from '../hooks/useTemplateInsert';
import type { DraftRecipient } from '../office/types';
import { ProblemBar } from './ProblemBar';
import { useVoice } from './voice';

function recipientName(recipient: DraftRecipient): string {
  return recipient.displayName ? `${recipient.displayName} <${recipient.email}>` : recipient.email;
}

const tags = (fields: readonly string[]) => fields.map((field) => `{{${field}}}`).join(', ');

function insertedText(insert: Extract<InsertState, { state: 'inserted' }>): string {
  const kept = insert.subjectKept ? ' Your subject was kept.' : '';
  const replaced = insert.replaced ? ' It replaced the earlier insert.' : '';
  if (insert.mode === 'each')
    return `Inserted with its fields kept: Sendwell sends one email to each To recipient, merged for them.${replaced}${kept}`;
  if (!insert.personal) return `Inserted.${replaced}${kept}`;
  if (!insert.mergedFor)
    return `Inserted, not merged yet: add a recipient in To, then Send offers to merge for them.${replaced}${kept}`;
  if (insert.missing.length)
    return `Inserted for ${recipientName(insert.mergedFor)}, but ${tags(insert.missing)} has no value: add a name to the address or edit the text; Send refuses while a field is unfilled.${replaced}${kept}`;
  return `Inserted, merged for ${recipientName(insert.mergedFor)}.${replaced}${kept}`;
}

function ChooseMode(props: {
  insert: Extract<InsertState, { state: 'choose' }>;
  onChoose(template: Template, choice: 'one' | 'each'): void;
}) {
  const voice = useVoice();
  const { template, first, recipients } = props.insert;
  return (
    <MessageBar intent="info" layout="multiline" data-testid="insert-status" data-state="choose">
      <MessageBarBody>
        <MessageBarTitle>{recipients} people in To</MessageBarTitle>
        This template has per-person fields. Send each person their own email, or one email to all, merged for{' '}
        {first.displayName ?? first.email}?
        <div>
          <Button data-testid="merge-each" onClick={() => props.onChoose(template, 'each')}>
            {voice.t('ui.oneEmailEach')}
          </Button>{' '}
          <Button data-testid="merge-one" onClick={() => props.onChoose(template, 'one')}>
            {voice.t('ui.oneEmailMergedFor', { name: first.displayName ?? first.email })}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}

export function InsertStatus(props: {
  insert: InsertState;
  onChoose(template: Template, choice: 'one' | 'each'): void;
}) {
  const { insert } = props;
  switch (insert.state) {
    case 'idle':
    case 'inserting':
      return null;
    case 'failed':
      return <ProblemBar problem={insert.problem} title="Could not insert the template" />;
    case 'choose':
      return <ChooseMode insert={insert} onChoose={props.onChoose} />;
    case 'refused':
      return (
        <MessageBar intent="error" data-testid="insert-status" data-state="refused">
          <MessageBarBody>
            Not inserted: this template uses {tags(insert.unknownFields)}, which Sendwell cannot fill. Ask the
            template's owner to change it.
          </MessageBarBody>
        </MessageBar>
      );
    case 'inserted': {
      const warn =
        insert.personal && insert.mode === 'one' && (!insert.mergedFor || insert.missing.length > 0);
      if (!warn)
        return (
          <Caption1 data-testid="insert-status" data-state="inserted" data-mode={insert.mode}>
            {insertedText(insert)}
          </Caption1>
        );
      return (
        <MessageBar
          intent="warning"
          data-testid="insert-status"
          data-state="unfilled"
          data-mode={insert.mode}
        >
          <MessageBarBody>{insertedText(insert)}</MessageBarBody>
        </MessageBar>
      );
    }
  }
}
