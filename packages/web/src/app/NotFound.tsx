import { Body1, Title2 } from '@fluentui/react-components';
import { Link } from '@tanstack/react-router';

export function NotFound() {
  return (
    <div style={{ padding: '24px' }}>
      <Title2 as="h1">Page not found</Title2>
      <Body1 as="p">
        There is no page at this address. <Link to="/">Go to Home</Link>
      </Body1>
    </div>
  );
}
