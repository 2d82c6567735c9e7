import { describe, expect, it } from 'vitest';
import { findCommand, findTranscriptCommand } from './command';

describe('findCommand', () => {
  it.each([
    ['host mx.example.net said: 550 5.1.1 User unknown (in reply to RCPT TO command)', 'RCPT'],
    ['SMTP error from remote mail server after end of data: 552 Message too big', 'DATA'],
    ['SMTP error from remote mail server after initial connection: 554 go away', 'HELO'],
    ['550 unknown user database@example.jp', null],
  ])('%s -> %s', (text, command) => {
    expect(findCommand(text)).toBe(command);
  });
});

describe('findTranscriptCommand (session transcripts, whitespace collapsed)', () => {
  it.each([
    // Sendmail: the reply follows our command.
    [
      '... while talking to mx.example.net.: >>> RCPT To:<bob@example.net> <<< 550 5.1.1 <bob@example.net>... User unknown',
      'RCPT',
    ],
    [
      "... while talking to mx.example.net.: >>> DATA <<< 554 delivery error: dd This user doesn't have an account",
      'DATA',
    ],
    ['>>> . <<< 552 5.3.4 Message size exceeds fixed maximum message size', 'DATA'],
    // Sendmail: a reply before any command of ours is the greeting: the connection was refused.
    ['... while talking to mx03.example.org.: <<< 554 IP=192.0.2.254 - A problem occurred. (BL)', 'CONN'],
    // MDaemon writes ">>" and "<<".
    [
      '11:02:12: >> RCPT To:<frank@example.net> 11:02:12: << 550 5.1.1 <frank@example.net>: Recipient address rejected',
      'RCPT',
    ],
    // A success reply is not the failure; no transcript at all is nothing.
    ['>>> MAIL From:<a@example.org> <<< 250 2.1.0 Ok', null],
    ['550 5.1.1 User unknown', null],
  ])('%s -> %s', (text, command) => {
    expect(findTranscriptCommand(text)).toBe(command);
  });
});
