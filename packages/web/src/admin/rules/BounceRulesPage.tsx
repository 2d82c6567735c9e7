import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Switch,
  tokens,
} from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import type { BounceRules } from '@sendwell/core';
import { useEffect } from 'react';
import { Controller, type UseFormReturn, useForm } from 'react-hook-form';
import { AdminPage, AdminSection } from '../AdminPage';
import { ApiErrorBar } from '../ApiErrorBar';
import { useBounceRules, useUpdateBounceRules } from './rulesApi';
import { type RulesFormInput, rulesFormDefaults, rulesFormSchema } from './rulesForm';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  number: { width: '9em' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

type RulesForm = UseFormReturn<RulesFormInput, unknown, BounceRules>;
type NumberField = Exclude<keyof RulesFormInput, 'trackOpens' | 'trackClicks'>;

/**
 * The team's bounce rules: when soft bounces suppress an address (and for how long), when the
 * circuit breaker pauses a campaign, and whether emails carry tracked links and an open pixel.
 */
export function BounceRulesPage() {
  const rules = useBounceRules();
  return (
    <AdminPage
      title="Bounce rules"
      intro="Hard bounces, unsubscribes and spam complaints always stop an address for the whole team. These rules decide the rest: repeated soft bounces, the campaign circuit breaker, and engagement tracking."
      testId="web-admin-rules"
    >
      <ApiErrorBar error={rules.error} title="The bounce rules could not be loaded" />
      {rules.isPending && <Caption1>Loading the bounce rules…</Caption1>}
      {rules.data && <RulesEditor rules={rules.data} />}
    </AdminPage>
  );
}

function RulesEditor(props: { rules: BounceRules }) {
  const styles = useStyles();
  const update = useUpdateBounceRules();
  const form: RulesForm = useForm<RulesFormInput, unknown, BounceRules>({
    resolver: zodResolver(rulesFormSchema),
    defaultValues: rulesFormDefaults(props.rules),
  });
  const { reset } = form;
  // The saved rules are what the form shows once the server answers.
  useEffect(() => reset(rulesFormDefaults(props.rules)), [reset, props.rules]);
  const save = form.handleSubmit((rules) => update.mutate(rules));
  return (
    <form onSubmit={save} aria-label="Bounce rules" noValidate>
      <AdminSection title="Soft bounces">
        <div className={styles.row}>
          <NumberInput form={form} name="softBounceLimit" label="Soft bounces" />
          <NumberInput form={form} name="softBounceDays" label="Within (days)" />
          <NumberInput form={form} name="softSuppressDays" label="Suppress for (days)" />
        </div>
        <Caption1>
          A mailbox that is full or unreachable for a while bounces softly; this many soft bounces in that
          many days stop the address for a while, then it is tried again.
        </Caption1>
      </AdminSection>
      <AdminSection title="Campaign circuit breaker">
        <div className={styles.row}>
          <NumberInput form={form} name="breakerWindow" label="Last sends of a campaign" />
          <NumberInput form={form} name="breakerRate" label="Bounce rate that pauses it (%)" />
        </div>
        <Caption1>
          A campaign whose recent emails bounce this often pauses itself (a bad list hurts the team's sending
          domain); only an admin resumes it.
        </Caption1>
      </AdminSection>
      <AdminSection title="Engagement tracking">
        <TrackingSwitch form={form} name="trackOpens" label="Open pixel" />
        <TrackingSwitch form={form} name="trackClicks" label="Tracked links (clicks)" />
        <Caption1>
          Off by default. Privacy proxies (Apple Mail) open every email and security scanners click every
          link: Sendwell flags those as machines, so the numbers stay honest.
        </Caption1>
      </AdminSection>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          type="submit"
          disabled={update.isPending}
          data-testid="web-admin-rules-save"
        >
          Save
        </Button>
        {update.isSuccess && !form.formState.isDirty && (
          <MessageBar intent="success" data-testid="web-admin-rules-saved">
            <MessageBarBody>Saved.</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <ApiErrorBar error={update.error} title="Not saved" testId="web-admin-rules-error" />
    </form>
  );
}

function NumberInput(props: { form: RulesForm; name: NumberField; label: string }) {
  const styles = useStyles();
  const error = props.form.formState.errors[props.name]?.message;
  return (
    <Field label={props.label} validationMessage={error}>
      <Input
        className={styles.number}
        inputMode="decimal"
        {...props.form.register(props.name)}
        data-testid={`web-admin-rules-${props.name}`}
      />
    </Field>
  );
}

function TrackingSwitch(props: { form: RulesForm; name: 'trackOpens' | 'trackClicks'; label: string }) {
  return (
    <Controller
      control={props.form.control}
      name={props.name}
      render={({ field }) => (
        <Switch
          label={props.label}
          checked={field.value}
          onChange={(_, d) => field.onChange(d.checked)}
          data-testid={`web-admin-rules-${props.name}`}
        />
      )}
    />
  );
}
