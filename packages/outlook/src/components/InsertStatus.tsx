import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Voice } from '@sendwell/core';
import type { Template } from '../api/types';
import type { InsertState } from '../hooks/useTemplateInsert';
import type { DraftRecipient } from '../office/types';
import { ProblemBar } from './ProblemBar';
import { useVoice } from './voice';

function recipientName(recipient: DraftRecipient): string {
  return recipient.displayName ? `${recipient.displayName} <${recipient.email}>` : recipient.email;
}

const tags = (voice: Voice, fields: readonly string[]) =>
  fields.map((field) => `{{${field}}}`).join(voice.t('list.comma'));

function insertedMain(voice: Voice, insert: Extract<InsertState, { state: 'inserted' }>): string {
  if (insert.mode === 'each') return voice.t('insert.each');
  if (!insert.personal) return voice.t('insert.plain');
  if (!insert.mergedFor) return voice.t('insert.notMerged');
  const name = recipientName(insert.mergedFor);
  if (insert.missing.length) return voice.t('insert.unfilled', { name, tags: tags(voice, insert.missing) });
  return voice.t('insert.merged', { name });
}

function insertedText(voice: Voice, insert: Extract<InsertState, { state: 'inserted' }>): string {
  return voice.sentences(
    insertedMain(voice, insert),
    insert.replaced && voice.t('insert.replaced'),
    insert.subjectKept && voice.t('insert.subjectKept'),
  );
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
        <MessageBarTitle>{voice.t('insert.peopleInTo', { n: voice.number(recipients) })}</MessageBarTitle>
        {voice.t('insert.chooseQuestion', { name: first.displayName ?? first.email })}
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
  const voice = useVoice();
  const { insert } = props;
  switch (insert.state) {
    case 'idle':
    case 'inserting':
      return null;
    case 'failed':
      return <ProblemBar problem={insert.problem} title={voice.t('insert.failed')} />;
    case 'choose':
      return <ChooseMode insert={insert} onChoose={props.onChoose} />;
    case 'refused':
      return (
        <MessageBar intent="error" data-testid="insert-status" data-state="refused">
          <MessageBarBody>
            {voice.t('insert.unknownFields', { tags: tags(voice, insert.unknownFields) })}
          </MessageBarBody>
        </MessageBar>
      );
    case 'inserted': {
      const warn =
        insert.personal && insert.mode === 'one' && (!insert.mergedFor || insert.missing.length > 0);
      if (!warn)
        return (
          <Caption1 data-testid="insert-status" data-state="inserted" data-mode={insert.mode}>
            {insertedText(voice, insert)}
          </Caption1>
        );
      return (
        <MessageBar
          intent="warning"
          data-testid="insert-status"
          data-state="unfilled"
          data-mode={insert.mode}
        >
          <MessageBarBody>{insertedText(voice, insert)}</MessageBarBody>
        </MessageBar>
      );
    }
  }
}
