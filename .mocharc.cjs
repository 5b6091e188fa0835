// Test tiers: TEST_TIER=unit (specs beside the code, ports faked), int (*.int.spec: real PostgreSQL,
// NATS, storage), e2e (*.e2e.spec: deployables as processes through the gateway); unset runs all.
const roots = [
  'packages/*/dist',
  'tools/dist',
  'subgraphs/*/dist',
  'gateway/dist',
  'workers/*/dist',
  'scraper/dist',
];
const tier = process.env.TEST_TIER ?? 'all';
const patterns = {
  all: '**/*.spec.js',
  unit: '**/*.spec.js',
  int: '**/*.int.spec.js',
  e2e: '**/*.e2e.spec.js',
};
if (!(tier in patterns)) throw new Error(`TEST_TIER must be one of ${Object.keys(patterns).join(', ')}`);

module.exports = {
  spec: roots.map((root) => `${root}/${patterns[tier]}`),
  ignore:
    tier === 'unit' ? roots.flatMap((root) => [`${root}/**/*.int.spec.js`, `${root}/**/*.e2e.spec.js`]) : [],
  reporter: 'scripts/mocha-summary-reporter.cjs',
  timeout: 30000,
  exit: true,
};
