// The custom elements manifest (custom-elements.json), referenced by "customElements" in
// package.json, so editors and docs tools know each element's attributes, events and parts.

/**
 * The analyzer reads Lit's `static properties` but takes internal reactive state
 * (`{ state: true }`) for attributes, and lists a dispatched event class without a name next
 * to the `@fires` tag that names it. Drop both.
 */
function tidyLitState() {
  return {
    name: 'eduset-tidy-lit-state',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          declaration.attributes = (declaration.attributes ?? []).filter(
            (attribute) =>
              attribute.name === 'lang' || attribute.name.toLowerCase() === attribute.name,
          );
          declaration.events = (declaration.events ?? []).filter((event) => event.name);
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/fixtures/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [tidyLitState()],
};
