/**
 * The customer scenarios the demo calls are built from, in the order the generator draws them
 * (the order is part of the seeded output: keep it).
 */
import { DOUBLE_BILLING, PLAN_CHANGE, ROAMING_CHARGE } from './scenarios/billing';
import { DELIVERY_DELAY, REFUND_MISSING, WRONG_ITEM } from './scenarios/orders';
import { PASSWORD_RESET, DEVICE_FAULT, INTERNET_OUTAGE } from './scenarios/technical';
import { CANCELLATION, TERMINATION_FEE } from './scenarios/cancellations';
import type { Scenario } from './types';

export const SCENARIOS: readonly Scenario[] = [
  DOUBLE_BILLING,
  DELIVERY_DELAY,
  PASSWORD_RESET,
  CANCELLATION,
  REFUND_MISSING,
  PLAN_CHANGE,
  DEVICE_FAULT,
  INTERNET_OUTAGE,
  ROAMING_CHARGE,
  WRONG_ITEM,
  TERMINATION_FEE,
];
