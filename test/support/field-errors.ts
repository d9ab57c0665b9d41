/**
 * What a person sees after a refused form, on the web pages and the desktop screens alike
 * (shared/ui/ErrorSummary.tsx, shared/ui/Field.tsx): the summary in the alert region names each
 * field to fix as a link, and each field's sentence stands next to it, tied to the input by
 * aria-describedby, so a screen reader reads it with the field.
 *
 * @example
 * expect(await readFieldErrors(page)).toEqual([["Confirm new password", "The two passwords don't match."]]);
 */
import type { Page } from "playwright-core";

/** Waits for the summary to list `label`, then returns every listed field with its sentence, in order. */
export async function readFieldErrors(page: Page, label?: string): Promise<Array<[label: string, sentence: string]>> {
  const links = page.getByRole("alert").getByRole("link");
  if (label) await links.getByText(label, { exact: true }).waitFor();
  else await links.first().waitFor();
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('[role="alert"] a[href^="#"]')].map((link) => {
      const input = document.getElementById((link.getAttribute("href") ?? "").slice(1));
      const sentences = (input?.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .filter((id) => id.endsWith("-error"))
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? "");
      return [link.textContent?.trim() ?? "", sentences.join(" ")] as [string, string];
    }),
  );
}
