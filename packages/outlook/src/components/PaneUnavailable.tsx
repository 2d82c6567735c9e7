import { Caption1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { type Locale, type MessageKey, translate } from '@sendwell/core';
import type { UnavailableReason } from '../office/connect';

const WHY: Record<UnavailableReason, MessageKey> = {
  'no-office-js': 'pane.unavailable.noOfficeJs',
  'no-sandbox-host': 'pane.unavailable.noSandboxHost',
  'no-compose-item': 'pane.unavailable.noComposeItem',
};

/**
 * Shown when there is no compose item to work with (plain browser, missing sandbox host, no office.js),
 * worded from the reason; `startError` when Office itself threw while starting.
 */
export function PaneUnavailable(props: { reason: UnavailableReason; locale: Locale; startError?: string }) {
  const { locale, startError } = props;
  return (
    <main style={{ padding: 12 }}>
      <Caption1 as="h1" block style={{ margin: '0 0 8px' }}>
        Sendwell
      </Caption1>
      <MessageBar
        intent="warning"
        layout="multiline"
        data-testid="pane-unavailable"
        data-reason={props.reason}
      >
        <MessageBarBody>
          <MessageBarTitle>{translate(locale, 'ui.cannotStart')}</MessageBarTitle>
          {startError === undefined
            ? translate(locale, WHY[props.reason])
            : translate(locale, 'pane.noOffice', { error: startError })}
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}
