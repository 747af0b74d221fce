// The few numbers helpers every benchmark report uses, in one place.

/** The median; of an even count, the mean of the two middle values. */
export function medianOf(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function round1(value) {
  return Math.round(value * 10) / 10;
}

export function round3(value, digits = 3) {
  return Number(value.toFixed(digits));
}
