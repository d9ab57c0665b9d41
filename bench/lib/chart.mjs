/**
 * The latency chart for RESULTS.md: one panel per system, each overlaying the distribution of
 * response times for known and unknown addresses as histogram outlines on a shared millimetre
 * scale. Plain SVG text, so it needs no package and diffs as text.
 */
import { percentile } from "../stats.mjs";

const WIDTH = 760;
const PANEL_HEIGHT = 260;
const MARGIN = { left: 60, right: 20, top: 66, bottom: 44 };
const BINS = 48;
const COLOURS = { known: "#c2410c", unknown: "#1d4ed8" };

function escapeXml(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

function histogram(values, low, high) {
  const counts = new Array(BINS).fill(0);
  const width = (high - low) / BINS;
  for (const value of values) {
    if (value < low || value > high) continue;
    counts[Math.min(BINS - 1, Math.floor((value - low) / width))] += 1;
  }
  return counts.map((count) => count / values.length);
}

function panel({ title, known, unknown }, top) {
  const all = [...known, ...unknown];
  const low = percentile(all, 0.005);
  const high = Math.max(percentile(all, 0.99), low + 0.01);
  const series = { known: histogram(known, low, high), unknown: histogram(unknown, low, high) };
  const peak = Math.max(...series.known, ...series.unknown, 0.001);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (ms) => MARGIN.left + ((ms - low) / (high - low)) * plotWidth;
  const y = (share) => top + MARGIN.top + plotHeight - (share / peak) * plotHeight;
  const parts = [`<text x="${MARGIN.left}" y="${top + 22}" font-size="15" font-weight="bold">${escapeXml(title)}</text>`];
  parts.push(
    `<line x1="${MARGIN.left}" y1="${y(0)}" x2="${WIDTH - MARGIN.right}" y2="${y(0)}" stroke="#444"/>`,
    `<line x1="${MARGIN.left}" y1="${y(0)}" x2="${MARGIN.left}" y2="${y(peak)}" stroke="#444"/>`,
  );
  for (let tick = 0; tick <= 5; tick += 1) {
    const ms = low + ((high - low) * tick) / 5;
    parts.push(`<text x="${x(ms)}" y="${y(0) + 16}" font-size="11" text-anchor="middle">${ms.toFixed(2)}</text>`);
  }
  parts.push(`<text x="${MARGIN.left + plotWidth / 2}" y="${y(0) + 34}" font-size="12" text-anchor="middle">response time (ms), 0.5th to 99th percentile</text>`);
  parts.push(`<text x="14" y="${top + MARGIN.top + plotHeight / 2}" font-size="12" transform="rotate(-90 14 ${top + MARGIN.top + plotHeight / 2})" text-anchor="middle">share of requests</text>`);
  const binWidth = (high - low) / BINS;
  for (const name of ["unknown", "known"]) {
    let path = `M ${x(low)} ${y(0)}`;
    series[name].forEach((share, i) => {
      path += ` L ${x(low + i * binWidth)} ${y(share)} L ${x(low + (i + 1) * binWidth)} ${y(share)}`;
    });
    path += ` L ${x(high)} ${y(0)}`;
    parts.push(`<path d="${path}" fill="${COLOURS[name]}" fill-opacity="0.12" stroke="${COLOURS[name]}" stroke-width="1.6"/>`);
    const median = percentile(name === "known" ? known : unknown, 0.5);
    parts.push(`<line x1="${x(median)}" y1="${y(0)}" x2="${x(median)}" y2="${y(peak)}" stroke="${COLOURS[name]}" stroke-dasharray="4 3"/>`);
  }
  const legendX = MARGIN.left + 10;
  ["known", "unknown"].forEach((name, i) => {
    const values = name === "known" ? known : unknown;
    const label = `${name} email (n=${values.length}, median ${percentile(values, 0.5).toFixed(3)} ms)`;
    parts.push(
      `<rect x="${legendX}" y="${top + 32 + i * 16}" width="12" height="10" fill="${COLOURS[name]}"/>`,
      `<text x="${legendX + 18}" y="${top + 41 + i * 16}" font-size="11">${escapeXml(label)}</text>`,
    );
  });
  return parts.join("\n");
}

/** Renders panels `[{ title, known, unknown }]` (samples in ms) as one SVG document. */
export function renderTimingChart(panels) {
  const height = PANEL_HEIGHT * panels.length;
  const body = panels.map((p, i) => panel(p, i * PANEL_HEIGHT)).join("\n");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
${body}
</svg>
`;
}
