/**
 * No user-facing English outside the catalogue: every JSX text and every attribute a person reads
 * or hears (label, title, placeholder, alt, aria-label, hints, the "Sending…" label) in the pages,
 * the emails, the shared components and the desktop screens comes from a message key. The
 * pseudo-locale tests catch what this cannot see (a sentence built in a handler); this one names
 * the file and line.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/wrangler-dev.ts";

const FOLDERS = ["worker/src/web/pages", "worker/src/mail/templates", "shared/ui", "shared/i18n/react.tsx", "desktop/src/renderer"];
const READ_ATTRIBUTES = new Set(["label", "title", "placeholder", "alt", "aria-label", "hint", "data-submitting-label", "aria-description"]);
/** Text that is the same in every language: punctuation, the app's name set elsewhere, a code's shape. */
const WORD = /[A-Za-z]{2,}/;

function listSourceFiles(path: string): string[] {
  const absolute = join(ROOT, path);
  if (absolute.endsWith(".tsx")) return [absolute];
  return readdirSync(absolute, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".tsx"))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every place in `file` where English is written straight into what people see. */
function findHardCodedText(file: string, text = readFileSync(file, "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${relative(ROOT, file)}:${line + 1} ${JSON.stringify(text.trim())}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORD.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const value = node.initializer;
      const literal = ts.isStringLiteral(value) ? value : ts.isJsxExpression(value) && value.expression && ts.isStringLiteral(value.expression) ? value.expression : null;
      if (literal && WORD.test(literal.text)) report(node, literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("user-facing text", () => {
  it("comes from the catalogue in every page, email, shared component and desktop screen", () => {
    const files = FOLDERS.flatMap(listSourceFiles);
    expect(files.length).toBeGreaterThan(30);
    expect(files.flatMap((file) => findHardCodedText(file))).toEqual([]);
  });

  it("is found by this check when it is written inline", () => {
    const probe = join(ROOT, "worker/src/web/pages/sign-in.tsx");
    const inlined = readFileSync(probe, "utf8").replace('{t("signIn.title")}</h1>', "Sign in</h1>").replace('label={t("signIn.emailLabel")}', 'label="Email"');
    const found = findHardCodedText(probe, inlined);
    expect(found.map((entry) => entry.replace(/:\d+ /, " "))).toEqual(['worker/src/web/pages/sign-in.tsx "Sign in"', 'worker/src/web/pages/sign-in.tsx "Email"']);
  });
});
