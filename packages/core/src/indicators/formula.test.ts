import { describe, expect, it } from 'vitest';
import {
  compileFormula,
  evaluateFormula,
  exactOf,
  formulaNodeSchema,
  formulaReferences,
  FormulaEvaluationStop,
  FormulaSyntaxError,
  parseFormula,
  printFormula,
  tokenize,
  type FormulaScope,
} from './index.js';

function errorOf(text: string): FormulaSyntaxError {
  try {
    parseFormula(text);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return error;
    throw error;
  }
  throw new Error(`parsed: ${text}`);
}

const values: Record<string, string | null> = { a: '5', b: null, 'c.x': '2', c: '7', d: '0' };
const scope: FormulaScope = {
  dataElement: (ref) => {
    const key =
      ref.disaggregation === undefined ? ref.element : `${ref.element}.${ref.disaggregation}`;
    const value = values[key];
    return value === undefined || value === null ? null : exactOf(value);
  },
  aggregate: (fn) => exactOf(fn === 'countDistinct' ? 3 : 4),
  constant: (id) => (id === 'k' ? exactOf('0.5') : undefined),
  indicator: (id) => (id === 'other' ? exactOf(10) : null),
};
const run = (text: string): string => String(evaluateFormula(parseFormula(text), scope));

describe('lexer', () => {
  it('reads references, numbers, operators with line and column', () => {
    const tokens = tokenize('#{a.b} +\n  C{k} * I{other}');
    expect(tokens.map((t) => [t.kind, t.text, t.line, t.column])).toEqual([
      ['dataElement', 'a.b', 1, 1],
      ['operator', '+', 1, 8],
      ['constant', 'k', 2, 3],
      ['operator', '*', 2, 8],
      ['indicator', 'other', 2, 10],
      ['end', '', 2, 18],
    ]);
  });
  it('skips // comments', () => {
    expect(tokenize('1 // one\n+ 2').map((t) => t.text)).toEqual(['1', '+', '2', '']);
  });
});

describe('parser', () => {
  it('builds a JSON tree with the usual precedence', () => {
    expect(parseFormula('1 + 2 * 3')).toEqual({
      type: 'binary',
      operator: '+',
      left: { type: 'number', value: '1' },
      right: {
        type: 'binary',
        operator: '*',
        left: { type: 'number', value: '2' },
        right: { type: 'number', value: '3' },
      },
    });
    expect(parseFormula('not #{a} > 1 and #{b} or true').type).toBe('binary');
    expect(parseFormula('countDistinct(#{children.funded})')).toEqual({
      type: 'aggregate',
      function: 'countDistinct',
      argument: { type: 'dataElement', element: 'children', disaggregation: 'funded' },
    });
  });

  it('every tree it builds is valid by the schema', () => {
    const tree = parseFormula(
      'if(isNull(#{a}), coalesce(#{b}, 0), min(#{a}, C{k}, I{x}) % 2) >= -1',
    );
    expect(formulaNodeSchema.parse(tree)).toEqual(tree);
  });

  it.each([
    [
      '#{a} +',
      'unexpected-end',
      1,
      7,
      'ожидается число, ссылку, функцию или «(», а встретилось конец формулы',
    ],
    ['#{a} = 2', 'unexpected-character', 1, 6, 'непонятный символ «=» (сравнение пишется «==»)'],
    ['#{a\n}', 'unterminated-reference', 1, 1, 'ссылка не закрыта знаком «}»'],
    ['#{a b}', 'invalid-reference', 1, 1, '«a b» — недопустимая ссылка'],
    ['(1 + 2', 'unexpected-end', 1, 7, 'ожидается «)»'],
    ['foo(1)', 'unknown-function', 1, 1, 'неизвестное имя «foo»'],
    ['if(1, 2)', 'wrong-argument-count', 1, 1, 'if() ждёт аргументов: 3, передано 2'],
    ['sum(1)', 'aggregate-needs-data-element', 1, 5, 'sum() принимает одну ссылку'],
    ['1 <\n 2 < 3', 'unexpected-token', 2, 4, 'скобки вокруг сравнения'],
    ['1.', 'invalid-number', 1, 1, 'после десятичной точки нужны цифры'],
    ['1 2', 'unexpected-token', 1, 3, 'ожидается оператор или конец формулы'],
  ])('%j fails with %s at %i:%i', (text, code, line, column, ru) => {
    const error = errorOf(text);
    expect(error._tag).toBe('ValidationError');
    expect([error.code, error.line, error.column]).toEqual([code, line, column]);
    expect(error.text.ru).toContain(`строка ${line}, столбец ${column}`);
    expect(error.text.ru).toContain(ru);
    expect(error.text.en).toContain(`line ${line}, column ${column}`);
    expect(error.issues[0]?.path).toEqual(['formula', line, column]);
  });

  it('refuses very deep nesting with a typed error, not a stack overflow', () => {
    expect(errorOf('('.repeat(5000) + '1' + ')'.repeat(5000)).code).toBe('too-deep');
    expect(errorOf('-'.repeat(5000) + '1').code).toBe('too-deep');
    expect(errorOf('not '.repeat(1000) + '1').code).toBe('too-deep');
  });

  it('lists references once each', () => {
    const refs = formulaReferences(parseFormula('#{a} + #{a} + sum(#{c.x}) + C{k} + I{other}'));
    expect(refs.dataElements).toEqual([
      { type: 'dataElement', element: 'a' },
      { type: 'dataElement', element: 'c', disaggregation: 'x' },
    ]);
    expect(refs.constants).toEqual(['k']);
    expect(refs.indicators).toEqual(['other']);
  });
});

describe('printer', () => {
  it.each([
    ['(#{a}+#{b})*100', '(#{a} + #{b}) * 100'],
    ['#{a} - (#{b} - #{c})', '#{a} - (#{b} - #{c})'],
    ['(#{a} - #{b}) - #{c}', '#{a} - #{b} - #{c}'],
    ['-(-1)', '-(-1)'],
    ['not (#{a} and #{b})', 'not (#{a} and #{b})'],
    ['(not #{a}) + 1', '(not #{a}) + 1'],
    ['(1 < 2) == true', '(1 < 2) == true'],
  ])('%s prints as %s', (text, printed) => {
    expect(printFormula(parseFormula(text))).toBe(printed);
    expect(parseFormula(printed)).toEqual(parseFormula(text));
  });
});

describe('evaluator', () => {
  it.each([
    ['#{a} + #{c.x}', '7'],
    ['#{a} + #{b}', '5'],
    ['#{a} / 4', '1.25'],
    ['7 % 3', '1'],
    ['-7 % 3', '-1'],
    ['0.1 + 0.2 == 0.3', 'true'],
    ['#{b} == 0', 'false'],
    ['isNull(#{b})', 'true'],
    ['coalesce(#{b}, #{c}, 1)', '7'],
    ['min(#{b}, #{a}, #{c})', '5'],
    ['max(#{a}, #{c})', '7'],
    ['if(#{a} > 3 and not (#{c} < 2), 1, 2)', '1'],
    ['#{a} > 6 or #{d}', 'false'],
    ['C{k} * 3', '1.5'],
    ['I{other} + I{missing}', '10'],
    ['sum(#{a}) + countDistinct(#{a})', '7'],
    ['1 / 3 * 3', '1'],
    ['true + true', '2'],
  ])('%s = %s', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it('division and remainder by zero stop with a reason, never Infinity or NaN', () => {
    expect(() => run('#{a} / #{d}')).toThrow(FormulaEvaluationStop);
    expect(() => run('#{a} % 0')).toThrow(FormulaEvaluationStop);
    expect(() => run('C{unknown}')).toThrow(
      expect.objectContaining({ reason: 'unknown-constant' }),
    );
  });

  it('does not look up JavaScript properties: __proto__ and constructor are plain unknown names', () => {
    expect(errorOf('constructor(1)').code).toBe('unknown-function');
    expect(errorOf('__proto__(1)').code).toBe('unknown-function');
    expect(errorOf('toString(1)').code).toBe('unknown-function');
    expect(() => run('C{constructor}')).toThrow(
      expect.objectContaining({ reason: 'unknown-constant' }),
    );
  });

  it('a compiled formula is reusable and pure', () => {
    const compiled = compileFormula(parseFormula('#{a} * 2'));
    expect(String(compiled(scope))).toBe('10');
    expect(String(compiled(scope))).toBe('10');
  });
});
