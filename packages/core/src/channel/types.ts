/** Where a compose session started. */
export type Host = 'outlook' | 'gmail' | 'web';

/**
 * Native providers Sendwell can send through: Exchange Online (Graph), Gmail (Gmail API) and
 * Exchange Server on-premises (EWS; sends only, no bounce scanning).
 */
export type ProviderKind = 'exchange' | 'gmail' | 'exchange-server';

export type ChannelKind = ProviderKind | 'custom-smtp' | 'legacy-hosted';

export type ProfileId =
  | 'exchange-online'
  | 'outlook-com'
  | 'gmail-workspace'
  | 'gmail-workspace-trial'
  | 'gmail-consumer'
  | 'custom-smtp';
