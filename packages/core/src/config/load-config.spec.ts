import assert from 'node:assert/strict';
import { z } from 'zod';
import { envFields } from './env-fields.js';
import { ConfigError, loadConfig } from './load-config.js';

describe('loadConfig', () => {
  const schema = z.object({
    PORT: envFields.port(4000),
    DATABASE_URL: envFields.url(['postgres']),
    JWT_SECRET: envFields.secret(),
    DEBUG: envFields.boolean(false),
  });

  it('applies defaults and coerces values', () => {
    const config = loadConfig(schema, {
      DATABASE_URL: 'postgres://db/x',
      JWT_SECRET: 'x'.repeat(32),
      DEBUG: '1',
    });
    assert.deepEqual(config, {
      PORT: 4000,
      DATABASE_URL: 'postgres://db/x',
      JWT_SECRET: 'x'.repeat(32),
      DEBUG: true,
    });
  });

  it('names every bad variable in one error and never prints a secret', () => {
    let error: unknown;
    try {
      loadConfig(schema, { PORT: 'eighty', DATABASE_URL: 'mysql://db', JWT_SECRET: 'short-secret' });
    } catch (caught) {
      error = caught;
    }
    assert.ok(error instanceof ConfigError);
    assert.equal(error.problems.length, 3);
    assert.match(error.message, /PORT: .*"eighty"/);
    assert.match(error.message, /DATABASE_URL: must be a postgres URL/);
    assert.match(error.message, /JWT_SECRET: must be at least 32 characters \(got "\*\*\*"\)/);
    assert.doesNotMatch(error.message, /short-secret/);
  });
});

describe('loadConfig with blank variables', () => {
  it('treats an empty variable as unset, so its default applies', () => {
    const schema = z.object({ PORT: envFields.port(4000), TOKEN: z.string().min(3).optional() });
    assert.deepEqual(loadConfig(schema, { PORT: '', TOKEN: '' }), { PORT: 4000 });
  });
});
