import assert from 'node:assert/strict';
import { isPathAllowed, robotsPolicyFor } from '../src/fetch/robots.js';

const ROBOTS = `
# comment
User-agent: Googlebot
Disallow: /

User-agent: MyMeetScraper
User-agent: OtherBot
Disallow: /private/
Allow: /private/open/
Disallow: /*.pdf$
Disallow: /search?
Crawl-delay: 2

User-agent: *
Disallow: /everyone-keep-out
Disallow:
`;

describe('robots.txt', () => {
  const ours = robotsPolicyFor(ROBOTS, 'MyMeetScraper');
  const allowed = (path: string) => isPathAllowed(ours, path);

  it('uses the group naming our agent, case-insensitively, with its crawl delay', () => {
    assert.equal(robotsPolicyFor(ROBOTS, 'mymeetscraper').rules.length, 4);
    assert.equal(ours.crawlDelay, 2);
    assert.ok(allowed('/everyone-keep-out'), 'the * group does not apply when a specific one does');
  });

  it('applies the longest match, allow winning ties, with * and $ wildcards', () => {
    assert.ok(!allowed('/private/x.png'));
    assert.ok(allowed('/private/open/x.png'));
    assert.ok(!allowed('/docs/file.pdf'));
    assert.ok(allowed('/docs/file.pdf?download=1'));
    assert.ok(!allowed('/search?q=1'));
    assert.ok(allowed('/search'));
    assert.ok(allowed('/'));
    assert.ok(
      isPathAllowed(
        {
          rules: [
            { allow: false, pattern: '/a' },
            { allow: true, pattern: '/a' },
          ],
        },
        '/a',
      ),
    );
  });

  it('falls back to the * group, ignoring empty Disallow lines', () => {
    const others = robotsPolicyFor(ROBOTS, 'SomeoneElse');
    assert.ok(!isPathAllowed(others, '/everyone-keep-out/page'));
    assert.ok(isPathAllowed(others, '/private/x'));
    assert.equal(others.crawlDelay, undefined);
  });

  it('allows everything when nothing applies, and always allows /robots.txt', () => {
    assert.ok(isPathAllowed(robotsPolicyFor('', 'MyMeetScraper'), '/anything'));
    assert.ok(isPathAllowed(robotsPolicyFor('User-agent: *\nDisallow: /', 'MyMeetScraper'), '/robots.txt'));
    assert.ok(!isPathAllowed(robotsPolicyFor('User-agent: *\nDisallow: /', 'MyMeetScraper'), '/index.html'));
  });

  it('matches percent-encoded and raw paths alike', () => {
    const policy = robotsPolicyFor('User-agent: *\nDisallow: /café', 'x');
    assert.ok(!isPathAllowed(policy, '/caf%C3%A9/menu'));
  });
});
