/**
 * The front door and the reference hold together: every relative link in README.md and docs/
 * names a file that exists, and the README stays a front door, not a manual.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/wrangler-dev.ts";

const DOCUMENTS = ["README.md", ...readdirSync(join(ROOT, "docs")).filter((name) => name.endsWith(".md")).map((name) => `docs/${name}`)];

/** Every link target of a Markdown file, without code blocks, where links are only examples. */
function readLinkTargets(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8").replace(/```[\s\S]*?```/g, "");
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] as string);
}

describe("the documentation", () => {
  it("links only to files that exist", () => {
    const broken = DOCUMENTS.flatMap((file) =>
      readLinkTargets(file)
        .filter((target) => !/^(https?:|mailto:|#)/.test(target))
        .filter((target) => !existsSync(join(ROOT, dirname(file), target.split("#")[0] ?? "")))
        .map((target) => `${file} → ${target}`),
    );
    expect(DOCUMENTS.length).toBeGreaterThan(10);
    expect(broken).toEqual([]);
  });

  it("keeps the README a front door of at most 250 lines", () => {
    expect(readFileSync(join(ROOT, "README.md"), "utf8").split("\n").length).toBeLessThanOrEqual(250);
  });

  it("lists every document of docs/ in its index", () => {
    const index = readFileSync(join(ROOT, "docs/README.md"), "utf8");
    const unlisted = DOCUMENTS.filter((file) => file.startsWith("docs/") && file !== "docs/README.md").filter(
      (file) => !index.includes(`](${relative("docs", file)})`),
    );
    expect(unlisted).toEqual([]);
  });
});
