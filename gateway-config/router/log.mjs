// The router's own log lines (feature flag audits, refused files, Redis outages, key store reloads) in Hive
// Gateway's format: the same logger library, so they carry a timestamp and a level like Hive's lines and follow
// the same LOG_LEVEL and LOG_JSON=1 (one JSON object per line) settings.
import { Logger } from '@graphql-hive/logger';

export const routerLog = new Logger();
