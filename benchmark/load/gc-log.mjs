// The subgraphs' garbage-collection pauses, read from the JVM's own log (-Xlog:gc with wall-clock times).
import { readFileSync } from 'node:fs';

/** The JVM option that makes a subgraph log its collections to `file`, each line stamped with the time. */
export function gcLogOption(file) {
  return `-Xlog:gc:file=${file}:time`;
}

// [2026-12-05T07:01:00.314+0000] GC(12) Pause Young (Allocation Failure) 30M->12M(60M) 4.123ms
const PAUSE = /^\[([^\]]+)\] GC\(\d+\) Pause (\w+).* ([\d.]+)ms$/;

/**
 * The pauses logged in `file` that began between `fromMs` and `toMs` (epoch milliseconds): how many,
 * the longest, and how many were full collections. Null when there is no log.
 */
export function pausesBetween(file, fromMs, toMs) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const pauses = [];
  for (const line of text.split('\n')) {
    const match = PAUSE.exec(line);
    if (!match) {
      continue;
    }
    const endedAt = Date.parse(match[1].replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    const ms = Number(match[3]);
    // The line is written when the pause ends.
    if (endedAt - ms >= fromMs && endedAt - ms <= toMs) {
      pauses.push({ kind: match[2], ms });
    }
  }
  return {
    count: pauses.length,
    maxMs: pauses.length ? Math.max(...pauses.map((pause) => pause.ms)) : 0,
    full: pauses.filter((pause) => pause.kind === 'Full').length,
  };
}
