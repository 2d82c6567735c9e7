import { describe, expect, it } from 'vitest';
import { KeyedTurns } from './mailboxTurns';

/** A piece of work the test finishes by hand, recording when it started. */
function held(log: string[], name: string) {
  let finish!: (ok: boolean) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = (ok) => (ok ? resolve() : reject(new Error(`${name} failed`)));
  });
  const work = async () => {
    log.push(`start ${name}`);
    await done;
    log.push(`end ${name}`);
    return name;
  };
  return { work, finish };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('KeyedTurns', () => {
  it('runs work for one key one at a time in arrival order, and other keys alongside', async () => {
    const turns = new KeyedTurns();
    const log: string[] = [];
    const a1 = held(log, 'a1');
    const a2 = held(log, 'a2');
    const b1 = held(log, 'b1');
    const results = [turns.run('a', a1.work), turns.run('a', a2.work), turns.run('b', b1.work)];
    await tick();
    expect(log).toEqual(['start a1', 'start b1']);
    a1.finish(true);
    await tick();
    expect(log).toEqual(['start a1', 'start b1', 'end a1', 'start a2']);
    a2.finish(true);
    b1.finish(true);
    expect(await Promise.all(results)).toEqual(['a1', 'a2', 'b1']);
    await tick();
    expect(turns.size).toBe(0);
  });

  it('passes the turn on when work fails, and the failure reaches only its own caller', async () => {
    const turns = new KeyedTurns();
    const log: string[] = [];
    const first = held(log, 'first');
    const second = held(log, 'second');
    const failing = turns.run('a', first.work);
    const next = turns.run('a', second.work);
    first.finish(false);
    await expect(failing).rejects.toThrow('first failed');
    await tick();
    second.finish(true);
    expect(await next).toBe('second');
  });
});
