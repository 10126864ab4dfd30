// Public surface of the engine, used by @tsible/modules and by tests.
export * from './errors/source-location.js';
export * from './errors/tsible-error.js';
export * from './output/events.js';
export * from './connection/types.js';
export * from './connection/unreachable.js';
export * from './connection/quote.js';
export * from './connection/factory.js';
export * from './connection/options/settings.js';
export { connectionOptionsFromVars } from './connection/options/connection-options.js';
export { connectionSettingsFromConfig } from './connection/options/from-config.js';
export type { ConnectionOptions, SshConnectionOptions, LocalConnectionOptions, HostKeyPolicy } from './connection/options/connection-options.js';
export { SshConnection } from './connection/ssh/ssh-connection.js';
export { LocalConnection } from './connection/local.js';
export * from './loader/yaml.js';
export * from './config/config.js';
export * from './config/settings.js';
export * from './lab/index.js';
