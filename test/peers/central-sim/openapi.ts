import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { OpenAPIBackend, type AjvCustomizer, type Document, type Options } from 'openapi-backend'
import { parse } from 'yaml'

/**
 * The central API contract (docs/central-api.yaml, OpenAPI 3.1) loaded into openapi-backend, which routes every
 * request and validates its body, path, query and headers.
 *
 * openapi-backend 5.21 routes 3.1 documents but is 3.0-minded in two places, both fixed here:
 * - it checks the document against the OpenAPI **3.0** meta-schema, which refuses 3.1 schemas such as
 *   `type: [string, 'null']`; `CentralApiBackend.validateDefinition` checks the 3.1 basics instead, and every schema
 *   is then compiled in Ajv strict mode (a misspelt keyword fails at startup);
 * - it validates with Ajv's default draft-07 dialect, whereas 3.1 schemas are JSON Schema 2020-12; `customizeAjv`
 *   swaps in Ajv's 2020-12 class (the Ajv that openapi-backend itself depends on) and registers the formats the
 *   document uses (uuid, date, uri-reference), which Ajv does not know without ajv-formats.
 */

// __dirname / __filename: the simulator runs under vitest, Playwright (CommonJS) and jiti alike.
const here = __dirname
export const CENTRAL_API_DOC = path.resolve(here, '../../../docs/central-api.yaml')

/** The parsed document (a fresh copy each call: openapi-backend dereferences in place). */
export function loadCentralApiDocument(file = CENTRAL_API_DOC): Document {
  return parse(readFileSync(file, 'utf8')) as Document
}

type AjvInstance = ReturnType<AjvCustomizer>
type AjvOptions = Parameters<AjvCustomizer>[1]
type AjvClass = new (opts: AjvOptions) => AjvInstance

/** Ajv's JSON Schema 2020-12 class, resolved from openapi-backend's own dependency on ajv (no extra package). */
function ajv2020Class(): AjvClass {
  const requireHere = createRequire(__filename)
  const requireFromBackend = createRequire(requireHere.resolve('openapi-backend'))
  const mod = requireFromBackend('ajv/dist/2020') as { default?: AjvClass } & AjvClass
  return mod.default ?? mod
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

function isCalendarDate(s: string): boolean {
  const m = DATE_RE.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d
}

/** A 2020-12 Ajv with the formats of the document; strict, so unknown keywords in the document are errors. */
export function makeAjv(opts: AjvOptions = {}): AjvInstance {
  const Ajv2020 = ajv2020Class()
  const ajv = new Ajv2020({
    ...opts,
    strict: true,
    strictTypes: false, // openapi-backend's wrapper schemas and type unions are fine
    allowUnionTypes: true,
    allErrors: false,
  })
  ajv.addFormat('uuid', UUID_RE)
  ajv.addFormat('date', isCalendarDate)
  ajv.addFormat('uri-reference', /^\S*$/)
  return ajv
}

/** openapi-backend with a 3.1-aware definition check (see the module comment). */
export class CentralApiBackend extends OpenAPIBackend {
  override validateDefinition(): Document {
    const doc = this.document as unknown as Record<string, unknown>
    const problems: string[] = []
    if (typeof doc.openapi !== 'string' || !/^3\.1\.\d+$/.test(doc.openapi)) {
      problems.push(`openapi must be 3.1.x (got ${JSON.stringify(doc.openapi)})`)
    }
    const info = doc.info as Record<string, unknown> | undefined
    if (typeof info?.title !== 'string' || typeof info.version !== 'string') {
      problems.push('info.title and info.version are required')
    }
    const paths = doc.paths as Record<string, Record<string, unknown>> | undefined
    if (!paths || typeof paths !== 'object') problems.push('paths is required')
    const ids = new Set<string>()
    for (const [p, item] of Object.entries(paths ?? {})) {
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].includes(method)) continue
        const id = (op as { operationId?: unknown }).operationId
        if (typeof id !== 'string') problems.push(`${method.toUpperCase()} ${p} has no operationId`)
        else if (ids.has(id)) problems.push(`operationId ${id} is used twice`)
        else ids.add(id)
      }
    }
    if (problems.length > 0) throw new Error(`Not a valid OpenAPI 3.1 document: ${problems.join('; ')}`)
    return this.document
  }
}

export type CentralApiOptions = Omit<Options, 'definition' | 'customizeAjv' | 'strict'>

/** A ready (initialised) backend for the central API; every operation of the document must have a handler. */
export async function createCentralApi(opts: CentralApiOptions): Promise<CentralApiBackend> {
  const api = new CentralApiBackend({
    ...opts,
    definition: loadCentralApiDocument(),
    strict: true,
    customizeAjv: (_draft07, ajvOpts) => makeAjv(ajvOpts),
  })
  await api.init()
  const missing = api
    .getOperations()
    .map((o) => o.operationId)
    .filter((id): id is string => typeof id === 'string' && !api.handlers[id])
  if (missing.length > 0) throw new Error(`central sim: no handler for ${missing.join(', ')}`)
  return api
}
