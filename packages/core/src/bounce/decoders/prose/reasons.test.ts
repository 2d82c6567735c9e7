import { describe, expect, it } from 'vitest';
import { proseReason } from './reasons';

describe('proseReason (non-English notices without an SMTP code)', () => {
  it.each([
    ['fr', 'Le destinataire est inconnu.', 'userunknown'],
    ['fr', 'La boîte aux lettres est pleine.', 'mailboxfull'],
    ['fr', 'Le domaine est introuvable.', 'hostunknown'],
    ['fr', 'Le message est trop volumineux.', 'mesgtoobig'],
    ['de', 'Der Empfänger ist unbekannt.', 'userunknown'],
    ['de', 'Das Postfach ist voll.', 'mailboxfull'],
    ['de', 'Die Domain existiert nicht.', 'hostunknown'],
    ['it', 'Utente sconosciuto.', 'userunknown'],
    ['it', 'La casella di posta è piena.', 'mailboxfull'],
    ['es', 'El usuario no existe.', 'userunknown'],
    ['es', 'El buzón del destinatario está lleno.', 'mailboxfull'],
    ['es', 'El mensaje es demasiado grande.', 'mesgtoobig'],
    ['pt', 'Usuário desconhecido.', 'userunknown'],
    ['pt', 'A caixa postal está cheia.', 'mailboxfull'],
    ['pt', 'O domínio não existe.', 'hostunknown'],
  ])('%s: %s → %s', (_lang, diagnostic, reason) => {
    expect(proseReason(diagnostic)).toBe(reason);
  });

  it.each([
    ['a diagnostic with an SMTP code (the classifier reads it)', '550 5.7.1 Le destinataire est inconnu'],
    ['English words (the classifier reads them)', 'The mailbox is full'],
    ['words that say nothing', 'Votre message a été traité.'],
    ['no diagnostic', undefined],
  ])('%s → undefined', (_name, diagnostic) => {
    expect(proseReason(diagnostic)).toBeUndefined();
  });
});
