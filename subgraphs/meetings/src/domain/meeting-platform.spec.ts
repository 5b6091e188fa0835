import assert from 'node:assert/strict';
import { MeetingPlatform, platformOf } from './meeting-platform.js';

describe('platformOf', () => {
  const cases: Array<[string | null, MeetingPlatform]> = [
    ['https://us02web.zoom.us/j/85012345678?pwd=abc', MeetingPlatform.ZOOM],
    ['https://zoom.us/j/123', MeetingPlatform.ZOOM],
    ['https://company.zoomgov.com/j/1', MeetingPlatform.ZOOM],
    ['https://teams.microsoft.com/l/meetup-join/19%3ameeting', MeetingPlatform.TEAMS],
    ['https://teams.live.com/meet/9381', MeetingPlatform.TEAMS],
    ['https://meet.google.com/abc-defg-hij', MeetingPlatform.GOOGLE_MEET],
    ['https://zoom.us.evil.example/j/1', MeetingPlatform.OTHER],
    ['https://notzoom.us/j/1', MeetingPlatform.OTHER],
    ['https://meet.jit.si/room', MeetingPlatform.OTHER],
    [null, MeetingPlatform.UPLOAD],
  ];
  for (const [url, platform] of cases) {
    it(`${url ?? 'no link'} → ${platform}`, () => assert.equal(platformOf(url), platform));
  }
});
