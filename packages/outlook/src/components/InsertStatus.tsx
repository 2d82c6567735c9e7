import { Caption1, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { InsertState } from '../hooks/useTemplateInsert';
import { ProblemBar } from './ProblemBar';

function who(state: Extract<InsertState, { state: 'inserted' }>): string {
  const recipient = state.mergedFor;
  if (!recipient) return 'no recipient yet';
  return recipient.displayName ? `${recipient.displayName} <${recipient.email}>` : recipient.email;
}

export function InsertStatus(props: { insert: InsertState }) {
  const { insert } = props;
  if (insert.state === 'failed')
    return <ProblemBar problem={insert.problem} title="Could not insert the template" />;
  if (insert.state !== 'inserted') return null;
  if (insert.missing.length === 0)
    return <Caption1 data-testid="insert-status">Inserted, merged for {who(insert)}.</Caption1>;
  return (
    <MessageBar intent="warning" data-testid="insert-status">
      <MessageBarBody>
        Inserted for {who(insert)}, but these fields are still unfilled:{' '}
        {insert.missing.map((field) => `{{${field}}}`).join(', ')}. Add a recipient with a name, or edit them
        by hand.
      </MessageBarBody>
    </MessageBar>
  );
}
