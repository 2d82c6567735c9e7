import { Title2 } from '@fluentui/react-components';

export function NumbersPage() {
  return <Title2 as="h1">My numbers</Title2>;
}
