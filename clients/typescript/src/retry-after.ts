// When an answer says to try again. RFC 9110's Retry-After is whole seconds or an HTTP-date, in any of
// its three formats (every recipient must accept the two obsolete ones); a past date is 0. Anything else
// asks for no delay: a broken header must neither hold a caller back nor hurry it. Java's RetryAfter
// follows the same rules (contract/client-responses.json, `retryAfter`).

/**
 * The longest delay a client reports, 24.8 days: the longest a timer waits (2^31 - 1 ms). `setTimeout` fires at
 * once for a longer one, so a caller that waited as told for ten years would retry at once instead.
 */
export const MAX_RETRY_AFTER_SECONDS = 2_147_483;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = DAYS.join('|');
const LONG_DAY = 'Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday';
const MONTH = MONTHS.join('|');
const TIME = '(?<hour>\\d{2}):(?<minute>\\d{2}):(?<second>\\d{2})';
const DATES = [
  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
  new RegExp(`^(?<weekday>${DAY}), (?<day>\\d{2}) (?<month>${MONTH}) (?<year>\\d{4}) ${TIME} GMT$`),
  // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
  new RegExp(`^(?<weekday>${LONG_DAY}), (?<day>\\d{2})-(?<month>${MONTH})-(?<year>\\d{2}) ${TIME} GMT$`),
  // asctime: Sun Nov  6 08:49:37 1994
  new RegExp(`^(?<weekday>${DAY}) (?<month>${MONTH}) (?<day> \\d|\\d{2}) ${TIME} (?<year>\\d{4})$`),
];

/**
 * The longest delay the answer asks for: its errors' `retryAfterSeconds` and, on a failure status (4xx, 5xx,
 * where HTTP gives the header its meaning), its `Retry-After` header.
 */
export function retryDelay(
  status: number,
  header: string | null,
  errors: ReadonlyArray<{ retryAfterSeconds?: number }>,
  now = Date.now(),
): number | undefined {
  const delays = errors.flatMap((error) => (error.retryAfterSeconds === undefined ? [] : [error.retryAfterSeconds]));
  const headerDelay = header !== null && status >= 400 ? retryAfterSeconds(header, now) : undefined;
  if (headerDelay !== undefined) delays.push(headerDelay);
  return delays.length > 0 ? Math.max(...delays) : undefined;
}

/** A `Retry-After` value as whole seconds from `now` (epoch milliseconds); several headers, joined with commas, are no value. */
export function retryAfterSeconds(header: string, now: number): number | undefined {
  const value = header.replace(/^[ \t]+|[ \t]+$/g, '');
  const seconds = /^[0-9]+$/.test(value) ? Number(value) : secondsUntilDate(value, now);
  return seconds === undefined ? undefined : Math.min(seconds, MAX_RETRY_AFTER_SECONDS);
}

function secondsUntilDate(value: string, now: number): number | undefined {
  const date = DATES.map((format) => format.exec(value)?.groups).find((groups) => groups !== undefined);
  if (date === undefined) return undefined;
  const [day, hour, minute, second] = [date.day, date.hour, date.minute, date.second].map(Number) as [number, number, number, number];
  const midnight = new Date(0);
  // not Date.UTC, which takes the years 0 to 99 for 1900 to 1999
  midnight.setUTCFullYear(fullYear(date.year!, now), MONTHS.indexOf(date.month!), day);
  const weekday = DAYS.indexOf(date.weekday!.slice(0, 3));
  // a leap second (60) is allowed; a day the month does not have rolls over and is refused
  if (midnight.getUTCDate() !== day || midnight.getUTCDay() !== weekday || hour > 23 || minute > 59 || second > 60) return undefined;
  const at = midnight.getTime() + ((hour * 60 + minute) * 60 + second) * 1000;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** A two-digit year (RFC 850) is the one within 49 years before and 50 years after now. */
function fullYear(year: string, now: number): number {
  if (year.length === 4) return Number(year);
  const current = new Date(now).getUTCFullYear();
  const candidate = current - (current % 100) + Number(year);
  if (candidate > current + 50) return candidate - 100;
  return candidate <= current - 50 ? candidate + 100 : candidate;
}
