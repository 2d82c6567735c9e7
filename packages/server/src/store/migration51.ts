/**
 * Version 51: a campaign's send windows are read in the rep's time zone, which the campaign keeps
 * (the wire shape carries it since issue 9; migration 50 had no column for it).
 */
export const CAMPAIGN_TIME_ZONE_MIGRATION = {
  version: 51,
  name: "campaigns keep the rep's time zone",
  sql: `
alter table campaigns add column time_zone text not null default 'UTC';
create index enrolments_campaign on enrolments(campaign_id, status, id);
create index enrolments_last_send on enrolments(last_send_id);
`,
};
