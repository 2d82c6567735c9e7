/** `sendwell bounces` (not built yet). */
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('sendwell bounces: not implemented yet\n');
  return 2;
}
