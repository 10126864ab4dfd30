// Public surface of the engine, used by @tsible/modules and by tests.
export * from './errors/source-location.js';
export * from './errors/tsible-error.js';
export * from './output/events.js';
export * from './connection/types.js';
export * from './connection/unreachable.js';
export * from './loader/yaml.js';
export * from './config/config.js';
export * from './config/settings.js';
export * from './lab/index.js';
export * from './vault/index.js';
export * from './playbook/index.js';
export * from './inventory/index.js';
export * from './template/index.js';
