export * from './problem';
export * from './codes';
export * from './from-zod';
export * from './cap';
