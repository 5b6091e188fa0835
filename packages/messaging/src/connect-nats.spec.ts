import assert from 'node:assert/strict';
import { natsServers } from './connect-nats.js';

describe('NATS server URLs', () => {
  it('passes credentials written in the URL as user and password', () => {
    assert.deepEqual(natsServers('nats://media:p%40ss@nats:4222'), {
      servers: ['nats://nats:4222'],
      user: 'media',
      pass: 'p@ss',
    });
    assert.deepEqual(natsServers('nats://127.0.0.1:4222,nats://127.0.0.1:4223'), {
      servers: ['nats://127.0.0.1:4222', 'nats://127.0.0.1:4223'],
    });
  });
});
