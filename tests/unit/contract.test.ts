import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc/channels';
import { contract, events } from '../../shared/ipc/contract';

const CHANNEL_NAME = /^[a-z]+:[a-zA-Z]+$/;

describe('IPC contract hygiene', () => {
  const all = [...Object.values(INVOKE_CHANNELS), ...Object.values(EVENT_CHANNELS)];

  it('names every channel <area>:<action> and never twice', () => {
    for (const channel of all) expect(channel).toMatch(CHANNEL_NAME);
    expect(new Set(all).size).toBe(all.length);
  });

  it('declares a schema for exactly the channels the preload exposes', () => {
    expect(Object.keys(contract).sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
    for (const [method, spec] of Object.entries(contract)) {
      expect(spec.channel).toBe(INVOKE_CHANNELS[method as keyof typeof INVOKE_CHANNELS]);
    }
    expect(Object.keys(events).sort()).toEqual(Object.keys(EVENT_CHANNELS).sort());
  });

  it('has no response or event field that could carry a secret', () => {
    const secret = /token|password|secret|passphrase|apikey|credential/i;
    const fieldNames = (schema: z.ZodType): string[] => {
      const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as unknown;
      const names: string[] = [];
      const walk = (node: unknown) => {
        if (!node || typeof node !== 'object') return;
        const properties = (node as { properties?: Record<string, unknown> }).properties;
        if (properties) names.push(...Object.keys(properties));
        Object.values(node).forEach(walk);
      };
      walk(json);
      return names;
    };
    const schemas = [
      ...Object.values(contract).map((spec) => spec.response as z.ZodType),
      ...Object.values(events).map((spec) => spec.payload as z.ZodType),
    ];
    const names = schemas.flatMap(fieldNames);
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => secret.test(name))).toEqual([]);
  });
});
