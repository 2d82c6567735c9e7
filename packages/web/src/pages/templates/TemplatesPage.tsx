import { Title2 } from '@fluentui/react-components';

export function TemplatesPage() {
  return <Title2 as="h1">Templates</Title2>;
}
