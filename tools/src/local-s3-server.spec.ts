import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalS3Server, type LocalS3Server } from './local-s3-server.js';

// s3rver checks no signatures, so plain unsigned requests exercise it here.
describe('local S3 server', () => {
  let server: LocalS3Server;
  let directory: string;

  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'local-s3-'));
    server = await startLocalS3Server({ directory });
    await fetch(`${server.endpoint}/bucket`, { method: 'PUT' });
  });

  after(async () => {
    await server.stop();
    await rm(directory, { recursive: true, force: true });
  });

  it('listens on loopback and stores objects', async () => {
    assert.match(server.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    const put = await fetch(`${server.endpoint}/bucket/a/b.txt`, { method: 'PUT', body: 'hello' });
    assert.equal(put.status, 200);
    const get = await fetch(`${server.endpoint}/bucket/a/b.txt`);
    assert.equal(await get.text(), 'hello');
  });

  it('lists, describes and aborts multipart uploads that s3rver alone cannot', async () => {
    const created = await fetch(`${server.endpoint}/bucket/m/big.bin?uploads`, { method: 'POST' });
    const uploadId = /<UploadId>([0-9a-f]+)<\/UploadId>/.exec(await created.text())?.[1];
    assert.ok(uploadId);
    const part = await fetch(`${server.endpoint}/bucket/m/big.bin?partNumber=1&uploadId=${uploadId}`, {
      method: 'PUT',
      body: 'part-one',
    });
    assert.equal(part.status, 200);

    const listed = await (await fetch(`${server.endpoint}/bucket?uploads&prefix=m/`)).text();
    assert.match(listed, new RegExp(`<Key>m/big.bin</Key><UploadId>${uploadId}</UploadId>`));
    const parts = await (await fetch(`${server.endpoint}/bucket/m/big.bin?uploadId=${uploadId}`)).text();
    assert.match(parts, /<PartNumber>1<\/PartNumber>.*<Size>8<\/Size>/);

    const aborted = await fetch(`${server.endpoint}/bucket/m/big.bin?uploadId=${uploadId}`, {
      method: 'DELETE',
    });
    assert.equal(aborted.status, 204);
    const after = await (await fetch(`${server.endpoint}/bucket?uploads`)).text();
    assert.doesNotMatch(after, /<Upload>/);
    const again = await fetch(`${server.endpoint}/bucket/m/big.bin?uploadId=${uploadId}`, {
      method: 'DELETE',
    });
    assert.equal(again.status, 404);
  });
});
