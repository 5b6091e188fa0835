import { relative } from 'node:path';
import { ConfigError, parseConfig } from './config.js';
import { readEnvironment } from './env-files.js';
import { consoleProgress, formatBytes } from './progress.js';
import { PageLoadError } from './scrape/page-scraper.js';
import { runScrape, type ScrapeSummary } from './scrape/run-scrape.js';

const EXIT_FAILED = 1;
const EXIT_BAD_CONFIG = 2;

function printSummary(summary: ScrapeSummary): void {
  const show = (path: string) => {
    const near = relative(process.cwd(), path);
    return near.startsWith('..') ? path : near || '.';
  };
  const lines = [
    'Scrape finished',
    `  pages:    ${summary.pages.length} (${summary.pages.map((p) => p.file).join(', ')})`,
    `  images:   ${summary.images} saved, ${formatBytes(summary.bytes)}, ${summary.duplicates} duplicate references merged`,
    `  failures: ${summary.failures.length}${summary.skipped > 0 ? `, ${summary.skipped} references over MAX_IMAGES skipped` : ''}`,
    `  time:     ${(summary.durationMs / 1000).toFixed(1)}s`,
    `  output:   ${show(summary.outputDir)} (manifest: ${show(summary.manifestPath)})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<number> {
  let config;
  try {
    config = parseConfig(readEnvironment());
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_BAD_CONFIG;
  }
  const progress = consoleProgress();
  progress.info(`scraping ${config.BASE_URL} into ${config.OUTPUT_DIR}`);
  try {
    printSummary(await runScrape(config, progress));
    return 0;
  } catch (error) {
    if (error instanceof PageLoadError) process.stderr.write(`scrape failed: ${error.message}\n`);
    else if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    else
      process.stderr.write(
        `scrape failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    return EXIT_FAILED;
  }
}

process.exitCode = await main();
