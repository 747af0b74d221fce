// The rule a request's Content-Type is judged by, here and at every subgraph (GraphQlHeaders): one media
// type, its parameters each `name=value` (empty ones, and spaces and tabs around them, allowed as RFC 9110
// allows them), and a `charset`, if it names one, `utf-8`. GraphQL over HTTP lets a server refuse other
// encodings: the router read every body as UTF-8 whatever it declared, so a body declared Latin-1 was
// served when its bytes happened to be UTF-8 (read as other letters than its client wrote) and refused
// as INVALID_UTF8 when they did not, depending on the data. A list of types (Yoga read the first) or a
// parameter without a value is no media type.

const OPTIONAL_WHITESPACE = /^[ \t]+|[ \t]+$/g;

/** Whether a Content-Type header is one media type with well-formed parameters, in UTF-8 if it names a charset. */
export function isUtf8MediaType(header) {
  const [type, ...parameters] = header.split(';');
  if (type.includes(',')) {
    return false;
  }
  for (const parameter of parameters.map(trimmed)) {
    if (parameter === '') {
      continue;
    }
    const equals = parameter.indexOf('=');
    if (equals <= 0) {
      return false;
    }
    const name = trimmed(parameter.slice(0, equals));
    const value = trimmed(parameter.slice(equals + 1)).replaceAll('"', '');
    if (name.toLowerCase() === 'charset' && value.toLowerCase() !== 'utf-8') {
      return false;
    }
  }
  return true;
}

/**
 * The header as GraphQL Yoga's parsers compare it: the type and subtype in lower case (they are
 * case-insensitive, but Yoga compared them as written: `Application/JSON` was 415) and no whitespace
 * before the parameters (`application/json ; charset=utf-8` was 415). The parameters are left.
 */
export function comparableMediaType(header) {
  const end = header.indexOf(';');
  return end < 0 ? trimmed(header).toLowerCase() : trimmed(header.slice(0, end)).toLowerCase() + header.slice(end);
}

function trimmed(text) {
  return text.replace(OPTIONAL_WHITESPACE, '');
}
