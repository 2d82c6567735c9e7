import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import type { ProfileThrottle } from '@sendwell/core';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useVoice } from '../../api/context';
import { AdminSection } from '../AdminPage';
import { ApiErrorBar } from '../ApiErrorBar';
import { useUpdateThrottle } from '../adminApi';
import { type BatchFormInput, type BatchFormValues, batchFormDefaults, batchFormSchema } from './batchForm';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  number: { width: '9em' },
});

/** One provider profile: limits, the batch form, the clamp in words and a day's forecast. */
export function ThrottleProfileCard(props: { profile: ProfileThrottle }) {
  const { profile } = props;
  const id = profile.profileId;
  return (
    <AdminSection title={profile.providerName} testId={`web-admin-throttle-${id}`}>
      <WindowsTable profile={profile} />
      <CurrentSetting profile={profile} />
      <BatchForm profile={profile} />
      <MessageBar
        intent={profile.applied?.clamped ? 'warning' : 'info'}
        data-testid={`web-admin-throttle-${id}-explanation`}
      >
        <MessageBarBody>{profile.explanation}</MessageBarBody>
      </MessageBar>
      <Forecast profile={profile} />
    </AdminSection>
  );
}

function WindowsTable(props: { profile: ProfileThrottle }) {
  const voice = useVoice();
  return (
    <>
      <Table aria-label={`${props.profile.providerName} limits`} size="extra-small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Provider limit</TableHeaderCell>
            <TableHeaderCell>Provider ceiling</TableHeaderCell>
            <TableHeaderCell>Sendwell stops at</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.profile.windows.map((w) => (
            <TableRow key={w.id}>
              <TableCell>{w.label}</TableCell>
              <TableCell>{voice.number(w.ceiling)}</TableCell>
              <TableCell>{voice.number(w.target)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Caption1>
        Sendwell aims under each ceiling: the provider also counts mail sent outside Sendwell (its own web
        app, phones).
      </Caption1>
    </>
  );
}

function CurrentSetting(props: { profile: ProfileThrottle }) {
  const { batch, teamBatch } = props.profile;
  const words = batch
    ? `This provider has its own setting: ${batch.size} emails every ${batch.everySeconds} seconds.`
    : teamBatch
      ? `This provider follows the team-wide setting: ${teamBatch.size} emails every ${teamBatch.everySeconds} seconds.`
      : 'No batch setting: Sendwell paces by the provider limits alone.';
  return <Body1>{words}</Body1>;
}

function BatchForm(props: { profile: ProfileThrottle }) {
  const styles = useStyles();
  const { profile } = props;
  const id = profile.profileId;
  const update = useUpdateThrottle();
  const form = useForm<BatchFormInput, unknown, BatchFormValues>({
    resolver: zodResolver(batchFormSchema),
    defaultValues: batchFormDefaults(profile.batch),
  });
  const { reset } = form;
  // The saved setting is what the form shows once the server answers.
  useEffect(() => reset(batchFormDefaults(profile.batch)), [reset, profile.batch]);
  const errors = form.formState.errors;
  const save = form.handleSubmit((batch) => update.mutate({ profileId: id, batch }));
  return (
    <form
      className={styles.form}
      onSubmit={save}
      aria-label={`Batch setting for ${profile.providerName}`}
      noValidate
    >
      <Field label="Emails per batch" validationMessage={errors.size?.message}>
        <Input
          className={styles.number}
          inputMode="numeric"
          {...form.register('size')}
          data-testid={`web-admin-throttle-${id}-size`}
        />
      </Field>
      <Field label="Every (seconds)" validationMessage={errors.everySeconds?.message}>
        <Input
          className={styles.number}
          inputMode="numeric"
          {...form.register('everySeconds')}
          data-testid={`web-admin-throttle-${id}-every`}
        />
      </Field>
      <Button
        appearance="primary"
        type="submit"
        disabled={update.isPending}
        data-testid={`web-admin-throttle-${id}-save`}
      >
        Save
      </Button>
      {profile.batch && (
        <Button
          disabled={update.isPending}
          onClick={() => update.mutate({ profileId: id, batch: null })}
          data-testid={`web-admin-throttle-${id}-clear`}
        >
          {profile.teamBatch ? 'Follow the team-wide setting' : 'Remove the setting'}
        </Button>
      )}
      <ApiErrorBar error={update.error} title="Not saved" testId={`web-admin-throttle-${id}-error`} />
    </form>
  );
}

function Forecast(props: { profile: ProfileThrottle }) {
  const voice = useVoice();
  const { forecast, profileId } = props.profile;
  return (
    <div data-testid={`web-admin-throttle-${profileId}-forecast`}>
      <Body1>
        A day&apos;s sending per mailbox: up to <strong>{voice.number(forecast.perDay)}</strong> emails (
        {voice.number(forecast.perHour)} in the first hour).
      </Body1>
      <br />
      <Caption1>{forecast.explanation}</Caption1>
    </div>
  );
}
