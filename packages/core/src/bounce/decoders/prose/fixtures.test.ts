/**
 * Notices written for these tests in the shapes of older and less common servers and of translated
 * MTA templates (fixtures/*.eml, each says so in its Comments header), through the whole engine.
 * Whichever decoder reads them, the failed recipients and the action must come out right.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBounce } from '../../engine';

const read = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe('prose notices from files', () => {
  it.each([
    ['legacy-aol-old.eml', ['dan123@aol.example'], 'failed'],
    ['legacy-en-delay-oddly.eml', ['henry@dest.example'], 'delayed'],
    ['legacy-es-isp.eml', ['pedro.lopez@isp.example'], 'failed'],
    ['legacy-exchange55.eml', ['fjones@corp.example'], 'failed'],
    ['legacy-fr-delay.eml', ['claire@dest.example'], 'delayed'],
    ['legacy-groupwise-delay.eml', ['gina@remote.example'], 'delayed'],
    ['legacy-iplanet.eml', ['bob.smith@uni.example'], 'failed'],
    ['legacy-isp-it.eml', ['luca.bianchi@isp.example'], 'failed'],
    ['legacy-pt-isp.eml', ['joao.silva@provedor.example'], 'failed'],
    ['legacy-sina.eml', ['wang@sina.example'], 'failed'],
    ['legacy-univ-relay-de.eml', ['erika.muster@uni-beispiel.example'], 'failed'],
    ['legacy-yahoo-old.eml', ['carl@yahoo.example'], 'failed'],
    ['exim-delay-de.eml', ['bob@dest.example'], 'delayed'],
    ['qmail-de.eml', ['carl@dest.example'], 'failed'],
    ['sendmail-delay-nodsn.eml', ['bob@dest.example'], 'delayed'],
    ['translated-exim-it.eml', ['quinto@dest.example'], 'failed'],
    ['translated-list-bounce-via-relay.eml', ['rita@dest.example'], 'failed'],
    ['translated-postfix-de-delay.eml', ['ines@ziel.example'], 'delayed'],
    ['translated-postfix-de-fail.eml', ['hans@ziel.example'], 'failed'],
    ['translated-postfix-es-delay.eml', ['mar@dest.example'], 'delayed'],
    ['translated-postfix-es-fail.eml', ['olga@dest.example'], 'failed'],
    ['translated-postfix-fr-delay.eml', ['jules@dest.example'], 'delayed'],
    ['translated-postfix-it-delay.eml', ['lia@dest.example'], 'delayed'],
    ['translated-postfix-pt-delay.eml', ['nuno@dest.example'], 'delayed'],
    ['translated-sendmail-fr.eml', ['paul@dest.example'], 'failed'],
  ])('%s', async (name, recipients, action) => {
    const report = await parseBounce(read(name));
    expect(report.kind).toBe('bounce');
    expect(report.recipients.map((r) => r.address)).toEqual(recipients);
    for (const r of report.recipients) expect(r.action).toBe(action);
  });
});
