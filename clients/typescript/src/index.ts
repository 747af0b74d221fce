export { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS, clientErrorReasons, createClient } from './client.js';
export { MAX_RETRY_AFTER_SECONDS } from './retry-after.js';
export type { ClientError, ClientErrorReason, ClientOptions, ExecuteOptions, Mode, Result, SupergraphClient } from './client.js';
export { errorCodes, type ErrorCode } from './generated/error-codes.js';
export { trustedDocumentIds, type OperationName } from './generated/trusted-documents.js';
export * from './generated/graphql.js';
export { EMAIL_PATTERN, INVISIBLE, validateInput, type InputCheck, type InputError, type Rule } from './validation.js';
export * from './generated/validation-schemas.js';
