/**
 * The shared form field (shared/ui/Field.tsx, the one the web pages render) with an id of its
 * own, so a screen can show several fields without naming each. A screen that links to the field
 * from its error summary passes the id it made with `useId`.
 */
import { useId } from "react";
import { Field, type FieldProps } from "../../../../shared/ui/Field.tsx";

export type TextFieldProps = Omit<FieldProps, "id"> & { id?: string };

export function TextField({ id, ...props }: TextFieldProps) {
  const ownId = useId();
  return <Field id={id ?? ownId} {...props} />;
}
