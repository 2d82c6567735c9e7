import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { type Campaign, campaignSchema, MAX_CAMPAIGN_STEPS, templatePageSchema } from '@sendwell/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { ApiProblem, Loaded, Page } from '../../ui/Page';
import { campaignPath, useCampaign } from './campaignApi';
import {
  browserTimeZone,
  type CampaignForm,
  campaignFormSchema,
  campaignToForm,
  newCampaignForm,
  newStep,
  toCampaignBody,
} from './campaignForm';
import { StepFields } from './StepFields';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '860px' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

const editRoute = getRouteApi('/signed-in/campaigns/$campaignId/edit');

/** `/campaigns/new`: an empty campaign in the browser's time zone. */
export function NewCampaignPage() {
  return <CampaignEditor campaign={null} />;
}

/** `/campaigns/{id}/edit`: the campaign's steps, ids kept (a step already sent is never sent again). */
export function EditCampaignPage() {
  const { campaignId } = editRoute.useParams();
  const campaign = useCampaign(campaignId);
  return (
    <Loaded query={campaign} label="Loading the campaign">
      {(c) => <CampaignEditor key={c.id} campaign={c} />}
    </Loaded>
  );
}

export function CampaignEditor({ campaign }: { campaign: Campaign | null }) {
  const styles = useStyles();
  const navigate = useNavigate();
  const templates = useApiQuery('/templates', { query: { limit: 100 }, schema: templatePageSchema });
  const form = useForm<CampaignForm>({
    resolver: zodResolver(campaignFormSchema),
    defaultValues: campaign ? campaignToForm(campaign) : newCampaignForm(),
  });
  const steps = useFieldArray({ control: form.control, name: 'steps' });
  const save = useApiMutation(
    (api, values: CampaignForm) =>
      campaign
        ? api.patch(campaignPath(campaign.id), toCampaignBody(values), { schema: campaignSchema })
        : api.post('/campaigns', toCampaignBody(values), { schema: campaignSchema }),
    ['/campaigns', '/people'],
    { onSuccess: (saved) => navigate({ to: '/campaigns/$campaignId', params: { campaignId: saved.id } }) },
  );
  const errors = form.formState.errors;
  return (
    <Page
      title={campaign ? `Edit ${campaign.name}` : 'New campaign'}
      intro="Each step sends one template to every person enrolled, through your channel, the suppression list and the throttle."
      testId="web-campaign-editor"
    >
      {campaign && campaign.counts.sent > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            People already sent a step are never sent it again, whatever you change here.
          </MessageBarBody>
        </MessageBar>
      )}
      <form
        className={styles.form}
        noValidate
        onSubmit={form.handleSubmit((values) => save.mutate(values))}
        data-testid="web-campaign-form"
      >
        <Controller
          control={form.control}
          name="name"
          render={({ field }) => (
            <Field label="Name" required validationMessage={errors.name?.message}>
              <Input
                {...field}
                onChange={(_e, d) => field.onChange(d.value)}
                data-testid="web-campaign-name"
              />
            </Field>
          )}
        />
        <Field
          label="Time zone"
          required
          hint={`Send windows use it unless the person's own is known. This browser is in ${browserTimeZone()}.`}
          validationMessage={errors.timeZone?.message}
        >
          <Controller
            control={form.control}
            name="timeZone"
            render={({ field }) => (
              <Input
                {...field}
                onChange={(_e, d) => field.onChange(d.value)}
                data-testid="web-campaign-time-zone"
              />
            )}
          />
        </Field>
        <ApiProblem error={templates.error} />
        {steps.fields.map((step, index) => (
          <StepFields
            key={step.id}
            form={form}
            index={index}
            templates={templates.data?.items ?? []}
            onRemove={steps.fields.length > 1 ? () => steps.remove(index) : undefined}
          />
        ))}
        {errors.steps?.message && (
          <MessageBar intent="error">
            <MessageBarBody>{errors.steps.message}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.buttons}>
          <Button
            icon={<AddRegular />}
            disabled={steps.fields.length >= MAX_CAMPAIGN_STEPS}
            onClick={() => steps.append(newStep(false))}
            data-testid="web-campaign-add-step"
          >
            Add a step
          </Button>
          <Button
            type="submit"
            appearance="primary"
            disabled={save.isPending}
            data-testid="web-campaign-save"
          >
            {campaign ? 'Save changes' : 'Create and start'}
          </Button>
        </div>
      </form>
      <ApiProblem error={save.error} testId="web-campaign-save-error" />
    </Page>
  );
}
