import { findMailbox } from '../store/users';
import { type ScannerDeps, scanOneMailbox } from '../workers/scannerWorker';

/**
 * "Scan now" for the API (`V1Deps.scanNow`): one scanner round for one mailbox, read only, as the
 * scanner worker does it. Two requests for the same mailbox at once share one scan, so a rep
 * clicking twice does not read the inbox twice. Bounces it finds go to the feed like any others.
 */
export function createScanNow(deps: ScannerDeps): (mailboxId: string) => Promise<{ bouncesFound: number }> {
  const running = new Map<string, Promise<{ bouncesFound: number }>>();
  return (mailboxId) => {
    const current = running.get(mailboxId);
    if (current) return current;
    const scan = (async () => {
      // Read fresh: the scan starts from the cursor the last round saved.
      const mailbox = await findMailbox(deps.db, mailboxId);
      return { bouncesFound: mailbox ? await scanOneMailbox(deps, mailbox) : 0 };
    })().finally(() => running.delete(mailboxId));
    running.set(mailboxId, scan);
    return scan;
  };
}
