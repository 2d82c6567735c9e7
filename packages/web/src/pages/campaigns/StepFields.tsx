import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  Subtitle2,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { type TemplateInfo, WEEKDAYS } from '@sendwell/core';
import { Controller, type UseFormReturn, useWatch } from 'react-hook-form';
import type { CampaignForm } from './campaignForm';
import { NumberInput } from './NumberInput';

const useStyles = makeStyles({
  step: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'flex-end' },
  days: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    border: 'none',
    padding: 0,
    margin: 0,
  },
  error: { color: tokens.colorPaletteRedForeground1, flexBasis: '100%' },
});

const DAY_LABELS = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

interface StepFieldsProps {
  form: UseFormReturn<CampaignForm>;
  index: number;
  templates: TemplateInfo[];
  onRemove?: () => void;
}

/** One step: its template, its delay, when in the day it may go, and which thread it goes in. */
export function StepFields({ form, index, templates, onRemove }: StepFieldsProps) {
  const styles = useStyles();
  const errors = form.formState.errors.steps?.[index];
  const first = index === 0;
  const prefix = `web-campaign-step-${index}`;
  const [unit, useWindow] = useWatch({
    control: form.control,
    name: [`steps.${index}.delay.unit`, `steps.${index}.useWindow`],
  });
  return (
    <fieldset className={styles.step} data-testid={prefix}>
      <legend>
        <Subtitle2>Step {index + 1}</Subtitle2>
      </legend>
      {onRemove && (
        <div>
          <Button
            appearance="subtle"
            icon={<DeleteRegular />}
            onClick={onRemove}
            data-testid={`${prefix}-remove`}
          >
            Remove step {index + 1}
          </Button>
        </div>
      )}
      <Controller
        control={form.control}
        name={`steps.${index}.templateId`}
        render={({ field }) => (
          <Field label="Template" required validationMessage={errors?.templateId?.message}>
            <Dropdown
              placeholder="Pick a template"
              value={templates.find((t) => t.id === field.value)?.name ?? ''}
              selectedOptions={field.value ? [field.value] : []}
              onOptionSelect={(_e, d) => field.onChange(d.optionValue ?? '')}
              onBlur={field.onBlur}
              data-testid={`${prefix}-template`}
            >
              {templates.map((t) => (
                <Option key={t.id} value={t.id} text={t.name}>
                  {t.name}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
      />
      <div className={styles.row}>
        <NumberInput
          control={form.control}
          name={`steps.${index}.delay.amount`}
          label={first ? 'Wait after enrolment' : 'Wait after the previous step'}
          min={0}
          max={365}
          error={errors?.delay?.amount?.message}
          testId={`${prefix}-delay`}
        />
        <Controller
          control={form.control}
          name={`steps.${index}.delay.unit`}
          render={({ field }) => (
            <Field label="Unit">
              <RadioGroup
                layout="horizontal"
                value={field.value}
                onChange={(_e, d) => field.onChange(d.value)}
                data-testid={`${prefix}-unit`}
              >
                <Radio value="hours" label="Hours" />
                <Radio value="days" label="Days" />
              </RadioGroup>
            </Field>
          )}
        />
        <Controller
          control={form.control}
          name={`steps.${index}.delay.businessDays`}
          render={({ field }) => (
            <Checkbox
              label="Count only business days (Mon–Fri)"
              checked={unit === 'days' && field.value}
              disabled={unit !== 'days'}
              onChange={(_e, d) => field.onChange(d.checked === true)}
              data-testid={`${prefix}-business-days`}
            />
          )}
        />
      </div>
      <Controller
        control={form.control}
        name={`steps.${index}.useWindow`}
        render={({ field }) => (
          <Switch
            label="Send only within a window of the day"
            checked={field.value}
            onChange={(_e, d) => field.onChange(d.checked)}
            data-testid={`${prefix}-use-window`}
          />
        )}
      />
      {useWindow && <WindowFields form={form} index={index} />}
      {!first && (
        <Controller
          control={form.control}
          name={`steps.${index}.thread`}
          render={({ field }) => (
            <Field label="Thread">
              <RadioGroup
                layout="horizontal"
                value={field.value}
                onChange={(_e, d) => field.onChange(d.value)}
                data-testid={`${prefix}-thread`}
              >
                <Radio value="new" label="A new email" />
                <Radio value="same" label="A reply in the previous step’s thread" />
              </RadioGroup>
            </Field>
          )}
        />
      )}
    </fieldset>
  );
}

function WindowFields({ form, index }: { form: UseFormReturn<CampaignForm>; index: number }) {
  const styles = useStyles();
  const errors = form.formState.errors.steps?.[index]?.window;
  const prefix = `web-campaign-step-${index}-window`;
  return (
    <>
      <div className={styles.row}>
        <NumberInput
          control={form.control}
          name={`steps.${index}.window.startHour`}
          label="From (hour, 0–23)"
          min={0}
          max={23}
          error={errors?.startHour?.message}
          testId={`${prefix}-start`}
        />
        <NumberInput
          control={form.control}
          name={`steps.${index}.window.endHour`}
          label="Until (hour, 1–24)"
          min={1}
          max={24}
          error={errors?.endHour?.message}
          testId={`${prefix}-end`}
        />
        <Controller
          control={form.control}
          name={`steps.${index}.window.zone`}
          render={({ field }) => (
            <Field label="In whose time zone">
              <RadioGroup
                layout="horizontal"
                value={field.value}
                onChange={(_e, d) => field.onChange(d.value)}
              >
                <Radio value="rep" label="The campaign’s" />
                <Radio value="person" label="The person’s, when known" />
              </RadioGroup>
            </Field>
          )}
        />
      </div>
      <Controller
        control={form.control}
        name={`steps.${index}.window.days`}
        render={({ field }) => (
          <fieldset className={styles.days}>
            <legend>Days</legend>
            {WEEKDAYS.map((day) => (
              <Checkbox
                key={day}
                label={DAY_LABELS[day]}
                checked={field.value.includes(day)}
                onChange={(_e, d) =>
                  field.onChange(
                    d.checked
                      ? WEEKDAYS.filter((w) => w === day || field.value.includes(w))
                      : field.value.filter((w) => w !== day),
                  )
                }
              />
            ))}
            {errors?.days?.message && (
              <Text role="alert" className={styles.error} data-testid={`${prefix}-days-error`}>
                {errors.days.message}
              </Text>
            )}
          </fieldset>
        )}
      />
    </>
  );
}
