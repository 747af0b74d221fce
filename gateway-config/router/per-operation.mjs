// What a router plugin works out once per parsed document and operation instead of on every request.
// The router's document cache hands out the same document object for the same text, so a WeakMap by
// document keeps each result exactly as long as the document is cached.

/**
 * `compute(document, operationName, schema)` wrapped so that it runs once per document, operation
 * name and schema (again after a schema reload).
 */
export function perOperation(compute) {
  const byDocument = new WeakMap();
  return (document, operationName, schema) => {
    let byName = byDocument.get(document);
    if (!byName) {
      byName = new Map();
      byDocument.set(document, byName);
    }
    const key = operationName ?? '';
    let known = byName.get(key);
    if (!known || known.schema !== schema) {
      known = { schema, value: compute(document, operationName, schema) };
      byName.set(key, known);
    }
    return known.value;
  };
}
