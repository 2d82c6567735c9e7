import { describe, expect, it } from 'vitest';
import { fold } from './fold';
import { LANGUAGES, PHRASES } from './phrases';

const says = (regex: RegExp, text: string) => regex.test(fold(text));

describe('phrase tables (six languages, folded text)', () => {
  it.each([
    ['en', 'Your message could not be delivered to the recipient.'],
    ['en', 'did not reach the following recipient(s)'],
    ['en', 'The e-mail account does not exist at the organization'],
    ['en', 'Sorry, we were unable to deliver your message'],
    ['fr', "Votre message n'a pas pu être remis."],
    ['fr', 'Échec de la remise : adresse introuvable'],
    ['fr', 'Le destinataire est inconnu'],
    ['de', 'Die Nachricht konnte nicht zugestellt werden.'],
    ['de', 'Unzustellbar: Empfänger unbekannt'],
    ['de', 'Zustellung an max@ziel.example fehlgeschlagen'],
    ['it', 'Il messaggio non è stato recapitato.'],
    ['it', 'Impossibile recapitare il messaggio: utente sconosciuto'],
    ['es', 'No se pudo entregar el mensaje.'],
    ['es', 'El buzón está lleno: buzón lleno'],
    ['pt', 'Não foi possível entregar a mensagem.'],
    ['pt', 'A mensagem não foi entregue: endereço inexistente'],
  ])('%s failure: %s', (_lang, text) => {
    expect(says(PHRASES.failure, text)).toBe(true);
  });

  it.each([
    ['en', 'This message has not yet been delivered to one or more recipients.'],
    ['en', 'Delivery attempts will continue for some time.'],
    ['en', 'THIS IS A WARNING MESSAGE ONLY.'],
    ['fr', "Votre message n'a pas encore été remis."],
    ['fr', 'Les tentatives de remise se poursuivront pendant un certain temps.'],
    ['de', 'Die Nachricht wurde noch nicht an alle Empfänger zugestellt.'],
    ['de', 'Es wird weiterhin versucht, die Nachricht zuzustellen.'],
    ['it', 'Il messaggio non è ancora stato consegnato.'],
    ['it', 'Il sistema continuerà a tentare la consegna.'],
    ['es', 'Su mensaje aún no ha sido entregado.'],
    ['es', 'El servidor seguirá intentando.'],
    ['pt', 'A mensagem ainda não foi entregue.'],
    ['pt', 'Isto é apenas um aviso.'],
  ])('%s still being tried: %s', (_lang, text) => {
    expect(says(PHRASES.delay, text)).toBe(true);
  });

  it.each([
    ['en', 'Delivery to the following recipients has been delayed.'],
    ['en', 'Message could not be delivered for 4 hours'],
    ['fr', 'La remise du message est retardée.'],
    ['de', 'Zustellung verzögert'],
    ['it', 'La consegna è ritardata.'],
    ['es', 'La entrega está retrasada.'],
    ['pt', 'A entrega foi atrasada.'],
  ])('%s delay hint: %s', (_lang, text) => {
    expect(says(PHRASES.delayHints, text)).toBe(true);
  });

  it.each([
    ['en', 'Recipient: bob@dest.example'],
    ['en', 'Failed recipient(s): bob@dest.example'],
    ['fr', 'Destinataire : marie@dest.example'],
    ['de', 'Empfänger: paul@ziel.example'],
    ['it', 'Destinatario: sara@dest.example'],
    ['es', 'Destinatario: victor@dest.example'],
    ['pt', 'Destinatário: amanda@dest.example'],
  ])('%s recipient label: %s', (_lang, text) => {
    expect(says(PHRASES.recipientLabel, text)).toBe(true);
  });

  it.each([
    ['en', 'Undeliverable: Hello'],
    ['en', 'Warning: could not send message for past 4 hours'],
    ['en', 'Mail delivery failed: returning message to sender'],
    ['fr', 'Non remis : Réunion'],
    ['de', 'Unzustellbar: Angebot'],
    ['de', 'Zustellung verzögert'],
    ['it', 'Non recapitabile: Preventivo'],
    ['es', 'No se puede entregar: Factura'],
    ['pt', 'Não é possível entregar: Proposta'],
  ])('%s notice subject: %s', (_lang, text) => {
    expect(says(PHRASES.subject, text)).toBe(true);
  });

  it.each([
    ['the delivery of your parcel is scheduled for Monday'],
    ['Please find the report attached.'],
    ['Ce rapport de livraison est en pièce jointe.'],
    ['Die Lieferung kommt morgen.'],
    ['La consegna è prevista domani.'],
    ['La entrega llegará mañana.'],
    ['A entrega chegará amanhã.'],
  ])('ordinary words are no failure: %s', (text) => {
    expect(says(PHRASES.failure, text) || says(PHRASES.delay, text)).toBe(false);
  });

  it.each([['Received: from mx.example'], ['Subject: budget'], ['Date: Fri, 4 Dec 2026']])(
    'header lines are no recipient label: %s',
    (text) => {
      expect(says(PHRASES.recipientLabel, text)).toBe(false);
    },
  );
});

describe('every language fills every table', () => {
  const lists = [
    'failure',
    'delay',
    'delayHints',
    'final',
    'success',
    'introducers',
    'recipientLabels',
    'senderLabels',
    'toLabels',
    'contact',
    'subjects',
    'delaySubjects',
    'senders',
  ] as const;
  it.each(LANGUAGES.map((language) => [language.lang, language] as const))('%s', (_lang, language) => {
    expect(LANGUAGES.map((l) => l.lang).sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'pt']);
    for (const list of lists) {
      expect(language[list].length, list).toBeGreaterThan(0);
      for (const source of language[list]) expect(() => new RegExp(source), source).not.toThrow();
    }
  });
});

describe('fold', () => {
  it.each([
    ['Échec de la remise', 'echec de la remise'],
    ['Zustellung  verzögert', 'zustellung verzogert'],
    ['Straße', 'strasse'],
    ['n’a pas', "n'a pas"],
    ['Ã‰chec Ãªtre', 'echec etre'],
    ['Não é possível', 'nao e possivel'],
  ])('%s → %s', (text, folded) => {
    expect(fold(text)).toBe(folded);
  });
});
