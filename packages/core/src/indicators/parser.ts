import { FormulaSyntaxError } from './formula-error.js';
import { tokenize, type Token } from './lexer.js';
import type {
  AggregateFunction,
  BinaryOperator,
  DataElementNode,
  FormulaNode,
  FunctionName,
} from './syntax.js';

/** Deepest nesting accepted; deeper text is refused with a typed error, never a stack overflow. */
const MAX_DEPTH = 200;

const FUNCTIONS: Record<FunctionName, { min: number; max: number }> = {
  if: { min: 3, max: 3 },
  isNull: { min: 1, max: 1 },
  coalesce: { min: 1, max: Infinity },
  min: { min: 1, max: Infinity },
  max: { min: 1, max: Infinity },
};
const AGGREGATES: readonly AggregateFunction[] = ['sum', 'avg', 'count', 'countDistinct'];
const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

function describe(token: Token): { ru: string; en: string } {
  if (token.kind === 'end') return { ru: 'конец формулы', en: 'the end of the formula' };
  const text =
    token.kind === 'dataElement'
      ? `#{${token.text}}`
      : token.kind === 'constant'
        ? `C{${token.text}}`
        : token.kind === 'indicator'
          ? `I{${token.text}}`
          : token.text;
  return { ru: `«${text}»`, en: `"${text}"` };
}

class Parser {
  private position = 0;
  private depth = 0;

  private readonly last: Token;

  constructor(private readonly tokens: Token[]) {
    this.last = tokens[tokens.length - 1] ?? { kind: 'end', text: '', line: 1, column: 1 };
  }

  parse(): FormulaNode {
    const node = this.expression();
    const next = this.peek();
    if (next.kind !== 'end')
      this.unexpected(next, { ru: 'оператор или конец формулы', en: 'an operator or the end' });
    return node;
  }

  private peek(): Token {
    return this.tokens[this.position] ?? this.last;
  }

  private advance(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.position += 1;
    return token;
  }

  private isWord(token: Token, word: string): boolean {
    return token.kind === 'identifier' && token.text === word;
  }

  private unexpected(token: Token, expected: { ru: string; en: string }): never {
    const found = describe(token);
    throw new FormulaSyntaxError(
      token.kind === 'end' ? 'unexpected-end' : 'unexpected-token',
      token.line,
      token.column,
      {
        ru: `ожидается ${expected.ru}, а встретилось ${found.ru}`,
        en: `expected ${expected.en} but found ${found.en}`,
      },
    );
  }

  private enter(token: Token): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) {
      throw new FormulaSyntaxError('too-deep', token.line, token.column, {
        ru: `вложенность глубже ${MAX_DEPTH} уровней`,
        en: `nesting deeper than ${MAX_DEPTH} levels`,
      });
    }
  }

  private expression(): FormulaNode {
    this.enter(this.peek());
    const node = this.or();
    this.depth -= 1;
    return node;
  }

  private or(): FormulaNode {
    let left = this.and();
    while (this.isWord(this.peek(), 'or')) {
      this.advance();
      left = { type: 'binary', operator: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FormulaNode {
    let left = this.not();
    while (this.isWord(this.peek(), 'and')) {
      this.advance();
      left = { type: 'binary', operator: 'and', left, right: this.not() };
    }
    return left;
  }

  private not(): FormulaNode {
    const token = this.peek();
    if (this.isWord(token, 'not')) {
      this.advance();
      this.enter(token);
      const operand = this.not();
      this.depth -= 1;
      return { type: 'unary', operator: 'not', operand };
    }
    return this.comparison();
  }

  private comparison(): FormulaNode {
    const left = this.additive();
    const token = this.peek();
    if (token.kind === 'operator' && COMPARISONS.has(token.text)) {
      this.advance();
      const right = this.additive();
      const after = this.peek();
      if (after.kind === 'operator' && COMPARISONS.has(after.text)) {
        this.unexpected(after, {
          ru: 'скобки вокруг сравнения',
          en: 'parentheses around a comparison',
        });
      }
      return { type: 'binary', operator: token.text as BinaryOperator, left, right };
    }
    return left;
  }

  private additive(): FormulaNode {
    let left = this.multiplicative();
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'operator' || (token.text !== '+' && token.text !== '-')) return left;
      this.advance();
      left = { type: 'binary', operator: token.text, left, right: this.multiplicative() };
    }
  }

  private multiplicative(): FormulaNode {
    let left = this.unary();
    for (;;) {
      const token = this.peek();
      if (
        token.kind !== 'operator' ||
        (token.text !== '*' && token.text !== '/' && token.text !== '%')
      ) {
        return left;
      }
      this.advance();
      left = { type: 'binary', operator: token.text, left, right: this.unary() };
    }
  }

  private unary(): FormulaNode {
    const token = this.peek();
    if (token.kind === 'operator' && token.text === '-') {
      this.advance();
      this.enter(token);
      const operand = this.unary();
      this.depth -= 1;
      return { type: 'unary', operator: '-', operand };
    }
    return this.primary();
  }

  private dataElement(token: Token): DataElementNode {
    const [element = '', disaggregation] = token.text.split('.');
    return disaggregation === undefined
      ? { type: 'dataElement', element }
      : { type: 'dataElement', element, disaggregation };
  }

  private primary(): FormulaNode {
    const token = this.advance();
    switch (token.kind) {
      case 'number':
        return { type: 'number', value: token.text };
      case 'dataElement':
        return this.dataElement(token);
      case 'constant':
        return { type: 'constant', id: token.text };
      case 'indicator':
        return { type: 'indicator', id: token.text };
      case '(': {
        const inner = this.expression();
        const close = this.advance();
        if (close.kind !== ')') this.unexpected(close, { ru: '«)»', en: '")"' });
        return inner;
      }
      case 'identifier':
        return this.word(token);
      default:
        return this.unexpected(token, {
          ru: 'число, ссылку, функцию или «(»',
          en: 'a number, a reference, a function or "("',
        });
    }
  }

  private word(token: Token): FormulaNode {
    if (token.text === 'true') return { type: 'boolean', value: true };
    if (token.text === 'false') return { type: 'boolean', value: false };
    if (token.text === 'null') return { type: 'null' };
    const isAggregate = (AGGREGATES as readonly string[]).includes(token.text);
    const signature = Object.hasOwn(FUNCTIONS, token.text)
      ? FUNCTIONS[token.text as FunctionName]
      : undefined;
    if (!isAggregate && signature === undefined) {
      throw new FormulaSyntaxError('unknown-function', token.line, token.column, {
        ru: `неизвестное имя «${token.text}» (функции: if, isNull, coalesce, min, max, sum, avg, count, countDistinct)`,
        en: `unknown name "${token.text}" (functions: if, isNull, coalesce, min, max, sum, avg, count, countDistinct)`,
      });
    }
    const open = this.advance();
    if (open.kind !== '(')
      this.unexpected(open, { ru: '«(» после имени функции', en: '"(" after a function name' });
    if (isAggregate) {
      const argument = this.advance();
      if (argument.kind !== 'dataElement') {
        throw new FormulaSyntaxError(
          'aggregate-needs-data-element',
          argument.line,
          argument.column,
          {
            ru: `${token.text}() принимает одну ссылку на показатель данных #{…}`,
            en: `${token.text}() takes one data element reference #{…}`,
          },
        );
      }
      const close = this.advance();
      if (close.kind !== ')') this.unexpected(close, { ru: '«)»', en: '")"' });
      return {
        type: 'aggregate',
        function: token.text as AggregateFunction,
        argument: this.dataElement(argument),
      };
    }
    const args: FormulaNode[] = [];
    if (this.peek().kind !== ')') {
      args.push(this.expression());
      while (this.peek().kind === ',') {
        this.advance();
        args.push(this.expression());
      }
    }
    const close = this.advance();
    if (close.kind !== ')') this.unexpected(close, { ru: '«,» или «)»', en: '"," or ")"' });
    if (signature !== undefined && (args.length < signature.min || args.length > signature.max)) {
      const count = signature.min === signature.max ? String(signature.min) : `${signature.min}+`;
      throw new FormulaSyntaxError('wrong-argument-count', token.line, token.column, {
        ru: `${token.text}() ждёт аргументов: ${count}, передано ${args.length}`,
        en: `${token.text}() expects ${count} argument(s), got ${args.length}`,
      });
    }
    return { type: 'call', name: token.text as FunctionName, args };
  }
}

/**
 * Parses formula text into its JSON syntax tree.
 *
 * Grammar, loosest binding first: `or`; `and`; `not`; a comparison (`== != < <= > >=`, not
 * chained); `+ -`; `* / %`; unary `-`; then numbers, `true`, `false`, `null`, references
 * `#{element}` / `#{element.disaggregation}` / `C{constant}` / `I{indicator}`, function calls
 * (`if`, `isNull`, `coalesce`, `min`, `max`), aggregates (`sum`, `avg`, `count`,
 * `countDistinct` of one `#{…}`) and parentheses.
 *
 * @throws FormulaSyntaxError (and nothing else) on any text that is not a formula.
 * @example
 * ```ts
 * import { parseFormula } from '@eduset/core/indicators';
 * parseFormula('#{a} + #{b.x}');
 * // { type: 'binary', operator: '+', left: { type: 'dataElement', element: 'a' },
 * //   right: { type: 'dataElement', element: 'b', disaggregation: 'x' } }
 * ```
 */
export function parseFormula(text: string): FormulaNode {
  return new Parser(tokenize(text)).parse();
}
