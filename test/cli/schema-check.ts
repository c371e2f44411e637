/**
 * A tiny JSON Schema checker for the subset docs/report.schema.json uses (type, const, enum,
 * required, properties, additionalProperties, propertyNames, items, oneOf, $ref, minimum,
 * maximum, pattern). Any other keyword is an error, so the schema cannot silently outgrow it.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set([
  '$schema',
  '$id',
  '$defs',
  'title',
  'description',
  'type',
  'const',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'propertyNames',
  'items',
  'oneOf',
  '$ref',
  'minimum',
  'maximum',
  'pattern',
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeOf(value) === type;
}

function resolve(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = (node as Schema)[part];
  if (!node || typeof node !== 'object') throw new Error(`unresolved $ref ${ref}`);
  return node as Schema;
}

export function checkSchema(value: unknown, schema: Schema, root: Schema = schema, path = '$'): string[] {
  for (const key of Object.keys(schema))
    if (!KNOWN.has(key)) throw new Error(`schema keyword ${key} at ${path} unsupported`);
  if (typeof schema.$ref === 'string') return checkSchema(value, resolve(root, schema.$ref), root, path);
  const errors: string[] = [];
  const fail = (message: string) => errors.push(`${path}: ${message}`);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => matchesType(value, t)))
      return [`${path}: expected ${types.join('|')}, got ${typeOf(value)}`];
  }
  if ('const' in schema && value !== schema.const) fail(`expected ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value as never))
    fail(`${JSON.stringify(value)} not in enum`);
  if (typeof schema.minimum === 'number' && typeof value === 'number' && value < schema.minimum)
    fail(`< ${schema.minimum}`);
  if (typeof schema.maximum === 'number' && typeof value === 'number' && value > schema.maximum)
    fail(`> ${schema.maximum}`);
  if (
    typeof schema.pattern === 'string' &&
    typeof value === 'string' &&
    !new RegExp(schema.pattern, 'u').test(value)
  ) {
    fail(`"${value}" does not match ${schema.pattern}`);
  }
  if (Array.isArray(schema.oneOf)) {
    const passing = (schema.oneOf as Schema[]).filter(
      (s) => checkSchema(value, s, root, path).length === 0,
    ).length;
    if (passing !== 1) fail(`matches ${passing} of oneOf, expected exactly 1`);
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => {
      errors.push(...checkSchema(item, schema.items as Schema, root, `${path}[${i}]`));
    });
  }
  if (typeOf(value) === 'object')
    errors.push(...checkObject(value as Record<string, unknown>, schema, root, path));
  return errors;
}

function checkObject(value: Record<string, unknown>, schema: Schema, root: Schema, path: string): string[] {
  const errors: string[] = [];
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  for (const key of (schema.required ?? []) as string[])
    if (!(key in value)) errors.push(`${path}: missing ${key}`);
  for (const [key, child] of Object.entries(value)) {
    const where = `${path}.${key}`;
    if (schema.propertyNames)
      errors.push(...checkSchema(key, schema.propertyNames as Schema, root, `${where} (name)`));
    if (properties[key]) errors.push(...checkSchema(child, properties[key], root, where));
    else if (schema.additionalProperties === false) errors.push(`${where}: not allowed`);
    else if (typeof schema.additionalProperties === 'object') {
      errors.push(...checkSchema(child, schema.additionalProperties as Schema, root, where));
    }
  }
  return errors;
}
