/** Types for bench/stats.mjs, so TypeScript tests can import it. */
export function percentile(values: readonly number[], fraction: number): number;
export function median(values: readonly number[]): number;
export function mannWhitneyU(x: readonly number[], y: readonly number[]): { u: number; z: number; p: number };
export function upperNormalTail(z: number): number;
export function complementaryErrorFunction(x: number): number;
