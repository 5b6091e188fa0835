import assert from 'node:assert/strict';
import type { AuthenticatedUser } from '@mymeet/auth';
import { MeetingAccessEntity } from './meeting-access.entity.js';
import { MeetingAccessError } from './meeting-access.error.js';
import type { MeetingAccessRepository } from './meeting-access.repository.js';
import { MeetingAccessService } from './meeting-access.service.js';

const MEETING = '7d3f1a52-3c1e-4a8e-9a3b-2b1f4a6c9d01';
const alice: AuthenticatedUser = { sub: 'alice', email: 'alice@example.com', roles: [] };
const bob: AuthenticatedUser = { sub: 'bob', email: 'bob@example.com', roles: [] };
const eve: AuthenticatedUser = { sub: 'eve', email: 'eve@example.com', roles: [] };

class FakeMeetings {
  rows = new Map<string, MeetingAccessEntity>();
  lookups = 0;
  async findByMeetingId(id: string) {
    this.lookups++;
    return this.rows.get(id) ?? null;
  }
  async findByMeetingIds(ids: readonly string[]) {
    return ids.flatMap((id) => (this.rows.has(id) ? [this.rows.get(id)!] : []));
  }
  add(row: Partial<MeetingAccessEntity>) {
    this.rows.set(MEETING, Object.assign(new MeetingAccessEntity(), { meetingId: MEETING, ...row }));
  }
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof MeetingAccessError);
    return error.publicCode;
  }
  return 'OK';
}

describe('MeetingAccessService', () => {
  let meetings: FakeMeetings;
  let access: MeetingAccessService;

  beforeEach(() => {
    meetings = new FakeMeetings();
    access = new MeetingAccessService(meetings as unknown as MeetingAccessRepository, {
      timeoutMs: 300,
      pollMs: 20,
    });
  });

  it('lets the owner add media, tells participants FORBIDDEN and everyone else NOT_FOUND', async () => {
    meetings.add({ ownerId: 'alice', participantEmails: ['bob@example.com'] });
    assert.equal(await codeOf(access.requireModifiable(alice, MEETING)), 'OK');
    assert.equal(await codeOf(access.requireModifiable(bob, MEETING)), 'FORBIDDEN');
    assert.equal(await codeOf(access.requireModifiable(eve, MEETING)), 'NOT_FOUND');
  });

  it('treats a deleted meeting as missing', async () => {
    meetings.add({ ownerId: 'alice', participantEmails: [], deleted: true });
    assert.equal(await codeOf(access.requireModifiable(alice, MEETING)), 'NOT_FOUND');
    assert.equal((await access.visibleMeetings(alice, [MEETING])).size, 0);
  });

  it('waits for a meeting whose event has not arrived yet, then gives up', async () => {
    setTimeout(() => meetings.add({ ownerId: 'alice', participantEmails: [] }), 100);
    assert.equal(await codeOf(access.requireModifiable(alice, MEETING)), 'OK');
    meetings.rows.clear();
    const started = Date.now();
    assert.equal(await codeOf(access.requireModifiable(alice, MEETING)), 'NOT_FOUND');
    assert.ok(Date.now() - started >= 300);
  });

  it('does not wait for ids that cannot be meetings', async () => {
    assert.equal(await codeOf(access.requireModifiable(alice, 'not-a-uuid')), 'NOT_FOUND');
    assert.equal(meetings.lookups, 0);
  });
});
