export * from './classify';
export * from './diff';
export * from './suggest';
export * from './migrate';
export * from './changeNote';
export * from './order';
