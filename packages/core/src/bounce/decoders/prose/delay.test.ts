import { describe, expect, it } from 'vitest';
import { isDelayWarning, isSuccessOnly } from './delay';

describe('isDelayWarning', () => {
  it.each([
    [
      'en',
      'Warning: message delayed',
      'This message has not yet been delivered. No action is required on your part.',
    ],
    ['en', 'Delivery Status Notification (Delay)', 'Delivery to the following recipient has been delayed.'],
    ['en', 'Warning: could not send message for past 4 hours', 'THIS IS A WARNING MESSAGE ONLY.'],
    ['fr', 'Remise retardée', "Votre message n'a pas encore été remis."],
    ['de', 'Zustellung verzögert', 'Ihre Nachricht konnte bisher nicht zugestellt werden.'],
    ['it', 'Consegna ritardata', 'Il messaggio è in coda.'],
    ['es', 'Entrega retrasada', 'El servidor seguirá intentando.'],
    ['pt', 'Entrega atrasada', 'O servidor continuará a tentar.'],
    [
      'en, a final "give up" only as a future clause',
      'Warning: message delayed',
      'Delivery attempts will continue for some time. Eventually the mail delivery software will give up.',
    ],
    [
      'de, "endgültig" only as a condition',
      'Zustellung verzögert',
      'Es wird weiterhin versucht. Schlägt die Zustellung endgültig fehl, erhalten Sie die Nachricht zurück.',
    ],
    ['de, Postfix template', 'Verzögerte Mail', 'Es wird weiter versucht, bis sie 5 Tage alt ist.'],
    ['fr, Postfix template', 'Courrier retardé', "Il sera réessayé jusqu'à ce qu'il ait 5 jours."],
    ['it, Postfix template', 'Posta', 'Sarà ritentato fino a quando avrà 5 giorni.'],
    ['es, Postfix template', 'Correo', 'Se volverá a intentar hasta que tenga 5 días.'],
    ['pt, Postfix template', 'Mensagem', 'Será tentada novamente até completar 5 dias.'],
  ])('%s: a delay warning', (_lang, subject, prose) => {
    expect(isDelayWarning(subject, prose)).toBe(true);
  });

  it.each([
    [
      'en, expired',
      'Returned mail: Cannot send message for 5 days',
      'Message could not be delivered for 5 days\nMessage will be deleted from queue',
    ],
    ['en, plain failure', 'Undeliverable', 'Your message could not be delivered: user unknown.'],
    [
      'en, MDaemon-like final notice',
      'Permanent Delivery Failure',
      'PERMANENT fatal delivery errors! The message has been removed from the mail queue. You do not need to resend this message.',
    ],
    ['fr, failure', 'Non remis', "Votre message n'a pas pu être remis."],
    ['de, given up after delay', 'Zustellung verzögert', 'Die Zustellung ist endgültig fehlgeschlagen.'],
    ['es, failure', 'No se puede entregar', 'No se pudo entregar el mensaje.'],
  ])('%s: not a delay warning', (_name, subject, prose) => {
    expect(isDelayWarning(subject, prose)).toBe(false);
  });
});

describe('isSuccessOnly', () => {
  it.each([
    ['Your message was successfully delivered to the destination.', true],
    ['Die Nachricht wurde erfolgreich zugestellt.', true],
    ['Your message was delivered to bob, but could not be delivered to carol.', false],
    ['Your message could not be delivered.', false],
  ])('%s → %s', (prose, expected) => {
    expect(isSuccessOnly(prose)).toBe(expected);
  });
});
