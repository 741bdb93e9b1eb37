export * from './limits';
export * from './walk';
export * from './patterns';
export * from './refs';
export * from './schema';
