/**
 * Parses a query string like Fastify's default parser (repeated keys become arrays), and
 * also reads OpenAPI's deepObject style (`carrierOptions[com]=zhongtong`), which the SDK's
 * client sends for object parameters, into nested objects. Only one level deep: the API has
 * no deeper query objects.
 */
export function parseQueryString(query: string): Record<string, unknown> {
  const result: Record<string, unknown> = Object.create(null);
  for (const [rawKey, value] of new URLSearchParams(query)) {
    const nested = /^([^[\]]+)\[([^[\]]*)\]$/.exec(rawKey);
    if (nested?.[1] !== undefined && nested[2] !== undefined && nested[2] !== '') {
      const [, name, property] = nested;
      const existing = result[name];
      const target =
        typeof existing === 'object' && existing !== null && !Array.isArray(existing)
          ? (existing as Record<string, unknown>)
          : Object.create(null);
      result[name] = target;
      addValue(target, property, value);
    } else {
      addValue(result, rawKey, value);
    }
  }
  return result;
}

function addValue(target: Record<string, unknown>, key: string, value: string): void {
  const existing = target[key];
  if (existing === undefined) {
    target[key] = value;
  } else if (Array.isArray(existing)) {
    existing.push(value);
  } else {
    target[key] = [existing, value];
  }
}
