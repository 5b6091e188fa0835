import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtDeployables } from './deployables.js';

describe('builtDeployables', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'deployables-'));
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ workspaces: ['packages/*', 'services/*', 'gateway'] }),
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function workspace(folder: string, deployable?: object, built = true) {
    mkdirSync(join(root, folder, 'dist/src'), { recursive: true });
    writeFileSync(
      join(root, folder, 'package.json'),
      JSON.stringify(deployable ? { mymeet: { deployable } } : {}),
    );
    if (built) writeFileSync(join(root, folder, 'dist/src/main.js'), '');
  }

  it('finds the built deployables the workspaces declare, in start order, gateway last', () => {
    workspace('gateway', {
      name: 'gateway',
      entry: 'dist/src/main.js',
      port: 4000,
      portVariable: 'GATEWAY_PORT',
      startOrder: 100,
    });
    workspace('services/b', {
      name: 'b',
      entry: 'dist/src/main.js',
      port: 4002,
      portVariable: 'B_PORT',
      startOrder: 20,
    });
    workspace('services/a', {
      name: 'a',
      entry: 'dist/src/main.js',
      port: 4001,
      portVariable: 'A_PORT',
      startOrder: 10,
    });
    workspace(
      'services/unbuilt',
      { name: 'unbuilt', entry: 'dist/src/main.js', port: 4003, portVariable: 'U_PORT', startOrder: 5 },
      false,
    );
    workspace('packages/library');
    assert.deepEqual(
      builtDeployables(root).map((d) => [d.name, d.entry, d.port]),
      [
        ['a', 'services/a/dist/src/main.js', 4001],
        ['b', 'services/b/dist/src/main.js', 4002],
        ['gateway', 'gateway/dist/src/main.js', 4000],
      ],
    );
  });
});
