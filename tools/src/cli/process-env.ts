import type { Deployable } from '../deployables.js';

/*
 * `npm start` hands each process only the secrets it uses. A variable counts as a secret when its
 * name says so (…SECRET, …PASSWORD, …TOKEN, …API_KEY, …ACCESS_KEY_ID, …PRIVATE_KEY, any
 * DATABASE_URL) or its value is a URL with a password (smtp://user:pass@…); those are withheld
 * unless the process is listed for them below, or the variable starts with the process's own
 * prefix (`MEDIA_`, `ASR_WORKER_`…, from its port variable).
 */
const SECRET_NAME = /(SECRET|PASSWORD|TOKEN|API_KEY|ACCESS_KEY_ID|PRIVATE_KEY)(_|$)|DATABASE_URL$/;
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]+@/i;

const S3_KEYS = ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'];

/** Which shared secrets each kind of process needs. */
function secretsNeededBy(deployable: Deployable): Set<string> {
  const needed = new Set<string>(['NATS_URL']); // every process talks to NATS
  if (deployable.name === 'gateway')
    ['JWT_SECRET', 'INTERNAL_SECRET', 'REDIS_URL'].forEach((n) => needed.add(n));
  if (deployable.entry.startsWith('subgraphs/'))
    ['INTERNAL_SECRET', 'DATABASE_URL'].forEach((n) => needed.add(n));
  // Media issues presigned URLs; workers stream recordings from storage.
  if (deployable.name === 'media' || deployable.entry.startsWith('workers/'))
    S3_KEYS.forEach((n) => needed.add(n));
  if (deployable.name === 'reports') needed.add('SMTP_URL');
  // The transcription API's key keeps the name issue 9 gave it (no ASR_WORKER_ prefix).
  if (deployable.name === 'asr-worker') needed.add('ASR_API_KEY');
  // The report worker's chat model, when REPORT_ENGINE names one.
  if (deployable.name === 'report-worker') needed.add('LLM_API_KEY');
  return needed;
}

export function isSecretVariable(name: string, value: string | undefined): boolean {
  return SECRET_NAME.test(name) || (value !== undefined && URL_WITH_PASSWORD.test(value));
}

/** The environment one process of the platform is started with. */
export function processEnv(deployable: Deployable, platformEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const needed = secretsNeededBy(deployable);
  const ownPrefix = `${deployable.portVariable.replace(/_PORT$/, '')}_`;
  return Object.fromEntries(
    Object.entries(platformEnv).filter(
      ([name, value]) => !isSecretVariable(name, value) || needed.has(name) || name.startsWith(ownPrefix),
    ),
  );
}
