import type { Problem } from './types'

/** RFC 9457 problem documents for the simulator's error answers. */

export const PROBLEM_BASE = 'https://tracking.huduma.go.ke/problems/'

export interface SimResponse {
  status: number
  headers?: Record<string, string>
  /** JSON body; undefined for none (304). */
  body?: unknown
}

export function problem(
  status: number,
  slug: string,
  title: string,
  detail: string,
  extra: { headers?: Record<string, string>; errors?: Problem['errors'] } = {},
): SimResponse {
  const body: Problem = { type: `${PROBLEM_BASE}${slug}`, title, status, detail }
  if (extra.errors) body.errors = extra.errors
  return { status, headers: { 'Content-Type': 'application/problem+json', ...extra.headers }, body }
}

/** The part of an Ajv error this module reads (openapi-backend hands over Ajv's ErrorObject). */
export interface AjvErrorLike {
  instancePath: string
  keyword: string
  params: Record<string, unknown>
  message?: string
}

/** '/requestBody/events/0/id' → 'events[0].id'; '/query/limit' → 'query parameter limit'. */
function fieldName(pointer: string, child?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
  if (child !== undefined) parts.push(child)
  const [where, ...rest] = parts
  const dotted = (segs: string[]): string =>
    segs.reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : acc === '' ? s : `${acc}.${s}`), '')
  switch (where) {
    case 'requestBody':
      return rest.length === 0 ? 'body' : dotted(rest)
    case 'query':
      return `query parameter ${dotted(rest)}`
    case 'path':
      return `path parameter ${dotted(rest)}`
    case 'header':
      return `header ${dotted(rest)}`
    case undefined:
      return 'request'
    default:
      return dotted(parts)
  }
}

/** Field-by-field messages for a failed request validation. */
export function describeValidationErrors(errors: readonly AjvErrorLike[], bodyNotJson: boolean) {
  return errors.map((e) => {
    if (e.keyword === 'required') {
      const missing = String(e.params.missingProperty)
      if (e.instancePath === '' && missing === 'requestBody') {
        return { field: 'body', message: bodyNotJson ? 'body is not valid JSON' : 'body is required' }
      }
      const field = fieldName(e.instancePath, missing)
      return { field, message: `${field} is required` }
    }
    if (e.keyword === 'additionalProperties') {
      const field = fieldName(e.instancePath, String(e.params.additionalProperty))
      return { field, message: `${field} is not allowed` }
    }
    const field = fieldName(e.instancePath)
    return { field, message: `${field} ${e.message ?? 'is not valid'}` }
  })
}

export function validationProblem(errors: readonly AjvErrorLike[], bodyNotJson: boolean): SimResponse {
  const list = describeValidationErrors(errors, bodyNotJson)
  const detail = list.map((e) => e.message).join('; ') || 'The request does not match the API document.'
  return problem(400, 'invalid-request', 'The request does not match the API document', detail, {
    errors: list,
  })
}
