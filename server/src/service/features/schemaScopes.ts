// What completion and hover read of the JSON schema (the one source of structure): the properties
// of each mapping a manifest has, their descriptions, and the values a property documents
// (`const`, `enum`). Bundled at build time, read once.
import schemaJson from '../../../../schemas/renewrevocation.schema.json';

/** The mappings of a manifest whose keys the schema declares. */
export type ObjectScope = 'root' | 'metadata' | 'spec' | 'entry';

/** What the value of a property holds, as far as the editor features care. */
export type PropertyChild = ObjectScope | 'revocations' | 'free-map' | 'scalar';

export interface PropertyInfo {
  name: string;
  description: string;
  child: PropertyChild;
  /** The values the schema documents for it (`const` or `enum`), in schema order. */
  values: string[];
}

type JsonObject = { readonly [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(value: unknown, key: string): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  const next = value[key];
  return isObject(next) ? next : undefined;
}

const SCOPE_SCHEMA: Record<ObjectScope, JsonObject | undefined> = {
  root: schemaJson,
  metadata: child(child(schemaJson, 'properties'), 'metadata'),
  spec: child(child(schemaJson, 'properties'), 'spec'),
  entry: child(child(schemaJson, 'definitions'), 'revocation'),
};

/** Properties whose value is itself a mapping or list we know. */
const CHILD_SCOPES: Partial<Record<ObjectScope, Record<string, PropertyChild>>> = {
  root: { metadata: 'metadata', spec: 'spec', status: 'free-map' },
  metadata: { labels: 'free-map', annotations: 'free-map' },
  spec: { revocations: 'revocations' },
};

function documentedValues(property: JsonObject): string[] {
  if (typeof property.const === 'string') return [property.const];
  if (Array.isArray(property.enum)) return property.enum.map(String);
  const anyOf = property.anyOf;
  if (Array.isArray(anyOf)) {
    for (const branch of anyOf) {
      if (isObject(branch) && Array.isArray(branch.enum)) return branch.enum.map(String);
    }
  }
  return [];
}

function readScope(scope: ObjectScope): PropertyInfo[] {
  const properties = child(SCOPE_SCHEMA[scope], 'properties');
  if (!properties) return [];
  return Object.entries(properties).map(([name, property]) => {
    const schema = isObject(property) ? property : {};
    return {
      name,
      description: typeof schema.description === 'string' ? schema.description : '',
      child: CHILD_SCOPES[scope]?.[name] ?? 'scalar',
      values: documentedValues(schema),
    };
  });
}

const PROPERTIES: Record<ObjectScope, PropertyInfo[]> = {
  root: readScope('root'),
  metadata: readScope('metadata'),
  spec: readScope('spec'),
  entry: readScope('entry'),
};

/** The properties of a scope, in schema order. */
export function propertiesOf(scope: ObjectScope): readonly PropertyInfo[] {
  return PROPERTIES[scope];
}

export function propertyOf(scope: ObjectScope, name: string): PropertyInfo | undefined {
  return PROPERTIES[scope].find((property) => property.name === name);
}

/** The scope of the mapping under `name`, when it is one we know. */
export function childScopeOf(scope: ObjectScope, name: string): PropertyChild | undefined {
  return propertyOf(scope, name)?.child;
}
