import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { generateOpenApi } from '../../src/http/openapi-document.ts';

test('docs/openapi.json is what the code generates (run `npm run openapi` after changing a route)', async () => {
  const checkedIn = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'));
  assert.deepEqual(checkedIn, JSON.parse(JSON.stringify(await generateOpenApi())));
});
