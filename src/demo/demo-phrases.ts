/**
 * Phrase tables for the demo contact-center generator (`demo-data.ts`): the script steps in
 * Korean and English, with several alternatives each, and the customer scenarios.
 * Placeholders in braces (`{company}`, `{agent}`, `{customer}`, ...) are filled per call.
 * Plain data, no logic.
 */
export * from './phrases/types';
export * from './phrases/people';
export * from './phrases/opening';
export * from './phrases/resolution';
export * from './phrases/closing';
export * from './phrases/notes';
export * from './phrases/scenarios';
