import {
  Body1,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Switch,
} from '@fluentui/react-components';
import { type ChannelsAnswer, LEGACY_WARNING } from '@sendwell/core';
import { AdminSection } from '../AdminPage';
import { ApiErrorBar } from '../ApiErrorBar';
import { useSetLegacyVisibility, useSetTeamDefault } from '../adminApi';

const NO_DEFAULT = '';

/**
 * Which channel a rep's web and campaign sends use when the rep has not chosen one. Without a team
 * default they go through the rep's own connected mailbox.
 */
export function TeamDefault(props: { channels: ChannelsAnswer }) {
  const setDefault = useSetTeamDefault();
  const candidates = props.channels.smtpChannels.filter((c) => c.scope === 'team');
  return (
    <AdminSection title="Team default">
      <Field
        label="Channel for web and campaign sends when a rep has not chosen one"
        hint="Reps can still pick another channel on their home page."
      >
        <Select
          value={props.channels.teamDefaultId ?? NO_DEFAULT}
          disabled={setDefault.isPending}
          onChange={(_, d) => setDefault.mutate(d.value === NO_DEFAULT ? null : d.value)}
          data-testid="web-admin-team-default"
        >
          <option value={NO_DEFAULT}>Each rep&apos;s own mailbox (recommended)</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      {candidates.length === 0 && <Caption1>Add a team SMTP server above to make it the default.</Caption1>}
      <ApiErrorBar error={setDefault.error} title="Not changed" testId="web-admin-team-default-error" />
    </AdminSection>
  );
}

/** The switch for the legacy hosted servers, with the warning every rep sees beside them. */
export function LegacyVisibility(props: { channels: ChannelsAnswer }) {
  const setVisible = useSetLegacyVisibility();
  const { legacyVisible, legacyHostedConfigured } = props.channels;
  return (
    <AdminSection title="Legacy Sendwell servers">
      <Body1>
        Accounts flagged legacy (see Members and roles) may keep sending through the shared Sendwell servers.
        They always see this warning beside them:
      </Body1>
      <MessageBar intent="warning">
        <MessageBarBody>{LEGACY_WARNING}</MessageBarBody>
      </MessageBar>
      <Switch
        checked={legacyVisible}
        disabled={setVisible.isPending}
        onChange={(_, d) => setVisible.mutate(d.checked)}
        label="Show the legacy servers to legacy accounts"
        data-testid="web-admin-legacy-visible"
      />
      {!legacyHostedConfigured && (
        <Caption1>
          This Sendwell has no legacy server configured, so nobody sees one whatever this switch says.
        </Caption1>
      )}
      <ApiErrorBar error={setVisible.error} title="Not changed" testId="web-admin-legacy-visible-error" />
    </AdminSection>
  );
}
