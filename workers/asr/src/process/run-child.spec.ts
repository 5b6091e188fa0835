import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { runChild } from './run-child.js';

const alive = (pattern: string) => {
  try {
    return execFileSync('pgrep', ['-f', pattern]).toString().trim() !== '';
  } catch {
    return false;
  }
};

describe('runChild', () => {
  it('reports the exit code and the stderr tail', async () => {
    const result = await runChild('sh', ['-c', 'echo oops >&2; exit 3']);
    assert.equal(result.exitCode, 3);
    assert.equal(result.aborted, false);
    assert.match(result.stderrTail, /oops/);
  });

  it('kills the command when the signal aborts', async () => {
    const seconds = `7${Math.floor(Math.random() * 1000)}.5`;
    const marker = `sleep ${seconds}`;
    const controller = new AbortController();
    const aborted = runChild('sleep', [`${seconds}1`], { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.ok(alive(`${marker}1`));
    controller.abort();
    const result = await aborted;
    assert.equal(result.aborted, true);
    assert.equal(alive(`${marker}1`), false);
  });
});
