import { Page } from '../../ui/Page';
import { ChannelSection } from './ChannelSection';
import { ConnectionSection } from './ConnectionSection';
import { SendFormSection } from './SendForm';

/** Home: the rep's mailbox connection, the channel web sends use, and a form to send one. */
export function HomePage() {
  return (
    <Page title="Home" testId="web-home">
      <ConnectionSection />
      <ChannelSection />
      <SendFormSection />
    </Page>
  );
}
