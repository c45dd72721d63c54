/**
 * `npm run openapi`: writes docs/openapi.json from the route schemas and web/src/api/openapi.d.ts (the web
 * client's types) from it. A test fails when either checked-in file differs from what the code generates.
 */
import { writeFileSync } from 'node:fs';
import { generateClientTypes, generateOpenApi } from '../src/http/openapi-document.ts';

const doc = await generateOpenApi();
const docFile = new URL('../docs/openapi.json', import.meta.url);
writeFileSync(docFile, `${JSON.stringify(doc, null, 2)}\n`);
const typesFile = new URL('../web/src/api/openapi.d.ts', import.meta.url);
writeFileSync(typesFile, await generateClientTypes(doc));
console.log(`Wrote ${docFile.pathname} and ${typesFile.pathname}`);
