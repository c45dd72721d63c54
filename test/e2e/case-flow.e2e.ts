import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCaseFlow } from './case-flow.ts';

// The harness that starts a server on an in-memory database imports `runCaseFlow` from ./case-flow.ts
// and calls it directly; run on its own, this test uses an already running server.
export { runCaseFlow } from './case-flow.ts';

const baseUrl = process.env.E2E_BASE_URL;
const email = process.env.E2E_EMAIL;
const password = process.env.E2E_PASSWORD;
const missing = [!baseUrl && 'E2E_BASE_URL', !email && 'E2E_EMAIL', !password && 'E2E_PASSWORD'].filter(
  Boolean,
);

test('an officer signs in, records a case and finds it in the case list', {
  skip: missing.length
    ? `set ${missing.join(', ')} to run against a running ChildGrid server (e.g. E2E_BASE_URL=http://127.0.0.1:8080)`
    : false,
}, async () => {
  const result = await runCaseFlow(
    baseUrl ?? '',
    email ?? '',
    password ?? '',
    process.env.E2E_SCREENSHOT_DIR,
  );
  assert.match(result.caseId, /^[0-9a-f-]{36}$/i);
});
