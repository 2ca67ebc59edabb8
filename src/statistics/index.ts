/** The statistics core: pure functions over plain numbers, no NestJS, no database. */
export * from './intervals';
export * from './tests';
export * from './power';
export * from './regression';
