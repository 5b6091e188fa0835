const MAX_DISPLAY_LENGTH = 200;
const MAX_KEY_NAME_LENGTH = 100;

/**
 * The name shown to users: the last path segment, NFC, without control or bidi-override
 * characters, trimmed and bounded. Empty when nothing printable is left.
 */
export function toDisplayFileName(raw: string): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? '';
  const printable = lastSegment
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return truncateKeepingExtension(printable, MAX_DISPLAY_LENGTH);
}

/** An ASCII-only name safe in an object key and a URL path; never empty, extension kept. */
export function toKeyFileName(displayName: string): string {
  const ascii = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/_+/g, '_')
      .replace(/^[._]+|[._]+$/g, '');
  const dot = displayName.lastIndexOf('.');
  const extension = dot > 0 ? ascii(displayName.slice(dot + 1)).slice(0, 10) : '';
  const base = ascii(dot > 0 ? displayName.slice(0, dot) : displayName) || 'media';
  return truncateKeepingExtension(extension ? `${base}.${extension}` : base, MAX_KEY_NAME_LENGTH);
}

function truncateKeepingExtension(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return chars.slice(0, max - extension.length).join('') + extension;
}
