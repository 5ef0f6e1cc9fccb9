import { z } from '../common/zod.js';
import { localizedTextSchema, type LocalizedText } from '../common/labels.js';
import { parse } from '../common/parse.js';
import { FormulaSyntaxError } from './formula-error.js';
import { parseFormula } from './parser.js';
import {
  compileFormula,
  formulaNumber,
  FormulaEvaluationStop,
  type FormulaScope,
} from './evaluate.js';
import type { IndicatorDataset } from './dataset.js';
import { parsePeriod } from './period.js';
import { printFormula } from './print.js';
import { identifierSchema, referenceKey, type FormulaNode } from './syntax.js';
import { missingValueStrategySchema } from './definition.js';
import type { Exact } from './exact.js';

const formulaText = z.string().superRefine((text, context) => {
  try {
    parseFormula(text);
  } catch (error) {
    if (!(error instanceof FormulaSyntaxError)) throw error;
    context.addIssue({ code: 'custom', message: error.text.en, params: { text: error.text } });
  }
});

/**
 * Schema of a validation rule: `left operator right`, e.g. satisfied parents ≤ surveyed
 * parents. A rule whose sides are all missing is skipped (per its missing-value strategy).
 *
 * @example
 * ```ts
 * import { validationRuleSchema } from '@eduset/core/indicators';
 * validationRuleSchema.parse({
 *   id: 'satisfied-not-above-surveyed',
 *   name: { ru: 'Удовлетворённых не больше опрошенных', en: 'Satisfied not above surveyed' },
 *   left: '#{parents-satisfied}', operator: '<=', right: '#{parents-surveyed}',
 * });
 * ```
 */
export const validationRuleSchema = z
  .object({
    id: identifierSchema,
    name: localizedTextSchema,
    left: formulaText,
    operator: z.enum(['==', '!=', '<', '<=', '>', '>=']),
    right: formulaText,
    importance: z.enum(['high', 'medium', 'low']).default('medium'),
    missingValueStrategy: missingValueStrategySchema.default('skip-if-all-missing'),
  })
  .strict();

/**
 * A validation rule (see {@link validationRuleSchema}).
 *
 * @example
 * ```ts
 * import type { ValidationRule } from '@eduset/core/indicators';
 * declare const rule: ValidationRule;
 * rule.operator; // '<='
 * ```
 */
export type ValidationRule = z.output<typeof validationRuleSchema>;

/**
 * A rule broken by the data of one org unit and period.
 *
 * @example
 * ```ts
 * import type { ValidationViolation } from '@eduset/core/indicators';
 * declare const v: ValidationViolation;
 * v.text.ru; // 'Удовлетворённых не больше опрошенных: 52 <= 50 не выполняется'
 * ```
 */
export interface ValidationViolation {
  readonly rule: string;
  readonly importance: ValidationRule['importance'];
  readonly orgUnit: string;
  readonly period: string;
  readonly left: string | null;
  readonly right: string | null;
  /** The rule with numbers substituted. */
  readonly substituted: string;
  readonly text: LocalizedText;
}

function holds(left: Exact, operator: ValidationRule['operator'], right: Exact): boolean {
  const order = left.compare(right);
  switch (operator) {
    case '==':
      return order === 0;
    case '!=':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

/**
 * Checks validation rules for each org unit (with its subtree) and period and returns every
 * violation, in rule, org unit, period order. Division by zero inside a side makes the rule
 * not applicable (no violation).
 *
 * @throws ValidationError when a rule is invalid.
 * @example
 * ```ts
 * import { createDataset, checkValidationRules } from '@eduset/core/indicators';
 * declare const input: unknown;
 * const violations = checkValidationRules(
 *   [{ id: 'r', name: { ru: 'Правило', en: 'Rule' }, left: '#{parents-satisfied}', operator: '<=', right: '#{parents-surveyed}' }],
 *   createDataset(input),
 *   { orgUnits: ['kp-teremok'], periods: ['2019-2020'] },
 * );
 * ```
 */
export function checkValidationRules(
  rules: readonly unknown[],
  dataset: IndicatorDataset,
  query: { readonly orgUnits?: readonly string[]; readonly periods: readonly string[] },
): ValidationViolation[] {
  const parsed = rules.map((rule) => parse(validationRuleSchema, rule));
  const units = query.orgUnits ?? dataset.orgUnits.map((unit) => unit.id);
  const violations: ValidationViolation[] = [];
  for (const rule of parsed) {
    const leftTree = parseFormula(rule.left);
    const rightTree = parseFormula(rule.right);
    const left = compileFormula(leftTree);
    const right = compileFormula(rightTree);
    for (const unit of units) {
      for (const periodId of query.periods) {
        const period = parsePeriod(periodId);
        if (period === undefined) continue;
        const values = new Map<string, string | null>();
        let missing = 0;
        let references = 0;
        const scope: FormulaScope = {
          dataElement: (ref) => {
            const value = dataset.aggregate(ref, unit, period).value;
            values.set(`#{${referenceKey(ref)}}`, value?.toString() ?? null);
            return value;
          },
          aggregate: (fn, ref) => {
            const value = dataset.aggregateRaw(fn, ref, unit, period).value;
            values.set(`${fn}(#{${referenceKey(ref)}})`, value?.toString() ?? null);
            return value;
          },
          constant: (id) => dataset.constant(id),
          indicator: () => null,
        };
        let leftValue: Exact | null;
        let rightValue: Exact | null;
        try {
          leftValue = formulaNumber(left(scope));
          rightValue = formulaNumber(right(scope));
        } catch (error) {
          if (error instanceof FormulaEvaluationStop) continue;
          throw error;
        }
        for (const value of values.values()) {
          references += 1;
          if (value === null) missing += 1;
        }
        if (missing > 0) {
          if (rule.missingValueStrategy === 'skip-if-any-missing') continue;
          if (rule.missingValueStrategy === 'skip-if-all-missing' && missing === references)
            continue;
        }
        if (leftValue === null || rightValue === null) continue;
        if (holds(leftValue, rule.operator, rightValue)) continue;
        const leaf = (node: FormulaNode): string | undefined => {
          const key =
            node.type === 'dataElement'
              ? `#{${referenceKey(node)}}`
              : node.type === 'aggregate'
                ? `${node.function}(#{${referenceKey(node.argument)}})`
                : undefined;
          return key === undefined ? undefined : (values.get(key) ?? '∅');
        };
        const substituted = `${printFormula(leftTree, leaf)} ${rule.operator} ${printFormula(rightTree, leaf)}`;
        violations.push({
          rule: rule.id,
          importance: rule.importance,
          orgUnit: unit,
          period: periodId,
          left: leftValue.toString(),
          right: rightValue.toString(),
          substituted,
          text: {
            ru: `${rule.name.ru}: ${substituted} не выполняется`,
            en: `${rule.name.en}: ${substituted} does not hold`,
          },
        });
      }
    }
  }
  return violations;
}
