/*
 * Formats the reset code on the "check your email" page as it is typed or pasted: upper case,
 * only characters a code can hold (O read as 0, I and L as 1), at most 8, with the hyphen after
 * the fourth, as in the email. It mirrors `formatTypedResetCode` in shared/reset-code.ts. It only
 * helps: the server reads codes just as forgivingly, and the form works without this script.
 */
/* global document */
"use strict";

(function startResetCodeFormatting() {
  const input = document.getElementById("code");
  if (!input) return;
  const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  function readAlike(character) {
    if (character === "O") return "0";
    if (character === "I" || character === "L") return "1";
    return character;
  }

  function format(typed) {
    const characters = Array.from(typed.toUpperCase(), readAlike)
      .filter((character) => alphabet.includes(character))
      .slice(0, 8)
      .join("");
    return characters.length > 4 ? `${characters.slice(0, 4)}-${characters.slice(4)}` : characters;
  }

  input.addEventListener("input", () => {
    const formatted = format(input.value);
    if (formatted !== input.value) input.value = formatted;
  });
})();
