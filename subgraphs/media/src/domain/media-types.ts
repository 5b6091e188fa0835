/**
 * The media types the service accepts, each with the ffprobe demuxer names its bytes may show and
 * the file extensions it usually carries. One table drives upload policy, import and probing.
 */
export interface MediaTypeRule {
  contentType: string;
  family: 'audio' | 'video';
  /** Tokens of ffprobe's `format_name` (e.g. "mov,mp4,m4a,3gp,3g2,mj2") that this type may be. */
  containers: readonly string[];
  extensions: readonly string[];
}

const MP4 = ['mov', 'mp4', 'm4a', '3gp', '3g2'];
const MATROSKA = ['matroska', 'webm'];

const RULES: readonly MediaTypeRule[] = [
  { contentType: 'audio/mpeg', family: 'audio', containers: ['mp3'], extensions: ['mp3'] },
  { contentType: 'audio/mp4', family: 'audio', containers: MP4, extensions: ['m4a', 'mp4', 'aac'] },
  { contentType: 'audio/aac', family: 'audio', containers: ['aac'], extensions: ['aac'] },
  { contentType: 'audio/wav', family: 'audio', containers: ['wav'], extensions: ['wav'] },
  { contentType: 'audio/ogg', family: 'audio', containers: ['ogg'], extensions: ['ogg', 'oga', 'opus'] },
  { contentType: 'audio/webm', family: 'audio', containers: MATROSKA, extensions: ['weba', 'webm'] },
  { contentType: 'audio/flac', family: 'audio', containers: ['flac'], extensions: ['flac'] },
  { contentType: 'video/mp4', family: 'video', containers: MP4, extensions: ['mp4', 'm4v'] },
  { contentType: 'video/quicktime', family: 'video', containers: MP4, extensions: ['mov'] },
  { contentType: 'video/webm', family: 'video', containers: MATROSKA, extensions: ['webm'] },
  { contentType: 'video/x-matroska', family: 'video', containers: MATROSKA, extensions: ['mkv'] },
  { contentType: 'video/ogg', family: 'video', containers: ['ogg'], extensions: ['ogv'] },
];

// Names browsers and servers send for the same thing.
const ALIASES: Readonly<Record<string, string>> = {
  'audio/mp3': 'audio/mpeg',
  'audio/mpeg3': 'audio/mpeg',
  'audio/x-mpeg': 'audio/mpeg',
  'audio/x-m4a': 'audio/mp4',
  'audio/m4a': 'audio/mp4',
  'audio/x-aac': 'audio/aac',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'audio/opus': 'audio/ogg',
  'audio/x-flac': 'audio/flac',
  'video/x-m4v': 'video/mp4',
  'video/mkv': 'video/x-matroska',
};

/** Every demuxer the probe may use: nothing else (no playlists, no concat, no text) is opened. */
export const ALLOWED_CONTAINERS: readonly string[] = [...new Set(RULES.flatMap((r) => r.containers))];

/** The rule for a content type (parameters such as `; codecs=opus` ignored), or undefined. */
export function findMediaType(contentType: string): MediaTypeRule | undefined {
  const bare = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const canonical = ALIASES[bare] ?? bare;
  return RULES.find((r) => r.contentType === canonical);
}

/** The rule a file extension suggests, for servers that send `application/octet-stream`. */
export function findMediaTypeByExtension(fileName: string): MediaTypeRule | undefined {
  const extension = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension ? RULES.find((r) => r.extensions.includes(extension)) : undefined;
}

/** The accepted content types, for error messages and docs. */
export function acceptedContentTypes(): string[] {
  return RULES.map((r) => r.contentType);
}
