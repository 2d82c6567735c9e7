import type { Decoder } from '../contract';
import { DragonFly } from './dragonfly';
import { Exim } from './exim';
import { Gmail } from './gmail';
import { GoogleGroups } from './googlegroups';
import { Qmail } from './qmail';
import { Postfix } from "./postfix";

/** MTA/provider text-format decoders, tried in order, most specific first. */
export const LHOST_DECODERS: Decoder[] = [GoogleGroups, Gmail, DragonFly, Exim, Qmail, Postfix];
