#!/usr/bin/env node
/**
 * The `sendwell` CLI: `pnpm sendwell <command>`. Each command group lives in its own module and
 * exports `run(args): Promise<number>` (the exit code). Contracts: shared/design/architecture.md.
 */
import { setFlagsFromString } from 'node:v8';

type CommandModule = { run(args: string[]): Promise<number> };

const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  start: () => import('./start'),
  sandbox: () => import('./sandbox'),
  bounces: async () => {
    fastRegexpsForShortRuns();
    return (await import('./bouncesEngine')).loadBounces({ saveOnExit: true });
  },
  throttle: () => import('./throttle'),
  manifests: () => import('./manifests'),
  doctor: () => import('./doctor'),
  secrets: () => import('./secrets'),
  backup: () => import('./backup'),
  restore: async () => ({ run: (await import('./backup')).runRestore }),
};

const USAGE = `usage: sendwell <command>

  start [--port N] [--data-dir DIR] [--database-url URL]
  sandbox users --json [--data-dir DIR]
  sandbox serve --port N --app-base-url URL [--env]
  bounces parse [--json] <file|dir>...
  throttle profiles --json
  throttle simulate --profile ID --messages N [--recipients K] [--external-share R] [--batch B --every S] --json
  manifests build --base-url URL --out DIR
  manifests check DIR
  doctor [--json] [--data-dir DIR] [--database-url URL] [--manifests DIR]
  secrets rotate|status [--data-dir DIR] [--database-url URL]
  backup --out FILE [--data-dir DIR]
  restore FILE [--data-dir DIR] [--force]
`;

/**
 * A `bounces parse` run executes hundreds of large phrase patterns a few hundred times each. V8 first
 * interprets a pattern and compiles it to machine code only once it runs often; for a run this short
 * compiling at once is cheaper (about 10% of the corpus run, measured with \`pnpm bench:cli\`).
 */
function fastRegexpsForShortRuns(): void {
  setFlagsFromString('--no-regexp-tier-up');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? COMMANDS[name] : undefined;
  if (!load) {
    process.stderr.write(
      name && name !== 'help' && name !== '--help' ? `unknown command: ${name}\n${USAGE}` : USAGE,
    );
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  // The servers' logged stack traces should name TypeScript lines (about 0.1 s of a start-up that
  // takes seconds); the one-shot commands start faster without.
  if (name === 'start' || name === 'sandbox') process.setSourceMapsEnabled(true);
  const command = await load();
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sendwell: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
