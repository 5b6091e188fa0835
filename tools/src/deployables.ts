import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Deployable {
  name: string;
  entry: string;
  /** The port of its HTTP server (GraphQL, or health and metrics for workers). */
  port: number;
  portVariable: string;
}

/** What a deployable's package.json declares under `mymeet.deployable`. */
interface DeployableManifest {
  name: string;
  /** Relative to the package folder. */
  entry: string;
  port: number;
  portVariable: string;
  /** Lower starts first; the gateway starts last. */
  startOrder: number;
}

/**
 * Every process of the platform, found in the npm workspaces (a package that declares
 * `mymeet.deployable` in its package.json), in start order. Only the built ones run.
 */
export function builtDeployables(root: string): Deployable[] {
  return workspaceFolders(root)
    .flatMap((folder) => {
      const manifest = readManifest(folder);
      return manifest ? [{ folder, manifest }] : [];
    })
    .sort(
      (a, b) =>
        a.manifest.startOrder - b.manifest.startOrder || a.manifest.name.localeCompare(b.manifest.name),
    )
    .map(({ folder, manifest }) => ({
      name: manifest.name,
      entry: join(folder, manifest.entry).slice(root.length + 1),
      port: manifest.port,
      portVariable: manifest.portVariable,
    }))
    .filter((deployable) => existsSync(resolve(root, deployable.entry)));
}

/** The folders the root package.json's `workspaces` globs name (`dir` or `dir/*`). */
function workspaceFolders(root: string): string[] {
  const { workspaces = [] } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    workspaces?: string[];
  };
  return workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [resolve(root, pattern)];
    const parent = resolve(root, pattern.slice(0, -2));
    if (!existsSync(parent)) return [];
    return readdirSync(parent, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(parent, entry.name));
  });
}

function readManifest(folder: string): DeployableManifest | undefined {
  const file = join(folder, 'package.json');
  if (!existsSync(file)) return undefined;
  const manifest = (
    JSON.parse(readFileSync(file, 'utf8')) as { mymeet?: { deployable?: DeployableManifest } }
  ).mymeet?.deployable;
  return manifest;
}
