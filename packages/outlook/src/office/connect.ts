import { naaAccessToken, SENDWELL_API_AUDIENCE } from './auth';
import type { OfficeApi } from './officeApi';
import { officeComposeItem } from './officeComposeItem';
import { isSandboxMode, readSandboxHandshake } from './sandbox';
import type { ComposeItem } from './types';

export type OfficeConnection =
  | { outcome: 'ready'; mode: 'outlook' | 'sandbox'; item: ComposeItem }
  | { outcome: 'unavailable'; reason: UnavailableReason; message: string };

export type UnavailableReason = 'no-office-js' | 'no-sandbox-host' | 'no-compose-item';

const MESSAGES: Record<UnavailableReason, string> = {
  'no-office-js':
    'Outlook could not be reached: office.js did not load. Open Sendwell from an Outlook compose window.',
  'no-sandbox-host': 'Sandbox mode needs the fake Outlook host: open /sandbox/outlook instead of this page.',
  'no-compose-item': 'Sendwell works in a message you are writing. Open it from an Outlook compose window.',
};

function unavailable(reason: UnavailableReason): OfficeConnection {
  return { outcome: 'unavailable', reason, message: MESSAGES[reason] };
}

async function connectTo(office: OfficeApi, mode: 'outlook' | 'sandbox', token: () => Promise<string>) {
  await office.onReady();
  const item = officeComposeItem(office, token);
  return item ? ({ outcome: 'ready', mode, item } as const) : unavailable('no-compose-item');
}

/**
 * The only place that finds an `Office`. In Outlook, taskpane.html has loaded office.js from the CDN;
 * in the sandbox (`?sandbox=1`) the parent page hands us a fake one and a token source.
 */
export async function connectOffice(self: Window): Promise<OfficeConnection> {
  if (isSandboxMode(self.location.search)) {
    const handshake = readSandboxHandshake(self);
    if (!handshake) return unavailable('no-sandbox-host');
    const token = () => handshake.getAccessToken({ audience: SENDWELL_API_AUDIENCE });
    return connectTo(handshake.Office, 'sandbox', token);
  }
  const office = (self as unknown as { Office?: OfficeApi }).Office;
  if (!office) return unavailable('no-office-js');
  return connectTo(office, 'outlook', naaAccessToken);
}
