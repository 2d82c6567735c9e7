import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { type AddSuppression, addSuppressionBodySchema } from '@sendwell/core';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useVoice } from '../../api/context';
import { ApiProblem } from '../../ui/Page';
import { useAddSuppression } from './suppressionApi';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  email: { minWidth: '20em' },
  note: { minWidth: '24em' },
});

/** An admin stops an address by hand (a phone call, a request by letter), checked with core's schema. */
export function AddSuppressionForm() {
  const styles = useStyles();
  const voice = useVoice();
  const add = useAddSuppression();
  const form = useForm<z.input<typeof addSuppressionBodySchema>, unknown, AddSuppression>({
    resolver: zodResolver(addSuppressionBodySchema),
    defaultValues: { email: '', note: '' },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit((body) =>
    add.mutate(
      { email: body.email, ...(body.note ? { note: body.note } : {}) },
      { onSuccess: () => form.reset() },
    ),
  );
  return (
    <>
      <form className={styles.form} onSubmit={submit} aria-label="Suppress an address" noValidate>
        <Field label="Email address" required validationMessage={errors.email?.message}>
          <Input
            className={styles.email}
            type="email"
            {...form.register('email')}
            data-testid="web-suppression-add-email"
          />
        </Field>
        <Field label="Note (why)" validationMessage={errors.note?.message}>
          <Input className={styles.note} {...form.register('note')} data-testid="web-suppression-add-note" />
        </Field>
        <Button
          appearance="primary"
          type="submit"
          disabled={add.isPending}
          data-testid="web-suppression-add-submit"
        >
          Suppress
        </Button>
      </form>
      <ApiProblem error={add.error} testId="web-suppression-add-error" />
      {add.isSuccess && (
        <MessageBar intent="success" data-testid="web-suppression-added">
          <MessageBarBody>{voice.whySuppressed(add.data)}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
