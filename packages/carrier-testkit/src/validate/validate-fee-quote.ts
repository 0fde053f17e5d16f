import { isMoney } from '@parcelgate/carrier-kit';
import { describeValue, isRecord } from './describe-value.ts';

const MONEY_SHAPE = 'money ({ amount: "10.00", currency: "CNY" })';

/** Every way `value` falls short of a `FeeQuote`: money as decimal strings, lines well formed. */
export function validateFeeQuote(value: unknown): string[] {
  if (!isRecord(value)) {
    return [`quoteFee() resolved ${describeValue(value)}, not a quote object`];
  }
  const problems: string[] = [];
  if (!isMoney(value.amount)) {
    problems.push(`quoteFee amount is ${describeValue(value.amount)}, not ${MONEY_SHAPE}`);
  }
  const lines = value.lines;
  if (lines === undefined) {
    return problems;
  }
  if (!Array.isArray(lines)) {
    return [...problems, `quoteFee lines is ${describeValue(lines)}, expected an array`];
  }
  lines.forEach((line: unknown, index) => {
    if (!isRecord(line) || typeof line.label !== 'string' || line.label === '') {
      problems.push(`quoteFee lines[${index}] has no label`);
    }
    if (!isRecord(line) || !isMoney(line.amount)) {
      problems.push(`quoteFee lines[${index}].amount is not ${MONEY_SHAPE}`);
    }
  });
  return problems;
}
