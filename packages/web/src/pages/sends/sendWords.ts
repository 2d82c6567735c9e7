import type { SendStatus } from '@sendwell/core';

/** A send's status in a few words, for the list and the detail's badge. */
export const STATUS_WORDS: Record<SendStatus, string> = {
  scheduled: 'Queued',
  sending: 'Sending',
  submitted: 'Sent',
  retry: 'Waiting to retry',
  failed: 'Not sent',
  cancelled: 'Cancelled',
};

export const STATUS_COLOR: Record<SendStatus, 'informative' | 'success' | 'warning' | 'danger' | 'subtle'> = {
  scheduled: 'informative',
  sending: 'informative',
  submitted: 'success',
  retry: 'warning',
  failed: 'danger',
  cancelled: 'subtle',
};

/** Only sends still waiting in the outbox can be cancelled or moved (the server says the same). */
export const isQueued = (status: SendStatus): boolean => status === 'scheduled' || status === 'retry';
