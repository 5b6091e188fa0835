import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { imageDimensions } from '../src/images/image-dimensions.js';
import { sniffImageType } from '../src/images/sniff-image-type.js';
import { svgDimensions } from '../src/images/svg-dimensions.js';
import { SITE_DIR } from './support/fixture-server.js';

const fixture = (file: string) => readFile(join(SITE_DIR, file));
const text = (s: string) => Buffer.from(s, 'utf8');

describe('sniffImageType', () => {
  const cases: Array<[string, string, number, number]> = [
    ['img/plain.png', 'png', 40, 30],
    ['img/large.jpg', 'jpeg', 120, 80],
    ['img/native-lazy.gif', 'gif', 20, 20],
    ['img/photo.webp', 'webp', 64, 48],
    ['img/lazy.webp', 'webp', 50, 50],
    ['img/photo.avif', 'avif', 64, 48],
    ['img/never.bmp', 'bmp', 10, 8],
    ['favicon.ico', 'ico', 16, 16],
    ['img/logo.svg', 'svg', 120, 40],
    ['img/diagram.svg', 'svg', 300, 150],
  ];
  for (const [file, type, width, height] of cases) {
    it(`reads ${file} as ${type} ${width}x${height} from its bytes`, async () => {
      const bytes = await fixture(file);
      assert.equal(sniffImageType(bytes), type);
      assert.deepEqual(imageDimensions(bytes, sniffImageType(bytes)!), { width, height });
    });
  }

  it('trusts bytes over names: fake.jpg holds a PNG', async () => {
    assert.equal(sniffImageType(await fixture('img/fake.jpg')), 'png');
  });

  it('recognises SVG behind a BOM, XML declaration, comments and a doctype', () => {
    const svg =
      '\uFEFF<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd" [ <!ENTITY a "b"> ]>\n<svg viewBox="0 0 4 2"/>';
    assert.equal(sniffImageType(text(svg)), 'svg');
    assert.deepEqual(svgDimensions(svg), { width: 4, height: 2 });
  });

  it('rejects HTML, text, empty and truncated input', () => {
    assert.equal(sniffImageType(text('<!doctype html><html><body><svg></svg></body></html>')), null);
    assert.equal(sniffImageType(text('just text')), null);
    assert.equal(sniffImageType(Buffer.alloc(0)), null);
    assert.equal(sniffImageType(Buffer.from([0xff, 0xd8])), null);
    assert.equal(
      sniffImageType(Buffer.from([0, 0, 1, 0, 1, 0])),
      null,
      'an icon directory with no room for its entry',
    );
  });

  it('tells AVIF from other ISO media by its brands', () => {
    const ftyp = (major: string, ...compatible: string[]) => {
      const body = Buffer.from(major + '\0\0\0\0' + compatible.join(''), 'latin1');
      const size = Buffer.alloc(4);
      size.writeUInt32BE(8 + body.length);
      return Buffer.concat([size, Buffer.from('ftyp'), body]);
    };
    assert.equal(sniffImageType(ftyp('mif1', 'mif1', 'avif')), 'avif');
    assert.equal(sniffImageType(ftyp('isom', 'isom', 'mp41')), null);
  });
});

describe('imageDimensions', () => {
  it('returns null instead of throwing on a truncated header', async () => {
    const jpeg = (await fixture('img/large.jpg')).subarray(0, 30);
    assert.equal(imageDimensions(jpeg, 'jpeg'), null);
    assert.equal(imageDimensions(Buffer.from('RIFF'), 'webp'), null);
  });

  it('reads SVG sizes in px or unitless, falling back to the viewBox', () => {
    assert.deepEqual(svgDimensions('<svg width="10px" height="20" viewBox="0 0 1 1">'), {
      width: 10,
      height: 20,
    });
    assert.deepEqual(svgDimensions('<svg width="100%" viewBox="0,0,30.4,40">'), { width: 30, height: 40 });
    assert.equal(svgDimensions('<svg width="2em">'), null);
  });
});
