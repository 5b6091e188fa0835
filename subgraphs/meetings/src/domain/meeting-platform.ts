export enum MeetingPlatform {
  ZOOM = 'ZOOM',
  TEAMS = 'TEAMS',
  GOOGLE_MEET = 'GOOGLE_MEET',
  UPLOAD = 'UPLOAD',
  OTHER = 'OTHER',
}

const PLATFORM_HOSTS: Array<[MeetingPlatform, RegExp]> = [
  [MeetingPlatform.ZOOM, /(^|\.)zoom\.(us|com)$|(^|\.)zoomgov\.com$/],
  [MeetingPlatform.TEAMS, /^teams\.(microsoft|live)\.com$|(^|\.)teams\.microsoft\.us$/],
  [MeetingPlatform.GOOGLE_MEET, /^meet\.google\.com$/],
];

/** The conferencing platform, from the join link's host; no link means an uploaded recording. */
export function platformOf(joinUrl: string | null | undefined): MeetingPlatform {
  if (!joinUrl) return MeetingPlatform.UPLOAD;
  const host = new URL(joinUrl).hostname.toLowerCase();
  return PLATFORM_HOSTS.find(([, pattern]) => pattern.test(host))?.[0] ?? MeetingPlatform.OTHER;
}
