import type { PersonStatus, Voice } from '@sendwell/core';

/**
 * A person as the add-on's cards show them: the live suppression first (why), then each campaign
 * with its status in core's words ("Intro: left: bounced"), or that they are in none.
 */
export function personLines(voice: Voice, person: PersonStatus): string[] {
  const suppressed = person.suppression
    ? [voice.t('person.suppressed', { message: person.suppression.message })]
    : [];
  const campaigns = person.enrolments.map((e) =>
    voice.t('person.inCampaign', { campaign: e.campaignName, status: voice.enrolmentStatus(e) }),
  );
  const all = [...suppressed, ...campaigns];
  return all.length ? all : [voice.t('person.inNoCampaign')];
}
