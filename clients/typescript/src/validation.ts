// The input rules of the schema's @constraint directives as zod schemas, with the semantics the
// subgraphs enforce (docs/clients.md, "Validation rules"): strings trimmed as Java's String.strip()
// trims them, a blank required value REQUIRED and nothing else, every other broken rule one error,
// sorted by field path then code. codegen/validation-schemas.cjs generates a schema per input type
// from these builders; contract/input-validation-cases.json holds the server and both clients to it.
import { z } from 'zod';

/** The arguments of one @constraint. */
export interface Rule {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: 'email';
  min?: number;
  max?: number;
  minItems?: number;
  maxItems?: number;
}

/** A broken rule, shaped like the server's `UserError`: the same `code` and `field` path. */
export interface InputError {
  code: 'REQUIRED' | 'INVALID_LENGTH' | 'INVALID_FORMAT' | 'INVALID_EMAIL' | 'OUT_OF_RANGE' | 'INVALID';
  /** The path of the value under `input`, e.g. `['input', 'items', '0', 'quantity']`. */
  field: string[];
  message: string;
}

export type InputCheck<T> = { ok: true; value: T } | { ok: false; errors: InputError[] };

// Character.isWhitespace: what String.strip() removes (not the no-break spaces that JavaScript's trim() removes).
const JAVA_WHITESPACE = '\\t\\n\\v\\f\\r\\u001c-\\u001f \\u1680\\u2000-\\u2006\\u2008-\\u200a\\u2028\\u2029\\u205f\\u3000';
const EDGE_WHITESPACE = new RegExp(`^[${JAVA_WHITESPACE}]+|[${JAVA_WHITESPACE}]+$`, 'gu');

/**
 * The characters that show nothing (spaces of every kind, format characters such as U+200B and U+FEFF, the
 * Hangul fillers): a trimmed value made only of them is blank, as the subgraphs judge it (the `invisible`
 * of contract/input-validation-cases.json).
 */
export const INVISIBLE = '[\\p{Z}\\p{Cf}\\t\\n\\u000B\\f\\r\\u001C-\\u001F\\u115F\\u1160\\u3164\\uFFA0]';
const BLANK = new RegExp(`^${INVISIBLE}*$`, 'u');
/** A value's length as the rules count it: a blank one is empty, as it reads. */
const ruleLength = (value: string) => (BLANK.test(value) ? 0 : value.length);

/**
 * format: "email", as the subgraphs check it: a dot-atom local part of at most 64 characters (international
 * letters allowed) and two or more ASCII DNS labels (the `formats` of contract/input-validation-cases.json).
 */
export const EMAIL_PATTERN =
  "(?=[^@]{1,64}@)(?![^@]*[\\u0080-\\u00A0\\u00AD\\u061C\\u115F\\u1160\\u1680\\u180E\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u206F\\u3000\\u3164\\uE000-\\uF8FF\\uFEFF\\uFFA0\\uFFF0-\\uFFFF])[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF-]+)*@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+";
const EMAIL = wholeMatch(EMAIL_PATTERN);

const code = (value: InputError['code']) => ({ params: { code: value } });

/** A String or ID: trimmed, then checked. */
export function text(rule: Rule, required: boolean) {
  let schema = z.string().overwrite((value) => value.replace(EDGE_WHITESPACE, ''));
  if (required && (rule.minLength ?? 0) >= 1) {
    schema = schema.refine((value) => ruleLength(value) > 0, { ...code('REQUIRED'), message: 'must not be blank', abort: true });
  }
  if (rule.minLength !== undefined || rule.maxLength !== undefined) {
    // in UTF-16 code units, as Java counts (zod's own min/max count code points)
    const { minLength = 0, maxLength = Number.MAX_SAFE_INTEGER } = rule;
    schema = schema.refine((value) => ruleLength(value) >= minLength && ruleLength(value) <= maxLength, {
      ...code('INVALID_LENGTH'),
      message: `must be ${minLength} to ${maxLength} characters long`,
    });
  }
  if (rule.pattern !== undefined) schema = schema.regex(wholeMatch(rule.pattern));
  if (rule.format === 'email') {
    schema = schema.refine((value) => EMAIL.test(value), { ...code('INVALID_EMAIL'), message: 'must be a well-formed email address' });
  }
  return schema;
}

/** An Int or Float. */
export function number(rule: Rule, integer: boolean) {
  let schema = integer ? z.number().int() : z.number();
  if (rule.min !== undefined) schema = schema.min(rule.min);
  if (rule.max !== undefined) schema = schema.max(rule.max);
  return schema;
}

/** A list: its size is checked even when items are invalid, as the subgraphs do (zod's own min/max would not). */
export function list<T extends z.ZodType>(item: T, rule: Rule) {
  const { minItems = 0, maxItems = Number.MAX_SAFE_INTEGER } = rule;
  return z.array(item).refine((items) => items.length >= minItems && items.length <= maxItems, {
    ...code('INVALID_LENGTH'),
    message: `must have ${minItems} to ${maxItems} items`,
    when: (payload) => Array.isArray(payload.value),
  });
}

/**
 * Checks a mutation input before it is sent.
 * @returns the trimmed value to send, or the errors the subgraph would answer, sorted by field then code
 */
export function validateInput<T extends z.ZodType>(schema: T, input: unknown): InputCheck<z.output<T>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors = result.error.issues.map((issue) => ({
    code: errorCode(issue, input),
    field: ['input', ...issue.path.map(String)],
    message: issue.message,
  }));
  errors.sort((a, b) => compare(a.field.join('.'), b.field.join('.')) || compare(a.code, b.code));
  return { ok: false, errors };
}

function errorCode(issue: z.core.$ZodIssue, input: unknown): InputError['code'] {
  switch (issue.code) {
    case 'custom':
      return (issue.params?.['code'] as InputError['code'] | undefined) ?? 'INVALID';
    case 'too_small':
    case 'too_big':
      return issue.origin === 'number' ? 'OUT_OF_RANGE' : 'INVALID_LENGTH';
    case 'invalid_format':
      return 'INVALID_FORMAT';
    case 'invalid_type':
      return valueAt(input, issue.path) == null ? 'REQUIRED' : 'INVALID';
    default:
      return 'INVALID';
  }
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | null | undefined)?.[key], input);
}

/** A pattern that matches whole values, as Java's Pattern.matches does. */
function wholeMatch(pattern: string) {
  return new RegExp(`^(?:${pattern})$`, 'u');
}

function compare(a: string, b: string) {
  return a < b ? -1 : a > b ? 1 : 0;
}
