import { Caption1 } from '@fluentui/react-components';
import { AdminPage } from '../AdminPage';
import { ApiErrorBar } from '../ApiErrorBar';
import { useThrottle } from '../adminApi';
import { ThrottleProfileCard } from './ThrottleProfileCard';

/**
 * The team's pace per provider profile: the provider's ceilings and Sendwell's targets under them,
 * the Marketo-style "batch of N every S seconds", how the planner clamps it, and a day's forecast.
 */
export function ThrottlePage() {
  const throttle = useThrottle();
  const profiles = throttle.data?.profiles ?? [];
  return (
    <AdminPage
      title="Throttle"
      intro="Sendwell paces every mailbox under its provider's limits. You can slow a provider further with a batch setting; a setting faster than the provider allows is lowered, and the page says why."
      testId="web-admin-throttle"
    >
      <ApiErrorBar error={throttle.error} title="The throttle settings could not be loaded" />
      {throttle.isPending && <Caption1>Loading the throttle settings…</Caption1>}
      {throttle.isSuccess && profiles.length === 0 && (
        <Caption1>
          No mailbox or channel in your team sends yet: the settings appear once one is connected.
        </Caption1>
      )}
      {profiles.map((profile) => (
        <ThrottleProfileCard key={profile.profileId} profile={profile} />
      ))}
    </AdminPage>
  );
}
