// A typedoc plugin: groups the API reference by domain (Scheduling, Financing, Indicators …)
// instead of by kind (Classes, Functions, Interfaces …). The group of each export comes from
// the folder of its source file, so a new export lands in its domain without a tag; an
// explicit `@group` in an export's TSDoc wins. Members of classes keep typedoc's grouping.
import { Comment, CommentTag, Converter, ReflectionKind } from 'typedoc';

/** The domains, in the order the reference shows them. */
export const domainOrder = [
  'Network',
  'Scheduling',
  'Booking',
  'Schools',
  'Indicators',
  'Financing',
  'Courses',
  'Inventory',
  'Access',
  'Common',
  'Storage',
  'Import and export',
  'Server',
  'Command line',
  'Public elements',
  'Staff elements',
  'Events',
  'Building blocks',
];

/** Folder (first matching prefix of the path inside the package) → domain, per package. */
const rules = {
  '@eduset/core': [
    ['src/common/', 'Common'],
    ['src/network/', 'Network'],
    ['src/schedule/', 'Scheduling'],
    ['src/schools/', 'Schools'],
    ['src/indicators/', 'Indicators'],
    ['src/financing/', 'Financing'],
    ['src/courses/', 'Courses'],
    ['src/inventory/', 'Inventory'],
    ['src/access/', 'Access'],
  ],
  '@eduset/adapters': [
    ['src/storage/', 'Storage'],
    ['src/import/', 'Import and export'],
    ['src/export/', 'Import and export'],
    ['src/ical/', 'Scheduling'],
    ['src/schools/', 'Schools'],
    ['src/indicators/', 'Indicators'],
    ['src/courses/', 'Courses'],
    ['src/', 'Common'],
  ],
  '@eduset/server': [
    ['src/cli', 'Command line'],
    ['src/features/agenda/', 'Scheduling'],
    ['src/features/availability/', 'Scheduling'],
    ['src/features/bookings/', 'Booking'],
    ['src/features/manage/', 'Booking'],
    ['src/features/mail/', 'Booking'],
    ['src/features/surveys/', 'Booking'],
    ['src/features/consent/', 'Booking'],
    ['src/features/auth/', 'Access'],
    ['src/features/people/', 'Access'],
    ['src/features/staff/', 'Access'],
    ['src/features/schools/', 'Schools'],
    ['src/features/support/', 'Schools'],
    ['src/features/indicators/', 'Indicators'],
    ['src/features/data-entry/', 'Indicators'],
    ['src/features/courses/', 'Courses'],
    ['src/features/inventory/', 'Inventory'],
    ['src/features/', 'Financing'],
    ['src/', 'Server'],
  ],
  '@eduset/widgets': [
    ['src/staff/', 'Staff elements'],
    ['src/staff-agenda/', 'Staff elements'],
    ['src/events/', 'Events'],
    ['src/internal/', 'Building blocks'],
    ['src/translations/', 'Building blocks'],
    ['src/index.ts', 'Building blocks'],
    ['src/', 'Public elements'],
  ],
};

/** The domain of a file of a package, if the rules know it. */
export function domainOf(packageName, path) {
  for (const [prefix, domain] of rules[packageName] ?? []) {
    if (path.startsWith(prefix)) return domain;
  }
  return undefined;
}

const exportKinds =
  ReflectionKind.Enum |
  ReflectionKind.Variable |
  ReflectionKind.Function |
  ReflectionKind.Class |
  ReflectionKind.Interface |
  ReflectionKind.TypeAlias |
  ReflectionKind.Namespace |
  ReflectionKind.Reference;

const hasGroup = (comment) => Boolean(comment?.blockTags.some((tag) => tag.tag === '@group'));

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const { project } = context;
    for (const reflection of project.getReflectionsByKind(exportKinds)) {
      if (!reflection.parent?.kindOf(ReflectionKind.Module | ReflectionKind.Project)) continue;
      const explicit =
        hasGroup(reflection.comment) ||
        (reflection.signatures ?? []).some((signature) => hasGroup(signature.comment));
      if (explicit) continue;
      const target = reflection.isReference() ? reflection.getTargetReflectionDeep() : reflection;
      const id = project.getSymbolIdFromReflection(target);
      const domain = id && domainOf(id.packageName, id.packagePath);
      if (domain === undefined) continue;
      reflection.comment ??= new Comment();
      reflection.comment.blockTags.push(new CommentTag('@group', [{ kind: 'text', text: domain }]));
    }
  });
}
