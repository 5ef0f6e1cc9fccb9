import type { Lang, Network, Service } from '@eduset/core';
import { findFirst } from './own.js';

/** The name of a service in a language: `name` is Russian, `nameEn` English. */
export function serviceName(service: Pick<Service, 'name' | 'nameEn'>, lang: Lang): string {
  return lang === 'en' ? (service.nameEn ?? service.name) : service.name;
}

/** The name of a network's service in a language; its id when the network does not name it. */
export function serviceNameById(network: Network | null, id: string, lang: Lang): string {
  const service = findFirst(network?.services, (s) => s.id === id);
  return service === undefined ? id : serviceName(service, lang);
}

/** The name of a network's site; its id when the network does not name it. */
export function siteNameById(network: Network | null, id: string): string {
  return findFirst(network?.sites, (s) => s.id === id)?.name ?? id;
}

/** The name of a network's specialist; their id when the network does not name them. */
export function specialistNameById(network: Network | null, id: string): string {
  return findFirst(network?.specialists, (s) => s.id === id)?.name ?? id;
}
