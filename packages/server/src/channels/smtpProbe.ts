import { checkSmtp, sendTestEmail } from '../mailboxes/smtpCheck';
import type { SmtpProbe } from './types';

/** The real SMTP conversations: nodemailer against the channel's server (`mailboxes/smtpCheck.ts`). */
export const smtpProbe: SmtpProbe = { check: checkSmtp, sendTest: sendTestEmail };
