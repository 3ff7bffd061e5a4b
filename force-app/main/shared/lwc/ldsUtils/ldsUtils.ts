/**
 * Turns every error shape a component meets (Apex `AuraHandledException`, UI API and fetch
 * errors, page-level errors, JavaScript errors, plain strings) into a list of readable
 * messages. Components show these instead of raw exception text.
 *
 * Also recognises the one failure a component must explain itself: a call refused because the
 * user may not run the Apex class at all (no permission set opens it), so it can name the
 * permission set to ask for instead of showing the platform's text.
 */

interface BodyWithMessage {
  message?: unknown;
  pageErrors?: { message?: unknown }[];
  fieldErrors?: Record<string, { message?: unknown }[]>;
  output?: {
    errors?: { message?: unknown }[];
    fieldErrors?: Record<string, { message?: unknown }[]>;
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function messagesOf(list: { message?: unknown }[] | undefined): string[] {
  return (list ?? []).map((item) => item.message).filter((m): m is string => typeof m === 'string');
}

function messagesOfBody(body: BodyWithMessage): string[] {
  const messages = [
    ...messagesOf(body.pageErrors),
    ...Object.values(body.fieldErrors ?? {}).flatMap(messagesOf),
    ...messagesOf(body.output?.errors),
    ...Object.values(body.output?.fieldErrors ?? {}).flatMap(messagesOf),
  ];
  if (messages.length === 0 && typeof body.message === 'string') {
    messages.push(body.message);
  }
  return messages;
}

function messagesOfOne(error: unknown): string[] {
  if (typeof error === 'string') {
    return [error];
  }
  if (!isObject(error)) {
    return [];
  }
  const body = error.body;
  if (Array.isArray(body)) {
    return body.flatMap((item: unknown) => (isObject(item) ? messagesOfBody(item as BodyWithMessage) : []));
  }
  if (isObject(body)) {
    return messagesOfBody(body);
  }
  if (typeof error.message === 'string') {
    return [error.message];
  }
  if (typeof error.statusText === 'string') {
    return [error.statusText];
  }
  return [];
}

/** Readable, de-duplicated messages for one error or a list of errors; empty messages dropped. */
export function reduceErrors(errors: unknown): string[] {
  const list: unknown[] = Array.isArray(errors) ? errors : [errors];
  const messages = list
    .flatMap(messagesOfOne)
    .map((m) => m.trim())
    .filter((m) => m.length > 0);
  return [...new Set(messages)];
}

/** The platform's wording when a user may not run an Apex class (Winter '21 and later). */
const NO_CLASS_ACCESS = /\b(?:do not|don't|don’t) have access to the Apex class\b/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * True when the call failed because the user may not run the Apex class itself: none of the user's
 * permission sets (or profile) opens it, so every call of the class fails. The platform says "You
 * do not have access to the Apex class named 'AccountHierarchyController'." In another language
 * the sentence is presumably translated (unverified) while the quoted class name stays: pass the
 * classes the component calls to recognise that form too (with or without a namespace prefix).
 */
export function isNoApexClassAccess(error: unknown, apexClasses: readonly string[] = []): boolean {
  const quoted = apexClasses.map(
    (name) => new RegExp(`['‘’"“”](?:\\w+(?:__|\\.))?${escapeRegExp(name)}['‘’"“”]`),
  );
  const list: unknown[] = Array.isArray(error) ? error : [error];
  return list
    .flatMap(messagesOfOne)
    .some((message) => NO_CLASS_ACCESS.test(message) || quoted.some((pattern) => pattern.test(message)));
}

/**
 * The platform refuses an Apex call before any Apex runs when a parameter cannot be turned into its
 * declared type (an `Id` parameter holding something that is not a record Id); its message is fixed
 * English text: "Value provided is invalid for action parameter 'recordId' of type 'Id'".
 * @returns the name of the refused parameter, or null for any other error
 */
export function invalidParameterName(error: unknown): string | null {
  if (!isObject(error) || !isObject(error.body) || typeof error.body.message !== 'string') {
    return null;
  }
  const match = /^Value provided is invalid for action parameter '(\w+)' of type /.exec(error.body.message);
  return match?.[1] ?? null;
}

/**
 * Replaces `{0}`, `{1}`… in a custom label with the arguments, as the platform's label formatting
 * does; a placeholder without an argument stays as it is.
 */
export function formatLabel(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? placeholder : String(value);
  });
}
