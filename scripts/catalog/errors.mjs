// Error data for the answer side of the diagnosis: every AADSTS code with its short name, and the Azure
// built-in roles with their actions and data actions. Facts only: no Microsoft description sentences
// (our own explanations live in src/diagnose/aadsts-codes.ts). Deterministic output, source commits kept.
//
// Used by scripts/generate-catalog.mjs: `Object.assign(files, generateErrorData(sourcesDir))`.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function stableStringify(value) {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const byString = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

function read(sourcesDir, rel) {
  const buf = readFileSync(join(sourcesDir, rel));
  return { json: JSON.parse(buf.toString('utf8')), sha256: createHash('sha256').update(buf).digest('hex') };
}

/** Every AADSTS code: [number, short name or ""], sorted by number, one row per code. */
function aadsts(sourcesDir) {
  const { json, sha256 } = read(sourcesDir, 'aadsts/aadsts-error-codes.json');
  const byNumber = new Map();
  for (const row of json.codes) {
    const number = Number(row.number);
    if (!Number.isInteger(number)) continue;
    const name = typeof row.name === 'string' ? row.name.trim() : '';
    // A code listed twice (50147) keeps the row that has a name.
    if (!byNumber.has(number) || (name && !byNumber.get(number))) byNumber.set(number, name);
  }
  const codes = [...byNumber.entries()].sort((a, b) => a[0] - b[0]);
  return {
    $catalog: 'tokenscope-errors:aadsts',
    source: {
      name: 'AADSTS error codes (MicrosoftDocs/entra-docs reference-error-codes.md)',
      commit: json.source?.commit ?? '3164b3b5d031edef0ad334ba09d3ea6dcb619c1a',
      file: 'aadsts/aadsts-error-codes.json',
      sha256,
    },
    lookupUrl: json.lookupUrl ?? 'https://login.microsoftonline.com/error?code={number}',
    codes,
  };
}

/**
 * Azure built-in roles, compact: one table of unique permission strings, each role as
 * [name, id, actions, notActions, dataActions, notDataActions, hasCondition] with indexes into it.
 * Roles with several permission blocks are merged (each block grants; notActions apply per block, and
 * merging them can only under-report, never over-report, what a role grants).
 */
function azureRoles(sourcesDir) {
  const { json, sha256 } = read(sourcesDir, 'azure-rbac/built-in-roles.json');
  const strings = new Set();
  for (const role of json.roles)
    for (const p of role.permissions ?? [])
      for (const list of [p.actions, p.notActions, p.dataActions, p.notDataActions])
        for (const s of list ?? []) strings.add(s);
  const table = [...strings].sort(byString);
  const index = new Map(table.map((s, i) => [s, i]));
  const ids = (lists) => [...new Set(lists.flat().map((s) => index.get(s)))].sort((a, b) => a - b);
  const roles = [...json.roles]
    .sort((a, b) => byString(a.roleName, b.roleName))
    .map((role) => {
      const blocks = role.permissions ?? [];
      return [
        role.roleName,
        role.id,
        ids(blocks.map((p) => p.actions ?? [])),
        ids(blocks.map((p) => p.notActions ?? [])),
        ids(blocks.map((p) => p.dataActions ?? [])),
        ids(blocks.map((p) => p.notDataActions ?? [])),
        blocks.some((p) => p.condition) ? 1 : 0,
      ];
    });
  return {
    $catalog: 'tokenscope-errors:azure-rbac',
    source: {
      name: 'Azure built-in roles (endgor/azure-hub roles-extended.json, from az role definition list)',
      commit: json.source?.commit ?? null,
      date: json.source?.commitDate ?? null,
      file: 'azure-rbac/built-in-roles.json',
      sha256,
    },
    strings: table,
    roles,
  };
}

/** The error data files, by file name, as text. */
export function generateErrorData(sourcesDir) {
  return {
    'aadsts.json': stableStringify(aadsts(sourcesDir)),
    'azure-rbac.json': stableStringify(azureRoles(sourcesDir)),
  };
}
