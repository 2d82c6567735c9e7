import type { Decoder } from '../contract';
import { Exim } from './exim';
import { Qmail } from './qmail';

/** MTA/provider text-format decoders, tried in order, most specific first. */
export const LHOST_DECODERS: Decoder[] = [Exim, Qmail];
