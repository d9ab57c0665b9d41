/**
 * The shared form field (shared/ui/Field.tsx, the one the web pages render) with an id of its
 * own, so a screen can show several fields without naming each.
 */
import { useId } from "react";
import { Field, type FieldProps } from "../../../../shared/ui/Field.tsx";

export type TextFieldProps = Omit<FieldProps, "id">;

export function TextField(props: TextFieldProps) {
  const id = useId();
  return <Field id={id} {...props} />;
}
