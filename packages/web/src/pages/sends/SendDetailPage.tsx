import { Title2 } from '@fluentui/react-components';

export function SendDetailPage() {
  return <Title2 as="h1">Send</Title2>;
}
