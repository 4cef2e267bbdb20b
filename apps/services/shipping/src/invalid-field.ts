// A business rule's refusal of one field, shaped like a validation failure: the caller gets
// INVALID_INPUT (400) and, through the shared error formatter (which reads `issues` from the
// cause), the message under the field's path in data.fieldErrors, as for a malformed field.
import { DomainError } from "@shop/service-kit";

interface FieldIssue {
  path: (string | number)[];
  message: string;
}

class FieldIssues extends Error {
  override name = "FieldIssues";
  readonly issues: FieldIssue[];

  constructor(issues: FieldIssue[]) {
    super(issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
    this.issues = issues;
  }
}

export function invalidField(
  path: (string | number)[],
  message: string,
  details: Record<string, unknown>,
): DomainError {
  return new DomainError("INVALID_INPUT", message, {
    details,
    cause: new FieldIssues([{ path, message }]),
  });
}
