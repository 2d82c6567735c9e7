import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ManualClock } from '@sendwell/core';
import { act, type RenderResult, render } from '@testing-library/react';
import { App } from '../components/App';
import type { Ticker } from '../hooks/useNow';
import { FakeApi } from './fakeApi';
import { FakeComposeItem } from './fakeComposeItem';

/** A ticker the test drives: `tick()` is one second passing for the pane's relative times. */
class ManualTicker {
  private readonly listeners = new Set<() => void>();
  readonly ticker: Ticker = (onTick) => {
    this.listeners.add(onTick);
    return () => this.listeners.delete(onTick);
  };
  tick() {
    act(() => {
      for (const listener of this.listeners) listener();
    });
  }
}

/** The consent window, as the pane opens it: records the URL; the test says when the rep is done. */
class FakeAuthWindow {
  readonly opened: string[] = [];
  private finish: (() => void) | null = null;
  readonly open = (url: string) => {
    this.opened.push(url);
    return new Promise<void>((resolve) => {
      this.finish = resolve;
    });
  };
  /** The rep finished (the callback page messaged the pane, or the window closed). */
  close() {
    act(() => {
      this.finish?.();
      this.finish = null;
    });
  }
}

/** Render the whole pane against a fake draft and a fake server. */
export interface RenderedPane {
  item: FakeComposeItem;
  api: FakeApi;
  clock: ManualClock;
  ticker: ManualTicker;
  authWindow: FakeAuthWindow;
  view: RenderResult;
  /** Move the clock on and let the pane see it. */
  advance(ms: number): void;
}

export function renderPane(
  options: {
    item?: FakeComposeItem;
    api?: FakeApi;
    clock?: ManualClock;
    newIdempotencyKey?: () => string;
    /** The rep's zone (UTC unless a test says otherwise). */
    timeZone?: string;
  } = {},
): RenderedPane {
  const item = options.item ?? new FakeComposeItem();
  const api = options.api ?? new FakeApi();
  const clock = options.clock ?? new ManualClock('2026-03-02T09:00:00Z');
  const ticker = new ManualTicker();
  const authWindow = new FakeAuthWindow();
  let keys = 0;
  const newIdempotencyKey = options.newIdempotencyKey ?? (() => `key-${++keys}`);
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App
        deps={{
          item,
          api,
          clock,
          newIdempotencyKey,
          ticker: ticker.ticker,
          timeZone: options.timeZone ?? 'UTC',
          openAuthWindow: authWindow.open,
        }}
      />
    </FluentProvider>,
  );
  const advance = (ms: number) => {
    clock.advance(ms);
    ticker.tick();
  };
  return { item, api, clock, ticker, authWindow, view, advance };
}
