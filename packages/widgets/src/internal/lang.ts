import type { Lang } from '@eduset/core';

/**
 * The language used when nothing on the page says otherwise.
 *
 * @example
 * ```ts
 * import { defaultLang } from '@eduset/widgets';
 * defaultLang; // 'ru'
 * ```
 */
export const defaultLang: Lang = 'ru';

/**
 * Maps a BCP 47 language tag to a language the widgets speak: `en`, `en-GB` → `'en'`;
 * `ru`, `ru-RU` → `'ru'`; anything else (or an empty tag) → `undefined`.
 *
 * @example
 * ```ts
 * import { langFromTag } from '@eduset/widgets';
 * langFromTag('en-US'); // 'en'
 * langFromTag('de'); // undefined
 * ```
 */
export function langFromTag(tag: string | null | undefined): Lang | undefined {
  const primary = (tag ?? '').trim().toLowerCase().split('-')[0];
  if (primary === 'ru') return 'ru';
  if (primary === 'en') return 'en';
  return undefined;
}

/** The parent of a node, stepping out of a shadow root to its host. */
function parentAcrossShadow(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/**
 * The language an element should speak: its own `lang`, else the closest ancestor's `lang`
 * (looking through shadow roots to their hosts), else `<html lang>`. The closest language
 * tag that is set decides; when it names a language the widgets do not speak, or nothing is
 * set, the answer is Russian.
 *
 * @example
 * ```ts
 * import { resolveLang } from '@eduset/widgets';
 * document.documentElement.lang = 'en';
 * resolveLang(document.body); // 'en'
 * ```
 */
export function resolveLang(element: Element): Lang {
  for (let node: Element | null = element; node !== null; node = parentAcrossShadow(node)) {
    const tag = node.getAttribute('lang');
    if (tag !== null && tag.trim() !== '') return langFromTag(tag) ?? defaultLang;
  }
  const pageTag = element.ownerDocument.documentElement.getAttribute('lang');
  return langFromTag(pageTag) ?? defaultLang;
}
