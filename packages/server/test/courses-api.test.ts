import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { courseRoutes, errorResponse } from '../src/index.js';
import data from '../../../examples/data/udomlya-courses.json' with { type: 'json' };

describe('courseRoutes', () => {
  it('serves the directory, views, feeds, the workbook and the report', async () => {
    const app = Fastify();
    // As createServer does: eduset's bilingual JSON errors.
    app.setErrorHandler((error, _request, reply) => {
      const { status, body } = errorResponse(error);
      return reply.code(status).send(body);
    });
    await app.register(
      courseRoutes({ network: data, approvedAt: '2025-08-29T09:00:00Z', iterations: 5_000 }),
    );
    const directory = (await app.inject('/api/courses/directory')).json();
    expect(directory.centres).toHaveLength(4);
    expect(directory.students.length).toBeGreaterThan(150);
    const view = await app.inject('/api/courses/timetable?view=centre&id=rc-gymnasium-3');
    expect(view.statusCode).toBe(200);
    expect(view.json().icsUrl).toBe('/api/courses/feeds/centre/rc-gymnasium-3.ics');
    const missing = await app.inject('/api/courses/timetable?view=centre&id=nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message.ru).toContain('nope');
    expect((await app.inject('/api/courses/timetable?view=planet&id=x')).statusCode).toBe(400);
    const feed = await app.inject('/api/courses/feeds/centre/rc-gymnasium-3.ics');
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('BEGIN:VTIMEZONE');
    expect((await app.inject('/api/courses/timetable.xlsx')).statusCode).toBe(200);
    expect((await app.inject('/api/courses/report')).json().hard).toBe(0);
    await app.close();
  });
});
