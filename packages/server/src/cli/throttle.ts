/** `sendwell throttle` (not built yet). */
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('sendwell throttle: not implemented yet\n');
  return 2;
}
