// Headers added to the router's subgraph fetches (Hive Gateway's onFetch hook). Hive passes them as a
// plain object; copying it is much cheaper than parsing it into a `Headers` and back, which the
// router used to do twice per fetch.

/** The fetch `options` with header `name` (lower case) set to `value`, replacing any spelling of it. */
export function withHeader(options, name, value) {
  const { headers } = options;
  if (headers === undefined || headers === null || Object.getPrototypeOf(headers) !== Object.prototype) {
    const parsed = new Headers(headers ?? undefined);
    parsed.set(name, value);
    return { ...options, headers: Object.fromEntries(parsed) };
  }
  const copy = {};
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== name) {
      copy[key] = headers[key];
    }
  }
  copy[name] = value;
  return { ...options, headers: copy };
}
