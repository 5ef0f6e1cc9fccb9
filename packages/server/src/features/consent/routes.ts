import type { LocalizedText } from '@eduset/core';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { HttpError } from '../../errors.js';

/**
 * A version of the consent text to personal-data processing (152-ФЗ) that a parent agrees to
 * when she books: its version (a date, `YYYY-MM-DD`, by convention), a title and the wording,
 * Russian first, then English. A booking stores the version agreed to and when; a new wording
 * is a new version, never an edit of an old one.
 *
 * @example
 * ```ts
 * import type { ConsentText } from '@eduset/server';
 * const consent: ConsentText = {
 *   version: '2027-01-15',
 *   title: { ru: 'Согласие на обработку персональных данных', en: 'Consent to personal-data processing' },
 *   text: { ru: 'Я даю согласие …', en: 'I consent …' },
 * };
 * ```
 */
export interface ConsentText {
  readonly version: string;
  readonly title: LocalizedText;
  readonly text: LocalizedText;
}

/**
 * The consent text eduset ships (version `2026-12-01`); a municipality that words its own
 * passes it as `createServer({ consent })` with a new version.
 *
 * @example
 * ```ts
 * import { defaultConsent } from '@eduset/server';
 * defaultConsent.version; // '2026-12-01'
 * ```
 */
export const defaultConsent: ConsentText = Object.freeze({
  version: '2026-12-01',
  title: Object.freeze({
    ru: 'Согласие на обработку персональных данных',
    en: 'Consent to personal-data processing',
  }),
  text: Object.freeze({
    ru: [
      'В соответствии с Федеральным законом от 27.07.2006 № 152-ФЗ «О персональных данных» я даю согласие',
      'органу управления образованием и организациям сети, в которых проходит консультация, на обработку',
      'моих персональных данных (имя, номер телефона, адрес электронной почты) и возраста моего ребёнка',
      'с целью записи на консультацию, напоминания о ней и связи со мной по поводу записи.',
      'Данные доступны только сотрудникам, которым они нужны для этой цели; каждое обращение к ним записывается.',
      'Данные стираются после окончания консультации в срок, установленный оператором (по умолчанию 30 дней).',
      'Я могу узнать, какие мои данные хранятся, и отозвать согласие, обратившись к координатору службы;',
      'тогда мои данные будут стёрты, а предстоящие записи отменены.',
    ].join(' '),
    en: [
      'Under Federal Law No. 152-FZ of 27 July 2006 "On personal data", I consent to the education',
      'authority and the network organizations where the consultation takes place processing my personal',
      "data (name, phone number, e-mail address) and my child's age in order to book the consultation,",
      'remind me of it and contact me about the booking. Only staff who need the data for this purpose',
      'can see it, and every access is recorded. The data is erased after the consultation within the',
      "period the operator sets (30 days by default). I may ask the service's coordinator what data of",
      'mine is held and withdraw my consent; my data is then erased and my coming bookings cancelled.',
    ].join(' '),
  }),
});

/**
 * The answer of `GET /api/consent`: the current consent text.
 *
 * @example
 * ```ts
 * import type { ConsentResponse } from '@eduset/server';
 * declare const answer: ConsentResponse;
 * answer.version; // '2026-12-01'
 * ```
 */
export type ConsentResponse = ConsentText;

/**
 * The 409 for a booking made against another consent version than the current one: the
 * text changed, and the parent must read it again.
 *
 * @example
 * ```ts
 * import { consentChanged } from '@eduset/server';
 * consentChanged('2026-12-01').response.status; // 409
 * ```
 */
export function consentChanged(current: string): HttpError {
  return new HttpError(409, 'consent-changed', {
    ru: `Текст согласия на обработку персональных данных изменился (действующая редакция от ${current}); прочитайте его ещё раз и подтвердите согласие`,
    en: `The text of the consent to personal-data processing has changed (current version ${current}); read it again and confirm your consent`,
  });
}

/**
 * `GET /api/consent` (public) as a Fastify plugin: the current consent text, its version and
 * wording in Russian and English, for the booking form to show and to send back as
 * `consentVersion`.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { consentRoutes, defaultConsent } from '@eduset/server';
 * const server = Fastify();
 * void server.register(consentRoutes(defaultConsent));
 * ```
 */
export function consentRoutes(consent: ConsentText): FastifyPluginAsync {
  return async (api: FastifyInstance) => {
    api.get(
      '/api/consent',
      { config: { access: { public: true } } },
      async (_request, reply): Promise<ConsentResponse> => {
        // The wording changes only with a new version; caches may keep it a little.
        void reply.header('cache-control', 'public, max-age=300');
        return consent;
      },
    );
  };
}
