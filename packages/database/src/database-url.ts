/**
 * Each service owns one database on the configured server: `DATABASE_URL` names the server,
 * the service appends its own database name unless it is given a full URL of its own.
 */
export function serviceDatabaseUrl(serverUrl: string, databaseName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

export function databaseNameOf(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]{0,62}$/i.test(name)) throw new Error(`Unsupported database name "${name}"`);
  return name;
}
