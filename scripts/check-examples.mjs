// After `typedoc`: every public export (and every public member of an exported class) must
// carry an @example in its TSDoc, as date-fns does. Reads docs/api/api.json.
import { readFileSync } from 'node:fs';

const ReflectionKind = {
  Project: 0x1,
  Module: 0x2,
  Namespace: 0x4,
  Enum: 0x8,
  Variable: 0x20,
  Function: 0x40,
  Class: 0x80,
  Interface: 0x100,
  Constructor: 0x200,
  Property: 0x400,
  Method: 0x800,
  Accessor: 0x40000,
  TypeAlias: 0x200000,
};
const exported =
  ReflectionKind.Enum |
  ReflectionKind.Variable |
  ReflectionKind.Function |
  ReflectionKind.Class |
  ReflectionKind.Interface |
  ReflectionKind.TypeAlias;

const hasExample = (comment) => Boolean(comment?.blockTags?.some((tag) => tag.tag === '@example'));
const documentedWithExample = (reflection) =>
  hasExample(reflection.comment) ||
  (reflection.signatures ?? []).some((s) => hasExample(s.comment));

const project = JSON.parse(readFileSync('docs/api/api.json', 'utf8'));
const missing = [];
const seen = new Set();

function visit(reflection, path) {
  const name = [...path, reflection.name].join('.');
  if (reflection.kind & exported && !seen.has(reflection.id)) {
    seen.add(reflection.id);
    if (!documentedWithExample(reflection)) missing.push(name);
    if (reflection.kind === ReflectionKind.Class) {
      for (const member of reflection.children ?? []) {
        const inherited = member.inheritedFrom !== undefined;
        const isPublicMethod =
          member.kind === ReflectionKind.Method &&
          !member.flags?.isPrivate &&
          !member.flags?.isProtected;
        if (isPublicMethod && !inherited && !member.overwrites && !documentedWithExample(member)) {
          missing.push(`${name}.${member.name}`);
        }
      }
    }
  }
  if (
    reflection.kind &
    (ReflectionKind.Project | ReflectionKind.Module | ReflectionKind.Namespace)
  ) {
    for (const child of reflection.children ?? [])
      visit(child, reflection.kind === ReflectionKind.Project ? [] : [...path, reflection.name]);
  }
}
visit(project, []);

if (missing.length > 0) {
  console.error(`Экспорты без @example / exports without an @example (${missing.length}):`);
  for (const name of missing) console.error(`  - ${name}`);
  process.exit(1);
}
console.log(`@example: ${seen.size} экспортов проверено / exports checked`);
