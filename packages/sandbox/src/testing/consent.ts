/**
 * Drives a sandbox consent page over HTTP the way a person would: opens the authorization URL,
 * picks the account, presses Accept or Cancel. Answers where the provider redirected the browser
 * (the app's redirect URI with `code`/`state` or `error`), or throws with the page shown instead.
 */
export async function answerConsent(
  authorizationUrl: string,
  choice: { account?: string; decision?: 'accept' | 'cancel' } = {},
): Promise<string> {
  const page = await fetch(authorizationUrl, { redirect: 'manual' });
  if (page.status === 302) return page.headers.get('location')!;
  const html = await page.text();
  const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1];
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (page.status !== 200 || !requestId || !action)
    throw new Error(
      `No consent page at ${authorizationUrl} (${page.status}): ${html.replace(/<[^>]+>/g, ' ').trim()}`,
    );
  const selected = /<option value="([^"]+)" selected>/.exec(html)?.[1];
  const form = new URLSearchParams({
    request: requestId,
    account: choice.account ?? selected ?? '',
    decision: choice.decision ?? 'accept',
  });
  const answer = await fetch(action.replace(/&amp;/g, '&'), {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location)
    throw new Error(
      `Consent answered ${answer.status}: ${(await answer.text()).replace(/<[^>]+>/g, ' ').trim()}`,
    );
  return location;
}
