import { Button, Caption1, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { Template } from '../api/types';
import type { useTemplateSearch } from '../hooks/useTemplateSearch';
import { ProblemBar } from './ProblemBar';
import { useVoice } from './voice';

const useStyles = makeStyles({
  recent: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
});

/** The search box over the picker; what it found (or why not) is the picker's list. */
export function TemplateSearchBox(props: { search: ReturnType<typeof useTemplateSearch> }) {
  const voice = useVoice();
  const { search, text, setQuery } = props.search;
  return (
    <>
      <Input
        type="search"
        data-testid="template-search"
        aria-label={voice.t('compose.searchTemplates')}
        placeholder={voice.t('compose.searchTemplates')}
        value={text}
        onChange={(_, data) => setQuery(data.value)}
      />
      {search.state === 'ready' && search.items.length === 0 && (
        <Caption1 data-testid="template-search-empty">
          {voice.t('compose.noTemplateMatch', { q: search.q })}
        </Caption1>
      )}
      {search.state === 'failed' && <ProblemBar problem={search.problem} />}
    </>
  );
}

/** The rep's last templates by their sends, newest first: one click picks one. Nothing while there are none. */
export function RecentTemplates(props: { templates: readonly Template[]; onPick(template: Template): void }) {
  const styles = useStyles();
  const voice = useVoice();
  if (props.templates.length === 0) return null;
  const label = voice.t('compose.recentlyUsed');
  return (
    <div className={styles.recent} data-testid="template-recent">
      <Caption1>{label}</Caption1>
      {props.templates.map((template) => (
        <Button
          key={template.id}
          size="small"
          appearance="subtle"
          data-testid="template-recent-item"
          data-template-id={template.id}
          onClick={() => props.onPick(template)}
        >
          {template.name}
        </Button>
      ))}
    </div>
  );
}
