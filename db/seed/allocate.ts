/**
 * Splits `total` into whole parts proportional to `weights`. Rounding the
 * running total rather than each part keeps every part within one of its
 * exact share and makes the parts add up to exactly `total`.
 */
export function allocate(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);

  let running = 0;
  let assigned = 0;
  return weights.map((weight) => {
    running += weight;
    const upTo = Math.round((running / sum) * total);
    const part = upTo - assigned;
    assigned = upTo;
    return part;
  });
}
