export { type AppInstance, type AppOptions, buildApp, DEFAULT_WEB_ROOT } from './app.ts'
export { type Config, ConfigError, loadConfig } from './config.ts'
export { createMailer, type Mailer, runOneJob, startJobRunner } from './jobs/runner.ts'
