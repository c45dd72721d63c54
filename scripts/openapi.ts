/**
 * Writes docs/openapi.json from the route schemas (`npm run openapi`). A test fails when the checked-in
 * document differs from what the code generates, so the document stays true.
 */
import { writeFileSync } from 'node:fs';
import { generateOpenApi } from '../src/http/openapi-document.ts';

const target = new URL('../docs/openapi.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(await generateOpenApi(), null, 2)}\n`);
console.log(`Wrote ${target.pathname}`);
