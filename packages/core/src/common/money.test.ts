import { describe, expect, it } from 'vitest';
import {
  decimalCalculator,
  Money,
  MoneyDecimal,
  moneyAmountSchema,
  type Calculator,
  type RoundingMode,
} from './money.js';

/** A money helper written only against the interface, as a plug-in calculator would be used. */
function totalWithShare<A>(
  calculator: Calculator<A>,
  amounts: readonly string[],
  share: string,
): string {
  const total = amounts.reduce(
    (sum, amount) => calculator.add(sum, calculator.from(amount)),
    calculator.from(0),
  );
  return calculator.toString(calculator.round(calculator.multiply(total, share), 2, 'half-up'));
}

describe('Money arithmetic', () => {
  it('adds decimals exactly: 0.1 + 0.2 = 0.30', () => {
    expect(Money.of('0.1').add(Money.of('0.2')).toString()).toBe('0.30');
    expect(Money.of(0.1).add(Money.of(0.2)).equals(Money.of('0.3'))).toBe(true);
    expect(Money.of(0.1).add(Money.of(0.2)).amount.toString()).toBe('0.3');
    expect(0.1 + 0.2).not.toBe(0.3); // what exact arithmetic protects from
  });

  it('sums, subtracts, multiplies and divides without rounding until asked', () => {
    expect(Money.sum([Money.of(1), Money.of('2.50'), Money.of('-0.25')]).toString()).toBe('3.25');
    expect(Money.sum([]).isZero()).toBe(true);
    expect(Money.of('1000.10').subtract(Money.of('0.20')).toString()).toBe('999.90');
    expect(Money.of(100).multiply('0.8').toString()).toBe('80.00');
    const third = Money.of(100).divide(3);
    expect(third.amount.toString()).toMatch(/^33\.3{30,}$/);
    expect(third.multiply(3).round('half-up').toString()).toBe('100.00');
    expect(third.round('half-up').toString()).toBe('33.33');
  });

  it('compares, tests sign and zero', () => {
    expect(Money.of(1).compare(Money.of(2))).toBe(-1);
    expect(Money.of(2).compare(Money.of(1))).toBe(1);
    expect(Money.of('1.0').compare(Money.of(1))).toBe(0);
    expect(Money.of('1.00').equals(Money.of(1))).toBe(true);
    expect(Money.zero().isZero()).toBe(true);
    expect(Money.of('-0').isZero()).toBe(true);
    expect(Money.of('-0').isNegative()).toBe(false);
    expect(Money.of('-0.01').isNegative()).toBe(true);
    expect(Money.of('0.01').isNegative()).toBe(false);
  });

  it('returns new values and never changes the operands', () => {
    const a = Money.of('10.00');
    const b = Money.of('2.50');
    const sum = a.add(b);
    a.subtract(b);
    a.multiply(3);
    a.divide(4);
    a.round('up', 0);
    expect(sum).not.toBe(a);
    expect(a.toString()).toBe('10.00');
    expect(b.toString()).toBe('2.50');
  });

  it('accepts a decimal.js value', () => {
    expect(Money.of(new MoneyDecimal('12.5')).toString()).toBe('12.50');
  });
});

describe('Money rounding modes', () => {
  const cases: readonly [string, RoundingMode, string][] = [
    ['2.345', 'half-up', '2.35'],
    ['2.345', 'half-even', '2.34'],
    ['2.355', 'half-even', '2.36'],
    ['2.345', 'down', '2.34'],
    ['2.341', 'up', '2.35'],
    ['2.344', 'half-up', '2.34'],
    ['0.005', 'half-up', '0.01'],
    ['0.005', 'half-even', '0.00'],
    ['-2.345', 'half-up', '-2.35'],
    ['-2.345', 'half-even', '-2.34'],
    ['-2.349', 'down', '-2.34'],
    ['-2.341', 'up', '-2.35'],
  ];
  it.each(cases)('%s rounded %s is %s', (value, mode, expected) => {
    expect(Money.of(value).round(mode).toString()).toBe(expected);
  });

  it('rounds to another scale when asked', () => {
    expect(Money.of('1250.5').round('half-up', 0).toString()).toBe('1251.00');
    expect(Money.of('1250.5').round('half-even', 0).toString()).toBe('1250.00');
    expect(Money.of('1.23456').round('down', 4).amount.toString()).toBe('1.2345');
  });
});

describe('Money text', () => {
  it('prints exactly two decimals, half-up, and the same in JSON', () => {
    expect(Money.of(5).toString()).toBe('5.00');
    expect(Money.of('1250.5').toString()).toBe('1250.50');
    expect(Money.of('0.125').toString()).toBe('0.13');
    expect(Money.of('-0.125').toString()).toBe('-0.13');
    expect(JSON.stringify({ sum: Money.of('15000') })).toBe('{"sum":"15000.00"}');
    expect(Money.of('1e6').toString()).toBe('1000000.00');
  });

  it('prints an amount that rounds to zero without a minus sign', () => {
    expect(Money.of('-0.001').toString()).toBe('0.00');
    expect(Money.of('-0.001').format('ru')).toBe('0,00\u00a0₽');
    expect(Money.of('-0.001').format('en')).toBe('RUB 0.00');
  });

  it('formats in Russian: narrow no-break spaces between groups, comma, no-break space, ₽', () => {
    expect(Money.of('1250.5').format('ru')).toBe('1\u202f250,50\u00a0₽');
    expect(Money.of('1250.5').format()).toBe('1\u202f250,50\u00a0₽');
    expect(Money.of('1234567.891').format('ru')).toBe('1\u202f234\u202f567,89\u00a0₽');
    expect(Money.of('999').format('ru')).toBe('999,00\u00a0₽');
    expect(Money.of('-1250.5').format('ru')).toBe('−1\u202f250,50\u00a0₽');
  });

  it('formats in English: comma groups, point, RUB first', () => {
    expect(Money.of('1250.5').format('en')).toBe('RUB 1,250.50');
    expect(Money.of('1234567.891').format('en')).toBe('RUB 1,234,567.89');
    expect(Money.of(0).format('en')).toBe('RUB 0.00');
    expect(Money.of('-1250.5').format('en')).toBe('−RUB 1,250.50');
  });
});

describe('Money.allocate (examples)', () => {
  it('splits 100 into three, the extra kopeck to the first part', () => {
    expect(Money.of(100).allocate([1, 1, 1]).map(String)).toEqual(['33.34', '33.33', '33.33']);
  });

  it('follows the ratios and gives the remainder to the largest fraction', () => {
    expect(Money.of(100).allocate([1, 2]).map(String)).toEqual(['33.33', '66.67']);
    expect(Money.of('0.05').allocate([1, 1]).map(String)).toEqual(['0.03', '0.02']);
    expect(Money.of(1000).allocate(['0.5', '0.25', '0.25']).map(String)).toEqual([
      '500.00',
      '250.00',
      '250.00',
    ]);
    expect(Money.of(10).allocate([0, 1]).map(String)).toEqual(['0.00', '10.00']);
  });

  it('splits a negative amount symmetrically', () => {
    expect(Money.of(-100).allocate([1, 1, 1]).map(String)).toEqual(['-33.34', '-33.33', '-33.33']);
  });

  it('rounds the amount to kopecks (half-up) first', () => {
    expect(Money.of('0.005').allocate([1]).map(String)).toEqual(['0.01']);
    expect(Money.of('10.004').allocate([1, 1]).map(String)).toEqual(['5.00', '5.00']);
  });

  it('treats -0 as a zero ratio', () => {
    expect(Money.of(1).allocate([-0, 1]).map(String)).toEqual(['0.00', '1.00']);
  });

  it('does not change the ratios it is given', () => {
    const ratios = Object.freeze([3, 1, 2]);
    Money.of(7).allocate(ratios);
    expect(ratios).toEqual([3, 1, 2]);
  });
});

describe('Money: invalid input raises clear errors', () => {
  it.each([NaN, Infinity, -Infinity, 'abc', '', '1,5'])('Money.of(%s)', (value) => {
    expect(() => Money.of(value)).toThrow(RangeError);
    expect(() => Money.of(value)).toThrow(/Недопустимое значение \(сумма\).*Invalid amount/);
  });

  it('rejects a factor or divisor that is not a finite number, and division by zero', () => {
    expect(() => Money.of(1).multiply(NaN)).toThrow(/Invalid factor "NaN"/);
    expect(() => Money.of(1).multiply(Infinity)).toThrow(RangeError);
    expect(() => Money.of(1).divide(NaN)).toThrow(/Invalid divisor/);
    expect(() => Money.of(1).divide(0)).toThrow(/Деление на ноль \/ Division by zero/);
    expect(() => Money.of(1).divide('0.00')).toThrow(/Division by zero/);
  });

  it('rejects no ratios, negative, non-finite and all-zero ratios', () => {
    const money = Money.of(100);
    expect(() => money.allocate([])).toThrow(/At least one ratio is required/);
    expect(() => money.allocate([1, -1])).toThrow(/Ratios must not be negative/);
    expect(() => money.allocate([NaN])).toThrow(/Invalid ratio "NaN"/);
    expect(() => money.allocate([1, Infinity])).toThrow(/Invalid ratio "Infinity"/);
    expect(() => money.allocate(['x'])).toThrow(/Invalid ratio "x"/);
    expect(() => money.allocate([0, 0])).toThrow(/Ratios sum to zero/);
    expect(() => money.allocate([0])).toThrow(RangeError);
  });
});

describe('Calculator', () => {
  it('decimalCalculator does exact decimal arithmetic through the interface', () => {
    const c = decimalCalculator;
    expect(c.toString(c.add(c.from('0.1'), c.from('0.2')))).toBe('0.3');
    expect(c.toString(c.subtract(c.from(1), c.from('0.9')))).toBe('0.1');
    expect(c.toString(c.multiply(c.from('1.1'), '1.1'))).toBe('1.21');
    expect(c.toString(c.multiply(c.from('1.1'), c.from(3)))).toBe('3.3');
    expect(c.toString(c.round(c.divide(c.from(100), 3), 2, 'half-up'))).toBe('33.33');
    expect(c.toString(c.round(c.divide(c.from(2), c.from(3)), 2, 'down'))).toBe('0.66');
    expect(c.compare(c.from('1.0'), c.from(1))).toBe(0);
    expect(c.compare(c.from(1), c.from(2))).toBe(-1);
    expect(c.compare(c.from(2), c.from(1))).toBe(1);
    expect(c.isZero(c.from('0.00'))).toBe(true);
    expect(c.isZero(c.from('0.01'))).toBe(false);
    expect(c.toString(c.from('1e21'))).toBe('1000000000000000000000');
  });

  it('each named rounding mode is available through the interface', () => {
    const c = decimalCalculator;
    const round = (value: string, mode: RoundingMode): string =>
      c.toString(c.round(c.from(value), 2, mode));
    expect(round('0.125', 'half-up')).toBe('0.13');
    expect(round('0.125', 'half-even')).toBe('0.12');
    expect(round('0.129', 'down')).toBe('0.12');
    expect(round('0.121', 'up')).toBe('0.13');
  });

  it('code written against Calculator runs on decimalCalculator', () => {
    expect(totalWithShare(decimalCalculator, ['0.1', '0.2', '1000'], '0.13')).toBe('130.04');
  });
});

describe('moneyAmountSchema', () => {
  it('accepts amounts with at most two decimals', () => {
    for (const value of ['1250.50', '0', '-3.5', 12.5, 0, 1e6]) {
      expect(moneyAmountSchema.safeParse(value).success).toBe(true);
    }
  });

  it('rejects more decimals, non-numbers and non-finite numbers', () => {
    for (const value of ['1.234', '1,5', '', 'abc', 0.1 + 0.2, NaN, Infinity, null, '1e3']) {
      expect(moneyAmountSchema.safeParse(value).success).toBe(false);
    }
  });
});
