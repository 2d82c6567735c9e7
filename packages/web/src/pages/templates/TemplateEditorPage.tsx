import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  type TemplateInfo,
  templateCreateSchema,
  templateInfoSchema,
  templateScopeSchema,
} from '@sendwell/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { useSession } from '../../api/context';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { ApiProblem, Loaded, Page } from '../../ui/Page';
import { MergeFieldPicker } from './MergeFieldPicker';
import { RichTextEditor } from './RichTextEditor';
import { TemplatePreview } from './TemplatePreview';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '760px' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

/** Core's create schema, with words for the one rule a person trips on, and the scope required. */
const templateFormSchema = templateCreateSchema.extend({
  name: z.string().trim().min(1, 'Give the template a name.').max(200, 'The name is too long.'),
  subject: z.string().max(998, 'The subject is too long.'),
  scope: templateScopeSchema,
});
type TemplateForm = z.infer<typeof templateFormSchema>;

const route = getRouteApi('/signed-in/templates/$templateId');
const NEW = 'new';

/** Create or edit a template; `new` in the URL starts an empty one. */
export function TemplateEditorPage() {
  const { templateId } = route.useParams();
  const template = useApiQuery(`/templates/${encodeURIComponent(templateId)}`, {
    schema: templateInfoSchema,
    enabled: templateId !== NEW,
  });
  if (templateId === NEW) return <TemplateEditor template={null} />;
  return (
    <Loaded query={template} label="Loading the template">
      {(t) => <TemplateEditor key={t.id} template={t} />}
    </Loaded>
  );
}

function TemplateEditor({ template }: { template: TemplateInfo | null }) {
  const styles = useStyles();
  const session = useSession();
  const navigate = useNavigate();
  const { created } = route.useSearch();
  const [editor, setEditor] = useState<Editor | null>(null);
  const readOnly = template !== null && !template.editable;
  const isAdmin = session.user.role === 'admin';
  const form = useForm<TemplateForm>({
    resolver: zodResolver(templateFormSchema),
    defaultValues: template
      ? { name: template.name, subject: template.subject, body: template.body, scope: template.scope }
      : { name: '', subject: '', body: '', scope: 'personal' },
  });
  const save = useApiMutation(
    (api, values: TemplateForm) =>
      template
        ? api.patch(`/templates/${encodeURIComponent(template.id)}`, values, { schema: templateInfoSchema })
        : api.post('/templates', values, { schema: templateInfoSchema }),
    ['/templates'],
    {
      onSuccess: (saved) => {
        form.reset({ name: saved.name, subject: saved.subject, body: saved.body, scope: saved.scope });
        if (!template)
          void navigate({
            to: '/templates/$templateId',
            params: { templateId: saved.id },
            search: { created: true },
          });
      },
    },
  );
  const remove = useApiMutation(
    (api) => api.delete(`/templates/${encodeURIComponent(template!.id)}`),
    ['/templates'],
    { onSuccess: () => navigate({ to: '/templates' }) },
  );
  const errors = form.formState.errors;
  return (
    <Page title={template ? template.name : 'New template'} testId="web-template-editor">
      {readOnly && (
        <MessageBar intent="info">
          <MessageBarBody>
            This is a team template: only a team admin can change it. You can use it as it is.
          </MessageBarBody>
        </MessageBar>
      )}
      <form
        className={styles.form}
        noValidate
        onSubmit={form.handleSubmit((v) => save.mutate(v))}
        data-testid="web-template-form"
      >
        <Field label="Name" required validationMessage={errors.name?.message}>
          <Input {...form.register('name')} readOnly={readOnly} data-testid="web-template-name" />
        </Field>
        <Field label="Subject" validationMessage={errors.subject?.message}>
          <Input {...form.register('subject')} readOnly={readOnly} data-testid="web-template-subject" />
        </Field>
        <Controller
          control={form.control}
          name="scope"
          render={({ field }) => (
            <Field
              label="Shared with"
              hint={isAdmin ? undefined : 'Only team admins can share a template with the whole team.'}
            >
              <RadioGroup
                value={field.value}
                onChange={(_e, d) => field.onChange(d.value)}
                layout="horizontal"
                disabled={readOnly}
                data-testid="web-template-scope"
              >
                <Radio value="personal" label="Only me" />
                <Radio value="team" label="My team" disabled={!isAdmin} />
              </RadioGroup>
            </Field>
          )}
        />
        <MergeFieldPicker
          disabled={readOnly || !editor}
          onPick={(tag) => editor?.chain().focus().insertContent(tag).run()}
        />
        <Controller
          control={form.control}
          name="body"
          render={({ field }) => (
            <RichTextEditor
              value={field.value}
              onChange={field.onChange}
              label="Template body"
              readOnly={readOnly}
              onEditor={setEditor}
            />
          )}
        />
        {!readOnly && (
          <div className={styles.buttons}>
            <Button
              type="submit"
              appearance="primary"
              disabled={save.isPending}
              data-testid="web-template-save"
            >
              {template ? 'Save changes' : 'Create template'}
            </Button>
            {template && (
              <Button
                onClick={() => remove.mutate(undefined)}
                disabled={remove.isPending}
                data-testid="web-template-delete"
              >
                Delete
              </Button>
            )}
          </div>
        )}
        {(save.isSuccess || created) && !form.formState.isDirty && (
          <MessageBar intent="success" data-testid="web-template-saved">
            <MessageBarBody>Saved.</MessageBarBody>
          </MessageBar>
        )}
        <ApiProblem error={save.error ?? remove.error} testId="web-template-error" />
      </form>
      {template && <TemplatePreview templateId={template.id} />}
    </Page>
  );
}
