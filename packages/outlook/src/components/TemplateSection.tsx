import { Button, makeStyles, Select, Spinner, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { FeedEvent, SendwellApi, Template } from '../api/types';
import type { Loaded } from '../hooks/useLoad';
import type { useTemplateInsert } from '../hooks/useTemplateInsert';
import type { useTemplateSearch } from '../hooks/useTemplateSearch';
import { InsertStatus } from './InsertStatus';
import { ProblemBar } from './ProblemBar';
import { Section } from './Section';
import { TemplateAnalyticsLine } from './TemplateAnalyticsLine';
import { RecentTemplates, TemplateSearchBox } from './TemplateFinder';
import { useVoice } from './voice';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  grow: { flexGrow: 1 },
});

export interface TemplateSectionProps {
  api: SendwellApi;
  templates: Loaded<Template[]>;
  latestEvent: FeedEvent | null;
  insert: ReturnType<typeof useTemplateInsert>;
  /** A new merge makes any earlier send answer stale (e.g. "recipients changed"). */
  onInserted(): void;
  finder: ReturnType<typeof useTemplateSearch>;
}

/**
 * What the picker lists: the search's matches while the rep searches, else every template; the
 * chosen one stays listed (a recently used pick, or a choice the new search no longer matches).
 */
function pickerList(props: TemplateSectionProps, all: readonly Template[], selectedId: string) {
  const { search, recent } = props.finder;
  const listed = search.state === 'ready' ? search.items : search.state === 'idle' ? all : [];
  const known = [...listed, ...all, ...(recent.state === 'ready' ? recent.value : [])];
  const selected = known.find((template) => template.id === selectedId);
  const options = selected && !listed.some((t) => t.id === selected.id) ? [selected, ...listed] : listed;
  return { options, selected, searching: search.state !== 'idle' };
}

/** The native picker (Playwright and screen readers both know a `<select>`), first option the prompt. */
function TemplatePicker(props: {
  label: string;
  options: readonly Template[];
  value: string;
  onChange(id: string): void;
  empty: string;
}) {
  const styles = useStyles();
  return (
    <Select
      className={styles.grow}
      aria-label={props.label}
      data-testid="template-picker"
      value={props.value}
      onChange={(_, data) => props.onChange(data.value)}
    >
      <option value="">{props.empty}</option>
      {props.options.map((template) => (
        <option key={template.id} value={template.id}>
          {template.name}
        </option>
      ))}
    </Select>
  );
}

export function TemplateSection(props: TemplateSectionProps) {
  const styles = useStyles();
  const voice = useVoice();
  const title = voice.t('ui.template');
  const [selectedId, setSelectedId] = useState('');
  const { insert, run } = props.insert;
  const { templates } = props;
  if (templates.state === 'loading')
    return (
      <Section title={title}>
        <Spinner size="tiny" label={voice.t('pane.loadingTemplates')} />
      </Section>
    );
  if (templates.state === 'failed')
    return (
      <Section title={title}>
        <ProblemBar problem={templates.problem} />
      </Section>
    );

  const { options, selected, searching } = pickerList(props, templates.value, selectedId);
  const recent = props.finder.recent;
  const insertWith = async (template: Template, choice?: 'one' | 'each') => {
    if (await run(template, choice)) props.onInserted();
  };
  return (
    <Section title={title}>
      <TemplateSearchBox search={props.finder} />
      <RecentTemplates
        templates={recent.state === 'ready' ? recent.value : []}
        onPick={(template) => setSelectedId(template.id)}
      />
      <div className={styles.row}>
        <TemplatePicker
          label={title}
          options={options}
          value={selectedId}
          onChange={setSelectedId}
          empty={
            templates.value.length || searching ? voice.t('pane.chooseTemplate') : voice.t('ui.noTemplates')
          }
        />
        <Button
          data-testid="insert-template"
          disabled={!selected || insert.state === 'inserting'}
          onClick={() => selected && insertWith(selected)}
        >
          {voice.t('ui.insert')}
        </Button>
      </div>
      {selected && (
        <TemplateAnalyticsLine
          key={selected.id}
          api={props.api}
          templateId={selected.id}
          latestEvent={props.latestEvent}
        />
      )}
      <InsertStatus insert={insert} onChoose={(template, choice) => insertWith(template, choice)} />
    </Section>
  );
}
