import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchBrowser, type BrowserSession } from '../src/browser/launch-browser.js';
import { assembleText } from '../src/extract/text-assembly.js';
import { visibleTextPass, type TextPassMode } from '../src/extract/visible-text.js';

describe('visible text extraction (in Chromium)', function () {
  this.timeout(60_000);
  let session: BrowserSession;
  let page: Page;

  before(async () => {
    session = await launchBrowser({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      viewport: { width: 1200, height: 800 },
    });
    page = await session.context.newPage();
  });
  after(() => session?.browser.close());

  const textOf = async (html: string, marks: Array<() => Promise<void>> = []) => {
    await page.setContent(html);
    for (const step of marks) {
      await step();
      await page.evaluate(visibleTextPass, 'mark' as TextPassMode);
    }
    return assembleText(await page.evaluate(visibleTextPass, 'extract' as TextPassMode));
  };

  it('keeps inline runs together and breaks lines at blocks and <br>', async () => {
    const text = await textOf(
      '<div>Sp<b>li</b><span style="display:inline-block">t</span> word</div><p>one<br>two</p><ul><li>a</li><li>b</li></ul>',
    );
    assert.equal(text, 'Split word\none\ntwo\na\nb\n');
  });

  it('keeps line breaks of preformatted text', async () => {
    assert.equal(await textOf('<pre>x = 1\ny = 2</pre>'), 'x = 1\ny = 2\n');
  });

  it('shows what a person sees of controls and pseudo-elements', async () => {
    const html = `<style>.b::after{content:" \\2192"} .i::before{content:"\\e900"}</style>
      <button class="b">Go</button><span class="i"></span><input placeholder="Your email"><select><option>One</option><option selected>Two</option></select><input type="hidden" value="secret">`;
    assert.equal(await textOf(html), 'Go \u2192 Your email Two\n');
  });

  it('skips closed <details> bodies, off-screen and visually-hidden elements, but not visible children of hidden parents', async () => {
    const html = `<details><summary>Summary</summary>Body text</details>
      <div style="position:absolute;left:-9999px">Skip link</div>
      <div style="visibility:hidden">Hidden <span style="visibility:visible">but this shows</span></div>
      <video>Fallback for old browsers</video><canvas>Canvas fallback</canvas>`;
    assert.equal(await textOf(html), 'Summary\nbut this shows\n');
  });

  it('includes text that was visible at some scroll step even if hidden now', async () => {
    const html = '<p id="t">Seen while in view</p>';
    const hide = () => page.evaluate(() => void (document.getElementById('t')!.style.opacity = '0'));
    assert.equal(await textOf(html, [async () => undefined]), 'Seen while in view\n');
    await hide();
    assert.equal(
      assembleText(await page.evaluate(visibleTextPass, 'extract' as TextPassMode)),
      'Seen while in view\n',
    );
    assert.equal(await textOf(html, [hide]), '', 'never seen, never kept');
  });
});
