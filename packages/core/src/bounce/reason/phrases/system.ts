import type { Phrase } from './types';

export const HOST_UNKNOWN: Phrase[] = [
  /\b(host|domain)( name)? (unknown|not found|does not exist|is not reachable|unreachable)\b/,
  /\bunknown (host|domain)\b/,
  /\bno such domain\b/,
  /\bunroute?able address\b/,
  /name or service not known/,
  /domain must exist/,
  /host or domain name not found/,
  /mail domain mentioned in email address is unknown/,
  /unknown domain name/,
  /the account or domain may not exist/,
  /\b553 .* does not exist/,
  // Exchange: "The destination server for this recipient could not be found in Domain Name Service".
  /could not be found in (the )?domain name service/,
  // Exim: the domain's MX hosts have no address records.
  /mx records point to non-existent hosts/,
];

export const NETWORK_ERROR: Phrase[] = [
  /could not connect and send/,
  /dns records for the destination computer could not be found/,
  /\b(mail )?(forwarding |routing )?loop\b.{0,20}\b(for|detected|count|exceeded)?/,
  /hop count exceeded|too many hops/,
  /\bdns (error|query failed|lookup failed)|\bnxdomain\b|lookup of \S+ (failed|responded)/,
  /host is unreachable|no route to host/,
  /host name lookup failure|host not found, try again/,
  /malformed (or unexpected )?name server reply/,
  /message (is )?looping/,
  /unable to resolve route|unrouteable mail domain/,
];

export const SYSTEM_ERROR: Phrase[] = [
  /forwarding loop broken|would create a mail loop|loops back to myself|loop was found in the mail exchanger/,
  /can't create user output file/,
  // A local resource the server needs for this domain or user could not be read.
  /\b(could not|unable to|cannot|failed to) (load|read|open) (the )?(\w+ )?(configuration|config|settings|routing data|directory|drd|ldap)\b/,
  /internal (server )?error/,
  /interrupted system call/,
  /error while being processed/,
  /(local|mail system|server|system) config(uration)? error/,
  /local error in processing/,
  /queue file write error/,
  /no mdb/,
  /misconfigured/,
  /service (currently )?unavailable/,
  /temporary (local|system|server) (problem|failure|error)/,
  /timeout waiting for input/,
  /transaction failed /,
  /unable to connect .*daemon/,
];

export const SYSTEM_FULL: Phrase[] = [
  /\bmail system full\b|\bsystem (storage|disk) (is )?full\b|\bspool (is )?full\b|insufficient system storage/,
];

export const NOT_ACCEPT: Phrase[] = [
  /does not accept mail|nullmx|null mx/,
  /no mx (record )?found for domain/,
  /mail receiving disabled/,
  /no route for current request/,
  /smtp protocol returned a permanent error/,
];

/**
 * The MTA gave up after its retry period (Exim "retry timeout exceeded", OpenSMTPD "envelope
 * expired"/"message expired", Sendmail "Cannot send message for 5 days", "not delivered ... within
 * the time allowed"): the last attempt's error, if any, is only why the last try failed.
 */
export const GAVE_UP: Phrase[] = [
  /retry timeout exceeded/,
  /\b(envelope|message|delivery( time)?) (has )?expired\b/,
  /cannot send message (for|within) /,
  /could not be delivered (for|within) .{0,20}\b(days?|hours?)\b/,
  /not (been )?delivered .{0,80}\bwithin the (time allowed|allowed time)/,
  /in the queue too long|allowed queue period|maximum queue (time|lifetime)/,
  /giving up on|i'm not going to try again/,
];

/**
 * The MTA's own statement, in the recipient's diagnostic, that the retry period ran out: it outranks
 * the last attempt's error quoted before it ("mailbox is full: retry timeout exceeded").
 */
export const EXPIRY_STATED: Phrase[] = [
  /retry timeout exceeded/,
  /\b(envelope|delivery time) (has )?expired\b/,
];

/**
 * The remote host could not be reached or did not answer: the transport failed, not the recipient or
 * the message. A delay with such a cause is `networkerror`; a failure after the retry period `expired`.
 */
export const TRANSPORT_FAILURE: Phrase[] = [
  /connection (refused|timed out|timeout|reset|closed)\b/,
  /\btimed out while\b|\bconversation with \S+ timed out\b/,
  /\b(no route to host|host is unreachable|network is unreachable)\b/,
  /\bnetwork error\b|\blost connection with\b/,
  /host not found, try again|temporary failure in name resolution|name service error .* try again/,
  // Exchange's delay NDRs: "441 4.4.1 Error encountered while communicating with primary target IP
  // address: "Failed to connect. Winsock error code: 10060"", "421 4.4.2 Connection dropped".
  // Exim's delay warning that names only the host it could not get through to, no SMTP answer.
  /^host \S+ \[[0-9a-f.:]+\]$/,
  /error encountered while communicating with (the )?primary target/,
  /\bfailed to connect\b|\bwinsock error\b|\bconnection dropped\b|\bunable to connect to (the )?remote/,
];

/**
 * The host refused the connection or never answered: the normal last error of a message that sat in
 * the queue until its lifetime ran out. (Other transport faults, a broken route or DNS, stay
 * `networkerror` even then: they name something to fix.)
 */
export const NO_ANSWER: Phrase[] = [
  /connection (refused|timed out)\b/,
  /\btimed out while\b|\bconversation with \S+ timed out\b/,
];

export const EXPIRED: Phrase[] = [
  ...GAVE_UP,
  /connection timed out/,
  /could not find a gateway for/,
  /delivery attempts will continue/,
  /delivery (time )?expired/,
  /failed to deliver to domain /,
  /giving up on/,
  /failing for a long time/,
  /has been delayed/,
  /not been collected after/,
  /message expired/,
  /message timed out/,
  /retry time not reached/,
  /server did not respond/,
  /in the queue too long/,
  /after multiple retries/,
  /allowed queue period/,
  /could not be delivered for .*days/,
  /could not be delivered for more than/,
];

export const MAILER_ERROR: Phrase[] = [
  / \|\| exit /,
  /procmail: |bin\/procmail|bin\/maidrop/,
  /command (failed|died with status|output)/,
  /mailer error/,
  /pipe to \|\//,
  /x-unix; /,
];

export const MESG_TOO_BIG: Phrase[] = [
  /\bmessage (file |size |length )?(is )?too (big|large)\b/,
  /\b(exceeded|exceeds) (the )?maximum (inbound|incoming)? ?message size/,
  /\bmax(imum)? message size exceeded\b/,
  /\bmessage size exceeds\b/,
  /\bmessage (exceeds|is larger than) (the )?(maximum|max|fixed|allowed|size)/,
  // Exim's notice for a locally submitted message over message_size_limit, and kin.
  /\b(longer|larger|bigger) than the (maximum|max|allowed|permitted) (message )?size\b/,
  /\bsize limit\b/,
  /line limit exceeded/,
  /taille limite du message/,
];

export const EXCEED_LIMIT: Phrase[] = [/message length exceeds administrative limit/];

export const TOO_MANY_CONN: Phrase[] = [
  /\btoo many (connections|concurrent smtp connections|errors from your ip|recipients|smtp sessions)\b/,
  /maximum connection limit/,
  /connection rate limit exceeded/,
  /per-domain connection limit/,
  /max emails per hour/,
  /throttling failure/,
  /trop de connexions/,
  /numerous attempts to deliver this message/,
  /\b(ip|connection) frequency limited\b/,
];

export const SPEEDING: Phrase[] = [
  /temporarily rate limited/,
  /please try again slower/,
  /receiving mail at a rate that prevents/,
  /too many recipients this hour/,
];

export const SYNTAX_ERROR: Phrase[] = [
  /\bsyntax error\b/,
  /\b(command )?unrecognized( command)?\b/,
  /(bad|improper) sequence of commands/,
  /command (parameter )?not implemented/,
];

export const CONTENT_ERROR: Phrase[] = [
  /duplicate header/,
  /header size exceeds/,
  /improper use of 8-bit data in message header/,
  /header size, or recipient list, exceeds/,
  /mime complexity/,
  /too many received: headers/,
  /invalid mime headers/,
  /improperly-formatted binary content/,
  /unnecessary base64 encoding/,
];

export const FAILED_STARTTLS: Phrase[] = [
  /\bstarttls\b/,
  /\brequiretls\b/,
  /\btls (negotiation|handshake) failed\b/,
];

/** Out-of-office wording in a diagnostic (Sisimai turns these into `vacation`). */
export const VACATION: Phrase[] = [
  /\b(i am|i'm) (away|out of (the )?office)\b/,
  /\bout of (the )?office\b/,
  /\bon vacation\b/,
];
