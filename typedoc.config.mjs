// TypeDoc for the four packages into docs/api. Warnings are errors: an export without
// documentation, a broken link or an unknown tag fails `npm run docs`.
import { OptionDefaults } from 'typedoc';
import { domainOrder } from './scripts/typedoc-domain-groups.mjs';

/** Web-component tags, read by the custom elements manifest and kept in the docs. */
const blockTags = [
  ...OptionDefaults.blockTags,
  '@csspart',
  '@cssproperty',
  '@attr',
  '@fires',
  '@tagname',
];

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'eduset',
  entryPointStrategy: 'packages',
  entryPoints: ['packages/core', 'packages/adapters', 'packages/server', 'packages/widgets'],
  packageOptions: {
    includeVersion: false,
    excludePrivate: true,
    excludeInternal: true,
    readme: 'none',
    disableSources: true,
    blockTags,
    // Lit's own members (styles, createProperty) are inherited by every element; their
    // comments link into Lit's docs, which are not part of ours.
    externalSymbolLinkMappings: {
      '@lit/reactive-element': { '*': 'https://lit.dev/docs/api/ReactiveElement/' },
      lit: { '*': 'https://lit.dev/docs/api/' },
    },
    suppressCommentWarningsInDeclarationFiles: true,
    // Exports grouped by domain (scripts/typedoc-domain-groups.mjs), not by kind.
    groupOrder: [...domainOrder, '*'],
  },
  plugin: ['./scripts/typedoc-domain-groups.mjs'],
  // The sidebar too: each module's exports under their domain.
  navigation: { includeGroups: true },
  groupOrder: [...domainOrder, '*'],
  blockTags,
  outputs: [
    { name: 'html', path: 'docs/api' },
    { name: 'json', path: 'docs/api/api.json' },
  ],
  readme: 'README.md',
  treatWarningsAsErrors: true,
  treatValidationWarningsAsErrors: true,
  validation: { notExported: true, invalidLink: true, notDocumented: true },
  requiredToBeDocumented: [
    'Enum',
    'EnumMember',
    'Variable',
    'Function',
    'Class',
    'Interface',
    'TypeAlias',
    'Method',
    'Accessor',
    'Constructor',
  ],
  githubPages: false,
  hideGenerator: true,
};
