import assert from 'node:assert/strict';
import { People } from './people.js';

describe('the people a meeting knows', () => {
  const people = People.of(
    [
      { email: 'carol.jones@example.com', name: null },
      { email: 'boris+meetings@example.com', name: null },
      { email: 'dmitry@example.com', name: null },
      { email: 'x1@example.com', name: 'Анна Смирнова' },
    ],
    ['S1', 'Speaker 2', 'Dave'],
  );

  it('names participants by their names or e-mail local parts and speakers by their names, not voice labels', () => {
    assert.equal(people.known('carol'), 'Carol Jones');
    assert.equal(people.known('JONES'), 'Carol Jones');
    assert.equal(people.known('dave'), 'Dave');
    assert.equal(people.known('анна'), 'Анна Смирнова');
    assert.equal(people.known('s1'), null);
    assert.equal(people.known('speaker'), null);
    assert.ok(people.continues('carol', 'jones'));
  });

  it('matches a name said in Cyrillic to a Latin address, shown as said', () => {
    assert.equal(people.known('борис'), 'Борис');
    assert.equal(people.known('дмитрий'), 'Дмитрий');
    assert.equal(people.known('ellis'), null);
  });

  it('counts common first names as names when nobody is listed', () => {
    const nobody = People.of();
    assert.ok(nobody.isName('alice') && nobody.isName('вера'));
    assert.ok(!nobody.isName('table') && !nobody.isName('will'));
    assert.equal(nobody.display('bob'), 'Bob');
  });
});
