import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { captureShadowRoots } from './shadow-root-capture.js';

/** Flags that keep Chromium from talking to anything but the pages we open. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Containers give /dev/shm 64 MB by default, too little for large pages.
  '--disable-dev-shm-usage',
];

export interface BrowserOptions {
  executablePath: string;
  userAgent?: string;
  viewport: { width: number; height: number };
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  userAgent: string;
}

export const AGENT_TOKEN = 'MyMeetScraper';

/** Launches the system Chromium (never a downloaded one) with one context prepared for extraction. */
export async function launchBrowser(options: BrowserOptions): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: options.executablePath,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const userAgent = options.userAgent ?? defaultUserAgent(browser.version());
    const context = await browser.newContext({
      userAgent,
      viewport: options.viewport,
      serviceWorkers: 'block',
      acceptDownloads: false,
      locale: 'en-US',
    });
    await context.addInitScript(captureShadowRoots);
    return { browser, context, userAgent };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** A desktop Chrome UA that still names us, so robots.txt groups and server logs can tell who we are. */
function defaultUserAgent(version: string): string {
  const major = version.split('.')[0];
  return `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36 ${AGENT_TOKEN}/0.1`;
}
