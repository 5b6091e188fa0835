export { loadConfig, ConfigError } from './config/load-config.js';
export { envFields } from './config/env-fields.js';
export { ErrorCode } from './errors/error-code.js';
export {
  CodedError,
  isRetryable,
  type ErrorCodeMapping,
  type ErrorCodeTable,
  type ErrorDetails,
} from './errors/coded-error.js';
export { DomainError } from './errors/domain-error.js';
export { createLogger, type Logger } from './logger.js';
export { progressBar, type ProgressBar } from './progress-bar.js';
