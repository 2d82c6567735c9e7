export { isTrackableUrl, type RewriteOptions, rewriteLinks, withOpenPixel } from './links';
export {
  classifyClick,
  classifyOpen,
  type Hit,
  MACHINE_WHYS,
  type MachineWhy,
  type Verdict,
} from './machine';
