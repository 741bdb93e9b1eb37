export * from './problem';
export * from './codes';
export * from './pointer';
export * from './from-zod';
