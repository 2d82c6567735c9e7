import type { Decoder } from '../contract';
import { Activehunter } from './activehunter';
import { AmazonSES } from './amazonses';
import { Biglobe } from './biglobe';
import { Courier } from './courier';
import { Domino } from './domino';
import { DragonFly } from './dragonfly';
import { Exchange2003 } from './exchange2003';
import { Exchange2007 } from './exchange2007';
import { Exim } from './exim';
import { EZweb } from './ezweb';
import { FML } from './fml';
import { Gmail } from './gmail';
import { EinsUndEins, GMX } from './gmx';
import { GoogleGroups } from './googlegroups';
import { GoogleWorkspace } from './googleworkspace';
import { IMailServer } from './imailserver';
import { InterScanMSS } from './interscanmss';
import { KDDI } from './kddi';
import { MailFoundry } from './mailfoundry';
import { MailMarshalSMTP } from './mailmarshal';
import { MessageLog } from './messagelog';
import { MessagingServer } from './messagingserver';
import { MFILTER } from './mfilter';
import { Mimecast } from './mimecast';
import { Notes } from './notes';
import { OpenSMTPD } from './opensmtpd';
import { Postfix } from './postfix';
import { Qmail } from './qmail';
import { Sendmail } from './sendmail';
import { V5sendmail } from './v5sendmail';
import { ApacheJames, Verizon } from './verizon';
import { X1 } from './x1';
import { X2 } from './x2';
import { X3 } from './x3';
import { X6 } from './x6';
import { Zoho } from './zoho';

/**
 * MTA/provider text-format decoders, tried in order, most specific first: provider templates with
 * unmistakable markers, then the MTA families whose openings other templates borrow (Exim, qmail,
 * Postfix, Sendmail V5). No SUBJECT_HINTS/FROM_HINTS are exported: every decoder checks the body
 * layout itself, so the order below is enough.
 */
export const LHOST_DECODERS: Decoder[] = [
  AmazonSES,
  GoogleGroups,
  Gmail,
  GoogleWorkspace,
  Mimecast,
  X3,
  EZweb,
  FML,
  Verizon,
  ApacheJames,
  InterScanMSS,
  Domino,
  Zoho,
  EinsUndEins,
  GMX,
  MFILTER,
  IMailServer,
  Exchange2003,
  Exchange2007,
  DragonFly,
  KDDI,
  Notes,
  X1,
  X2,
  X6,
  Activehunter,
  Biglobe,
  MailFoundry,
  MailMarshalSMTP,
  MessageLog,
  MessagingServer,
  Courier,
  OpenSMTPD,
  Exim,
  Qmail,
  Postfix,
  Sendmail,
  V5sendmail,
];
