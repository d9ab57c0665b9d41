/**
 * Formats the reset code on the "check your email" page as it is typed or pasted, with the same
 * `formatTypedResetCode` the desktop app uses (shared/reset-code.ts): upper case, only characters
 * a code can hold (O read as 0, I and L as 1), at most 8, with the hyphen after the fourth, as in
 * the email. It only helps: the server reads codes just as forgivingly, and the form works
 * without this script. Bundled into worker/public/reset-code-input.js by scripts/build-browser.mjs.
 */
import { formatTypedResetCode } from "../../shared/reset-code.ts";

function startResetCodeFormatting(): void {
  const input = document.getElementById("code");
  if (!(input instanceof HTMLInputElement)) return;
  input.addEventListener("input", () => {
    const formatted = formatTypedResetCode(input.value);
    if (formatted !== input.value) input.value = formatted;
  });
}

startResetCodeFormatting();
