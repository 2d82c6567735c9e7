import type { Phrase } from './types';

export const HOST_UNKNOWN: Phrase[] = [
  'host unknown', 'unknown host', 'host not found', 'domain not found', 'domain does not exist', 'no such domain',
  'unrouteable address', 'unroutable address', 'name or service not known', 'nxdomain', 'host or domain name not found',
  'domain name not found', 'unknown domain', 'invalid domain', 'no mx', 'mx record', 'all relevant mx records point to non-existent hosts',
  'illegal host/domain', 'domain is not', 'not a valid domain', 'recipient domain must exist', 'no route to host',
  'unable to resolve', 'cannot resolve', 'couldn\'t find any host named', 'name server', 'no dns',
  'does not accept mail (nullmx)', 'domain isn\'t in my list', 'domain missing', 'unrouteable mail domain',
];

export const NETWORK_ERROR: Phrase[] = [
  'mail forwarding loop', 'routing loop', 'too many hops', 'hop count exceeded', 'loop detected', 'loops back to myself',
  'mail loops', 'lost connection', 'connection reset', 'connection timed out', 'connection refused',
  'could not connect', 'unable to connect', 'network is unreachable', 'timeout', 'timed out', 'dns lookup',
  'temporary failure in name resolution', 'malformed or unexpected name server reply', 'bad connection',
  'unable to route', 'no route', 'address family not supported', 'network error', 'connection was dropped',
  'remote server closed', 'broken pipe',
];

export const SYSTEM_ERROR: Phrase[] = [
  'system error', 'internal error', 'server error', 'temporary local problem', 'local error', 'local configuration error',
  'configuration error', 'server configuration problem', 'mail system problem', 'system config error',
  'unable to deliver', 'delivery failed', 'service not available', 'service unavailable', 'system is not',
  'too many recipients', 'unknown error', 'error in processing', 'requested action aborted', 'i/o error',
  'server is busy', 'temporarily unavailable', 'try again later', 'not available at this time',
  'internal server error', 'out of memory', 'database error', 'mail system is not', 'problem with',
];

export const SYSTEM_FULL: Phrase[] = ['mail system full', 'system full', 'disk full', 'spool full', 'queue full', 'out of disk', 'insufficient system storage', 'system storage'];

export const NOT_ACCEPT: Phrase[] = [
  'does not accept mail', 'not accept any mail', 'null mx', 'nullmx', 'not accepting mail', 'not accepting messages',
  'no mail is accepted', 'host does not accept mail', 'this domain does not receive mail', 'domain does not receive mail',
];

export const EXPIRED: Phrase[] = [
  'delivery time expired', 'retry time', 'retry timeout', 'too long', 'timeout exceeded', 'message expired',
  'message timed out', 'could not be delivered for', 'have been unable to deliver', 'unable to deliver for',
  'delivery attempts will continue', 'giving up', 'has been delayed', 'was not delivered within', 'no recipients',
  'i\'m not going to try again', 'retried too long', 'message has been in the queue too long', 'queue time',
  'delivery expired', 'expired after', 'maximum time', 'cannot deliver the message after retrying',
  'unable to deliver message after multiple retries', 'could not deliver after', 'deferred',
];

export const MAILER_ERROR: Phrase[] = [
  'x-unix', 'procmail', 'pipe to', 'command died', 'command failed', 'mailer error', 'exit code', 'exited with',
  'program not found', 'unknown mailer error', '/bin/', 'sh:', 'binary not found', 'mail delivery agent',
];

export const MESG_TOO_BIG: Phrase[] = [
  'message too big', 'message too large', 'message is too large', 'message is too big', 'size limit', 'message size exceeds',
  'message size exceeded', 'exceeds the maximum size', 'exceeds size limit', 'too big for system', 'message length exceeds',
  'size of the message', 'message exceeds', 'mail is too large', 'email is too large', 'exceeded maximum message size',
  'maximum message size', 'max message size', 'size exceeds', 'exceeds maximum allowed size', 'larger than',
];

export const EXCEED_LIMIT: Phrase[] = ['message length exceeds administrative limit', 'exceeded limit', 'limit exceeded'];

export const TOO_MANY_CONN: Phrase[] = [
  'too many connections', 'too many concurrent', 'too many simultaneous', 'connection limit', 'maximum connections',
  'too many sessions', 'too many smtp sessions', 'too many recipients', 'exceeded the connection limit',
];

export const SPEEDING: Phrase[] = [
  'rate limit', 'rate-limit', 'ratelimit', 'too fast', 'too many messages', 'sending rate', 'throttl', 'exceeded the rate',
  'try again later, closing connection', 'too much mail', 'receiving mail at a rate',
];

export const SYNTAX_ERROR: Phrase[] = ['syntax error', 'command unrecognized', 'unrecognized command', 'invalid command', 'bad sequence of commands', 'command not recognized'];

export const CONTENT_ERROR: Phrase[] = [
  'message header', 'header size', 'header line', 'malformed', 'improper use of 8-bit', '8bit', 'message content',
  'invalid mime', 'mime', 'bad message', 'broken message', 'encoding',
];

export const FAILED_STARTTLS: Phrase[] = ['starttls', 'requiretls', 'tls negotiation failed', 'tls handshake'];
