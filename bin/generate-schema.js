#!/usr/bin/env node
// Writes schema/suite.schema.json from the zod schema (run `npm run build` first).
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildSuiteJsonSchema } from '../dist/config/suite-json-schema.js';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
writeFileSync(new URL('../schema/suite.schema.json', import.meta.url), JSON.stringify(buildSuiteJsonSchema(), null, 2) + '\n');
console.log('wrote schema/suite.schema.json');
