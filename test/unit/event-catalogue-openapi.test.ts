import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { expect, it } from 'vitest'
import { z } from 'zod'
import { EVENT_PAYLOADS, EVENT_TYPE_PATTERN, EVENT_TYPES } from '../../common/event-catalogue'

/**
 * docs/central-api.yaml lists every event type's payload under `EventPayloads`; common/event-catalogue.ts is what the
 * code writes and applies. They must say the same, schema for schema.
 */
const doc = parse(readFileSync(path.resolve(__dirname, '../../docs/central-api.yaml'), 'utf8')) as {
  components: { schemas: Record<string, { properties?: Record<string, unknown>; pattern?: string }> }
}
const documented = doc.components.schemas.EventPayloads?.properties ?? {}

const fromCatalogue = (type: keyof typeof EVENT_PAYLOADS): unknown => {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(EVENT_PAYLOADS[type], {
    io: 'input',
    unrepresentable: 'any',
  })
  return schema
}

it('the API document names exactly the event types of the catalogue', () => {
  expect(Object.keys(documented).sort()).toEqual([...EVENT_TYPES].sort())
})

it.each(EVENT_TYPES)('%s: the API document’s payload schema is the catalogue’s', (type) => {
  expect(documented[type]).toEqual(fromCatalogue(type))
})

it('every catalogue type is a type the API accepts', () => {
  const pattern = (doc.components.schemas.Event as { properties: { type: { pattern: string } } }).properties
    .type.pattern
  expect(pattern).toBe(EVENT_TYPE_PATTERN.source)
  for (const t of EVENT_TYPES) expect(t).toMatch(EVENT_TYPE_PATTERN)
})
