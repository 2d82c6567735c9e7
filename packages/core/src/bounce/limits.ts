/**
 * Bounds that keep hostile input cheap. Every one is far above what a real bounce notice needs
 * (the largest corpus sample is well under 1 MB); see README.md for the reasoning.
 */

/** Bytes of raw input read at all. A bounce that matters says so in its first megabytes. */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;
/** MIME nesting the reader will follow; deeper trees fall back to a plain header/body read. */
export const MAX_MIME_DEPTH = 64;
/** Header bytes across all parts of one message (postal-mime's default); more is read as plain text. */
export const MAX_MIME_HEADER_BYTES = 2 * 1024 * 1024;
/** Characters kept of one header value (a 1 MB header line is cut here). */
export const MAX_HEADER_VALUE_CHARS = 16 * 1024;
/** Characters kept of one decoded part. Decoders scan text with regexes; this bounds their work. */
export const MAX_PART_CHARS = 512 * 1024;
/** Characters of the readable body the decoders and the classifier scan. */
export const MAX_BODY_CHARS = 1024 * 1024;
/** Recipients reported for one message. */
export const MAX_RECIPIENTS = 500;
/** Characters kept of one diagnostic. */
export const MAX_DIAGNOSTIC_CHARS = 2000;
/** Characters of the notice's readable text the classifier may look at when a diagnostic is terse. */
export const MAX_CONTEXT_CHARS = 2000;
