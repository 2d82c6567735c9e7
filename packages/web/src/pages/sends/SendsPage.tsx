import { Title2 } from '@fluentui/react-components';

export function SendsPage() {
  return <Title2 as="h1">Sends</Title2>;
}
