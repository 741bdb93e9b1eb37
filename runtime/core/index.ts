/**
 * The public core: no DOM, no React, no Node. Each area owns its own index; this file only
 * gathers them, so adding to an area never touches another's files.
 */
export * from './problems/index';
export * from './model/index';
export * from './definition/index';
export * from './safety/index';
export * from './response/index';
export * from './lint/index';
export * from './export/index';
export * from './versions/index';
export * from './validate/index';
export * from './rules/index';
export * from './session/index';
