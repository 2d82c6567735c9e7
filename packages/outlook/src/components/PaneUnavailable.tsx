import { Caption1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { type Locale, translate } from '@sendwell/core';

/** Shown when there is no compose item to work with (plain browser, missing sandbox host, no office.js). */
export function PaneUnavailable(props: { message: string; reason: string; locale: Locale }) {
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
          <MessageBarTitle>{translate(props.locale, 'ui.cannotStart')}</MessageBarTitle>
          {props.message}
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}
