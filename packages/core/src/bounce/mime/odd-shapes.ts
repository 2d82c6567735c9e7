/**
 * Test fixtures: MIME shapes where a reader's small choices show (folding, comments, odd boundaries,
 * broken encodings, charsets, limits). The differential test reads each with both readers.
 */

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

const REPORT_HEAD = 'From: MAILER-DAEMON@example.org\r\nSubject: Undelivered Mail\r\nMIME-Version: 1.0\r\n';

function nested(depth: number): string {
  let body = 'Content-Type: text/plain\r\n\r\nUser unknown\r\n';
  for (let i = 0; i < depth; i++)
    body = `Content-Type: multipart/mixed; boundary="n${i}"\r\n\r\n--n${i}\r\n${body}--n${i}--\r\n`;
  return `${REPORT_HEAD}${body}`;
}

export const ODD_SHAPES: [string, string | Uint8Array][] = [
  ['lines ending in a lone CR', 'Subject: old mac\rFrom: a@example.org\r\rUser unknown\r'],
  [
    'a header line without colon and a first line starting with a blank',
    ' odd\r\nno colon here\r\nSubject: x\r\n\r\nbody',
  ],
  [
    'folded encoded words',
    'Subject: =?iso-2022-jp?B?GyRCJVElOSVvITwlSRsoQg==?=\r\n =?utf-8?Q?caf=C3=A9?=\r\n\tend\r\nFrom: =?utf-8?B?w6k=?= <a@example.org>\r\n\r\nx',
  ],
  [
    'comments and quotes in Content-Type',
    `${REPORT_HEAD}Content-Type: multipart/report (a comment); report-type=delivery-status;\r\n boundary="=_b (not a comment)"\r\n\r\n--=_b (not a comment)\r\nContent-Type: text/plain; charset="us-ascii" (ascii)\r\n\r\nUser unknown\r\n--=_b (not a comment)--\r\n`,
  ],
  [
    'an RFC 2231 boundary',
    `${REPORT_HEAD}Content-Type: multipart/mixed; boundary*0="ab"; boundary*1="cd"\r\n\r\n--abcd\r\nContent-Type: text/plain\r\n\r\nhello\r\n--abcd--\r\n`,
  ],
  [
    'boundary lines with trailing blanks or junk',
    `${REPORT_HEAD}Content-Type: multipart/mixed; boundary=b\r\n\r\n--b \t\r\nContent-Type: text/plain\r\n\r\none\r\n--bx\r\n--b junk\r\ntwo\r\n--b--  \r\nepilogue\r\n`,
  ],
  [
    'an inner boundary that is a prefix of the outer one',
    `${REPORT_HEAD}Content-Type: multipart/mixed; boundary=ab\r\n\r\n--ab\r\nContent-Type: multipart/alternative; boundary=a\r\n\r\n--a\r\nContent-Type: text/plain\r\n\r\nplain\r\n--a\r\nContent-Type: text/html\r\n\r\n<b>html</b>\r\n--ab\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.1.1\r\n--ab--\r\n`,
  ],
  [
    'a multipart cut off before its terminator',
    `${REPORT_HEAD}Content-Type: multipart/report; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\ncut here`,
  ],
  [
    'a boundary that never appears',
    `${REPORT_HEAD}Content-Type: multipart/report; boundary=missing\r\n\r\nThe mail system\r\n<a@example.net>: user unknown\r\n`,
  ],
  [
    'a multipart/digest with parts of its default type',
    `${REPORT_HEAD}Content-Type: multipart/digest; boundary=d\r\n\r\n--d\r\n\r\nSubject: first\r\n\r\none\r\n--d\r\nContent-Type: text/plain\r\n\r\ntwo\r\n--d--\r\n`,
  ],
  [
    'broken base64 with padding inside',
    `${REPORT_HEAD}Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\nVXNlcg==IHVu\r\n%%a25v!d24=\r\nQ\r\n`,
  ],
  [
    'quoted-printable with soft breaks and bad escapes',
    `${REPORT_HEAD}Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: Quoted-Printable\r\n\r\nCaf=C3=A9 =\r\nsoft=\r\n =ZZ =4\r\n=3D=\r\n=E3=81\r\n`,
  ],
  [
    'format=flowed with delsp',
    `${REPORT_HEAD}Content-Type: text/plain; format=flowed; delsp=yes\r\n\r\n>quoted \r\n line\r\n-- \r\nsig \r\n stuffed\r\n`,
  ],
  [
    'charset labels: aliases, code pages, unknown',
    `${REPORT_HEAD}Content-Type: multipart/mixed; boundary=c\r\n\r\n--c\r\nContent-Type: text/plain; charset=x-sjis\r\n\r\nabc\r\n--c\r\nContent-Type: text/plain; charset=windows-932\r\n\r\ndef\r\n--c\r\nContent-Type: text/plain; charset=x-klingon\r\n\r\nghi\r\n--c\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\n\r\n\x1b$B%a\x1b(B\r\n--c--\r\n`,
  ],
  [
    'latin-1 bytes in headers and body',
    latin1(
      `${REPORT_HEAD}X-Note: caf\xe9\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\nCaf\xe9 \xff\r\n`,
    ),
  ],
  [
    'CR and LF bytes inside UTF-16, ISO-2022-JP and cut Shift_JIS/UTF-8 text',
    latin1(
      `${REPORT_HEAD}Content-Type: multipart/mixed; boundary=u\r\n\r\n--u\r\nContent-Type: text/plain; charset=utf-16le\r\n\r\n\x0d\x0a\x0a\x0d\x41\x00\r\n\r\n--u\r\nContent-Type: text/plain; charset=iso-2022-jp\r\n\r\n\x1b$B%a\r\n%a\x1b(B\r\r\n--u\r\nContent-Type: text/plain; charset=shift_jis\r\n\r\nab\x82\r\n\x82\r\r\n--u\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.1.1 \xe3\x81\r\n\xef\xbb\r\n\xc3\r--u--\r\n`,
    ),
  ],
  [
    'a text part cut off after a CR at the end of the input',
    latin1(`${REPORT_HEAD}Content-Type: text/plain; charset=utf-8\r\n\r\nUser unknown \xc3\r\r`),
  ],
  [
    'a text/calendar part and a text/plain attachment',
    `${REPORT_HEAD}Content-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\nContent-Type: text/plain\r\n\r\nbody\r\n--m\r\nContent-Type: text/calendar; charset=iso-8859-1; method=request\r\n\r\nBEGIN:VCALENDAR\r\n\r\n\r\n--m\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=x.txt\r\n\r\nattached text\r\n--m--\r\n`,
  ],
  [
    'repeated Content-* headers (the first wins)',
    `${REPORT_HEAD}Content-Type: text/html\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: 7bit\r\nContent-Transfer-Encoding: base64\r\n\r\n<p>User unknown</p>\r\n`,
  ],
  [
    'text/plain beside text/html outside an alternative (left to postal-mime)',
    `${REPORT_HEAD}Content-Type: multipart/mixed; boundary=m\r\n\r\n--m\r\nContent-Type: text/plain\r\n\r\nplain\r\n--m\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n--m--\r\n`,
  ],
  [
    'an alternative beside a delivery-status',
    `${REPORT_HEAD}Content-Type: multipart/report; boundary=r\r\n\r\n--r\r\nContent-Type: multipart/alternative; boundary=alt\r\n\r\n--alt\r\nContent-Type: text/plain\r\n\r\nplain\r\n--alt\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n--alt--\r\n--r\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.1.1\r\n--r--\r\n`,
  ],
  ['an HTML-only message', `${REPORT_HEAD}Content-Type: text/html\r\n\r\n<p>User&nbsp;unknown</p>`],
  ['an empty message', ''],
  ['headers only', 'Subject: x\r\nFrom: y@example.org'],
  ['a body without headers', '\r\nUser unknown\r\n'],
  ['a byte-order mark first', '\ufeffSubject: bom\r\n\r\nbody\r\n'],
  [
    'a multipart without boundary, and one without subtype',
    `${REPORT_HEAD}Content-Type: multipart/mixed\r\n\r\n--x\r\nbody\r\n`,
  ],
  [
    'a multipart without subtype',
    `${REPORT_HEAD}Content-Type: multipart/; boundary=b\r\n\r\n--b\r\n\r\nx\r\n--b--\r\n`,
  ],
  ['doubled CRs before line ends', `Subject: cr\r\r\nFrom: a@example.org\r\r\n\r\r\nline\r\r\n`],
  ['nesting at the depth limit', nested(63)],
  ['nesting past the depth limit', nested(70)],
  [
    'headers past the size limit',
    `X-Big: ${'a'.repeat(2 * 1024 * 1024 + 10)}\r\nSubject: big\r\n\r\nbody\r\n`,
  ],
];
