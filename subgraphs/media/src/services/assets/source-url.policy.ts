/**
 * What a viewer may see of the URL a recording was imported from. Its query string often carries
 * a credential (a presigned link, a share token), so only the importer sees the URL as stored;
 * everyone else who can see the meeting sees the origin and path.
 */
export function sourceUrlFor(
  viewer: { sub: string },
  asset: { ownerId: string; sourceUrl: string | null },
): string | null {
  if (!asset.sourceUrl) return null;
  if (viewer.sub === asset.ownerId) return asset.sourceUrl;
  try {
    const url = new URL(asset.sourceUrl);
    return `${url.origin}${url.pathname}`;
  } catch {
    return null;
  }
}
