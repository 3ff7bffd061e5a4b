/**
 * The org's validation rules (org.json `validationRules`), as the platform evaluates them on insert
 * and update: a rule whose condition holds for the record as it would be saved refuses that record
 * with its message (FIELD_CUSTOM_VALIDATION_EXCEPTION), and only that record of a partial-success DML.
 *
 * A dataset cannot hold formulas, so a condition is one of a tiny fixed set of kinds (data/README.md),
 * joined with `&&`:
 * - `Field op Operand`: op one of `<`, `<=`, `>`, `>=`, `=`, `!=`; Operand another field of the
 *   object or a literal (`'text'`, a number, `true`, `false`); holds only when both sides have a
 *   value (a blank compares as nothing, as a formula's null does);
 * - `ISBLANK(Field)` and `NOT(ISBLANK(Field))`.
 * Fields are checked against schema.ts when the dataset loads.
 */
import type { ValidationRuleConfig } from './dataset';
import { fieldSchema, objectSchema } from './schema';

type Operator = '<' | '<=' | '>' | '>=' | '=' | '!=';
type Operand = { field: string } | { literal: string | number | boolean };
type Clause =
  | { kind: 'compare'; left: string; op: Operator; right: Operand }
  | { kind: 'blank'; field: string; negated: boolean };

export interface ValidationRule {
  object: string;
  message: string;
  clauses: Clause[];
}

export class ValidationRuleError extends Error {}

const COMPARE = /^([A-Za-z_][A-Za-z0-9_]*)\s*(<=|>=|!=|<|>|=)\s*(.+)$/;
const BLANK = /^(NOT\(\s*)?ISBLANK\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)(\s*\))?$/;

function fieldOf(object: string, name: string, rule: string): string {
  const schema = fieldSchema(object, name);
  if (!schema) throw new ValidationRuleError(`validation rule "${rule}": ${object} has no field ${name}`);
  return schema.name;
}

function operandOf(object: string, text: string, rule: string): Operand {
  if (/^'.*'$/.test(text)) return { literal: text.slice(1, -1) };
  if (text === 'true' || text === 'false') return { literal: text === 'true' };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { literal: Number(text) };
  return { field: fieldOf(object, text, rule) };
}

/**
 * A rule of org.json, parsed and checked against the schema.
 * @throws ValidationRuleError when its condition is not one of the kinds above
 */
export function parseValidationRule(config: ValidationRuleConfig): ValidationRule {
  if (!objectSchema(config.object)) {
    throw new ValidationRuleError(`validation rule "${config.errorWhen}": no object ${config.object}`);
  }
  const clauses = config.errorWhen.split('&&').map((part): Clause => {
    const text = part.trim();
    const blank = BLANK.exec(text);
    if (blank && Boolean(blank[1]) === Boolean(blank[3])) {
      return {
        kind: 'blank',
        field: fieldOf(config.object, blank[2] ?? '', config.errorWhen),
        negated: !!blank[1],
      };
    }
    const compare = COMPARE.exec(text);
    if (!compare) {
      throw new ValidationRuleError(
        `validation rule "${config.errorWhen}": "${text}" is not Field op Operand, ISBLANK(Field) or NOT(ISBLANK(Field))`,
      );
    }
    return {
      kind: 'compare',
      left: fieldOf(config.object, compare[1] ?? '', config.errorWhen),
      op: compare[2] as Operator,
      right: operandOf(config.object, (compare[3] ?? '').trim(), config.errorWhen),
    };
  });
  const object = objectSchema(config.object)?.name;
  if (!object)
    throw new ValidationRuleError(`validation rule "${config.errorWhen}": no object ${config.object}`);
  return { object, message: config.message, clauses };
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function compare(left: unknown, op: Operator, right: unknown): boolean {
  if (isBlank(left) || isBlank(right)) return false;
  const l = left as string | number | boolean;
  const r = right as string | number | boolean;
  switch (op) {
    case '<':
      return l < r;
    case '<=':
      return l <= r;
    case '>':
      return l > r;
    case '>=':
      return l >= r;
    case '=':
      return l === r;
    case '!=':
      return l !== r;
  }
}

function holds(clause: Clause, record: Readonly<Record<string, unknown>>): boolean {
  if (clause.kind === 'blank') return isBlank(record[clause.field]) !== clause.negated;
  const right = 'field' in clause.right ? record[clause.right.field] : clause.right.literal;
  return compare(record[clause.left], clause.op, right);
}

/** The message of the first rule of `objectApiName` the record (as it would be saved) breaks, if any. */
export function validationError(
  rules: readonly ValidationRule[],
  objectApiName: string,
  record: Readonly<Record<string, unknown>>,
): string | undefined {
  return rules.find(
    (rule) => rule.object === objectApiName && rule.clauses.every((clause) => holds(clause, record)),
  )?.message;
}
