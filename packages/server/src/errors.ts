import { AppError, type ErrorCode } from '@arshjul/domain'
import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'

const statusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  LOCKED: 423,
  RATE_LIMITED: 429,
}

/** Map every error to the API's error shape in one place; internals never reach the client. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(statusOf[error.code]).send({
        error: {
          code: error.code,
          message: error.userMessage,
          ...(error.details ? { details: error.details } : {}),
        },
      })
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext === 'querystring' ? 'frågeparametrar' : 'parametrar'
      return reply.status(400).send({
        error: {
          code: 'VALIDATION',
          message: `Ogiltiga ${where}.`,
          details: error.validation.map((v) => ({
            path: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
            message: v.message ?? 'Ogiltigt värde',
          })),
        },
      })
    }
    if (error.statusCode === 429) {
      return reply
        .status(429)
        .send({ error: { code: 'RATE_LIMITED', message: 'För många anrop. Försök igen om en stund.' } })
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ error: { code: 'BAD_REQUEST', message: 'Felaktig begäran.' } })
    }
    request.log.error({ err: error }, 'unhandled error')
    return reply.status(500).send({
      error: {
        code: 'INTERNAL',
        message: `Ett oväntat fel inträffade. Ange referens ${request.id} om du kontaktar support.`,
      },
    })
  })
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', { userMessage: `${what} finns inte.` })
}
