import { Title2 } from '@fluentui/react-components';

export function TemplateEditorPage() {
  return <Title2 as="h1">Template</Title2>;
}
