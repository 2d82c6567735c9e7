import type { Decoder } from '../contract';
import { DragonFly } from './dragonfly';
import { Exchange2003 } from './exchange2003';
import { Exim } from './exim';
import { Gmail } from './gmail';
import { GMX } from './gmx';
import { IMailServer } from './imailserver';
import { MFILTER } from './mfilter';
import { Zoho } from './zoho';
import { GoogleGroups } from './googlegroups';
import { Postfix } from './postfix';
import { Qmail } from './qmail';
import { V5sendmail } from './v5sendmail';
import { X2 } from './x2';

/** MTA/provider text-format decoders, tried in order, most specific first. */
export const LHOST_DECODERS: Decoder[] = [
  GoogleGroups, Gmail, Zoho, GMX, MFILTER, IMailServer, Exchange2003, DragonFly, X2, Exim, Qmail, Postfix, V5sendmail,
];
