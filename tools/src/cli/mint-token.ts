#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { mintDevToken, readLocalSecrets } from '@mymeet/auth';

// `npm run token -- --sub alice --email alice@example.com` prints a development token.
const { values } = parseArgs({
  options: {
    sub: { type: 'string', default: 'dev-user' },
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', multiple: true },
    expires: { type: 'string', default: '12h' },
  },
});
const secret = process.env.JWT_SECRET ?? readLocalSecrets().JWT_SECRET;
if (!secret) {
  console.error('No JWT_SECRET set and no .data/secrets.env yet: run `npm start` once or export JWT_SECRET.');
  process.exit(1);
}
const token = await mintDevToken(
  secret,
  {
    sub: values.sub,
    email: values.email ?? `${values.sub}@example.com`,
    name: values.name,
    roles: values.role,
  },
  values.expires,
);
console.log(token);
