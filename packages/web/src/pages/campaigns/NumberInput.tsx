import { Field, Input } from '@fluentui/react-components';
import { type Control, Controller, type FieldPath } from 'react-hook-form';
import type { CampaignForm } from './campaignForm';

/**
 * A whole-number field bound through a Controller. Fluent's Input keeps its own value state, so a
 * plain `register` (which writes the DOM) shows an empty box after a re-render, and a field-array
 * row added later reads that empty box back as NaN. Empty is NaN here, which the form schema words.
 */
export function NumberInput(props: {
  control: Control<CampaignForm>;
  name: FieldPath<CampaignForm>;
  label: string;
  min: number;
  max: number;
  error: string | undefined;
  testId: string;
}) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => (
        <Field label={props.label} validationMessage={props.error}>
          <Input
            type="number"
            min={props.min}
            max={props.max}
            value={typeof field.value === 'number' && !Number.isNaN(field.value) ? String(field.value) : ''}
            onChange={(_e, d) => field.onChange(d.value.trim() === '' ? Number.NaN : Number(d.value))}
            onBlur={field.onBlur}
            data-testid={props.testId}
          />
        </Field>
      )}
    />
  );
}
