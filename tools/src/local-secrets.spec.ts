import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localSecretsFile, readLocalSecrets } from '@mymeet/auth';
import { ensureLocalSecrets } from './local-secrets.js';

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe('local secrets file', () => {
  let root: string;
  let previousUmask: number;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'local-secrets-'));
    previousUmask = process.umask(0o000); // the loosest umask: the mode must not depend on it
  });
  afterEach(() => {
    process.umask(previousUmask);
    rmSync(root, { recursive: true, force: true });
  });

  it('is created with mode 0600', () => {
    const secrets = ensureLocalSecrets(root, {});
    assert.equal(modeOf(localSecretsFile(root)), 0o600);
    assert.equal(readLocalSecrets(root).JWT_SECRET, secrets.JWT_SECRET);
  });

  it('is rewritten with mode 0600 when it existed with a wider one', () => {
    const file = localSecretsFile(root);
    mkdirSync(join(root, '.data'));
    writeFileSync(file, 'JWT_SECRET=kept\n', { mode: 0o644 });
    chmodSync(file, 0o644);
    const secrets = ensureLocalSecrets(root, {}); // INTERNAL_SECRET is missing: a write
    assert.equal(secrets.JWT_SECRET, 'kept');
    assert.match(readFileSync(file, 'utf8'), /INTERNAL_SECRET=/);
    assert.equal(modeOf(file), 0o600);
  });

  it('narrows an existing wider file even when nothing needs writing', () => {
    const file = localSecretsFile(root);
    mkdirSync(join(root, '.data'));
    writeFileSync(file, 'JWT_SECRET=a\nINTERNAL_SECRET=b\n');
    chmodSync(file, 0o666);
    assert.deepEqual(ensureLocalSecrets(root, {}), { JWT_SECRET: 'a', INTERNAL_SECRET: 'b' });
    assert.equal(modeOf(file), 0o600);
  });
});
