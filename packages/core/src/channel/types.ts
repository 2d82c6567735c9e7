/** Where a compose session started. */
export type Host = 'outlook' | 'gmail' | 'web';

/** Native providers Sendwell can send through and scan. */
export type ProviderKind = 'exchange' | 'gmail';

export type ChannelKind = ProviderKind | 'custom-smtp' | 'legacy-hosted';

export type ProfileId =
  | 'exchange-online'
  | 'outlook-com'
  | 'gmail-workspace'
  | 'gmail-workspace-trial'
  | 'gmail-consumer'
  | 'custom-smtp';
