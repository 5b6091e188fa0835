export interface DecodedDataUrl {
  mediaType: string;
  bytes: Buffer;
}

/** Decodes a `data:` URL into bytes; returns null when it is malformed. */
export function decodeDataUrl(url: string): DecodedDataUrl | null {
  const match = /^data:([^,]*?)(;base64)?,(.*)$/is.exec(url.trim());
  if (!match) return null;
  const mediaType = (match[1] || 'text/plain').trim().toLowerCase();
  const payload = match[3] ?? '';
  if (match[2]) return { mediaType, bytes: Buffer.from(decodePercent(payload).toString('latin1'), 'base64') };
  return { mediaType, bytes: decodePercent(payload) };
}

/** Percent-decodes to raw bytes (decodeURIComponent would reject non-UTF-8 sequences). */
function decodePercent(text: string): Buffer {
  const out: number[] = [];
  const utf8 = Buffer.from(text, 'utf8');
  for (let i = 0; i < utf8.length; i++) {
    const byte = utf8[i]!;
    const hex = byte === 0x25 ? utf8.subarray(i + 1, i + 3).toString('latin1') : '';
    if (/^[0-9a-f]{2}$/i.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(byte);
  }
  return Buffer.from(out);
}
