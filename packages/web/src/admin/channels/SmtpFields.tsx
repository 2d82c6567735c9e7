import { Checkbox, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { SMTP_SECURITY_OPTIONS, type SmtpFormInput } from './smtpForm';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(16em, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  limits: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(12em, 1fr))',
    gap: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
  },
});

/** Where a zod issue on the request lands in the form: `limits.perDay` is a field of its own. */
const message = (errors: FieldErrors<SmtpFormInput>, field: keyof SmtpFormInput) => errors[field]?.message;

/** The SMTP server's fields (shared by the new-channel and change forms). */
export function SmtpFields(props: {
  register: UseFormRegister<SmtpFormInput>;
  errors: FieldErrors<SmtpFormInput>;
  editing: boolean;
}) {
  const styles = useStyles();
  const { register, errors } = props;
  const limitError = (k: keyof SmtpFormInput['limits']) => errors.limits?.[k]?.message;
  return (
    <>
      <div className={styles.grid}>
        <Field label="Name reps see" required validationMessage={message(errors, 'label')}>
          <Input {...register('label')} data-testid="web-admin-smtp-label" />
        </Field>
        <Field label="Host" required validationMessage={message(errors, 'host')}>
          <Input {...register('host')} placeholder="smtp.example.com" data-testid="web-admin-smtp-host" />
        </Field>
        <Field label="Port" required validationMessage={message(errors, 'port')}>
          <Input {...register('port')} inputMode="numeric" data-testid="web-admin-smtp-port" />
        </Field>
        <Field label="Security" validationMessage={message(errors, 'security')}>
          <Select {...register('security')} data-testid="web-admin-smtp-security">
            {SMTP_SECURITY_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Username" required validationMessage={message(errors, 'username')}>
          <Input {...register('username')} autoComplete="off" data-testid="web-admin-smtp-username" />
        </Field>
        <Field
          label="Password"
          required={!props.editing}
          hint={
            props.editing ? 'Leave empty to keep the saved password.' : 'Kept encrypted; never shown again.'
          }
          validationMessage={message(errors, 'password')}
        >
          <Input
            {...register('password')}
            type="password"
            autoComplete="new-password"
            data-testid="web-admin-smtp-password"
          />
        </Field>
      </div>
      <Checkbox
        {...register('allowSelfSigned')}
        label="Accept a self-signed certificate (a test server only: the connection is not verified)"
        data-testid="web-admin-smtp-allow-self-signed"
      />
      <fieldset className={styles.limits}>
        <legend>Your server&apos;s limits (optional: Sendwell stays under them)</legend>
        <Field label="Emails per minute" validationMessage={limitError('perMinute')}>
          <Input
            {...register('limits.perMinute')}
            inputMode="numeric"
            data-testid="web-admin-smtp-limit-per-minute"
          />
        </Field>
        <Field label="Emails per hour" validationMessage={limitError('perHour')}>
          <Input
            {...register('limits.perHour')}
            inputMode="numeric"
            data-testid="web-admin-smtp-limit-per-hour"
          />
        </Field>
        <Field label="Emails per day" validationMessage={limitError('perDay')}>
          <Input
            {...register('limits.perDay')}
            inputMode="numeric"
            data-testid="web-admin-smtp-limit-per-day"
          />
        </Field>
        <Field label="Recipients per day" validationMessage={limitError('recipientsPerDay')}>
          <Input
            {...register('limits.recipientsPerDay')}
            inputMode="numeric"
            data-testid="web-admin-smtp-limit-recipients-per-day"
          />
        </Field>
      </fieldset>
    </>
  );
}
