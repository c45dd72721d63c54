import fc from 'fast-check';

/**
 * Random and hostile request parts for the property tests: values that fit a JSON Schema from the OpenAPI
 * document (so requests get past validation and into the services), and values meant to break things — wrong
 * types, limits, huge and strange strings, prototype keys, SQL fragments, deep nesting.
 */

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

export type Components = Record<string, JsonSchema>;

/** Text that has broken parsers, databases and log pipelines somewhere. */
export const hostileStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eevil',
  '\u200B\u200C\u200D\uFEFF',
  'Ｐｏｌｉｃｅ ｓｔａｔｉｏｎ',
  'नाबालिग पीड़िता',
  'পাচার',
  '👨‍👩‍👧‍👦🧒🏽',
  'e\u0301\u0301\u0301\u0301\u0301\u0301',
  "' OR 1=1 --",
  "'; DROP TABLE cases; --",
  '" OR ""="',
  '1; select pg_sleep(5); --',
  '$$; select 1; $$',
  '%',
  '_',
  '%_%\\',
  '\\',
  '\\x00',
  "O'Brien",
  '<script>alert(1)</script>',
  '{{7*7}}',
  '#{7*7}',
  '../../../../etc/passwd',
  '%2e%2e%2f',
  'C:\\Windows\\win.ini',
  '__proto__',
  'constructor',
  'prototype',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x10',
  '2025-02-30',
  '2025-03-04T10:15:00',
  '+275760-09-13T00:00:00.000Z',
  '1970-01-01T00:00:00+99:99',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '01a213b0-a560-7746-8c80-da39bac5596g',
  '01A213B0-A560-7746-8C80-DA39BAC5596F',
  'not-a-uuid',
  'a'.repeat(256),
  'x'.repeat(100_001),
  'é'.repeat(20_000),
] as const;

/** Numbers at and past the edges of the types the server uses (int4, int8, JS safe integers, doubles). */
export const hostileNumbers = [
  0,
  -1,
  1.5,
  -0.000001,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  5e-324,
] as const;

function nested(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** A value of any JSON type, chosen to be wrong or extreme wherever it lands. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.constantFrom(...hostileNumbers),
  fc.constantFrom(null, true, false, [], {}, [null], [''], { '': '' }),
  fc.constantFrom(nested(8), nested(2000), { a: { b: { c: { d: { e: [1, [2, [3]]] } } } } }),
  fc.constant(
    JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}'),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.array(fc.constantFrom(...hostileStrings.slice(0, 20)), { maxLength: 5 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A string for a URL part (path parameter or query value), likely to be invalid. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...hostileStrings.filter((s) => s.length < 5000)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.uuid().map((u) => `${u}x`),
  fc.integer().map(String),
);

function resolve(schema: JsonSchema, components: Components): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = components[name];
  if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
  return resolve(target, components);
}

/** Values a JSON Schema accepts (approximately: patterns and formats are honoured, cross-field rules are not). */
export function valid(
  schema: JsonSchema,
  components: Components,
  hints: { uuids: readonly string[] } = { uuids: [] },
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const branches = s.anyOf ?? s.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => valid(b, components, hints, depth + 1)));
  if (s.allOf?.[0]) return valid(s.allOf[0], components, hints, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000);
      const max = Math.min(
        s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 100_000),
        Number.MAX_SAFE_INTEGER,
      );
      // Real district codes make more requests pass the reference checks.
      const ints = fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) });
      return min <= 490 && 490 <= max ? fc.oneof(fc.constantFrom(490, 482, 303), ints) : ints;
    }
    case 'string':
      return validString(s, hints);
    case 'array': {
      const items = s.items ?? {};
      return fc.array(valid(items, components, hints, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 3, depth > 1 ? 1 : 3),
      });
    }
    case 'object': {
      const props = s.properties ?? {};
      const required = s.required ?? [];
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) record[k] = valid(v, components, hints, depth + 1);
      return fc.record(record, { requiredKeys: required.filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function validString(s: JsonSchema, hints: { uuids: readonly string[] }): fc.Arbitrary<string> {
  switch (s.format) {
    case 'uuid':
      return hints.uuids.length > 0 ? fc.oneof(fc.constantFrom(...hints.uuids), fc.uuid()) : fc.uuid();
    case 'date':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((d) => `${d.toISOString().slice(0, 19)}+05:30`);
    case 'email':
      return fc.emailAddress();
  }
  if (s.pattern)
    return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? 1000));
  const minLength = s.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(s.maxLength ?? 40, 40));
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ unit: 'grapheme', minLength, maxLength }),
    // A value that is long enough for "purpose" fields and reads like one.
    fc.constant('same phone in our FIR 12/2025 (trafficking)'.slice(0, maxLength).padEnd(minLength, '.')),
  );
}

/** Every path to a value inside `v` (objects and arrays), the root included as []. */
export function pathsOf(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) out.push(...pathsOf(x, [...prefix, i]));
  } else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...prefix, k]));
  return out;
}

export type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add-key'; at: number; key: string; value: unknown }
  | { kind: 'wrap-in-array'; at: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('add-key' as const),
    at: fc.nat(),
    key: fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      'id',
      'agency_id',
      'x',
    ),
    value: hostileValue,
  }),
  fc.record({ kind: fc.constant('wrap-in-array' as const), at: fc.nat() }),
);

/** Applies a mutation to a copy of `value`; `at` picks one of its paths (modulo their number). */
export function mutate(value: unknown, m: Mutation): unknown {
  const root = structuredClone(value);
  const paths = pathsOf(root);
  const path = paths[m.at % paths.length]!;
  if (path.length === 0) {
    if (m.kind === 'replace') return m.value;
    if (m.kind === 'wrap-in-array') return [root];
    if (m.kind === 'add-key' && root && typeof root === 'object' && !Array.isArray(root)) {
      Object.defineProperty(root, m.key, {
        value: m.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return root;
    }
    return root;
  }
  let parent = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  switch (m.kind) {
    case 'replace':
      parent[last] = m.value;
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
      break;
    case 'wrap-in-array':
      parent[last] = [parent[last]];
      break;
    case 'add-key': {
      const target = parent[last];
      if (target && typeof target === 'object' && !Array.isArray(target))
        Object.defineProperty(target, m.key, {
          value: m.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else parent[last] = m.value;
    }
  }
  return root;
}

/** Marks a part to leave out of the request (a missing field or parameter). */
export const REMOVE = Symbol('remove');

export function resolveSchema(schema: JsonSchema, components: Components): JsonSchema {
  return resolve(schema, components);
}

/** The schema without `null`: the branch of a nullable `anyOf` that carries the constraints. */
function concrete(schema: JsonSchema, components: Components): { schema: JsonSchema; nullable: boolean } {
  const s = resolve(schema, components);
  const branches = s.anyOf ?? s.oneOf;
  if (!branches) return { schema: s, nullable: false };
  const nonNull = branches.filter((b) => resolve(b, components).type !== 'null');
  return {
    schema: nonNull.length === 1 ? resolve(nonNull[0]!, components) : s,
    nullable: nonNull.length < branches.length,
  };
}

/** The schema of the value at `path` inside a value of `schema` (array steps use the item schema). */
export function schemaAt(
  schema: JsonSchema,
  path: readonly (string | number)[],
  components: Components,
): JsonSchema | undefined {
  let s: JsonSchema | undefined = schema;
  for (const step of path) {
    if (!s) return undefined;
    const c: JsonSchema = concrete(s, components).schema;
    s = typeof step === 'number' ? c.items : c.properties?.[step];
  }
  return s;
}

/**
 * Paths of every field a body may have, walked along an example: every property of each object the example
 * has (present or not), and every element of each array it has.
 */
export function fieldPaths(
  schema: JsonSchema,
  example: unknown,
  components: Components,
  prefix: (string | number)[] = [],
): (string | number)[][] {
  const c = concrete(schema, components).schema;
  const out: (string | number)[][] = [];
  if (c.properties && example && typeof example === 'object' && !Array.isArray(example)) {
    for (const [key, sub] of Object.entries(c.properties)) {
      out.push([...prefix, key]);
      const value = (example as Record<string, unknown>)[key];
      if (value !== undefined) out.push(...fieldPaths(sub, value, components, [...prefix, key]));
    }
  } else if (c.items && Array.isArray(example)) {
    example.forEach((item, i) => {
      out.push(...fieldPaths(c.items!, item, components, [...prefix, i]));
    });
  }
  return out;
}

const pad = (text: string, s: JsonSchema) => {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 10_000;
  const padded = text.length >= min ? text : text + 'x'.repeat(min - text.length);
  return padded.slice(0, max);
};

/**
 * Values the schema accepts that sit on an edge the database or the code may not: NUL bytes and lone
 * surrogates in text, the longest text in multi-byte characters, integers past int4, the first and last dates,
 * a UUID that names nothing, null where null is allowed; and leaving a required field out. `sample` is a value
 * of the right kind (from the example), used to fill arrays to their limit; `query` adds LIKE wildcards.
 */
export function edgeValues(
  schema: JsonSchema,
  components: Components,
  options: { sample?: unknown; required?: boolean; query?: boolean } = {},
): unknown[] {
  const { schema: s, nullable } = concrete(schema, components);
  const out: unknown[] = options.required ? [REMOVE] : [];
  if (nullable) out.push(null);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (s.enum || s.const !== undefined) return out;
  if (type === 'string') {
    switch (s.format) {
      case 'uuid':
        out.push('00000000-0000-0000-0000-000000000000');
        break;
      case 'date-time':
        out.push('0001-01-01T00:00:00+05:30', '9999-12-31T23:59:59+14:00');
        break;
      case 'date':
        out.push('0001-01-01', '9999-12-31');
        break;
      case 'email':
        out.push(`${'x'.repeat(64)}@${'y'.repeat(63)}.example`);
        break;
      default:
        if (s.pattern) break;
        out.push(pad('a\u0000b', s), pad('\uD800a', s));
        if (options.query) out.push(pad('%_\\', s));
        if (s.maxLength !== undefined && s.maxLength <= 5_000) out.push('ए'.repeat(s.maxLength));
    }
  } else if (type === 'integer' || type === 'number') {
    const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : undefined);
    const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : undefined);
    for (const n of [max, 2 ** 31]) {
      if (n === undefined || (min !== undefined && n < min) || (max !== undefined && n > max)) continue;
      if (!out.includes(n)) out.push(n);
    }
  } else if (type === 'array') {
    const first = Array.isArray(options.sample) ? options.sample[0] : undefined;
    if (first !== undefined && s.maxItems !== undefined)
      out.push(Array.from({ length: Math.min(s.maxItems, 60) }, () => structuredClone(first)));
  }
  return out;
}

/** Whether the field at `path` is required by the object that holds it. */
export function isRequired(schema: JsonSchema, path: readonly (string | number)[], components: Components) {
  const last = path.at(-1);
  if (typeof last !== 'string') return false;
  const parent = schemaAt(schema, path.slice(0, -1), components);
  return parent ? (concrete(parent, components).schema.required ?? []).includes(last) : false;
}
