/**
 * Hostile input for the property-based fuzz tests (test/fuzz-*.e2e-spec.ts),
 * built with fast-check from the app's own OpenAPI document: a request body
 * is a valid one with a few fields broken, removed or added, or no object
 * at all; a query is the route's documented parameters, each absent, valid
 * or hostile; a path id is the real one or a hostile segment.
 */
import fc from 'fast-check';

/** The parts of the served OpenAPI document the fuzzer reads. */
export interface SchemaObject {
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, SchemaObject>;
  items?: SchemaObject;
  $ref?: string;
  allOf?: SchemaObject[];
}
export interface OpenApiParameter { name: string; in: string; required?: boolean; schema?: SchemaObject }
export interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: SchemaObject }> };
  responses: Record<string, unknown>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, SchemaObject> };
}

const HUGE = 100_000;

/** Text that has broken something somewhere: SQL, paths, markup, format strings, encodings. */
export const NASTY_TEXT = [
  '', ' ', '\t\n', `' OR 1=1 --`, `'; DROP TABLE claim; --`, '" OR ""="', '\\', '%', '%25', '_%',
  '../../etc/passwd', '..\\..\\windows\\win.ini', '/dev/null', 'file:///etc/passwd',
  '<script>alert(1)</script>', '${7*7}', '{{7*7}}', '%s%s%n', 'null', 'undefined', 'NaN', 'true', '[]', '{}',
  '\u0000', 'a\u0000b', '\ud800', 'x\udc00', '\udfff\ud800', '😀', '\u202eevil', 'İı', 'ﬃ', '\ufeff', '\u200b', '𠮷野家',
  'x'.repeat(HUGE), '长'.repeat(HUGE / 4), '😀'.repeat(HUGE / 10),
];

export const BAD_MONEY: unknown[] = [
  '-1', '-1.00', '-0.01', '1.234', '1.2', '1', '.50', '5.', '1e5', '1E5', 'NaN', 'Infinity', '-Infinity', '0x10',
  '12345678901234567890', '12345678901234567890.00', '99999999999999999.99', '92233720368547758.08', ' 1.00', '1.00 ', '+1.00',
  '1,000.00', '１０.００', '١٠.٠٠', '0.00', '-0.00', '00001.00', '', 100, 1.5, -1, 0, 1e21, 12345678901234567890,
];

export const BAD_DATES: unknown[] = [
  '2026-02-30', '2025-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-1', '0000-01-01', '0001-01-01',
  '99999-01-01', '+099999-01-01', '-000001-01-01', '1899-12-31', '9999-12-31', '20260101', '2026/01/01', '01-01-2026',
  '2026-01-01T00:00:00Z', '2026-01-01 ', 'today', 20260101,
];

export const BAD_DATE_TIMES: unknown[] = [
  '2026-02-30T10:00:00+08:00', '2026-01-01T25:00:00Z', '2026-01-01T10:61:00Z', '0000-01-01T00:00:00Z', '1970-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z', '+275761-01-01T00:00:00Z', '99999-01-01T00:00:00Z', '2099-01-01T00:00:00+08:00',
  '2026-01-01', '2026-01-01T10:00', '2026-01-01T10:00:00+25:00', 'Invalid Date', 'now', 0, 1_700_000_000_000, -8.64e15,
];

export const BAD_UUIDS: unknown[] = [
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '8B0C7A52-3F1E-4C1A-9D53-2A6F0E1C0001',
  '{8b0c7a52-3f1e-4c1a-9d53-2a6f0e1c0001}', '8b0c7a523f1e4c1a9d532a6f0e1c0001', '8b0c7a52-3f1e-4c1a-9d53-2a6f0e1c000',
  'not-a-uuid', 1,
];

export const BAD_NUMBERS: unknown[] = [
  -1, 0, 1.5, 2 ** 31, 2 ** 53 + 2, 1e21, -1e21, 1e308, '2027', '1e3', '', 99999, 1999, 2101,
];

/** Any JSON of the wrong shape for a field: the other types, empty and huge containers, nesting up to the app's JSON bound. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -0, [], {}, [null], [[]], { '': '' }, ['a', 1, null]),
  fc.constant(Array.from({ length: 10_000 }, (_, i) => `item${i}`)),
  fc.constant(Array.from({ length: 2_000 }, () => ({ a: 1 }))),
  fc.integer({ min: 2, max: 28 }).map((depth) => nest(depth)),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxKeys: 4 }),
);

/** `depth` levels of alternating arrays and objects around a string. */
export function nest(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = i % 2 ? { deep: value } : [value];
  return value;
}

/** Unicode of every kind, lone surrogates and NUL included. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY_TEXT),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', minLength: 300, maxLength: 5000 }),
);

/** What a field of this schema's kind is most likely to choke on, and anything else. */
export function hostileValue(name: string, schema: SchemaObject): fc.Arbitrary<unknown> {
  const kind = fieldKind(name, schema);
  const specific: fc.Arbitrary<unknown>[] = {
    money: [fc.constantFrom(...BAD_MONEY)],
    date: [fc.constantFrom(...BAD_DATES)],
    dateTime: [fc.constantFrom(...BAD_DATE_TIMES)],
    uuid: [fc.constantFrom(...BAD_UUIDS), fc.uuid()],
    number: [fc.constantFrom(...BAD_NUMBERS), fc.double()],
    enum: [fc.constantFrom(...(schema.enum ?? []).map((v) => (typeof v === 'string' ? v.toUpperCase() : v)), ' ', 'paid')],
    array: [fc.array(schema.items ? hostileValue(`${name}[]`, schema.items) : anyText, { maxLength: 5 })],
    boolean: [fc.constantFrom('true', 'false', 1, 0, 'yes')],
    text: [],
  }[kind];
  return fc.oneof(...specific, wrongType, anyText);
}

/**
 * Values of the right type and format that validation lets through, to reach
 * the rules behind it: edge amounts, dates far off, long text, unknown ids.
 */
export function plausibleValue(name: string, schema: SchemaObject): fc.Arbitrary<unknown> {
  const longText = (length: number) => '测'.repeat(length);
  return {
    money: fc.constantFrom('0.00', '0.01', '1.00', '999999.99', '50000.01', '99999999999999.99', '10000000000000000.00'),
    date: fc.constantFrom('1970-01-01', '2000-02-29', '2018-01-01', '2022-06-30', '2099-12-31', new Date().toISOString().slice(0, 10)),
    dateTime: fc.constantFrom('2022-06-05T10:30:00+08:00', '2000-01-01T00:00:00Z', '2099-12-31T23:59:59+08:00', new Date().toISOString()),
    uuid: fc.uuid(),
    number: fc.constantFrom(0, 1, 2000, 2022, 2100, 10000, 10001, 365, 2 ** 31 - 1),
    enum: fc.constantFrom(...(schema.enum ?? [''])),
    array: fc.constantFrom([], ['id_card'], ['id_card', 'id_card'], ['2039-10-01'], Array.from({ length: 400 }, (_, i) => `x${i}`)),
    boolean: fc.boolean(),
    text: fc.constantFrom('a', '陈', longText(64), longText(65), longText(255), longText(256), longText(5000), 'O\'Brien', '350205001', '😀'),
  }[fieldKind(name, schema)];
}

type FieldKind = 'money' | 'date' | 'dateTime' | 'uuid' | 'number' | 'enum' | 'array' | 'boolean' | 'text';

function fieldKind(name: string, schema: SchemaObject): FieldKind {
  const example = typeof schema.example === 'string' ? schema.example : Array.isArray(schema.example) ? String(schema.example[0]) : '';
  if (schema.type === 'array') return 'array';
  if (schema.format === 'uuid') return 'uuid';
  if (schema.enum) return 'enum';
  if (schema.type === 'number' || schema.type === 'integer') return 'number';
  if (schema.type === 'boolean') return 'boolean';
  if (/^\d+\.\d{2}$/.test(example)) return 'money';
  if (/^\d{4}-\d{2}-\d{2}T/.test(example)) return 'dateTime';
  if (/^\d{4}-\d{2}-\d{2}$/.test(example) || /Date$/.test(name)) return 'date';
  return 'text';
}

/** A field of a request body: its path from the top (`payee.accountNo`, `coverages.0.eventType`) and schema. */
export interface BodyField { path: string[]; schema: SchemaObject }

/** Every field the schema names, nested objects and the first item of arrays of objects included. */
export function bodyFields(document: OpenApiDocument, schema: SchemaObject, prefix: string[] = [], depth = 0): BodyField[] {
  const resolved = resolve(document, schema);
  if (depth > 4 || !resolved.properties) return [];
  return Object.entries(resolved.properties).flatMap(([name, property]) => {
    const path = [...prefix, name];
    const own = resolve(document, property);
    const item = own.type === 'array' && own.items ? resolve(document, own.items) : undefined;
    const nested = own.properties ? bodyFields(document, own, path, depth + 1)
      : item?.properties ? bodyFields(document, item, [...path, '0'], depth + 1) : [];
    return [{ path, schema: own }, ...nested];
  });
}

function resolve(document: OpenApiDocument, schema: SchemaObject): SchemaObject {
  if (schema.$ref) return resolve(document, document.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length === 1) return { ...resolve(document, schema.allOf[0]), ...schema, allOf: undefined };
  return schema;
}

export type Mutation =
  | { op: 'set'; path: string[]; value: unknown }
  | { op: 'delete'; path: string[] }
  | { op: 'extra'; path: string[]; key: string; value: unknown };

/** A body as sent: the route's valid body with mutations, or raw text under a content type. */
export type BodyPlan =
  | { kind: 'json'; mutations: Mutation[]; urlencoded: boolean }
  | { kind: 'raw'; contentType: string; text: string };

const EXTRA_KEYS = ['id', 'status', 'createdAt', 'isAdmin', 'role', '__proto__', 'constructor', 'prototype', '', ' ', '$where', 'a.b', '😀', '\u0000'];

function mutation(fields: BodyField[]): fc.Arbitrary<Mutation> {
  const parents = [[], ...fields.filter((f) => f.schema.properties || f.path.at(-1) === '0').map((f) => f.path)];
  const extra = fc.record({
    op: fc.constant('extra' as const), path: fc.constantFrom(...parents),
    key: fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 12 })), value: fc.oneof(anyText, wrongType),
  });
  if (!fields.length) return extra;
  const field = fc.constantFrom(...fields);
  return fc.oneof(
    { arbitrary: field.chain((f) => hostileValue(f.path.at(-1)!, f.schema).map((value) => ({ op: 'set' as const, path: f.path, value }))), weight: 4 },
    { arbitrary: field.chain((f) => plausibleValue(f.path.at(-1)!, f.schema).map((value) => ({ op: 'set' as const, path: f.path, value }))), weight: 3 },
    { arbitrary: field.map((f) => ({ op: 'delete' as const, path: f.path })), weight: 1 },
    { arbitrary: extra, weight: 1 },
  );
}

/** Bodies that are not the object the route wants: other JSON, malformed JSON, too deep, other content types. */
const rawBody: fc.Arbitrary<{ kind: 'raw'; contentType: string; text: string }> = fc.oneof(
  fc.constantFrom('null', '[]', '"text"', '42', 'true', '{', '{"a":', '{"a":1}}', '{"a":1,}', "{'a':1}", '\u0000', '[1,2', '{"__proto__":{"isAdmin":true}}',
    `${'['.repeat(40)}${']'.repeat(40)}`, `${'{"a":'.repeat(33)}1${'}'.repeat(33)}`, '[' + '1,'.repeat(100_000) + '1]', `"${'\\ud800'}"`)
    .map((text) => ({ kind: 'raw' as const, contentType: 'application/json', text })),
  fc.record({
    kind: fc.constant('raw' as const),
    contentType: fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/json; charset=utf-16'),
    text: fc.constantFrom('a=1&a=2&b[c]=3', '<a>1</a>', '{"code":"350299"}', '%zz=%E0%A4%A'),
  }),
);

/** A body: mostly the valid one with one to three fields broken, sometimes the valid one itself or no object at all. */
export function bodyPlan(fields: BodyField[]): fc.Arbitrary<BodyPlan> {
  const json = (minLength: number, maxLength: number, urlencoded: boolean) => fc.record({
    kind: fc.constant('json' as const), mutations: fc.array(mutation(fields), { minLength, maxLength }), urlencoded: fc.constant(urlencoded),
  });
  return fc.oneof(
    { arbitrary: json(1, 3, false), weight: 12 },
    { arbitrary: json(0, 0, false), weight: 1 },
    { arbitrary: json(0, 2, true), weight: 1 },
    { arbitrary: rawBody, weight: 2 },
  );
}

/** The valid body with the plan's mutations applied (the valid body is not changed). */
export function applyMutations(valid: unknown, mutations: Mutation[]): unknown {
  let body: unknown = structuredClone(valid);
  for (const m of mutations) {
    if (m.path.length === 0 && m.op !== 'extra') continue;
    if (m.op === 'extra') {
      const parent = m.path.length ? parentOf(body, [...m.path, m.key]) : (body as Record<string, unknown>);
      if (isObject(parent)) Object.defineProperty(parent, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      continue;
    }
    const parent = parentOf(body, m.path);
    if (!isObject(parent)) continue;
    const key = m.path.at(-1)!;
    if (m.op === 'delete') delete parent[key];
    else Object.defineProperty(parent, key, { value: m.value, enumerable: true, writable: true, configurable: true });
  }
  return body;
  function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === 'object' && v !== null;
  }
  /** The object holding the last key of `path`, made along the way where the valid body has none. */
  function parentOf(root: unknown, path: string[]): unknown {
    let node = root;
    for (const [index, key] of path.slice(0, -1).entries()) {
      if (!isObject(node)) return undefined;
      if (!isObject(node[key])) node[key] = /^\d+$/.test(path[index + 1]) ? [] : {};
      node = node[key];
    }
    return node;
  }
}

/** A path segment in place of a real id or code: malformed, unknown, encoded traps. */
export const hostilePathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-000000000000', '1', '-1', '0', '99999', '2026.5', '%20', '%00', '%ED%A0%80',
    '%', '%zz', '%E0%A4%A', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', encodeURIComponent(`' OR 1=1 --`), encodeURIComponent('😀'), 'a'.repeat(5000),
    encodeURIComponent('350205\u0000'), '350205%0A', 'null', 'undefined'),
  fc.uuid(),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map((s) => encodeURIComponent(s)),
);

/** One query parameter as the valid caller sends it: its valid value, or absent where the route allows that. */
function benignParameter(parameter: OpenApiParameter, valid: string | undefined): fc.Arbitrary<readonly string[]> {
  const value = valid ?? (typeof parameter.schema?.example === 'string' ? parameter.schema.example : parameter.schema?.enum?.[0] as string | undefined);
  const present = value === undefined ? [] : [`${encodeURIComponent(parameter.name)}=${encodeURIComponent(value)}`];
  return parameter.required ? fc.constant(present) : fc.constantFrom<readonly string[]>([], present);
}

/** One query parameter broken: a hostile value, empty, without a value, repeated, or as a nested key. */
function brokenParameter(parameter: OpenApiParameter): fc.Arbitrary<readonly string[]> {
  const name = encodeURIComponent(parameter.name);
  const hostile = fc.oneof(
    hostileValue(parameter.name, parameter.schema ?? {}).map((value) => encodeText(value)),
    fc.constantFrom('%00', '%ED%A0%80', '%ED%B0%80x', '%', '%zz', '%E0%A4%A', '%FF%FE', '+', '%2B1'),
  );
  return fc.oneof(
    { arbitrary: hostile.map((value) => [`${name}=${value}`]), weight: 5 },
    { arbitrary: fc.constant([`${name}=`, name]), weight: 1 },
    { arbitrary: fc.tuple(hostile, hostile).map(([a, b]) => [`${name}=${a}`, `${name}=${b}`]), weight: 1 },
    { arbitrary: hostile.map((value) => [`${name}[a]=${value}`, `${name}[]=${value}`]), weight: 1 },
  );
}

/** A value as it would travel in a URL; a lone surrogate travels as the UTF-8 bytes it would have. */
function encodeText(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  try {
    return encodeURIComponent(text.slice(0, 6000));
  } catch {
    return text.slice(0, 200).replace(/[\ud800-\udfff]/g, '%ED%A0%80').replace(/[^A-Za-z0-9%]/g, (c) => encodeURIComponent(c));
  }
}

/**
 * Node refuses a request line over 16 KB (431) before the app sees it, so a
 * query keeps to this many characters: long values are cut, and pieces past
 * the budget dropped.
 */
const QUERY_BUDGET = 12_000;
const VALUE_BUDGET = 2_000;

/** A whole query string: each documented parameter as above, plus now and then one the route does not know. */
export function queryString(parameters: OpenApiParameter[], valid: Record<string, string> = {}): fc.Arbitrary<string> {
  return fc.record({
    benign: fc.tuple(...parameters.map((p) => benignParameter(p, valid[p.name]))),
    broken: fc.tuple(...parameters.map((p) => brokenParameter(p))),
    // Which parameters are broken: none, one or two, so the others still reach the query they would.
    which: fc.uniqueArray(fc.nat(parameters.length - 1), { maxLength: 2 }),
    // One time in five, a parameter the route does not know.
    extra: fc.oneof({ arbitrary: fc.constant(null), weight: 4 },
      { arbitrary: fc.tuple(fc.constantFrom('unknown', 'page[size]', 'sort', '__proto__', 'constructor', '%00', 'q%00'), anyText), weight: 1 }),
  }).map(({ benign, broken, which, extra }) => {
    const pieces = parameters.flatMap((_, i) => (which.includes(i) ? broken[i] : benign[i]));
    const all = [...pieces, ...(extra ? [`${extra[0]}=${encodeSafely(extra[1])}`] : [])].map(cutEncoded);
    let length = 0;
    return all.filter((piece) => (length += piece.length + 1) <= QUERY_BUDGET).join('&');
  });
}

/** At most VALUE_BUDGET characters, never cutting a %XX escape in two. */
function cutEncoded(piece: string): string {
  return piece.length <= VALUE_BUDGET ? piece : piece.slice(0, VALUE_BUDGET).replace(/%[0-9A-Fa-f]?$/, '');
}

function encodeSafely(text: string): string {
  try {
    return encodeURIComponent(text.slice(0, 2000));
  } catch {
    return '%ED%A0%80';
  }
}
