/**
 * The bench's statistics, checked against reference values from SciPy 1.17
 * (`scipy.stats.mannwhitneyu(x, y, method="asymptotic")`, two-sided, continuity-corrected).
 */
import { describe, expect, it } from "vitest";
import { complementaryErrorFunction, mannWhitneyU, median, percentile } from "../../bench/stats.mjs";

describe("percentiles", () => {
  it("the median of an odd sample is its middle value, whatever the input order", () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it("the median of an even sample is the mean of the two middle values", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("p99 interpolates between the two closest ranks", () => {
    const hundredOne = Array.from({ length: 101 }, (_, i) => i);
    expect(percentile(hundredOne, 0.99)).toBeCloseTo(99, 10);
    expect(percentile([10, 20], 0.99)).toBeCloseTo(19.9, 10);
  });

  it("an empty sample has no median", () => {
    expect(median([])).toBeNaN();
  });
});

describe("Mann-Whitney U", () => {
  it("two fully separated samples give U = 0 and the p-value SciPy gives", () => {
    const result = mannWhitneyU([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
    expect(result.u).toBe(0);
    expect(result.p).toBeCloseTo(0.012185780355344813, 6);
  });

  it("ties get average ranks and the tie-corrected variance", () => {
    const result = mannWhitneyU([1, 2, 2, 3, 5, 5, 5], [2, 3, 3, 4, 5, 6]);
    expect(result.u).toBe(16.5);
    expect(result.p).toBeCloseTo(0.5578057115017105, 6);
  });

  it("identical samples are indistinguishable: p = 1", () => {
    const result = mannWhitneyU([1.1, 2.2, 3.3, 4.4], [1.1, 2.2, 3.3, 4.4]);
    expect(result.u).toBe(8);
    expect(result.p).toBe(1);
  });

  it("a half-standard-deviation shift over 40 and 50 samples is detected at p ≈ 0.03", () => {
    const x = [
      10.3, 10.8, 10.3, 8.7, 10.9, 10.4, 9.5, 10.6, 10.4, 10.3, 10.0, 10.5, 9.3, 9.8, 9.5, 10.6, 10.0, 9.7, 9.2, 9.7, 10.0,
      9.7, 11.3, 11.0, 7.3, 8.1, 9.8, 9.6, 10.2, 10.2, 12.1, 8.9, 9.6, 12.0, 10.6, 10.7, 9.5, 8.4, 10.2, 10.1,
    ];
    const y = [
      9.3, 9.8, 10.4, 9.6, 10.4, 10.6, 10.5, 10.0, 11.1, 11.4, 10.8, 9.7, 11.2, 10.0, 11.4, 9.4, 11.4, 10.5, 9.3, 10.2, 10.6,
      10.8, 9.5, 9.4, 10.7, 10.0, 10.7, 11.3, 8.9, 10.8, 11.7, 10.2, 9.7, 11.3, 10.8, 11.4, 10.2, 9.0, 10.4, 10.1, 11.3, 10.7,
      8.9, 9.3, 11.4, 11.2, 9.9, 10.5, 10.9, 11.0,
    ];
    const result = mannWhitneyU(x, y);
    expect(result.u).toBe(732);
    expect(result.z).toBeLessThan(0);
    expect(result.p).toBeCloseTo(0.029686200719249125, 6);
  });

  it("swapping the samples keeps the p-value and mirrors U", () => {
    const x = [3, 5, 8, 13, 21];
    const y = [1, 2, 4, 6, 7, 9];
    const forward = mannWhitneyU(x, y);
    const backward = mannWhitneyU(y, x);
    expect(forward.u + backward.u).toBe(x.length * y.length);
    expect(forward.p).toBeCloseTo(backward.p, 12);
  });
});

describe("the normal tail", () => {
  it("erfc matches known values to seven digits", () => {
    expect(complementaryErrorFunction(0)).toBeCloseTo(1, 7);
    expect(complementaryErrorFunction(1)).toBeCloseTo(0.1572992070502851, 7);
    expect(complementaryErrorFunction(-1)).toBeCloseTo(1.842700792949715, 7);
    expect(complementaryErrorFunction(3) / 2.209049699858544e-5).toBeCloseTo(1, 6);
  });
});
