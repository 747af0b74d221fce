// A client's text as an error message shows it (contract/shown-text.json, ShownText in the subgraphs):
// each code point that would not show as itself (a control or format character such as a bidi
// override, an unpaired surrogate, a private-use or unassigned one) as U+FFFD, and at most
// MESSAGE_CODE_POINTS code points, the last one "…" where it was cut (so a subgraph's message, shown
// already, shows as itself). graphql-js quotes variables and literals in full in
// its messages: a bidi override or an escape sequence rewrote what a reader of a log saw, and a 900 KB
// string sent as an Int came back twice in a 1.8 MB answer.

export const MESSAGE_CODE_POINTS = 500;
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u;
const HIDDEN_ALL = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu;

/** The text as shown: the text itself when it shows as itself in full. */
export function shownText(text, maxCodePoints = MESSAGE_CODE_POINTS) {
  // Up to maxCodePoints UTF-16 units are at most as many code points: no count needed.
  const short = text.length <= maxCodePoints;
  if (short && !HIDDEN.test(text)) {
    return text;
  }
  const visible = text.replace(HIDDEN_ALL, '\uFFFD');
  if (short) {
    return visible;
  }
  const codePoints = Array.from(visible);
  return codePoints.length > maxCodePoints ? `${codePoints.slice(0, maxCodePoints - 1).join('')}…` : visible;
}
