import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ManualClock } from '@sendwell/core';
import { type RenderResult, render } from '@testing-library/react';
import { App } from '../components/App';
import { FakeApi } from './fakeApi';
import { FakeComposeItem } from './fakeComposeItem';

/** Render the whole pane against a fake draft and a fake server. */
export interface RenderedPane {
  item: FakeComposeItem;
  api: FakeApi;
  clock: ManualClock;
  view: RenderResult;
}

export function renderPane(
  options: { item?: FakeComposeItem; api?: FakeApi; clock?: ManualClock } = {},
): RenderedPane {
  const item = options.item ?? new FakeComposeItem();
  const api = options.api ?? new FakeApi();
  const clock = options.clock ?? new ManualClock('2026-03-02T09:00:00Z');
  let keys = 0;
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App deps={{ item, api, clock, newIdempotencyKey: () => `key-${++keys}` }} />
    </FluentProvider>,
  );
  return { item, api, clock, view };
}
