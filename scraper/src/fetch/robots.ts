export interface RobotsRule {
  allow: boolean;
  pattern: string;
}

export interface RobotsPolicy {
  rules: RobotsRule[];
  /** Seconds between requests asked by the site, when it says so. */
  crawlDelay?: number;
}

interface RobotsGroup extends RobotsPolicy {
  agents: string[];
}

export const ALLOW_ALL: RobotsPolicy = { rules: [] };
export const DISALLOW_ALL: RobotsPolicy = { rules: [{ allow: false, pattern: '/' }] };

/** Parses robots.txt (RFC 9309) and returns the policy for `agentToken`, falling back to the `*` groups. */
export function robotsPolicyFor(robotsTxt: string, agentToken: string): RobotsPolicy {
  const groups = parseGroups(robotsTxt);
  const token = agentToken.toLowerCase();
  const specific = groups.filter((g) => g.agents.some((a) => a !== '*' && token.startsWith(a)));
  const chosen = specific.length > 0 ? specific : groups.filter((g) => g.agents.includes('*'));
  const delays = chosen.map((g) => g.crawlDelay).filter((d): d is number => d !== undefined);
  return {
    rules: chosen.flatMap((g) => g.rules),
    ...(delays.length > 0 ? { crawlDelay: Math.max(...delays) } : {}),
  };
}

function parseGroups(text: string): RobotsGroup[] {
  const groups: RobotsGroup[] = [];
  let current: RobotsGroup | undefined;
  let collectingAgents = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (!current || !collectingAgents) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      collectingAgents = true;
      continue;
    }
    if (!current) continue;
    collectingAgents = false;
    if ((key === 'allow' || key === 'disallow') && value !== '') {
      current.rules.push({ allow: key === 'allow', pattern: value });
    } else if (key === 'crawl-delay' && Number.isFinite(Number(value))) {
      current.crawlDelay = Number(value);
    }
  }
  return groups;
}

/** Longest matching pattern wins; on a tie, allow wins. `/robots.txt` itself is always allowed. */
export function isPathAllowed(policy: RobotsPolicy, pathAndQuery: string): boolean {
  if (pathAndQuery === '/robots.txt') return true;
  let best: RobotsRule | undefined;
  for (const rule of policy.rules) {
    if (!patternMatches(rule.pattern, pathAndQuery)) continue;
    const longer = !best || rule.pattern.length > best.pattern.length;
    const tieAllows = best && rule.pattern.length === best.pattern.length && rule.allow;
    if (longer || tieAllows) best = rule;
  }
  return best?.allow ?? true;
}

function patternMatches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const source = body
    .split('*')
    .map((part) => normalizeEncoding(part).replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}${anchored ? '$' : ''}`).test(normalizeEncoding(path));
}

/** Compares paths in one canonical encoding so `/caf%C3%A9` and `/café` match each other. */
function normalizeEncoding(text: string): string {
  try {
    return encodeURI(decodeURI(text));
  } catch {
    return text;
  }
}
