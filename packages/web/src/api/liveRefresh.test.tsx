import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveRefresh } from './liveRefresh';
import { apiKey } from './queries';

/** A stand-in for the browser's EventSource that the test drives by hand. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  onmessage: ((event: MessageEvent) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  emit() {
    this.onmessage?.(new MessageEvent('message', { data: '{}' }));
  }
  close() {
    this.closed = true;
  }
}

function Probe(props: { fetchSends: () => Promise<number>; fetchOther: () => Promise<number> }) {
  useLiveRefresh('sws_token', ['/sends']);
  useQuery({ queryKey: apiKey('/sends', { q: 'x' }), queryFn: props.fetchSends });
  useQuery({ queryKey: apiKey('/templates'), queryFn: props.fetchOther });
  return null;
}

describe('useLiveRefresh', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeEventSource.opened = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const wrap = (node: ReactNode) => (
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      {node}
    </QueryClientProvider>
  );

  it('refetches the send queries once per burst of feed events, and only those', async () => {
    const fetchSends = vi.fn(async () => 1);
    const fetchOther = vi.fn(async () => 1);
    const view = render(wrap(<Probe fetchSends={fetchSends} fetchOther={fetchOther} />));
    await act(async () => {
      await vi.runOnlyPendingTimersAsync();
    });
    expect(fetchSends).toHaveBeenCalledTimes(1);
    const [source] = FakeEventSource.opened;
    expect(source?.url).toBe('/api/v1/feed/stream?scope=mine&access_token=sws_token');
    await act(async () => {
      source?.emit();
      source?.emit();
      source?.emit();
      await vi.advanceTimersByTimeAsync(1_000);
    });
    expect(fetchSends).toHaveBeenCalledTimes(2);
    expect(fetchOther).toHaveBeenCalledTimes(1);
    view.unmount();
    expect(source?.closed).toBe(true);
  });
});
