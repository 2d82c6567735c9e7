import { Caption1, Field, Input } from '@fluentui/react-components';
import { useId } from 'react';
import { readSendAt, type SendAtChoice, sendAtInputValue } from '../model/sendAt';
import { useVoice } from './voice';

/** What the line under the field says: when it goes, or why it cannot be sent like this. */
function confirmation(choice: SendAtChoice, voice: ReturnType<typeof useVoice>, empty: boolean) {
  switch (choice.outcome) {
    case 'now':
      return { state: 'now', text: empty ? voice.t('compose.sendAtEmpty') : voice.goesOut(null) };
    case 'at':
      return { state: 'at', text: voice.goesOut(choice.at.toISOString()) };
    case 'too-far':
      return { state: 'too-far', text: voice.t('send.sendAtTooFar') };
    case 'invalid':
      return { state: 'invalid', text: voice.t('compose.sendAtInvalid') };
  }
}

/**
 * Schedule send: a date and time on the rep's own clock (the voice's zone), read as a wall-clock
 * time there; empty means now. The line under it is core's "Goes out Tue 9:00 AM".
 */
export function SendAtField(props: { value: string; onChange(value: string): void; now: Date }) {
  const voice = useVoice();
  const hintId = useId();
  const choice = readSendAt(props.value, voice.timeZone, props.now);
  const line = confirmation(choice, voice, !props.value.trim());
  const refused = line.state === 'too-far' || line.state === 'invalid';
  return (
    <Field
      label={voice.t('compose.sendAt', { zone: voice.timeZone })}
      validationState={refused ? 'warning' : 'none'}
    >
      <Input
        type="datetime-local"
        data-testid="send-at"
        aria-describedby={hintId}
        value={props.value}
        min={sendAtInputValue(props.now, voice.timeZone)}
        onChange={(_, data) => props.onChange(data.value)}
      />
      <Caption1 id={hintId} data-testid="send-at-confirm" data-state={line.state}>
        {line.text}
      </Caption1>
    </Field>
  );
}
