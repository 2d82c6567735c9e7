import type { BounceReason } from '../../types';
import { fold } from './fold';

/**
 * What a French, German, Italian, Spanish or Portuguese notice says went wrong, when it gives no
 * SMTP code (the classifier reads codes and English wording; these notices give neither). Regex
 * sources over folded text, in the order they are tried. English is left to the classifier.
 */
const REASONS: [BounceReason, RegExp][] = [
  [
    'hostunknown',
    /(?<![a-z])(?:domaine|domain|domane|dominio) (?:est |ist |e |es )?(?:inconnu|introuvable|inexistant|unbekannt|existiert nicht|nicht gefunden|sconosciut|inesistente|non trovat|desconocid|no existe|desconhecid|nao existe)/,
  ],
  [
    'userunknown',
    /(?<![a-z])(?:(?:destinataire|utilisateur|adresse|compte) (?:est )?(?:inconnu|introuvable|inexistant)|n'existe pas|(?:empfanger|benutzer|adresse|postfach|konto) (?:ist )?(?:unbekannt|existiert nicht|nicht gefunden)|unbekannte?r? (?:empfanger|benutzer)|(?:utente|destinatario|indirizzo|casella) (?:e )?(?:sconosciut|inesistente|non trovat|non esiste)|(?:usuario|destinatario|direccion|buzon|cuenta) (?:es )?(?:desconocid|inexistente|no existe|no encontrad)|(?:usuario|utilizador|destinatario|endereco|conta) (?:e )?(?:desconhecid|inexistente|nao existe|nao encontrad))/,
  ],
  [
    'mailboxfull',
    /(?<![a-z])(?:boite(?: aux lettres| de reception| mail)? (?:est )?(?:pleine|saturee)|(?:postfach|mailbox) (?:ist )?(?:voll|uberfullt)|casella(?: di posta)? (?:e )?(?:piena|satura)|buzon(?: del destinatario| de correo)? (?:esta )?lleno|caixa(?: postal| de correio)? (?:esta )?(?:cheia|lotada)|(?:quota|cuota|cota) (?:depasse|atteint|superat|excedid|superad)|speicher(?:platz)? (?:uberschritten|voll|erschopft)|spazio (?:esaurit|insufficiente))/,
  ],
  [
    'mesgtoobig',
    /(?<![a-z])(?:trop (?:volumineux|gros)|depasse la taille|zu gross|uberschreitet die (?:maximale )?(?:nachrichten)?grosse|troppo grande|demasiado grande|muito grande)/,
  ],
];

/** An SMTP reply or enhanced status code: with one, the classifier has what it needs. */
const SMTP_CODE = /(?<![\d.])[245]\.\d{1,3}\.\d{1,3}(?![\d.])|(?<![\d.:-])[245][0-5]\d(?=[ -]\D)/;

/** The reason a non-English notice's words give for a recipient whose diagnostic has no SMTP code, or undefined. */
export function proseReason(diagnostic: string | undefined): BounceReason | undefined {
  if (!diagnostic || SMTP_CODE.test(diagnostic)) return undefined;
  const text = fold(diagnostic);
  return REASONS.find(([, pattern]) => pattern.test(text))?.[0];
}
