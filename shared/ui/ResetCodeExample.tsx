/**
 * The example code the pages and screens show in their sentences ("like 7KQ2-M9XD"): read left to
 * right in every language, and kept on one line (styles.css), since a code broken at its hyphen
 * reads as two.
 */
import { RESET_CODE_EXAMPLE } from "../reset-code.ts";

/** The example reset code, as an isolated, unbreakable piece of a sentence. */
export function ResetCodeExample() {
  return (
    <bdi dir="ltr" className="reset-code-example">
      {RESET_CODE_EXAMPLE}
    </bdi>
  );
}
