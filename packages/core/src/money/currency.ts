// ISO 4217 minor units for the currencies a sales organisation pays and books in.
// Unlisted but well-formed codes default to 2 decimals, which is right for almost every currency.
import { AttainError } from '../errors.ts';

const MINOR_UNITS: Record<string, number> = {
  BHD: 3,
  CLP: 0,
  IDR: 2,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KRW: 0,
  KWD: 3,
  OMR: 3,
  TND: 3,
  UGX: 0,
  VND: 0,
  XAF: 0,
  XOF: 0,
};

const CODE = /^[A-Z]{3}$/;

export function isCurrencyCode(value: string): boolean {
  return CODE.test(value);
}

export function assertCurrency(value: string): string {
  if (!isCurrencyCode(value)) {
    throw new AttainError('CURRENCY_INVALID', `"${value}" is not an ISO 4217 currency code (three capital letters)`, {
      value,
    });
  }
  return value;
}

export function minorUnits(currency: string): number {
  return MINOR_UNITS[assertCurrency(currency)] ?? 2;
}
