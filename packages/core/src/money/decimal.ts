// The project's one Decimal constructor. DESIGN §6 asks for at least 40 significant digits;
// decimal.js defaults to 20, which loses cents on large retroactive true-ups.
import { Decimal as DecimalJs } from 'decimal.js';

export const Decimal = DecimalJs.clone({ precision: 50, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;
export type DecimalInput = Decimal | string | number;

export const ZERO = new Decimal(0);
