export interface Progress {
  info(message: string): void;
  warn(message: string): void;
}

/** Timestamped progress lines on stderr, keeping stdout for the summary. */
export function consoleProgress(stream: NodeJS.WritableStream = process.stderr): Progress {
  const started = Date.now();
  const line = (mark: string, message: string) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
    stream.write(`[${seconds}s] ${mark}${message}\n`);
  };
  return { info: (message) => line('', message), warn: (message) => line('! ', message) };
}

export const silentProgress: Progress = { info: () => undefined, warn: () => undefined };

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
