import { Title2 } from '@fluentui/react-components';

export function HomePage() {
  return <Title2 as="h1">Home</Title2>;
}
