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

/**
 * The media types of `answers` (the server's, in its order of preference) that an `Accept` header takes, the
 * client's favourite first; [] when it takes none. RFC 9110, 12.5.1: each answer is weighed by the most specific
 * of the header's ranges that names it (`type/subtype` before `type/*` before `*` + `/*`, the first of equals),
 * and a weight of 0 (`q=0`, `q=0.000`) means not acceptable. The highest weight comes first; at equal weights
 * the answer whose range the client wrote first, and where one range names several, the server's order. Names
 * are read in any case and with spaces around them; a range whose `charset` is not utf-8 names nothing the
 * server writes; a weight that is no number from 0 to 1 (`q=abc`, `q=2`, `q=-1`) is ignored, the range counting
 * at the default weight 1, as lenient servers read it; other parameters are ignored. A header without a range
 * (empty, or only commas) is as none: it takes every answer. Several `Accept` lines are one list. The subgraphs
 * read the header by the same rule (limits.AcceptHeader): neither side weighed `q` before, so `q=0` was served.
 */
export function acceptedAnswers(header, answers) {
  const best = answers.map(() => null);
  let ranges = 0;
  header.split(',').forEach((element, index) => {
    const range = mediaRange(element);
    if (range !== null) {
      ranges += 1;
      answers.forEach((answer, i) => {
        const specificity = specificityFor(range.name, answer);
        if (specificity > (best[i]?.specificity ?? -1)) {
          best[i] = { specificity, weight: range.weight, index };
        }
      });
    }
  });
  if (ranges === 0) {
    return [...answers];
  }
  return answers.map((answer, position) => ({ answer, position, ...best[position] }))
    .filter(({ weight }) => weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index || a.position - b.position)
    .map(({ answer }) => answer);
}

/** What the router answers GraphQL requests in, in its order where a client weighs them alike: JSON first, as for a request without `Accept`. */
export const ANSWERS = ['application/json', 'application/graphql-response+json', 'text/event-stream', 'multipart/mixed'];

/**
 * Whether an `Accept` header asks for HTML (the dev router's GraphiQL page) rather than a GraphQL answer, by the
 * rule of acceptedAnswers: `text/html` acceptable (not at q=0, not only a range that merely contains its name) and
 * first among the answers, HTML after the router's own ones where the client weighs them alike (`text/*` is an
 * event stream, as before). GraphQL Yoga served the page to any header containing "text/html", `q=0` too.
 */
export function prefersHtml(header) {
  return acceptedAnswers(header, [...ANSWERS, 'text/html'])[0] === 'text/html';
}

const WEIGHT = /^[0-9]+(\.[0-9]*)?$/;

// One element of an Accept list: its range in lower case and its weight, null for an empty element. A range of
// another charset names nothing (''), but it is a range: `Accept: application/json; charset=iso-8859-1` takes none.
function mediaRange(element) {
  const [type, ...parameters] = element.split(';');
  const name = trimmed(type).toLowerCase();
  if (name === '') {
    return null;
  }
  let weight;
  let otherCharset = false;
  for (const parameter of parameters) {
    const equals = parameter.indexOf('=');
    const key = trimmed(equals < 0 ? parameter : parameter.slice(0, equals)).toLowerCase();
    const value = equals < 0 ? '' : trimmed(parameter.slice(equals + 1));
    if (key === 'charset' && value.replaceAll('"', '').toLowerCase() !== 'utf-8') {
      otherCharset = true;
    }
    if (key === 'q' && weight === undefined) {
      weight = WEIGHT.test(value) && Number(value) <= 1 ? Number(value) : 1;
    }
  }
  return { name: otherCharset ? '' : name, weight: weight ?? 1 };
}

// 2 for the answer itself, 1 for its type's range, 0 for */*, -1 for a range that does not name it.
function specificityFor(range, answer) {
  if (range === answer) {
    return 2;
  }
  if (range === '*/*') {
    return 0;
  }
  return range.endsWith('/*') && answer.startsWith(range.slice(0, -1)) ? 1 : -1;
}

function trimmed(text) {
  return text.replace(OPTIONAL_WHITESPACE, '');
}
