import type { Decoder } from '../contract';

/** MTA/provider text-format decoders, tried in order (filled by the decoders engineer). */
export const LHOST_DECODERS: Decoder[] = [];
