/**
 * "Enter the code from the email": for a reset email read on another device. The code is
 * formatted as it is typed or pasted (`XXXX-XXXX`) and checked for shape here, so a typo costs
 * no guess; the Worker decides the rest. Its refusal reads the same whether or not the address
 * has an account. The Worker allows 5 wrong codes per code; the form counts the refusals it has
 * seen so it can say plainly when the code has stopped working, which needs no knowledge of
 * the account either.
 */
import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { ErrorCode } from "../../../../shared/errors.ts";
import { formatTypedResetCode, normalizeResetCode } from "../../../../shared/reset-code.ts";
import { ApiError, describeError, getApi, unwrap } from "../api-bridge.ts";
import { FormError } from "./FormError.tsx";
import { TextField } from "./TextField.tsx";

/** Wrong codes the Worker accepts per code; the same number the server enforces. */
export const CODE_GUESS_BUDGET = 5;
const CODE_SHAPE_MESSAGE = "Enter the 8-character code from the email, like 7KQ2-M9XD.";
const BUDGET_SPENT_MESSAGE = `That code did not work either. After ${CODE_GUESS_BUDGET} wrong tries a code stops working: send a new email and use its code.`;

export interface ResetCodeFormProps {
  /** The address the email went to, when this screen already knows it. */
  email?: string;
  /** Called with the fresh reset token once the Worker accepts the code. */
  onRedeemed(token: string): void;
}

export function ResetCodeForm({ email: knownEmail, onRedeemed }: ResetCodeFormProps) {
  const [email, setEmail] = useState(knownEmail ?? "");
  const [code, setCode] = useState("");
  const [shapeError, setShapeError] = useState<string | null>(null);
  const [wrongCodes, setWrongCodes] = useState(0);
  const codeInput = useRef<HTMLInputElement>(null);
  const redeem = useMutation({
    mutationFn: (request: { email: string; code: string }) => unwrap(getApi().redeemResetCode(request)),
    onSuccess: (redeemed) => onRedeemed(redeemed.token),
    onError: (error) => {
      if (error instanceof ApiError && error.code === ErrorCode.codeInvalid) setWrongCodes((count) => count + 1);
      codeInput.current?.focus();
    },
  });
  const fieldErrors = redeem.error instanceof ApiError ? redeem.error.fieldErrors : {};
  const refused = redeem.error instanceof ApiError && redeem.error.code === ErrorCode.codeInvalid;
  const refusal = refused && wrongCodes >= CODE_GUESS_BUDGET ? BUDGET_SPENT_MESSAGE : redeem.isError ? describeError(redeem.error) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!normalizeResetCode(code)) {
      setShapeError(CODE_SHAPE_MESSAGE);
      codeInput.current?.focus();
      return;
    }
    setShapeError(null);
    redeem.mutate({ email: knownEmail ?? email, code });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Enter the code from the email">
      <FormError message={shapeError ?? (fieldErrors.code || fieldErrors.email ? null : refusal)} />
      {knownEmail === undefined ? (
        <TextField
          label="Email address"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          error={fieldErrors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
      ) : null}
      <TextField
        ref={codeInput}
        label="Code from the email"
        hint="8 characters, like 7KQ2-M9XD"
        name="code"
        type="text"
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        required
        value={code}
        error={shapeError ?? fieldErrors.code}
        onChange={(event) => setCode(formatTypedResetCode(event.target.value))}
      />
      <button className="button button-primary" type="submit" disabled={redeem.isPending}>
        {redeem.isPending ? "Checking…" : "Continue with code"}
      </button>
    </form>
  );
}
