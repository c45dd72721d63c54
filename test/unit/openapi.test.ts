import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { generateClientTypes, generateOpenApi } from '../../src/http/openapi-document.ts';

test('docs/openapi.json and the web client types are what the code generates (else run `npm run openapi`)', async () => {
  const doc = await generateOpenApi();
  const checkedIn = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'));
  assert.deepEqual(checkedIn, doc);
  const types = readFileSync(new URL('../../web/src/api/openapi.d.ts', import.meta.url), 'utf8');
  assert.equal(types, await generateClientTypes(doc));
});
