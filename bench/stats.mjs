/**
 * The statistics the bench reports: medians and percentiles, and the Mann-Whitney U test that
 * decides whether two latency samples (known vs unknown email) come from the same
 * distribution. Latencies are heavily skewed and tied at the timer's resolution, so the test is
 * rank-based with a tie-corrected normal approximation and a continuity correction, the same
 * asymptotic method SciPy's `mannwhitneyu` uses; with hundreds of samples per side the
 * approximation is accurate.
 *
 * @example
 * const { u, z, p } = mannWhitneyU(knownMs, unknownMs);
 * if (p < 0.01) console.log("an attacker can tell accounts apart");
 */

/** The value below which `fraction` of the sorted sample lies (linear interpolation). */
export function percentile(values, fraction) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * Math.min(Math.max(fraction, 0), 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/** The median of a sample. */
export function median(values) {
  return percentile(values, 0.5);
}

/**
 * Two-sided Mann-Whitney U test of `x` against `y`. Returns U for `x` (how many (x, y) pairs
 * have x above y, ties counting one half), the z score and the p-value.
 */
export function mannWhitneyU(x, y) {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) return { u: Number.NaN, z: Number.NaN, p: Number.NaN };
  const pooled = [...x.map((value) => ({ value, fromX: true })), ...y.map((value) => ({ value, fromX: false }))];
  pooled.sort((a, b) => a.value - b.value);

  // Average ranks over runs of ties; each run of t ties feeds the variance correction.
  const n = n1 + n2;
  let rankSumX = 0;
  let tieTerm = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && pooled[end + 1].value === pooled[start].value) end += 1;
    const run = end - start + 1;
    const averageRank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i += 1) if (pooled[i].fromX) rankSumX += averageRank;
    tieTerm += run ** 3 - run;
    start = end + 1;
  }

  const u = rankSumX - (n1 * (n1 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { u, z: 0, p: 1 };
  const distance = Math.abs(u - mean);
  // Continuity correction: U moves in steps of one half, the normal curve does not.
  const z = Math.max(distance - 0.5, 0) / Math.sqrt(variance);
  const p = Math.min(1, 2 * upperNormalTail(z));
  return { u, z: u < mean ? -z : z, p };
}

/** P(Z > z) for a standard normal Z. */
export function upperNormalTail(z) {
  return complementaryErrorFunction(z / Math.SQRT2) / 2;
}

/**
 * erfc(x), with relative error below 1.2e-7 everywhere (the Chebyshev fit from Numerical
 * Recipes, 2nd ed., §6.2), enough for p-values down to the smallest we print.
 */
export function complementaryErrorFunction(x) {
  const z = Math.abs(x);
  const t = 1 / (1 + z / 2);
  const poly =
    -z * z -
    1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const result = t * Math.exp(poly);
  return x >= 0 ? result : 2 - result;
}
