// What the findings read of the JSON schema itself (the one source of structure): the known keys
// of a mapping, the value a `const` wants. Bundled at build time like the validator.
import schemaJson from '../../../../../schemas/renewrevocation.schema.json';

type JsonObject = { readonly [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The subschema at a JSON pointer such as `#/definitions/revocation`, or undefined. */
export function schemaAt(pointer: string): JsonObject | undefined {
  let node: unknown = schemaJson;
  for (const segment of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    if (!isObject(node)) return undefined;
    node = node[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return isObject(node) ? node : undefined;
}

const keysCache = new Map<string, readonly string[]>();

/** The keys a mapping schema declares, in schema order (read once per pointer: a large manifest asks often). */
export function knownKeys(pointer: string): readonly string[] {
  let keys = keysCache.get(pointer);
  if (keys === undefined) {
    const properties = schemaAt(pointer)?.properties;
    keys = isObject(properties) ? Object.keys(properties) : [];
    keysCache.set(pointer, keys);
  }
  return keys;
}

/** The entry kinds as the schema documents them (the `enum` of `kind`). */
export function documentedKinds(): string[] {
  const anyOf = schemaAt('#/definitions/revocation/properties/kind')?.anyOf;
  const withEnum: unknown = Array.isArray(anyOf)
    ? anyOf.find((branch) => isObject(branch) && Array.isArray(branch.enum))
    : undefined;
  return isObject(withEnum) && Array.isArray(withEnum.enum) ? withEnum.enum.map(String) : [];
}

/** The `const` of a top-level field (`apiVersion`, `kind`), for hints such as "add `apiVersion: …`". */
export function topLevelConst(field: string): string | undefined {
  const value = schemaAt(`#/properties/${field}`)?.const;
  return typeof value === 'string' ? value : undefined;
}
