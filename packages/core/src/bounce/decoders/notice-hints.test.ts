import { describe, expect, it } from 'vitest';
import { buildBounceMessage } from '../message';
import { isBulkMail, isForwardedByPerson, looksLikeNotice } from './notice-hints';

/** A raw message with these headers (and `Message-ID`), read by the engine's own MIME pass. */
function message(headers: Record<string, string>, body = 'Hello.') {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return buildBounceMessage([...lines, 'Message-ID: <m-1@client.example>', '', body, ''].join('\n'));
}
const person = 'Pat Person <pat@client.example>';

describe('looksLikeNotice', () => {
  it.each([
    'Undeliverable: Hello',
    'Unzustellbar: Angebot',
    'Nicht zustellbar: Angebot',
    'Non remis : Réunion',
    'Échec de la remise du message',
    'Non recapitabile: Preventivo',
    'Mancato recapito',
    'No se puede entregar: Factura',
    'Entrega retrasada',
    'Não é possível entregar: Proposta',
    'Mensagem não entregue',
    'Mail delivery failed: returning message to sender',
    'Delivery Status Notification (Failure)',
    'Returned mail: see transcript for details',
    'Warning: could not send message for past 4 hours',
    'Zustellung verzögert',
  ])('a notice Subject: %s', async (subject) => {
    expect(looksLikeNotice(await message({ from: 'someone@relay.example', subject }))).toBe(true);
  });

  it.each([
    'Mail Delivery System <MAILER-DAEMON@mx.example>',
    'postmaster@example.org',
    'Système de distribution du courrier <mail@relais.example>',
    'Mail-Zustellsystem <mail@relay.example>',
    'Sistema di posta <mail@relay.example>',
    'Sistema de entrega de correo <mail@relay.example>',
    'Sistema de entrega de correio <mail@relay.example>',
    'L-Soft list server <LISTSERV@lists.example>',
    'team-owner@lists.example',
  ])('a mail system From: %s', async (from) => {
    expect(looksLikeNotice(await message({ from, subject: 'Hello' }))).toBe(true);
  });

  it('X-Failed-Recipients alone', async () => {
    expect(
      looksLikeNotice(
        await message({ from: person, subject: 'Hi', 'x-failed-recipients': 'bob@dest.example' }),
      ),
    ).toBe(true);
  });

  it.each([
    ['an ordinary mail', { from: person, subject: 'Lunch on Friday?' }],
    [
      'an auto-reply quoting a notice Subject',
      { from: person, subject: 'Re: Undeliverable', 'auto-submitted': 'auto-replied' },
    ],
    ['an out-of-office reply in Italian', { from: person, subject: 'Risposta automatica: Non recapitabile' }],
    ['a no-reply service mail', { from: 'Shop <noreply@shop.example>', subject: 'Your receipt' }],
  ])('not a notice: %s', async (_name, headers) => {
    expect(looksLikeNotice(await message(headers))).toBe(false);
  });
});

describe('isBulkMail and isForwardedByPerson', () => {
  it('a newsletter is bulk mail, a notice from a mail system is not', async () => {
    expect(
      isBulkMail(
        await message({ from: 'News <news@shop.example>', 'list-unsubscribe': '<mailto:u@shop.example>' }),
      ),
    ).toBe(true);
    expect(isBulkMail(await message({ from: 'MAILER-DAEMON@mx.example', precedence: 'bulk' }))).toBe(false);
  });

  it.each([
    'FW: Undeliverable',
    'WG: Unzustellbar',
    'TR: Non remis',
    'I: Non recapitabile',
    'RV: No se puede entregar',
    'ENC: Não é possível entregar',
    'RES: Não entregue',
    'R: Mancato recapito',
  ])('%s from a person is a conversation about a notice', async (subject) => {
    expect(isForwardedByPerson(await message({ from: person, subject }))).toBe(true);
  });
});
